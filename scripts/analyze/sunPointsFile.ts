import type { SunPointInput, SunPointsResponse } from '../../src/core/analysis';
import { CliError } from './cliError';

/**
 * Points of `analyze sunpoints` from a GeoJSON FeatureCollection of Point
 * features. Properties (all optional): `id` (else the feature id, else P1,
 * P2 …), `heightM` (above ground, default 0), `facadeAzimuthDeg` (outward wall
 * normal from true north: a façade point), `buildingId` (snap the point onto
 * the nearest wall of that building, as a click in the app does).
 */
export function readSunPoints(fc: GeoJSON.FeatureCollection, file: string): SunPointInput[] {
  return fc.features.map((f, i) => {
    if (f.geometry?.type !== 'Point')
      throw new CliError(f.geometry?.type ? { code: 'cli.error.notPoint', params: { file, index: String(i), type: f.geometry.type } } : { code: 'cli.error.notPointNoGeometry', params: { file, index: String(i) } });
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const numberProp = (key: string): number | undefined => {
      const v = p[key];
      if (v === undefined || v === null || v === '') return undefined;
      const n = Number(v);
      if (!Number.isFinite(n)) throw new CliError({ code: 'cli.error.propNotNumber', params: { file, index: String(i), key, value: String(v) } });
      return n;
    };
    const [lon, lat] = f.geometry.coordinates;
    const heightM = numberProp('heightM'), facadeAzimuthDeg = numberProp('facadeAzimuthDeg');
    return {
      id: String(p.id ?? f.id ?? `P${i + 1}`),
      lonLat: [lon, lat],
      ...(heightM !== undefined ? { heightM } : {}),
      ...(facadeAzimuthDeg !== undefined ? { facadeAzimuthDeg } : {}),
      ...(typeof p.buildingId === 'string' && p.buildingId ? { onBuildingId: p.buildingId } : {}),
    };
  });
}

/** The checked points as GeoJSON Point features with the result as properties. */
export function sunPointsToGeoJson(r: SunPointsResponse): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: r.points.map(({ lonLat, ...props }) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: lonLat }, properties: { ...props, thresholdHours: r.thresholdHours } })),
  };
}
