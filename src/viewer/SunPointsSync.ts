import { Cartesian2, Cartesian3, Color, CustomDataSource, HorizontalOrigin, LabelStyle, VerticalOrigin, type Viewer } from 'cesium';
import { shallow } from 'zustand/shallow';
import { INTL_LOCALE } from '../core/i18n/Lang';
import type { AppState, AppStore } from '../state';

const PASS = Color.fromCssColorString('#2e9e44');
const FAIL = Color.fromCssColorString('#d32f2f');
const PENDING = Color.fromCssColorString('#9e9e9e');

/**
 * Sun at points on the map: draws the points as markers coloured pass/fail
 * (grey until computed) with their id and hours. Placing a point is the
 * `placeSunPoint` tool of the input router (`state/tools/placeSunPointTool.ts`).
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
  let prevResult: AppState['analysisResult'] | undefined;
  // The markers keep the last sun-points result while another analysis is shown; a cleared result greys them.
  const select = (s: AppState) => {
    const result = s.analysisResult?.kind === 'sunPoints' ? s.analysisResult : s.analysisResult === undefined ? undefined : prevResult;
    prevResult = result;
    return { points: s.sunPoints, result, lang: s.lang };
  };
  const unsub = store.subscribe(
    select,
    ({ points, result, lang }) => {
      draw(ds, points, result?.kind === 'sunPoints' ? result : undefined, INTL_LOCALE[lang]);
      viewer.scene.requestRender();
    },
    { equalityFn: shallow, fireImmediately: true },
  );
  return () => {
    unsub();
    viewer.dataSources.remove(ds, true);
  };
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
