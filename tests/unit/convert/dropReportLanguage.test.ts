// The drop panel lists a dropped file's skipped features in the UI's language: rendered to HTML (react-dom/server)
// from a real conversion of a generated bad file, once with a German and once with an English i18n instance.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { withBlobUrls } from '../../../src/app/droppedLayerUrls';
import { convertDroppedFile } from '../../../src/core/convert/convertDroppedFile';
import { createI18n } from '../../../src/core/i18n/createI18n';
import type { Lang } from '../../../src/core/i18n/Lang';
import { createAppStore } from '../../../src/state';
import { DropZone } from '../../../src/ui/drop/DropZone';
import { DroppedFilesGroup } from '../../../src/ui/drop/DroppedFilesGroup';
import { StoreProvider } from '../../../src/ui/StoreContext';

const text = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'ok', properties: {}, geometry: { type: 'Point', coordinates: [9.99, 53.54] } },
    { type: 'Feature', id: 'null', properties: {}, geometry: null },
  ],
});

async function panel(lang: Lang, file: string, body: string): Promise<string> {
  const store = createAppStore();
  const [id] = store.getState().openDroppedFiles([new File([body], file)]);
  store.getState().droppedFileConverted(id, withBlobUrls(await convertDroppedFile(new TextEncoder().encode(body), file)));
  store.getState().setDropReportFor(id);
  // Server rendering reads a zustand store's initial state: render a store that starts where this one is now.
  const { droppedFiles, droppedLayers, dropReportFor } = store.getState();
  const view = createAppStore({ droppedFiles, droppedLayers, dropReportFor, lang });
  const tree = createElement(StoreProvider, { store: view, children: [createElement(DropZone, { key: 'z' }), createElement(DroppedFilesGroup, { key: 'g' })] });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(lang) }, tree));
}

describe('drop panel: issues in the UI language', () => {
  it('a GeoJSON feature without geometry: German in a German UI, English in an English one', async () => {
    const html = await panel('de', 'a.geojson', text);
    expect(html).toContain('Übersprungene Objekte: a.geojson');
    expect(html).toContain('Geometrie fehlt (null)');
    expect(html).not.toContain('missing geometry');
    const htmlEn = await panel('en', 'a.geojson', text);
    expect(htmlEn).toContain('missing geometry (null)');
  });

  it('a file that shows nothing names the first problem in the UI language', async () => {
    const html = await panel('de', 'b.geojson', '{"type":"Topology"}');
    expect(html).toContain('Nichts in der Datei konnte gezeigt werden: unbekannte Datei: erwartet wird XPlanGML, CityGML, WFS-GML, GeoJSON, CityJSON oder ein gezipptes Shapefile');
    expect(await panel('en', 'b.geojson', '{"type":"Topology"}')).toContain('unknown file: expected XPlanGML, CityGML, WFS GML, GeoJSON, CityJSON or a zipped shapefile');
  });
});
