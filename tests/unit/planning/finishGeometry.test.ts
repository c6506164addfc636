import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { findSelfIntersection } from '../../../src/core/geometry/findSelfIntersection';
import { cutSmallLoops, finishGeometry, snapRing } from '../../../src/core/vector/finishGeometry';
import { groupRings, parseDbf } from '../../../src/core/vector/readShapefile';
import { parseXmlTree } from '../../../src/core/xml/parseXmlTree';
import { detectAxisOrder, guessProjectedCrs } from '../../../src/core/vector/resolveCrs';
import { utm32ToWgs84 } from '../../../src/core/crs';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import { readWfsGml } from '../../../src/core/vector/readWfsGml';
import { englishText } from '../../../src/core/model/englishText';

const toWgs84 = (p: Position) => utm32ToWgs84(p);
const X = 565000, Y = 5933000;
const sq = (s: number, cw = false): Position[] => {
  const r = [[X, Y], [X + s, Y], [X + s, Y + s], [X, Y + s], [X, Y]];
  return cw ? r.reverse() : r;
};

describe('finishGeometry', () => {
  it('rewinds exteriors counter-clockwise and holes clockwise (RFC 7946)', () => {
    const hole = [[X + 2, Y + 2], [X + 4, Y + 2], [X + 4, Y + 4], [X + 2, Y + 4], [X + 2, Y + 2]]; // counter-clockwise input
    const r = finishGeometry({ type: 'Polygon', coordinates: [sq(10, true), hole] }, { toWgs84 });
    expect(r.warnings).toEqual([]);
    const [ext, h] = (r.geometry as { coordinates: Position[][] }).coordinates;
    const area = (ring: Position[]) => ring.slice(0, -1).reduce((s, p, i) => s + p[0] * ring[i + 1][1] - ring[i + 1][0] * p[1], 0);
    expect(area(ext)).toBeGreaterThan(0);
    expect(area(h)).toBeLessThan(0);
  });

  it('drops a self-intersecting hole but keeps the polygon', () => {
    const bowTieHole = [[X + 2, Y + 2], [X + 4, Y + 4], [X + 4, Y + 2], [X + 2, Y + 4], [X + 2, Y + 2]];
    const r = finishGeometry({ type: 'Polygon', coordinates: [sq(10), bowTieHole] }, { toWgs84 });
    expect(r.warnings.map(englishText)).toEqual([expect.stringMatching(/interior ring 1 self-intersects .*hole dropped/)]);
    expect((r.geometry as { coordinates: Position[][] }).coordinates).toHaveLength(1);
  });

  it('drops only the bad part of a MultiPolygon', () => {
    const bad = [[X + 20, Y], [X + 30, Y + 10], [X + 30, Y], [X + 20, Y + 10], [X + 20, Y]];
    const r = finishGeometry({ type: 'MultiPolygon', coordinates: [[sq(10)], [bad]] }, { toWgs84 });
    expect(r.geometry!.type).toBe('Polygon');
    expect(r.warnings.map(englishText)).toEqual([expect.stringMatching(/^polygon 2: exterior ring self-intersects/), 'polygon 2 dropped']);
  });

  it('snaps millimetre slips and removes zero-width spikes', () => {
    const spiky = [[X, Y], [X + 10, Y], [X + 10, Y + 10], [X + 15, Y + 15], [X + 10.001, Y + 10.001], [X, Y + 10], [X, Y]];
    const s = snapRing(spiky, 0.02);
    expect(s.spikes).toBe(1);
    expect(s.ring).toEqual([[X, Y], [X + 10, Y], [X + 10, Y + 10], [X, Y + 10], [X, Y]]);
  });

  it('cuts off a tiny loop, refuses a big one', () => {
    // A 10 m square whose top edge makes a 0.1 m loop: 100 m² against 0.005 m².
    const tiny = [[X, Y], [X + 10, Y], [X + 10, Y + 10], [X + 5, Y + 10], [X + 4.8, Y + 10], [X + 4.9, Y + 10.1], [X + 4.9, Y + 9.9], [X, Y + 10], [X, Y]];
    expect(findSelfIntersection(tiny)).toBeDefined();
    const fixed = cutSmallLoops(tiny);
    expect(fixed.cut).toBe(1);
    expect(fixed.bad).toBeUndefined();
    expect(findSelfIntersection(fixed.ring)).toBeUndefined();
    const bowTie = [[X, Y], [X + 10, Y + 10], [X + 10, Y], [X, Y + 10], [X, Y]];
    expect(cutSmallLoops(bowTie).bad).toBeDefined();
  });

  it('accepts rings that only touch themselves at a vertex', () => {
    const touching = [[X, Y], [X + 10, Y], [X + 5, Y + 5], [X + 10, Y + 10], [X, Y + 10], [X + 5, Y + 5], [X, Y]];
    expect(findSelfIntersection(touching)).toBeUndefined();
  });
});

