import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { createAppStore } from '../../../src/state';
import { StoreProvider, useAppFields } from '../../../src/ui/StoreContext';

/** Renders `read` inside a provider of `store` and returns what it rendered as text. */
function renderWith(store: ReturnType<typeof createAppStore>, read: () => string): string {
  const Probe = () => createElement('output', null, read());
  return renderToString(createElement(StoreProvider, { store, children: createElement(Probe) }));
}

describe('useAppFields', () => {
  it('reads exactly the named fields of the current state', () => {
    // A server render reads the store's initial state, so the fields are set there.
    const store = createAppStore({ lang: 'en', buildingStyle: 'height' });
    let keys: string[] = [];
    const html = renderWith(store, () => {
      const picked = useAppFields('lang', 'buildingStyle');
      keys = Object.keys(picked);
      return `${picked.lang}|${picked.buildingStyle}`;
    });
    expect(html).toBe('<output>en|height</output>');
    expect(keys).toEqual(['lang', 'buildingStyle']);
  });

  it('fails with the provider message outside a StoreProvider', () => {
    const Probe = () => createElement('output', null, useAppFields('lang').lang);
    expect(() => renderToString(createElement(Probe))).toThrow(/no StoreProvider/);
  });
});
