/**
 * Keys the kiosk swallows (with Ctrl/Meta unless noted): print, save, open,
 * find, new window/tab, history, bookmarks, downloads, view source, zoom,
 * reload (F5, Ctrl+R), address bar (F6, Ctrl+L), devtools (F12,
 * Ctrl+Shift+I/J/C), caret browsing (F7) and full-screen toggle (F11). What
 * the browser keeps to itself (Ctrl+W, Ctrl+T, Alt+F4, Ctrl+N in some
 * builds) cannot be blocked by a page; the kiosk launch flags (README) take
 * care of those.
 */
const CTRL_KEYS = new Set(['p', 's', 'o', 'f', 'g', 'n', 't', 'h', 'j', 'd', 'u', 'r', 'l', 'k', 'e', 'b', '+', '-', '=', '0', 'i', 'c', 'a']);
const PLAIN_KEYS = new Set(['F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserSearch', 'BrowserHome', 'ContextMenu']);

/** Whether the kiosk blocks this key press (it leads out of the app or opens browser UI). */
export function isBlockedKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if (PLAIN_KEYS.has(e.key)) return true;
  // Alt+Left/Right/Home: history navigation.
  if (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home')) return true;
  if (!(e.ctrlKey || e.metaKey)) return false;
  const k = e.key.toLowerCase();
  // Copy and select-all stay usable inside a text field (the feedback form); everything else is blocked everywhere.
  if ((k === 'c' || k === 'a') && isTextField(e.target)) return false;
  return CTRL_KEYS.has(k);
}

function isTextField(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

/**
 * Nothing leads out of the kiosk: no context menu, no text selection
 * (outside text fields), no dragging of images or links, no dropped files,
 * no file dialogs, no links that leave the page, no new windows, no blocked
 * browser shortcuts ({@link isBlockedKey}), no pinch-zoom of the page itself
 * (the 3D view zooms instead). Returns a disposer.
 */
export function installKioskLockdown(win: Window = window): () => void {
  const doc = win.document;
  const prevent = (e: Event) => e.preventDefault();
  const onKey = (e: KeyboardEvent) => {
    if (isBlockedKey(e)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  const onSelectStart = (e: Event) => {
    if (!isTextField(e.target)) e.preventDefault();
  };
  // Links: only in-page anchors; a file input never opens its dialog.
  const onClick = (e: MouseEvent) => {
    const el = e.target as Element | null;
    const a = el?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (a && (a.origin !== win.location.origin || a.target === '_blank' || a.hasAttribute('download'))) e.preventDefault();
    if (el instanceof HTMLInputElement && el.type === 'file') e.preventDefault();
  };
  // Browser zoom by touch (two fingers on the page outside the canvas) or Ctrl+wheel.
  const onWheel = (e: WheelEvent) => {
    if (e.ctrlKey) e.preventDefault();
  };
  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['contextmenu', prevent, { capture: true }],
    ['selectstart', onSelectStart, { capture: true }],
    ['dragstart', prevent, { capture: true }],
    ['dragover', prevent, { capture: true }],
    ['drop', prevent, { capture: true }],
    ['keydown', onKey as EventListener, { capture: true }],
    ['click', onClick as EventListener, { capture: true }],
    ['auxclick', prevent, { capture: true }],
    ['wheel', onWheel as EventListener, { capture: true, passive: false }],
    ['gesturestart', prevent, { capture: true }],
  ];
  for (const [type, f, o] of listeners) win.addEventListener(type, f, o);
  // window.open from any script (a library, a stray link handler) opens nothing.
  const open = win.open;
  win.open = () => null;
  doc.documentElement.classList.add('kiosk-locked');
  return () => {
    for (const [type, f, o] of listeners) win.removeEventListener(type, f, o);
    win.open = open;
    doc.documentElement.classList.remove('kiosk-locked');
  };
}
