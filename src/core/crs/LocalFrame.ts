import { utm32ToWgs84, wgs84ToUtm32, type Xy } from './transform';

/**
 * A metric frame for analyses: EPSG:25832 minus a local origin, so that
 * coordinates stay small (float32-safe, no jitter) and areas/lengths are
 * planar UTM metres. Never do geometry in degrees.
 *
 * @example
 * const f = LocalFrame.around([9.99, 53.55]);
 * const [x, y] = f.toLocal([9.991, 53.551]); // metres east/north of the origin
 */
export class LocalFrame {
  constructor(
    /** Origin easting in EPSG:25832. */
    readonly originX: number,
    /** Origin northing in EPSG:25832. */
    readonly originY: number,
  ) {}

  /** A frame whose origin is the given WGS84 point rounded to whole metres. */
  static around(lonLat: ArrayLike<number>): LocalFrame {
    const [x, y] = wgs84ToUtm32(lonLat);
    return new LocalFrame(Math.round(x), Math.round(y));
  }

  /** [lon, lat] → local metres. */
  toLocal(lonLat: ArrayLike<number>): Xy {
    const [x, y] = wgs84ToUtm32(lonLat);
    return [x - this.originX, y - this.originY];
  }

  /** Local metres → [lon, lat]. */
  toWgs84(xy: ArrayLike<number>): Xy {
    return utm32ToWgs84([xy[0] + this.originX, xy[1] + this.originY]);
  }

  /** EPSG:25832 → local metres. */
  fromUtm(en: ArrayLike<number>): Xy {
    return [en[0] - this.originX, en[1] - this.originY];
  }

  /** Local metres → EPSG:25832. */
  toUtm(xy: ArrayLike<number>): Xy {
    return [xy[0] + this.originX, xy[1] + this.originY];
  }
}
