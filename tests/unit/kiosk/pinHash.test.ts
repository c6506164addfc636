import { describe, expect, it } from 'vitest';
import { pbkdf2Sync } from 'node:crypto';
import { constantTimeEqual } from '../../../src/core/kiosk/constantTimeEqual';
import { derivePinKey, hashPin, PIN_DEFAULT_ITERATIONS } from '../../../src/core/kiosk/hashPin';
import { bytesToHex, hexToBytes } from '../../../src/core/kiosk/hex';
import { parseKioskConfig } from '../../../src/core/kiosk/parseKioskConfig';
import { verifyPin } from '../../../src/core/kiosk/verifyPin';
import { kioskPinCli } from '../../../scripts/kiosk/kioskPinCli';
import { validKioskJson } from './kioskFixtures';

const FAST = 100_000; // the minimum; the default (600,000) is checked once

describe('hashPin / verifyPin', () => {
  it('derives PBKDF2-HMAC-SHA256 as in RFC 7914 §11 (P="passwd", S="salt", c=1)', async () => {
    const key = await derivePinKey('passwd', new TextEncoder().encode('salt'), 1);
    // First 32 of the RFC's 64 bytes (PBKDF2 output blocks are independent).
    expect(bytesToHex(key)).toBe('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc');
  });

  it('hashes with a random 16-byte salt and matches node:crypto pbkdf2', async () => {
    const a = await hashPin('4711', { iterations: FAST });
    const b = await hashPin('4711', { iterations: FAST });
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).toBe(pbkdf2Sync('4711', Buffer.from(a.salt, 'hex'), FAST, 32, 'sha256').toString('hex'));
    const def = await hashPin('2468');
    expect(def.iterations).toBe(PIN_DEFAULT_ITERATIONS);
    expect(def.hash).toBe(pbkdf2Sync('2468', Buffer.from(def.salt, 'hex'), PIN_DEFAULT_ITERATIONS, 32, 'sha256').toString('hex'));
  });

  it('refuses PINs that are not 4–12 digits and too few iterations', async () => {
    for (const pin of ['123', '1234567890123', '12a4', ' 1234', '']) await expect(hashPin(pin, { iterations: FAST })).rejects.toThrow('4 to 12 digits');
    await expect(hashPin('1234', { iterations: 99_999 })).rejects.toThrow('at least 100000 iterations');
    await expect(hashPin('1234', { iterations: FAST, salt: new Uint8Array(8) })).rejects.toThrow('at least 16 bytes');
  });

  it('verifies the right PIN only, and is false (not an exception) for broken input', async () => {
    const stored = await hashPin('4711', { iterations: FAST });
    expect(await verifyPin('4711', stored)).toBe(true);
    for (const wrong of ['4712', '0471', '47110', '', '47 11', '４７１１']) expect(await verifyPin(wrong, stored), wrong).toBe(false);
    expect(await verifyPin('4711', { ...stored, iterations: FAST + 1 })).toBe(false);
    expect(await verifyPin('4711', { ...stored, hash: stored.hash.slice(0, 62) })).toBe(false);
    expect(await verifyPin('4711', { ...stored, salt: 'zz' + stored.salt.slice(2) })).toBe(false);
    expect(await verifyPin('4711', { ...stored, iterations: 10 })).toBe(false);
    expect(await verifyPin('4711', { ...stored, iterations: 1e12 })).toBe(false);
  });

  it('compares bytes independent of where they differ', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([0]), new Uint8Array([]))).toBe(false);
    expect(hexToBytes('0aff')).toEqual(new Uint8Array([10, 255]));
    expect(hexToBytes('0af')).toBeNull();
    expect(hexToBytes('0g')).toBeNull();
  });
});

describe('npm run kiosk-pin', () => {
  it('prints the staffPin JSON that kiosk.json accepts and verifyPin confirms', async () => {
    const r = await kioskPinCli(['4711', '--iterations', String(FAST)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('"staffPin"');
    const staffPin = JSON.parse(r.stdout);
    expect(Object.keys(staffPin)).toEqual(['salt', 'hash', 'iterations']);
    expect(await verifyPin('4711', staffPin)).toBe(true);
    expect(parseKioskConfig({ ...validKioskJson(), staffPin })).toHaveProperty('config');
  });

  it('reads the PIN from stdin when not given, and explains bad input', async () => {
    const r = await kioskPinCli(['--iterations', String(FAST)], async () => '2468\n');
    expect(await verifyPin('2468', JSON.parse(r.stdout))).toBe(true);
    expect(await kioskPinCli(['12'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('4 to 12 digits') });
    expect(await kioskPinCli([])).toMatchObject({ code: 2, stderr: expect.stringContaining('no PIN given') });
    expect(await kioskPinCli(['1234', '--iterations', '5'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--iterations 5') });
    expect(await kioskPinCli(['1234', '5678'])).toMatchObject({ code: 2, stderr: expect.stringContaining('give one PIN') });
    expect(await kioskPinCli(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('usage: npm run kiosk-pin') });
  });
});
