import { useTranslation } from 'react-i18next';
import { useUi } from '../store/ui.slice';
import { useWorkspace } from '../store/workspace.slice';
import { Icon } from '../ui/icon';
import { requestOpenFlow, runCommand, setupDemo } from './commands';

/** Shown instead of the canvas while no flow is open. */
export function Welcome() {
  const { t } = useTranslation();
  const flows = useWorkspace((s) => s.flows);
  const loaded = useWorkspace((s) => s.loaded);
  const demoBusy = useUi((s) => s.busy.demo === true);
  const recent = [...flows].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 5);
  return (
    <div className="welcome">
      <div className="welcome-card">
        <h1>{t('welcome.title')}</h1>
        <p className="muted">{t('welcome.intro')}</p>
        <div className="welcome-actions">
          <button type="button" className="button is-primary" onClick={() => void runCommand('new')}>
            <Icon name="plus" size={14} /> {t('welcome.new')}
          </button>
          <button type="button" className="button" onClick={() => void runCommand('import')}>
            <Icon name="upload" size={14} /> {t('welcome.import')}
          </button>
          <button type="button" className="button" disabled={demoBusy} onClick={() => void setupDemo()}>
            <Icon name="sparkle" size={14} /> {t('welcome.demo')}
          </button>
        </div>
        {loaded && recent.length > 0 ? (
          <>
            <h2>{t('welcome.recent')}</h2>
            <ul className="recent-list">
              {recent.map((f) => (
                <li key={f.path}>
                  <button type="button" className="link-button" onClick={() => requestOpenFlow(f.path)}>
                    <Icon name="file" size={14} /> {f.name}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
