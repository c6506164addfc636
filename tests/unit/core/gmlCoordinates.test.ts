import { describe, expect, it } from 'vitest';
import { readCityGml } from '../../../src/core/citygml/readCityGml';
import { checkGmlCoordinates, gmlCoordinatesText, gmlNumbers } from '../../../src/core/gml/gmlCoordinates';
import { readGmlGeometry } from '../../../src/core/gml/readGmlGeometry';
import { ReportBuilder } from '../../../src/core/model/ConversionReport';
import type { SourceBuilding } from '../../../src/core/model/SourceBuilding';
import { parseXmlTree } from '../../../src/core/xml/parseXmlTree';
import { englishText } from '../../../src/core/model/englishText';

const GML = 'xmlns:gml="http://www.opengis.net/gml"';
const square = [[0, 0, 5], [10, 0, 5], [10, 10, 5], [0, 10, 5], [0, 0, 5]];

/** The same ring in the three GML encodings. */
const encodings: Record<string, string> = {
  posList3: `<gml:posList srsDimension="3">${square.flat().join(' ')}</gml:posList>`,
  pos: square.map((p) => `<gml:pos>${p.join(' ')}</gml:pos>`).join(''),
  coordinates: `<gml:coordinates>${square.map((p) => p.join(',')).join(' ')}</gml:coordinates>`,
};

/** One LoD2 wall polygon in a CityGML building, read by the streaming reader. */
async function streamed(ring: string): Promise<{ building?: SourceBuilding; report: ReportBuilder }> {
  const xml = `<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" ${GML}>
<core:cityObjectMember><bldg:Building gml:id="B1"><bldg:lod2MultiSurface><gml:MultiSurface srsName="EPSG:25832"><gml:surfaceMember>
<gml:Polygon gml:id="P1"><gml:exterior><gml:LinearRing>${ring}</gml:LinearRing></gml:exterior></gml:Polygon>
</gml:surfaceMember></gml:MultiSurface></bldg:lod2MultiSurface></bldg:Building></core:cityObjectMember></core:CityModel>`;
  const report = new ReportBuilder();
  let building: SourceBuilding | undefined;
  await readCityGml([xml], { file: 't.gml', report, onBuilding: (b) => (building = b) });
  return { building, report };
}

describe('GML coordinates: one decoding for the streaming CityGML reader and the tree reader', () => {
  it('posList, pos and GML 2 coordinates give the same ring in both readers', async () => {
    for (const [name, ring] of Object.entries(encodings)) {
      const tree = parseXmlTree(`<gml:Polygon ${GML}><gml:exterior><gml:LinearRing>${ring}</gml:LinearRing></gml:exterior></gml:Polygon>`);
      const g = readGmlGeometry(tree.root!);
      expect(g, name).toEqual({ type: 'Polygon', coordinates: [square] });
      const { building } = await streamed(ring);
      // The streaming reader keeps rings open (no closing point) as flat xyz.
      expect(Array.from(building!.polygons[0].rings[0]), name).toEqual(square.flat());
    }
  });

  it('a bad token is named the same way by both readers', async () => {
    const ring = `<gml:posList srsDimension="3">0 0 5 10 0 5 1O 10 5 0 10 5 0 0 5</gml:posList>`;
    const tree = parseXmlTree(`<gml:Polygon ${GML}><gml:exterior><gml:LinearRing>${ring}</gml:LinearRing></gml:exterior></gml:Polygon>`);
    expect(() => readGmlGeometry(tree.root!)).toThrow('not a number "1O" in gml:posList');
    const { report } = await streamed(ring);
    expect(report.issues.map((i) => i.reason)).toContainEqual(expect.stringContaining('not a number "1O" in posList'));
  });

  it('checks: dimension, count, finite values, tuple shape', () => {
    expect(gmlNumbers(' 1 2\n3 ', 'gml:pos')).toEqual([1, 2, 3]);
    const text = (m: ReturnType<typeof checkGmlCoordinates>) => (m ? englishText(m) : m);
    expect(text(checkGmlCoordinates([1, 2, 3], 2, 'gml:posList'))).toBe('gml:posList has 3 numbers, not a multiple of srsDimension 2');
    expect(text(checkGmlCoordinates([1, 2, 3, 4], 4, 'gml:posList'))).toBe('unsupported srsDimension 4');
    expect(text(checkGmlCoordinates([1, Infinity], 2, 'gml:pos'))).toBe('non-finite coordinate Infinity in gml:pos');
    expect(text(checkGmlCoordinates([1, 2], 2, 'gml:pos'))).toBeUndefined();
    expect(gmlCoordinatesText('1;2|3;4', { cs: ';', ts: '|' })).toEqual({ values: [1, 2, 3, 4], dim: 2 });
    expect(gmlCoordinatesText('1,2 3,4,5')).toEqual({ code: 'convert.coords.badTuple', params: { tuple: '3,4,5' } });
  });
});
