import { CodedError } from '../../i18n/Message';
import type { AnalysisDescriptor } from '../AnalysisDescriptor';
import { overlapsToGeoJson } from '../analysisOutputs';
import { computeOverlaps } from '../computeOverlaps';
import { frameAroundFeatures } from '../localGeometry';
import { areaByGroup, groupShares, overlapGroupProperty, type OverlapGroupShare } from '../overlapCategories';
import { prepareLayer } from '../polygonLayer';
import type { OverlapsRequest, OverlapsResponse } from '../runAnalysis';
import { checkpoint } from '../runSteps';

export interface OverlapsParams {
  /** Layer ids (app) of the two polygon layers. */
  a: string;
  b: string;
  /** Properties that group each side; when absent guessed (`overlapGroupProperty`) unless `guessGroups` is false (CLI). */
  groupA?: string;
  groupB?: string;
  guessGroups?: boolean;
  /** Overlap polygons as GeoJSON too (default true). */
  withGeometry?: boolean;
}

/** Panel and map: category pairs with shares, and the overlap polygons. */
export interface OverlapsSummary {
  kind: 'overlaps';
  /** Category pairs with their area and the share of each side's category area. */
  groups: OverlapGroupShare[];
  pairCount: number;
  totalAreaM2: number;
  /** Overlap polygons (WGS84) for the map. */
  geojson: GeoJSON.FeatureCollection;
}

const fmt = (v: number, d: number) => (Number.isFinite(v) ? Number(v.toFixed(d)) : null);

/** Where two polygon layers overlap: pairs, areas per category pair (see `computeOverlaps`). */
export const overlapsAnalysis: AnalysisDescriptor<OverlapsParams, OverlapsRequest, OverlapsResponse, OverlapsSummary> = {
  kind: 'overlaps',
  needs: (p) => [{ layer: p.a }, { layer: p.b }],
  buildRequest(inputs, p) {
    const a = inputs.layers?.[p.a], b = inputs.layers?.[p.b];
    if (!a || !b) throw new CodedError({ code: 'analysis.choosePolygonLayers', params: { a: p.a, b: p.b } });
    const guess = p.guessGroups ?? true;
    return { a, b, groupA: p.groupA ?? (guess ? overlapGroupProperty(a.features) : undefined), groupB: p.groupB ?? (guess ? overlapGroupProperty(b.features) : undefined), withGeometry: p.withGeometry ?? true };
  },
  async run(req, ctx) {
    ctx.progress(0, 3);
    const frame = frameAroundFeatures([...req.a.features, ...req.b.features]);
    const la = prepareLayer(req.a.features, frame, req.groupA), lb = prepareLayer(req.b.features, frame, req.groupB);
    ctx.progress(1, 3);
    await checkpoint(ctx);
    const r = computeOverlaps(la, lb, { withGeometry: req.withGeometry });
    ctx.progress(2, 3);
    await checkpoint(ctx);
    const res: OverlapsResponse = {
      pairs: r.pairs.map(({ aId, bId, aGroup, bGroup, areaM2, shareOfA, shareOfB }) => ({ aId, bId, aGroup, bGroup, areaM2, shareOfA, shareOfB })),
      groups: r.groups,
      groupShares: groupShares(r.groups, areaByGroup(la.items), areaByGroup(lb.items)),
      totalAreaM2: r.totalAreaM2,
      ...(req.withGeometry ? { geojson: overlapsToGeoJson(r, frame) } : {}),
    };
    ctx.progress(3, 3);
    return res;
  },
  summarise: (r) => ({ kind: 'overlaps', groups: r.groupShares ?? [], pairCount: r.pairs.length, totalAreaM2: r.totalAreaM2, geojson: r.geojson ?? { type: 'FeatureCollection', features: [] } }),
  tables: (r) => [
    {
      name: '',
      header: ['aId', 'bId', 'aGroup', 'bGroup', 'areaM2', 'shareOfA', 'shareOfB'],
      rows: r.pairs.map((p) => [p.aId, p.bId, p.aGroup, p.bGroup, fmt(p.areaM2, 3), fmt(p.shareOfA, 6), fmt(p.shareOfB, 6)]),
      bom: false,
      eol: '\n',
    },
    { name: 'groups', header: ['aGroup', 'bGroup', 'areaM2', 'pairs'], rows: r.groups.map((g) => [g.aGroup, g.bGroup, fmt(g.areaM2, 3), g.pairs]), bom: false, eol: '\n' },
  ],
};
