import { describe, expect, it } from 'vitest';
import { buildingStoreys, computeCompliance, type AreaCompliance } from '../../../src/core/analysis';
import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import type { BuildingFeature } from '../../../src/core/model/Building';

const frame = LocalFrame.around([7.01, 51.46]);
const ll = (p: number[]) => frame.toWgs84(p);
const rect = (x0: number, y0: number, x1: number, y1: number) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]].map(ll);

function building(id: string, r: number[][], p: Partial<BuildingFeature['properties']>): BuildingFeature {
  return { type: 'Feature', properties: { id, groundHeightM: 50, heightM: 10, source: 't', ...p }, geometry: { type: 'Polygon', coordinates: [r] } };
}
function area(id: string, r: number[][], p: Record<string, unknown>): GeoJSON.Feature {
  return { type: 'Feature', properties: { id, featureClass: 'BP_BaugebietsTeilFlaeche', ...p }, geometry: { type: 'Polygon', coordinates: [r] } };
}
function line(id: string, pts: number[][], featureClass = 'BP_BauGrenze'): GeoJSON.Feature {
  return { type: 'Feature', properties: { id, featureClass }, geometry: { type: 'LineString', coordinates: pts.map(ll) } };
}
const rule = (a: AreaCompliance, name: string) => a.rules.find((r) => r.rule === name)!;

