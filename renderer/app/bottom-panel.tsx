import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LogPane } from '../logs/log-pane';
import { ChangesPanel } from '../preview/changes-panel';
import { PreviewPanel } from '../preview/preview-panel';
import { RunsPanel } from '../runs/runs-panel';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { useUi } from '../store/ui.slice';
import type { BottomTab } from '../store/ui.slice';
import { ProblemsPanel } from './problems-panel';

const TABS: readonly BottomTab[] = ['log', 'problems', 'preview', 'changes', 'runs'];

/** Log, problems, data preview, dry-run changes and run history below the canvas. */
export function BottomPanel() {
  const { t } = useTranslation();
  const tab = useUi((s) => s.bottomTab);
  const problems = useGraph((s) => s.problems.length);
  const lines = useRun((s) => s.logs.length);
  const planned = useRun((s) => s.records.length);
  const badge: Partial<Record<BottomTab, number>> = { problems, log: lines, changes: planned };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
    if (!next) return;
    e.preventDefault();
    useUi.setState({ bottomTab: next });
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <section className="bottom-panel" aria-label={t('bottom.heading')}>
      <div className="tabs" role="tablist" aria-label={t('bottom.heading')} onKeyDown={onKeyDown}>
        {TABS.map((k) => (
          <button
            key={k}
            id={`tab-${k}`}
            type="button"
            role="tab"
            aria-selected={tab === k}
            aria-controls={`tabpanel-${k}`}
            tabIndex={tab === k ? 0 : -1}
            className={tab === k ? 'tab is-active' : 'tab'}
            onClick={() => useUi.setState({ bottomTab: k })}
          >
            {t(`bottom.${k}`)}
            {badge[k] ? <span className={k === 'problems' ? 'tab-badge badge-error' : 'tab-badge'}>{badge[k] > 99999 ? '99k+' : badge[k]}</span> : null}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'log' ? <LogPane /> : null}
        {tab === 'problems' ? <ProblemsPanel /> : null}
        {tab === 'preview' ? <PreviewPanel /> : null}
        {tab === 'changes' ? <ChangesPanel /> : null}
        {tab === 'runs' ? <RunsPanel /> : null}
      </div>
    </section>
  );
}
