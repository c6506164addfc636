import type { Viewer } from 'cesium';
import { analysisInputs } from '../core/analysis/analysisInputs';
import { LocalFrame } from '../core/crs/LocalFrame';
import { SnapIndex, type SnapLine, type SnapSource } from '../core/geometry/SnapIndex';
import type { CatalogLayer } from '../core/model/Catalog';
import { sketchSnapLines } from '../core/scenario/sketchSnapLines';
import type { AppStore } from '../state';
import { allCatalogLayers } from '../state/selectors';
import { fetchLayerGeoJson } from './layers/fetchLayerGeoJson';
import { resolveLayerUrl } from './layersSync';

/**
 * Loads the sketch tool's snap targets when the tool starts: the building
 * footprints, Baugrenzen/Baulinien (and überbaubare Flächen) and parcel
 * lines that the analyses read (same role rules, dropped files included),
 * indexed once per layer list in a frame around the dataset's home. A layer
 * that cannot be loaded is left out (its own error shows in the layer tree).
 */
export function syncSketchSnap(viewer: Viewer, store: AppStore): () => void {
  let key = '';
  const load = async () => {
    const s = store.getState();
    const layers = allCatalogLayers(s);
    const k = `${s.catalogUrl}\n${layers.map((l) => `${l.id} ${l.role ?? ''} ${l.url}`).join('\n')}`;
    if (k === key) return;
    key = k;
    const inputs = analysisInputs(layers);
    const wanted: [CatalogLayer, SnapSource][] = [
      ...(inputs.buildings ? [[inputs.buildings, 'building'] as [CatalogLayer, SnapSource]] : []),
      ...inputs.buildingLines.map((l) => [l, 'buildingLine'] as [CatalogLayer, SnapSource]),
      ...(inputs.parcels ? [[inputs.parcels, 'parcel'] as [CatalogLayer, SnapSource]] : []),
    ];
    const home = s.catalog?.home;
    const fcs = await Promise.all(wanted.map(([l]) => fetchLayerGeoJson(l, resolveLayerUrl(l, s.catalogUrl)).catch(() => null)));
    if (key !== k) return;
    const first = fcs.find((fc) => fc?.features.length)?.features[0];
    const at = home ? [home.lon, home.lat] : first ? firstPosition(first.geometry) : undefined;
    if (!at) return store.getState().setSketchSnapTargets(null);
    const frame = LocalFrame.around(at);
    const lines: SnapLine[] = fcs.flatMap((fc, i) => (fc ? sketchSnapLines(fc.features, frame, wanted[i][1]) : []));
    store.getState().setSketchSnapTargets({ index: SnapIndex.build(lines), frame });
    viewer.scene.requestRender();
  };
  return store.subscribe(
    (s) => s.tool === 'sketch' && !!s.catalog,
    (on) => {
      if (on) void load();
    },
    { fireImmediately: true },
  );
}

function firstPosition(g: GeoJSON.Geometry | null): number[] | undefined {
  if (!g || g.type === 'GeometryCollection') return undefined;
  let c: unknown = g.coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return c as number[];
}
