import { describe, expect, it } from 'vitest';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import { readXPlanFile } from '../../../src/core/xplanung/readXPlanFile';
import { readXPlanGml } from '../../../src/core/xplanung/readXPlanGml';
import type { PlanningFeature, XPlanReadResult } from '../../../src/core/xplanung/readXPlanGml';
import { decodeText } from '../../../src/core/vector/decodeText';
import { unzipEntries } from '../../../src/core/vector/unzipEntries';
import { checkRightHandRule, cornerWgs84, hasReal, nativeBbox, realBytes } from './realData';

function read(rel: string): { r: XPlanReadResult; report: ReportBuilder; members: number } {
  const bytes = realBytes(`xplanung-hh/${rel}`);
  const report = new ReportBuilder();
  const r = readXPlanFile(bytes, { file: rel, report });
  // Count featureMembers independently of the reader, on the raw text.
  const text = rel.endsWith('.zip') ? decodeText(unzipEntries(bytes, rel)['xplan.gml']) : decodeText(bytes);
  const members = (text.match(/<gml:featureMember[\s>]/g) ?? []).length;
  return { r, report, members };
}

const byClass = (fs: PlanningFeature[], cls: string) => fs.filter((f) => f.properties.featureClass === cls);
const total = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

describe.skipIf(!hasReal)('readXPlanGml on the Hamburg XPlanGML samples', () => {
  it('HafenCity7 (5.2): 234 objects accounted for, 3 Baugebiete, 10 HoehenMass, 25 ÜGF, values from the file', () => {
    const { r, report, members } = read('HafenCity7.gml');
    expect(r.version).toBe('5.2');
    expect(members).toBe(234);
    expect(total(report.counts) + total(report.skippedCounts)).toBe(234);
    expect(report.counts).toMatchObject({ BP_BaugebietsTeilFlaeche: 3, BP_HoehenMass: 10, BP_UeberbaubareGrundstuecksFlaeche: 25, BP_BauGrenze: 25, BP_Wegerecht: 20, XP_PPO: 62 });
    expect(report.skippedCounts).toEqual({ BP_Bereich: 1, XP_Rasterdarstellung: 1 });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const btf = byClass(r.features, 'BP_BaugebietsTeilFlaeche');
    // besondereArtDerBaulNutzung 1500 = Mischgebiet, GRZ 1.0 in all three.
    for (const f of btf) expect(f.properties).toMatchObject({ landUse: 'MI', landUseCode: '1500', landUseLabel: { de: 'Mischgebiet', en: 'Mixed area' }, grz: 1, planName: 'HafenCity7', planId: 'GML_a3d4da50-1ef8-4b7e-9982-cebbdd5bc462' });
    const ugf = byClass(r.features, 'BP_UeberbaubareGrundstuecksFlaeche');
    // <xplan:Zmin>14</xplan:Zmin><xplan:Zmax>16</xplan:Zmax>, GBH 65.5 m über NHN.
    expect(ugf.find((f) => f.id === 'GML_ee89b16f-c94d-4f6b-9ebb-29a5cc18e56c')!.properties).toMatchObject({ minStoreys: 14, maxStoreys: 16, maxHeightM: 65.5, maxHeightNhnM: 65.5, heightReference: 'NHN', heightPoint: 'Gebäudehöhe (GBH)' });
    // Z 7 with GBH 34 m.
    expect(ugf.find((f) => f.id === 'GML_092dc747-9a4a-4bf2-8e13-acda57503fde')!.properties).toMatchObject({ maxStoreys: 7, maxHeightM: 34, grz: 1, gliederung1: 'MI' });
    // Zzwingend 1: exactly one storey.
    expect(ugf.find((f) => f.id === 'GML_c5e9d7b7-c8e2-4fea-8add-e4e247eebb00')!.properties).toMatchObject({ minStoreys: 1, maxStoreys: 1, storeysFixed: 1 });
    // h = 0.0 is a placeholder in this plan, not a height.
    expect(ugf.filter((f) => f.properties.attributes?.hoehenangabe && (f.properties.attributes.hoehenangabe as any).h === '0.0 m').every((f) => f.properties.maxHeightM === undefined)).toBe(true);
    const hm = byClass(r.features, 'BP_HoehenMass');
    // Spot heights of street and ground above NHN ("Straßenhöhe bezogen auf NHN"), not building limits.
    expect(hm.map((f) => f.properties.elevationM).sort((a, b) => (a as number) - (b as number))).toEqual([4.4, 5.1, 5.2, 5.2, 7.9, 8.3, 8.3, 9.2, 9.3, 9.5]);
    expect(hm.every((f) => f.properties.heightReference === 'NHN' && f.properties.maxHeightM === undefined && f.geometry.type === 'Point')).toBe(true);
    // Texts are linked by their keys.
    expect(btf[0].properties.textKeys).toContain('§2Nr.2');
    expect(r.texts).toHaveLength(25);
  });

  it('Rotherbaum27 (5.2): 4 Baugebiete with land use, GRZ, Z, Bauweise; 2 HoehenMass as heights above ground', () => {
    const { r, report, members } = read('Rotherbaum27.gml');
    expect(total(report.counts) + total(report.skippedCounts)).toBe(members);
    expect(report.counts).toMatchObject({ BP_BaugebietsTeilFlaeche: 4, BP_UeberbaubareGrundstuecksFlaeche: 23, BP_BauGrenze: 18, BP_AnpflanzungBindungErhaltung: 31, BP_HoehenMass: 2 });
    const btf = Object.fromEntries(byClass(r.features, 'BP_BaugebietsTeilFlaeche').map((f) => [String(f.id).slice(-6), f.properties]));
    expect(btf.A8FB41).toMatchObject({ landUse: 'WA', grz: 1, storeysFixed: 5, maxStoreys: 5, bauweise: 'geschlossen' });
    expect(btf.CD4CC9).toMatchObject({ landUse: 'WR', grz: 1, maxStoreys: 4, bauweise: 'geschlossen' });
    expect(btf.A0E7B5).toMatchObject({ landUse: 'MK', landUseLabel: { de: 'Kerngebiet', en: 'Core area' }, grz: 0.6, maxStoreys: 6 });
    expect(btf.B7C91C).toMatchObject({ landUse: 'MK', grz: 1 });
    expect(btf.B7C91C.maxStoreys).toBeUndefined();
    const hm = byClass(r.features, 'BP_HoehenMass').map((f) => [f.properties.maxHeightM, f.properties.heightReference]);
    expect(hm.sort()).toEqual([[18, 'Gelaende'], [45, 'Gelaende']]);
  });

  it('Blankenese29 (6.0): 491 objects, 42 Baugebiete (WR/WA with GRZ or GR)', () => {
    const { r, report, members } = read('Blankenese29.gml');
    expect(r.version).toBe('6.0');
    expect(members).toBe(491);
    expect(total(report.counts)).toBe(491);
    expect(report.counts).toMatchObject({ BP_BaugebietsTeilFlaeche: 42, BP_UeberbaubareGrundstuecksFlaeche: 79, BP_BauGrenze: 83, SO_Denkmalschutzrecht: 2, XP_PPO: 222 });
    const btf = byClass(r.features, 'BP_BaugebietsTeilFlaeche');
    expect(new Set(btf.map((f) => f.properties.landUse))).toEqual(new Set(['WR', 'WA']));
    expect(btf.filter((f) => f.properties.grM2 !== undefined).map((f) => f.properties.grM2).sort()).toEqual([130, 300, 300]);
    expect(btf.filter((f) => f.properties.bebauungsArt).length).toBeGreaterThan(0);
  });

  it('HafenCity11/14 (5.4): two plans in one file, each feature gets its own plan; Bereiche without geometry reported', () => {
    const { r, report, members } = read('HafenCity11_HafenCity14_Bereich_ohne_Geometrie.gml');
    expect(r.version).toBe('5.4');
    expect(total(report.counts) + total(report.skippedCounts)).toBe(members);
    expect(r.plans.map((p) => p.name).sort()).toEqual(['HafenCity11', 'HafenCity14']);
    const btf = byClass(r.features, 'BP_BaugebietsTeilFlaeche');
    expect(btf).toHaveLength(19);
    expect(report.counts.BP_HoehenMass).toBe(18);
    expect(report.counts.BP_GruenFlaeche).toBe(5);
    const perPlan = new Map<string, number>();
    for (const f of r.features) perPlan.set(String(f.properties.planName), (perPlan.get(String(f.properties.planName)) ?? 0) + 1);
    expect([...perPlan.keys()].sort()).toEqual(['HafenCity11', 'HafenCity14']);
    expect(report.issues.filter((i) => i.featureClass === 'BP_Bereich' && /without geometry/.test(i.reason))).toHaveLength(2);
    expect(byClass(r.features, 'BP_GruenFlaeche').every((f) => f.properties.landUse === 'GRUEN')).toBe(true);
  });

  it('Eidelstedt 4 (4.1 XPlanArchiv, AdV URN CRS): 4 Baugebiete GI/GE with BMZ and HBA 23 m NHN', () => {
    const { r, report, members } = read('Eidelstedt_4_V4.zip');
    expect(r.version).toBe('4.1');
    expect(r.crs).toBe('EPSG:25832');
    expect(members).toBe(56);
    expect(total(report.counts) + total(report.skippedCounts)).toBe(56);
    const btf = byClass(r.features, 'BP_BaugebietsTeilFlaeche');
    expect(btf.map((f) => f.properties.landUse).sort()).toEqual(['GE', 'GI', 'GI', 'GI']);
    const ge = btf.find((f) => f.properties.landUse === 'GE')!.properties;
    expect(ge).toMatchObject({ grz: 0.8, gfz: 2.4, maxStoreys: 6, bauweise: 'geschlossen' });
    const withHeight = btf.filter((f) => f.properties.maxHeightM !== undefined);
    expect(withHeight.map((f) => [f.properties.maxHeightM, f.properties.maxHeightNhnM, f.properties.bmz])).toEqual([[23, 23, 9], [23, 23, 9]]);
    expect(report.issues[0].file).toBe('Eidelstedt_4_V4.zip!xplan.gml');
  });

  it('LA22 (4.1, EPSG:31467): 35 Baugebiete, 757 AnpflanzungBindungErhaltung, bbox within 2 m of SOURCES.md', () => {
    const { r, report, members } = read('LA22.zip');
    expect(r.crs).toBe('EPSG:31467');
    expect(members).toBe(1349);
    expect(total(report.counts) + total(report.skippedCounts)).toBe(1349);
    expect(report.counts).toMatchObject({ BP_BaugebietsTeilFlaeche: 35, BP_AnpflanzungBindungErhaltung: 757, BP_UeberbaubareGrundstuecksFlaeche: 225, BP_BauGrenze: 212, BP_GruenFlaeche: 20, BP_WaldFlaeche: 1 });
    // FZK toolbox writes 0 for empty GFZ/Z: not a limit.
    const btf = byClass(r.features, 'BP_BaugebietsTeilFlaeche');
    expect(btf.every((f) => f.properties.gfz !== 0 && f.properties.maxStoreys !== 0)).toBe(true);
    expect(btf.filter((f) => f.properties.landUse === 'WA').length).toBeGreaterThan(20);
    const abe = byClass(r.features, 'BP_AnpflanzungBindungErhaltung');
    expect(abe.filter((f) => f.geometry.type === 'Point')).toHaveLength(754);
    expect(abe[0].properties.measure).toBeDefined();
    // Two tiny self-intersecting loops in street areas are cut off and reported; nothing is dropped.
    expect(report.issues.filter((i) => /tiny self-intersecting loop/.test(i.reason))).toHaveLength(2);
    const nb = nativeBbox(r.features, 'EPSG:31467');
    const want = [3566224.098, 5948951.497, 3567249.561, 5950038.008];
    nb.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(0.01));
    const ll = cornerWgs84(nb, 'EPSG:31467');
    const llWant = [10.00087, 53.66752, 10.01661, 53.67741];
    // ±2 m (SOURCES.md: DHDN datum shift), i.e. 3e-5° lon and 1.8e-5° lat.
    ll.forEach((v, i) => expect(Math.abs(v - llWant[i])).toBeLessThan(i % 2 === 0 ? 3e-5 + 5e-6 : 1.8e-5 + 5e-6));
    expect(checkRightHandRule(r.features).bad).toEqual([]);
  });

  it('StErhVO Hamm (6.0 SO_Plan): SO_Plan, SO_Bereich, 1 SO_Gebiet, 3 text sections', () => {
    const { r, report } = read('StErhVO_Hamm_60_httpRef.gml');
    expect(report.counts).toEqual({ SO_Plan: 1, SO_Bereich: 1, SO_Gebiet: 1, XP_TextAbschnitt: 3 });
    const gebiet = byClass(r.features, 'SO_Gebiet')[0];
    expect(gebiet.properties).toMatchObject({ planName: 'StErhVO_Hamm_Testplan_60', theme: 'schutz' });
    // The plan links its three XP_TextAbschnitt objects with `texte`.
    expect(r.texts).toHaveLength(3);
    expect(r.texts.every((t) => t.planId === r.plans[0].id && (t.text ?? '').length > 0)).toBe(true);
    expect(gebiet.properties.legalNature).toMatchObject({ code: '9999' });
  });

  it.each([
    ['HafenCity7.gml', [565466.357, 5932633.546, 566039.903, 5932821.874], [9.98785, 53.53845, 9.99655, 53.54022]],
    ['Rotherbaum27.gml', [565463.986, 5936206.747, 565898.316, 5936449.368], [9.98856, 53.57058, 9.99517, 53.57282]],
    ['Blankenese29.gml', [552874.001, 5934779.737, 553340.636, 5935085.629], [9.79823, 53.55918, 9.80532, 53.56198]],
    ['HafenCity11_HafenCity14_Bereich_ohne_Geometrie.gml', [566778.099, 5932374.896, 567509.287, 5932905.509], [10.00759, 53.53594, 10.01873, 53.5408]],
    ['Eidelstedt_4_V4.zip', [559573.142, 5938465.032, 560174.871, 5939188.129], [9.90005, 53.59157, 9.90928, 53.59813]],
    ['StErhVO_Hamm_60_httpRef.gml', [569230.427, 5933929.505, 570727.964, 5935766.084], [10.04493, 53.54949, 10.06794, 53.56619]],
  ])('%s: bbox within 1 m of SOURCES.md, rings by the right-hand rule', (file, native, wgs) => {
    const { r } = read(file);
    const nb = nativeBbox(r.features, 'EPSG:25832');
    // Arcs are densified inside the control points' hull, so the box can only shrink, by < 0.1 m.
    nb.forEach((v, i) => expect(Math.abs(v - native[i])).toBeLessThan(1));
    // 1 m is 1.51e-5° of longitude and 0.9e-5° of latitude here, plus 0.5e-5° for the 5 decimals of SOURCES.md.
    cornerWgs84(nb, 'EPSG:25832').forEach((v, i) => expect(Math.abs(v - wgs[i])).toBeLessThan(i % 2 === 0 ? 2.01e-5 : 1.4e-5));
    const rh = checkRightHandRule(r.features);
    expect(rh.rings).toBeGreaterThan(0);
    expect(rh.bad).toEqual([]);
  });
});

