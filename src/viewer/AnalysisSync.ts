import { Cartesian3, Color, ConstantProperty, CustomDataSource, PolygonHierarchy, type Viewer } from 'cesium';
import { sunHoursColor, sunHoursRampMax, thresholdColor } from '../core/analysis/sunHoursColor';
import { shallow } from 'zustand/shallow';
import type { AppStore } from '../state';
import type { AnalysisResult } from '../state/analysisSlice';
import { GroundHeatMap } from './groundHeatMap';
import { syncSunPoints } from './SunPointsSync';

export { sunHoursColor };

const SHADOW = Color.fromCssColorString('#1d2a5b').withAlpha(0.45);
const OVERLAP = Color.fromCssColorString('#e65100').withAlpha(0.6);
const OVERLAP_OUTLINE = Color.fromCssColorString('#bf360c');
/** Traffic-light fills of the compliance result, as in the panel. */
const LIGHTS: Record<string, Color> = {
  ok: Color.fromCssColorString('#2e9e44').withAlpha(0.35),
  exceeded: Color.fromCssColorString('#d32f2f').withAlpha(0.5),
  unknown: Color.fromCssColorString('#9e9e9e').withAlpha(0.35),
};

/**
 * Draws the analysis result of the store: the merged shadow polygons, the
 * sun-hours grid on the ground (the one heat-map renderer, building cells
 * transparent), the overlap polygons, or the Baugebiete in their compliance
 * traffic-light colour. Reconciles only when `analysisResult` or the sun-hours map mode changes. The
 * value under the pointer is the select tool's (`state/tools/selectTool.ts`);
 * the sun-at-points markers live in `syncSunPoints`, started here. Returns a disposer.
 */
export function syncAnalysis(viewer: Viewer, store: AppStore): () => void {
  const ds = new CustomDataSource('analysis');
  void viewer.dataSources.add(ds);
  const heat = new GroundHeatMap(viewer, 0.1);
  const apply = ([r, map]: [AnalysisResult | undefined, 'hours' | 'threshold']) => {
    ds.entities.removeAll();
    if (r?.kind === 'shadows' && r.status === 'ok') drawShadows(ds, r.geojson);
    if (r?.kind === 'sunHours') {
      const maxH = sunHoursRampMax(r.stepCount * r.stepHours);
      const th = r.thresholdHours;
      // The threshold map: pass/fail per ground cell against the run's threshold (DIN 5034-1, DIN EN 17037).
      if (map === 'threshold' && th !== undefined) heat.show(r.grid, (k) => (r.building[k] ? undefined : [...thresholdColor(r.sunHours[k], th), 170]));
      else heat.show(r.grid, (k) => (r.building[k] ? undefined : [...sunHoursColor(r.sunHours[k], maxH), 170]));
    } else if (heat.shown) heat.show(undefined);
    if (r?.kind === 'overlaps') drawPolygons(ds, r.geojson, () => OVERLAP);
    if (r?.kind === 'compliance') drawPolygons(ds, r.lightsGeojson, (p) => LIGHTS[String(p?.light)] ?? LIGHTS.unknown);
    viewer.scene.requestRender();
  };
  const unsub = store.subscribe((s) => [s.analysisResult, s.sunHoursMap] as [AnalysisResult | undefined, 'hours' | 'threshold'], apply, { fireImmediately: true, equalityFn: shallow });
  const stopPoints = syncSunPoints(viewer, store);
  return () => {
    stopPoints();
    unsub();
    heat.clear();
    viewer.dataSources.remove(ds, true);
  };
}

const ring = (r: GeoJSON.Position[]) => Cartesian3.fromDegreesArray(r.flatMap((p) => [p[0], p[1]]));

function drawShadows(ds: CustomDataSource, fc: GeoJSON.FeatureCollection): void {
  for (const f of fc.features) {
    if (f.properties?.kind !== 'union' || f.geometry?.type !== 'MultiPolygon') continue;
    for (const poly of f.geometry.coordinates) {
      const hierarchy = new PolygonHierarchy(ring(poly[0]), poly.slice(1).map((h) => new PolygonHierarchy(ring(h))));
      ds.entities.add({ polygon: { hierarchy: new ConstantProperty(hierarchy), height: 0.15, material: SHADOW } });
    }
  }
}

function drawPolygons(ds: CustomDataSource, fc: GeoJSON.FeatureCollection, fill: (p: GeoJSON.GeoJsonProperties) => Color): void {
  for (const f of fc.features) {
    const g = f.geometry;
    const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
    for (const poly of polys) {
      if (!poly[0] || poly[0].length < 4) continue;
      const hierarchy = new PolygonHierarchy(ring(poly[0]), poly.slice(1).map((h) => new PolygonHierarchy(ring(h))));
      ds.entities.add({ polygon: { hierarchy: new ConstantProperty(hierarchy), height: 0.2, material: fill(f.properties), outline: true, outlineColor: OVERLAP_OUTLINE } });
    }
  }
}
