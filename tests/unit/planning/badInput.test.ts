import { describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import { readXPlanGml } from '../../../src/core/xplanung/readXPlanGml';
import { readVectorFile } from '../../../src/core/vector/readVectorFile';
import { readGeoJson } from '../../../src/core/vector/readGeoJson';
import { hasReal, realBytes, realText } from './realData';

/** Applies `fn` to the text of the feature element with that gml:id (start tag to its end tag). */
function mutateFeature(xml: string, id: string, fn: (feature: string) => string): string {
  const start = xml.lastIndexOf('<', xml.indexOf(`gml:id="${id}"`));
  const cls = /^<([\w:]+)/.exec(xml.slice(start))![1];
  const end = xml.indexOf(`</${cls}>`, start) + cls.length + 3;
  return xml.slice(0, start) + fn(xml.slice(start, end)) + xml.slice(end);
}

function lineOf(xml: string, id: string): number {
  return xml.slice(0, xml.lastIndexOf('<', xml.indexOf(`gml:id="${id}"`))).split('\n').length;
}

const square = (x: number, y: number, closed: boolean) =>
  `<gml:Polygon srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList>${x} ${y} ${x + 10} ${y} ${x + 10} ${y + 10} ${x} ${y + 10}${closed ? ` ${x} ${y}` : ''}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`;
const bowTie = (x: number, y: number) =>
  `<gml:Polygon srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList>${x} ${y} ${x + 10} ${y + 10} ${x + 10} ${y} ${x} ${y + 10} ${x} ${y}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`;
const replacePosition = (geom: string) => (f: string) => f.replace(/<xplan:position>[\s\S]*<\/xplan:position>/, `<xplan:position>${geom}</xplan:position>`);

describe.skipIf(!hasReal)('bad XPlanGML input (mutated copies of Rotherbaum27 and HafenCity7)', () => {
  const file = 'Rotherbaum27.gml';
  const original = hasReal ? realText(`xplanung-hh/${file}`) : '';
  const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

  it('truncated file: converts the features before the cut, reports the cut one with its line', () => {
    const hc = realText('xplanung-hh/HafenCity7.gml');
    const cut = hc.slice(0, Math.floor(hc.length / 2));
    const report = new ReportBuilder();
    const r = readXPlanGml(cut, { file: 'HafenCity7-truncated.gml', report });
    expect(r.features.length).toBeGreaterThan(50);
    expect(total(report.counts)).toBeLessThan(234);
    expect(report.issues.some((i) => i.severity === 'warning' && /XML not well-formed/.test(i.reason) && i.line! > 1000)).toBe(true);
    const broken = report.issues.filter((i) => i.severity === 'error' && /not closed/.test(i.reason));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatchObject({ file: 'HafenCity7-truncated.gml', featureId: expect.stringMatching(/^GML_/) });
    expect(broken[0].line).toBe(lineOf(hc, broken[0].featureId!));
  });

  it('unknown CRS, missing geometry, bad number, unclosed and self-intersecting rings, unknown class: each reported, the rest converted', () => {
    const ids = {
      crs: 'GML_A7A871FF-23B7-44EA-BA8D-C4A2BDA8FB41', // BP_BaugebietsTeilFlaeche (WA)
      noGeom: 'GML_CDBD0068-C1B5-4DE9-9EB3-1699EDCD4CC9', // BP_BaugebietsTeilFlaeche (WR)
      unclosed: 'GML_F338CCF1-CDA2-4F51-9A0F-F7882FA0E7B5', // BP_BaugebietsTeilFlaeche (MK)
      bowTie: 'GML_3441B3DE-04CA-4580-BFF3-6177FCB7C91C', // BP_BaugebietsTeilFlaeche (MK)
      green: 'GML_06621478-4969-4727-8F5F-1CB41C4AA868', // BP_GruenFlaeche
    };
    let xml = original;
    xml = mutateFeature(xml, ids.crs, (f) => f.replace(/srsName="EPSG:25832"/g, 'srsName="EPSG:99999"'));
    xml = mutateFeature(xml, ids.noGeom, (f) => f.replace(/<xplan:position>[\s\S]*<\/xplan:position>/, ''));
    xml = mutateFeature(xml, ids.unclosed, replacePosition(square(565700, 5936300, false)));
    xml = mutateFeature(xml, ids.bowTie, replacePosition(bowTie(565700, 5936350)));
    xml = mutateFeature(xml, ids.green, (f) => f.replaceAll('BP_GruenFlaeche', 'BP_PhantasieFlaeche'));
    const report = new ReportBuilder();
    const r = readXPlanGml(xml, { file, report });
    const issue = (id: string) => report.issues.filter((i) => i.featureId === id);

    expect(issue(ids.crs)).toEqual([{ file, line: lineOf(xml, ids.crs), featureId: ids.crs, featureClass: 'BP_BaugebietsTeilFlaeche', severity: 'error', reason: 'unknown CRS "EPSG:99999" (pass --crs EPSG:nnnn to override)', message: { code: 'convert.crs.unknown', params: { crs: 'EPSG:99999' } } }]);
    expect(issue(ids.noGeom)).toMatchObject([{ severity: 'error', reason: 'no geometry', line: lineOf(xml, ids.noGeom) }]);
    expect(issue(ids.unclosed)).toMatchObject([{ severity: 'warning', reason: expect.stringMatching(/exterior ring not closed \(gap 10\.0\): closed it/) }]);
    expect(r.features.find((f) => f.id === ids.unclosed)!.geometry).toMatchObject({ type: 'Polygon' });
    expect(issue(ids.bowTie)).toMatchObject([{ severity: 'error', reason: expect.stringMatching(/exterior ring self-intersects near \(565705\.000, 5936355\.000\)/) }]);
    expect(issue(ids.green)).toMatchObject([{ severity: 'warning', featureClass: 'BP_PhantasieFlaeche', reason: expect.stringMatching(/no specific mapping: converted generically/) }]);
    expect(r.features.find((f) => f.id === ids.green)!.properties.theme).toBe('sonstige');
    // Everything else still converts: 165 objects − 3 skipped geometries − 1 raster reference.
    expect(total(report.counts)).toBe(165 - 3 - 1);
    expect(report.skippedCounts).toEqual({ BP_BaugebietsTeilFlaeche: 3, XP_Rasterdarstellung: 1 });
  });

  it('a real ring with one curve member removed is closed again and reported', () => {
    const id = 'GML_06621478-4969-4727-8F5F-1CB41C4AA868';
    const xml = mutateFeature(original, id, (f) => f.replace(/<gml:curveMember>(?:(?!<gml:curveMember>)[\s\S])*?<\/gml:curveMember>\s*<\/gml:Ring>/, '</gml:Ring>'));
    const report = new ReportBuilder();
    const r = readXPlanGml(xml, { file, report });
    expect(report.issues.filter((i) => i.featureId === id)).toMatchObject([{ severity: 'warning', reason: expect.stringMatching(/not closed \(gap [\d.]+\): closed it/) }]);
    expect(r.features.some((f) => f.id === id)).toBe(true);
  });

  it('a non-numeric coordinate is reported with the line of its posList', () => {
    const id = 'GML_06621478-4969-4727-8F5F-1CB41C4AA868';
    const xml = mutateFeature(original, id, (f) => f.replace('565874.620 5936265.427', '565874.620 abc'));
    const report = new ReportBuilder();
    readXPlanGml(xml, { file, report });
    const [i] = report.issues.filter((x) => x.featureId === id);
    expect(i).toMatchObject({ severity: 'error', reason: 'not a number "abc" in gml:posList' });
    expect(xml.split('\n')[i.line! - 1]).toContain('abc');
  });

  it('not XML at all / not XPlanGML: nothing converted, reason given', () => {
    const report = new ReportBuilder();
    expect(readXPlanGml('this is not xml', { file: 'x.gml', report }).features).toEqual([]);
    expect(report.issues.some((i) => i.severity === 'error' && /no XML document element/.test(i.reason))).toBe(true);
    const r2 = new ReportBuilder();
    readXPlanGml(realText('hh-trees-deegree/strassenbaumkataster.gml'), { file: 'trees.gml', report: r2 });
    expect(r2.issues[0]).toMatchObject({ severity: 'error', reason: expect.stringMatching(/^not XPlanGML: namespace/) });
  });
});

describe('bad GeoJSON input', () => {
  it('truncated JSON: reported with its line', () => {
    const report = new ReportBuilder();
    const text = '{\n "type": "FeatureCollection",\n "features": [\n  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [10, 53';
    expect(readGeoJson(text, { file: 'cut.geojson' }, report).features).toEqual([]);
    expect(report.issues[0]).toMatchObject({ file: 'cut.geojson', severity: 'error', line: 4, reason: expect.stringMatching(/^not valid JSON/) });
  });

  it('null geometry, unknown geometry type, degenerate ring: skipped by id; unclosed ring closed; the rest converted', () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'a', geometry: null, properties: {} },
        { type: 'Feature', id: 'b', geometry: { type: 'Circle', coordinates: [10, 53] }, properties: {} },
        { type: 'Feature', id: 'c', geometry: { type: 'Polygon', coordinates: [[[10, 53], [10.001, 53], [10, 53]]] }, properties: {} },
        { type: 'Feature', id: 'd', geometry: { type: 'Polygon', coordinates: [[[10, 53], [10, 53.001], [10.001, 53.001], [10.001, 53]]] }, properties: { name: '  padded  ' } },
      ],
    };
    const report = new ReportBuilder();
    const layer = readGeoJson(JSON.stringify(fc), { file: 'bad.geojson' }, report);
    expect(report.issues.map((i) => [i.featureId, i.severity, i.reason])).toEqual([
      ['a', 'error', 'missing geometry (null)'],
      ['b', 'error', 'unknown geometry type "Circle"'],
      ['c', 'error', 'exterior ring has 2 distinct position(s), needs at least 3'],
      ['d', 'warning', expect.stringMatching(/exterior ring not closed/)],
    ]);
    expect(layer.features).toHaveLength(1);
    const ring = (layer.features[0].geometry as { coordinates: number[][][] }).coordinates[0];
    // Closed, and rewound counter-clockwise (the input ran clockwise).
    expect(ring[0]).toEqual(ring[4]);
    expect(ring[1]).toEqual([10.001, 53]);
    expect(layer.features[0].properties.name).toBe('padded');
  });

  it('unknown crs member: skipped with the CRS named', () => {
    const report = new ReportBuilder();
    readGeoJson(JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::12345' } }, features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: {} }] }), { file: 'crs.geojson' }, report);
    expect(report.issues[0].reason).toMatch(/unknown CRS "urn:ogc:def:crs:EPSG::12345"/);
  });
});

describe.skipIf(!hasReal)('bad shapefile input', () => {
  it('truncated .shp inside the zip: the complete records convert, the cut one is reported', () => {
    const entries = unzipSync(realBytes('ni-glb-shapefile/GLB.zip'));
    const shp = Object.keys(entries).find((k) => k.endsWith('.shp'))!;
    entries[shp] = entries[shp].slice(0, Math.floor(entries[shp].length / 2));
    const report = new ReportBuilder();
    const [layer] = readVectorFile(zipSync(entries), { file: 'GLB-cut.zip' }, report);
    expect(layer.features.length).toBeGreaterThan(50);
    expect(layer.features.length).toBeLessThan(334);
    expect(report.issues.filter((i) => i.severity === 'error')).toMatchObject([{ file: `GLB-cut.zip!${shp}`, reason: expect.stringMatching(/cut off \(file truncated\)/) }]);
  });

  it('zip without .shp', () => {
    const report = new ReportBuilder();
    expect(readVectorFile(zipSync({ 'readme.txt': new TextEncoder().encode('hi') }), { file: 'empty.zip' }, report)).toEqual([]);
    expect(report.issues[0].reason).toMatch(/no \.shp in the archive/);
  });
});
