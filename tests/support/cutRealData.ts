/**
 * Cuts of the real data in ../shared/data/real that tests/fixtures/real holds
 * (see ATTRIBUTION.md there): the file's own header, its first `n` members
 * and its own closing, byte for byte, so the cut is valid XML/JSON of the same
 * dialect. `REGEN=1` recreates the fixtures from ../shared with these rules.
 */
export interface RealCut {
  /** File under tests/fixtures/real. */
  fixture: string;
  /** File under ../shared/data/real. */
  source: string;
  /** XML member element (e.g. `core:cityObjectMember`), or 'geojson' for the first features of a FeatureCollection. */
  member: string;
  n: number;
}

export const REAL_CUTS: RealCut[] = [
  { fixture: 'nrw-LoD2_32_327_5732_1_NW.first6.gml', source: 'nrw-lod2/LoD2_32_327_5732_1_NW.gml', member: 'core:cityObjectMember', n: 6 },
  { fixture: 'hh-LoD2_32_587_5922_1_HH.first1.xml', source: 'hh-lod2-cut/test/data1/test_data.xml', member: 'core:cityObjectMember', n: 1 },
  { fixture: 'hh-bplan-prosin.first12.xml', source: 'hh-masterportal-wfs/testFeaturesBplanMultiPolygon.xml', member: 'gml:featureMember', n: 12 },
  { fixture: 'hh-naturschutz-ausgleich.first8.xml', source: 'hh-masterportal-wfs/testFeaturesNaturschutzPolygon.xml', member: 'gml:featureMember', n: 8 },
  { fixture: 'hh-strassenbaumkataster.first3.gml', source: 'hh-trees-deegree/strassenbaumkataster.gml', member: 'gml:featureMember', n: 3 },
  { fixture: 'hh-playgrounds.first25.json', source: 'hh-cosi-geojson/playgroundFeatures.json', member: 'geojson', n: 25 },
];

/** The header, the first `n` `<member>…</member>` elements and the closing of an XML document. */
export function cutXmlMembers(xml: string, member: string, n: number): string {
  const open = `<${member}>`, close = `</${member}>`;
  const first = xml.indexOf(open);
  if (first < 0) throw new Error(`no <${member}> in the document`);
  let end = first;
  for (let i = 0; i < n; i++) {
    const at = xml.indexOf(close, end);
    if (at < 0) throw new Error(`the document has only ${i} <${member}> elements, fewer than ${n}`);
    end = at + close.length;
  }
  const lastClose = xml.lastIndexOf(close);
  return xml.slice(0, end) + xml.slice(lastClose + close.length);
}

/** The first `n` features of a GeoJSON FeatureCollection, other members kept. */
export function cutGeoJson(text: string, n: number): string {
  const fc = JSON.parse(text) as GeoJSON.FeatureCollection;
  if (fc.features.length < n) throw new Error(`the collection has only ${fc.features.length} features, fewer than ${n}`);
  return JSON.stringify({ ...fc, features: fc.features.slice(0, n) }) + '\n';
}

/** The cut of one source file's text by its rule. */
export function cutReal(cut: RealCut, text: string): string {
  return cut.member === 'geojson' ? cutGeoJson(text, cut.n) : cutXmlMembers(text, cut.member, cut.n);
}
