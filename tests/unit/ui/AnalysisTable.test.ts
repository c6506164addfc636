import { describe, expect, it } from 'vitest';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AnalysisTable } from '../../../src/ui/analysis/AnalysisTable';

const head = createElement(Fragment, null, createElement('th', null, 'Name'), createElement('th', null, 'h'));
const row = createElement('tr', { key: 'a' }, createElement('td', null, 'A'), createElement('td', null, '3'));

describe('AnalysisTable', () => {
  it('renders wrapper, table attributes, caption first, column widths, one header row and the rows', () => {
    const html = renderToStaticMarkup(createElement(AnalysisTable, { table: { className: 'analysis-table fixed', 'data-analysis-zones': 'spielplatz' }, caption: 'Spielplätze', widths: ['wide', ''], head, children: [row] }));
    expect(html).toBe(
      '<div class="analysis-table-wrap"><table class="analysis-table fixed" data-analysis-zones="spielplatz"><caption>Spielplätze</caption>' +
        '<colgroup><col class="wide"/><col/></colgroup><thead><tr><th>Name</th><th>h</th></tr></thead><tbody><tr><td>A</td><td>3</td></tr></tbody></table></div>',
    );
  });

  it('has no caption element without a caption', () => {
    const html = renderToStaticMarkup(createElement(AnalysisTable, { table: { 'data-sun-points': '' }, widths: [], head, children: [row] }));
    expect(html).not.toContain('<caption');
    expect(html).toContain('<table data-sun-points=""><colgroup></colgroup><thead>');
  });
});
