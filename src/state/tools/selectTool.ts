import { LocalFrame } from '../../core/crs/LocalFrame';
import type { AppState, AppStore } from '../AppState';
import { sunHoursAt } from '../../core/analysis/sunHours/sunHoursAnalysis';
import type { Pick } from './Pick';
import type { ToolHandler } from './ToolHandler';

/**
 * The default tool. A click selects the feature under the pointer (any layer
 * of the registry, dropped layers included) or clears the selection on empty
 * ground, and selects a proposed building it hits; pressing on a corner
 * handle of the selected proposed building starts dragging it
 * (`editVertex`); pointer moves and clicks report the sun-hours cell under
 * the pointer while a sun-hours result is shown.
 */
export const selectTool: ToolHandler = {
  onClick(pick, store) {
    const s = store.getState();
    const f = pick.feature;
    s.select(f ? { layerId: f.layerId, featureId: f.featureId, properties: f.properties } : undefined);
    if (pick.proposedId) s.selectProposedBuilding(pick.proposedId);
    probeSunHours(pick, store);
  },
  onDown(pick, store) {
    const s = store.getState();
    const v = s.selectedProposedId ? pick.vertex : undefined;
    if (!v || v.buildingId !== s.selectedProposedId) return false;
    s.startVertexDrag(v.buildingId, v.index);
    return true;
  },
  onMove(pick, store) {
    probeSunHours(pick, store);
  },
};

/**
 * Sets `analysisProbe` to the sun-hours cell under the pointer (ground point
 * → local frame → grid cell); only a change reaches the store.
 */
export function probeSunHours(pick: Pick, store: AppStore): void {
  const s = store.getState();
  const r = s.analysisResult;
  if (r?.kind !== 'sunHours') return;
  const p = pick.ground;
  let next: AppState['analysisProbe'];
  if (p) {
    const [lon, lat] = p;
    const [x, y] = new LocalFrame(r.grid.originX, r.grid.originY).toLocal([lon, lat]);
    const h = sunHoursAt(r, x, y);
    if (h !== undefined) next = { lon, lat, hours: h };
  }
  const prev = s.analysisProbe;
  const same = prev && next ? Math.floor(prev.lon * 1e5) === Math.floor(next.lon * 1e5) && Math.floor(prev.lat * 1e5) === Math.floor(next.lat * 1e5) && prev.hours === next.hours : prev === next;
  if (!same) s.setAnalysisProbe(next);
}
