import { makeCrsContext, prepareBuilding, toTileBuilding, type CrsContext } from './prepareBuilding';
import { MemoryTileStore, type TileBuildingStore } from './TileBuildingStore';
import type { ReportBuilder, ConversionReport } from '../model/ConversionReport';
import type { BuildingFeature } from '../model/Building';
import type { SourceBuilding } from '../model/SourceBuilding';
import { ConversionError } from '../model/ConversionError';

/** Options of {@link CityModelCollector}. */
export interface CityModelCollectorOptions {
  /** CRS given by the user (`--crs`); overrides the files'. */
  crs?: string;
  /**
   * Receives each footprint feature as soon as the building is prepared (a
   * CLI streams them to disk); without it they are kept in `footprints`.
   */
  onFootprint?: (f: BuildingFeature) => void;
  /** Where prepared buildings wait for tiling (default: in memory; the CLI spools them to a file). */
  store?: TileBuildingStore;
}

/**
 * Turns source buildings (from the CityGML or CityJSON reader) into prepared
 * buildings: resolves each one's CRS (option over file; unknown CRS → the
 * building is skipped with the reference in the reason), validates and
 * places it, counts it. Pure: runs in Node and in a browser worker.
 *
 * @example
 * const c = new CityModelCollector(report, { crs: 'EPSG:25832' });
 * await readCityGml(chunks, { file, report, onBuilding: (b) => c.add(b) });
 * const tileset = await buildTileset(c.store, { writeTile });
 */
export class CityModelCollector {
  /** The prepared buildings, for {@link buildTileset}. */
  readonly store: TileBuildingStore;
  /** LoDs of the converted buildings (e.g. 2, 1.2, 2.2). */
  readonly lods = new Set<number>();
  /** The first 1000 building ids (enough to recognise the data source). */
  readonly sampleIds: string[] = [];
  /** Footprints, when no `onFootprint` sink was given. */
  readonly footprints: BuildingFeature[] = [];
  /** Bbox of the source coordinates per source CRS code: [minX, minY, minZ, maxX, maxY, maxZ]. */
  readonly nativeBbox = new Map<string, [number, number, number, number, number, number]>();
  /** CRS used, as for the report (first one seen). */
  crsUsed?: ConversionReport['crs'];
  private readonly contexts = new Map<string, CrsContext | undefined>();
  private west = Infinity;
  private south = Infinity;
  private east = -Infinity;
  private north = -Infinity;
  private readonly option?: CrsContext;

  constructor(
    private readonly report: ReportBuilder,
    private readonly options: CityModelCollectorOptions = {},
  ) {
    this.store = options.store ?? new MemoryTileStore();
    if (options.crs) {
      this.option = makeCrsContext(options.crs);
      if (!this.option) throw new ConversionError({ code: 'convert.tiles.optionCrs', params: { crs: options.crs } });
    }
  }

  /** Validates and places one building; returns false when it was skipped. */
  add(b: SourceBuilding): boolean {
    let ctx = this.option;
    if (!ctx) {
      if (!this.contexts.has(b.srsName ?? '')) this.contexts.set(b.srsName ?? '', makeCrsContext(b.srsName));
      ctx = this.contexts.get(b.srsName ?? '');
    }
    if (!ctx) {
      this.report.skip({
        file: b.file,
        line: b.line,
        path: b.path,
        featureId: b.id,
        featureClass: b.featureClass,
        message: b.srsName ? { code: 'convert.tiles.unknownCrs', params: { crs: b.srsName } } : { code: 'convert.tiles.noCrs' },
      });
      return false;
    }
    const p = prepareBuilding(b, ctx, this.report);
    if (!p) return false;
    this.crsUsed ??= { code: ctx.crs.code, ...(ctx.crs.verticalDatum ? { verticalDatum: ctx.crs.verticalDatum } : {}), from: this.option ? 'option' : 'file' };
    if (this.options.onFootprint) this.options.onFootprint(p.footprint);
    else this.footprints.push(p.footprint);
    this.lods.add(p.properties.lod ?? 2);
    // A copy: the parser's id may be a slice that keeps its whole input chunk alive.
    if (this.sampleIds.length < 1000) this.sampleIds.push(copyString(p.properties.id));
    this.store.add(toTileBuilding(p));
    if (p.west < this.west) this.west = p.west;
    if (p.south < this.south) this.south = p.south;
    if (p.east > this.east) this.east = p.east;
    if (p.north > this.north) this.north = p.north;
    const nb = this.nativeBbox.get(ctx.crs.code);
    if (!nb) this.nativeBbox.set(ctx.crs.code, [...p.nativeBbox]);
    else for (let k = 0; k < 3; k++) {
      nb[k] = Math.min(nb[k], p.nativeBbox[k]);
      nb[k + 3] = Math.max(nb[k + 3], p.nativeBbox[k + 3]);
    }
    this.report.count(b.featureClass.replace(/^[^:]*:/, 'bldg:'));
    if (b.partCount) this.report.count(b.featureClass.replace(/^[^:]*:/, 'bldg:') + 'Part', b.partCount);
    return true;
  }

  /** Number of buildings converted so far. */
  get count(): number {
    return this.store.count;
  }

  /** WGS84 bbox of all buildings, or undefined when none. */
  get bbox(): [number, number, number, number] | undefined {
    return this.store.count === 0 ? undefined : [this.west, this.south, this.east, this.north];
  }
}

/** A flat copy of a string (V8 keeps a substring as a view on its parent). */
function copyString(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}
