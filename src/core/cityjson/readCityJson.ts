import { deeperThan, MAX_JSON_DEPTH, nestedNumbersProblem, pathStep } from '../json/jsonLimits';
import type { ReportBuilder } from '../model/ConversionReport';
import type { NestedMessage } from '../i18n/Message';
import { detail, problemOf } from '../model/ConversionError';
import { SURFACE_KIND, type SourceBuilding, type SourceBuildingAttributes, type SourcePolygon, type SurfaceKind } from '../model/SourceBuilding';

/** Options of {@link readCityJson}. */
export interface ReadCityJsonOptions {
  file: string;
  report: ReportBuilder;
  /** CRS given by the user; when absent the file must name one in `metadata.referenceSystem`. */
  crs?: string;
  /** LoD to use (`2`, `2.2`, `1.3` …); default: the highest each building has. */
  lod?: string;
  onBuilding: (b: SourceBuilding) => void;
}

/** What {@link readCityJson} saw. */
export interface ReadCityJsonResult {
  version?: string;
  referenceSystem?: string;
  buildings: number;
  parts: number;
}

interface CjGeometry {
  type: string;
  lod?: string | number;
  boundaries: unknown;
  semantics?: { surfaces: { type: string }[]; values: unknown };
}
interface CjObject {
  type: string;
  attributes?: Record<string, unknown>;
  geometry?: CjGeometry[];
  children?: string[];
  parents?: string[];
  address?: Record<string, unknown>[] | Record<string, unknown>;
}

const KNOWN_TYPES = new Set(['Building', 'BuildingPart']);
/** Array levels of `boundaries` per geometry type (a ring is one level of vertex indices). */
const BOUNDARY_LEVELS: Record<string, number> = { MultiSurface: 3, CompositeSurface: 3, Solid: 4, MultiSolid: 5, CompositeSolid: 5 };

/** JSON path of a city object. */
const objectPath = (id: string) => `$.CityObjects${pathStep(id)}`;

/**
 * What makes a city object unreadable before it is walked: attributes or
 * address nested deeper than {@link MAX_JSON_DEPTH}, boundaries that are not
 * vertex indices nested as the type says (checked without recursion), or
 * semantics nested deeper than the boundaries. Gives a JSON path and problem.
 */
function objectProblem(id: string, o: CjObject, lod: string): { path: string; message: NestedMessage } | undefined {
  const at = objectPath(id);
  for (const key of ['attributes', 'address'] as const) {
    const deep = deeperThan(o[key], MAX_JSON_DEPTH);
    if (deep !== undefined) return { path: `${at}.${key}${deep}`, message: { code: 'convert.json.nestedDeeper', params: { key, max: MAX_JSON_DEPTH } } };
  }
  const geoms = Array.isArray(o.geometry) ? o.geometry : [];
  for (let k = 0; k < geoms.length; k++) {
    const g = geoms[k];
    if (String(g?.lod) !== lod) continue;
    const levels = BOUNDARY_LEVELS[g.type];
    if (!levels) continue; // reported as unsupported when read
    const p = nestedNumbersProblem(g.boundaries, levels, { integers: true });
    if (p !== undefined) return { path: `${at}.geometry[${k}].boundaries${p.path.replace('(top)', '')}`, message: { code: 'convert.cityjson.badBoundaries', params: { type: g.type, problem: p.problem } } };
    const deep = deeperThan(g.semantics, levels + 2);
    if (deep !== undefined) return { path: `${at}.geometry[${k}].semantics${deep}`, message: { code: 'convert.cityjson.semanticsDeep', params: { type: g.type } } };
  }
  return undefined;
}

/**
 * Reads CityJSON 1.0/1.1/2.0 (text) into source buildings: vertices through
 * `transform`, Building with its BuildingParts (children) as one building,
 * one LoD per building (highest by default, or `lod`), surface semantics to
 * roof/wall/ground/closure. The CRS comes from `metadata.referenceSystem`;
 * when the file has none and no `crs` option is given, the whole file is
 * skipped with an error naming it.
 *
 * @example readCityJson(text, { file: 'rotterdam.json', report, crs: 'EPSG:28992', onBuilding })
 */
