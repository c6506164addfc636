import { describe, expect, it } from 'vitest';
import { isBlockedKey } from '../../../src/app/kioskLockdown';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean } = {}, tagName = 'DIV') => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  altKey: !!mods.alt,
  target: { tagName, isContentEditable: false } as unknown as EventTarget,
});

describe('isBlockedKey', () => {
  it('blocks print, save, open, find, reload, address bar, devtools, zoom and history shortcuts', () => {
    for (const k of ['p', 's', 'o', 'f', 'r', 'l', 'u', 'j', 'P', '+', '-', '0']) expect(isBlockedKey(key(k, { ctrl: true })), `Ctrl+${k}`).toBe(true);
    expect(isBlockedKey(key('p', { meta: true }))).toBe(true);
    for (const k of ['F5', 'F6', 'F11', 'F12', 'BrowserBack', 'ContextMenu']) expect(isBlockedKey(key(k)), k).toBe(true);
    expect(isBlockedKey(key('ArrowLeft', { alt: true }))).toBe(true);
  });

  it('lets ordinary typing, arrows and copy inside a text field through', () => {
    for (const k of ['a', 'ß', 'Ä', ' ', 'Backspace', 'Enter', 'ArrowLeft', 'Escape']) expect(isBlockedKey(key(k)), k).toBe(false);
    expect(isBlockedKey(key('c', { ctrl: true }, 'TEXTAREA'))).toBe(false);
    expect(isBlockedKey(key('a', { ctrl: true }, 'INPUT'))).toBe(false);
    // Outside a text field select-all would select the page.
    expect(isBlockedKey(key('a', { ctrl: true }))).toBe(true);
  });
});
