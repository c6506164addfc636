import { mkdtemp, rename, rm, mkdir, readdir, cp, chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Runs `write(tmpDir)` in a fresh temporary folder next to `outDir` and only
 * then swaps it into place, so a failed or interrupted conversion never leaves
 * half a tileset over a good one. Files already in `outDir` that `write` did
 * not produce are kept (several kinds can be converted into one dataset).
 */
export async function writeOutputAtomically<T>(outDir: string, write: (tmpDir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(path.resolve(outDir));
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(path.join(parent, `.${path.basename(outDir)}.tmp-`));
  // mkdtemp creates the folder as 0700; the dataset is served to others, so make it a normal folder.
  await chmod(tmp, 0o755);
  try {
    if (existsSync(outDir)) {
      // Carry over what is there, then let write() replace its own files.
      for (const entry of await readdir(outDir)) await cp(path.join(outDir, entry), path.join(tmp, entry), { recursive: true });
    }
    const result = await write(tmp);
    const old = existsSync(outDir) ? `${tmp}.old` : undefined;
    if (old) await rename(outDir, old);
    await rename(tmp, outDir);
    if (old) await rm(old, { recursive: true, force: true });
    return result;
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
