import type { Context, ReactNode } from 'react';
import type { i18n } from 'i18next';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { AppStore } from '../state';
import { StoreProvider } from '../ui/StoreContext';

/** The page's app service (report builder, kiosk feedback) and the React context its components read it from. */
export interface PageService<T> {
  context: Context<T>;
  value: T;
}

/**
 * Renders a page's React tree into `#root` under the providers every page of
 * the app has: i18n, the store, and the page's one app service.
 */
export function renderPage<T>(i18nInstance: i18n, store: AppStore, service: PageService<T>, page: ReactNode): void {
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18nInstance}>
      <StoreProvider store={store}>
        <service.context.Provider value={service.value}>{page}</service.context.Provider>
      </StoreProvider>
    </I18nextProvider>,
  );
}
