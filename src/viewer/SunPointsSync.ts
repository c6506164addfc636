import {
  Cartesian2,
  Cartesian3,
  Cesium3DTileFeature,
  Color,
  CustomDataSource,
  HorizontalOrigin,
  LabelStyle,
  ScreenSpaceEventHandler,
  ScreenSpaceEventType,
  VerticalOrigin,
  type Viewer,
} from 'cesium';
import { INTL_LOCALE } from '../core/i18n/Lang';
import type { AppState, AppStore } from '../state';
import type { Selection } from '../state/selectionSlice';
import { pickSurface } from './pickHandler';

const PASS = Color.fromCssColorString('#2e9e44');
const FAIL = Color.fromCssColorString('#d32f2f');
const PENDING = Color.fromCssColorString('#9e9e9e');

/**
 * Sun at points on the map: places a point on the next click while
 * `sunPointPlacing` is on, and draws the points as markers coloured
 * pass/fail (grey until computed) with their id and hours.
 *
 * Façades: Cesium gives no surface normal for a picked 3D Tiles position
 * (only a depth-buffer position), and estimating one from neighbouring depth
 * samples is noisy at wall edges and at SwiftShader precision. So a click on
 * a building only records the picked position, its height and the building
 * id; the analysis snaps the point onto that building's nearest footprint
 * edge in buildings.geojson and uses the edge's outward normal (core
 * `buildingHit`). The footprints are what the ray caster tests against, so
 * the façade point sits exactly on the wall it checks. Clicks on the ground
 * make ground points at 0 m, the height of the sun-hours heatmap.
 */
export function syncSunPoints(viewer: Viewer, store: AppStore): () => void {
  const ds = new CustomDataSource('sun-points');
  void viewer.dataSources.add(ds);
  let prevPoints: AppState['sunPoints'] | undefined;
  let prevResult: AppState['analysisResult'] | undefined;
  let prevPlacing = false;
  let prevLang: AppState['lang'] | undefined;
  // The selection before placing started: the pick handler selects what the placing click hits, we put it back.
  let selectionBefore: Selection | undefined;
  const apply = (s: AppState) => {
    if (s.sunPointPlacing !== prevPlacing) {
      prevPlacing = s.sunPointPlacing;
      if (s.sunPointPlacing) selectionBefore = s.selection;
      viewer.scene.canvas.style.cursor = s.sunPointPlacing ? 'crosshair' : '';
    }
    // The markers keep the last sun-points result while another analysis is shown; a cleared result greys them.
    const result = s.analysisResult?.kind === 'sunPoints' ? s.analysisResult : s.analysisResult === undefined ? undefined : prevResult;
    if (s.sunPoints === prevPoints && result === prevResult && s.lang === prevLang) return;
    prevPoints = s.sunPoints;
    prevLang = s.lang;
    prevResult = result;
    draw(ds, s.sunPoints, result?.kind === 'sunPoints' ? result : undefined, INTL_LOCALE[s.lang]);
    viewer.scene.requestRender();
  };
  apply(store.getState());
  const unsub = store.subscribe(apply);

  const handler = new ScreenSpaceEventHandler(viewer.scene.canvas);
  handler.setInputAction((e: ScreenSpaceEventHandler.PositionedEvent) => {
    const s = store.getState();
    if (!s.sunPointPlacing) return;
    const p = pick(viewer, e.position);
    if (!p) return;
    s.select(selectionBefore);
    s.addSunPoint(p);
  }, ScreenSpaceEventType.LEFT_CLICK);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && store.getState().sunPointPlacing) store.getState().setSunPointPlacing(false);
  };
  window.addEventListener('keydown', onKey);
  return () => {
    unsub();
    handler.destroy();
    window.removeEventListener('keydown', onKey);
    viewer.dataSources.remove(ds, true);
  };
}

/** A click → a point draft: on a city-model building its id and the clicked height (the tiles stand on the ellipsoid, so height = height above ground), else the ground at 0 m. */
function pick(viewer: Viewer, pos: Cartesian2): { lonLat: [number, number]; heightM: number; onBuildingId?: string } | undefined {
  const picked = viewer.scene.pick(pos);
  const p = pickSurface(viewer, pos);
  if (!p) return undefined;
  const id = picked instanceof Cesium3DTileFeature ? picked.getProperty('id') : undefined;
  if (id !== undefined && id !== null) return { lonLat: [p[0], p[1]], heightM: Math.max(0, p[2]), onBuildingId: String(id) };
  return { lonLat: [p[0], p[1]], heightM: 0 };
}

function draw(ds: CustomDataSource, points: AppState['sunPoints'], result: Extract<AppState['analysisResult'], { kind: 'sunPoints' }> | undefined, locale: string): void {
  ds.entities.removeAll();
  const rows = new Map((result?.rows ?? []).map((r) => [r.id, r]));
  for (const p of points) {
    const r = rows.get(p.id);
    // Computed points are drawn where they were tested (façade points on the wall, roof points on the roof).
    const [lon, lat] = r?.lonLat ?? p.lonLat;
    const h = r?.heightM ?? p.heightM;
    const colour = r ? (r.meetsThreshold ? PASS : FAIL) : PENDING;
    ds.entities.add({
      id: `sun-point:${p.id}`,
      position: Cartesian3.fromDegrees(lon, lat, h + 0.05),
      point: { pixelSize: 13, color: colour, outlineColor: Color.WHITE, outlineWidth: 2, disableDepthTestDistance: Number.POSITIVE_INFINITY },
      label: {
        text: r ? `${p.id} · ${r.sunHours.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} h` : p.id,
        font: '600 13px sans-serif',
        fillColor: Color.WHITE,
        outlineColor: Color.fromCssColorString('#1b1b1b'),
        outlineWidth: 3,
        style: LabelStyle.FILL_AND_OUTLINE,
        horizontalOrigin: HorizontalOrigin.LEFT,
        verticalOrigin: VerticalOrigin.BOTTOM,
        pixelOffset: new Cartesian2(9, -6),
        disableDepthTestDistance: Number.POSITIVE_INFINITY,
      },
    });
  }
}
