import type { LocalizedText } from '../model/Catalog';
import { cameraBoundsViolations } from './cameraBounds';
import { checkJsonShape, FieldChecker, fieldPath, ID_PATTERN, type FieldError } from './FieldChecker';
import {
  EXISTING_VARIANT_ID,
  KIOSK_CONFIG_VERSION,
  type KioskCameraBounds,
  type KioskCameraView,
  type KioskConfig,
  type KioskFeedbackCategory,
  type KioskPinHash,
  type KioskStory,
  type KioskStoryStep,
  type KioskVariant,
} from './KioskConfig';
import { isLocalDateTime } from './isLocalDateTime';
import { PIN_MAX_ITERATIONS, PIN_MIN_ITERATIONS } from './hashPin';

/** Bounds a kiosk.json must keep; the kiosk runs unattended, so nothing unbounded gets in. */
export const KIOSK_LIMITS = {
  fileBytes: 256 * 1024,
  depth: 12,
  nodes: 20_000,
  titleChars: 120,
  introChars: 2000,
  captionChars: 500,
  layers: 100,
  variants: 10,
  stories: 20,
  steps: 30,
  categories: 12,
  idleTimeoutS: [5, 3600],
  countdownS: [3, 120],
  stepDurationS: [1, 300],
  heapLimitMB: [128, 16_384],
  pinIterations: [PIN_MIN_ITERATIONS, PIN_MAX_ITERATIONS],
  maxDistanceM: [10, 50_000],
  heightM: [1, 100_000],
  maxTiltDeg: [0, 85],
  endpointChars: 2048,
} as const;

/** A story step's `durationS` when the file leaves it out. */
export const DEFAULT_STEP_DURATION_S = 10;

/** Result of {@link parseKioskConfig}: the config, or every problem found. */
export type KioskConfigResult = { config: KioskConfig } | { errors: FieldError[] };

/** Ids the dataset knows, to check the config's references against (optional). */
export interface KioskConfigContext {
  /** Catalog layer ids: `toggleableLayers` and story step `layers` must be among them. */
  layerIds?: readonly string[];
  /** Scenario variant ids: `variants[].id` must be one of them or `existing`. */
  variantIds?: readonly string[];
}

const CLEAR_PIN_MESSAGE = 'a PIN in clear text is not allowed: store only its salted hash. Run `npm run kiosk-pin -- <PIN>` and paste its output as "staffPin"';

const TOP_KEYS = ['version', 'title', 'intro', 'startView', 'toggleableLayers', 'variants', 'stories', 'attractStoryId', 'feedbackCategories', 'idleTimeoutS', 'countdownS', 'staffPin', 'cameraBounds', 'heapLimitMB', 'syncEndpoint', '$schema', 'comment'];

/**
 * Reads and validates a kiosk configuration (`data/<dataset>/kiosk.json`,
 * format {@link KioskConfig}): the file's text or an already parsed value.
 * Every problem is reported with the JSON path of its field (e.g.
 * `stories[2].steps[0].caption.en`) so the kiosk can show a clear error;
 * unknown fields are problems too (a typo must not silently become a
 * default). A `pin` in clear text is refused with a message telling how to
 * hash it. Start view and story viewpoints must lie inside the camera
 * bounds; story steps must name configured variants. Size, nesting depth and
 * every list are bounded ({@link KIOSK_LIMITS}). Never throws.
 *
 * @example
 * const r = parseKioskConfig(await (await fetch('data/demo/kiosk.json')).text(), { layerIds });
 * if ('errors' in r) showError(r.errors.map((e) => `${e.path}: ${e.message}`));
 */
