import { CRS_DEFINITIONS, GEOGRAPHIC_CRS } from './crsDefinitions';

/** A CRS reference resolved from a file. */
export interface ParsedCrs {
  /** Horizontal CRS as `EPSG:nnnn`. */
  code: string;
  /** Vertical datum named in the reference, e.g. `DHHN2016`, `DHHN92`, `NAP`. */
  verticalDatum?: string;
  /** True when coordinates in GML are given lat,lon (EPSG geographic CRSs in URN/URL form). */
  latLonOrder: boolean;
  /** The reference as written in the file. */
  source: string;
}

const VERTICAL_EPSG: Record<string, string> = { '5783': 'DHHN92', '7837': 'DHHN2016', '5709': 'NAP', '5784': 'DHHN85', '5785': 'SNN76' };

// AdV URNs (urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH) and a few other names.
const ADV_HORIZONTAL: Record<string, string> = {
  ETRS89_UTM32: 'EPSG:25832',
  ETRS89_UTM33: 'EPSG:25833',
  ETRS89_UTM31: 'EPSG:25831',
  ETRS89_3GK3: 'EPSG:31467',
  DE_DHDN_3GK2: 'EPSG:31466',
  DE_DHDN_3GK3: 'EPSG:31467',
  DE_DHDN_3GK4: 'EPSG:31468',
  ETRS89_LAT_LON: 'EPSG:4258',
  ETRS89_LON_LAT: 'EPSG:4258',
};

/**
 * Resolves a CRS reference as found in GML `srsName`, CityJSON metadata or
 * user input: `EPSG:25832`, `urn:ogc:def:crs:EPSG::25832`,
 * `http://www.opengis.net/def/crs/EPSG/0/25832`, compound URNs
 * (`urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783`) and AdV URNs
 * (`urn:adv:crs:ETRS89_UTM32*DE_DHHN2016_NH`).
 * Returns `undefined` for a reference it cannot resolve to a known CRS.
 *
 * @example parseCrs('urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH') // { code: 'EPSG:25832', verticalDatum: 'DHHN92', latLonOrder: false }
 */
export function parseCrs(ref: string | undefined | null): ParsedCrs | undefined {
  if (!ref) return undefined;
  const source = ref.trim();
  const s = source;
  let verticalDatum: string | undefined;
  const vm = /DHHN2016|DHHN92|DHHN85|NAP|SNN76/i.exec(s);
  if (vm) verticalDatum = vm[0].toUpperCase();

  const adv = /^urn:adv:crs:([A-Za-z0-9_]+)/i.exec(s);
  if (adv) {
    const code = ADV_HORIZONTAL[adv[1].toUpperCase()];
    if (!code) return undefined;
    return { code, verticalDatum, latLonOrder: adv[1].toUpperCase() === 'ETRS89_LAT_LON', source };
  }
  // Every EPSG number in the string; the first horizontal one wins, vertical ones name the datum.
  const numbers = [...s.matchAll(/EPSG(?::[\d.]*:|::|\/\d+\/|:)(\d{4,5})/gi)].map((m) => m[1]);
  if (numbers.length === 0) {
    const bare = /^(\d{4,5})$/.exec(s);
    if (bare) numbers.push(bare[1]);
  }
  let code: string | undefined;
  for (const n of numbers) {
    if (VERTICAL_EPSG[n]) {
      verticalDatum ??= VERTICAL_EPSG[n];
      continue;
    }
    if (!code) code = `EPSG:${n}`;
  }
  // Compound 3D CRSs that stand for a horizontal one plus heights.
  const compound: Record<string, { code: string; v: string }> = {
    'EPSG:7415': { code: 'EPSG:28992', v: 'NAP' },
    'EPSG:5555': { code: 'EPSG:25832', v: 'DHHN92' },
    'EPSG:5556': { code: 'EPSG:25833', v: 'DHHN92' },
    'EPSG:25832+7837': { code: 'EPSG:25832', v: 'DHHN2016' },
  };
  if (code && compound[code]) {
    verticalDatum ??= compound[code].v;
    code = compound[code].code;
  }
  if (!code || !(code in CRS_DEFINITIONS)) return undefined;
  // "EPSG:4326" written plainly is lon,lat by GIS convention; URN/URL forms follow the EPSG axis order.
  const authorityForm = /^(urn:|https?:)/i.test(s);
  return { code, verticalDatum, latLonOrder: GEOGRAPHIC_CRS.has(code) && authorityForm, source };
}

/**
 * Resolves an ESRI/OGC WKT (a shapefile's .prj) to a known EPSG code.
 * Handles zone-prefixed UTM eastings (false easting 32 500 000 → EPSG:4647).
 */
export function parseWktCrs(wkt: string): ParsedCrs | undefined {
  const source = wkt.trim();
  const auth = /AUTHORITY\["EPSG",\s*"?(\d+)"?\]\s*\]\s*$/i.exec(source) ?? /ID\["EPSG",\s*(\d+)\]\s*\]\s*$/i.exec(source);
  if (auth && `EPSG:${auth[1]}` in CRS_DEFINITIONS) return { code: `EPSG:${auth[1]}`, latLonOrder: false, source };
  const fe = /PARAMETER\["False_Easting",\s*([\d.]+)\]/i.exec(source);
  const falseEasting = fe ? Number(fe[1]) : undefined;
  const zone = /UTM[_ ]?Zone[_ ]?(?:N)?(\d{2})N?/i.exec(source);
  const cm = /PARAMETER\["Central_Meridian",\s*([\d.]+)\]/i.exec(source);
  const etrs = /ETRS|GRS[_ ]?1980|ETRF/i.test(source);
  if (/^PROJCS/i.test(source) && etrs) {
    const z = zone ? Number(zone[1]) : cm ? Math.round((Number(cm[1]) + 183) / 6) : undefined;
    if (z === 32 && falseEasting === 32500000) return { code: 'EPSG:4647', latLonOrder: false, source };
    if (z === 33 && falseEasting === 33500000) return { code: 'EPSG:5650', latLonOrder: false, source };
    if (z && falseEasting === 500000 && `EPSG:${25800 + z}` in CRS_DEFINITIONS) return { code: `EPSG:${25800 + z}`, latLonOrder: false, source };
  }
  if (/^PROJCS/i.test(source) && /DHDN|Deutsches_Hauptdreiecksnetz|Gauss_Kruger|Gauss-Kruger/i.test(source) && cm) {
    const code = { 6: 'EPSG:31466', 9: 'EPSG:31467', 12: 'EPSG:31468' }[Number(cm[1])];
    if (code) return { code, latLonOrder: false, source };
  }
  if (/^PROJCS/i.test(source) && /Amersfoort|RD_New/i.test(source)) return { code: 'EPSG:28992', latLonOrder: false, source };
  if (/^PROJCS/i.test(source) && /Mercator_Auxiliary_Sphere|Pseudo[_ -]Mercator/i.test(source)) return { code: 'EPSG:3857', latLonOrder: false, source };
  if (/^GEOGCS/i.test(source)) return { code: /ETRS/i.test(source) ? 'EPSG:4258' : 'EPSG:4326', latLonOrder: false, source };
  return undefined;
}
