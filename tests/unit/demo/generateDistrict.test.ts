import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { generateDistrict } from '../../../scripts/demo/generateDistrict';
import { demoSourceFiles, writeDemoSources } from '../../../scripts/demo/writeDemoSources';
import { buildingSurfaces } from '../../../scripts/demo/buildingShapes';
import { checkPlanLimits } from '../../../scripts/demo/checkPlanLimits';
import { densifyPlanRing, newellNormal, rectArea, signedArea } from '../../../scripts/demo/ringMath';
import type { Xyz } from '../../../scripts/demo/DemoDistrict';

const district = generateDistrict();

/** Element counts by qualified name, and a parse error if the XML is not well-formed. */
function parseXml(xml: string): { counts: Map<string, number>; namespaces: Set<string> } {
  const counts = new Map<string, number>();
  const namespaces = new Set<string>();
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (t) => {
    counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    if (t.uri) namespaces.add(t.uri);
  });
  parser.write(xml).close();
  return { counts, namespaces };
}

function maxPlaneDeviation(ring: Xyz[]): number {
  const n = newellNormal(ring);
  const len = Math.hypot(...n);
  const p0 = ring[0];
  return Math.max(...ring.map((p) => Math.abs(((p[0] - p0[0]) * n[0] + (p[1] - p0[1]) * n[1] + (p[2] - p0[2]) * n[2]) / len)));
}

