// Plain JavaScript (types in contentSecurityPolicy.d.mts) so that vite.config.ts
// can import it without a TypeScript loader.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Content-Security-Policy of the served app, one source for the HTTP
 * headers (`vite preview`, which `npm start` runs) and the `<meta>` tag in the
 * built index.html (for hosts that serve dist/ as plain files).
 *
 * - No inline or eval'd script: every script is a file from the app's origin.
 *   `'wasm-unsafe-eval'` lets Cesium's workers compile WebAssembly decoders
 *   (Draco, KTX2, Basis) without allowing `eval`.
 * - Workers: the app's and Cesium's workers are same-origin files; Cesium
 *   wraps some in `blob:` URLs.
 * - Data: the origin, `blob:` (dropped files become same-origin blob URLs that
 *   the scene and the worker fetch) and the hosts of the online layers the
 *   catalogs configure (OSM tiles, WMS), for both `fetch` and images.
 * - Styles: `'unsafe-inline'` only for style *attributes* and elements set by
 *   Cesium's widgets and React; no script can run from a style.
 * - Framing: `frame-ancestors 'none'` (+ `X-Frame-Options: DENY` for old
 *   browsers) so the app cannot be embedded for click-jacking. A `<meta>`
 *   policy cannot carry `frame-ancestors` (browsers ignore it there), so the
 *   meta variant leaves it out.
 */
/**
 * @param {readonly string[]} onlineOrigins
 * @param {{ meta?: boolean }} [opts]
 * @returns {string}
 */
export function contentSecurityPolicy(onlineOrigins, opts = {}) {
  const online = onlineOrigins.length ? ` ${onlineOrigins.join(' ')}` : '';
  const directives = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src 'self' blob:${online}`,
    `img-src 'self' data: blob:${online}`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(opts.meta ? [] : ["frame-ancestors 'none'"]),
  ];
  return directives.join('; ');
}

/** HTTP response headers of the served app: the CSP plus frame and sniffing protection. */
/** @param {readonly string[]} onlineOrigins @returns {Record<string, string>} */
export function securityHeaders(onlineOrigins) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(onlineOrigins),
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  };
}

/**
 * Origins of a layer URL that needs the internet: `https://tile.openstreetmap.org/{z}/{x}/{y}.png`
 * → `https://tile.openstreetmap.org`; a `{s}` subdomain template becomes a `*.` wildcard.
 * Relative URLs (the dataset's own files) give null.
 */
/** @param {string} url @returns {string | null} */
export function layerOrigin(url) {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(url);
  if (!m) return null;
  const host = m[2].replace(/^\{[a-z]+\}\./i, '*.').toLowerCase();
  if (/[{}]/.test(host)) return null;
  return `${m[1].toLowerCase()}://${host}`;
}

/** Online origins of the given layers, sorted and without duplicates. */
/** @param {readonly { url: string }[]} layers @returns {string[]} */
export function onlineOriginsOf(layers) {
  return [...new Set(layers.map((l) => layerOrigin(l.url)).filter((o) => o !== null))].sort();
}

/**
 * Online origins configured by every dataset under `dataDir` (`data/<id>/catalog.json`,
 * the catalogs the build serves, and the feedback sync endpoint of `data/<id>/kiosk.json`) plus `extraLayers`.
 */
/** @param {string} dataDir @param {readonly { url: string }[]} [extraLayers] @returns {string[]} */
export function configuredOnlineOrigins(dataDir, extraLayers = []) {
  const layers = [...extraLayers];
  if (existsSync(dataDir))
    for (const name of readdirSync(dataDir)) {
      const file = path.join(dataDir, name, 'catalog.json');
      if (!existsSync(file)) continue;
      const catalog = JSON.parse(readFileSync(file, 'utf8'));
      for (const l of catalog.layers ?? []) if (typeof l?.url === 'string') layers.push(l);
      // A kiosk's feedback sync endpoint (kiosk.json `syncEndpoint`, https://… or a same-origin path) may be POSTed to.
      const kiosk = path.join(dataDir, name, 'kiosk.json');
      if (existsSync(kiosk)) {
        try {
          const endpoint = JSON.parse(readFileSync(kiosk, 'utf8'))?.syncEndpoint;
          if (typeof endpoint === 'string') layers.push({ url: endpoint });
        } catch {
          // A broken kiosk.json is the kiosk screen's error to show; it adds no origin.
        }
      }
    }
  return onlineOriginsOf(layers);
}
