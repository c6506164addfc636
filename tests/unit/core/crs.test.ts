import { describe, expect, it } from 'vitest';
import { parseCrs, parseWktCrs, makeTransform, LocalFrame } from '../../../src/core/crs';

describe('parseCrs', () => {
  it.each([
    ['EPSG:25832', 'EPSG:25832', undefined, false],
    ['urn:ogc:def:crs:EPSG::25832', 'EPSG:25832', undefined, false],
    ['http://www.opengis.net/def/crs/EPSG/0/25833', 'EPSG:25833', undefined, false],
    ['urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH', 'EPSG:25832', 'DHHN2016', false],
    ['urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH', 'EPSG:25832', 'DHHN92', false],
    ['urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH*GCG2016', 'EPSG:25832', 'DHHN2016', false],
    ['urn:adv:crs:ETRS89_UTM32', 'EPSG:25832', undefined, false],
    ['urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783', 'EPSG:25833', 'DHHN92', false],
    ['urn:ogc:def:crs:EPSG::4258', 'EPSG:4258', undefined, true],
    ['EPSG:31467', 'EPSG:31467', undefined, false],
    ['https://www.opengis.net/def/crs/EPSG/0/7415', 'EPSG:28992', 'NAP', false],
  ])('%s', (ref, code, vertical, latLon) => {
    const c = parseCrs(ref)!;
    expect(c.code).toBe(code);
    expect(c.verticalDatum).toBe(vertical);
    expect(c.latLonOrder).toBe(latLon);
  });
  it('rejects unknown references', () => {
    expect(parseCrs('EPSG:99999')).toBeUndefined();
    expect(parseCrs('urn:adv:crs:FOO')).toBeUndefined();
  });
});

describe('parseWktCrs', () => {
  it('recognises zone-prefixed UTM eastings', () => {
    const wkt = 'PROJCS["ETRS_1989_UTM_Zone_N32",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",32500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",9.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
    expect(parseWktCrs(wkt)?.code).toBe('EPSG:4647');
    expect(parseWktCrs(wkt.replace('32500000.0', '500000.0'))?.code).toBe('EPSG:25832');
  });
});

describe('transforms', () => {
  it('EPSG:4647 equals EPSG:25832 shifted by 32 000 000 m', () => {
    const a = makeTransform('EPSG:4647', 'EPSG:4326')([32565000, 5933000]);
    const b = makeTransform('EPSG:25832', 'EPSG:4326')([565000, 5933000]);
    expect(a[0]).toBeCloseTo(b[0], 9);
    expect(a[1]).toBeCloseTo(b[1], 9);
  });
  it('LocalFrame round-trips to the millimetre', () => {
    const f = LocalFrame.around([9.99, 53.54]);
    const p: [number, number] = [9.9934, 53.5432];
    const back = f.toWgs84(f.toLocal(p));
    expect(Math.abs(back[0] - p[0]) * 66000).toBeLessThan(0.001);
    expect(Math.abs(back[1] - p[1]) * 111000).toBeLessThan(0.001);
  });
  it('Hamburg Rathaus in EPSG:25832 (reference value from the LGV)', () => {
    // Rathausmarkt ~ E 565790, N 5933960 (LGV DOP tiles); 1 m tolerance in degrees.
    const [lon, lat] = makeTransform('EPSG:25832', 'EPSG:4326')([565790, 5933960]);
    expect(lon).toBeCloseTo(9.9925, 2);
    expect(lat).toBeCloseTo(53.5506, 2);
  });
});