describe('demo district generator', () => {
  it('is deterministic: two runs write byte-identical source files', async () => {
    const a = await mkdtemp(path.join(tmpdir(), 'demo-a-'));
    const b = await mkdtemp(path.join(tmpdir(), 'demo-b-'));
    try {
      const fa = await writeDemoSources(generateDistrict(), a);
      await writeDemoSources(generateDistrict(), b);
      expect(fa.map((f) => path.basename(f)).sort()).toEqual(['basemap.geojson', 'bplan.gml', 'buildings.gml', 'flood.geojson', 'parcels.geojson', 'playgrounds.geojson', 'trees.geojson']);
      for (const f of fa) expect((await readFile(path.join(b, path.basename(f)))).equals(await readFile(f))).toBe(true);
    } finally {
      await rm(a, { recursive: true, force: true });
      await rm(b, { recursive: true, force: true });
    }
    // Another seed gives another district.
    expect(demoSourceFiles(generateDistrict(7))['buildings.gml']).not.toBe(demoSourceFiles(district)['buildings.gml']);
  });

  it('places 250–400 buildings inside the district and inside their blocks', () => {
    expect(district.buildings.length).toBeGreaterThanOrEqual(250);
    expect(district.buildings.length).toBeLessThanOrEqual(400);
    const blocks = new Map(district.blocks.map((b) => [b.id, b.rect]));
    for (const b of district.buildings) {
      const r = blocks.get(b.blockId)!;
      for (const [x, y] of b.footprint) {
        expect(x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1, `${b.id} (${x}, ${y}) outside block ${b.blockId}`).toBe(true);
        expect(x >= 0 && x <= district.width && y >= 0 && y <= district.height).toBe(true);
      }
      expect(signedArea(b.footprint), `${b.id} footprint counter-clockwise`).toBeGreaterThan(0);
    }
    const kinds = new Set(district.buildings.map((b) => b.roof));
    expect([...kinds].sort()).toEqual(['flat', 'gabled', 'hipped', 'shed']);
    expect(new Set(district.buildings.map((b) => b.id)).size).toBe(district.buildings.length);
  });

  it('builds closed, planar, outward-facing LoD2 solids', () => {
    for (const b of district.buildings) {
      const surfaces = buildingSurfaces(b);
      const edges = new Map<string, number>();
      const key = (p: Xyz) => p.map((v) => v.toFixed(3)).join(',');
      let volume = 0;
      for (const s of surfaces) {
        expect(s.ring.length, `${b.id} ring too short`).toBeGreaterThanOrEqual(4);
        expect(s.ring[0], `${b.id} ring closed`).toEqual(s.ring[s.ring.length - 1]);
        // Planar after rounding to the millimetres written to the file.
        const rounded = s.ring.map((p) => p.map((v) => Math.round(v * 1000) / 1000) as Xyz);
        expect(maxPlaneDeviation(rounded), `${b.id} ${s.kind} not planar`).toBeLessThan(0.005);
        const n = newellNormal(s.ring);
        if (s.kind === 'GroundSurface') expect(n[2]).toBeLessThan(0);
        if (s.kind === 'RoofSurface') expect(n[2]).toBeGreaterThan(0);
        if (s.kind === 'WallSurface') expect(Math.abs(n[2])).toBeLessThan(1e-6);
        for (let i = 0; i < s.ring.length - 1; i++) {
          const e = `${key(s.ring[i])}>${key(s.ring[i + 1])}`;
          edges.set(e, (edges.get(e) ?? 0) + 1);
          const [p, q] = [s.ring[i], s.ring[i + 1]];
          const o = s.ring[0];
          // Signed volume via the divergence theorem (tetrahedra from the ring's first point).
          volume += (o[0] * (p[1] * q[2] - p[2] * q[1]) - o[1] * (p[0] * q[2] - p[2] * q[0]) + o[2] * (p[0] * q[1] - p[1] * q[0])) / 6;
        }
      }
      // Closed 2-manifold: every directed edge is matched by its reverse exactly once.
      for (const [e, count] of edges) {
        const [a, c] = e.split('>');
        expect(count, `${b.id} edge ${e} used twice in one direction`).toBe(1);
        expect(edges.get(`${c}>${a}`), `${b.id} edge ${e} has no reverse`).toBe(1);
      }
      const footprintArea = signedArea(b.footprint);
      expect(volume, `${b.id} volume`).toBeGreaterThan(footprintArea * b.eaveHeightM - 1e-6);
      expect(volume).toBeLessThanOrEqual(footprintArea * b.ridgeHeightM + 1e-6);
    }
  });

  it('has plausible heights, storeys and ground heights', () => {
    const dwellings = new Set(['31001_1000', '31001_1010', '31001_1120']);
    for (const b of district.buildings) {
      expect(b.ridgeHeightM).toBeGreaterThanOrEqual(b.eaveHeightM);
      expect(b.ridgeHeightM - b.eaveHeightM).toBeLessThan(8);
      const perStorey = b.eaveHeightM / b.storeys;
      // Single-storey halls (warehouse, gym, workshop) may be up to 11 m high.
      if (b.storeys === 1 && !dwellings.has(b.functionCode)) expect(perStorey).toBeLessThanOrEqual(11);
      else {
        expect(perStorey, `${b.id} storey height`).toBeGreaterThanOrEqual(2.5);
        expect(perStorey, `${b.id} storey height`).toBeLessThanOrEqual(4.5);
      }
      expect(b.groundHeightM).toBeGreaterThanOrEqual(6);
      expect(b.groundHeightM).toBeLessThanOrEqual(9);
    }
    const tallest = Math.max(...district.buildings.map((b) => b.ridgeHeightM));
    expect(tallest).toBeGreaterThan(45);
  });

  it('gives every street-facing building a unique address', () => {
    const addresses = district.buildings.filter((b) => b.frontage).map((b) => `${b.street} ${b.houseNumber}`);
    expect(addresses.every((a) => !a.includes('undefined'))).toBe(true);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses.length).toBeGreaterThan(200);
  });

  it('tiles the plan area and every block with plan areas and every block with parcels', () => {
    const tiling = district.planAreas.filter((a) => a.flaechenschluss);
    const total = tiling.reduce((s, a) => s + Math.abs(signedArea(densifyPlanRing(a.exterior))), 0);
    expect(total).toBeCloseTo(district.width * district.height, 0);
    for (const block of district.blocks) {
      const zoneArea = tiling.filter((a) => a.blockId === block.id).reduce((s, a) => s + signedArea(densifyPlanRing(a.exterior)), 0);
      expect(zoneArea, `block ${block.id} plan areas`).toBeCloseTo(rectArea(block.rect), 0);
      const lots = district.lots.filter((l) => l.blockId === block.id);
      expect(lots.every((l) => signedArea(l.ring) > 0)).toBe(true);
      expect(lots.reduce((s, l) => s + signedArea(l.ring), 0), `block ${block.id} parcels`).toBeCloseTo(rectArea(block.rect), 1);
    }
    // Every building stands on a parcel of its block.
    const lotIds = new Set(district.lots.map((l) => l.id));
    expect(district.buildings.every((b) => lotIds.has(b.lotId))).toBe(true);
  });

  it('breaks the plan exactly where documented', () => {
    const findings = checkPlanLimits(district);
    expect(findings.filter((f) => f.rule === 'outsideZone')).toEqual([]);
    const flagged = new Set(district.buildings.filter((b) => b.violation).map((b) => b.id));
    const buildingFindings = findings.filter((f) => f.subject.startsWith('DEMO_BLDG_'));
    // Every building finding is on a flagged building…
    expect(buildingFindings.filter((f) => !flagged.has(f.subject))).toEqual([]);
    // …and every flagged building except the GE halls (a zone-wide GRZ breach) has one.
    const zoneWide = new Set(district.buildings.filter((b) => b.violation?.includes('whole zone')).map((b) => b.id));
    for (const id of flagged) if (!zoneWide.has(id)) expect(buildingFindings.some((f) => f.subject === id), `${id} should break the plan`).toBe(true);
    expect(new Set(buildingFindings.map((f) => f.rule))).toEqual(new Set(['storeys', 'height', 'baugrenze', 'grzLot']));
    expect(findings.filter((f) => !f.subject.startsWith('DEMO_BLDG_')).map((f) => `${f.subject} ${f.rule}`)).toEqual(['GE 1 grzZone']);
  });

  it('writes well-formed CityGML 2.0 with one bldg:Building per building', () => {
    const xml = demoSourceFiles(district)['buildings.gml'];
    const { counts, namespaces } = parseXml(xml);
    expect(counts.get('bldg:Building')).toBe(district.buildings.length);
    expect(namespaces).toContain('http://www.opengis.net/citygml/2.0');
    expect(namespaces).toContain('http://www.opengis.net/citygml/building/2.0');
    expect(namespaces).toContain('http://www.opengis.net/gml');
    expect(xml).toContain('srsName="urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH"');
    expect(counts.get('bldg:lod2Solid')).toBe(district.buildings.length);
    expect(counts.get('bldg:RoofSurface')).toBeGreaterThan(district.buildings.length);
    expect(counts.get('xAL:ThoroughfareName')).toBe(district.buildings.filter((b) => b.houseNumber).length);
    // Polygons referenced by the solids all exist.
    const ids = new Set([...xml.matchAll(/<gml:Polygon gml:id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of xml.matchAll(/xlink:href="#([^"]+)"/g)) expect(ids.has(m[1])).toBe(true);
  });

  it('writes a well-formed XPlanGML 6.0 plan with the expected objects', () => {
    const xml = demoSourceFiles(district)['bplan.gml'];
    const { counts, namespaces } = parseXml(xml);
    expect(namespaces).toContain('http://www.xplanung.de/xplangml/6/0');
    expect(namespaces).toContain('http://www.opengis.net/gml/3.2');
    expect(counts.get('xplan:BP_Plan')).toBe(1);
    expect(counts.get('xplan:BP_Bereich')).toBe(1);
    expect(counts.get('xplan:BP_BaugebietsTeilFlaeche')).toBe(11);
    expect(counts.get('xplan:BP_GemeinbedarfsFlaeche')).toBe(1);
    expect(counts.get('xplan:BP_GruenFlaeche')).toBe(2);
    expect(counts.get('xplan:SO_Gewaesser')).toBe(1);
    expect(counts.get('xplan:BP_StrassenVerkehrsFlaeche')).toBe(district.streets.length);
    expect(counts.get('xplan:BP_UeberbaubareGrundstuecksFlaeche')).toBe(district.planAreas.filter((a) => a.featureClass === 'BP_UeberbaubareGrundstuecksFlaeche').length);
    expect(counts.get('xplan:BP_BauGrenze')).toBe(district.planLines.length);
    expect(counts.get('gml:Arc')).toBe(2);
    expect(counts.get('xplan:hMax')).toBe(12);
    expect(xml).toContain('<xplan:name>Planlotse-Demo 1 (generiert)</xplan:name>');
    // Every Planinhalt reference points at an object in the file.
    const ids = new Set([...xml.matchAll(/gml:id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of xml.matchAll(/xlink:href="#([^"]+)"/g)) expect(ids.has(m[1])).toBe(true);
  });

  it('writes GeoJSON layers in EPSG:25832 with closed counter-clockwise rings', () => {
    const files = demoSourceFiles(district);
    const parcels = JSON.parse(files['parcels.geojson']);
    const trees = JSON.parse(files['trees.geojson']);
    expect(parcels.crs.properties.name).toBe('urn:ogc:def:crs:EPSG::25832');
    expect(parcels.features.length).toBe(district.lots.length);
    expect(trees.features.length).toBe(district.trees.length);
    expect(trees.features.length).toBeGreaterThan(300);
    for (const name of ['parcels.geojson', 'playgrounds.geojson', 'flood.geojson'] as const) {
      for (const f of JSON.parse(files[name]).features) {
        const ring: [number, number][] = f.geometry.coordinates[0];
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(signedArea(ring.slice(0, -1))).toBeGreaterThan(0);
        for (const [x, y] of ring) {
          expect(x).toBeGreaterThanOrEqual(district.origin[0]);
          expect(x).toBeLessThanOrEqual(district.origin[0] + district.width);
          expect(y).toBeGreaterThanOrEqual(district.origin[1]);
          expect(y).toBeLessThanOrEqual(district.origin[1] + district.height);
        }
      }
    }
  });
});
