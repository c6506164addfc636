import { readFile } from 'node:fs/promises';
import { CliError } from './cliError';

/**
 * Reads and parses a JSON file; every error names the file (the CLI's rule:
 * the user must see which of their files is wrong).
 *
 * @example const json = await readJsonFile('buildings.geojson');
 */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError({ code: 'cli.error.cannotRead', params: { file, detail: (e as Error).message } });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError({ code: 'cli.error.notJson', params: { file, detail: (e as Error).message } });
  }
}
