import * as Plot from '@observablehq/plot';
import type { AreaDelta } from '../../core/analysis/compare/compareVariants';
import type { ComplianceRow, ReportDocument, ReportMap } from '../../core/report/ReportDocument';

/** Labels the charts need, already translated (charts stay free of i18n calls). */
export type ChartText = (key: string, opts?: Record<string, unknown>) => string;

const LIGHT_COLOURS = { ok: '#2e7d32', exceeded: '#c62828', unknown: '#9e9e9e', none: '#e0e0e0' };

/** Horizontal bars, `rows` rows of `rowPx` pixels, their labels in a 160 px left margin. */
function barRows(width: number, rows: number, rowPx: number, xLabel: string, marks: Plot.Markish[]): Plot.PlotOptions {
  return { width, height: 40 + rowPx * Math.max(1, rows), marginLeft: 160, x: { label: xLabel, grid: true }, y: { label: null }, marks };
}

/** GRZ and GFZ side by side (`data` faceted by its `rule`), `zones` rows of `rowPx` pixels in each. */
function ruleFacets<D extends { rule: string }>(width: number, zones: number, rowPx: number, xLabel: string | null, data: D[], marks: Plot.Markish[], color?: Plot.ScaleOptions): Plot.PlotOptions {
  return { width, height: 60 + rowPx * Math.max(1, zones) * 2, marginLeft: 90, fx: { label: null }, x: { label: xLabel, grid: true }, y: { label: null }, ...(color && { color }), facet: { data, x: 'rule' }, marks };
}

/** Land use by area: one horizontal bar per category of a layer, m². */
export function landUseChart(layer: ReportDocument['layers'][number], t: ChartText, width = 640): Plot.PlotOptions {
  const data = layer.categories.filter((c) => c.areaM2 > 0).slice(0, 15);
  return barRows(width, data.length, 22, t('report.areaM2Col'), [
    Plot.barX(data, { x: 'areaM2', y: (d: (typeof data)[number]) => d.category || '—', fill: '#5c8fc7', sort: { y: '-x' } }),
    Plot.text(data, { x: 'areaM2', y: (d: (typeof data)[number]) => d.category || '—', text: (d: (typeof data)[number]) => `${(d.share * 100).toFixed(1)} %`, dx: 4, textAnchor: 'start', fontSize: 10 }),
    Plot.ruleX([0]),
  ]);
}

/** GRZ and GFZ per Baugebiet (bars) against their limits (black ticks), exceeded bars red. */
export function complianceChart(rows: ComplianceRow[], t: ChartText, width = 640): Plot.PlotOptions {
  const data = rows.flatMap((r) => r.rules.filter((x) => (x.rule === 'GRZ' || x.rule === 'GFZ') && x.value !== null).map((x) => ({ zone: r.label, rule: x.rule, value: x.value as number, limit: x.limit, status: x.status })));
  return ruleFacets(
    width,
    rows.length,
    20,
    null,
    data,
    [
      Plot.barX(data, { x: 'value', y: 'zone', fill: 'status', fx: 'rule' }),
      Plot.tickX(data.filter((d) => d.limit !== null), { x: 'limit', y: 'zone', stroke: 'black', strokeWidth: 2, fx: 'rule' }),
      Plot.ruleX([0]),
    ],
    { domain: ['ok', 'exceeded', 'unknown'], range: [LIGHT_COLOURS.ok, LIGHT_COLOURS.exceeded, LIGHT_COLOURS.unknown], legend: true, tickFormat: (s: string) => t(`report.legend.${s}`) },
  );
}

/** Half-hour histogram of ground cells' sun hours with the 2 h and 4 h marks. */
export function sunHistogramChart(counts: number[], cellAreaM2: number, t: ChartText, width = 640): Plot.PlotOptions {
  const data = counts.map((n, i) => ({ x1: i / 2, x2: i / 2 + 0.5, m2: n * cellAreaM2 }));
  return {
    width,
    height: 200,
    x: { label: t('report.hours'), domain: [0, Math.max(5, counts.length / 2)] },
    y: { label: t('report.cells'), grid: true },
    marks: [
      Plot.rectY(data, { x1: 'x1', x2: 'x2', y: 'm2', fill: '#f2a900', inset: 0.5 }),
      Plot.ruleX([2, 4], { stroke: '#333', strokeDasharray: '4 3' }),
      Plot.text([2, 4], { x: (d: number) => d, frameAnchor: 'top', text: (d: number) => `${d} h`, dx: 3, textAnchor: 'start', fontSize: 10 }),
      Plot.ruleY([0]),
    ],
  };
}

