import type { DemoDistrict, Xy } from './DemoDistrict';
import { signedArea } from './ringMath';
import { functionLabel } from './writeCityGml';

/** GeoJSON with the (pre-RFC 7946) `crs` member naming EPSG:25832, as Hamburg's services deliver it. */
const CRS_MEMBER = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } };

/** File name → GeoJSON text of the planning and environment layers. */
export type VectorFiles = Record<'parcels.geojson' | 'trees.geojson' | 'playgrounds.geojson' | 'flood.geojson', string>;

/**
 * ALKIS-like parcels (Flurstücke), street trees, playgrounds and a flood
 * zone as GeoJSON in EPSG:25832 (metres, millimetre precision), exterior
 * rings counter-clockwise and closed.
 *
 * @example const files = writeVectorLayers(generateDistrict()); files['trees.geojson']
 */
export function writeVectorLayers(d: DemoDistrict): VectorFiles {
  const [ox, oy] = d.origin;
  const pos = (p: Xy) => [mm(p[0] + ox), mm(p[1] + oy)];
  const polygon = (ring: Xy[]) => {
    const ccw = signedArea(ring) > 0 ? ring : [...ring].reverse();
    return { type: 'Polygon', coordinates: [[...ccw, ccw[0]].map(pos)] };
  };
  const fc = (name: string, features: object[]) => JSON.stringify({ type: 'FeatureCollection', name, crs: CRS_MEMBER, features }, null, 1) + '\n';
  const addressOf = new Map<string, string>();
  for (const b of d.buildings) if (b.street && b.houseNumber && !addressOf.has(b.lotId)) addressOf.set(b.lotId, `${b.street} ${b.houseNumber}`);
  const buildingsOn = new Map<string, string[]>();
  for (const b of d.buildings) buildingsOn.set(b.lotId, [...(buildingsOn.get(b.lotId) ?? []), functionLabel(b.functionCode)]);
  const parcels = d.lots.map((l, i) => {
    const nr = 1200 + i;
    return {
      type: 'Feature',
      id: l.id,
      properties: {
        id: l.id,
        flstkennz: `020${'0123'}___0${String(nr).padStart(5, '0')}______`,
        gemarkung: 'Hamm',
        gemarkungsnummer: '0123',
        flurstuecksnummer: String(nr),
        amtlicheFlaecheM2: Math.round(Math.abs(signedArea(l.ring))),
        nutzung: l.use,
        lage: addressOf.get(l.id) ?? null,
        gebaeude: buildingsOn.get(l.id)?.length ?? 0,
        quelle: 'Generierte Daten (Planlotse), CC0',
      },
      geometry: polygon(l.ring),
    };
  });
  const trees = d.trees.map((t) => ({
    type: 'Feature',
    id: t.id,
    properties: {
      id: t.id, gattungArtLatein: t.species, gattungArtDeutsch: t.speciesDe, pflanzjahr: t.plantingYear,
      hoeheM: t.heightM, kronendurchmesserM: t.crownDiameterM, stammumfangCm: t.trunkCircumferenceCm, strasse: t.street ?? null,
    },
    geometry: { type: 'Point', coordinates: pos(t.p) },
  }));
  const playgrounds = d.playgrounds.map((p) => ({
    type: 'Feature',
    id: p.id,
    properties: { id: p.id, name: p.name, art: p.kind, altersgruppe: p.ageGroup, flaecheM2: Math.round(Math.abs(signedArea(p.ring))) },
    geometry: polygon(p.ring),
  }));
  const flood = [{
    type: 'Feature',
    id: 'DEMO_UESG_1',
    properties: { id: 'DEMO_UESG_1', name: 'Überschwemmungsgebiet Mühlenkanal (generiert)', art: 'festgesetztes Überschwemmungsgebiet (HQ100)', gewaesser: d.water.name },
    geometry: polygon(d.floodZone),
  }];
  return {
    'parcels.geojson': fc('Flurstuecke', parcels),
    'trees.geojson': fc('Strassenbaeume', trees),
    'playgrounds.geojson': fc('Spielplaetze', playgrounds),
    'flood.geojson': fc('Ueberschwemmungsgebiete', flood),
  };
}

function mm(v: number): number {
  return Math.round(v * 1000) / 1000;
}
