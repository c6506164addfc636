import type { BuildingCollection } from '../model/Building';
import type { CatalogLayer } from '../model/Catalog';
import type { LoadedInputs, Need, PrepareBuildings } from './AnalysisDescriptor';
import { analysisInputs, layersFor } from './analysisInputs';

/** Where `loadInputs` gets data: a layer's GeoJSON and the buildings (with the variant applied) of the buildings layer. */
export interface InputSource {
  collection(layer: CatalogLayer): Promise<GeoJSON.FeatureCollection>;
  buildings(layer: CatalogLayer): Promise<BuildingCollection>;
  prepare?: PrepareBuildings;
}

/**
 * Loads what a kind needs (`descriptor.needs(params)`) from a layer list by
 * the role rules of `analysisInputs`: the one loader of the worker's dataset
 * store and the report CLI (which reads files instead of fetching URLs).
 * Returns the inputs and the ids of the layers read.
 *
 * @example const { inputs } = await loadInputs(catalog.layers, ANALYSES.compliance.needs({}), fileSource)
 */
export async function loadInputs(layers: readonly CatalogLayer[], needs: readonly Need[], src: InputSource): Promise<{ inputs: LoadedInputs; layers: string[] }> {
  const roles = analysisInputs(layers);
  const used = layersFor(roles, needs, layers);
  const inputs: LoadedInputs = src.prepare ? { prepare: src.prepare } : {};
  const merge = async (ls: CatalogLayer[]): Promise<GeoJSON.FeatureCollection | undefined> =>
    ls.length ? { type: 'FeatureCollection', features: (await Promise.all(ls.map((l) => src.collection(l)))).flatMap((fc) => fc.features) } : undefined;
  for (const n of needs) {
    if (n === 'buildings' || (n === 'buildings?' && roles.buildings)) inputs.buildings = await src.buildings(roles.buildings!);
    else if (n === 'buildings?') inputs.buildings = { type: 'FeatureCollection', features: [] };
    else if (n === 'zoning?') inputs.plan = await merge(roles.zoning);
    else if (n === 'sunZones') inputs.zoneLayers = await Promise.all(roles.sunZones.map(async (l) => ({ layerId: l.id, fc: await src.collection(l) })));
    else if (n === 'compliance') {
      inputs.plan = await merge(roles.zoning);
      inputs.buildingLines = await merge(roles.buildingLines);
      if (roles.parcels) inputs.parcels = await src.collection(roles.parcels);
    } else {
      const l = layers.find((x) => x.id === n.layer)!;
      (inputs.layers ??= {})[l.id] = await src.collection(l);
    }
  }
  return { inputs, layers: used.map((l) => l.id) };
}
