import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { buildMassing, buildMassingLocal } from '../../../src/core/massing/buildMassing';
import { exportMassingGlb } from '../../../src/core/massing/exportMassingGlb';
import { localToEnu } from '../../../src/core/massing/localToEnu';
import type { RoofSpec } from '../../../src/core/model/Scenario';
import { LocalFrame } from '../../../src/core/crs';
import { building, HH } from './fixtures';

const validator = createRequire(import.meta.url)('gltf-validator') as { validateBytes(b: Uint8Array, o?: object): Promise<any> };

/** Every undirected edge used by exactly two triangles, once in each direction. */
function closedAndOriented(index: ArrayLike<number>): { closed: boolean; badEdges: number } {
  const count = new Map<string, number>();
  for (let k = 0; k < index.length; k += 3) {
    for (let e = 0; e < 3; e++) {
      const a = index[k + e];
      const b = index[k + ((e + 1) % 3)];
      count.set(`${a}>${b}`, (count.get(`${a}>${b}`) ?? 0) + 1);
    }
  }
  let bad = 0;
  for (const [key, n] of count) {
    const [a, b] = key.split('>');
    if (n !== 1 || count.get(`${b}>${a}`) !== 1) bad++;
  }
  return { closed: bad === 0, badEdges: bad };
}

const roof = (type: RoofSpec['type'], roofHeightM: number, ridgeAzimuthDeg = 0): RoofSpec => ({ type, roofHeightM, ridgeAzimuthDeg });

/** Rectangle L (along azimuth az) × W, centred at (cx, cy), as an open CCW ring. */
function rect(L: number, W: number, azDeg: number, cx = 3.3, cy = -7.1): [number, number][] {
  const a = (azDeg * Math.PI) / 180;
  const u = [Math.sin(a), Math.cos(a)];
  const v = [-u[1], u[0]];
  return [
    [-L / 2, -W / 2],
    [L / 2, -W / 2],
    [L / 2, W / 2],
    [-L / 2, W / 2],
  ].map(([p, q]) => [cx + p * u[0] + q * v[0], cy + p * u[1] + q * v[1]]);
}

describe('massing mesh: volume and footprint against closed forms', () => {
  const L = 24;
  const W = 10;
  const e = 12; // eave
  const r = 4; // roof height
  const cases: [string, RoofSpec, number][] = [
    ['flat', roof('flat', 0), L * W * e],
    ['gabled', roof('gabled', r, 30), L * W * e + (L * W * r) / 2],
    // Equal slopes on all sides, ridge length L − W.
    ['hipped', roof('hipped', r, 30), L * W * e + (r * W * (3 * L - W)) / 6],
    ['shed', roof('shed', r, 30), L * W * (e + r / 2)],
  ];
  for (const [name, spec, volume] of cases) {
    it(`${name}: volume ${volume.toFixed(1)} m³, footprint ${L * W} m², closed and outward`, () => {
      // Shed rises along the azimuth, so lay the rectangle's length along it for every roof type.
      const m = buildMassingLocal(rect(L, W, 30), e, spec);
      expect(m.footprintAreaM2).toBeCloseTo(L * W, 6);
      expect(m.volumeM3).toBeCloseTo(volume, 4);
      expect(m.maxHeightM).toBeCloseTo(name === 'flat' ? e : e + r, 6);
      expect(closedAndOriented(m.geometry.index!.array)).toEqual({ closed: true, badEdges: 0 });
      // Roof triangles cover the footprint exactly once in plan.
      const plan = m.roofTriangles.reduce((s, [a, b, c]) => s + ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])) / 2, 0);
      expect(plan).toBeCloseTo(L * W, 6);
    });
  }

  it('hipped roof on a square is a pyramid (V = A·e + A·r/3)', () => {
    const m = buildMassingLocal(rect(12, 12, 0), 9, roof('hipped', 6, 0));
    expect(m.volumeM3).toBeCloseTo(144 * 9 + (144 * 6) / 3, 4);
    expect(closedAndOriented(m.geometry.index!.array).closed).toBe(true);
  });

  it('concave L-shaped and clockwise footprints stay closed; flat volume = area × height', () => {
    const L: [number, number][] = [[0, 0], [0, 20], [8, 20], [8, 8], [20, 8], [20, 0]]; // clockwise on purpose
    const area = 20 * 8 + 8 * 12;
    for (const spec of [roof('flat', 0), roof('gabled', 5, 0), roof('gabled', 5, 37), roof('hipped', 5, 90), roof('shed', 3, 200)]) {
      const m = buildMassingLocal(L, 10, spec);
      expect(m.footprintAreaM2).toBeCloseTo(area, 6);
      expect(closedAndOriented(m.geometry.index!.array)).toEqual({ closed: true, badEdges: 0 });
      expect(m.volumeM3).toBeGreaterThan(area * 10 - 1e-6);
      expect(m.volumeM3).toBeLessThanOrEqual(area * (10 + spec.roofHeightM) + 1e-6);
      if (spec.type === 'flat') expect(m.volumeM3).toBeCloseTo(area * 10, 6);
    }
  });

  it('gabled volume on a triangle-free regular octagon matches numeric integration of the height field', () => {
    const oct: [number, number][] = Array.from({ length: 8 }, (_, i) => [10 * Math.cos((i * Math.PI) / 4), 10 * Math.sin((i * Math.PI) / 4)]);
    const m = buildMassingLocal(oct, 6, roof('gabled', 5, 0));
    // Ridge along north (x = 0), half width 10 → roof height 5·(1 − |x|/10).
    let integral = 0;
    const n = 2000;
    const h = 20 / n;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = -10 + (i + 0.5) * h;
        const y = -10 + (j + 0.5) * h;
        // Inside the octagon: |x|,|y| ≤ 10cos(22.5°) and |x|+|y| ≤ 10cos(22.5°)·√2·... use half-planes of its edges.
        let inside = true;
        for (let k = 0; k < 8 && inside; k++) {
          const a = oct[k];
          const b = oct[(k + 1) % 8];
          if ((b[0] - a[0]) * (y - a[1]) - (b[1] - a[1]) * (x - a[0]) < 0) inside = false;
        }
        if (inside) integral += (6 + 5 * (1 - Math.abs(x) / 10)) * h * h;
      }
    }
    expect(m.volumeM3).toBeCloseTo(integral, 0);
    expect(closedAndOriented(m.geometry.index!.array).closed).toBe(true);
  });

  it('builds from a WGS84 building in EPSG:25832 metres (20 × 12 m → 240 m²)', () => {
    const b = building('w', { storeys: 5, storeyHeightM: 3.2 }, { type: 'gabled', roofHeightM: 4, ridgeAzimuthDeg: 90 });
    const m = buildMassing(b, LocalFrame.around(HH));
    expect(m.footprintAreaM2).toBeCloseTo(240, 3);
    expect(m.volumeM3).toBeCloseTo(240 * 16 + 240 * 2, 1);
  });
});

