import type { Catalog, CatalogLayer, LocalizedText, Viewpoint } from '../../src/core/model/Catalog';
import { utm32ToWgs84 } from '../../src/core/crs';
import type { DemoDistrict, Xy } from './DemoDistrict';

export const DEMO_ATTRIBUTION = 'Generierte Daten (Planlotse), CC0';

/** Online base maps of the demo: off by default, they need the internet. */
export const DEMO_BASEMAPS: CatalogLayer[] = [
  {
    id: 'osm',
    title: { de: 'OpenStreetMap', en: 'OpenStreetMap' },
    group: { de: 'Basiskarten', en: 'Base maps' },
    type: 'xyz',
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    defaultVisible: false,
    attribution: '© OpenStreetMap contributors, ODbL',
    online: true,
  },
  {
    id: 'hh-dop',
    title: { de: 'Luftbild Hamburg (DOP)', en: 'Hamburg aerial photo (DOP)' },
    group: { de: 'Basiskarten', en: 'Base maps' },
    type: 'wms',
    url: 'https://geodienste.hamburg.de/HH_WMS_DOP',
    wmsLayers: 'HH_WMS_DOP',
    defaultVisible: false,
    attribution: '© FHH, LGV, dl-de/by-2.0',
    online: true,
  },
];

/** Titles and groups of the demo's own layers by catalog id (others keep the converter's). */
const LAYER_TEXT: Record<string, { title?: LocalizedText; group?: LocalizedText; defaultVisible?: boolean }> = {
  buildings: { title: { de: 'Gebäude LoD2 (generiert)', en: 'Buildings LoD2 (generated)' } },
  'building-footprints': { title: { de: 'Gebäudegrundrisse (generiert)', en: 'Building footprints (generated)' } },
  parcels: { title: { de: 'Flurstücke (ALKIS-ähnlich)', en: 'Parcels (ALKIS-like)' }, group: { de: 'Planung', en: 'Planning' }, defaultVisible: false },
  trees: { title: { de: 'Straßen- und Parkbäume', en: 'Street and park trees' }, group: { de: 'Umwelt', en: 'Environment' }, defaultVisible: false },
  playgrounds: { title: { de: 'Spielplätze', en: 'Playgrounds' }, group: { de: 'Soziale Infrastruktur', en: 'Social infrastructure' }, defaultVisible: false },
  basemap: { title: { de: 'Stadtplan (Straßen, Blöcke, Wasser)', en: 'Street map (streets, blocks, water)' }, group: { de: 'Basiskarten', en: 'Base maps' }, defaultVisible: true },
  flood: { title: { de: 'Überschwemmungsgebiet Mühlenkanal', en: 'Flood zone Mühlenkanal' }, group: { de: 'Umwelt', en: 'Environment' }, defaultVisible: false },
};

/**
 * A camera looking at a local point: `distanceM` away along the view
 * direction given by heading (clockwise from north) and pitch (negative = down).
 */
export function lookAt(d: DemoDistrict, id: string, title: LocalizedText, target: Xy, targetHeightM: number, headingDeg: number, pitchDeg: number, distanceM: number): Viewpoint {
  const h = (headingDeg * Math.PI) / 180, p = (pitchDeg * Math.PI) / 180;
  const horizontal = distanceM * Math.cos(p);
  const x = target[0] - Math.sin(h) * horizontal, y = target[1] - Math.cos(h) * horizontal;
  const [lon, lat] = utm32ToWgs84([d.origin[0] + x, d.origin[1] + y]);
  return { id, title, lon: round(lon, 7), lat: round(lat, 7), height: Math.round(targetHeightM - distanceM * Math.sin(p)), headingDeg, pitchDeg };
}

/** The home view (whole district, oblique from the south-south-west) and five named views. */
export function demoViewpoints(d: DemoDistrict): { home: Viewpoint; viewpoints: Viewpoint[] } {
  const block = (id: string) => d.blocks.find((b) => b.id === id)!.rect;
  const centre = (id: string): Xy => [(block(id).x0 + block(id).x1) / 2, (block(id).y0 + block(id).y1) / 2];
  const tower = d.buildings.reduce((a, b) => (b.ridgeHeightM > a.ridgeHeightM ? b : a));
  const towerXy: Xy = [(tower.footprint[0][0] + tower.footprint[2][0]) / 2, (tower.footprint[0][1] + tower.footprint[2][1]) / 2];
  return {
    home: lookAt(d, 'home', { de: 'Gesamtes Quartier', en: 'Whole district' }, [d.width / 2, d.height / 2 + 20], 0, 10, -42, 760),
    viewpoints: [
      lookAt(d, 'park', { de: 'Mühlenpark mit Spielplatz', en: 'Mühlenpark with playground' }, centre('D1'), 0, -20, -35, 260),
      lookAt(d, 'schule', { de: 'Schule an der Lindenallee', en: 'School on Lindenallee' }, centre('B2'), 0, 10, -40, 260),
      lookAt(d, 'hochhaus', { de: 'Hochhaus am Mühlenkanal', en: 'Tower on the Mühlenkanal' }, towerXy, 25, 25, -18, 280),
      lookAt(d, 'blockrand', { de: 'Blockrand an der Lindenallee', en: 'Perimeter block on Lindenallee' }, centre('A2'), 0, 0, -55, 260),
      lookAt(d, 'villen', { de: 'Villen am Birkenstieg (Planverstöße)', en: 'Villas on Birkenstieg (plan breaches)' }, centre('C3'), 0, -10, -40, 240),
    ],
  };
}

/**
 * Turns the catalog the converters wrote into the demo's catalog: id,
 * titles, the "generated" notice, CRS and origin, viewpoints, layer titles,
 * groups and the CC0 attribution, plus the two online base maps.
 */
export function finishDemoCatalog(catalog: Catalog, d: DemoDistrict): Catalog {
  const { home, viewpoints } = demoViewpoints(d);
  const layers = catalog.layers
    .filter((l) => !DEMO_BASEMAPS.some((b) => b.id === l.id))
    .map((l) => {
      const t = LAYER_TEXT[l.id];
      return { ...l, ...(t?.title && { title: t.title }), ...(t?.group && { group: t.group }), ...(t?.defaultVisible !== undefined && { defaultVisible: t.defaultVisible }), attribution: DEMO_ATTRIBUTION };
    });
  return {
    id: 'demo',
    title: { de: 'Planlotse-Demoquartier (generiert)', en: 'Planlotse demo district (generated)' },
    notice: { de: 'Generierte Demodaten – kein amtlicher Plan', en: 'Generated demo data – not an official plan' },
    generated: true,
    crs: 'EPSG:25832',
    origin: [d.origin[0] + d.width / 2, d.origin[1] + d.height / 2],
    home,
    viewpoints,
    layers: [...layers, ...DEMO_BASEMAPS],
  };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