describe('shapefile pieces', () => {
  it('groups rings by orientation: clockwise exteriors, counter-clockwise holes inside them', () => {
    const outerCw: Position[] = [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]];
    const holeCcw: Position[] = [[2, 2], [4, 2], [4, 4], [2, 4], [2, 2]];
    const otherCw: Position[] = [[20, 0], [20, 5], [25, 5], [25, 0], [20, 0]];
    const g = groupRings([outerCw, holeCcw, otherCw]);
    expect(g.type).toBe('MultiPolygon');
    expect((g as { coordinates: Position[][][] }).coordinates.map((p) => p.length)).toEqual([2, 1]);
  });

  it('reads dBASE fields (C, N, D, L) with the .cpg encoding and trims padding', () => {
    const enc = new TextEncoder();
    const fields = [['NAME', 'C', 16], ['FLAECHE', 'N', 8], ['DATUM', 'D', 8], ['OK', 'L', 1]] as const;
    const headerLen = 32 + fields.length * 32 + 1;
    const recLen = 1 + fields.reduce((s, f) => s + f[2], 0);
    const buf = new Uint8Array(headerLen + recLen * 2);
    const dv = new DataView(buf.buffer);
    buf[0] = 3;
    dv.setUint32(4, 2, true);
    dv.setUint16(8, headerLen, true);
    dv.setUint16(10, recLen, true);
    fields.forEach(([name, type, len], i) => {
      buf.set(enc.encode(name), 32 + i * 32);
      buf[32 + i * 32 + 11] = type.charCodeAt(0);
      buf[32 + i * 32 + 16] = len;
    });
    buf[headerLen - 1] = 0x0d;
    const row = (deleted: boolean, vals: string[]) => {
      const bytes = [deleted ? 0x2a : 0x20];
      vals.forEach((v, i) => {
        const b = enc.encode(v);
        for (let k = 0; k < fields[i][2]; k++) bytes.push(k < b.length ? b[k] : 0x20);
      });
      return bytes;
    };
    buf.set(row(false, ['Großer Teich', '  1234.5', '20221231', 'T']), headerLen);
    buf.set(row(true, ['weg', '1', '20000101', 'F']), headerLen + recLen);
    const { records } = parseDbf(buf, 'utf-8');
    expect(records).toEqual([{ NAME: 'Großer Teich', FLAECHE: 1234.5, DATUM: '2022-12-31', OK: true }, null]);
  });
});

describe('XML tree and CRS helpers', () => {
  it('densifies arcs in a geographic CRS with a tolerance in degrees (0.1 m), lat,lon order from the URN', () => {
    // Half circle of ~100 m radius around 53.55 N, 10.0 E, written lat,lon (urn:ogc:def:crs:EPSG::4258).
    const dLat = 100 / 111_320, dLon = 100 / (111_320 * Math.cos((53.55 * Math.PI) / 180));
    const pos = [[53.55, 10 - dLon], [53.55 + dLat, 10], [53.55, 10 + dLon]].map((p) => p.join(' ')).join(' ');
    const xml = `<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:app="urn:app"><wfs:member><app:weg gml:id="w1"><app:geom><gml:Curve srsName="urn:ogc:def:crs:EPSG::4258"><gml:segments><gml:Arc><gml:posList>${pos}</gml:posList></gml:Arc></gml:segments></gml:Curve></app:geom></app:weg></wfs:member></wfs:FeatureCollection>`;
    const report = new ReportBuilder();
    const layer = readWfsGml(xml, { file: 'arc.gml' }, report);
    const line = (layer.features[0].geometry as { coordinates: Position[] }).coordinates;
    // GML arcs in a geographic CRS are circles in degree space; with 0.1 m ≈ 9e-7° that is ~35 chords
    // (a tolerance of 0.1 "units" would have left the 2 chords of a triangle).
    expect(line.length).toBeGreaterThan(30);
    expect(line.length).toBeLessThan(40);
    expect(line[0][0]).toBeCloseTo(10 - dLon, 8);
    expect(line[0][1]).toBeCloseTo(53.55, 8);
    expect(Math.max(...line.map((p) => p[1]))).toBeCloseTo(53.55 + dLat, 6);
  });

  it('keeps line numbers and marks unclosed elements', () => {
    const t = parseXmlTree('<a xmlns:gml="http://www.opengis.net/gml/3.2">\n  <gml:b gml:id="x">1</gml:b>\n  <c>');
    expect(t.root!.children[0]).toMatchObject({ local: 'b', uri: 'http://www.opengis.net/gml/3.2', attrs: { id: 'x' }, line: 2, complete: true });
    expect(t.root!.children[1]).toMatchObject({ local: 'c', line: 3, complete: false });
    expect(t.errors.length).toBeGreaterThan(0);
  });

  it('tells E,N from N,E and guesses projected CRSs by magnitude', () => {
    expect(detectAxisOrder('EPSG:25832', [[565065.9, 5933240.6]])).toBe('ok');
    expect(detectAxisOrder('EPSG:25832', [[5933240.6, 565065.9]])).toBe('swapped');
    expect(detectAxisOrder('EPSG:31467', [[5949321.4, 3566469.2]])).toBe('swapped');
    expect(guessProjectedCrs([[567467, 5936203]])?.code).toBe('EPSG:25832');
    expect(guessProjectedCrs([[32455750, 5800459]])?.code).toBe('EPSG:4647');
    expect(guessProjectedCrs([[3566469, 5949321]])?.code).toBe('EPSG:31467');
    expect(guessProjectedCrs([[10.0, 53.5]])).toBeUndefined();
  });
});
