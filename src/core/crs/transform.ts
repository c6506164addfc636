import proj4 from 'proj4';
import { registerCrsDefinitions, isKnownCrs } from './crsDefinitions';

export type Xy = [number, number];

/** Returns a function that maps [x, y] in `from` to [x, y] in `to` (lon, lat for geographic CRSs). */
export function makeTransform(from: string, to: string): (p: ArrayLike<number>) => Xy {
  registerCrsDefinitions();
  if (!isKnownCrs(from)) throw new Error(`Unknown CRS ${from}`);
  if (!isKnownCrs(to)) throw new Error(`Unknown CRS ${to}`);
  if (from === to) return (p) => [p[0], p[1]];
  const conv = proj4(from, to);
  return (p) => {
    const r = conv.forward([p[0], p[1]]);
    return [r[0], r[1]];
  };
}

/** [lon, lat] (WGS84) → EPSG:25832 [easting, northing]. */
export function wgs84ToUtm32(lonLat: ArrayLike<number>): Xy {
  return toUtm32(lonLat);
}
const toUtm32 = lazy(() => makeTransform('EPSG:4326', 'EPSG:25832'));
const fromUtm32 = lazy(() => makeTransform('EPSG:25832', 'EPSG:4326'));

/** EPSG:25832 [easting, northing] → [lon, lat] (WGS84). */
export function utm32ToWgs84(en: ArrayLike<number>): Xy {
  return fromUtm32(en);
}

function lazy(make: () => (p: ArrayLike<number>) => Xy): (p: ArrayLike<number>) => Xy {
  let f: ((p: ArrayLike<number>) => Xy) | undefined;
  return (p) => (f ??= make())(p);
}