export function readCityJson(text: string, options: ReadCityJsonOptions): ReadCityJsonResult {
  const { file, report } = options;
  const result: ReadCityJsonResult = { buildings: 0, parts: 0 };
  let doc: { type?: string; version?: string; metadata?: { referenceSystem?: string }; transform?: { scale: number[]; translate: number[] }; CityObjects?: Record<string, CjObject>; vertices?: number[][] };
  try {
    doc = JSON.parse(text);
  } catch (e) {
    report.skip({ file, message: { code: 'convert.json.invalid', params: { problem: detail(e instanceof Error ? e.message : String(e)) } } });
    return result;
  }
  if (doc?.type !== 'CityJSON' || !doc.CityObjects || !Array.isArray(doc.vertices)) {
    report.skip({ file, message: { code: 'convert.cityjson.notCityJson' } });
    return result;
  }
  result.version = doc.version;
  const ref = doc.metadata?.referenceSystem;
  result.referenceSystem = ref;
  if (!ref && !options.crs) {
    report.skip({ file, message: { code: 'convert.cityjson.noCrs', params: { file } } });
    return result;
  }
  const scale = doc.transform?.scale ?? [1, 1, 1];
  const translate = doc.transform?.translate ?? [0, 0, 0];
  const vertices = doc.vertices;
  const objects = doc.CityObjects;

  for (const [id, o] of Object.entries(objects)) {
    if (o === null || typeof o !== 'object') {
      report.skip({ file, featureId: id, path: objectPath(id), message: { code: 'convert.cityjson.notObject' } });
      continue;
    }
    if (Array.isArray(o.parents) && o.parents.length) {
      if (!KNOWN_TYPES.has(o.type) && !o.parents.some((p) => objects[p] && KNOWN_TYPES.has(objects[p].type))) {
        report.skip({ file, featureId: id, featureClass: String(o.type), path: objectPath(id), message: { code: 'convert.cityjson.unsupportedClass', params: { cls: String(o.type).slice(0, 60) } } });
      }
      continue; // converted with its parent
    }
    if (o.type !== 'Building') {
      report.skip({ file, featureId: id, featureClass: String(o.type), path: objectPath(id), message: { code: 'convert.cityjson.unsupportedClass', params: { cls: String(o.type).slice(0, 60) } } });
      continue;
    }
    try {
      readBuilding(id, o);
    } catch (e) {
      // A shape no check above foresaw: this building is lost, the file goes on.
      report.skip({ file, featureId: id, featureClass: 'Building', path: objectPath(id), message: { code: 'convert.cityjson.unreadable', params: { problem: problemOf(e) } } });
    }
  }
  if (result.buildings === 0 && !report.issues.some((i) => i.file === file && i.severity === 'error')) {
    report.warn({ file, message: { code: 'convert.cityjson.noBuildings' } });
  }
  return result;

  function readBuilding(id: string, o: CjObject): void {
    const members: [string, CjObject][] = [[id, o]];
    const seen = new Set([id]);
    for (let i = 0; i < members.length; i++) {
      const children = members[i][1].children;
      for (const c of Array.isArray(children) ? children : []) {
        const co = objects[c];
        if (!co) report.warn({ file, featureId: id, featureClass: 'Building', path: `${objectPath(members[i][0])}.children`, message: { code: 'convert.cityjson.childMissing', params: { child: String(c).slice(0, 80) } } });
        else if (seen.has(c)) report.warn({ file, featureId: id, featureClass: 'Building', path: `${objectPath(members[i][0])}.children`, message: { code: 'convert.cityjson.childTwice', params: { child: c } } });
        else if (co.type === 'BuildingPart' || co.type === 'Building') {
          seen.add(c);
          members.push([c, co]);
        }
      }
    }
    const chosenLod = pickLod(members.flatMap(([, m]) => (Array.isArray(m.geometry) ? m.geometry : [])), options.lod);
    if (chosenLod === undefined) {
      report.skip({ file, featureId: id, featureClass: 'Building', path: objectPath(id), message: options.lod ? { code: 'convert.cityjson.noLod', params: { lod: options.lod } } : { code: 'convert.cityjson.noGeometry' } });
      return;
    }
    for (const [mid, m] of members) {
      const bad = objectProblem(mid, m, chosenLod);
      if (bad) {
        report.skip({ file, featureId: id, featureClass: 'Building', ...bad });
        return;
      }
    }
    const polygons: SourcePolygon[] = [];
    for (const [mid, m] of members) {
      (m.geometry ?? []).forEach((g, k) => {
        if (String(g.lod) !== chosenLod) return;
        const problem = readGeometry(g, vertices, scale, translate, polygons, `${objectPath(mid)}.geometry[${k}].boundaries`);
        if (problem) report.warn({ file, featureId: id, featureClass: 'Building', path: `${objectPath(mid)}.geometry[${k}]`, message: problem });
      });
    }
    const partCount = members.length - 1;
    result.buildings++;
    result.parts += partCount;
    options.onBuilding({
      id,
      featureClass: 'Building',
      file,
      path: objectPath(id),
      srsName: ref,
      lod: Number(chosenLod),
      polygons,
      partCount,
      attributes: readAttributes(members.map(([, m]) => m)),
    });
  }
}

