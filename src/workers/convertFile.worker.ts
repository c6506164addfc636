/// <reference lib="webworker" />
// Converts a dropped file (XPlanGML, WFS GML, GeoJSON, zipped shapefile, CityGML/CityJSON footprints) with the CLI's readers.
import { convertDroppedFile } from '../core/convert/convertDroppedFile';
import type { ConvertFileMessage, ConvertFileRequest } from './convertFileProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', async (ev: MessageEvent<ConvertFileRequest>) => {
  const req = ev.data;
  if (req?.kind !== 'convert') return;
  const post = (m: ConvertFileMessage) => scope.postMessage(m);
  try {
    const result = await convertDroppedFile(new Uint8Array(req.bytes), req.fileName, {
      crs: req.crs,
      onProgress: (stage, done, total) => post({ kind: 'progress', id: req.id, stage, done, total }),
    });
    post({ kind: 'result', id: req.id, result });
  } catch (e) {
    post({ kind: 'error', id: req.id, message: e instanceof Error ? e.message : String(e) });
  }
});
