import type { KioskPinHash } from './KioskConfig';
import { bytesToHex } from './hex';

/** PBKDF2 iterations written by default (OWASP 2023 for PBKDF2-HMAC-SHA256); at least 100,000 are accepted. */
export const PIN_DEFAULT_ITERATIONS = 600_000;
/** Fewest iterations {@link hashPin} writes and a kiosk.json may hold. */
export const PIN_MIN_ITERATIONS = 100_000;
/** Most iterations a stored hash may ask for (a hostile kiosk.json must not freeze the PIN pad). */
export const PIN_MAX_ITERATIONS = 10_000_000;
/** A staff PIN: 4 to 12 digits (the kiosk's PIN pad has digits only). */
export const PIN_PATTERN = /^[0-9]{4,12}$/;

const SALT_BYTES = 16;
const KEY_BITS = 256;

/**
 * Hashes a staff PIN for kiosk.json: PBKDF2-HMAC-SHA256 over the PIN's
 * UTF-8 bytes with a random 16-byte salt (WebCrypto, so the same code runs
 * in Node ≥ 20 and the browser). Throws for a PIN that is not 4–12 digits or
 * fewer than {@link PIN_MIN_ITERATIONS} iterations (programmer errors: the
 * CLI checks its argument first). Pass `salt` only for reproducible output
 * (the demo's documented PIN); real kiosks get a random one.
 *
 * @example
 * const staffPin = await hashPin('4711'); // { salt: '9f…', hash: '3c…', iterations: 600000 }
 */
export async function hashPin(pin: string, o: { iterations?: number; salt?: Uint8Array } = {}): Promise<KioskPinHash> {
  if (!PIN_PATTERN.test(pin)) throw new Error('hashPin: a staff PIN has 4 to 12 digits');
  const iterations = o.iterations ?? PIN_DEFAULT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < PIN_MIN_ITERATIONS) throw new Error(`hashPin: at least ${PIN_MIN_ITERATIONS} iterations, got ${iterations}`);
  const salt = o.salt ?? globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  if (salt.length < SALT_BYTES) throw new Error(`hashPin: the salt needs at least ${SALT_BYTES} bytes`);
  const key = await derivePinKey(pin, salt, iterations);
  return { salt: bytesToHex(salt), hash: bytesToHex(key), iterations };
}

/** PBKDF2-HMAC-SHA256 of `pin` (UTF-8) → 32 bytes. Throws where WebCrypto is missing (not a secure context). */
export async function derivePinKey(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  // Browsers offer WebCrypto only in secure contexts; say so instead of failing on `undefined`.
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available: serve the kiosk over https or from localhost (a secure context)');
  const material = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, material, KEY_BITS);
  return new Uint8Array(bits);
}