/** LoD string to use: the requested one (exact, or the highest starting with it), else the highest. */
function pickLod(geoms: CjGeometry[], wanted?: string): string | undefined {
  const lods = [...new Set(geoms.filter((g) => g.lod !== undefined).map((g) => String(g.lod)))].sort((a, b) => Number(a) - Number(b));
  if (wanted) {
    if (lods.includes(wanted)) return wanted;
    return lods.filter((l) => l.split('.')[0] === wanted.split('.')[0]).pop();
  }
  return lods.pop();
}

function readGeometry(g: CjGeometry, vertices: number[][], scale: number[], translate: number[], out: SourcePolygon[], at: string): NestedMessage | undefined {
  const kindOf = (v: unknown): SurfaceKind | undefined => {
    if (typeof v !== 'number' || !g.semantics) return undefined;
    return SURFACE_KIND[g.semantics.surfaces[v]?.type] ?? 'other';
  };
  const ring = (r: number[]): Float64Array | undefined => {
    const a = new Float64Array(r.length * 3 + 3);
    for (let i = 0; i < r.length; i++) {
      const v = vertices[r[i]];
      if (!v) return undefined;
      a[i * 3] = v[0] * scale[0] + translate[0];
      a[i * 3 + 1] = v[1] * scale[1] + translate[1];
      a[i * 3 + 2] = v[2] * scale[2] + translate[2];
    }
    // CityJSON rings are implicitly closed; close them as GML does.
    a.set(a.subarray(0, 3), r.length * 3);
    return a;
  };
  const surface = (s: number[][], sem: unknown, path: string): NestedMessage | undefined => {
    const rings: Float64Array[] = [];
    for (const r of s) {
      const rr = ring(r);
      if (!rr) return { code: 'convert.cityjson.indexOutOfRange', params: { path } };
      rings.push(rr);
    }
    if (rings.length) out.push({ kind: kindOf(sem), rings, path });
    return undefined;
  };
  const b = g.boundaries as unknown[];
  const sv = g.semantics?.values as unknown[] | undefined;
  let problem: NestedMessage | undefined;
  switch (g.type) {
    case 'MultiSurface':
    case 'CompositeSurface':
      (b as number[][][]).forEach((s, i) => (problem ??= surface(s, sv?.[i], `${at}[${i}]`)));
      break;
    case 'Solid':
      (b as number[][][][]).forEach((shell, i) => shell.forEach((s, j) => (problem ??= surface(s, (sv?.[i] as unknown[] | undefined)?.[j], `${at}[${i}][${j}]`))));
      break;
    case 'MultiSolid':
    case 'CompositeSolid':
      (b as number[][][][][]).forEach((solid, k) =>
        solid.forEach((shell, i) => shell.forEach((s, j) => (problem ??= surface(s, ((sv?.[k] as unknown[] | undefined)?.[i] as unknown[] | undefined)?.[j], `${at}[${k}][${i}][${j}]`)))),
      );
      break;
    default:
      return { code: 'convert.cityjson.unsupportedGeometry', params: { type: String(g.type), lod: String(g.lod) } };
  }
  return problem;
}

function readAttributes(objs: CjObject[]): SourceBuildingAttributes {
  const a: SourceBuildingAttributes = { generic: {} };
  for (const [k, o] of objs.entries()) {
    const at = o.attributes ?? {};
    for (const [name, value] of Object.entries(at)) {
      if (value === null || value === undefined) continue;
      const num = Number(value);
      switch (name) {
        case 'function':
          a.function ??= String(value);
          break;
        case 'roofType':
          a.roofType ??= String(value);
          break;
        case 'measuredHeight':
          if (Number.isFinite(num)) a.measuredHeightM = k === 0 ? num : Math.max(a.measuredHeightM ?? -Infinity, num);
          break;
        case 'storeysAboveGround':
          if (Number.isFinite(num)) a.storeysAboveGround ??= num;
          break;
        case 'storeysBelowGround':
          if (Number.isFinite(num)) a.storeysBelowGround ??= num;
          break;
        default:
          if (!(name in a.generic)) a.generic[name] = typeof value === 'number' ? value : typeof value === 'string' ? value : JSON.stringify(value);
      }
    }
    const addr = Array.isArray(o.address) ? o.address[0] : o.address;
    if (addr && !a.address) {
      const s = (n: string) => (addr[n] === undefined ? '' : String(addr[n]));
      const line = [[s('ThoroughfareName'), s('ThoroughfareNumber')].filter(Boolean).join(' '), [s('PostalCode'), s('LocalityName')].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      if (line) a.address = line;
    }
  }
  return a;
}
