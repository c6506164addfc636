import type { Position } from 'geojson';
import { isKnownCrs, makeTransform, type ParsedCrs } from '../crs';
import type { NestedMessage } from '../i18n/Message';
import { parseAnyCrs } from './resolveCrs';

/** A CRS ready for use: how to turn file positions into x/east, y/north and into WGS84. */
export interface ResolvedCrs {
  crs: ParsedCrs;
  from: 'file' | 'option' | 'default';
  /** File position → [lon, lat]; swaps lat,lon axis order where the CRS reference demands it. */
  toWgs84: (p: Position) => [number, number];
  /** File position → [x, y] in the CRS's easting/northing (or lon/lat) order. */
  toXy: (p: Position) => Position;
}

/** Why no CRS could be found (a `convert.crs.*` message), as {@link CrsResolver.resolve} answers it. */
export function isCrsProblem(r: ResolvedCrs | NestedMessage): r is NestedMessage {
  return 'code' in r;
}

/**
 * Resolves `srsName` references once per distinct value. `--crs` (the
 * `fallback`) applies when a file names no CRS or one this app does not know.
 */
export class CrsResolver {
  private readonly cache = new Map<string, ResolvedCrs | NestedMessage>();
  /** CRS codes used, with how often. */
  readonly used = new Map<string, number>();

  constructor(private readonly fallback?: string) {}

  /** Resolved CRS, or a reason why none could be found. */
  resolve(srsName: string | undefined, swapAxes = false): ResolvedCrs | NestedMessage {
    const key = `${srsName ?? ''}|${swapAxes}`;
    let r = this.cache.get(key);
    if (!r) {
      r = this.make(srsName, swapAxes);
      this.cache.set(key, r);
    }
    if (!isCrsProblem(r)) this.used.set(r.crs.code, (this.used.get(r.crs.code) ?? 0) + 1);
    return r;
  }

  /** The most used CRS, for the report. */
  mostUsed(): string | undefined {
    return [...this.used.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  }

  private make(srsName: string | undefined, swapAxes: boolean): ResolvedCrs | NestedMessage {
    let crs = parseAnyCrs(srsName);
    let from: ResolvedCrs['from'] = 'file';
    if (!crs) {
      const opt = this.fallback ? parseAnyCrs(this.fallback) : undefined;
      if (this.fallback && !opt) return { code: 'convert.crs.unknownOption', params: { crs: this.fallback } };
      if (!opt) return srsName ? { code: 'convert.crs.unknown', params: { crs: srsName } } : { code: 'convert.crs.none' };
      crs = { ...opt, latLonOrder: false };
      from = 'option';
    }
    if (!isKnownCrs(crs.code)) return { code: 'convert.crs.noDefinition', params: { crs: crs.code } };
    const t = makeTransform(crs.code, 'EPSG:4326');
    const swap = crs.latLonOrder !== swapAxes;
    const toXy = swap ? (p: Position) => [p[1], p[0], ...p.slice(2)] : (p: Position) => p;
    return { crs, from, toXy, toWgs84: swap ? (p) => t([p[1], p[0]]) : (p) => t(p) };
  }
}
