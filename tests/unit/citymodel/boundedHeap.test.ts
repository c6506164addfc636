import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rerunWithBoundedHeap } from '../../../scripts/convert/boundedHeap';
import { REAL, hasReal, tempDir } from './citymodelTestUtils';

describe('convert CLI: streaming CityGML runs with a bounded V8 heap (issue 11 point 3)', () => {
  it('converts in this process when the kind is read whole, inside the child, or when turned off', () => {
    expect(rerunWithBoundedHeap('vector', {})).toBeNull();
    expect(rerunWithBoundedHeap('cityjson', {})).toBeNull();
    expect(rerunWithBoundedHeap('citygml', { PLANLOTSE_CONVERT_BOUNDED: '1' })).toBeNull();
    expect(rerunWithBoundedHeap('citygml', { PLANLOTSE_CONVERT_HEAP: 'default' })).toBeNull();
  });

  it.skipIf(!hasReal)('the CLI converts in a child whose heap limit is about 100 MB, with the same output as an unbounded run; a heap too small falls back to the default', async () => {
    const dir = await tempDir('planlotse-heap-');
    // Preloaded into every Node process of the run: reports each process's V8 heap limit.
    const probe = path.join(dir, 'probe.cjs');
    writeFileSync(probe, "process.stderr.write('heap-limit-mb ' + Math.round(require('v8').getHeapStatistics().heap_size_limit / 2 ** 20) + '\\n');\n");
    const input = path.join(REAL, 'nrw-lod2/LoD2_32_327_5732_1_NW.gml');
    const run = (out: string, env: Record<string, string>) =>
      spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/convert.ts', 'citygml', input, '--out', out], {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: `--require ${probe}`, ...env },
      });
    const limits = (stderr: string) => [...stderr.matchAll(/heap-limit-mb (\d+)/g)].map((m) => Number(m[1]));
    const bounded = run(path.join(dir, 'bounded'), {});
    expect(bounded.status, bounded.stderr).toBe(0);
    expect(bounded.stdout).toMatch(/citygml: converted \d+ features/);
    // Parent processes run with Node's default (≥ 1 GB here); the converting child with 96 MB old + 3 × 1 MB new space.
    expect(Math.min(...limits(bounded.stderr))).toBeLessThan(128);
    const plain = run(path.join(dir, 'plain'), { PLANLOTSE_CONVERT_HEAP: 'default' });
    expect(plain.status, plain.stderr).toBe(0);
    expect(Math.min(...limits(plain.stderr))).toBeGreaterThan(256);
    const tiles = readdirSync(path.join(dir, 'bounded', 'tiles'));
    expect(readdirSync(path.join(dir, 'plain', 'tiles'))).toEqual(tiles);
    for (const f of ['tileset.json', 'buildings.geojson', ...tiles.map((t) => `tiles/${t}`)])
      expect(readFileSync(path.join(dir, 'bounded', f)).equals(readFileSync(path.join(dir, 'plain', f))), f).toBe(true);
    // A heap too small for the job (here 2 MB): V8 stops the child, the CLI says so and converts with the default heap.
    const tiny = run(path.join(dir, 'tiny'), { PLANLOTSE_CONVERT_HEAP: '2' });
    expect(tiny.status, tiny.stderr).toBe(0);
    expect(tiny.stderr).toContain("the conversion needed more than its 2 MB heap; converting again with Node's default heap");
    expect(readFileSync(path.join(dir, 'tiny', 'tileset.json')).equals(readFileSync(path.join(dir, 'plain', 'tileset.json')))).toBe(true);
  });
});
