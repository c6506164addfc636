import { existsSync } from 'node:fs';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL, hasReal, runConvert, tempDir } from './citymodelTestUtils';

const NRW = path.join(REAL, 'nrw-lod2/LoD2_32_327_5733_1_NW.gml');
const SMALL = path.join(REAL, 'nrw-lod2/LoD2_32_330_5730_1_NW.gml');

/** Writes a mutated copy of a real file into a temp folder. */
async function mutated(src: string, name: string, mutate: (s: string) => string): Promise<string> {
  const dir = await tempDir('planlotse-citymodel-bad-');
  const file = path.join(dir, name);
  await writeFile(file, mutate(await readFile(src, 'utf8')));
  return file;
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe.skipIf(!hasReal)('bad CityGML input: report file, line, feature, reason; convert the rest', () => {
  it('truncated mid-building: keeps the buildings completed before the cut, reports the broken one', async () => {
    const text = await readFile(NRW, 'utf8');
    // Cut inside the 101st building.
    let at = 0;
    for (let i = 0; i < 101; i++) at = text.indexOf('<bldg:Building ', at + 1);
    const cutAt = at + 4000;
    const file = await mutated(NRW, 'truncated.gml', (s) => s.slice(0, cutAt));
    const brokenId = /gml:id="([^"]+)"/.exec(text.slice(at))![1];
    const { report } = await runConvert('citygml', [file]);
    expect(report.counts['bldg:Building']).toBe(100);
    const err = report.issues.find((i) => i.severity === 'error');
    expect(err).toMatchObject({ file: 'truncated.gml', featureId: brokenId, featureClass: 'bldg:Building' });
    expect(err!.reason).toMatch(/truncated/);
    expect(err!.line).toBeGreaterThan(lineOf(text, brokenId) - 1);
  });

  it('a broken posList skips that polygon (warning with its line and building), the building and the file convert', async () => {
    const text = await readFile(SMALL, 'utf8');
    const target = '330896.718 5730102.85 24.213 330899.289 5730102.049 24.213';
    const file = await mutated(SMALL, 'broken-poslist.gml', (s) => s.replace(target, '330896.718 5730102.85 24.213 33089x.289 5730102.049'));
    const { report } = await runConvert('citygml', [file]);
    expect(report.counts['bldg:Building']).toBe(4);
    const w = report.issues.find((i) => /not a number "33089x\.289" in posList/.test(i.reason));
    expect(w).toMatchObject({ file: 'broken-poslist.gml', featureId: 'DENW34AL0000Gb8k', severity: 'warning' });
    expect(w!.line).toBe(lineOf(text, target) - 1);
  });

  it('unknown srsName: every building skipped with the CRS named, nothing converted, existing output untouched', async () => {
    const good = await runConvert('citygml', [SMALL]);
    const before = await readFile(path.join(good.out, 'tileset.json'), 'utf8');
    const file = await mutated(SMALL, 'unknown-crs.gml', (s) => s.replace('urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016', 'urn:x-foo:crs:NOWHERE'));
    const { report } = await runConvert('citygml', [file], {}, undefined, good.out);
    expect(report.counts).toEqual({});
    expect(report.issues.filter((i) => i.severity === 'error')).toHaveLength(4);
    expect(report.issues[0].reason).toContain('unknown CRS "urn:x-foo:crs:NOWHERE"');
    expect(report.issues[0].featureId).toBe('DENW34AL0000Gb8k');
    expect(await readFile(path.join(good.out, 'tileset.json'), 'utf8')).toBe(before);
    expect(existsSync(path.join(good.out, 'report-citygml-failed.json'))).toBe(true);
    // --crs overrides the file's reference.
    const fixed = await runConvert('citygml', [file], {}, 'EPSG:25832');
    expect(fixed.report.counts['bldg:Building']).toBe(4);
    expect(fixed.report.crs).toMatchObject({ code: 'EPSG:25832', from: 'option' });
  });

  it('self-intersecting and unclosed rings: polygon skipped / closed, with a warning naming building and line', async () => {
    const text = await readFile(SMALL, 'utf8');
    // A bow-tie roof: swap two corners of the first roof ring of building DENW34AL0000Gb8k.
    const roofStart = text.indexOf('<bldg:RoofSurface');
    const posStart = text.indexOf('<gml:posList', roofStart);
    const open = text.indexOf('>', posStart) + 1;
    const close = text.indexOf('</gml:posList>', open);
    const v = text.slice(open, close).trim().split(/\s+/);
    const pts: string[][] = [];
    for (let i = 0; i < v.length; i += 3) pts.push(v.slice(i, i + 3));
    expect(pts.length).toBeGreaterThanOrEqual(5);
    const bow = [pts[0], pts[2], pts[1], ...pts.slice(3)];
    const file = await mutated(SMALL, 'bowtie.gml', (s) => s.slice(0, open) + bow.flat().join(' ') + s.slice(close));
    const { report } = await runConvert('citygml', [file]);
    expect(report.counts['bldg:Building']).toBe(4);
    const w = report.issues.find((i) => /self-intersecting/.test(i.reason));
    expect(w).toMatchObject({ file: 'bowtie.gml', severity: 'warning', featureId: 'DENW34AL0000Gb8k' });
    expect(w!.line).toBe(text.slice(0, text.lastIndexOf('<gml:Polygon', posStart)).split('\n').length);

    // Unclosed: drop the closing point of the same ring.
    const unclosed = await mutated(SMALL, 'unclosed.gml', (s) => s.slice(0, open) + pts.slice(0, -1).flat().join(' ') + s.slice(close));
    const r2 = await runConvert('citygml', [unclosed]);
    expect(r2.report.counts['bldg:Building']).toBe(4);
    expect(r2.report.issues.find((i) => /not closed/.test(i.reason))).toMatchObject({ featureId: 'DENW34AL0000Gb8k', severity: 'warning' });
  });

  it('malformed XML, missing geometry and unsupported classes are reported; the rest converts', async () => {
    const text = await readFile(SMALL, 'utf8');
    // Building 2 loses all geometry, a vegetation object is added, and an attribute tag is mangled at the end.
    const b2 = text.indexOf('<bldg:Building gml:id="DENW34AL0000Gbki"');
    const b2end = text.indexOf('</bldg:Building>', b2);
    const stripped = text.slice(b2, b2end).replace(/<bldg:(lod2Solid|boundedBy)>[\s\S]*?<\/bldg:\1>/g, '');
    const veg = '<core:cityObjectMember><veg:SolitaryVegetationObject xmlns:veg="http://www.opengis.net/citygml/vegetation/1.0" gml:id="tree1"/></core:cityObjectMember>\n';
    const mangled = text.slice(0, b2) + stripped + text.slice(b2end).replace('<core:cityObjectMember>', veg + '<core:cityObjectMember>');
    const lastMember = mangled.lastIndexOf('<core:cityObjectMember>');
    const broken = mangled.slice(0, lastMember) + '<core:cityObjectMember><bldg:Building gml:id="bad"><bldg:function>x</bldg:functio>' + mangled.slice(lastMember);
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'mixed.gml');
    await writeFile(file, broken);
    const { report } = await runConvert('citygml', [file]);
    expect(report.counts['bldg:Building']).toBe(2);
    const reasons = report.issues.filter((i) => i.severity === 'error');
    expect(reasons.find((i) => i.featureId === 'DENW34AL0000Gbki')?.reason).toMatch(/missing geometry/);
    expect(reasons.find((i) => i.featureId === 'tree1')).toMatchObject({ featureClass: 'veg:SolitaryVegetationObject', reason: expect.stringMatching(/unsupported class/) });
    const xml = reasons.find((i) => i.featureId === 'bad');
    expect(xml?.reason).toMatch(/malformed/);
    expect(xml?.line).toBe(broken.slice(0, broken.indexOf('</bldg:functio>')).split('\n').length);
  });

  it('the empty official tile 324_5730: a clear "no buildings" report, no crash, non-zero result', async () => {
    const { report, out } = await runConvert('citygml', [path.join(REAL, 'nrw-lod2/LoD2_32_324_5730_1_NW.gml')]);
    expect(report.counts).toEqual({});
    expect(report.issues.map((i) => i.reason).join('\n')).toMatch(/no buildings/);
    expect(existsSync(path.join(out, 'tileset.json'))).toBe(false);
  });
});
