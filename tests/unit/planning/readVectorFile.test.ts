import { describe, expect, it } from 'vitest';
import { area as turfArea } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import { readVectorFile } from '../../../src/core/vector/readVectorFile';
import { guessLayerRole } from '../../../src/core/vector/guessLayerRole';
import type { VectorLayer } from '../../../src/core/model/VectorLayer';
import { checkRightHandRule, cornerWgs84, hasReal, nativeBbox, realBytes, ringArea } from './realData';

function read(rel: string, crs?: string): { layer: VectorLayer; report: ReportBuilder } {
  const report = new ReportBuilder();
  const layers = readVectorFile(realBytes(rel), { file: rel.split('/').pop()!, crs }, report);
  expect(layers).toHaveLength(1);
  return { layer: layers[0], report };
}

const polygonCount = (l: VectorLayer) => l.features.reduce((n, f) => n + (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.length : f.geometry.type === 'Polygon' ? 1 : 0), 0);
const holeCount = (l: VectorLayer) => l.features.reduce((n, f) => n + (f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.reduce((m, p) => m + p.length - 1, 0) : f.geometry.type === 'Polygon' ? f.geometry.coordinates.length - 1 : 0), 0);

function expectBoxes(layer: VectorLayer, crs: string, native: number[], wgs: number[], nativeTol = 1) {
  const nb = nativeBbox(layer.features, crs);
  nb.forEach((v, i) => expect(Math.abs(v - native[i]), `native bbox[${i}] ${v} vs ${native[i]}`).toBeLessThan(nativeTol));
  // 1 m is 1.51e-5° of longitude and 0.9e-5° of latitude here, plus 0.5e-5° for the 5 decimals of SOURCES.md.
  cornerWgs84(nb, crs).forEach((v, i) => expect(Math.abs(v - wgs[i]), `wgs84 bbox[${i}] ${v} vs ${wgs[i]}`).toBeLessThan(i % 2 === 0 ? 2.01e-5 : 1.4e-5));
}

