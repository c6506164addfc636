/**
 * Compares two byte arrays in time that depends only on their lengths, not
 * on where they first differ (so response timing does not reveal how much
 * of a PIN hash matched).
 *
 * @example constantTimeEqual(derived, stored) // true when equal
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
