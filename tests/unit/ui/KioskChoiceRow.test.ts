import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { KioskChoiceRow } from '../../../src/ui/kiosk/KioskChoiceRow';

describe('KioskChoiceRow', () => {
  it('renders a labelled group, the chosen button pressed, a disabled one disabled, no disabled attribute otherwise', () => {
    const html = renderToStaticMarkup(
      createElement(KioskChoiceRow<'a' | 'b' | 'c'>, {
        label: 'Varianten',
        choices: [{ id: 'a', text: 'Bestand' }, { id: 'b', text: 'Entwurf A', disabled: false }, { id: 'c', text: 'Entwurf B', disabled: true }],
        chosen: 'b',
        onChoose: () => {},
      }),
    );
    expect(html).toBe(
      '<div class="kiosk-row kiosk-wrap" role="group" aria-label="Varianten">' +
        '<button type="button" class="kiosk-btn kiosk-choice" aria-pressed="false">Bestand</button>' +
        '<button type="button" class="kiosk-btn kiosk-choice" aria-pressed="true">Entwurf A</button>' +
        '<button type="button" class="kiosk-btn kiosk-choice" aria-pressed="false" disabled="">Entwurf B</button>' +
        '</div>',
    );
  });
});
