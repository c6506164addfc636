import type { ReactNode } from 'react';
import type { i18n } from 'i18next';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { AppStore } from '../state';
import { StoreProvider } from '../ui/StoreContext';

/** Renders a page's React tree into `#root` under the providers every page of the app needs: i18n and the store. */
export function renderPage(i18nInstance: i18n, store: AppStore, page: ReactNode): void {
  createRoot(document.getElementById('root')!).render(
    <I18nextProvider i18n={i18nInstance}>
      <StoreProvider store={store}>{page}</StoreProvider>
    </I18nextProvider>,
  );
}
