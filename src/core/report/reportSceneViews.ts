import { LocalFrame } from '../crs/LocalFrame';
import { fromZoned } from '../time/zonedTime';

/** One fixed view of the 3D scene for a report: where the camera stands and the sun time (shadows on). */
export interface ReportSceneView {
  /** `south` (looking north) or `southeast` (looking north-west): names the caption (`report.sceneView.<view>`). */
  view: 'south' | 'southeast';
  /** Local clock time on the report's date in the dataset's time zone, `HH:MM`. */
  localTime: string;
  /** The same instant as ISO 8601 UTC: the scene time (`?t=` of the app). */
  time: string;
  /** Camera as the app's `?cam=` takes it: WGS84 degrees, ellipsoid height in metres, heading/pitch in degrees. */
  camera: { lon: number; lat: number; height: number; headingDeg: number; pitchDeg: number };
}

/** Looking down at 45°: walls and the shadows on the ground both show, and the horizon (globe tiles far away that a software renderer would load for minutes) stays out of view. */
const PITCH_DEG = -45;

/**
 * The fixed viewpoints and sun times of a report's scene images: from the
 * south in the morning (10:00) and in the afternoon (16:00), and from the
 * south-east at midday (13:00), local time on the report's date. The camera
 * looks at the centre of the area from a distance that keeps the whole area
 * in a 60° field of view (1.2 × its larger side along the line of sight,
 * at least 150 m). Distances in metres (the local frame), never degrees.
 * The browser and the CLI capture the same views, so their images agree.
 *
 * @example reportSceneViews([9.99, 53.54, 10.0, 53.55], '2025-03-21', 'Europe/Berlin')[0].localTime // '10:00'
 */
export function reportSceneViews(bbox: readonly [number, number, number, number], date: string, timeZone: string): ReportSceneView[] {
  const [w, s, e, n] = bbox;
  const frame = LocalFrame.around([(w + e) / 2, (s + n) / 2]);
  const [x0, y0] = frame.toLocal([w, s]);
  const [x1, y1] = frame.toLocal([e, n]);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const range = Math.max(150, 1.2 * Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)));
  const pitch = (-PITCH_DEG * Math.PI) / 180;
  const height = range * Math.sin(pitch), back = range * Math.cos(pitch);
  const views: { view: ReportSceneView['view']; headingDeg: number; minutes: number }[] = [
    { view: 'south', headingDeg: 0, minutes: 10 * 60 },
    { view: 'south', headingDeg: 0, minutes: 16 * 60 },
    { view: 'southeast', headingDeg: 315, minutes: 13 * 60 },
  ];
  return views.map(({ view, headingDeg, minutes }) => {
    const h = (headingDeg * Math.PI) / 180;
    // The camera stands `back` metres behind the centre, against the direction it looks in.
    const [lon, lat] = frame.toWgs84([cx - back * Math.sin(h), cy - back * Math.cos(h)]);
    return {
      view,
      localTime: `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      time: new Date(fromZoned(date, minutes, timeZone)).toISOString(),
      camera: { lon: round(lon, 6), lat: round(lat, 6), height: round(height, 1), headingDeg, pitchDeg: PITCH_DEG },
    };
  });
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/**
 * The caption of a scene image: view and local time (`Blick von Süden, 10:00 Uhr`), through the one i18n API.
 *
 * @example sceneViewTitle(t, views[0])
 */
export function sceneViewTitle(t: (key: string, opts?: Record<string, unknown>) => string, v: Pick<ReportSceneView, 'view' | 'localTime'>): string {
  return t('report.sceneCaption', { view: t(`report.sceneView.${v.view}`), time: v.localTime });
}
