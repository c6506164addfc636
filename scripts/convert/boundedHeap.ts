import { spawnSync } from 'node:child_process';
import { englishText } from '../../src/core/model/englishText';

/** Old-generation limit of the streaming CityGML conversion, MB (see README, "Performance"). */
const DEFAULT_OLD_SPACE_MB = 96;

/** V8 flags of the streaming CityGML conversion for an old-space limit in MB. */
export function boundedHeapFlags(oldSpaceMb = DEFAULT_OLD_SPACE_MB): string[] {
  return [`--max-old-space-size=${oldSpaceMb}`, '--max-semi-space-size=1'];
}

/** Set in the child so that it does not start another one. */
const CHILD_MARK = 'PLANLOTSE_CONVERT_BOUNDED';

/**
 * Runs this CLI again in a child Node process with a bounded V8 heap and returns its
 * exit code, or returns `null` when the caller should convert in this process: it is
 * that child, the kind is not streamed, the bound is turned off, or the child ran out
 * of its heap (then the conversion runs again here with Node's default heap — the
 * output folder is swapped in only at the end, so nothing half-written is left).
 *
 * Why: the streaming CityGML converter keeps little alive whatever the input
 * size (one building's XML and mesh, 150 bytes of placement per building, the tile
 * being written; the 1.5 GB bench file converts within a 48 MB old space), but with
 * default flags V8 lets the heap grow lazily while the tiles
 * are written: peak RSS rose with the input (203 MB → 168 MB, 503 MB → 226 MB,
 * 1.5 GB → 295 MB). With the old generation capped at 96 MB and a 1 MB semi-space the
 * collector runs before the heap grows: 1.5 GB of CityGML converts at about 150 MB
 * peak RSS. Only `citygml` is bounded: CityJSON, XPlanung and vector inputs are read
 * as whole documents and may need more heap than that.
 *
 * `PLANLOTSE_CONVERT_HEAP=default` turns the bound off; a number sets the old-space MB.
 *
 * `heapExceeded` says that the bound was too small, in the CLI's `--lang`.
 *
 * @example const code = rerunWithBoundedHeap(options.kind); if (code !== null) return code;
 */
export function rerunWithBoundedHeap(kind: string, env: NodeJS.ProcessEnv = process.env, heapExceeded: (mb: number) => string = (mb) => englishText({ code: 'convert.cli.heapExceeded', params: { mb } })): number | null {
  const setting = env.PLANLOTSE_CONVERT_HEAP;
  if (kind !== 'citygml' || env[CHILD_MARK] || setting === 'default') return null;
  const mb = setting && Number(setting) > 0 ? Number(setting) : DEFAULT_OLD_SPACE_MB;
  // execArgv carries the TypeScript loader (tsx) when the CLI runs from source.
  const r = spawnSync(process.execPath, [...process.execArgv, ...boundedHeapFlags(mb), ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...env, [CHILD_MARK]: '1' },
  });
  if (r.error) throw r.error;
  if (r.signal === 'SIGABRT' || r.signal === 'SIGTRAP') {
    // V8 aborts when the heap limit is reached (e.g. millions of buildings in one run).
    console.error(heapExceeded(mb));
    return null;
  }
  return r.status ?? 1;
}
