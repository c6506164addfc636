import { convertDroppedFile } from '../core/convert/convertDroppedFile';
import { RpcServer, type Endpoint } from './rpc';
import type { ConvertMessages } from './workerMessages';

/**
 * Serves `convertFile` (a dropped XPlanGML, WFS GML, GeoJSON, zipped
 * shapefile, CityGML/CityJSON file, converted with the CLI's readers). The
 * conversion stops at its next progress report once the request is aborted.
 */
export function attachConvertHandlers(ep: Endpoint): RpcServer<ConvertMessages> {
  return new RpcServer<ConvertMessages>(ep).register('convertFile', (req, { signal, progress }) =>
    convertDroppedFile(new Uint8Array(req.bytes), req.fileName, {
      crs: req.crs,
      onProgress: (_stage, done, total) => {
        signal.throwIfAborted();
        progress(done, total);
      },
    }),
  );
}
