import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { LocalFrame } from '../../../src/core/crs/LocalFrame';
import { SnapIndex } from '../../../src/core/geometry/SnapIndex';
import { sketchProblem } from '../../../src/core/scenario/sketchProblem';
import { sketchSnapLines } from '../../../src/core/scenario/sketchSnapLines';
import { cornerRectangleFootprint, parseUtmCorners } from '../../../src/core/scenario/typedFootprint';
import type { GeoPoint } from '../../../src/core/measure/measureGeometry';
import { createAppStore } from '../../../src/state';
import { activeVariant } from '../../../src/state/scenarioSlice';
import type { Pick } from '../../../src/state/tools/Pick';
import { sketchPointAt, TOOL_HANDLERS_FOR_TEST } from './sketchingHelpers';

const utm = '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs';
const HH: [number, number] = [10.0445, 53.5495];
const frame = LocalFrame.around(HH);
const at = (x: number, y: number, h = 0): GeoPoint => [...frame.toWgs84([x, y]), h] as GeoPoint;

/** Shoelace area in EPSG:25832 straight from proj4 (independent of LocalFrame). */
function areaM2(ring: [number, number][]): number {
  // Relative to the first corner: products of absolute UTM coordinates (~3e12) lose the millimetres.
  const abs = ring.map((q) => proj4('WGS84', utm, q));
  const p = abs.map(([x, y]) => [x - abs[0][0], y - abs[0][1]]);
  let a = 0;
  for (let i = 0; i < p.length; i++) {
    const [x0, y0] = p[i], [x1, y1] = p[(i + 1) % p.length];
    a += x0 * y1 - x1 * y0;
  }
  return Math.abs(a / 2);
}

/** A top-down fake pick at `pxPerM` pixels per metre; `surface` may differ from `ground` (a façade). */
function pick(ground: GeoPoint | undefined, o: { surface?: GeoPoint; altKey?: boolean; pxPerM?: number } = {}): Pick {
  const k = o.pxPerM ?? 1;
  const toPx = (lon: number, lat: number) => {
    const [x, y] = frame.toLocal([lon, lat]);
    return { x: x * k, y: -y * k };
  };
  return {
    screen: ground ? toPx(ground[0], ground[1]) : { x: 0, y: 0 },
    feature: { layerId: 'plan', featureId: 'WA1', properties: { landUse: 'WA' } },
    onCityModel: false,
    surface: o.surface ?? ground,
    ground,
    proposedId: undefined,
    vertex: undefined,
    altKey: o.altKey,
    project: (lon, lat) => toPx(lon, lat),
  };
}

// A Baugrenze: a 40 m × 30 m rectangle with its south-west corner at (100, 50); a parcel line along y = 0.
const baugrenze: GeoJSON.Feature = {
  type: 'Feature',
  properties: { featureClass: 'BP_BauGrenze' },
  geometry: { type: 'LineString', coordinates: [at(100, 50), at(140, 50), at(140, 80), at(100, 80), at(100, 50)].map((p) => [p[0], p[1]]) },
};
const parcel: GeoJSON.Feature = {
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[at(-50, 0), at(300, 0), at(300, -40), at(-50, -40), at(-50, 0)].map((p) => [p[0], p[1]])] },
};

describe('SnapIndex', () => {
  const idx = SnapIndex.build([...sketchSnapLines([baugrenze], frame, 'buildingLine'), ...sketchSnapLines([parcel], frame, 'parcel')]);

  it('indexes every segment of lines and rings (closing vertex or not)', () => {
    expect(idx.size).toBe(4 + 4);
  });

  it('prefers a vertex within the radius, else the nearest edge point, else nothing', () => {
    const v = idx.snap([140.3, 79.6], 1)!;
    expect(v).toMatchObject({ kind: 'vertex', source: 'buildingLine' });
    expect(v.xy[0]).toBeCloseTo(140, 6);
    expect(v.xy[1]).toBeCloseTo(80, 6);
    expect(v.distanceM).toBeCloseTo(0.5, 6);
    // 0.8 m from an edge, 10 m from any corner: the foot of the perpendicular.
    const e = idx.snap([120, 50.8], 1)!;
    expect(e).toMatchObject({ kind: 'edge', source: 'buildingLine' });
    expect(e.xy[0]).toBeCloseTo(120, 6);
    expect(e.xy[1]).toBeCloseTo(50, 6);
    // The parcel line y = 0 (its ring closes without repeating the first vertex in the index).
    expect(idx.snap([10, -0.4], 1)).toMatchObject({ kind: 'edge', source: 'parcel' });
    expect(idx.snap([120, 65], 1)).toBeNull();
    expect(idx.snap([120, 50.8], 0)).toBeNull();
    expect(SnapIndex.build([]).snap([0, 0], 5)).toBeNull();
  });

  it('a corner wins over a nearer edge (corners are what a planner aims at)', () => {
    // 0.3 m from the edge x = 100, 0.9 m from corner (100, 50).
    const h = idx.snap([100.3, 50.85], 1)!;
    expect(h.kind).toBe('vertex');
  });

  it('on 20,000 segments each query finds the corner of its own square', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => ({ coords: [[i * 3, 0], [i * 3 + 2, 0], [i * 3 + 2, 2], [i * 3, 2]] as [number, number][], closed: true, source: 'building' as const }));
    const big = SnapIndex.build(lines);
    expect(big.size).toBe(20000);
    for (let i = 0; i < 5000; i += 7) expect(big.snap([i * 3 + 2.1, 1.9], 0.5)!.xy).toEqual([i * 3 + 2, 2]);
  });
});

