import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCompliance } from '../../../src/core/analysis';
import { zoneLabels } from '../../../src/core/analysis/compliance/complianceAnalysis';
import { convertDroppedFile } from '../../../src/core/convert/convertDroppedFile';
import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import type { BuildingFeature } from '../../../src/core/model/Building';
import { isBuildingArea } from '../../../src/core/planning/isBuildingArea';

// Compliance beyond the Baugebiete (issue 12): areas that are no Baugebiet but set a measure of building use.
const frame = LocalFrame.around([9.99, 53.54]);
const rect = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map((p) => frame.toWgs84(p));
const poly = (featureClass: string, p: Record<string, unknown>, r = rect(0, 0, 40, 50)): GeoJSON.Feature => ({ type: 'Feature', properties: { id: featureClass, featureClass, ...p }, geometry: { type: 'Polygon', coordinates: [r] } });

describe('plan compliance on special-purpose and Gemeinbedarf areas', () => {
  it('checks a Gemeinbedarfsfläche with GRZ and storeys like a Baugebiet (by hand), skips one without a measure', () => {
    const kita = poly('BP_GemeinbedarfsFlaeche', { landUse: 'GEMEINBEDARF', grz: 0.4, maxStoreys: 2, text: 'Kindertagesheim' });
    const park = poly('BP_GemeinbedarfsFlaeche', { id: 'nomeasure', landUse: 'GEMEINBEDARF' }, rect(100, 0, 140, 50));
    const green = poly('BP_GruenFlaeche', { id: 'green', grz: 0.1 }, rect(200, 0, 240, 50));
    expect([kita, park, green].map(isBuildingArea)).toEqual([true, false, false]);
    // 30 × 30 = 900 m² on 2000 m²: GRZ 0.45 > 0.4; three storeys > II.
    const b: BuildingFeature = { type: 'Feature', properties: { id: 'K', groundHeightM: 5, heightM: 9, storeysAboveGround: 3, source: 't' }, geometry: { type: 'Polygon', coordinates: [rect(5, 5, 35, 35)] } };
    const [res, ...rest] = computeCompliance({ buildings: [b], plan: [kita, park, green], frame });
    expect(rest).toEqual([]);
    expect(res.areaId).toBe('BP_GemeinbedarfsFlaeche');
    expect(res.rules.find((r) => r.rule === 'GRZ')).toMatchObject({ limit: 0.4, status: 'exceeded' });
    expect(res.rules.find((r) => r.rule === 'GRZ')!.value).toBeCloseTo(0.45, 4);
    expect(res.rules.find((r) => r.rule === 'storeys')).toMatchObject({ value: 3, limit: 2, status: 'exceeded' });
    // Named by its inscription, not by a GML id or the land-use key.
    expect(zoneLabels({ type: 'FeatureCollection', features: [kita] })).toEqual({ BP_GemeinbedarfsFlaeche: 'Kindertagesheim' });
  });

  const REAL = '../shared/data/real/xplanung-hh';
  const raw = (file: string) => readFileSync(`${REAL}/${file}`, 'utf8');
  it.runIf(existsSync(`${REAL}/HafenCity7.gml`))('HafenCity7: the special-purpose area "Servicegebäude Marina" (GRZ 1, II storeys, 17 m NHN) is checked and named', async () => {
    const gml = raw('HafenCity7.gml');
    // The limits as the source writes them (read here with plain regular expressions, not our reader).
    const member = gml.slice(gml.indexOf('<xplan:BP_BesondererNutzungszweckFlaeche'), gml.indexOf('</xplan:BP_BesondererNutzungszweckFlaeche>'));
    expect(member).toMatch(/<xplan:GRZ>1(\.0)?<\/xplan:GRZ>/);
    expect(member).toMatch(/<xplan:Z>2<\/xplan:Z>/);
    const { layers } = await convertDroppedFile(new Uint8Array(readFileSync(`${REAL}/HafenCity7.gml`)), 'HafenCity7.gml');
    const zoning = layers.find((l) => l.layer.role === 'zoning')!;
    const res = computeCompliance({ buildings: [], plan: zoning.data.features, frame });
    expect(res).toHaveLength(4);
    const special = res.find((a) => zoning.data.features.find((f) => f.properties?.id === a.areaId)?.properties?.featureClass === 'BP_BesondererNutzungszweckFlaeche')!;
    expect(special.rules.find((r) => r.rule === 'GRZ')?.limit).toBe(1);
    expect(special.rules.find((r) => r.rule === 'storeys')?.limit).toBe(2);
    expect(zoneLabels(zoning.data)[special.areaId]).toBe('SERVICEGEBÄUDE MARINA');
  });

  it.runIf(existsSync(`${REAL}/Rotherbaum27.gml`))('Rotherbaum27: the Gemeinbedarf layer whose areas set GRZ/GFZ takes the Baugebiete role and is checked', async () => {
    const gml = raw('Rotherbaum27.gml');
    const measured = [...gml.matchAll(/<xplan:BP_GemeinbedarfsFlaeche[\s\S]*?<\/xplan:BP_GemeinbedarfsFlaeche>/g)].filter((m) => /<xplan:(GRZ|GFZ|Z|GR|GF)>/.test(m[0])).length;
    expect(measured).toBeGreaterThan(0);
    const { layers } = await convertDroppedFile(new Uint8Array(readFileSync(`${REAL}/Rotherbaum27.gml`)), 'Rotherbaum27.gml');
    const gemeinbedarf = layers.filter((l) => l.data.features.some((f) => f.properties?.featureClass === 'BP_GemeinbedarfsFlaeche' && l.layer.type === 'geojson-polygons'));
    expect(gemeinbedarf.map((l) => l.layer.role)).toEqual(['zoning']);
    const res = computeCompliance({ buildings: [], plan: gemeinbedarf[0].data.features, frame });
    expect(res).toHaveLength(measured);
  });
});
