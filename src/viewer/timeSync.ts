import { JulianDate, type Viewer } from 'cesium';
import { shallow } from 'zustand/shallow';
import type { AppState, AppStore, ShadowQuality } from '../state';

const SHADOW_MAP: Record<ShadowQuality, { size: number; soft: boolean }> = {
  low: { size: 1024, soft: false },
  medium: { size: 2048, soft: true },
  high: { size: 4096, soft: true },
};

/** Scene time, sun lighting and shadows from the store. */
export function syncTime(viewer: Viewer, store: AppStore): () => void {
  const select = (s: AppState) => ({ timeMs: s.timeMs, lighting: s.lighting, shadows: s.shadows, shadowQuality: s.shadowQuality });
  const apply = (s: ReturnType<typeof select>) => {
    viewer.clock.currentTime = JulianDate.fromDate(new Date(s.timeMs));
    viewer.scene.globe.enableLighting = s.lighting;
    viewer.shadows = s.shadows;
    const q = SHADOW_MAP[s.shadowQuality];
    viewer.shadowMap.size = q.size;
    viewer.shadowMap.softShadows = q.soft;
    viewer.shadowMap.darkness = 0.45;
    viewer.shadowMap.maximumDistance = 3000;
    viewer.scene.requestRender();
  };
  return store.subscribe(select, apply, { equalityFn: shallow, fireImmediately: true });
}