describe('readXPlanGml on a small generated XPlanGML 6.0 plan', () => {
  const X = 566000, Y = 5933000;
  const ring = (pts: number[][]) => pts.map((p) => `${p[0]} ${p[1]}`).join(' ');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/6/0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" gml:id="A">
  <gml:featureMember><xplan:BP_Plan gml:id="P"><xplan:name>Demo 1</xplan:name><xplan:nummer>D1</xplan:nummer><xplan:rechtsstand>4000</xplan:rechtsstand><xplan:planArt>1000</xplan:planArt>
    <xplan:raeumlicherGeltungsbereich><gml:MultiSurface srsName="EPSG:25832"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>${ring([[X, Y], [X + 200, Y], [X + 200, Y + 200], [X, Y + 200], [X, Y]])}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface></xplan:raeumlicherGeltungsbereich>
    <xplan:bereich xlink:href="#B"/></xplan:BP_Plan></gml:featureMember>
  <gml:featureMember><xplan:BP_Bereich gml:id="B"><xplan:nummer>0</xplan:nummer><xplan:gehoertZuPlan xlink:href="#P"/></xplan:BP_Bereich></gml:featureMember>
  <gml:featureMember><xplan:BP_BaugebietsTeilFlaeche gml:id="F1"><xplan:gehoertZuBereich xlink:href="#B"/><xplan:rechtscharakter>1000</xplan:rechtscharakter>
    <xplan:position><gml:Polygon srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList>${ring([[X, Y], [X + 100, Y], [X + 100, Y + 100], [X, Y + 100], [X, Y]])}</gml:posList></gml:LinearRing></gml:exterior>
      <gml:interior><gml:Ring><gml:curveMember><gml:Curve><gml:segments><gml:CircleByCenterPoint numArc="1"><gml:pos>${X + 50} ${Y + 50}</gml:pos><gml:radius uom="m">10</gml:radius></gml:CircleByCenterPoint></gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:interior></gml:Polygon></xplan:position>
    <xplan:flaechenschluss>true</xplan:flaechenschluss><xplan:GRZmax>0.4</xplan:GRZmax><xplan:GFZmax>1.2</xplan:GFZmax><xplan:Zmin>2</xplan:Zmin><xplan:Zmax>4</xplan:Zmax>
    <xplan:hoehenangabe><xplan:XP_Hoehenangabe><xplan:hoehenbezug>2000</xplan:hoehenbezug><xplan:bezugspunkt>2000</xplan:bezugspunkt><xplan:hMin uom="m">9</xplan:hMin><xplan:hMax uom="m">14.5</xplan:hMax></xplan:XP_Hoehenangabe></xplan:hoehenangabe>
    <xplan:allgArtDerBaulNutzung>1000</xplan:allgArtDerBaulNutzung><xplan:besondereArtDerBaulNutzung>1550</xplan:besondereArtDerBaulNutzung><xplan:bauweise>1000</xplan:bauweise></xplan:BP_BaugebietsTeilFlaeche></gml:featureMember>
  <gml:featureMember><xplan:BP_GruenFlaeche gml:id="G1"><xplan:gehoertZuBereich xlink:href="#B"/><xplan:position><gml:Polygon srsName="EPSG:25832"><gml:exterior><gml:LinearRing><gml:posList>${ring([[X + 100, Y], [X + 200, Y], [X + 200, Y + 100], [X + 100, Y + 100], [X + 100, Y]])}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></xplan:position>
    <xplan:zweckbestimmung><xplan:BP_KomplexeZweckbestGruen><xplan:allgemein>1600</xplan:allgemein></xplan:BP_KomplexeZweckbestGruen></xplan:zweckbestimmung><xplan:nutzungsform>2000</xplan:nutzungsform></xplan:BP_GruenFlaeche></gml:featureMember>
</xplan:XPlanAuszug>`;

  it('reads measures with max/min variants, heights with hMin/hMax, nested Zweckbestimmung and a circular hole', () => {
    const report = new ReportBuilder();
    const r = readXPlanGml(xml, { file: 'demo.gml', report });
    expect(r.version).toBe('6.0');
    expect(report.counts).toEqual({ BP_Plan: 1, BP_BaugebietsTeilFlaeche: 1, BP_GruenFlaeche: 1 });
    expect(r.plans[0]).toMatchObject({ name: 'Demo 1', number: 'D1', legalStatus: { code: '4000', de: 'In Kraft getreten' }, planType: { de: 'Bebauungsplan' } });
    const f1 = r.features.find((f) => f.id === 'F1')!;
    expect(f1.properties).toMatchObject({
      landUse: 'MU', landUseLabel: { de: 'Urbanes Gebiet', en: 'Urban area' }, grz: 0.4, gfz: 1.2, minStoreys: 2, maxStoreys: 4,
      maxHeightM: 14.5, minHeightM: 9, heightReference: 'Gelaende', heightPoint: 'Firsthöhe (FH)', bauweise: 'offen', planName: 'Demo 1', planNumber: 'D1',
    });
    expect(f1.properties.maxHeightNhnM).toBeUndefined();
    const [outer, hole] = (f1.geometry as { coordinates: number[][][] }).coordinates;
    expect(outer).toHaveLength(5);
    // r = 10 m, 0.1 m chord error: 2π / (2·acos(0.99)) = 22.2 → 23 chords.
    expect(hole).toHaveLength(24);
    const g1 = r.features.find((f) => f.id === 'G1')!;
    expect(g1.properties).toMatchObject({ landUse: 'GRUEN', purpose: [{ code: '1600', de: 'Spielplatz', en: 'playground' }], ownership: { de: 'öffentlich' } });
    expect(r.features.find((f) => f.id === 'P')!.properties).toMatchObject({ featureClass: 'BP_Plan', name: 'Demo 1', legalStatus: { code: '4000' } });
  });
});
