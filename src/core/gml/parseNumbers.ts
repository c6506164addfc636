/**
 * Whitespace-separated numbers without cutting substrings (posList text is
 * most of a CityGML file). Plain decimals with up to 15 digits are computed
 * as integer / power of ten, which rounds exactly like `Number()`; anything
 * else (exponents, long mantissas, junk) goes through `Number()` (junk → NaN).
 *
 * @example parseNumbers(" 327418.206 5733038.862 16.1 ") // [327418.206, 5733038.862, 16.1]
 */
export function parseNumbers(s: string): number[] {
  const out: number[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let c = s.charCodeAt(i);
    if (c <= 32) {
      i++;
      continue;
    }
    const start = i;
    let neg = false;
    if (c === 45 || c === 43) {
      neg = c === 45;
      c = s.charCodeAt(++i);
    }
    let mant = 0, digits = 0, frac = 0, simple = true;
    let seenDot = false;
    while (i < n) {
      c = s.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        digits++;
        if (seenDot) frac++;
      } else if (c === 46 && !seenDot) seenDot = true;
      else if (c <= 32) break;
      else simple = false;
      i++;
    }
    if (simple && digits > 0 && digits <= 15) {
      const v = frac ? mant / POW10[frac] : mant;
      out.push(neg ? -v : v);
    } else out.push(Number(s.slice(start, i)));
  }
  return out;
}

const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);
