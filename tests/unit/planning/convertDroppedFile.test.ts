import { describe, expect, it } from 'vitest';
import { convertDroppedFile } from '../../../src/core/convert/convertDroppedFile';
import { detectFileKind } from '../../../src/core/vector/detectFileKind';
import { convertFileInWorker, type ConvertWorkerLike } from '../../../src/workers/convertFileClient';
import type { ConvertFileMessage, ConvertFileRequest } from '../../../src/workers/convertFileProtocol';
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

  it('client ↔ worker protocol: progress, result, transfer of the bytes', async () => {
    // A worker double that runs the same handler code path as convertFile.worker.ts.
    const listeners = new Set<(ev: MessageEvent<ConvertFileMessage>) => void>();
    const emit = (m: ConvertFileMessage) => listeners.forEach((l) => l({ data: m } as MessageEvent<ConvertFileMessage>));
    let transferred = 0;
    const worker: ConvertWorkerLike = {
      postMessage(req: ConvertFileRequest, transfer: Transferable[]) {
        transferred = transfer.length;
        queueMicrotask(async () => {
          const result = await convertDroppedFile(new Uint8Array(req.bytes), req.fileName, { onProgress: (stage, done, total) => emit({ kind: 'progress', id: req.id, stage, done, total }) });
          emit({ kind: 'result', id: req.id, result });
        });
      },
      addEventListener: (_t, l) => void listeners.add(l),
      removeEventListener: (_t, l) => void listeners.delete(l),
    };
    const bytes = realBytes('hh-cosi-geojson/playgroundFeatures.json');
    const progress: number[] = [];
    const result = await convertFileInWorker(worker, { name: 'playgroundFeatures.json', arrayBuffer: async () => bytes.slice().buffer }, { onProgress: (_s, d) => progress.push(d) });
    expect(transferred).toBe(1);
    expect(progress).toEqual([0, 1, 2, 3]);
    expect(result.layers[0].data.features).toHaveLength(100);
    expect(result.layers[0].layer.role).toBe('playgrounds');
    expect(listeners.size).toBe(0);
  });
});