export function parseKioskConfig(input: unknown, context: KioskConfigContext = {}): KioskConfigResult {
  let doc = input;
  if (typeof input === 'string') {
    if (input.length > KIOSK_LIMITS.fileBytes) return { errors: [{ path: '', message: `kiosk.json is ${Math.round(input.length / 1024)} KB, at most ${KIOSK_LIMITS.fileBytes / 1024} KB` }] };
    try {
      doc = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { errors: [{ path: '', message: `kiosk.json is not valid JSON (${(e as Error).message})` }] };
    }
  }
  const shape = checkJsonShape(doc, KIOSK_LIMITS.depth, KIOSK_LIMITS.nodes);
  if (shape) return { errors: [{ path: '', message: `kiosk.json ${shape}` }] };
  const c = new FieldChecker();
  const o = c.object(doc, '', TOP_KEYS, { pin: CLEAR_PIN_MESSAGE });
  if (!o) return { errors: c.errors };

  if (o.version !== KIOSK_CONFIG_VERSION) c.error('version', o.version === undefined ? 'missing' : `${JSON.stringify(o.version)} is not a supported version (expected ${KIOSK_CONFIG_VERSION})`);
  const title = c.text(o.title, 'title', KIOSK_LIMITS.titleChars);
  const intro = c.text(o.intro, 'intro', KIOSK_LIMITS.introChars, true);
  const startView = readView(c, o.startView, 'startView');
  const toggleableLayers = readLayerIds(c, o.toggleableLayers, 'toggleableLayers', 0, context);
  const variants = readList(c, o.variants, 'variants', 1, KIOSK_LIMITS.variants, (v, p) => readVariant(c, v, p, context));
  // Ids are taken from the raw entries, so one bad caption does not also make every reference to its variant an error.
  c.unique(rawIds(o.variants), (i) => fieldPath(fieldPath('variants', i), 'id'), 'variant');
  const variantIds = new Set(rawIds(o.variants).filter((id) => id !== undefined));
  const stories = readList(c, o.stories, 'stories', 0, KIOSK_LIMITS.stories, (v, p) => readStory(c, v, p, variantIds, variants !== undefined, context));
  c.unique(rawIds(o.stories), (i) => fieldPath(fieldPath('stories', i), 'id'), 'story');
  let attractStoryId: string | undefined;
  if (o.attractStoryId !== undefined) {
    attractStoryId = c.id(o.attractStoryId, 'attractStoryId');
    if (attractStoryId !== undefined && stories && !rawIds(o.stories).includes(attractStoryId)) c.error('attractStoryId', `no story has the id "${attractStoryId}"`);
  }
  const feedbackCategories = readList(c, o.feedbackCategories, 'feedbackCategories', 1, KIOSK_LIMITS.categories, (v, p) => readCategory(c, v, p));
  c.unique(rawIds(o.feedbackCategories), (i) => fieldPath(fieldPath('feedbackCategories', i), 'id'), 'category');
  const idleTimeoutS = c.number(o.idleTimeoutS, 'idleTimeoutS', ...KIOSK_LIMITS.idleTimeoutS, { unit: 's' });
  const countdownS = c.number(o.countdownS, 'countdownS', ...KIOSK_LIMITS.countdownS, { unit: 's' });
  const staffPin = readPinHash(c, o.staffPin, 'staffPin');
  const cameraBounds = readBounds(c, o.cameraBounds, 'cameraBounds');
  const heapLimitMB = c.number(o.heapLimitMB, 'heapLimitMB', ...KIOSK_LIMITS.heapLimitMB, { unit: 'MB' });
  const syncEndpoint = o.syncEndpoint === undefined ? undefined : readEndpoint(c, o.syncEndpoint, 'syncEndpoint');

  if (cameraBounds) {
    const views: [KioskCameraView | undefined, string][] = [[startView, 'startView']];
    stories?.forEach((s, i) => s?.steps.forEach((step, j) => views.push([step?.view, fieldPath(fieldPath(fieldPath(fieldPath('stories', i), 'steps'), j), 'view')])));
    for (const [view, path] of views) {
      if (!view) continue;
      for (const v of cameraBoundsViolations(view, cameraBounds)) c.error(path, `lies outside cameraBounds: ${v.message}`);
    }
  }
  if (c.errors.length > 0) return { errors: c.errors };
  const config: KioskConfig = {
    version: KIOSK_CONFIG_VERSION,
    title: title!,
    intro: intro!,
    startView: startView!,
    toggleableLayers: toggleableLayers!,
    variants: variants as KioskVariant[],
    stories: stories as KioskStory[],
    ...(attractStoryId !== undefined && { attractStoryId }),
    feedbackCategories: feedbackCategories as KioskFeedbackCategory[],
    idleTimeoutS: idleTimeoutS!,
    countdownS: countdownS!,
    staffPin: staffPin!,
    cameraBounds: cameraBounds!,
    heapLimitMB: heapLimitMB!,
    ...(syncEndpoint !== undefined && { syncEndpoint }),
  };
  return { config };
}

/** The valid `id`s of a raw list's entries (undefined where an entry has none), by index. */
function rawIds(list: unknown): (string | undefined)[] {
  if (!Array.isArray(list)) return [];
  return list.map((e) => {
    const id = typeof e === 'object' && e !== null ? (e as Record<string, unknown>).id : undefined;
    return typeof id === 'string' && ID_PATTERN.test(id) ? id : undefined;
  });
}

/** Reads a list entry by entry; the result keeps `undefined` for bad entries (so indexes stay right). */
function readList<T>(c: FieldChecker, v: unknown, path: string, min: number, max: number, read: (v: unknown, path: string) => T | undefined): (T | undefined)[] | undefined {
  const list = c.array(v, path, min, max);
  return list?.map((entry, i) => read(entry, fieldPath(path, i)));
}

