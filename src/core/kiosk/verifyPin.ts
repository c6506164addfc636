import { constantTimeEqual } from './constantTimeEqual';
import { derivePinKey, PIN_MAX_ITERATIONS, PIN_MIN_ITERATIONS, PIN_PATTERN } from './hashPin';
import { hexToBytes } from './hex';
import type { KioskPinHash } from './KioskConfig';

/**
 * Checks an entered staff PIN against the stored {@link KioskPinHash}:
 * derives the key with the stored salt and iterations and compares in
 * constant time. False for a wrong PIN, for input that is not 4–12 digits
 * and for a broken stored hash (never throws for bad input; the lockout is
 * {@link pinLockout}'s job).
 *
 * @example
 * if (await verifyPin(entered, config.staffPin)) openStaffMode();
 */
export async function verifyPin(pin: string, stored: KioskPinHash): Promise<boolean> {
  const salt = hexToBytes(stored.salt), hash = hexToBytes(stored.hash);
  if (!PIN_PATTERN.test(pin) || !salt || !hash || hash.length !== 32) return false;
  if (!Number.isInteger(stored.iterations) || stored.iterations < PIN_MIN_ITERATIONS || stored.iterations > PIN_MAX_ITERATIONS) return false;
  return constantTimeEqual(await derivePinKey(pin, salt, stored.iterations), hash);
}
