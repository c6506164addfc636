// Bench/test input generator: big CityGML files made from a real NRW LoD2 tile.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The real tile the big files are made of (../shared/data/real, read-only). */
export const REAL_LOD2_TILE = path.resolve(process.cwd(), '../shared/data/real/nrw-lod2/LoD2_32_327_5733_1_NW.gml');

/**
 * Writes a CityGML file of about `targetMB` by replicating the buildings of a real
 * NRW tile on a 1 km grid (coordinates shifted, gml:ids and xlinks made unique).
 * Kept when a file of about that size already exists (they are cached in bench/tmp).
 *
 * @example await generateCityGml('bench/tmp/lod2-200mb.gml', 200)
 */
export async function generateCityGml(file: string, targetMB: number): Promise<void> {
  if (existsSync(file) && Math.abs(statSync(file).size / 1e6 - targetMB) < targetMB * 0.05) return;
  const text = await readFile(REAL_LOD2_TILE, 'utf8');
  const first = text.indexOf('<core:cityObjectMember>');
  const last = text.lastIndexOf('</core:cityObjectMember>') + '</core:cityObjectMember>'.length;
  const head = text.slice(0, first), body = text.slice(first, last), tail = text.slice(last);
  const ws = createWriteStream(file);
  const write = (s: string) => new Promise<void>((res) => (ws.write(s) ? res() : ws.once('drain', () => res())));
  await write(head);
  let bytes = head.length;
  for (let k = 0; bytes < targetMB * 1e6; k++) {
    const dx = (k % 25) * 1000, dy = Math.floor(k / 25) * 1000;
    const copy = body
      .replace(/(gml:id="|xlink:href="#)([^"]+)"/g, `$1$2_${k}"`)
      .replace(/(<gml:(?:posList|pos|lowerCorner|upperCorner)[^>]*>)([^<]*)</g, (_m, open: string, coords: string) => {
        const v = coords.trim().split(/\s+/);
        for (let i = 0; i + 2 < v.length; i += 3) {
          v[i] = (Number(v[i]) + dx).toFixed(3);
          v[i + 1] = (Number(v[i + 1]) + dy).toFixed(3);
        }
        return `${open}${v.join(' ')}<`;
      });
    await write(copy);
    bytes += copy.length;
  }
  await write(tail);
  await new Promise<void>((res) => ws.end(() => res()));
}
