import type { ColumnKind, FeatureTable, TableColumn } from '../../core/table/featureTable';
import type { AnalysisResult } from '../../state/analysisSlice';

type Result<K extends AnalysisResult['kind']> = Extract<AnalysisResult, { kind: K }>;

/** Columns in the order written, from `{ key: kind }`. */
function columnsOf(kinds: Record<string, ColumnKind>): TableColumn[] {
  return Object.entries(kinds).map(([key, kind]) => ({ key, kind }));
}

/**
 * Per-polygon sun hours as an attribute table for the drawer: the columns of
 * the CSV (`zonesCsv`), each row linked to its polygon (layer and feature id),
 * so a row click selects and flies to the playground or green space.
 */
export function zonesTable(r: Result<'sunHours'>): FeatureTable {
  return {
    columns: columnsOf({ layer: 'text', id: 'text', name: 'text', groundAreaM2: 'number', meanSunHours: 'number', shareAtLeast2h: 'number', shareAtLeast4h: 'number', complete: 'boolean' }),
    rows: r.zones.map((z) => {
      const id = z.id.slice(z.layerId.length + 1) || z.id;
      return { id, layerId: z.layerId, properties: {}, cells: [z.layerId, id, z.label, z.groundAreaM2, z.meanSunHours, z.shareAtLeast2h, z.shareAtLeast4h, z.complete] };
    }),
  };
}

/** Compliance, one row per area and rule (the CSV's columns), for the drawer. */
export function complianceTable(r: Result<'compliance'>): FeatureTable {
  return {
    columns: columnsOf({ baugebiet: 'text', areaKind: 'text', areaId: 'text', rule: 'text', value: 'number', limit: 'number', status: 'text', buildingIds: 'text' }),
    rows: r.areas.flatMap((a) =>
      a.rules.map((x, k) => ({ id: `${a.areaId}#${k}`, properties: {}, cells: [r.labels[a.baugebietId] ?? a.landUse, a.kind, a.areaId, x.rule, x.value ?? undefined, x.limit ?? undefined, x.status, x.buildingIds.join(' ')] })),
    ),
  };
}
