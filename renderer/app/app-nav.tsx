import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchKey } from '../history/history-store';
import { useUi } from '../store/ui.slice';
import type { View } from '../store/ui.slice';

const VIEWS: readonly Exclude<View, 'wizard'>[] = ['editor', 'dashboard', 'history', 'schedules', 'connections', 'settings'];

/** The screens of the app, "New integration", and the business key search. */
export function AppNav() {
  const { t } = useTranslation();
  const view = useUi((s) => s.view);
  const [query, setQuery] = useState('');
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul className="app-nav-tabs">
        {VIEWS.map((v) => (
          <li key={v}>
            <button type="button" className={view === v ? 'nav-tab is-on' : 'nav-tab'} aria-current={view === v ? 'page' : undefined} onClick={() => useUi.setState({ view: v })} data-testid={`nav-${v}`}>
              {t(`nav.${v}`)}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className={view === 'wizard' ? 'button button-small is-on' : 'button button-small'} onClick={() => useUi.setState({ view: 'wizard' })} data-testid="nav-wizard">
        {t('nav.newIntegration')}
      </button>
      <span className="spacer" />
      <form
        role="search"
        className="key-search"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) searchKey(query);
        }}
      >
        <input type="search" value={query} placeholder={t('nav.searchPlaceholder')} aria-label={t('nav.search')} onChange={(e) => setQuery(e.target.value)} data-testid="key-search" />
        <button type="submit" className="button button-small">
          {t('nav.searchButton')}
        </button>
      </form>
    </nav>
  );
}