function readView(c: FieldChecker, v: unknown, path: string): KioskCameraView | undefined {
  const o = c.object(v, path, ['lon', 'lat', 'height', 'headingDeg', 'pitchDeg']);
  if (!o) return undefined;
  const lon = c.number(o.lon, fieldPath(path, 'lon'), -180, 180, { unit: '°' });
  const lat = c.number(o.lat, fieldPath(path, 'lat'), -85, 85, { unit: '°' });
  const height = c.number(o.height, fieldPath(path, 'height'), -500, 100_000, { unit: 'm' });
  const headingDeg = c.number(o.headingDeg, fieldPath(path, 'headingDeg'), -360, 360, { unit: '°' });
  const pitchDeg = c.number(o.pitchDeg, fieldPath(path, 'pitchDeg'), -90, 90, { unit: '°' });
  if (lon === undefined || lat === undefined || height === undefined || headingDeg === undefined || pitchDeg === undefined) return undefined;
  return { lon, lat, height, headingDeg, pitchDeg };
}

function readLayerIds(c: FieldChecker, v: unknown, path: string, min: number, context: KioskConfigContext): string[] | undefined {
  const list = readList(c, v, path, min, KIOSK_LIMITS.layers, (id, p) => {
    const layerId = c.id(id, p);
    if (layerId !== undefined && context.layerIds && !context.layerIds.includes(layerId)) return c.error(p, `the dataset's catalog has no layer "${layerId}"`);
    return layerId;
  });
  c.unique(list ?? [], (i) => fieldPath(path, i), 'layer');
  return list?.every((id) => id !== undefined) ? (list as string[]) : undefined;
}

function readVariant(c: FieldChecker, v: unknown, path: string, context: KioskConfigContext): KioskVariant | undefined {
  const o = c.object(v, path, ['id', 'caption', 'plainCaption']);
  if (!o) return undefined;
  const id = c.id(o.id, fieldPath(path, 'id'));
  if (id !== undefined && id !== EXISTING_VARIANT_ID && context.variantIds && !context.variantIds.includes(id)) {
    c.error(fieldPath(path, 'id'), `the dataset's scenario has no variant "${id}" (use "${EXISTING_VARIANT_ID}" for the city as it is)`);
  }
  const caption = c.text(o.caption, fieldPath(path, 'caption'), KIOSK_LIMITS.titleChars);
  const plainCaption = c.text(o.plainCaption, fieldPath(path, 'plainCaption'), KIOSK_LIMITS.captionChars, true);
  return id !== undefined && caption && plainCaption ? { id, caption, plainCaption } : undefined;
}

function readStory(c: FieldChecker, v: unknown, path: string, variantIds: Set<string>, variantsKnown: boolean, context: KioskConfigContext): KioskStory | undefined {
  const o = c.object(v, path, ['id', 'title', 'steps']);
  if (!o) return undefined;
  const id = c.id(o.id, fieldPath(path, 'id'));
  const title = c.text(o.title, fieldPath(path, 'title'), KIOSK_LIMITS.titleChars);
  const steps = readList(c, o.steps, fieldPath(path, 'steps'), 1, KIOSK_LIMITS.steps, (s, p) => readStep(c, s, p, variantIds, variantsKnown, context));
  return id !== undefined && title && steps?.every((s) => s !== undefined) ? { id, title, steps: steps as KioskStoryStep[] } : undefined;
}

function readStep(c: FieldChecker, v: unknown, path: string, variantIds: Set<string>, variantsKnown: boolean, context: KioskConfigContext): KioskStoryStep | undefined {
  const o = c.object(v, path, ['view', 'layers', 'variant', 'dateTime', 'caption', 'durationS']);
  if (!o) return undefined;
  const view = readView(c, o.view, fieldPath(path, 'view'));
  const layers = readLayerIds(c, o.layers, fieldPath(path, 'layers'), 0, context);
  let variant = c.id(o.variant, fieldPath(path, 'variant'));
  if (variant !== undefined && variantsKnown && !variantIds.has(variant)) variant = c.error(fieldPath(path, 'variant'), `"${variant}" is not one of the configured variants (${[...variantIds].join(', ')})`);
  let dateTime = c.string(o.dateTime, fieldPath(path, 'dateTime'), 19);
  if (dateTime !== undefined && !isLocalDateTime(dateTime)) dateTime = c.error(fieldPath(path, 'dateTime'), `"${dateTime}" is not a local date and time like 2026-06-21T13:00`);
  const caption = c.text(o.caption, fieldPath(path, 'caption'), KIOSK_LIMITS.captionChars, true);
  const durationS = o.durationS === undefined ? DEFAULT_STEP_DURATION_S : c.number(o.durationS, fieldPath(path, 'durationS'), ...KIOSK_LIMITS.stepDurationS, { unit: 's' });
  if (!view || !layers || variant === undefined || dateTime === undefined || !caption || durationS === undefined) return undefined;
  return { view, layers, variant, dateTime, caption, durationS };
}