describe('computeCompliance (BauNVO §§ 16–20)', () => {
  const buildings = [
    building('B1', rect(5, 5, 20, 25), { storeysAboveGround: 3, heightM: 10 }), // 15 × 20 = 300 m²
    building('B2', rect(25, 30, 35, 40), { heightM: 12.2 }), // 100 m², 12.2 / 3.0 → 4 storeys
    building('B3', rect(110, 5, 140, 25), { storeysAboveGround: 2, heightM: 20, groundHeightM: 12 }), // 600 m², 400 inside MI
    building('B4', rect(202, 2, 217, 12), { storeysAboveGround: 1, heightM: 4 }), // 150 m² in WR
  ];
  const plan = [
    area('WA1', rect(0, 0, 40, 50), { landUse: 'WA', grz: 0.4, gfz: 1.2, maxStoreys: 3, maxHeightM: 12, heightReference: 'Gelaende' }),
    area('MI1', rect(100, 0, 130, 30), { landUse: 'MI', grz: 0.6, maxHeightNhnM: 30 }),
    area('WR1', rect(200, 0, 220, 20), { landUse: 'WR', grz: 0.3, grM2: 100 }),
    line('bg1', [[18, 0], [18, 50]]), // cuts B1 2 m deep
    line('bg2', [[25.3, 0], [25.3, 50]]), // 0.3 m into B2: within the 0.5 m tolerance
  ];
  const res = computeCompliance({ buildings, plan, frame });
  const wa = res.find((r) => r.areaId === 'WA1')!, mi = res.find((r) => r.areaId === 'MI1')!, wr = res.find((r) => r.areaId === 'WR1')!;

  it('GR/GRZ (§19) and GF/GFZ (§20) by hand', () => {
    expect(wa.plotAreaM2).toBeCloseTo(2000, 2);
    expect(rule(wa, 'GR').value).toBeCloseTo(400, 2);
    expect(rule(wa, 'GR').limit).toBeCloseTo(800, 2);
    expect(rule(wa, 'GRZ').value).toBeCloseTo(0.2, 5);
    expect(rule(wa, 'GRZ')).toMatchObject({ limit: 0.4, status: 'ok' });
    // GF = 300 × 3 + 100 × 4 = 1300; GFZ = 0.65.
    expect(rule(wa, 'GF').value).toBeCloseTo(1300, 1);
    expect(rule(wa, 'GFZ').value).toBeCloseTo(0.65, 4);
    expect(rule(wa, 'GFZ').status).toBe('ok');
    expect(rule(wa, 'GRZ').buildingIds.sort()).toEqual(['B1', 'B2']);
    // MI: only the part of B3 inside counts: 400 / 900.
    expect(rule(mi, 'GRZ').value).toBeCloseTo(400 / 900, 5);
    expect(rule(mi, 'GRZ').status).toBe('ok');
    expect(rule(mi, 'GFZ')).toMatchObject({ status: 'unknown', limit: null });
    expect(rule(mi, 'GF').value).toBeCloseTo(800, 1);
    // WR: 150 / 400 = 0.375 > 0.3; GR 150 > 100 m².
    expect(rule(wr, 'GRZ')).toMatchObject({ status: 'exceeded', limit: 0.3 });
    expect(rule(wr, 'GRZ').value).toBeCloseTo(0.375, 4);
    expect(rule(wr, 'GR')).toMatchObject({ status: 'exceeded', limit: 100 });
  });

  it('storeys vs Z and height vs the maximum height with its reference point', () => {
    expect(buildingStoreys(buildings[1].properties)).toBe(4);
    expect(buildingStoreys(buildings[1].properties, 3.5)).toBe(3);
    expect(rule(wa, 'storeys')).toMatchObject({ value: 4, limit: 3, status: 'exceeded', buildingIds: ['B2'] });
    expect(rule(wa, 'height')).toMatchObject({ value: 12.2, limit: 12, status: 'exceeded', buildingIds: ['B2'] });
    // MI: NHN limit 30 vs ground 12 + 20 = 32.
    expect(rule(mi, 'height')).toMatchObject({ value: 32, limit: 30, status: 'exceeded', buildingIds: ['B3'] });
    expect(rule(mi, 'storeys')).toMatchObject({ status: 'unknown', limit: null });
  });

  it('flags buildings crossing a Baugrenze beyond the tolerance, unknown without lines', () => {
    expect(rule(wa, 'baugrenze')).toMatchObject({ value: 1, limit: 0, status: 'exceeded', buildingIds: ['B1'] });
    expect(rule(mi, 'baugrenze').status).toBe('unknown');
    const strict = computeCompliance({ buildings, plan, frame }, { baugrenzeToleranceM: 0.1 });
    expect(rule(strict.find((r) => r.areaId === 'WA1')!, 'baugrenze').buildingIds.sort()).toEqual(['B1', 'B2']);
  });

  it('treats überbaubare Grundstücksflächen as Baugrenzen and flags buildings wholly outside them', () => {
    const buildable = (id: string, r: number[][]): GeoJSON.Feature => ({ type: 'Feature', properties: { id, featureClass: 'BP_UeberbaubareGrundstuecksFlaeche' }, geometry: { type: 'Polygon', coordinates: [r] } });
    // WR: buildable strip x 200–210 (B4 at 202–217 crosses its edge by 7 m); MI: buildable area elsewhere in the area (B3 outside).
    const r = computeCompliance({ buildings, plan: [...plan.slice(0, 3), buildable('u1', rect(200, 0, 210, 20)), buildable('u2', rect(101, 0, 106, 5))], frame });
    expect(rule(r.find((x) => x.areaId === 'WR1')!, 'baugrenze')).toMatchObject({ status: 'exceeded', buildingIds: ['B4'] });
    expect(rule(r.find((x) => x.areaId === 'MI1')!, 'baugrenze')).toMatchObject({ status: 'exceeded', buildingIds: ['B3'] });
    // WA has no buildable area or line nearby: unknown.
    expect(rule(r.find((x) => x.areaId === 'WA1')!, 'baugrenze').status).toBe('unknown');
  });

  it('checks per parcel with the limits of the Baugebiet it lies in', () => {
    const parcels: GeoJSON.Feature[] = [
      { type: 'Feature', properties: { id: 'P1' }, geometry: { type: 'Polygon', coordinates: [rect(0, 0, 20, 50)] } },
      { type: 'Feature', properties: { id: 'P2' }, geometry: { type: 'Polygon', coordinates: [rect(20, 0, 40, 50)] } },
    ];
    const r = computeCompliance({ buildings, plan, parcels, frame });
    const p1 = r.find((x) => x.kind === 'parcel' && x.areaId === 'P1')!;
    expect(p1.baugebietId).toBe('WA1');
    expect(p1.plotAreaM2).toBeCloseTo(1000, 2);
    expect(rule(p1, 'GRZ').value).toBeCloseTo(0.3, 4);
    expect(rule(p1, 'GFZ').value).toBeCloseTo(0.9, 4);
    const p2 = r.find((x) => x.kind === 'parcel' && x.areaId === 'P2')!;
    expect(rule(p2, 'GRZ').value).toBeCloseTo(0.1, 4);
    expect(rule(p2, 'GFZ').value).toBeCloseTo(0.4, 4);
  });
});
