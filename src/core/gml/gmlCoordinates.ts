import type { NestedMessage } from '../i18n/Message';
import { parseNumbers } from './parseNumbers';

/**
 * Decoding of GML coordinate text, shared by both GML geometry readers (the
 * streaming CityGML {@link BuildingAssembler} and the element-tree
 * {@link readGmlGeometry} for XPlanung/WFS): `gml:posList` / `gml:pos` text
 * (whitespace-separated numbers, `srsDimension` 2 or 3) and GML 2
 * `gml:coordinates` (tuples with `cs`/`ts`/`decimal` separators). Problems
 * come back as messages naming the element (`convert.coords.*`), for the caller
 * to report with its file, feature and line.
 */

/** Separators of GML 2 `gml:coordinates` (attributes `cs`, `ts`, `decimal`; defaults `,`, ` `, `.`). */
export interface GmlCoordinatesFormat {
  cs?: string;
  ts?: string;
  decimal?: string;
}

/**
 * Numbers of posList/pos text (fast path: {@link parseNumbers}), or the
 * problem naming the first token that is not a number.
 *
 * @example gmlNumbers('1 2 abc', 'gml:posList') // { code: 'convert.coords.notANumber', params: { value: 'abc', element: 'gml:posList' } }
 */
export function gmlNumbers(text: string, element: string): number[] | NestedMessage {
  const values = parseNumbers(text);
  for (const v of values) if (Number.isNaN(v)) return notANumber(text, element);
  return values;
}

/** The problem for text with a token that is not a number (found by a slow second pass). */
export function notANumber(text: string, element: string): NestedMessage {
  const bad = text.trim().split(/\s+/).find((t) => Number.isNaN(Number(t))) ?? text.trim().slice(0, 20);
  return { code: 'convert.coords.notANumber', params: { value: bad.slice(0, 40), element } };
}

/**
 * GML 2 `coordinates` text as flat numbers and the tuple size, or a problem.
 *
 * @example gmlCoordinatesText('1,2 3,4') // { values: [1, 2, 3, 4], dim: 2 }
 */
export function gmlCoordinatesText(text: string, f: GmlCoordinatesFormat = {}): { values: number[]; dim: number } | NestedMessage {
  const cs = f.cs ?? ',', ts = f.ts ?? ' ', dec = f.decimal ?? '.';
  const tuples = text.trim().split(ts === ' ' ? /\s+/ : ts).filter((s) => s !== '');
  const values: number[] = [];
  let dim = 0;
  for (const tuple of tuples) {
    const p = tuple.split(cs).map((s) => Number(dec === '.' ? s : s.replace(dec, '.')));
    if (p.length < 2 || p.length > 3 || p.some((v) => !Number.isFinite(v)) || (dim && p.length !== dim)) return { code: 'convert.coords.badTuple', params: { tuple: tuple.slice(0, 60) } };
    dim = p.length;
    for (const v of p) values.push(v);
  }
  return { values, dim: dim || 2 };
}

/**
 * Why flat coordinates cannot be read with that dimension (unsupported
 * dimension, count not a multiple of it, a non-finite value), or undefined.
 *
 * @example checkGmlCoordinates([1, 2, 3], 2, 'gml:posList') // convert.coords.notMultiple: 'gml:posList has 3 numbers, not a multiple of srsDimension 2'
 */
export function checkGmlCoordinates(values: readonly number[], dim: number, element: string): NestedMessage | undefined {
  if (dim !== 2 && dim !== 3) return { code: 'convert.coords.dimension', params: { dim } };
  if (values.length % dim !== 0) return { code: 'convert.coords.notMultiple', params: { element, n: values.length, dim } };
  for (const v of values) if (!Number.isFinite(v)) return { code: 'convert.coords.notFinite', params: { value: String(v), element } };
  return undefined;
}

/** Flat 2D or 3D coordinates as flat xyz (z = 0 for 2D). */
export function toFlatXyz(values: number[], dim: number): number[] {
  if (dim === 3) return values;
  const out: number[] = [];
  for (let i = 0; i < values.length; i += 2) out.push(values[i], values[i + 1], 0);
  return out;
}
