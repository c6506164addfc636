import { describe, expect, it } from 'vitest';
import { convertDroppedFile } from '../../../src/core/convert/convertDroppedFile';
import { detectFileKind } from '../../../src/core/vector/detectFileKind';
import { attachConvertHandlers } from '../../../src/workers/convertHandlers';
import { RpcClient, type Endpoint } from '../../../src/workers/rpc';
import type { ConvertMessages } from '../../../src/workers/workerMessages';
import { hasReal, realBytes } from './realData';

describe.skipIf(!hasReal)('dropped files: kind by content, same readers as the CLI', () => {
  it.each([
    ['xplanung-hh/HafenCity7.gml', 'xplanung'],
    ['xplanung-hh/LA22.zip', 'xplanung'],
    ['hh-masterportal-wfs/districtFeatures.xml', 'wfs-gml'],
    ['hh-trees-deegree/strassenbaumkataster.gml', 'wfs-gml'],
    ['hh-cosi-geojson/features_stadtteile.json', 'geojson'],
    ['ni-glb-shapefile/GLB.zip', 'shapefile'],
    ['hh-lod2-cut/test/test_data.xml', 'citygml'],
    ['berlin-citygml2-3/Berlin_Moabit_1Bldg_v3.gml', 'citygml'],
    ['cityjson-nl/multi_lod.json', 'cityjson'],
  ])('%s is %s', (rel, kind) => {
    expect(detectFileKind(realBytes(rel), rel)).toBe(kind);
  });

  it('XPlanGML: one layer per theme file with catalog entries and the report', async () => {
    const stages: string[] = [];
    const r = await convertDroppedFile(realBytes('xplanung-hh/Rotherbaum27.gml'), 'Rotherbaum27.gml', { onProgress: (s) => stages.push(s) });
    expect(stages).toEqual(['detect', 'read', 'layers', 'done']);
    expect(r.kind).toBe('xplanung');
    const bg = r.layers.find((l) => l.layer.url === 'baugebiete.geojson')!;
    expect(bg.data.features).toHaveLength(4);
    expect(bg.layer).toMatchObject({ id: 'drop-rotherbaum27-baugebiete', style: { kind: 'planzv' }, title: { de: 'Rotherbaum27: Baugebiete (Art der baulichen Nutzung)' } });
    expect(r.report.counts.BP_BaugebietsTeilFlaeche).toBe(4);
    expect(r.report.bbox![0]).toBeCloseTo(9.9886, 3);
  });

  it('shapefile zip', async () => {
    const shp = await convertDroppedFile(realBytes('ni-glb-shapefile/GLB.zip'), 'GLB.zip');
    expect(shp.layers).toHaveLength(1);
    expect(shp.layers[0].data.features).toHaveLength(334);
    expect(shp.layers[0].layer.role).toBe('protection');
  });

  it('CityGML and CityJSON: building footprints with heights through the city-model readers', async () => {
    const gml = await convertDroppedFile(realBytes('hh-lod2-cut/test/data1/test_data.xml'), 'test_data.xml');
    expect(gml.kind).toBe('citygml');
    expect(gml.layers).toHaveLength(1);
    expect(gml.layers[0].layer).toMatchObject({ role: 'buildingFootprints', type: 'geojson-polygons' });
    expect(gml.layers[0].data.features).toHaveLength(2);
    expect(gml.layers[0].data.features.every((f) => (f.properties as { heightM: number }).heightM > 3)).toBe(true);
    // CityJSON without referenceSystem needs a CRS, as on the command line.
    const noCrs = await convertDroppedFile(realBytes('cityjson-nl/multi_lod.json'), 'multi_lod.json');
    expect(noCrs.layers).toEqual([]);
    expect(noCrs.report.issues[0].reason).toMatch(/declares no CRS/);
    const cj = await convertDroppedFile(realBytes('cityjson-nl/multi_lod.json'), 'multi_lod.json', { crs: 'EPSG:7415' });
    expect(cj.layers[0].data.features).toHaveLength(10);
  });

  it('convertFile over the one worker RPC (MessageChannel, the same handlers as convert.worker.ts): progress, result, bytes transferred, abort', async () => {
    const { port1, port2 } = new MessageChannel();
    attachConvertHandlers(port2 as unknown as Endpoint);
    const rpc = new RpcClient<ConvertMessages>(port1 as unknown as Endpoint);
    const bytes = realBytes('hh-cosi-geojson/playgroundFeatures.json').slice().buffer;
    const progress: number[] = [];
    const result = await rpc.request('convertFile', { fileName: 'playgroundFeatures.json', bytes }, { transfer: [bytes], onProgress: (d) => progress.push(d) });
    // Transferred: the page's buffer is detached.
    expect(bytes.byteLength).toBe(0);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(3);
    expect(result.layers[0].data.features).toHaveLength(100);
    expect(result.layers[0].layer.role).toBe('playgrounds');
    // Aborted before it starts: rejected, and the worker reports the request as never run.
    const again = realBytes('hh-cosi-geojson/playgroundFeatures.json').slice().buffer;
    await expect(rpc.request('convertFile', { fileName: 'p.json', bytes: again }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(rpc.inFlight).toBe(0);
    port1.close();
    port2.close();
  });
});
