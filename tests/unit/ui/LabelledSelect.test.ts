import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { LabelledSelect } from '../../../src/ui/controls/LabelledSelect';

describe('LabelledSelect', () => {
  it('renders the label, the select with its attributes and one option per choice, the value selected', () => {
    const html = renderToStaticMarkup(
      createElement(LabelledSelect<'low' | 'high'>, {
        label: 'Qualität',
        value: 'high',
        options: ['low', 'high'],
        optionText: (o) => (o === 'low' ? 'niedrig' : 'hoch'),
        onChoose: () => {},
        select: { disabled: true, 'data-testid': 'q' },
      }),
    );
    expect(html).toBe('<label class="field"><span>Qualität</span><select disabled="" data-testid="q"><option value="low">niedrig</option><option value="high" selected="">hoch</option></select></label>');
  });
});
