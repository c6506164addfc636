import type { DemoBuilding, DemoDistrict, Xyz } from './DemoDistrict';
import { ROOF_TYPE_CODE } from './DemoDistrict';
import { buildingSurfaces } from './buildingShapes';
import { xmlEscape } from './xmlEscape';

/** Hamburg's LoD2 CRS name: ETRS89 / UTM 32N with DHHN2016 heights. */
export const CITYGML_SRS = 'urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH';

const FUNCTION_LABELS: Record<string, string> = {
  '31001_1000': 'Wohngebäude',
  '31001_1010': 'Wohnhaus',
  '31001_1120': 'Wohn- und Geschäftsgebäude',
  '31001_2000': 'Gebäude für Wirtschaft oder Gewerbe',
  '31001_2020': 'Bürogebäude',
  '31001_2143': 'Lagerhalle',
  '31001_2463': 'Garage',
  '31001_3000': 'Gebäude für öffentliche Zwecke',
  '31001_3021': 'Allgemein bildende Schule',
  '31001_3211': 'Sport-, Turnhalle',
};

export function functionLabel(code: string): string {
  return FUNCTION_LABELS[code] ?? code;
}

/**
 * The district's buildings as a CityGML 2.0 LoD2 file in the style of
 * Hamburg's official tiles: every building a `bldg:lod2Solid` whose surface
 * members point (xlink) at the polygons of its Roof/Wall/GroundSurfaces,
 * ALKIS function codes, roof types, measuredHeight, storeys and an xAL
 * address. Coordinates in EPSG:25832 + DHHN2016, millimetres.
 *
 * @example await writeFile('buildings.gml', writeCityGml(generateDistrict()));
 */
export function writeCityGml(d: DemoDistrict): string {
  const [ox, oy] = d.origin;
  const min: Xyz = [Infinity, Infinity, Infinity], max: Xyz = [-Infinity, -Infinity, -Infinity];
  const members = d.buildings.map((b) => {
    const surfaces = buildingSurfaces(b).map((s, i) => ({
      ...s,
      polyId: `${b.id}_P${i + 1}`,
      ring: s.ring.map(([x, y, z]) => [x + ox, y + oy, z + b.groundHeightM] as Xyz),
    }));
    for (const s of surfaces) for (const p of s.ring) for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], p[k]);
      max[k] = Math.max(max[k], p[k]);
    }
    return buildingXml(b, surfaces);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Planlotse demo district: generated data, not an official city model. CC0. -->',
    '<core:CityModel xmlns:core="http://www.opengis.net/citygml/2.0" xmlns:bldg="http://www.opengis.net/citygml/building/2.0" xmlns:gen="http://www.opengis.net/citygml/generics/2.0" xmlns:gml="http://www.opengis.net/gml" xmlns:xAL="urn:oasis:names:tc:ciq:xsdschema:xAL:2.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/citygml/2.0 http://schemas.opengis.net/citygml/2.0/cityGMLBase.xsd http://www.opengis.net/citygml/building/2.0 http://schemas.opengis.net/citygml/building/2.0/building.xsd http://www.opengis.net/citygml/generics/2.0 http://schemas.opengis.net/citygml/generics/2.0/generics.xsd">',
    '  <gml:name>Planlotse-Demoquartier (generiert)</gml:name>',
    '  <gml:boundedBy>',
    `    <gml:Envelope srsName="${CITYGML_SRS}" srsDimension="3">`,
    `      <gml:lowerCorner>${fmt(min)}</gml:lowerCorner>`,
    `      <gml:upperCorner>${fmt(max)}</gml:upperCorner>`,
    '    </gml:Envelope>',
    '  </gml:boundedBy>',
    ...members,
    '</core:CityModel>',
    '',
  ].join('\n');
}

function buildingXml(b: DemoBuilding, surfaces: { kind: string; polyId: string; ring: Xyz[] }[]): string {
  const out: string[] = [];
  out.push('  <core:cityObjectMember>', `    <bldg:Building gml:id="${b.id}">`);
  out.push('      <core:creationDate>2026-01-01</core:creationDate>');
  out.push('      <gen:stringAttribute name="Gemeindeschluessel"><gen:value>02000000</gen:value></gen:stringAttribute>');
  out.push('      <gen:stringAttribute name="DatenquelleDachhoehe"><gen:value>generiert (Planlotse)</gen:value></gen:stringAttribute>');
  if (b.violation) out.push(`      <gen:stringAttribute name="DemoHinweis"><gen:value>${xmlEscape(`Absichtlicher Planverstoß: ${b.violation}`)}</gen:value></gen:stringAttribute>`);
  out.push(`      <bldg:function>${b.functionCode}</bldg:function>`);
  out.push(`      <bldg:roofType>${ROOF_TYPE_CODE[b.roof]}</bldg:roofType>`);
  out.push(`      <bldg:measuredHeight uom="urn:adv:uom:m">${b.ridgeHeightM.toFixed(2)}</bldg:measuredHeight>`);
  out.push(`      <bldg:storeysAboveGround>${b.storeys}</bldg:storeysAboveGround>`);
  out.push('      <bldg:lod2Solid>', `        <gml:Solid gml:id="${b.id}_S">`, '          <gml:exterior>', '            <gml:CompositeSurface>');
  for (const s of surfaces) out.push(`              <gml:surfaceMember xlink:href="#${s.polyId}"/>`);
  out.push('            </gml:CompositeSurface>', '          </gml:exterior>', '        </gml:Solid>', '      </bldg:lod2Solid>');
  surfaces.forEach((s, i) => {
    out.push('      <bldg:boundedBy>', `        <bldg:${s.kind} gml:id="${b.id}_${s.kind.slice(0, 1)}${i + 1}">`);
    out.push('          <bldg:lod2MultiSurface>', '            <gml:MultiSurface>', '              <gml:surfaceMember>');
    out.push(`                <gml:Polygon gml:id="${s.polyId}">`, '                  <gml:exterior>', '                    <gml:LinearRing>');
    out.push(`                      <gml:posList srsDimension="3">${s.ring.map(fmt).join(' ')}</gml:posList>`);
    out.push('                    </gml:LinearRing>', '                  </gml:exterior>', '                </gml:Polygon>');
    out.push('              </gml:surfaceMember>', '            </gml:MultiSurface>', '          </bldg:lod2MultiSurface>', `        </bldg:${s.kind}>`, '      </bldg:boundedBy>');
  });
  if (b.street && b.houseNumber) {
    out.push('      <bldg:address>', '        <core:Address>', '          <core:xalAddress>', '            <xAL:AddressDetails>', '              <xAL:Country>');
    out.push('                <xAL:CountryName>Germany</xAL:CountryName>', '                <xAL:Locality Type="Town">', '                  <xAL:LocalityName>Hamburg</xAL:LocalityName>');
    out.push('                  <xAL:Thoroughfare Type="Street">', `                    <xAL:ThoroughfareNumber>${b.houseNumber}</xAL:ThoroughfareNumber>`);
    out.push(`                    <xAL:ThoroughfareName>${xmlEscape(b.street)}</xAL:ThoroughfareName>`, '                  </xAL:Thoroughfare>', '                </xAL:Locality>');
    out.push('              </xAL:Country>', '            </xAL:AddressDetails>', '          </core:xalAddress>', '        </core:Address>', '      </bldg:address>');
  }
  out.push('    </bldg:Building>', '  </core:cityObjectMember>');
  return out.join('\n');
}

function fmt(p: readonly number[]): string {
  return p.map((v) => v.toFixed(3)).join(' ');
}
