// Every reader's issues carry a message code: one generated bad input per reader, said in German (the drop panel,
// `npm run convert -- … --lang de`) and in English (the issue's `reason`, report.json).
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readCityGml } from '../../../src/core/citygml/readCityGml';
import { readCityJson } from '../../../src/core/cityjson/readCityJson';
import { convertCityModel } from '../../../src/core/convert/convertCityModel';
import { convertDroppedFile } from '../../../src/core/convert/convertDroppedFile';
import { createI18n } from '../../../src/core/i18n/createI18n';
import { translateNested } from '../../../src/core/i18n/Message';
import { de } from '../../../src/core/i18n/resources/de';
import { en } from '../../../src/core/i18n/resources/en';
import { ReportBuilder, type ConversionIssue } from '../../../src/core/model/ConversionReport';
import { readGeoJson } from '../../../src/core/vector/readGeoJson';
import { readShapefileZip } from '../../../src/core/vector/readShapefile';
import { readWfsGml } from '../../../src/core/vector/readWfsGml';
import { readXPlanFile } from '../../../src/core/xplanung/readXPlanFile';
import { readXPlanGml } from '../../../src/core/xplanung/readXPlanGml';

const tDe = createI18n('de').t;
const tEn = createI18n('en').t;
/** An issue in both languages; the English text is the issue's `reason` (what report.json holds). */
function said(i: ConversionIssue | undefined): { de: string; en: string } {
  expect(i).toBeDefined();
  const out = { de: translateNested(tDe, i!.message), en: translateNested(tEn, i!.message) };
  expect(out.en).toBe(i!.reason);
  return out;
}
const enc = (s: string) => new TextEncoder().encode(s);

