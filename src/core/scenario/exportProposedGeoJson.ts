import type { BuildingCollection } from '../model/Building';
import { proposedToFeature } from './effectiveBuildings';
import type { Variant } from '../model/Scenario';

/**
 * The variant's proposed buildings as RFC 7946 GeoJSON with heights
 * (city-model properties plus `name`, `use`, `storeyHeightM`, `roofHeightM`,
 * `ridgeAzimuthDeg`), for GIS tools.
 *
 * @example
 * const text = JSON.stringify(exportProposedGeoJson(variant));
 */
export function exportProposedGeoJson(variant: Pick<Variant, 'buildings' | 'name'>): BuildingCollection & { name: string } {
  return {
    type: 'FeatureCollection',
    name: variant.name,
    features: variant.buildings.map((b) => {
      const f = proposedToFeature(b, b.groundHeightM ?? 0);
      const { roofs: _roofs, ...props } = f.properties;
      return {
        ...f,
        properties: {
          ...props,
          groundHeightM: b.groundHeightM ?? 0,
          name: b.name,
          use: b.use,
          storeyHeightM: b.storeyHeightM,
          roofHeightM: b.roof.roofHeightM,
          ridgeAzimuthDeg: b.roof.ridgeAzimuthDeg,
        } as typeof f.properties,
      };
    }),
  };
}