describe('glb export', () => {
  it('writes a binary glTF that gltf-validator accepts without errors', async () => {
    const bs = [
      building('a', {}, { type: 'gabled', roofHeightM: 4, ridgeAzimuthDeg: 90 }),
      building('b', { use: 'office', footprint: building('x').footprint.map(([lon, lat]) => [lon + 0.0005, lat] as [number, number]) }, { type: 'hipped', roofHeightM: 3 }),
      building('c', { use: 'retail', footprint: building('x').footprint.map(([lon, lat]) => [lon, lat + 0.0004] as [number, number]) }, { type: 'shed', roofHeightM: 2, ridgeAzimuthDeg: 180 }),
    ];
    const glb = await exportMassingGlb(bs);
    expect(new TextDecoder().decode(glb.subarray(0, 4))).toBe('glTF');
    const report = await validator.validateBytes(glb, { uri: 'massing.glb' });
    expect(report.issues.numErrors, JSON.stringify(report.issues.messages.slice(0, 5))).toBe(0);
    expect(report.info.meshCount ?? report.info.totalMeshCount ?? 3).toBeGreaterThanOrEqual(1);
    // JSON chunk: three named meshes with extras.
    const jsonLen = new DataView(glb.buffer, glb.byteOffset + 12, 4).getUint32(0, true);
    const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLen)));
    expect(json.nodes.filter((n: any) => n.mesh !== undefined).map((n: any) => n.name).sort()).toEqual(['a', 'b', 'c']);
    const nodeA = json.nodes.find((n: any) => n.name === 'a');
    expect(nodeA.extras).toMatchObject({ use: 'housing', storeys: 4, heightM: 16, roofType: 'gabled' });
    // y is up: the position accessor of building a spans 0..16 m in y.
    const acc = json.accessors[json.meshes[nodeA.mesh].primitives[0].attributes.POSITION];
    expect(acc.min[1]).toBeCloseTo(0, 5);
    expect(acc.max[1]).toBeCloseTo(16, 4);
  });

  it('places vertices in true east/north metres (grid convergence removed)', () => {
    // 1° east of the UTM32 central meridian the grid is turned by ~0.8°.
    const origin: [number, number] = [10.0, 53.55];
    const frame = LocalFrame.around(origin);
    const toEnu = localToEnu(frame, origin);
    const p: [number, number] = [10.0, 53.551]; // 1/1000° due north
    const [e, n] = toEnu(frame.toLocal(p));
    expect(Math.abs(e)).toBeLessThan(0.001);
    expect(n).toBeCloseTo(111.3, 0);
  });
});
