import type { Feature, Geometry } from 'geojson';

/** One layer read from a vector file: WGS84 RFC 7946 features with their original (trimmed) properties. */
export interface VectorLayer {
  /** Layer name: file base name, shapefile name or WFS feature type. */
  name: string;
  /** Source format. */
  format: 'geojson' | 'wfs-gml' | 'shapefile';
  /** Feature type (WFS `app:bezirke`) when the format has one. */
  featureType?: string;
  features: Feature<Geometry, Record<string, unknown>>[];
  /** Horizontal CRS of the source and how it was decided. */
  crs?: string;
  crsFrom?: 'file' | 'option' | 'default';
}

export interface VectorReadOptions {
  /** File name for issues. */
  file: string;
  /** `--crs`: for files that name no CRS (or an unknown one). */
  crs?: string;
}

/** Trims strings (WFS and dBASE pad them with spaces); empty strings become null. */
export function cleanValue(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  return t === '' ? null : t;
}
