import type { AppStore } from '../../state';

/**
 * Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z (and Ctrl+Y) redo of scenario edits,
 * Enter closes a sketch (Escape, which ends any tool, is the input router's). Ignored while typing in a field,
 * where the browser's own text undo applies.
 */
export function installScenarioShortcuts(store: AppStore, target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement | null;
    if (el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)) return;
    const s = store.getState();
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === 'z') {
      e.preventDefault();
      if (e.shiftKey) s.redoScenario();
      else s.undoScenario();
    } else if (mod && key === 'y') {
      e.preventDefault();
      s.redoScenario();
    } else if (s.tool === 'sketch' && e.key === 'Enter' && s.sketchPoints.length >= 3) {
      s.finishSketch();
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
