import type { i18n } from 'i18next';
import { createI18n } from '../core/i18n/createI18n';
import type { AppStore } from '../state';

/**
 * The page's one i18next instance (planner and kiosk alike): the store's
 * language drives it, react-i18next re-renders the UI on a change, and the
 * scene element, which is outside React, keeps its accessible name in the
 * current language.
 */
export function startPageI18n(store: AppStore, sceneEl: HTMLElement): i18n {
  const inst = createI18n(store.getState().lang);
  store.subscribe((s, prev) => s.lang !== prev.lang && void inst.changeLanguage(s.lang));
  const labelScene = () => sceneEl.setAttribute('aria-label', inst.t('scene.label'));
  labelScene();
  inst.on('languageChanged', labelScene);
  return inst;
}
