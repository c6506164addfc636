import type { AnalysisDescriptor } from '../AnalysisDescriptor';
import { frameAroundFeatures, polygonArea, polygonsOf, polygonToLocal } from '../localGeometry';
import { overlapGroupProperty } from '../overlapCategories';
import { checkpoint } from '../runSteps';

export interface LayerStatsParams {
  /** Layer ids (catalog or dropped) to count and measure. */
  layers: string[];
}

/** One category of a layer: its features and area. */
export interface CategoryStats {
  category: string;
  count: number;
  areaM2: number;
  /** Share of the layer's polygon area (0..1; 0 for layers without polygons). */
  share: number;
}

/** Features and area by category of one layer. */
export interface LayerStats {
  layerId: string;
  featureCount: number;
  /** Features with a polygon geometry. */
  polygonCount: number;
  areaM2: number;
  /** The property the categories come from (see `overlapGroupProperty`), or undefined (one category ''). */
  groupBy: string | undefined;
  categories: CategoryStats[];
}

export interface LayerStatsRequest {
  layers: { layerId: string; fc: GeoJSON.FeatureCollection }[];
}

export interface LayerStatsSummary {
  kind: 'layerStats';
  layers: LayerStats[];
}

/** Statistics of one collection, areas in metres in a frame around it (polygon area = outer ring minus holes). */
export function layerStats(layerId: string, fc: GeoJSON.FeatureCollection): LayerStats {
  const groupBy = overlapGroupProperty(fc.features);
  const polys = fc.features.filter((f) => polygonsOf(f.geometry).length > 0);
  const frame = polys.length ? frameAroundFeatures(polys) : undefined;
  const cats = new Map<string, CategoryStats>();
  let areaM2 = 0;
  for (const f of fc.features) {
    const raw = groupBy ? (f.properties as Record<string, unknown> | null)?.[groupBy] : '';
    const category = raw === undefined || raw === null ? '' : String(raw);
    let c = cats.get(category);
    if (!c) cats.set(category, (c = { category, count: 0, areaM2: 0, share: 0 }));
    c.count++;
    if (!frame) continue;
    let a = 0;
    for (const p of polygonsOf(f.geometry)) a += polygonArea(polygonToLocal(p, frame));
    c.areaM2 += a;
    areaM2 += a;
  }
  const categories = [...cats.values()].map((c) => ({ ...c, share: areaM2 > 0 ? c.areaM2 / areaM2 : 0 })).sort((a, b) => b.areaM2 - a.areaM2 || b.count - a.count || a.category.localeCompare(b.category));
  return { layerId, featureCount: fc.features.length, polygonCount: polys.length, areaM2, groupBy, categories };
}

const fmt = (v: number, d: number) => Number(v.toFixed(d));

/** Feature counts and area by category (m², share) per layer: the land-use figures of reports and their bar chart. */
export const layerStatsAnalysis: AnalysisDescriptor<LayerStatsParams, LayerStatsRequest, LayerStats[], LayerStatsSummary> = {
  kind: 'layerStats',
  needs: (p) => p.layers.map((layer) => ({ layer })),
  buildRequest(inputs, p) {
    return {
      layers: p.layers.map((layerId) => {
        const fc = inputs.layers?.[layerId];
        if (!fc) throw new Error(`layer statistics: layer "${layerId}" was not loaded`);
        return { layerId, fc };
      }),
    };
  },
  async run(req, ctx) {
    const out: LayerStats[] = [];
    for (const [i, l] of req.layers.entries()) {
      ctx.progress(i, req.layers.length);
      await checkpoint(ctx);
      out.push(layerStats(l.layerId, l.fc));
    }
    ctx.progress(req.layers.length, req.layers.length);
    return out;
  },
  summarise: (layers) => ({ kind: 'layerStats', layers }),
  tables: (layers) => [
    {
      name: '',
      header: ['layerId', 'groupBy', 'category', 'count', 'areaM2', 'share'],
      rows: layers.flatMap((l) => l.categories.map((c) => [l.layerId, l.groupBy ?? '', c.category, c.count, fmt(c.areaM2, 2), fmt(c.share, 6)])),
    },
  ],
};
