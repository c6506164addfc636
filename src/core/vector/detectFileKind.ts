import { decodeText, isZip } from './decodeText';
import { unzipEntries, zipEntryList } from './unzipEntries';

export type DroppedFileKind = 'xplanung' | 'citygml' | 'cityjson' | 'wfs-gml' | 'geojson' | 'shapefile' | 'unknown';

function xmlKind(head: string): DroppedFileKind {
  if (/http:\/\/www\.xplanung\.de\/xplangml\//.test(head)) return 'xplanung';
  if (/http:\/\/www\.opengis\.net\/citygml\//.test(head) || /<(\w+:)?CityModel[\s>]/.test(head)) return 'citygml';
  if (/FeatureCollection|featureMember|<(\w+:)?member[\s>]/.test(head)) return 'wfs-gml';
  return 'unknown';
}

/**
 * Decides what a dropped file is from its content, not its name:
 * XPlanGML (also an XPlanArchiv zip), CityGML, WFS/GML FeatureCollection,
 * GeoJSON, CityJSON or a zipped shapefile.
 *
 * @example detectFileKind(new TextEncoder().encode('{"type":"CityJSON"}')) // 'cityjson'
 */
export function detectFileKind(bytes: Uint8Array, name = 'file'): DroppedFileKind {
  if (isZip(bytes)) {
    // Names from the central directory; only the one GML entry is inflated, under the limits of unzipEntries.
    const names = zipEntryList(bytes, name).map((e) => e.name);
    if (names.some((n) => /\.shp$/i.test(n))) return 'shapefile';
    const gml = names.find((n) => /(^|\/)xplan\.gml$/i.test(n)) ?? names.find((n) => /\.(gml|xml)$/i.test(n));
    if (gml) return xmlKind(decodeText(unzipEntries(bytes, name, { only: (n) => n === gml })[gml].subarray(0, 8192)));
    return 'unknown';
  }
  const head = decodeText(bytes.subarray(0, 8192));
  const first = /\S/.exec(head)?.[0];
  if (first === '<') return xmlKind(head);
  if (first === '{') {
    if (/"type"\s*:\s*"CityJSON"/.test(head)) return 'cityjson';
    if (/"type"\s*:\s*"(FeatureCollection|Feature|Point|MultiPoint|LineString|MultiLineString|Polygon|MultiPolygon|GeometryCollection)"/.test(head)) return 'geojson';
    // The type member may come after a large member: look at the whole text.
    const all = decodeText(bytes);
    if (/"type"\s*:\s*"CityJSON"/.test(all)) return 'cityjson';
    if (/"type"\s*:\s*"(FeatureCollection|Feature)"/.test(all)) return 'geojson';
  }
  return 'unknown';
}
