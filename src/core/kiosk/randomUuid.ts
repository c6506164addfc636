/**
 * A random UUID v4. Uses `crypto.randomUUID` where it exists; browsers offer
 * it only in secure contexts (https, localhost), while `getRandomValues`
 * works everywhere, so a kiosk served over plain http on a LAN still gets
 * proper ids (RFC 9562 §5.4: version 4, variant 10). `c` is the crypto
 * object to use (tests pass one without `randomUUID`).
 *
 * @example randomUuid() // '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function randomUuid(c: { getRandomValues(a: Uint8Array): Uint8Array; randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
