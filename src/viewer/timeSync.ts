import { JulianDate, type Viewer } from 'cesium';
import { shallow } from 'zustand/shallow';
import type { AppState, AppStore, ShadowQuality } from '../state';

const SHADOW_MAP: Record<ShadowQuality, { size: number; soft: boolean }> = {
  low: { size: 1024, soft: false },
  medium: { size: 2048, soft: true },
  high: { size: 4096, soft: true },
};

/**
 * Receiver bias for 3D Tiles, models and primitives (Cesium keeps it in the
 * private `ShadowMap._primitiveBias`; the public API has no setter). Cesium's
 * normal offset of 0.1 m × (1 − n·l) suits one depth sample per pixel, but soft
 * shadows (medium/high) average 3 × 3 samples one shadow-map texel apart, and on
 * a wall the neighbours one texel towards the sun read the wall's own depth:
 * sunlit walls got light and dark stripes (shadow acne), strongest at 100–300 m
 * where the cascades' texels are largest (luminance standard deviation 16.8 on
 * the demo tower's south wall at medium, 6.5 at high, 0 with shadows off). A
 * 1 m scale (0.19 m on that wall, 0.4 m on a flat roof at 36° sun) clears the
 * stripes at every quality and keeps shadows cast by one building onto another
 * (tests/browser/shadowAcne.spec.ts). The globe keeps Cesium's terrain bias.
 */
export const PRIMITIVE_NORMAL_OFFSET_SCALE = 1.0;

/** Sets the receiver bias on Cesium's shadow map (see {@link PRIMITIVE_NORMAL_OFFSET_SCALE}), if this Cesium still has the field. */
function clearShadowAcne(viewer: Viewer): void {
  const bias = (viewer.shadowMap as unknown as { _primitiveBias?: { normalOffsetScale: number } })._primitiveBias;
  if (bias && typeof bias.normalOffsetScale === 'number') bias.normalOffsetScale = PRIMITIVE_NORMAL_OFFSET_SCALE;
}

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
    clearShadowAcne(viewer);
    viewer.scene.requestRender();
  };
  return store.subscribe(select, apply, { equalityFn: shallow, fireImmediately: true });
}