/** Mean sun hours per zone, with lines at 2 h and 4 h. */
export function zoneMeansChart(zones: ReportDocument['sun']['zones'], t: ChartText, width = 640): Plot.PlotOptions {
  // One bar per zone: equal names (a playground also drawn as a green space) get a number, so bars never stack.
  const seen = new Map<string, number>();
  const data = zones.filter((z) => z.meanSunHours !== null).map((z) => {
    const k = (seen.get(z.label) ?? 0) + 1;
    seen.set(z.label, k);
    return { ...z, label: k > 1 ? `${z.label} (${k})` : z.label };
  });
  return barRows(width, data.length, 20, t('report.hours'), [
    Plot.barX(data, { x1: 0, x2: 'meanSunHours', y: 'label', fill: (d: (typeof data)[number]) => ((d.meanSunHours ?? 0) >= 4 ? '#f2a900' : (d.meanSunHours ?? 0) >= 2 ? '#f7cf6b' : '#8aa1b8'), sort: { y: '-x2' } }),
    Plot.ruleX([2, 4], { stroke: '#333', strokeDasharray: '4 3' }),
    Plot.ruleX([0]),
  ]);
}

/** Variant deltas: per Baugebiet GRZ and GFZ before → after as arrows, limits as ticks. */
export function deltaChart(areas: AreaDelta[], t: ChartText, width = 640): Plot.PlotOptions {
  const data = areas.flatMap((a) => a.rules.filter((r) => (r.rule === 'GRZ' || r.rule === 'GFZ') && r.before !== null && r.after !== null).map((r) => ({ zone: a.landUse ? `${a.landUse} ${a.areaId.slice(-4)}` : a.areaId, rule: r.rule, before: r.before as number, after: r.after as number, limit: r.limit })));
  return ruleFacets(width, areas.length, 18, `${t('report.before')} → ${t('report.after')}`, data, [
    Plot.tickX(data.filter((d) => d.limit !== null), { x: 'limit', y: 'zone', stroke: '#999', fx: 'rule' }),
    Plot.dot(data, { x: 'before', y: 'zone', fill: '#777', r: 3, fx: 'rule' }),
    Plot.arrow(data, { x1: 'before', x2: 'after', y1: 'zone', y2: 'zone', stroke: (d: (typeof data)[number]) => (d.after > d.before ? '#c62828' : '#2e7d32'), headLength: 6, fx: 'rule' }),
  ]);
}

/** Mean sun hours per zone before → after. */
export function zoneDeltaChart(zones: NonNullable<ReportDocument['deltas']>['zones'], t: ChartText, width = 640): Plot.PlotOptions {
  const data = zones.filter((z) => z.before !== null && z.after !== null) as { label: string; before: number; after: number }[];
  return barRows(width, data.length, 20, t('report.hours'), [
    Plot.ruleX([2, 4], { stroke: '#333', strokeDasharray: '4 3' }),
    Plot.dot(data, { x: 'before', y: 'label', fill: '#777', r: 3 }),
    Plot.arrow(data, { x1: 'before', x2: 'after', y1: 'label', y2: 'label', stroke: (d: (typeof data)[number]) => (d.after < d.before ? '#c62828' : '#2e7d32'), headLength: 6 }),
  ]);
}

/** A round length for a scale bar about a fifth of `span` metres. */
export function scaleBarLength(span: number): number {
  const target = span / 5;
  const p = 10 ** Math.floor(Math.log10(target));
  return [1, 2, 5, 10].map((m) => m * p).filter((v) => v <= target).at(-1) ?? p;
}

type Pt = { x: number; y: number; ring: string; layer: string; light?: string };

/** Rings of a map's shapes as points for line marks (one `ring` key per ring). */
function ringsOf(shapes: GeoJSON.FeatureCollection, layer: string): Pt[] {
  const out: Pt[] = [];
  shapes.features.forEach((f, fi) => {
    if (f.properties?.layer !== layer || !f.geometry) return;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [];
    polys.forEach((p, pi) => p.forEach((r, ri) => r.forEach(([x, y]) => out.push({ x, y, ring: `${fi}.${pi}.${ri}`, layer, light: f.properties?.light as string | undefined }))));
  });
  return out;
}

