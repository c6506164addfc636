import { hashPin, PIN_DEFAULT_ITERATIONS, PIN_MAX_ITERATIONS, PIN_MIN_ITERATIONS, PIN_PATTERN } from '../../src/core/kiosk/hashPin';

export const KIOSK_PIN_USAGE = `usage: npm run kiosk-pin -- <PIN> [--iterations <n>]
Prints the salted PBKDF2-SHA256 hash of a staff PIN (4–12 digits) as the JSON value of "staffPin" in data/<dataset>/kiosk.json.
Without <PIN> it is read from standard input (keeps it out of the shell history).`;

/**
 * `npm run kiosk-pin -- <PIN> [--iterations n]`: the hash of a staff PIN as
 * the JSON to paste into kiosk.json. Returns the exit code and the texts for
 * stdout/stderr (so tests run it without a child process).
 *
 * @example await kioskPinCli(['4711']) // { code: 0, stdout: '{\n  "salt": …', stderr: '…' }
 */
export async function kioskPinCli(argv: string[], stdin: () => Promise<string> = async () => ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const usage = (problem: string) => ({ code: 2, stdout: '', stderr: `${problem}\n${KIOSK_PIN_USAGE}\n` });
  let iterations = PIN_DEFAULT_ITERATIONS;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { code: 0, stdout: `${KIOSK_PIN_USAGE}\n`, stderr: '' };
    if (a === '--iterations') {
      iterations = Number(argv[++i]);
      if (!Number.isInteger(iterations) || iterations < PIN_MIN_ITERATIONS || iterations > PIN_MAX_ITERATIONS) return usage(`--iterations ${argv[i]}: give a whole number from ${PIN_MIN_ITERATIONS} to ${PIN_MAX_ITERATIONS}`);
    } else if (a.startsWith('-')) return usage(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length > 1) return usage('give one PIN');
  const pin = rest.length === 1 ? rest[0] : (await stdin()).trim();
  if (!PIN_PATTERN.test(pin)) return usage(pin === '' ? 'no PIN given' : 'a staff PIN has 4 to 12 digits (0–9)');
  const staffPin = await hashPin(pin, { iterations });
  return {
    code: 0,
    stdout: `${JSON.stringify(staffPin, null, 2)}\n`,
    stderr: `Paste this as "staffPin" into data/<dataset>/kiosk.json (the PIN itself is not stored anywhere).\n`,
  };
}
