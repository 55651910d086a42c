import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { loadSamples } from '../app/commands';
import { reportError } from '../app/errors';
import { showHistoricRun } from '../app/run-events';
import { useGraph } from '../store/graph.slice';
import { useRun } from '../store/run.slice';
import { useUi } from '../store/ui.slice';

/** Earlier runs of the open flow from the ledger; opening one shows its log, changes and data. */
export function RunsPanel() {
  const { t, i18n } = useTranslation();
  const flowId = useGraph((s) => s.meta?.id);
  const liveStatus = useRun((s) => s.status);
  const viewing = useRun((s) => s.runId);
  const source = useRun((s) => s.source);
  const [runs, setRuns] = useState<RunSummary[] | null>(null);

  const load = useCallback(async () => {
    if (!flowId) return;
    try {
      setRuns(await getKoppel().invoke('runs.list', { flowId, limit: 50 }));
    } catch (e) {
      reportError(t('errors.runs'), e);
    }
  }, [flowId, t]);

  useEffect(() => {
    void load();
  }, [load, liveStatus]);

  const open = async (r: RunSummary) => {
    try {
      const detail = await getKoppel().invoke('runs.get', { runId: r.runId });
      showHistoricRun(r.runId, r.flowId, detail.events, detail.records);
      useRun.setState({ dryRun: r.dryRun });
      await loadSamples(r.runId);
      useUi.setState({ bottomTab: r.dryRun ? 'changes' : 'log' });
    } catch (e) {
      reportError(t('errors.runs'), e);
    }
  };

  const fmt = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  if (!flowId) return null;
  return (
    <div className="runs">
      <div className="panel-toolbar">
        <button type="button" className="button button-small" onClick={() => void load()}>
          {t('runs.refresh')}
        </button>
        {source === 'history' ? <span className="muted small">{t('runs.viewingHistory', { runId: viewing ?? '' })}</span> : null}
      </div>
      {runs === null ? null : runs.length === 0 ? (
        <p className="muted pad">{t('runs.none')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table" aria-label={t('runs.heading')}>
            <thead>
              <tr>
                <th scope="col">{t('runs.started')}</th>
                <th scope="col">{t('runs.status')}</th>
                <th scope="col">{t('runs.kind')}</th>
                <th scope="col">{t('runs.duration')}</th>
                <th scope="col">{t('runs.counts')}</th>
                <th scope="col">
                  <span className="sr-only">{t('form.rowActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.runId} className={r.runId === viewing ? 'is-current' : undefined}>
                  <td>{fmt(r.startedAt)}</td>
                  <td>
                    <span className={`status-pill status-${r.status}`}>{t(`runStatus.${r.status}`)}</span>
                  </td>
                  <td>{r.dryRun ? t('runs.dry') : t('runs.real')}</td>
                  <td>{r.durationMs !== undefined ? `${(r.durationMs / 1000).toFixed(1)} s` : '—'}</td>
                  <td className="small">{t('runs.countsText', { ...r.counts })}</td>
                  <td>
                    <button type="button" className="button button-small" onClick={() => void open(r)} aria-label={t('runs.open', { when: fmt(r.startedAt) })}>
                      {t('runs.show')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
