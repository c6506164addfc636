import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { existsSync, readdirSync } from 'node:fs';

// Cesium's workers, assets (NaturalEarthII imagery, textures) and widget CSS are
// served by the app itself so that nothing is fetched from a CDN or Cesium ion.
const cesiumBuild = 'node_modules/cesium/Build/Cesium';

function datasetFolders(): string[] {
  if (!existsSync('data')) return [];
  return readdirSync('data').filter((name) => existsSync(`data/${name}/catalog.json`));
}

export default defineConfig({
  base: './',
  define: {
    CESIUM_BASE_URL: JSON.stringify('./cesium'),
  },
  plugins: [
    react(),
    viteStaticCopy({
      targets: [
        { src: `${cesiumBuild}/Workers`, dest: 'cesium' },
        { src: `${cesiumBuild}/ThirdParty`, dest: 'cesium' },
        { src: `${cesiumBuild}/Assets`, dest: 'cesium' },
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
    chunkSizeWarningLimit: 8000,
    sourcemap: false,
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
});