function readCategory(c: FieldChecker, v: unknown, path: string): KioskFeedbackCategory | undefined {
  const o = c.object(v, path, ['id', 'label']);
  if (!o) return undefined;
  const id = c.id(o.id, fieldPath(path, 'id'));
  const label: LocalizedText | undefined = c.text(o.label, fieldPath(path, 'label'), KIOSK_LIMITS.titleChars);
  return id !== undefined && label ? { id, label } : undefined;
}

function readPinHash(c: FieldChecker, v: unknown, path: string): KioskPinHash | undefined {
  if (typeof v === 'string' || typeof v === 'number') return c.error(path, CLEAR_PIN_MESSAGE);
  const o = c.object(v, path, ['salt', 'hash', 'iterations'], { pin: CLEAR_PIN_MESSAGE });
  if (!o) return undefined;
  const hex = (x: unknown, p: string, minBytes: number, maxBytes: number): string | undefined => {
    const s = c.string(x, p, maxBytes * 2);
    if (s === undefined) return undefined;
    if (!/^(?:[0-9a-f]{2})+$/.test(s) || s.length < minBytes * 2) return c.error(p, `must be lower-case hex of ${minBytes === maxBytes ? minBytes : `${minBytes}–${maxBytes}`} bytes (made by npm run kiosk-pin)`);
    return s;
  };
  const salt = hex(o.salt, fieldPath(path, 'salt'), 16, 64);
  const hash = hex(o.hash, fieldPath(path, 'hash'), 32, 32);
  const iterations = c.number(o.iterations, fieldPath(path, 'iterations'), ...KIOSK_LIMITS.pinIterations, { integer: true });
  return salt !== undefined && hash !== undefined && iterations !== undefined ? { salt, hash, iterations } : undefined;
}

function readBounds(c: FieldChecker, v: unknown, path: string): KioskCameraBounds | undefined {
  const o = c.object(v, path, ['centre', 'maxDistanceM', 'groundHeightM', 'minHeightM', 'maxHeightM', 'maxTiltDeg']);
  if (!o) return undefined;
  const co = c.object(o.centre, fieldPath(path, 'centre'), ['lon', 'lat']);
  const lon = co && c.number(co.lon, fieldPath(fieldPath(path, 'centre'), 'lon'), -180, 180, { unit: '°' });
  const lat = co && c.number(co.lat, fieldPath(fieldPath(path, 'centre'), 'lat'), -85, 85, { unit: '°' });
  const maxDistanceM = c.number(o.maxDistanceM, fieldPath(path, 'maxDistanceM'), ...KIOSK_LIMITS.maxDistanceM, { unit: 'm' });
  const groundHeightM = c.number(o.groundHeightM, fieldPath(path, 'groundHeightM'), -500, 9000, { unit: 'm' });
  const minHeightM = c.number(o.minHeightM, fieldPath(path, 'minHeightM'), ...KIOSK_LIMITS.heightM, { unit: 'm' });
  let maxHeightM = c.number(o.maxHeightM, fieldPath(path, 'maxHeightM'), ...KIOSK_LIMITS.heightM, { unit: 'm' });
  if (minHeightM !== undefined && maxHeightM !== undefined && maxHeightM <= minHeightM) maxHeightM = c.error(fieldPath(path, 'maxHeightM'), `${maxHeightM} m must be above minHeightM (${minHeightM} m)`);
  const maxTiltDeg = c.number(o.maxTiltDeg, fieldPath(path, 'maxTiltDeg'), ...KIOSK_LIMITS.maxTiltDeg, { unit: '°' });
  if (lon === undefined || lat === undefined || maxDistanceM === undefined || groundHeightM === undefined || minHeightM === undefined || maxHeightM === undefined || maxTiltDeg === undefined) return undefined;
  return { centre: { lon, lat }, maxDistanceM, groundHeightM, minHeightM, maxHeightM, maxTiltDeg };
}

/** `https://…` (no user:password) or a same-origin path `/…` (not `//host`, which leaves the origin). */
function readEndpoint(c: FieldChecker, v: unknown, path: string): string | undefined {
  const s = c.string(v, path, KIOSK_LIMITS.endpointChars);
  if (s === undefined) return undefined;
  const bad = `"${s.slice(0, 80)}" must be an https:// URL or a same-origin path starting with "/"`;
  if (/\s|\\/.test(s)) return c.error(path, bad);
  if (s.startsWith('/')) return s.startsWith('//') ? c.error(path, bad) : s;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return c.error(path, bad);
  }
  if (url.protocol !== 'https:') return c.error(path, bad);
  if (url.username || url.password) return c.error(path, 'must not contain a user name or password (credentials do not belong in kiosk.json)');
  return s;
}