describe.skipIf(!hasReal)('vector readers on the real samples', () => {
  it('WFS Bezirke: 7 MultiPolygons (10 polygons, 1 hole), bbox, role', () => {
    const { layer, report } = read('hh-masterportal-wfs/districtFeatures.xml');
    expect(report.counts).toEqual({ 'app:bezirke': 7 });
    expect(layer.crs).toBe('EPSG:25832');
    expect(polygonCount(layer)).toBe(10);
    // SOURCES.md says 2 interior rings, but the file has exactly one <gml:interior> (counted with grep).
    expect(holeCount(layer)).toBe(1);
    expect(layer.features.map((f) => f.properties.bezirk_name)).toContain('Hamburg-Mitte');
    expectBoxes(layer, 'EPSG:25832', [461485.132, 5916918.107, 588010.382, 5979762.107], [8.41292, 53.39401, 10.34137, 53.96478]);
    expect(checkRightHandRule(layer.features).bad).toEqual([]);
    expect(guessLayerRole(layer)).toBe('districts');
  });

  it('WFS B-Plan areas: 209 features, 228 polygons, trimmed names, turf area ≈ planar UTM area − 0.35 %', () => {
    const { layer, report } = read('hh-masterportal-wfs/testFeaturesBplanMultiPolygon.xml');
    expect(report.counts).toEqual({ 'app:prosin_festgestellt': 209 });
    expect(polygonCount(layer)).toBe(228);
    expect(layer.features[0].properties.planrecht).toBe('Bahrenfeld18');
    expect(layer.features[0].properties.feststellung).toBe('11.11.1969');
    expect(layer.features[0].properties.nachricht).toBeNull();
    expectBoxes(layer, 'EPSG:25832', [553795.379, 5926077.671, 582270.133, 5949011.314], [9.81064, 53.47725, 10.24568, 53.68705]);
    expect(guessLayerRole(layer)).toBe('plan');
    expect(checkRightHandRule(layer.features).bad).toEqual([]);
    // Planar area in EPSG:25832 of the back-projected rings vs turf's spherical area.
    let planar = 0, sphere = 0;
    const proj = (ring: Position[]) => nativeRing(ring);
    for (const f of layer.features) {
      sphere += turfArea(f);
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry as { coordinates: Polygon['coordinates'][] }).coordinates;
      for (const p of polys) p.forEach((ring, i) => (planar += (i === 0 ? 1 : -1) * Math.abs(ringArea(proj(ring)))));
    }
    // Turf's sphere (R = 6371008.8 m) vs the UTM plane at 53.5° N: about 0.35 % less.
    const diff = sphere / planar - 1;
    expect(diff).toBeLessThan(-0.002);
    expect(diff).toBeGreaterThan(-0.005);
  });

  it('WFS Ausgleichsflächen: 23 polygons', () => {
    const { layer, report } = read('hh-masterportal-wfs/testFeaturesNaturschutzPolygon.xml');
    expect(report.counts).toEqual({ 'app:ausgleichsflaechen': 23 });
    expect(layer.features[0].properties).toMatchObject({ vorhaben: 'W-006 - BPlan Marienthal 22 (Husarenweg)', kompensationsmassnahme: 'Grünfläche' });
    expectBoxes(layer, 'EPSG:25832', [551677.419, 5930079.158, 576560.301, 5953995.999], [9.77939, 53.51407, 10.16048, 53.73206]);
    expect(guessLayerRole(layer)).toBe('protection');
  });

  it('WFS Velorouten: northing,easting under urn:ogc:def:crs:EPSG::25832 is detected, swapped and reported', () => {
    const { layer, report } = read('hh-masterportal-wfs/testFeaturesVeloroutenMultiLineString.xml');
    expect(report.counts).toEqual({ 'Fahrradrouten:Erster_Gruener_Ring': 18 });
    expect(report.issues.some((i) => i.severity === 'warning' && /northing,easting/.test(i.reason))).toBe(true);
    expect(layer.features.every((f) => f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString')).toBe(true);
    expectBoxes(layer, 'EPSG:25832', [564229.087, 5933098.142, 566687.899, 5934883.891], [9.96928, 53.54255, 10.00676, 53.5589]);
    expect(layer.features[0].properties.Verlauf).toBe('Landungsbrücken - Deichtorhallen - Planten un Blomen - Wallring - Landungsbrücken');
    expect(guessLayerRole(layer)).toBe('cycleRoutes');
  });

  it('GML 3.2 trees: EPSG:4258 URN is lat,lon', () => {
    const { layer, report } = read('hh-trees-deegree/strassenbaumkataster.gml');
    expect(report.counts).toEqual({ 'app:strassenbaumkataster': 5 });
    expect(layer.crs).toBe('EPSG:4258');
    expect(report.issues).toEqual([]);
    // <gml:pos>53.553667 10.014337</gml:pos> → [lon, lat]
    const first = layer.features[0].geometry as { coordinates: number[] };
    expect(first.coordinates[0]).toBeCloseTo(10.014337, 6);
    expect(first.coordinates[1]).toBeCloseTo(53.553667, 6);
    const lons = layer.features.map((f) => (f.geometry as { coordinates: number[] }).coordinates[0]);
    const lats = layer.features.map((f) => (f.geometry as { coordinates: number[] }).coordinates[1]);
    expect(Math.min(...lons)).toBeCloseTo(10.014289, 6);
    expect(Math.max(...lons)).toBeCloseTo(10.015596, 6);
    expect(Math.min(...lats)).toBeCloseTo(53.552994, 6);
    expect(Math.max(...lats)).toBeCloseTo(53.553667, 6);
    expect(layer.features[0].properties.art_deutsch).toBe('Stiel-Eiche');
    expect(guessLayerRole(layer)).toBe('trees');
  });

  it('GeoJSON Stadtteile without crs member: EPSG:25832 detected by magnitude and reported', () => {
    const { layer, report } = read('hh-cosi-geojson/features_stadtteile.json');
    expect(report.counts).toEqual({ features_stadtteile: 2 });
    expect(layer.crs).toBe('EPSG:25832');
    expect(layer.crsFrom).toBe('default');
    expect(report.issues.some((i) => /no "crs" member.*assuming EPSG:25832/.test(i.reason))).toBe(true);
    expectBoxes(layer, 'EPSG:25832', [565597.234, 5936142.848, 570008.855, 5940633.505], [9.99056, 53.56948, 10.05818, 53.61041]);
    expect(checkRightHandRule(layer.features).bad).toEqual([]);
    // The same with --crs: no guess, no warning.
    const withOption = read('hh-cosi-geojson/features_stadtteile.json', 'EPSG:25832');
    expect(withOption.layer.crsFrom).toBe('option');
    expect(withOption.report.issues).toEqual([]);
  });

  it('GeoJSON playgrounds (WGS84): 100 points, exact bbox', () => {
    const { layer, report } = read('hh-cosi-geojson/playgroundFeatures.json');
    expect(report.counts).toEqual({ playgroundFeatures: 100 });
    expect(layer.crs).toBe('EPSG:4326');
    const lons = layer.features.map((f) => (f.geometry as { coordinates: number[] }).coordinates[0]);
    const lats = layer.features.map((f) => (f.geometry as { coordinates: number[] }).coordinates[1]);
    expect([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)].map((v) => Number(v.toFixed(5)))).toEqual([9.77903, 53.40189, 10.22139, 53.67137]);
    expect(guessLayerRole(layer)).toBe('playgrounds');
  });

  it('zipped shapefile GLB: 334 polygons, zone-prefixed eastings via .prj (EPSG:4647), UTF-8 names', () => {
    const { layer, report } = read('ni-glb-shapefile/GLB.zip');
    expect(report.counts).toEqual({ Landschaftsbestand_Fl_DTK25: 334 });
    expect(layer.crs).toBe('EPSG:4647');
    // .shp header bbox: x 32353723.150–32636082.936, y 5720096.508–5965581.272
    const nb = nativeBbox(layer.features, 'EPSG:4647');
    [32353723.15, 5720096.508, 32636082.936, 5965581.272].forEach((v, i) => expect(Math.abs(nb[i] - v)).toBeLessThan(0.01));
    const names = layer.features.map((f) => String(f.properties.NAME));
    expect(names.some((n) => /[äöüß]/.test(n))).toBe(true);
    expect(names.every((n) => !/Ã/.test(n))).toBe(true);
    expect(checkRightHandRule(layer.features).bad).toEqual([]);
    expect(guessLayerRole(layer)).toBe('protection');
  });
});

import proj4 from 'proj4';
import { registerCrsDefinitions } from '../../../src/core/crs';
function nativeRing(ring: Position[]): Position[] {
  registerCrsDefinitions();
  const inv = proj4('EPSG:4326', 'EPSG:25832');
  return ring.map((p) => inv.forward([p[0], p[1]]));
}
