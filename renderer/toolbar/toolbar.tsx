import { useTranslation } from 'react-i18next';
import { runCommand, setLanguage } from '../app/commands';
import { shortcutLabel } from '../app/shortcuts';
import type { AppCommand } from '../app/shortcuts';
import { LANGUAGES, normaliseLanguage } from '../i18n/i18n';
import { canRedo, canUndo } from '../store/history';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { useUi } from '../store/ui.slice';
import { useWorkspace } from '../store/workspace.slice';
import { Icon } from '../ui/icon';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

function ToolButton({ cmd, icon, label, disabled, primary, showLabel = true, testId }: { cmd: AppCommand; icon: string; label: string; disabled?: boolean; primary?: boolean; showLabel?: boolean; testId?: string }) {
  const key = shortcutLabel(cmd, isMac);
  return (
    <button
      type="button"
      className={primary ? 'tool-button is-primary' : 'tool-button'}
      onClick={() => void runCommand(cmd)}
      disabled={disabled}
      title={key ? `${label} (${key})` : label}
      aria-label={label}
      aria-keyshortcuts={key?.replace('⌘', 'Meta+')}
      data-testid={testId}
    >
      <Icon name={icon} />
      {showLabel ? <span>{label}</span> : null}
    </button>
  );
}

/** Run, dry run, stop, save, export, import, undo/redo, layout, connections and the language switch. */
export function Toolbar() {
  const { t } = useTranslation();
  const meta = useGraph((s) => s.meta);
  const dirty = useGraph((s) => s.dirty);
  const history = useGraph((s) => s.history);
  const running = useRun((s) => s.running && s.flowId === meta?.id);
  const runStatus = useRun((s) => s.status);
  const runDry = useRun((s) => s.dryRun);
  const busy = useUi((s) => s.busy);
  const view = useUi((s) => s.view);
  const language = useUi((s) => s.language);
  const mode = useWorkspace((s) => s.appInfo?.mode);
  const hasFlow = meta !== null;
  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="brand" aria-hidden="true" title={mode === 'web' ? t('toolbar.web') : undefined}>
        <span className="brand-mark">K</span>
        <span className="brand-name">Koppel</span>
      </div>
      <div className="flow-title">
        {hasFlow ? (
          <>
            <span className="flow-name" title={meta.description || meta.name}>
              {meta.name}
            </span>
            {dirty ? (
              <span className="dirty-dot" role="status" aria-label={t('toolbar.unsaved')} title={t('toolbar.unsaved')}>
                ●
              </span>
            ) : null}
          </>
        ) : (
          <span className="muted">{t('toolbar.noFlow')}</span>
        )}
      </div>
      <div className="tool-group">
        <ToolButton cmd="run" icon="play" label={t('toolbar.run')} disabled={!hasFlow || running || busy.run === true} primary testId="run" />
        <ToolButton cmd="dryRun" icon="flask" label={t('toolbar.dryRun')} disabled={!hasFlow || running || busy.run === true} testId="dry-run" />
        <ToolButton cmd="stop" icon="stop" label={t('toolbar.stop')} disabled={!running} testId="stop" />
        {running ? (
          <span className="run-indicator" role="status">
            <span className="spinner" aria-hidden="true" /> {runDry ? t('toolbar.dryRunning') : t('toolbar.running')}
          </span>
        ) : runStatus ? (
          <span className={`status-pill status-${runStatus}`} role="status" data-testid="run-status">
            {t(`runStatus.${runStatus}`)}
          </span>
        ) : null}
      </div>
      <div className="tool-group">
        <ToolButton cmd="save" icon="save" label={t('toolbar.save')} disabled={!hasFlow || busy.save === true} />
        <ToolButton cmd="export" icon="download" label={t('toolbar.export')} disabled={!hasFlow} showLabel={false} />
        <ToolButton cmd="import" icon="upload" label={t('toolbar.import')} showLabel={false} />
      </div>
      <div className="tool-group">
        <ToolButton cmd="undo" icon="undo" label={t('toolbar.undo')} disabled={!history || !canUndo(history)} showLabel={false} />
        <ToolButton cmd="redo" icon="redo" label={t('toolbar.redo')} disabled={!history || !canRedo(history)} showLabel={false} />
        <ToolButton cmd="autoLayout" icon="layout" label={t('toolbar.autoLayout')} disabled={!hasFlow} showLabel={false} />
        <ToolButton cmd="zoomFit" icon="fit" label={t('toolbar.zoomFit')} disabled={!hasFlow} showLabel={false} />
      </div>
      <span className="spacer" />
      <button
        type="button"
        className={view === 'connections' ? 'tool-button is-on' : 'tool-button'}
        aria-pressed={view === 'connections'}
        onClick={() => useUi.setState({ view: view === 'connections' ? 'editor' : 'connections' })}
      >
        <Icon name="plug" />
        <span>{t('toolbar.connections')}</span>
      </button>
      <label className="language">
        <Icon name="globe" />
        <span className="sr-only">{t('toolbar.language')}</span>
        <select value={language} aria-label={t('toolbar.language')} onChange={(e) => void setLanguage(normaliseLanguage(e.target.value))}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
