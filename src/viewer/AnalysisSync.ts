import { Cartesian2, Cartesian3, Cartographic, Color, ConstantProperty, CustomDataSource, ImageMaterialProperty, Math as CesiumMath, PolygonHierarchy, Rectangle, ScreenSpaceEventHandler, ScreenSpaceEventType, type Viewer } from 'cesium';
import { LocalFrame } from '../core/crs/LocalFrame';
import { sunHoursColor, sunHoursRampMax } from '../core/analysis/sunHoursColor';
import type { AppState, AppStore } from '../state';
import { sunHoursAt } from '../core/analysis/sunHours/sunHoursAnalysis';
import type { AnalysisResult } from '../state/analysisSlice';
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
 * sun-hours grid as an image on the ground (building cells transparent), the
 * overlap polygons, or the Baugebiete in their compliance traffic-light colour. Reconciles on every change of `analysisResult`; while
 * a sun-hours result is shown, the pointer (hover or tap) reports the cell's
 * value to the store (`analysisProbe`). The sun-at-points markers and
 * point placing live in `syncSunPoints`, started here. Returns a disposer.
 */
export function syncAnalysis(viewer: Viewer, store: AppStore): () => void {
  const ds = new CustomDataSource('analysis');
  void viewer.dataSources.add(ds);
  let prev: AnalysisResult | undefined;
  const apply = (s: AppState) => {
    if (s.analysisResult === prev) return;
    prev = s.analysisResult;
    ds.entities.removeAll();
    const r = s.analysisResult;
    if (r?.kind === 'shadows' && r.status === 'ok') drawShadows(ds, r.geojson);
    if (r?.kind === 'sunHours') drawSunHours(ds, r);
    if (r?.kind === 'overlaps') drawPolygons(ds, r.geojson, () => OVERLAP);
    if (r?.kind === 'compliance') drawPolygons(ds, r.lightsGeojson, (p) => LIGHTS[String(p?.light)] ?? LIGHTS.unknown);
    viewer.scene.requestRender();
  };
  apply(store.getState());
  const unsub = store.subscribe(apply);

  // Value under the pointer: ground point → grid cell. Only the cell change reaches the store.
  const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
  let lastKey = '';
  const probe = (pos: Cartesian2) => {
    const r = store.getState().analysisResult;
    if (r?.kind !== 'sunHours') return;
    const ray = viewer.camera.getPickRay(pos);
    const p = (ray && viewer.scene.globe.pick(ray, viewer.scene)) ?? viewer.camera.pickEllipsoid(pos);
    let next: AppState['analysisProbe'];
    if (p) {
      const c = Cartographic.fromCartesian(p);
      const lon = CesiumMath.toDegrees(c.longitude), lat = CesiumMath.toDegrees(c.latitude);
      const [x, y] = new LocalFrame(r.grid.originX, r.grid.originY).toLocal([lon, lat]);
      const h = sunHoursAt(r, x, y);
      if (h !== undefined) next = { lon, lat, hours: h };
    }
    const key = next ? `${Math.floor(next.lon * 1e5)}:${Math.floor(next.lat * 1e5)}:${next.hours}` : '';
    if (key === lastKey) return;
    lastKey = key;
    store.getState().setAnalysisProbe(next);
  };
  handler.setInputAction((e: ScreenSpaceEventHandler.MotionEvent) => probe(e.endPosition), ScreenSpaceEventType.MOUSE_MOVE);
  handler.setInputAction((e: ScreenSpaceEventHandler.PositionedEvent) => probe(e.position), ScreenSpaceEventType.LEFT_CLICK);
  const stopPoints = syncSunPoints(viewer, store);
  return () => {
    stopPoints();
    unsub();
    handler.destroy();
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

function drawSunHours(ds: CustomDataSource, r: Extract<AnalysisResult, { kind: 'sunHours' }>): void {
  const g = r.grid;
  if (typeof document === 'undefined') return;
  const canvas = document.createElement('canvas');
  canvas.width = g.nx;
  canvas.height = g.ny;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const img = ctx.createImageData(g.nx, g.ny);
  const maxH = sunHoursRampMax(r.stepCount * r.stepHours);
  for (let j = 0; j < g.ny; j++)
    for (let i = 0; i < g.nx; i++) {
      const k = j * g.nx + i;
      // Row 0 of the grid is south; row 0 of the image is north.
      const o = ((g.ny - 1 - j) * g.nx + i) * 4;
      if (r.building[k]) continue;
      const [red, green, blue] = sunHoursColor(r.sunHours[k], maxH);
      img.data[o] = red;
      img.data[o + 1] = green;
      img.data[o + 2] = blue;
      img.data[o + 3] = 170;
    }
  ctx.putImageData(img, 0, 0);
  const frame = new LocalFrame(g.originX, g.originY);
  const [w, s] = frame.toWgs84([g.x0, g.y0]);
  const [e, n] = frame.toWgs84([g.x0 + g.nx * g.cellM, g.y0 + g.ny * g.cellM]);
  // Grid north differs from true north by the meridian convergence (≤ 3° in Germany); the image is
  // drawn on the WGS84 rectangle of its corners, which is good enough for display at these sizes.
  ds.entities.add({
    rectangle: { coordinates: Rectangle.fromDegrees(w, s, e, n), height: 0.1, material: new ImageMaterialProperty({ image: canvas, transparent: true }) },
  });
}
