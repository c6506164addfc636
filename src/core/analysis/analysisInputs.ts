import { CodedError } from '../i18n/Message';
import type { CatalogLayer } from '../model/Catalog';
import type { Need } from './AnalysisDescriptor';

/**
 * The layers every analysis consumer reads, chosen by catalog role — one rule
 * set for the panel, the variant comparison and (with files instead of
 * layers) the CLI:
 * - buildings: the first `buildingFootprints` GeoJSON layer, else the first
 *   `buildings` GeoJSON layer (a 3D Tiles city model cannot be analysed);
 * - sun zones (per-polygon sun-hour statistics): `playgrounds`, `green`,
 *   `parcels` polygon layers;
 * - compliance: the Baugebiete are the `zoning` layers, else the `plan`
 *   layers (an XPlanung conversion writes both, and its `plan` layer is the
 *   plan's outline without limits; a plan from a vector file or a small
 *   dataset has only `plan`, with the Baugebiete in it), Baugrenzen are
 *   `buildingLines` and `buildableArea` layers, parcels the first `parcels`
 *   layer;
 * - overlaps: any two polygon layers, by id (`polygonLayers` lists them; not the `base` map).
 * Only GeoJSON layers count (a 3D Tiles `tileset.json` also ends in .json).
 */
export interface AnalysisInputLayers {
  buildings: CatalogLayer | undefined;
  sunZones: CatalogLayer[];
  zoning: CatalogLayer[];
  buildingLines: CatalogLayer[];
  parcels: CatalogLayer | undefined;
  polygonLayers: CatalogLayer[];
}

const isGeoJson = (l: CatalogLayer) => l.type !== '3dtiles' && l.type.startsWith('geojson');

/**
 * Picks the analysis inputs from the layer registry (`allCatalogLayers`), so
 * dropped layers with a role count like catalog layers.
 *
 * @example analysisInputs(allCatalogLayers(state)).buildings?.url
 */
export function analysisInputs(layers: readonly CatalogLayer[]): AnalysisInputLayers {
  const geo = layers.filter(isGeoJson);
  const byRole = (...roles: NonNullable<CatalogLayer['role']>[]) => geo.filter((l) => l.role !== undefined && roles.includes(l.role));
  return {
    buildings: byRole('buildingFootprints')[0] ?? byRole('buildings')[0],
    sunZones: byRole('playgrounds', 'green', 'parcels').filter((l) => l.type === 'geojson-polygons'),
    zoning: byRole('zoning').length ? byRole('zoning') : byRole('plan').filter((l) => l.type === 'geojson-polygons'),
    buildingLines: byRole('buildingLines', 'buildableArea'),
    parcels: byRole('parcels')[0],
    // A base map's blocks are scenery, not a layer to intersect.
    polygonLayers: geo.filter((l) => l.type === 'geojson-polygons' && l.role !== 'base'),
  };
}

/** The catalog layers a kind's needs resolve to (their ids are shown under the result). */
export function layersFor(inputs: AnalysisInputLayers, needs: readonly Need[], all: readonly CatalogLayer[]): CatalogLayer[] {
  const out: CatalogLayer[] = [];
  for (const n of needs) {
    if (n === 'buildings') {
      if (!inputs.buildings) throw new CodedError({ code: 'analysis.noFootprints' });
      out.push(inputs.buildings);
    } else if (n === 'buildings?') out.push(...(inputs.buildings ? [inputs.buildings] : []));
    else if (n === 'zoning?') out.push(...inputs.zoning);
    else if (n === 'sunZones') out.push(...inputs.sunZones);
    else if (n === 'compliance') {
      if (!inputs.zoning.length) throw new CodedError({ code: 'analysis.noZoning' });
      out.push(...inputs.zoning, ...inputs.buildingLines, ...(inputs.parcels ? [inputs.parcels] : []));
    } else {
      const l = all.find((x) => x.id === n.layer);
      if (!l) throw new Error(`layer "${n.layer}" is not in this dataset`);
      out.push(l);
    }
  }
  return [...new Set(out)];
}