/**
 * A map of the report in local metres (equal units on both axes): the sun
 * raster when there is one (continuous legend), else the Baugebiete filled by
 * their light (categorical legend); buildings, zones and the area outlined; a
 * scale bar bottom left; north is up.
 */
export function mapChart(map: ReportMap, t: ChartText, width = 700): Plot.PlotOptions {
  const [x0, y0, x1, y1] = map.extent;
  const bar = scaleBarLength(x1 - x0);
  const bx = x0 + (x1 - x0) * 0.04, by = y0 + (y1 - y0) * 0.04;
  const marks: Plot.Markish[] = [];
  let color: Plot.ScaleOptions;
  if (map.raster) {
    const r = map.raster;
    const delta = map.id === 'delta';
    const ext = Math.max(0.5, ...r.values.map((v) => Math.abs(v ?? 0)));
    color = delta
      ? { type: 'linear', scheme: 'RdBu', domain: [-ext, ext], legend: true, label: `${t('report.delta')} (h)` }
      : { type: 'linear', scheme: 'YlOrBr', domain: [0, Math.max(1, ...r.values.map((v) => v ?? 0))], legend: true, label: t('report.hours') };
    marks.push(Plot.raster(r.values.map((v) => (v === null ? NaN : v)), { width: r.nx, height: r.ny, x1: r.x0, y1: r.y0, x2: r.x0 + r.nx * r.cellM, y2: r.y0 + r.ny * r.cellM, imageRendering: 'pixelated' }));
    marks.push(Plot.line(ringsOf(map.shapes, 'baugebiet'), { x: 'x', y: 'y', z: 'ring', stroke: '#555', strokeWidth: 0.6 }));
  } else {
    const domain = ['ok', 'exceeded', 'unknown', 'none'];
    color = { type: 'categorical', domain, range: domain.map((d) => LIGHT_COLOURS[d as keyof typeof LIGHT_COLOURS]), legend: true, tickFormat: (s: string) => t(`report.legend.${s}`) };
    marks.push(Plot.line(ringsOf(map.shapes, 'baugebiet'), { x: 'x', y: 'y', z: 'ring', fill: 'light', fillOpacity: 0.45, stroke: '#444', strokeWidth: 0.8 }));
  }
  marks.push(Plot.line(ringsOf(map.shapes, 'zone'), { x: 'x', y: 'y', z: 'ring', stroke: '#1b7f3b', strokeWidth: 1.2 }));
  marks.push(Plot.line(ringsOf(map.shapes, 'building'), { x: 'x', y: 'y', z: 'ring', fill: map.raster ? '#ffffff' : '#6d6d6d', fillOpacity: map.raster ? 0.9 : 0.8, stroke: '#333', strokeWidth: 0.4 }));
  marks.push(Plot.line(ringsOf(map.shapes, 'area'), { x: 'x', y: 'y', z: 'ring', stroke: '#0b3d91', strokeWidth: 2, strokeDasharray: '6 3' }));
  const facades = map.shapes.features.filter((f) => f.properties?.layer === 'facade').map((f) => ({ x: (f.geometry as GeoJSON.Point).coordinates[0], y: (f.geometry as GeoJSON.Point).coordinates[1], meets: !!f.properties?.meets }));
  if (facades.length) marks.push(Plot.dot(facades, { x: 'x', y: 'y', r: 2.2, fill: (d: (typeof facades)[number]) => (d.meets ? '#2e7d32' : '#c62828'), stroke: 'white', strokeWidth: 0.5 }));
  marks.push(Plot.line([{ x: bx, y: by }, { x: bx + bar, y: by }], { x: 'x', y: 'y', stroke: 'black', strokeWidth: 3 }));
  marks.push(Plot.text([{ x: bx + bar / 2, y: by }], { x: 'x', y: 'y', text: () => `${bar} m`, dy: -8, fontSize: 11, fontWeight: 'bold' }));
  marks.push(Plot.text([{ x: x1, y: y1 }], { x: 'x', y: 'y', text: () => 'N ↑', dx: -14, dy: 12, fontSize: 13, fontWeight: 'bold' }));
  return { width, aspectRatio: 1, x: { domain: [x0, x1], axis: null }, y: { domain: [y0, y1], axis: null }, color, marks, style: { background: 'white' } };
}
