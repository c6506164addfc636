import { spawnSync } from 'node:child_process';

/** V8 flags of the streaming CityGML conversion (see README, "Memory"). */
export const BOUNDED_HEAP_FLAGS = ['--max-old-space-size=96', '--max-semi-space-size=1'];

/** Set in the child so it does not start another one; `PLANLOTSE_CONVERT_HEAP=default` turns the bound off. */
const CHILD_MARK = 'PLANLOTSE_CONVERT_BOUNDED';

/**
 * Runs this CLI again in a child Node process with a bounded V8 heap and returns its
 * exit code, or returns `null` when the caller should convert in this process (it is
 * that child, the kind is not streamed, or the bound is turned off).
 *
 * Why: the streaming CityGML converter keeps about 60–90 MB alive whatever the input
 * size (one building's XML and mesh, 150 bytes of placement per building, the tile
 * being written), but with default flags V8 lets the heap grow lazily while the tiles
 * are written: peak RSS rose with the input (203 MB → 168 MB, 503 MB → 226 MB,
 * 1.5 GB → 295 MB). With the old generation capped at 96 MB and a 1 MB semi-space the
 * collector runs before the heap grows: 1.5 GB of CityGML converts at about 150 MB
 * peak RSS. Only `citygml` is bounded: CityJSON, XPlanung and vector inputs are read
 * as whole documents and may need more heap than that.
 *
 * @example const code = rerunWithBoundedHeap(options.kind); if (code !== null) return code;
 */
export function rerunWithBoundedHeap(kind: string, env: NodeJS.ProcessEnv = process.env): number | null {
  if (kind !== 'citygml' || env[CHILD_MARK] || env.PLANLOTSE_CONVERT_HEAP === 'default') return null;
  // execArgv carries the TypeScript loader (tsx) when the CLI runs from source.
  const r = spawnSync(process.execPath, [...process.execArgv, ...BOUNDED_HEAP_FLAGS, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...env, [CHILD_MARK]: '1' },
  });
  if (r.error) throw r.error;
  if (r.status === null) {
    // Killed by a signal: V8 aborts when the bounded heap is not enough. The output folder is untouched (atomic swap).
    console.error(`conversion stopped (${r.signal}); if V8 reported "heap limit" above, run again with PLANLOTSE_CONVERT_HEAP=default`);
    return 1;
  }
  return r.status;
}
