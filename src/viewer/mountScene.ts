import { Cartesian3, SceneTransforms, type Viewer } from 'cesium';
import type { AppStore, CameraView } from '../state';
import { createOfflineViewer } from './createOfflineViewer';
import { LayersSync } from './layersSync';
import { readCamera, syncCamera } from './cameraSync';
import { syncTime } from './timeSync';
import { installInputRouter } from './inputRouter';
import { syncMeasure } from './measureSync';
import { ProposedBuildingModels } from './ProposedBuildingModels';
import { syncSketchOverlay } from './SketchOverlay';
import { syncSketchSnap } from './sketchSnapSync';
import { syncSunDelta } from './sunDeltaSync';
import { syncOrientation } from './orientationSync';
import { SceneNotSettledError } from './SceneNotSettledError';

/** What the scenario test hook reads from the scene (models, demolitions per side, picking). */
export interface ScenarioProbe {
  /** Ids of the proposed buildings drawn as ready models. */
  modelIds(): string[];
  /** Whether a loaded city-model building is drawn (false: hidden as demolished; undefined: not loaded); per compare side. */
  featureShown(id: string, side?: 'left' | 'right'): boolean | undefined;
  /** Id of the proposed building at a window (CSS px) position. */
  proposedIdAt(x: number, y: number): string | undefined;
}

/** What the app (and the test hook) can ask of the mounted scene. */
export interface SceneHandle {
  viewer: Viewer;
  /** Frames rendered so far. */
  frames(): number;
  camera(): CameraView;
  /**
   * Resolves when the globe, every visible layer and the last requested
   * render are done: nothing more will change on screen without input.
   */
  settled(timeoutMs?: number): Promise<void>;
  /** Window (CSS pixel) position of a WGS84 point, for tests that click on known places. */
  toScreen(lon: number, lat: number, height?: number): { x: number; y: number } | undefined;
  scenario: ScenarioProbe;
  destroy(): void;
}

/**
 * Creates the Cesium viewer in `container` (outside React's tree) and wires
 * it to the store: the layer registry, camera, time/shadows, the one input
 * router, measuring, proposed buildings, the sketch overlay and the sun-change
 * heat map. `opts.resolutionScale` comes from the test options only.
 */
export function mountScene(container: HTMLElement, store: AppStore, opts: { resolutionScale?: number } = {}): SceneHandle {
  const viewer = createOfflineViewer(container);
  // Tests on a software GPU render fewer pixels (the CSS size, picking and toScreen are unchanged).
  if (opts.resolutionScale !== undefined) viewer.resolutionScale = opts.resolutionScale;
  const scene = viewer.scene;
  let frames = 0;
  scene.postRender.addEventListener(() => {
    frames++;
  });
  let cameraMoving = false;
  viewer.camera.moveStart.addEventListener(() => (cameraMoving = true));
  viewer.camera.moveEnd.addEventListener(() => (cameraMoving = false));
  const layers = new LayersSync(viewer, store);
  const models = new ProposedBuildingModels(viewer, store);
  const cleanups = [
    syncCamera(viewer, store),
    syncTime(viewer, store),
    installInputRouter(viewer, store, layers),
    syncMeasure(viewer, store),
    syncSketchOverlay(viewer, store),
    syncSketchSnap(viewer, store),
    syncSunDelta(viewer, store),
    syncOrientation(viewer, store),
  ];
  scene.renderError.addEventListener((_s, err) => store.getState().setViewerError(String((err as Error)?.message ?? err)));
  store.getState().setViewerReady(true);

  const settled = (timeoutMs = 120_000) =>
    new Promise<void>((resolve, reject) => {
      const start = performance.now();
      let quietFrom = -1;
      const check = () => {
        const busy = !scene.globe.tilesLoaded || !layers.isSettled() || cameraMoving;
        if (busy) quietFrom = -1;
        else if (quietFrom < 0) quietFrom = frames;
        // Two more rendered frames while quiet: whatever the last frame requested has started and shows.
        else if (frames - quietFrom >= 2) return resolve();
        if (performance.now() - start > timeoutMs) {
          return reject(new SceneNotSettledError(timeoutMs, scene.globe.tilesLoaded, layers.isSettled(), cameraMoving));
        }
        scene.requestRender();
        setTimeout(check, 50);
      };
      check();
    });

  return {
    viewer,
    frames: () => frames,
    camera: () => readCamera(viewer),
    settled,
    toScreen: (lon, lat, height = 0) => {
      const w = SceneTransforms.worldToWindowCoordinates(scene, Cartesian3.fromDegrees(lon, lat, height));
      if (!w) return undefined;
      const r = scene.canvas.getBoundingClientRect();
      return { x: r.left + w.x, y: r.top + w.y };
    },
    scenario: {
      modelIds: () => models.modelIds(),
      featureShown: (id, side) => {
        let found: boolean | undefined;
        for (const t of layers.tilesets()) {
          const v = t.featureShown(id, side);
          if (v !== undefined) found = (found ?? false) || v;
        }
        return found;
      },
      proposedIdAt: (x, y) => models.proposedIdAt(x, y),
    },
    destroy: () => {
      for (const c of cleanups) c();
      models.destroy();
      layers.destroy();
      viewer.destroy();
    },
  };
}
