import type { ReactNode } from 'react';

/**
 * One numbered section of the report, a page of its own when printed
 * (`report-page`; `landscape` for the wide tables and maps): `data-section`
 * names it for the PDF step and the tests, the heading reads "<n> <title>".
 */
export function ReportPage({ section, n, title, landscape = false, children }: { section: string; n: number; title: string; landscape?: boolean; children: ReactNode }) {
  return (
    <section className={landscape ? 'report-page landscape' : 'report-page'} data-section={section}>
      <h2>
        {n} {title}
      </h2>
      {children}
    </section>
  );
}
