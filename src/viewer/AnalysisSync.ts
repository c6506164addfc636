import { Cartesian3, Color, ConstantProperty, CustomDataSource, ImageMaterialProperty, PolygonHierarchy, Rectangle, type Viewer } from 'cesium';
import { LocalFrame } from '../core/crs/LocalFrame';
import type { AppState, AppStore } from '../state';
import type { AnalysisResult } from '../state/analysisSlice';

const SHADOW = Color.fromCssColorString('#1d2a5b').withAlpha(0.45);

/** Colour ramp for sun hours: dark blue (0 h) → yellow (≥ 10 h). */
export function sunHoursColor(h: number): [number, number, number] {
  const t = Math.max(0, Math.min(1, h / 10));
  return [Math.round(30 + 225 * t), Math.round(40 + 180 * t), Math.round(120 - 100 * t)];
}

/**
 * Draws the analysis result of the store: the merged shadow polygons, or the
 * sun-hours grid as an image on the ground (building cells transparent).
 * Reconciles on every change of `analysisResult`; returns a disposer.
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
    viewer.scene.requestRender();
  };
  apply(store.getState());
  const unsub = store.subscribe(apply);
  return () => {
    unsub();
    viewer.dataSources.remove(ds, true);
  };
}

function drawShadows(ds: CustomDataSource, fc: GeoJSON.FeatureCollection): void {
  for (const f of fc.features) {
    if (f.properties?.kind !== 'union' || f.geometry?.type !== 'MultiPolygon') continue;
    for (const poly of f.geometry.coordinates) {
      const ring = (r: GeoJSON.Position[]) => Cartesian3.fromDegreesArray(r.flatMap((p) => [p[0], p[1]]));
      const hierarchy = new PolygonHierarchy(ring(poly[0]), poly.slice(1).map((h) => new PolygonHierarchy(ring(h))));
      ds.entities.add({ polygon: { hierarchy: new ConstantProperty(hierarchy), height: 0.15, material: SHADOW } });
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
  for (let j = 0; j < g.ny; j++)
    for (let i = 0; i < g.nx; i++) {
      const k = j * g.nx + i;
      // Row 0 of the grid is south; row 0 of the image is north.
      const o = ((g.ny - 1 - j) * g.nx + i) * 4;
      if (r.building[k]) continue;
      const [red, green, blue] = sunHoursColor(r.sunHours[k]);
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