const polygon = (posList: string) => `<gml:Polygon srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList>${posList}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>`;
const xplan = (members: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/5/4" xmlns:gml="http://www.opengis.net/gml/3.2">\n${members}\n</xplan:XPlanAuszug>`;
const baugebiet = (id: string, geometry: string) =>
  `<gml:featureMember><xplan:BP_BaugebietsTeilFlaeche gml:id="${id}"><xplan:position>${geometry}</xplan:position><xplan:allgArtDerBaulNutzung>1000</xplan:allgArtDerBaulNutzung></xplan:BP_BaugebietsTeilFlaeche></gml:featureMember>`;

describe('conversion issues in German and English', () => {
  it('XPlanGML: a bow-tie ring (nested messages: ring, position) and a polygon without exterior', () => {
    const report = new ReportBuilder();
    const bowTie = polygon('565000 5933000 565010 5933010 565010 5933000 565000 5933010 565000 5933000');
    readXPlanGml(xplan([baugebiet('bow', bowTie), baugebiet('hole', '<gml:Polygon srsName="EPSG:25832"><gml:interior/></gml:Polygon>')].join('\n')), { file: 'plan.gml', report });
    expect(said(report.issues.find((i) => i.featureId === 'bow' && i.severity === 'error'))).toEqual({
      de: 'Außenring überschneidet sich selbst bei (565005.000, 5933005.000)',
      en: 'exterior ring self-intersects near (565005.000, 5933005.000)',
    });
    // A GmlGeometryError: thrown with a code inside the geometry reader, reported with its line.
    const hole = report.issues.find((i) => i.featureId === 'hole');
    expect(hole?.line).toBe(4);
    expect(said(hole)).toEqual({ de: 'Polygon ohne Außenring', en: 'Polygon without exterior ring' });
  });

  it('XPlanArchiv: a zip without the plan names its entries', () => {
    const report = new ReportBuilder();
    readXPlanFile(zipSync({ 'readme.txt': enc('x') }), { file: 'plan.zip', report });
    expect(said(report.issues[0])).toEqual({ de: 'XPlanArchiv ohne xplan.gml (Einträge: readme.txt)', en: 'XPlanArchiv without xplan.gml (entries: readme.txt)' });
  });

  it('WFS GML: a repeated gml:id and a bad number in a posList', () => {
    const member = (id: string, posList: string) => `<wfs:member><app:f gml:id="${id}"><app:geom>${polygon(posList)}</app:geom></app:f></wfs:member>`;
    const ok = '565000 5933000 565010 5933000 565010 5933010 565000 5933000';
    const xml = `<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:app="urn:app">\n${member('a', ok)}\n${member('a', ok.replace('565010', '565011'))}\n${member('b', ok.replace('5933010', '59330x0'))}\n</wfs:FeatureCollection>`;
    const report = new ReportBuilder();
    readWfsGml(xml, { file: 'wfs.xml' }, report);
    expect(said(report.issues.find((i) => i.featureId === 'a'))).toEqual({
      de: 'doppelte gml:id „a“ (zuerst in Zeile 2 von einem f verwendet): übersprungen',
      en: 'duplicate gml:id "a" (first used at line 2 by a f): skipped',
    });
    expect(said(report.issues.find((i) => i.featureId === 'b'))).toEqual({ de: 'keine Zahl „59330x0“ in gml:posList', en: 'not a number "59330x0" in gml:posList' });
  });

  it('GeoJSON: a coordinate that is not a number (a JSON-limits problem inside the reader\'s sentence), a guessed CRS', () => {
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'p', properties: {}, geometry: { type: 'Point', coordinates: [567467, 'x'] } }, { type: 'Feature', id: 'q', properties: {}, geometry: { type: 'Point', coordinates: [567467, 5936203] } }] };
    const report = new ReportBuilder();
    readGeoJson(JSON.stringify(fc), { file: 'a.geojson' }, report);
    const bad = report.issues.find((i) => i.featureId === 'p');
    expect(bad?.path).toBe('$.features[0].geometry.coordinates[1]');
    expect(said(bad)).toEqual({ de: 'fehlerhafte Koordinaten: endliche Zahl erwartet, gefunden: "x"', en: 'bad coordinates: expected a finite number, found "x"' });
    expect(said(report.issues.find((i) => i.message.code === 'convert.geojson.guessedCrs'))).toEqual({
      de: 'kein „crs“-Element, aber die Koordinaten sind projiziert: projizierte Meter im Bereich von ETRS89/UTM32 in Deutschland (x 567467–567467, y 5936203–5936203); angenommen wird EPSG:25832 (mit --crs EPSG:nnnn ein anderes angeben)',
      en: 'no "crs" member, but coordinates are projected: projected metres in the range of ETRS89/UTM32 in Germany (x 567467–567467, y 5936203–5936203); assuming EPSG:25832 (pass --crs EPSG:nnnn to override)',
    });
  });

  it('GeoJSON: a MultiPolygon whose second polygon crosses itself (a prefixed, nested warning)', () => {
    const sq = (x: number) => [[x, 5933000], [x + 10, 5933000], [x + 10, 5933010], [x, 5933010], [x, 5933000]];
    const bow = [[565100, 5933000], [565110, 5933010], [565110, 5933000], [565100, 5933010], [565100, 5933000]];
    const doc = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:25832' } }, features: [{ type: 'Feature', id: 'm', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[sq(565000)], [bow]] } }] };
    const report = new ReportBuilder();
    readGeoJson(JSON.stringify(doc), { file: 'm.geojson' }, report);
    expect(report.issues.map(said)).toEqual([
      { de: 'Polygon 2: Außenring überschneidet sich selbst bei (565105.000, 5933005.000)', en: 'polygon 2: exterior ring self-intersects near (565105.000, 5933005.000)' },
      { de: 'Polygon 2 weggelassen', en: 'polygon 2 dropped' },
    ]);
  });

  it('Shapefile: a .shp whose header is not one, and an archive that is no zip (errors thrown with codes)', () => {
    const report = new ReportBuilder();
    readShapefileZip(zipSync({ 'a.shp': new Uint8Array(120), 'a.dbf': new Uint8Array(10) }), { file: 'a.zip' }, report);
    expect(said(report.issues.find((i) => i.severity === 'error'))).toEqual({ de: 'kein Shapefile (der Kopfcode der .shp ist nicht 9994)', en: 'not a shapefile (.shp header code is not 9994)' });
    const broken = new ReportBuilder();
    readShapefileZip(enc('PK\u0003\u0004 not really'), { file: 'b.zip' }, broken);
    expect(said(broken.issues[0])).toEqual({ de: 'b.zip: kein lesbares ZIP-Archiv (kein Ende des zentralen Verzeichnisses)', en: 'b.zip: not a readable ZIP archive (no end of central directory)' });
  });

  it('CityGML: an unsupported city object and a building without geometry', async () => {
    const xml = `<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:veg="http://www.opengis.net/citygml/vegetation/2.0" xmlns:gml="http://www.opengis.net/gml">\n<core:cityObjectMember><veg:SolitaryVegetationObject gml:id="t1"/></core:cityObjectMember>\n<core:cityObjectMember><bldg:Building gml:id="b1"/></core:cityObjectMember>\n</core:CityModel>`;
    const report = new ReportBuilder();
    await readCityGml([xml], { file: 'city.gml', report, onBuilding: () => undefined });
    expect(said(report.issues.find((i) => i.featureId === 't1'))).toEqual({
      de: 'nicht unterstützte Klasse veg:SolitaryVegetationObject (nur bldg:Building wird umgewandelt)',
      en: 'unsupported class veg:SolitaryVegetationObject (only bldg:Building is converted)',
    });
    expect(said(report.issues.find((i) => i.featureId === 'b1'))).toEqual({
      de: 'Geometrie fehlt: keine LoD1–LoD4-Polygone im Gebäude oder seinen Teilen',
      en: 'missing geometry: no LoD1–LoD4 polygons in the building or its parts',
    });
  });

  it('XML syntax errors (the one XML scanner) inside the readers\' sentences: a truncated CityGML file, a mismatched tag in WFS', async () => {
    const report = new ReportBuilder();
    await readCityGml(['<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0">\n<core:cityObjectMember>'], { file: 'cut.gml', report, onBuilding: () => undefined });
    expect(said(report.issues[0])).toEqual({
      de: 'fehlerhaftes oder abgeschnittenes XML: unerwartetes Dateiende (abgeschnitten?): <core:cityObjectMember> und 1 umgebende(s) Element(e) nicht geschlossen (Zeile 2); die Gebäude vor dieser Stelle wurden behalten',
      en: 'malformed or truncated XML: unexpected end of file (truncated?): <core:cityObjectMember> and 1 enclosing element(s) not closed (line 2); buildings before this point were kept',
    });
    const wfs = new ReportBuilder();
    readWfsGml('<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0">\n<wfs:member></wfs:x>', { file: 'w.xml' }, wfs);
    expect(said(wfs.issues[0])).toEqual({
      de: 'XML nicht wohlgeformt: End-Tag passt nicht: </wfs:member> erwartet, </wfs:x> gefunden',
      en: 'XML not well-formed: mismatched end tag: expected </wfs:member>, found </wfs:x>',
    });
  });

  it('CityJSON: a file without a CRS, and a child that does not exist', () => {
    const doc = { type: 'CityJSON', version: '2.0', CityObjects: { B: { type: 'Building', children: ['nope'], geometry: [] } }, vertices: [] };
    const report = new ReportBuilder();
    readCityJson(JSON.stringify(doc), { file: 'x.city.json', report, onBuilding: () => undefined });
    expect(said(report.issues[0])).toEqual({
      de: 'x.city.json nennt kein Koordinatensystem (metadata.referenceSystem fehlt): mit --crs angeben, z. B. --crs EPSG:28992 für niederländisches RD New + NAP',
      en: 'x.city.json declares no CRS (metadata.referenceSystem is missing): give one with --crs, e.g. --crs EPSG:28992 for Dutch RD New + NAP',
    });
    const withCrs = new ReportBuilder();
    readCityJson(JSON.stringify({ ...doc, metadata: { referenceSystem: 'https://www.opengis.net/def/crs/EPSG/0/25832' } }), { file: 'x.city.json', report: withCrs, onBuilding: () => undefined });
    expect(said(withCrs.issues.find((i) => i.severity === 'warning'))).toEqual({ de: 'Kind nope existiert nicht', en: 'child nope does not exist' });
  });

  it('City model placement (tiles): a building in an unknown CRS', async () => {
    const doc = { type: 'CityJSON', version: '2.0', metadata: { referenceSystem: 'urn:ogc:def:crs:EPSG::99999' }, CityObjects: { B: { type: 'Building', geometry: [{ type: 'MultiSurface', lod: '1', boundaries: [[[0, 1, 2]]] }] } }, vertices: [[0, 0, 0], [10, 0, 0], [10, 10, 0]] };
    const { report } = await convertCityModel([{ kind: 'cityjson', file: 'x.city.json', text: JSON.stringify(doc) }]);
    expect(said(report.issues.find((i) => i.featureId === 'B'))).toEqual({
      de: 'unbekanntes Koordinatensystem „urn:ogc:def:crs:EPSG::99999“ (mit --crs EPSG:nnnn angeben)',
      en: 'unknown CRS "urn:ogc:def:crs:EPSG::99999" (give one with --crs EPSG:nnnn)',
    });
  });

  it('a dropped file of no known kind', async () => {
    const { report } = await convertDroppedFile(enc('hello'), 'notes.gml');
    expect(said(report.issues[0]).de).toMatch(/^unbekannt/);
  });

  it('every convert.* text has the same placeholders in German and English', () => {
    const keys = Object.keys(de).filter((k) => k.startsWith('convert.')) as (keyof typeof de)[];
    expect(keys.length).toBeGreaterThan(150);
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
    for (const k of keys) expect([k, holes(en[k])]).toEqual([k, holes(de[k])]);
  });
});
