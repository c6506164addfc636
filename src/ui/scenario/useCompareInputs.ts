import { useEffect, useState } from 'react';
import type { BuildingCollection } from '../../core/model/Building';
import type { CatalogLayer } from '../../core/model/Catalog';
import { useAppState } from '../StoreContext';

export interface CompareInputs {
  existing: BuildingCollection;
  hasFootprints: boolean;
  plan: GeoJSON.FeatureCollection | null;
  zones: GeoJSON.FeatureCollection | null;
  error: string | null;
}

const EMPTY: BuildingCollection = { type: 'FeatureCollection', features: [] };

async function fetchGeoJson(layer: CatalogLayer, catalogUrl: string): Promise<GeoJSON.FeatureCollection> {
  const url = new URL(layer.url, new URL(catalogUrl, window.location.href)).href;
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${layer.id}: HTTP ${r.status} for ${url}`);
  const fc = (await r.json()) as GeoJSON.FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${layer.id}: ${url} is not a GeoJSON FeatureCollection`);
  return fc;
}

/**
 * The GeoJSON layers a comparison needs, by catalog role: building
 * footprints with heights, the plan (Baugebiete) and sun zones (playgrounds,
 * green spaces). Loaded once per catalog while the compare view is open.
 */
export function useCompareInputs(active: boolean): CompareInputs | null {
  const catalog = useAppState((s) => s.catalog);
  const catalogUrl = useAppState((s) => s.catalogUrl);
  const [inputs, setInputs] = useState<CompareInputs | null>(null);
  useEffect(() => {
    if (!active || !catalog || !catalogUrl) return;
    let cancelled = false;
    const geo = (roles: CatalogLayer['role'][]) => catalog.layers.filter((l) => roles.includes(l.role) && l.type.startsWith('geojson'));
    const load = (ls: CatalogLayer[]) => Promise.all(ls.map((l) => fetchGeoJson(l, catalogUrl)));
    const footprints = geo(['buildingFootprints']);
    Promise.all([load(footprints), load(geo(['plan', 'zoning'])), load(geo(['playgrounds', 'green']))])
      .then(([b, p, z]) => {
        if (cancelled) return;
        const merge = (fcs: GeoJSON.FeatureCollection[]): GeoJSON.FeatureCollection | null => (fcs.length ? { type: 'FeatureCollection', features: fcs.flatMap((f) => f.features) } : null);
        setInputs({ existing: (merge(b) as BuildingCollection | null) ?? EMPTY, hasFootprints: footprints.length > 0, plan: merge(p), zones: merge(z), error: null });
      })
      .catch((e: unknown) => !cancelled && setInputs({ existing: EMPTY, hasFootprints: false, plan: null, zones: null, error: String((e as Error)?.message ?? e) }));
    return () => {
      cancelled = true;
    };
  }, [active, catalog, catalogUrl]);
  return inputs;
}
