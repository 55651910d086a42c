import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestOpenFlow, runCommand } from '../app/commands';
import { useGraph } from '../store/graph.slice';
import { useUi } from '../store/ui.slice';
import { useWorkspace } from '../store/workspace.slice';
import { Icon } from '../ui/icon';

/** The flow library: every flow in KOPPEL_HOME/flows, open, new, delete. */
export function FlowLibrary() {
  const { t } = useTranslation();
  const flows = useWorkspace((s) => s.flows);
  const openPath = useGraph((s) => s.path);
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return [...flows].filter((f) => q === '' || f.name.toLowerCase().includes(q)).sort((a, b) => a.name.localeCompare(b.name));
  }, [flows, filter]);
  return (
    <section className="library" aria-labelledby="library-heading">
      <div className="panel-heading">
        <h2 id="library-heading">{t('library.heading')}</h2>
        <button type="button" className="icon-button" aria-label={t('library.new')} title={t('library.new')} onClick={() => void runCommand('new')}>
          <Icon name="plus" />
        </button>
      </div>
      {flows.length > 5 ? (
        <div className="search-box">
          <Icon name="search" size={14} />
          <input id="flow-library-search" type="search" value={filter} placeholder={t('library.search')} aria-label={t('library.search')} onChange={(e) => setFilter(e.target.value)} />
        </div>
      ) : (
        <span id="flow-library-search" tabIndex={-1} />
      )}
      <ul className="library-list" aria-label={t('library.heading')}>
        {shown.map((f) => (
          <li key={f.path} className={f.path === openPath ? 'library-item is-open' : 'library-item'}>
            <button type="button" className="library-open" onClick={() => requestOpenFlow(f.path)} aria-label={t('library.open', { name: f.name })} aria-current={f.path === openPath ? 'true' : undefined} title={f.description || f.path}>
              <Icon name="file" size={14} />
              <span className="library-name">{f.name}</span>
              {f.problems > 0 ? (
                <span className="badge badge-error" aria-label={t('library.problems', { count: f.problems })} title={t('library.problems', { count: f.problems })}>
                  {f.problems}
                </span>
              ) : null}
            </button>
            <button
              type="button"
              className="icon-button library-delete"
              aria-label={t('library.delete', { name: f.name })}
              title={t('library.delete', { name: f.name })}
              onClick={() => useUi.setState({ dialog: { kind: 'confirm', action: { kind: 'deleteFlow', path: f.path, name: f.name } } })}
            >
              <Icon name="trash" size={14} />
            </button>
          </li>
        ))}
      </ul>
      {flows.length === 0 ? <p className="muted small pad">{t('library.empty')}</p> : null}
    </section>
  );
}
