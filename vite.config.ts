import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { configuredOnlineOrigins, contentSecurityPolicy, securityHeaders } from './scripts/csp/contentSecurityPolicy.mjs';
import { flattenTerrainHeightsTable } from './src/viewer/flatGroundSpan.ts';

// Cesium's workers, assets (NaturalEarthII imagery, textures) and widget CSS are
// served by the app itself so that nothing is fetched from a CDN or Cesium ion.
const cesiumBuild = 'node_modules/cesium/Build/Cesium';

function buildCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function datasetFolders(): string[] {
  if (!existsSync('data')) return [];
  return readdirSync('data').filter((name) => existsSync(`data/${name}/catalog.json`));
}

// One CSP for the served app: headers from `vite preview` (and so `npm start`),
// and a <meta> copy in the built index.html for hosts that serve dist/ as files.
// The dev server sends none: Vite's HMR client needs inline script. The online
// hosts are those of the catalogs that the build copies into dist/data.
const onlineOrigins = configuredOnlineOrigins('data');

function cspMeta(): Plugin {
  return {
    name: 'planlotse-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(onlineOrigins, { meta: true }) }, injectTo: 'head-prepend' }],
  };
}

// Knockout (bundled with Cesium's widgets) finds the global object with
// `(0, eval)("this")` when it is loaded, which a CSP without 'unsafe-eval'
// refuses; `globalThis` is the same object. The app binds no knockout
// templates (all Cesium widgets are off), so nothing else of it evaluates strings.
function knockoutWithoutEval(): Plugin {
  return {
    name: 'planlotse-knockout-without-eval',
    transform(code, id) {
      if (!/knockout-[\d.]+\.js$/.test(id)) return null;
      const out = code.replace(/\(0,\s*eval\)\("this"\)/, 'globalThis');
      if (out === code) this.error(`${id}: the (0, eval)("this") of knockout was not found; the CSP needs it replaced`);
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  base: './',
  define: {
    CESIUM_BASE_URL: JSON.stringify('./cesium'),
    // Shown in a report's provenance.
    __APP_VERSION__: JSON.stringify(process.env.npm_package_version ?? JSON.parse(readFileSync('package.json', 'utf8')).version),
    __BUILD_COMMIT__: JSON.stringify(buildCommit()),
  },
  plugins: [
    react(),
    cspMeta(),
    knockoutWithoutEval(),
    viteStaticCopy({
      targets: [
        { src: `${cesiumBuild}/Workers`, dest: 'cesium' },
        { src: `${cesiumBuild}/ThirdParty`, dest: 'cesium' },
        { src: `${cesiumBuild}/Assets`, dest: 'cesium' },
        // Copied after Assets, over its original: the terrain-height table that Cesium's worker sizes ground
        // polylines from, rewritten to the app's flat ground (without it: volumes −5974 … +218 m deep at Hamburg,
        // drawn as stray dotted streaks below the lines in oblique views).
        { src: `${cesiumBuild}/Assets/approximateTerrainHeights.json`, dest: 'cesium/Assets', transform: flattenTerrainHeightsTable },
        { src: `${cesiumBuild}/Widgets`, dest: 'cesium' },
        // Converted datasets (data/demo, …) are served under ./data/.
        // Only folders with a catalog.json are datasets; sources such as data/demo-src stay out of dist/.
        ...datasetFolders().map((name) => ({ src: `data/${name}`, dest: 'data' })),
      ],
    }),
  ],
  publicDir: 'public',
  build: {
    outDir: 'dist',
    // The app and the print-ready report page (rendered by the app's report view, printed by the report CLI).
    rollupOptions: { input: { main: 'index.html', report: 'report.html' } },
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true, headers: securityHeaders(onlineOrigins) },
});
