import { useEffect, useRef } from 'react';
// The named export: the package's main file is a UMD bundle whose default import the production build (rollup's
// CommonJS interop) resolves to the exports object, not the class ("… .default is not a constructor").
import { SimpleKeyboard as Keyboard } from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import german from 'simple-keyboard-layouts/build/layouts/german';
import english from 'simple-keyboard-layouts/build/layouts/english';
import type { Lang } from '../../../core/i18n/Lang';

type Layout = Record<string, string[]>;

/**
 * A layout for a comment box: no tab, no ".com" key (nothing to browse to),
 * `{enter}` kept (a new line). Row order and keys otherwise as the layout
 * package's (German QWERTZ with ä ö ü ß, English QWERTY).
 */
function commentLayout(l: Layout): Layout {
  const out: Layout = {};
  for (const [name, rows] of Object.entries(l)) out[name] = rows.map((r) => r.split(' ').filter((k) => k !== '{tab}' && k !== '.com').join(' '));
  return out;
}

/** Keyboard layout per UI language; a third language adds one entry (and its package layout). */
const LAYOUTS: Record<Lang, Layout> = { de: commentLayout(german.layout), en: commentLayout(english.layout) };

/** Labels of the special keys, per language. */
const DISPLAY: Record<Lang, Record<string, string>> = {
  de: { '{bksp}': '⌫ Löschen', '{enter}': '↵', '{shift}': '⇧', '{lock}': '⇪', '{space}': 'Leerzeichen' },
  en: { '{bksp}': '⌫ Delete', '{enter}': '↵', '{shift}': '⇧', '{lock}': '⇪', '{space}': 'Space' },
};

export interface OnScreenKeyboardProps {
  value: string;
  onChange(value: string): void;
  lang: Lang;
  maxLength: number;
  /** Accessible name of the keyboard group. */
  label: string;
}

/**
 * The kiosk's on-screen keyboard: simple-keyboard (a maintained component,
 * not a hand-made one) with the German or English layout of the UI language,
 * shift for one letter and caps lock. The text lives in React state
 * (`value`); the keyboard is told about outside changes (the textarea, a reset).
 */
export function OnScreenKeyboard({ value, onChange, lang, maxLength, label }: OnScreenKeyboardProps) {
  const el = useRef<HTMLDivElement>(null);
  const kb = useRef<Keyboard | null>(null);
  const mode = useRef<'default' | 'shift' | 'lock'>('default');
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    const k = new Keyboard(el.current!, {
      layout: LAYOUTS[lang],
      display: DISPLAY[lang],
      layoutName: 'default',
      maxLength,
      mergeDisplay: true,
      preventMouseDownDefault: true,
      onChange: (input: string) => change.current(input),
      onKeyPress: (button: string) => {
        // Shift is for one letter, caps lock stays until pressed again.
        const m = mode.current;
        mode.current = button === '{lock}' ? (m === 'lock' ? 'default' : 'lock') : button === '{shift}' ? (m === 'shift' ? 'default' : 'shift') : m === 'shift' ? 'default' : m;
        kb.current?.setOptions({ layoutName: mode.current === 'default' ? 'default' : 'shift' });
      },
    });
    kb.current = k;
    return () => {
      k.destroy();
      kb.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; language and value are pushed below
  }, []);

  useEffect(() => {
    kb.current?.setOptions({ layout: LAYOUTS[lang], display: DISPLAY[lang] });
  }, [lang]);
  useEffect(() => {
    if (kb.current && kb.current.getInput() !== value) kb.current.setInput(value);
  }, [value]);

  return (
    <div
      className="osk"
      role="group"
      aria-label={label}
      data-lang={lang}
      ref={el}
    />
  );
}
