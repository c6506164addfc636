import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../../../scripts/convert/xplanung';
import { parseConvertArgs } from '../../../scripts/convert/options';
import { parseReportArgs } from '../../../scripts/report/reportArgs';
import { runReportCommand } from '../../../scripts/report/runReportCommand';

/*
 * A real Hamburg plan (XPlanGML 5.2 "Rotherbaum27", RVO 2006) converted into a
 * temporary dataset with the convert CLI's code, then reported on: a
 * plan-only dataset (no buildings), so the sun sections are marked as not
 * computed and the layer figures come from the plan.
 */
const gml = '../shared/data/real/xplanung-hh/Rotherbaum27.gml';

describe.skipIf(!existsSync(gml))('report of a real Hamburg plan', () => {
  it('reports the plan area with its Baugebiete and area by land use', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hh-plan-'));
    await convert(parseConvertArgs(['xplanung', gml, '--out', dir]));
    const out = path.join(dir, 'report');
    const { doc } = await runReportCommand(parseReportArgs(['--data', dir, '--out', out, '--area', 'plan', '--pdf', 'false', '--lang', 'en']), { now: '2026-12-05T12:00:00.000Z' });
    expect(doc.title.plan?.name).toBe('Rotherbaum27');
    expect(doc.sun.computed).toBe(false);
    const zoning = doc.layers.find((l) => l.layerId === 'xplanung-baugebiete')!;
    expect(zoning.featureCount).toBe(4);
    // The Baugebiete lie inside the plan: their area is below the plan's, and above zero.
    expect(zoning.areaM2).toBeGreaterThan(1000);
    expect(zoning.areaM2).toBeLessThan(doc.title.area.areaM2);
    const csv = await readFile(path.join(out, 'csv/layerStats.csv'), 'utf8');
    expect(csv).toContain('xplanung-baugebiete');
    expect(doc.provenance.crs).toBe('EPSG:25832');
  }, 120_000);
});
