import type { BuildingCollection } from '../../model/Building';
import type { AnalysisDescriptor, PrepareBuildings } from '../AnalysisDescriptor';
import { computeShadows, shadowsToGeoJson } from '../computeShadows';
import { frameAroundFeatures } from '../localGeometry';
import { prepareBuildings } from '../prepareBuildings';
import type { ShadowsResponse } from '../runAnalysis';
import { checkpoint } from '../runSteps';

export interface ShadowsParams {
  /** Instant, UTC ms. */
  timeMs: number;
  /** One feature per building besides the union (CLI default true, app false). */
  perBuilding?: boolean;
  minAltitudeDeg?: number;
}

export interface ShadowsAnalysisRequest extends ShadowsParams {
  buildings: BuildingCollection;
  prepare: PrepareBuildings;
}

/** Panel and map: the sun's position and the shadow polygons. */
export interface ShadowsSummary {
  kind: 'shadows';
  status: 'ok' | 'sun-below-horizon';
  altitudeDeg: number;
  azimuthDeg: number;
  unionAreaM2: number;
  geojson: GeoJSON.FeatureCollection;
}

/** Shadows of the buildings at an instant: per building and merged (see `computeShadows`). */
export const shadowsAnalysis: AnalysisDescriptor<ShadowsParams, ShadowsAnalysisRequest, ShadowsResponse, ShadowsSummary> = {
  kind: 'shadows',
  needs: () => ['buildings'],
  buildRequest(inputs, params) {
    if (!inputs.buildings) throw new Error('shadows: no buildings');
    return { ...params, buildings: inputs.buildings, prepare: inputs.prepare ?? prepareBuildings };
  },
  async run(req, ctx) {
    const total = 3;
    ctx.progress(0, total);
    const frame = frameAroundFeatures(req.buildings.features);
    const { solids } = req.prepare(req.buildings.features, frame);
    ctx.progress(1, total);
    await checkpoint(ctx);
    const r = computeShadows(solids, { timeMs: req.timeMs, frame, minAltitudeDeg: req.minAltitudeDeg });
    ctx.progress(2, total);
    await checkpoint(ctx);
    const geojson = shadowsToGeoJson(r, frame, req.perBuilding ?? true);
    ctx.progress(3, total);
    return { status: r.status, altitudeDeg: r.altitudeDeg, azimuthDeg: r.azimuthDeg, unionAreaM2: r.status === 'ok' ? r.unionAreaM2 : 0, geojson };
  },
  summarise: (r) => ({ kind: 'shadows', status: r.status, altitudeDeg: r.altitudeDeg, azimuthDeg: r.azimuthDeg, unionAreaM2: r.unionAreaM2, geojson: r.geojson }),
  // Shadows are geometry (GeoJSON); their one number is the union area.
  tables: (r) => [{ name: '', header: ['status', 'altitudeDeg', 'azimuthDeg', 'unionAreaM2'], rows: [[r.status, r.altitudeDeg, r.azimuthDeg, r.unionAreaM2]], decimals: [undefined, 3, 3, 1] }],
};
