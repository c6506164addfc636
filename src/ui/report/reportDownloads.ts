import { reportFiles, tableCsv, zipBundle } from '../../core/report/reportBundle';
import type { ReportDocument } from '../../core/report/ReportDocument';
import { reportXlsx } from '../../core/report/reportXlsx';

/** Offers bytes as a download (an object URL on a temporary link). */
export function download(name: string, bytes: Uint8Array | string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stem = (doc: ReportDocument) => `planlotse-report-${doc.title.datasetId}-${doc.title.date}`;

/** The report's exports from the browser: the same bundle writer as the CLI (the PDF comes from the print dialog). */
export const reportDownloads = {
  async zip(doc: ReportDocument) {
    const { files } = await reportFiles(doc);
    download(`${stem(doc)}.zip`, zipBundle(files, doc.provenance.createdAt), 'application/zip');
  },
  async xlsx(doc: ReportDocument) {
    download(`${stem(doc)}.xlsx`, await reportXlsx(doc.tables, { created: new Date(doc.provenance.createdAt) }), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  },
  csv(doc: ReportDocument, dialect: 'rfc4180' | 'excel-de') {
    const t = doc.tables.find((x) => x.file === 'compliance') ?? doc.tables[0];
    if (t) download(`${stem(doc)}-${t.file}${dialect === 'excel-de' ? '-excel-de' : ''}.csv`, tableCsv(t, dialect), 'text/csv;charset=utf-8');
  },
  geojson(doc: ReportDocument) {
    const fc: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: Object.entries(doc.geojson).flatMap(([layer, c]) => c.features.map((f) => ({ ...f, properties: { ...f.properties, resultLayer: layer } }))) };
    download(`${stem(doc)}.geojson`, JSON.stringify(fc), 'application/geo+json');
  },
};
