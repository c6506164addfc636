import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { FileOpenButton } from '../../../src/ui/controls/FileOpenButton';

describe('FileOpenButton', () => {
  it('renders the button and the file input with the given attributes, as the panels wrote them by hand', () => {
    const html = renderToStaticMarkup(
      createElement(FileOpenButton, {
        label: 'Datei öffnen',
        input: { className: 'visually-hidden', tabIndex: -1, 'aria-hidden': 'true', 'data-testid': 'drop-file-input', accept: '.gml,.zip', multiple: true },
        onFiles: () => {},
      }),
    );
    expect(html).toBe(
      '<button type="button" class="btn">Datei öffnen</button>' +
        '<input class="visually-hidden" tabindex="-1" aria-hidden="true" data-testid="drop-file-input" accept=".gml,.zip" multiple="" type="file"/>',
    );
  });

  it('renders a boolean data attribute and hidden as JSX does', () => {
    const html = renderToStaticMarkup(createElement(FileOpenButton, { label: 'Import', input: { hidden: true, 'data-feedback-import': true }, onFiles: () => {} }));
    expect(html).toContain('<input hidden="" data-feedback-import="true" type="file"/>');
  });
});
