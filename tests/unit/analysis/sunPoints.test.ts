import { describe, expect, it } from 'vitest';
import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import type { BuildingCollection } from '../../../src/core/model/Building';
import { buildingHit, runSunPointsSync, sunSteps, trueNorthGridAngleDeg } from '../../../src/core/analysis';

const centre: [number, number] = [9.99, 53.55];
const frame = LocalFrame.around(centre);
const at = (x: number, y: number) => frame.toWgs84([x, y]) as [number, number];

/** A box building of w × d metres and height h centred at local (cx, cy); `cw` writes the ring clockwise (as some sources do). */
function box(id: string, cx: number, cy: number, w: number, d: number, h: number, cw = false): BuildingCollection['features'][number] {
  let ring = [
    [cx - w / 2, cy - d / 2],
    [cx + w / 2, cy - d / 2],
    [cx + w / 2, cy + d / 2],
    [cx - w / 2, cy + d / 2],
  ];
  if (cw) ring = ring.reverse();
  const coords = [...ring, ring[0]].map((p) => frame.toWgs84(p));
  return { type: 'Feature', properties: { id, groundHeightM: 10, heightM: h, source: 'test' }, geometry: { type: 'Polygon', coordinates: [coords] } };
}

// A: 20 × 10 m, 12 m high, centred at the origin. B: a 15 m block 12 m south of A's south wall.
const buildings: BuildingCollection = { type: 'FeatureCollection', features: [box('A', 0, 0, 20, 10, 12, true), box('B', 0, -22, 40, 10, 15)] };
const north = trueNorthGridAngleDeg(frame);
const trueAz = (gridAz: number) => (((gridAz - north) % 360) + 360) % 360;

describe('buildingHit (a click on a building → façade or roof)', () => {
  it('snaps a click near a wall onto the footprint edge with the outward normal, whatever the ring orientation', () => {
    const a = buildings.features[0];
    const south = buildingHit(a, at(3, -4.6), frame)!;
    expect(south.kind).toBe('facade');
    if (south.kind !== 'facade') return;
    expect(south.facadeAzimuthDeg).toBeCloseTo(trueAz(180), 6);
    const [x, y] = frame.toLocal(south.lonLat);
    expect(x).toBeCloseTo(3, 3);
    expect(y).toBeCloseTo(-5, 3);
    expect(south.distanceM).toBeCloseTo(0.4, 3);
    // Just outside the west wall (the depth-buffer pick may land a little in front of it).
    const west = buildingHit(a, at(-10.3, 2), frame)!;
    expect(west.kind === 'facade' && west.facadeAzimuthDeg).toBeCloseTo(trueAz(270), 6);
    const east = buildingHit(box('C', 0, 0, 20, 10, 12), at(9.8, 0), frame)!;
    expect(east.kind === 'facade' && east.facadeAzimuthDeg).toBeCloseTo(trueAz(90), 6);
  });

  it('a click well inside the footprint is on the roof', () => {
    const r = buildingHit(buildings.features[0], at(0, 1), frame)!;
    expect(r.kind).toBe('roof');
    expect(r.distanceM).toBeCloseTo(4, 3);
  });
});

describe('runSunPoints', () => {
  const date = '2026-03-21';
  const stepMin = 10;
  // Independent expectation for an unobstructed south façade: the steps with the sun up and in front of the wall.
  const { steps, stepHours } = sunSteps(date, frame, stepMin);
  const southSteps = steps.filter((s) => s.up && Math.cos(((s.azimuthDeg - 180) * Math.PI) / 180) > 0).length;
  const upSteps = steps.filter((s) => s.up).length;

  it('resolves clicks on buildings to façade and roof points and counts the sun there', () => {
    const r = runSunPointsSync({
      buildings,
      date,
      stepMin,
      thresholdHours: 1.5,
      points: [
        // Top floor of A's north façade (sun only at the very start and end of the day)…
        { id: 'north-top', lonLat: at(0, 5.2), heightM: 11, onBuildingId: 'A' },
        // …B's south façade, nothing in front of it.
        { id: 'b-south', lonLat: at(5, -27.1), heightM: 5, onBuildingId: 'B' },
        // A's ground floor, south, behind B.
        { id: 'a-south-low', lonLat: at(-2, -4.9), heightM: 1.5, onBuildingId: 'A' },
        { id: 'roof', lonLat: at(1, 0), heightM: 7, onBuildingId: 'A' },
        { id: 'ground', lonLat: at(0, 40) },
      ],
    });
    const by = Object.fromEntries(r.points.map((p) => [p.id, p]));
    expect(r.stepCount).toBe(steps.length);
    expect(r.stepHours).toBeCloseTo(stepHours, 6);
    expect(by['b-south'].kind).toBe('facade');
    expect(by['b-south'].facadeAzimuthDeg).toBeCloseTo(trueAz(180), 3);
    // The points' frame differs slightly from the test frame (meridian convergence): within one step.
    expect(Math.abs(by['b-south'].sunSteps - southSteps)).toBeLessThanOrEqual(1);
    expect(by['b-south'].meetsThreshold).toBe(true);
    expect(by['north-top'].sunHours).toBeLessThan(0.5);
    expect(by['north-top'].meetsThreshold).toBe(false);
    expect(by['a-south-low'].sunHours).toBeLessThan(by['b-south'].sunHours - 2);
    // The roof point sits 5 cm above the flat roof, whatever height the click gave; nothing is higher nearby.
    expect(by.roof.kind).toBe('roof');
    expect(by.roof.heightM).toBeCloseTo(12.05, 6);
    expect(by.roof.sunSteps).toBe(upSteps);
    expect(by.ground.kind).toBe('ground');
    expect(by.ground.heightM).toBe(0);
    expect(by.ground.sunSteps).toBe(upSteps);
    expect(by.ground.facadeAzimuthDeg).toBeNull();
  });

  it('the threshold decides pass/fail; explicit façade azimuths are used as given', () => {
    const p = { id: 'w', lonLat: at(5, -27.1) as [number, number], heightM: 5, facadeAzimuthDeg: 180 };
    const lo = runSunPointsSync({ buildings, date, stepMin, points: [p], thresholdHours: 1.5 }).points[0];
    const hi = runSunPointsSync({ buildings, date, stepMin, points: [p], thresholdHours: lo.sunHours + 0.1 }).points[0];
    expect(lo.meetsThreshold).toBe(true);
    expect(hi.meetsThreshold).toBe(false);
    expect(hi.sunHours).toBe(lo.sunHours);
  });

  it('reports bad requests', () => {
    const p = { id: 'x', lonLat: at(0, 40) };
    expect(() => runSunPointsSync({ buildings, date, stepMin, points: [p, p] })).toThrow(/id "x" is used twice/);
    expect(() => runSunPointsSync({ buildings, date, stepMin, points: [p], thresholdHours: -1 })).toThrow(/threshold -1 h/);
    expect(() => runSunPointsSync({ buildings, date: '21.03.2026', stepMin, points: [p] })).toThrow(/YYYY-MM-DD/);
    expect(() => runSunPointsSync({ buildings, date, stepMin, points: [{ id: 'y', lonLat: [NaN, 1] }] })).toThrow(/point 0 \("y"\)/);
  });
});
