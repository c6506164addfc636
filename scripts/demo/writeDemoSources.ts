import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DemoDistrict } from './DemoDistrict';
import { Random } from './random';
import { writeCityGml } from './writeCityGml';
import { writeXPlanGml } from './writeXPlanGml';
import { writeVectorLayers } from './writeVectorLayers';
import { writeBaseMap } from './writeBaseMap';

/** The source files of the demo district, file name → text. */
export function demoSourceFiles(d: DemoDistrict): Record<string, string> {
  return {
    'buildings.gml': writeCityGml(d),
    'bplan.gml': writeXPlanGml(d, new Random(d.seed).fork('xplan-ids')),
    ...writeVectorLayers(d),
    ...writeBaseMap(d),
  };
}

/** Writes the source files into `dir` (created if missing); returns their paths. */
export async function writeDemoSources(d: DemoDistrict, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = demoSourceFiles(d);
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    await writeFile(file, text);
    written.push(file);
  }
  return written;
}
