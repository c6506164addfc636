import type { TableCell } from './writeTable';

/** What a column holds: decides sorting, filtering, alignment and the summary. */
export type ColumnKind = 'number' | 'text' | 'boolean';

/** One column of an attribute table: the attribute key (nested keys as `parent.child`) and its kind. */
export interface TableColumn {
  key: string;
  kind: ColumnKind;
}

/** One feature as a table row: its id (as the scene and the selection know it), cell values, extent, attributes. */
export interface TableRow {
  id: string;
  cells: TableCell[];
  /** [west, south, east, north] in degrees (WGS84), for flying to the feature; undefined without geometry. */
  bbox?: [number, number, number, number];
  /** The feature's properties as found in the data (for the feature card when the row is selected). */
  properties: Record<string, unknown>;
  /** The layer of this row's feature, where a table mixes layers (an analysis result over several layers). */
  layerId?: string;
}

/** A table of features: columns, rows in data order. */
export interface FeatureTable {
  columns: TableColumn[];
  rows: TableRow[];
}

/** Most columns a table shows: a file with thousands of distinct keys stays usable (extra keys stay in the card). */
export const MAX_COLUMNS = 200;

/**
 * The id a feature has in the scene and in selections: the feature's `id`,
 * else `properties.id`, else `#<index>` (the same rule as the viewer's
 * GeoJSON layer, so a row and a picked feature name the same thing).
 */
export function featureIdOf(f: { id?: string | number; properties?: Record<string, unknown> | null }, index: number): string {
  return String(f.id ?? f.properties?.id ?? `#${index}`);
}

/**
 * A value as one cell: numbers, text and booleans as they are; lists joined;
 * nested objects as `key: value` pairs. Lists of lists are coordinates (roof
 * rings, paths): not table content, left out.
 */
function cellOf(v: unknown): TableCell {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v) && v.some(Array.isArray)) return undefined;
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' ? objectText(x as Record<string, unknown>) : String(x))).join(', ');
  if (typeof v === 'object') return objectText(v as Record<string, unknown>);
  return String(v);
}

/** A nested object as readable text (`a: 1; b: x`), never JSON punctuation in a cell. */
function objectText(o: Record<string, unknown>): string {
  return Object.entries(o)
    .map(([k, v]) => `${k}: ${v !== null && typeof v === 'object' ? (Array.isArray(v) ? v.join(', ') : objectText(v as Record<string, unknown>)) : String(v)}`)
    .join('; ');
}

/** Extends a [w, s, e, n] box by the positions of a GeoJSON geometry. */
function extend(box: number[], coords: unknown): void {
  if (!Array.isArray(coords)) return;
  if (typeof coords[0] === 'number') {
    const [x, y] = coords as number[];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
    return;
  }
  for (const c of coords) extend(box, c);
}

function bboxOf(g: GeoJSON.Geometry | null | undefined): TableRow['bbox'] {
  if (!g) return undefined;
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  if (g.type === 'GeometryCollection') for (const x of g.geometries) extend(box, 'coordinates' in x ? x.coordinates : undefined);
  else extend(box, g.coordinates);
  return Number.isFinite(box[0]) ? (box as [number, number, number, number]) : undefined;
}

/**
 * A GeoJSON FeatureCollection as an attribute table: one row per feature,
 * one column per attribute key in order of first appearance (nested objects
 * flattened one level as `parent.child`, like the feature card), each column
 * typed by its values (all numbers → `number`, all booleans → `boolean`,
 * otherwise `text`; empty cells do not count). Columns with no value at all
 * are left out. Feature ids outside the properties (GeoJSON `id`) come first
 * as column `id`.
 *
 * @example featureTable({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'a', properties: { h: 3 }, geometry: null }] })
 * // { columns: [{ key: 'id', kind: 'text' }, { key: 'h', kind: 'number' }], rows: [{ id: 'a', cells: ['a', 3], bbox: undefined, properties: { h: 3 } }] }
 */
export function featureTable(fc: GeoJSON.FeatureCollection): FeatureTable {
  const index = new Map<string, number>();
  const kinds: (ColumnKind | undefined)[] = [];
  const keys: string[] = [];
  const flat: Map<number, TableCell>[] = [];
  const column = (k: string): number | undefined => {
    let i = index.get(k);
    if (i === undefined && keys.length < MAX_COLUMNS) {
      i = keys.length;
      index.set(k, i);
      keys.push(k);
      kinds.push(undefined);
    }
    return i;
  };
  const put = (m: Map<number, TableCell>, k: string, v: unknown) => {
    const c = cellOf(v);
    if (c === undefined || c === '') return;
    const i = column(k);
    if (i === undefined) return;
    m.set(i, c);
    const kind: ColumnKind = typeof c === 'number' ? 'number' : typeof c === 'boolean' ? 'boolean' : 'text';
    kinds[i] = kinds[i] === undefined || kinds[i] === kind ? kind : 'text';
  };
  fc.features.forEach((f) => {
    const m = new Map<number, TableCell>();
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) put(m, `${k}.${k2}`, v2);
      else put(m, k, v);
    }
    flat.push(m);
  });
  const columns: TableColumn[] = keys.map((key, i) => ({ key, kind: kinds[i] ?? 'text' }));
  // Ids kept outside the properties (GeoJSON `id`) are shown as the first column: people search and cite by them.
  const idColumn = !index.has('id') && fc.features.some((f) => f.id !== undefined && f.id !== null);
  const rows: TableRow[] = fc.features.map((f, r) => {
    const m = flat[r];
    const id = featureIdOf(f as never, r);
    const off = idColumn ? 1 : 0;
    const cells: TableCell[] = new Array<TableCell>(keys.length + off);
    if (idColumn) cells[0] = f.id === undefined || f.id === null ? undefined : id;
    for (let i = 0; i < keys.length; i++) {
      const c = m.get(i);
      // A text column shows numbers and booleans as text (mixed columns sort and filter as text).
      cells[i + off] = c === undefined ? undefined : columns[i].kind === 'text' && typeof c !== 'string' ? String(c) : c;
    }
    return { id, cells, bbox: bboxOf(f.geometry), properties: (f.properties ?? {}) as Record<string, unknown> };
  });
  return { columns: idColumn ? [{ key: 'id', kind: 'text' }, ...columns] : columns, rows };
}
