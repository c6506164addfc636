import { Cartesian2, Cartesian3, Cesium3DTileFeature, Entity, ScreenSpaceEventHandler, ScreenSpaceEventType, type Viewer } from 'cesium';
import { snapPoint } from '../core/scenario/snapPoint';
import type { AppStore } from '../state';
import { findVariant } from '../state/scenarioSlice';
import { pickSurface } from './pickHandler';
import { tileFeatureId } from './ScenarioSync';

/** Snap radius while sketching, metres (EPSG:25832). */
const SNAP_M = 1.0;
/** A click this close (CSS px) to the first corner closes the ring. */
const CLOSE_PX = 14;

/**
 * Pointer input of the scenario tools (mouse and touch alike: Cesium turns a
 * tap into LEFT_CLICK):
 * - sketch: each click/tap adds a corner (snapped to corners/edges of proposed
 *   buildings within 1 m); clicking the first corner or double-clicking closes
 *   the ring into a building;
 * - demolish: clicking a city-model building marks it demolished;
 * - otherwise a click on a proposed building selects it, and dragging a corner
 *   handle of the selected building moves that corner.
 */
export function installSketchTool(viewer: Viewer, store: AppStore): () => void {
  const scene = viewer.scene;
  const handler = new ScreenSpaceEventHandler(scene.canvas);
  let drag: { buildingId: string; index: number } | null = null;

  const proposedRings = () => {
    const s = store.getState();
    return findVariant(s, s.activeVariantId)?.buildings.map((b) => b.footprint) ?? [];
  };

  handler.setInputAction((ev: { position: Cartesian2 }) => {
    const s = store.getState();
    if (s.measureMode !== 'none') return;
    if (s.scenarioTool === 'sketch') {
      const pts = s.sketchPoints;
      if (pts.length >= 3) {
        const first = scene.cartesianToCanvasCoordinates(fromDegrees(pts[0]));
        if (first && Cartesian2.distance(first, ev.position) <= CLOSE_PX) {
          s.finishSketch();
          return;
        }
      }
      const p = pickSurface(viewer, ev.position);
      if (!p) return;
      const { point } = snapPoint([p[0], p[1]], proposedRings(), SNAP_M);
      s.addSketchPoint(point);
      return;
    }
    const picked = scene.pick(ev.position);
    if (s.scenarioTool === 'demolish') {
      if (picked instanceof Cesium3DTileFeature) s.demolishBuildings([tileFeatureId(picked)]);
      return;
    }
    const pid = (picked?.id as { proposedBuildingId?: string } | undefined)?.proposedBuildingId;
    if (pid) s.selectProposedBuilding(pid);
  }, ScreenSpaceEventType.LEFT_CLICK);

  handler.setInputAction(() => {
    const s = store.getState();
    if (s.scenarioTool === 'sketch' && s.sketchPoints.length >= 3) s.finishSketch();
  }, ScreenSpaceEventType.LEFT_DOUBLE_CLICK);

  // Corner dragging of the selected building.
  handler.setInputAction((ev: { position: Cartesian2 }) => {
    const s = store.getState();
    if (s.scenarioTool !== 'none' || !s.selectedProposedId) return;
    const picked = scene.pick(ev.position);
    const id = picked?.id instanceof Entity ? String(picked.id.id) : '';
    const m = /^scenario-vertex:(.+):(\d+)$/.exec(id);
    if (!m) return;
    drag = { buildingId: m[1], index: Number(m[2]) };
    scene.screenSpaceCameraController.enableInputs = false;
  }, ScreenSpaceEventType.LEFT_DOWN);
  handler.setInputAction((ev: { position: Cartesian2 }) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    scene.screenSpaceCameraController.enableInputs = true;
    const p = pickSurface(viewer, ev.position);
    if (p) store.getState().moveProposedVertex(d.buildingId, d.index, [p[0], p[1]]);
  }, ScreenSpaceEventType.LEFT_UP);

  return () => {
    scene.screenSpaceCameraController.enableInputs = true;
    handler.destroy();
  };
}

// Same height as the sketch markers (ScenarioSync) so the screen positions agree.
const fromDegrees = (p: [number, number]) => Cartesian3.fromDegrees(p[0], p[1], 0.3);