describe('sketchProblem: why a footprint cannot close', () => {
  const ring = (pts: [number, number][]) => pts.map(([x, y]) => [...frame.toWgs84([x, y])] as [number, number]);
  it('names too few corners, crossing edges, a tiny area and a sliver; a good ring passes', () => {
    expect(sketchProblem(ring([[0, 0], [10, 0]]))).toEqual({ code: 'scenario.tooFewCorners', params: { count: 2 } });
    expect(sketchProblem(ring([[0, 0], [10, 10], [10, 0], [0, 10]]))).toMatchObject({ code: 'scenario.sketchCrossing', params: { a: 1, b: 3 } });
    expect(sketchProblem(ring([[0, 0], [0.5, 0], [0.5, 0.5]]))).toEqual({ code: 'scenario.sketchTooSmall', params: { area: 0.13, min: 1 } });
    // Corners clicked along a wall: 30 m long, 0.2 m deep → 0.2 m wide on average.
    expect(sketchProblem(ring([[0, 0], [30, 0], [30, 0.2], [0, 0.2]]))).toMatchObject({ code: 'scenario.sketchSliver' });
    expect(sketchProblem(ring([[0, 0], [30, 0], [30, 20], [0, 20]]))).toBeNull();
  });
});

describe('typed footprints', () => {
  it('a rectangle from a corner has exactly width × depth in EPSG:25832 and starts at the origin', () => {
    for (const rot of [0, 30, 90, -117.5]) {
      const r = cornerRectangleFootprint(HH, 32.5, 12.25, rot);
      expect(r).toHaveLength(4);
      expect(areaM2(r)).toBeCloseTo(32.5 * 12.25, 4);
      expect(r[0][0]).toBeCloseTo(HH[0], 9);
      expect(r[0][1]).toBeCloseTo(HH[1], 9);
    }
    // Rotation 0: the width runs east, the depth north.
    const [o, e, , n] = cornerRectangleFootprint(HH, 30, 20, 0).map((p) => proj4('WGS84', utm, p));
    expect(e[0] - o[0]).toBeCloseTo(30, 6);
    expect(e[1] - o[1]).toBeCloseTo(0, 6);
    expect(n[1] - o[1]).toBeCloseTo(20, 6);
    // Rotation 90 (clockwise): the width runs south.
    const [o2, s2] = cornerRectangleFootprint(HH, 30, 20, 90).map((p) => proj4('WGS84', utm, p));
    expect(s2[1] - o2[1]).toBeCloseTo(-30, 6);
    expect(() => cornerRectangleFootprint(HH, 0, 20, 0)).toThrow(/width 0 m/);
  });

  it('corners typed in EPSG:25832: spaces, tabs, semicolons, decimal commas; a bad line is named', () => {
    const r = parseUtmCorners('569300 5934250\n569330\t5934250\n569330;5934270,5\n\n569300 5934270\n569300 5934250\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.corners).toHaveLength(4);
    expect(areaM2(r.corners)).toBeCloseTo(30 * 20.25, 3);
    const back = proj4('WGS84', utm, r.corners[1]);
    expect(back[0]).toBeCloseTo(569330, 4);
    expect(back[1]).toBeCloseTo(5934250, 4);
    expect(parseUtmCorners('569300 5934250\n10.04 53.55')).toEqual({ ok: false, line: 2, text: '10.04 53.55' });
    expect(parseUtmCorners('569300 abc')).toMatchObject({ ok: false, line: 1 });
  });

  it('the store adds a typed rectangle at the last clicked corner; without a corner it says what to do first', () => {
    const store = createAppStore();
    expect(store.getState().addSketchRectangle(30, 20, 0)).toBeNull();
    expect(store.getState().scenarioMessage?.code).toBe('scenario.typedNoOrigin');
    store.getState().addSketchPoint([HH[0], HH[1]]);
    expect(store.getState().addSketchRectangle(-1, 20, 0)).toBeNull();
    expect(store.getState().scenarioMessage?.code).toBe('scenario.typedInvalid');
    const id = store.getState().addSketchRectangle(30, 20, 15);
    expect(id).not.toBeNull();
    const b = activeVariant(store.getState())!.buildings[0];
    expect(areaM2(b.footprint.slice(0, -1))).toBeCloseTo(600, 3);
    expect(store.getState().sketchPoints).toEqual([]);
    // A crossing typed ring is refused and the clicked corners stay.
    store.getState().addSketchPoint([HH[0], HH[1]]);
    const bow = [[0, 0], [10, 10], [10, 0], [0, 10]].map(([x, y]) => [...frame.toWgs84([x, y])] as [number, number]);
    expect(store.getState().addSketchCorners(bow)).toBeNull();
    expect(store.getState().scenarioMessage?.code).toBe('scenario.sketchCrossing');
    expect(store.getState().sketchPoints).toHaveLength(1);
  });
});

describe('sketch tool: ground corners, snapping, nothing else takes the click', () => {
  const withTargets = () => {
    const store = createAppStore();
    store.getState().setSketchSnapTargets({ index: SnapIndex.build(sketchSnapLines([baugrenze, parcel], frame, 'buildingLine')), frame });
    store.getState().select({ layerId: 'plan', featureId: 'WA1', properties: {} });
    store.getState().setTool('sketch');
    return store;
  };

  it('starting the tool closes the feature card; clicks on plan areas never select', () => {
    const store = withTargets();
    expect(store.getState().selection).toBeUndefined();
    TOOL_HANDLERS_FOR_TEST.sketch.onClick!(pick(at(10, 10)), store);
    expect(store.getState().selection).toBeUndefined();
    expect(store.getState().sketchPoints).toHaveLength(1);
  });

  it('a corner clicked on a façade goes on the ground under the pointer', () => {
    const store = withTargets();
    // The depth-buffer point is 12 m up a wall 6 m further east; the ground point is where the ray meets the ground.
    TOOL_HANDLERS_FOR_TEST.sketch.onClick!(pick(at(20, 20), { surface: at(26, 20, 12) }), store);
    const [x, y] = frame.toLocal(store.getState().sketchPoints[0]);
    expect(x).toBeCloseTo(20, 6);
    expect(y).toBeCloseTo(20, 6);
  });

  it('snaps to a Baugrenze vertex within 10 px (here 2 m at 5 px/m), not when Alt is held or snapping is off; the hover shows it', () => {
    const store = withTargets();
    const near = at(101.2, 50.9);
    const h = sketchPointAt(pick(near, { pxPerM: 5 }), store.getState())!;
    expect(h).toMatchObject({ snapped: 'vertex', source: 'buildingLine' });
    const [x, y] = frame.toLocal(h.point);
    expect(x).toBeCloseTo(100, 6);
    expect(y).toBeCloseTo(50, 6);
    // At 20 px/m the radius is 0.5 m: the same point is too far.
    expect(sketchPointAt(pick(near, { pxPerM: 20 }), store.getState())!.snapped).toBeNull();
    expect(sketchPointAt(pick(near, { pxPerM: 5, altKey: true }), store.getState())!.snapped).toBeNull();
    TOOL_HANDLERS_FOR_TEST.sketch.onMove!(pick(near, { pxPerM: 5 }), store);
    expect(store.getState().sketchHover).toMatchObject({ snapped: 'vertex' });
    store.getState().setSketchSnapOn(false);
    expect(sketchPointAt(pick(near, { pxPerM: 5 }), store.getState())!.snapped).toBeNull();
    store.getState().setSketchSnapOn(true);
    TOOL_HANDLERS_FOR_TEST.sketch.onClick!(pick(near, { pxPerM: 5 }), store);
    const [cx, cy] = frame.toLocal(store.getState().sketchPoints[0]);
    expect([cx, cy].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([100, 50]);
  });
});
