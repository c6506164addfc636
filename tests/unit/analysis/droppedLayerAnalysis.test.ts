import { readFileSync } from 'node:fs';
import { resolveObjectURL } from 'node:buffer';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { startAnalysisController } from '../../../src/app/analysisController';
import { startDroppedFilesController } from '../../../src/app/droppedFilesController';
import { attachConvertHandlers } from '../../../src/workers/convertHandlers';
import { RpcClient, type Endpoint } from '../../../src/workers/rpc';
import type { ConvertMessages } from '../../../src/workers/workerMessages';
import { allCatalogLayers } from '../../../src/state/selectors';
import { connectAnalysisWorker, makeStore } from './analysisTestUtils';

// End to end on a dropped file, every step the app's own: a real Hamburg B-Plan
// cut (WFS GML, EPSG:25832; tests/fixtures/real, dl-de/by-2.0) is "dropped",
// converted by the convert worker's handler over a MessageChannel, registered
// as a dropped layer with a blob: url, and used as layer A of an overlaps
// analysis that the analysis controller sends to the analysis worker's
// handler, which fetches both layers itself. Only the network is stood in for
// (the catalog layer's file); the blob: url is resolved by Node's own Blob registry.
const FILE = 'tests/fixtures/real/hh-bplan-prosin.first12.xml';
const UTM = '+proj=utm +zone=32 +ellps=GRS80 +units=m +no_defs';

/** The exterior ring of one feature, read straight from the GML text (EPSG:25832 metres), not through the readers. */
function rawRing(gml: string, gmlId: string): [number, number][] {
  const member = gml.split('<gml:featureMember>').find((m) => m.includes(`gml:id="${gmlId}"`));
  if (!member) throw new Error(`${gmlId} not in ${FILE}`);
  expect(member.match(/<gml:posList/g)).toHaveLength(1); // one ring: no holes, no second polygon
  const v = /<gml:posList[^>]*>([^<]+)</.exec(member)![1].trim().split(/\s+/).map(Number);
  const ring: [number, number][] = [];
  for (let i = 0; i < v.length; i += 2) ring.push([v[i], v[i + 1]]);
  return ring;
}

/** Shoelace area by hand (m²). */
function shoelace(ring: [number, number][]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i], [x2, y2] = ring[(i + 1) % ring.length];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

describe('an analysis on a dropped layer, end to end', () => {
  it('overlaps of a dropped real B-Plan with a catalog rectangle: the plan area equals its hand-computed shoelace area', async () => {
    const gml = readFileSync(FILE, 'utf8');
    const ring = rawRing(gml, 'APP_PROSIN_FESTGESTELLT_1');
    const expected = shoelace(ring);
    expect(expected).toBeCloseTo(136522.3, 0); // Bahrenfeld 18, as the file's coordinates give it

    // Layer B: a rectangle 10 m around the plan's extent (built in EPSG:25832, stored as WGS84 like any GeoJSON).
    const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
    const [w, s, e, n] = [Math.min(...xs) - 10, Math.min(...ys) - 10, Math.max(...xs) + 10, Math.max(...ys) + 10];
    const rect = [[w, s], [e, s], [e, n], [w, n], [w, s]].map((p) => proj4(UTM, 'WGS84', p));
    const frame: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'frame', properties: { id: 'frame', name: 'Rahmen' }, geometry: { type: 'Polygon', coordinates: [rect] } }] };

    const store = makeStore();
    store.getState().setCatalog(
      { schemaVersion: 1, id: 'd', title: { de: 'd', en: 'd' }, layers: [{ id: 'frame', title: { de: 'Rahmen', en: 'Frame' }, type: 'geojson-polygons', url: 'frame.geojson' }] } as never,
      'http://x/data/d/catalog.json',
    );
    const fetched: string[] = [];
    const analysis = connectAnalysisWorker(async (u) => {
      fetched.push(u);
      if (u.startsWith('blob:')) return JSON.parse(await resolveObjectURL(u)!.text());
      if (u === 'http://x/data/d/frame.geojson') return frame;
      throw new Error(`HTTP 404 for ${u}`);
    });
    const { port1, port2 } = new MessageChannel();
    attachConvertHandlers(port2 as unknown as Endpoint);
    const stopDrops = startDroppedFilesController(store, () => new RpcClient<ConvertMessages>(port1 as unknown as Endpoint));
    const stopAnalyses = startAnalysisController(store, analysis.rpc);
    try {
      // The drop: the file's bytes as the UI hands them over.
      const bytes = readFileSync(FILE);
      store.getState().openDroppedFiles([{ name: 'prosin.xml', size: bytes.length, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) }]);
      await new Promise<void>((resolve) => {
        const un = store.subscribe((st) => {
          if (st.droppedFiles[0]?.status !== 'done' && st.droppedFiles[0]?.status !== 'error') return;
          un();
          resolve();
        });
      });
      const file = store.getState().droppedFiles[0];
      expect(file).toMatchObject({ status: 'done', featureCount: 12 });
      const dropped = store.getState().droppedLayers;
      expect(dropped).toHaveLength(1);
      expect(dropped[0]).toMatchObject({ origin: 'dropped', role: 'plan', type: 'geojson-polygons' });
      expect(dropped[0].url.startsWith('blob:')).toBe(true);
      // One registry: the analyses see the dropped layer next to the catalog layer.
      expect(allCatalogLayers(store.getState()).map((l) => l.id)).toEqual(['frame', dropped[0].id]);

      store.getState().setAnalysisKind('overlaps');
      store.getState().setAnalysisParams({ overlapA: dropped[0].id, overlapB: 'frame' });
      store.getState().requestAnalysis();
      await new Promise<void>((resolve) => {
        const un = store.subscribe((st) => {
          if (st.analysisStatus === 'running') return;
          un();
          resolve();
        });
      });
      expect(store.getState().analysisError).toBeUndefined();
      const r = store.getState().analysisResult;
      if (r?.kind !== 'overlaps') throw new Error(`no overlaps result: ${store.getState().analysisStatus}`);
      // The worker loaded the dropped layer itself, from its blob: url.
      expect(fetched).toContain(dropped[0].url);
      // The pair's overlap polygon as the map gets it (properties rounded to the mm²).
      const pair = r.geojson.features.map((f) => f.properties as { aId: string; bId: string; areaM2: number; shareOfA: number }).find((p) => p.aId === 'APP_PROSIN_FESTGESTELLT_1' && p.bId === 'frame');
      expect(pair, `pairs: ${r.geojson.features.map((f) => f.properties?.aId).join(', ')}`).toBeDefined();
      // GML (EPSG:25832) → WGS84 in the convert worker → the analysis' EPSG:25832 frame. The converter writes
      // 8 decimals (≤ 0.56 mm north, ≤ 0.33 mm east here, so ≤ 0.65 mm per vertex): the area may move by at
      // most perimeter × 0.65 mm (first order). Measured: 0.07 m² of 136,522 m².
      let perimeter = 0;
      for (let i = 0; i < ring.length - 1; i++) perimeter += Math.hypot(ring[i + 1][0] - ring[i][0], ring[i + 1][1] - ring[i][1]);
      expect(Math.abs(pair!.areaM2 - expected)).toBeLessThan(perimeter * 0.00065);
      expect(pair!.shareOfA).toBeCloseTo(1, 6);
      expect(r.pairCount).toBe(r.geojson.features.length);
    } finally {
      stopAnalyses();
      stopDrops();
      analysis.close();
      port1.close();
      port2.close();
    }
  });
});
