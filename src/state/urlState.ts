import type { BuildingStyleKind } from '../core/style/buildingStyles';
import { BUILDING_STYLE_KINDS } from '../core/style/buildingStyles';
import type { AppState } from './AppState';
import { LANGS, type Lang } from './langSlice';
import type { CameraView } from './viewSlice';
import type { ShadowQuality } from './timeSlice';
import { missingSharedFiles } from './droppedFilesSlice';

/**
 * The part of the state that a shared link carries. Parsed from / written to
 * the query string:
 *
 * `?dataset=demo&lang=en&cam=lon,lat,height,heading,pitch&layers=a,b&op=a:0.5&t=2026-06-21T10:00:00Z&style=height&sel=layer~feature&sh=1&sq=high&light=0&file=HafenCity7.gml`
 */
export interface UrlState {
  dataset?: string;
  lang?: Lang;
  camera?: CameraView;
  /** Ids of the visible layers (all others are hidden). */
  visibleLayers?: string[];
  opacity?: Record<string, number>;
  timeMs?: number;
  buildingStyle?: BuildingStyleKind;
  selection?: { layerId: string; featureId: string };
  shadows?: boolean;
  shadowQuality?: ShadowQuality;
  lighting?: boolean;
  /** Active scenario (saved in this browser) and variant; `var=existing` means no variant. */
  scenarioId?: string;
  variantId?: string | null;
  /**
   * Names of the user's own files shown in the view (`file=`, repeated). A link cannot carry the files; the
   * recipient is told which ones to open (the names are shown as text, never used as paths).
   */
  files?: string[];
}

/** Longest file name a link may name (longer ones are dropped as damaged). */
const MAX_FILE_NAME = 255;

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

/**
 * Reads a query string (with or without `?`). Malformed parameters are
 * ignored one by one, so a damaged link still opens with what it got right.
 */
export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const out: UrlState = {};
  const dataset = q.get('dataset');
  if (dataset && /^[A-Za-z0-9_-]+$/.test(dataset)) out.dataset = dataset;
  const lang = q.get('lang');
  if ((LANGS as readonly string[]).includes(lang ?? '')) out.lang = lang as Lang;
  const cam = q.get('cam')?.split(',').map(num);
  if (cam && cam.length === 5 && cam.every(Number.isFinite)) {
    const [lon, lat, height, headingDeg, pitchDeg] = cam;
    if (Math.abs(lon) <= 180 && Math.abs(lat) <= 90) out.camera = { lon, lat, height, headingDeg, pitchDeg };
  }
  if (q.has('layers')) out.visibleLayers = q.get('layers')!.split(',').filter(Boolean);
  const op = q.get('op');
  if (op) {
    out.opacity = {};
    for (const part of op.split(',')) {
      const i = part.lastIndexOf(':');
      const v = num(part.slice(i + 1));
      if (i > 0 && Number.isFinite(v)) out.opacity[part.slice(0, i)] = Math.min(1, Math.max(0, v));
    }
  }
  const t = q.get('t');
  if (t) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) out.timeMs = ms;
  }
  const style = q.get('style');
  if (style && (BUILDING_STYLE_KINDS as readonly string[]).includes(style)) out.buildingStyle = style as BuildingStyleKind;
  const sel = q.get('sel');
  if (sel && sel.includes('~')) {
    const i = sel.indexOf('~');
    out.selection = { layerId: sel.slice(0, i), featureId: sel.slice(i + 1) };
  }
  const sh = q.get('sh');
  if (sh === '1' || sh === '0') out.shadows = sh === '1';
  const sq = q.get('sq');
  if (sq === 'low' || sq === 'medium' || sq === 'high') out.shadowQuality = sq;
  const light = q.get('light');
  if (light === '1' || light === '0') out.lighting = light === '1';
  const scn = q.get('scn');
  if (scn && /^[A-Za-z0-9_-]{1,100}$/.test(scn)) out.scenarioId = scn;
  const vr = q.get('var');
  if (vr && /^[A-Za-z0-9_-]{1,100}$/.test(vr)) out.variantId = vr === 'existing' ? null : vr;
  // eslint-disable-next-line no-control-regex -- a name with control characters is a damaged link
  const files = q.getAll('file').filter((n) => n.length > 0 && n.length <= MAX_FILE_NAME && !/[\u0000-\u001f]/.test(n));
  if (files.length) out.files = [...new Set(files)];
  return out;
}

const r = (v: number, d: number) => String(Number(v.toFixed(d)));

/** Writes the shareable part of the state as a query string (without `?`). */
export function formatUrlState(s: AppState): string {
  const q = new URLSearchParams();
  q.set('dataset', s.dataset);
  q.set('lang', s.lang);
  if (s.camera) {
    const c = s.camera;
    q.set('cam', [r(c.lon, 6), r(c.lat, 6), r(c.height, 1), r(c.headingDeg, 1), r(c.pitchDeg, 1)].join(','));
  }
  if (s.catalog) {
    const ids = s.catalog.layers.map((l) => l.id);
    q.set('layers', ids.filter((id) => s.layers[id]?.visible).join(','));
    const op = ids.filter((id) => s.layers[id] && s.layers[id].opacity !== 1).map((id) => `${id}:${r(s.layers[id].opacity, 2)}`);
    if (op.length) q.set('op', op.join(','));
  }
  q.set('t', new Date(Math.round(s.timeMs / 60000) * 60000).toISOString().replace('.000Z', 'Z'));
  if (s.buildingStyle !== 'default') q.set('style', s.buildingStyle);
  if (s.selection) q.set('sel', `${s.selection.layerId}~${s.selection.featureId}`);
  if (s.shadows) q.set('sh', '1');
  if (s.shadowQuality !== 'medium') q.set('sq', s.shadowQuality);
  if (!s.lighting) q.set('light', '0');
  if (s.activeScenarioId) {
    q.set('scn', s.activeScenarioId);
    q.set('var', s.activeVariantId ?? 'existing');
  }
  // Own files: the ones open here, then the ones a received link named that are still missing (kept when re-shared).
  const open = s.droppedFiles.filter((f) => f.status !== 'error').map((f) => f.name);
  for (const name of new Set([...open, ...missingSharedFiles(s)])) q.append('file', name);
  return q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%7E/gi, '~');
}

/** Layer overrides for `setCatalog` from a parsed URL state. */
export function layerOverridesFromUrl(u: UrlState, layerIds: string[]): Record<string, { visible?: boolean; opacity?: number }> {
  const o: Record<string, { visible?: boolean; opacity?: number }> = {};
  for (const id of layerIds) {
    o[id] = {};
    if (u.visibleLayers) o[id].visible = u.visibleLayers.includes(id);
    if (u.opacity?.[id] !== undefined) o[id].opacity = u.opacity[id];
  }
  return o;
}
