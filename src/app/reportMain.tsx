import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../core/i18n/createI18n';
import type { ReportDocument } from '../core/report/ReportDocument';
import { ReportView } from '../ui/report/ReportView';

/**
 * The report page (`report.html?doc=<url of a report.json>`): renders a
 * report document as print-ready HTML. The CLI serves the production build,
 * opens this page in Chromium and prints it with `page.pdf` once the page
 * marks itself `data-report-ready`; the app renders the same `ReportView`.
 */
async function main(): Promise<void> {
  const root = document.getElementById('report-root')!;
  const url = new URLSearchParams(location.search).get('doc');
  try {
    if (!url) throw new Error('report.html needs ?doc=<url of a report.json>');
    const r = await fetch(url);
    if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
    const doc = (await r.json()) as ReportDocument;
    if (doc.schema !== 'planlotse-report/1') throw new Error(`${url}: not a Planlotse report (schema ${String(doc.schema)})`);
    const i18n = createI18n(doc.lang);
    document.documentElement.lang = doc.lang;
    document.title = `Planlotse – ${i18n.t('report.title')} – ${doc.title.dataset[doc.lang]}`;
    createRoot(root).render(
      <I18nextProvider i18n={i18n}>
        <ReportView doc={doc} onRendered={() => document.body.setAttribute('data-report-ready', '1')} />
      </I18nextProvider>,
    );
  } catch (e) {
    root.textContent = (e as Error).message;
    root.setAttribute('data-report-error', '1');
    document.body.setAttribute('data-report-ready', '1');
  }
}
void main();
