import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { signedRingArea } from '../../../src/core/geometry/signedRingArea';
import type { ReportDocument } from '../../../src/core/report/ReportDocument';
import { parseReportArgs } from '../../../scripts/report/reportArgs';
import { runReportCommand } from '../../../scripts/report/runReportCommand';

/*
 * The report CLI without the PDF on the demo district: every number in the
 * bundle is read back (CSV in both dialects with papaparse, XLSX with exceljs,
 * GeoJSON checked for RFC 7946) and compared with the report document, whose
 * figures come from the analysis descriptors.
 */
const demo = existsSync('data/demo/catalog.json');
let doc: ReportDocument;
let out: string;

describe.skipIf(!demo)('report of the demo district (npm run demo-data)', () => {
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'report-'));
    const r = await runReportCommand(parseReportArgs(['--data', 'data/demo', '--out', out, '--pdf', 'false', '--lang', 'en', '--step', '20', '--cell', '3']), { now: '2026-12-05T12:00:00.000Z' });
    doc = r.doc;
  }, 120_000);

  it('has every section with figures', () => {
    expect(doc.layers.length).toBeGreaterThan(3);
    // 11 Baugebiete and the school's Gemeinbedarfsfläche (it sets GRZ, GFZ and storeys).
    expect(doc.compliance.rows.length).toBe(12);
    expect(doc.sun.zones.length).toBeGreaterThan(0);
    expect(doc.facades.points.length).toBeGreaterThan(50);
    expect(doc.keyFigures.map((k) => k.id)).toEqual(expect.arrayContaining(['exceeded', 'meanSunHours', 'facadePass']));
    expect(doc.provenance.attributions).toContain('Generierte Daten (Planlotse), CC0');
    expect(doc.maps.find((m) => m.id === 'sunHours')?.raster?.values.some((v) => v !== null && v > 0)).toBe(true);
    // Land use shares of a layer add up to 1.
    for (const l of doc.layers.filter((x) => x.areaM2 > 0)) expect(l.categories.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 9);
  });

  it('CSV in both dialects parses back to the compliance figures', async () => {
    const rfc = Papa.parse<string[]>((await readFile(path.join(out, 'csv/compliance.csv'), 'utf8')).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const de = Papa.parse<string[]>((await readFile(path.join(out, 'csv-excel-de/compliance.csv'), 'utf8')).replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true }).data;
    const [h, ...rows] = rfc;
    expect(de.length).toBe(rfc.length);
    const col = (n: string) => h.indexOf(n);
    for (const r of doc.compliance.rows)
      for (const rule of r.rules.filter((x) => x.value !== null)) {
        const row = rows.find((x) => x[col('areaId')] === r.baugebietId && x[col('rule')] === rule.rule)!;
        expect(Number(row[col('value')])).toBeCloseTo(rule.value!, 4);
        const deRow = de[rows.indexOf(row) + 1];
        expect(Number(deRow[col('value')].replace(',', '.'))).toBeCloseTo(rule.value!, 4);
      }
  });

  it('XLSX has one sheet per table with numbers as numbers and units in the headers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path.join(out, 'report.xlsx'))) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('layerStats')!;
    expect(ws.getRow(1).values).toContain('areaM2 (m²)');
    const stats = doc.layers.flatMap((l) => l.categories.map((c) => ({ l: l.layerId, c: c.category, a: c.areaM2 })));
    expect(ws.rowCount - 1).toBe(stats.length);
    for (let i = 0; i < stats.length; i++) {
      const v = ws.getRow(i + 2).getCell(5).value;
      expect(typeof v).toBe('number');
      expect(v as number).toBeCloseTo(stats[i].a, 2);
    }
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['compliance', 'facades', 'sunHours-zones']));
  });

  it('GeoJSON is RFC 7946: WGS84 ranges and right-hand rule', async () => {
    for (const name of Object.keys(doc.geojson)) {
      const fc = JSON.parse(await readFile(path.join(out, `geojson/${name}.geojson`), 'utf8')) as GeoJSON.FeatureCollection;
      for (const f of fc.features) {
        const g = f.geometry;
        const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
        for (const p of polys)
          p.forEach((ring, i) => {
            for (const [lon, lat] of ring) expect(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90).toBe(true);
            expect(Math.sign(signedRingArea(ring as [number, number][]))).toBe(i === 0 ? 1 : -1);
          });
      }
    }
  });

  it('the manifest lists every file with size and sha256', async () => {
    const m = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as { files: { path: string; bytes: number; sha256: string }[] };
    expect(m.files.length).toBe(1 + 2 * doc.tables.length + 1 + Object.keys(doc.geojson).length);
    for (const f of m.files.slice(0, 5)) {
      const bytes = await readFile(path.join(out, f.path));
      expect(bytes.length).toBe(f.bytes);
      expect(f.sha256).toBe((await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'));
    }
  });

  it('an area of one Baugebiet reports only it', async () => {
    const id = doc.compliance.rows[0].baugebietId;
    const r = await runReportCommand(parseReportArgs(['--data', 'data/demo', '--out', await mkdtemp(path.join(tmpdir(), 'report-')), '--pdf', 'false', '--area', `baugebiet:${id}`, '--step', '30', '--cell', '4']));
    expect(r.doc.compliance.rows.map((x) => x.baugebietId)).toEqual([id]);
    const zone = r.doc.compliance.rows[0].rules.find((x) => x.rule === 'GRZ');
    expect(zone?.value).toBeCloseTo(doc.compliance.rows[0].rules.find((x) => x.rule === 'GRZ')!.value!, 9);
  }, 120_000);
});

describe('report arguments', () => {
  it('reject bad input with a message naming the option', () => {
    expect(() => parseReportArgs(['--out', 'x'])).toThrow(/--data/);
    expect(() => parseReportArgs(['--data', 'd', '--out', 'x', '--date', '21.03.2025'])).toThrow(/--date "21.03.2025"/);
    expect(() => parseReportArgs(['--data', 'd', '--out', 'x', '--variants', 'A,B,C', '--scenario', 's.json'])).toThrow(/one or two/);
    expect(() => parseReportArgs(['--data', 'd', '--out', 'x', '--variants', 'A'])).toThrow(/--scenario/);
    expect(() => parseReportArgs(['--data', 'd', '--out', 'x', '--area', 'somewhere'])).toThrow(/--area "somewhere"/);
    expect(() => parseReportArgs(['--data', 'd', '--out', 'x', '--lang', 'fr'])).toThrow(/de or en/);
    expect(() => parseReportArgs(['--data', 'd', '--out', 'x', '--colour', 'red'])).toThrow(/unknown option --colour/);
  });

  it('an unknown Baugebiet names the ones that exist', async () => {
    await expect(runReportCommand(parseReportArgs(['--data', 'data/demo', '--out', path.join(tmpdir(), 'r-x'), '--pdf', 'false', '--area', 'baugebiet:nope']))).rejects.toThrow(/no Baugebiet "nope" \(Baugebiete: GML_/);
  });
});
