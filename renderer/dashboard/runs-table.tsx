import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../host/contract';
import { openRun } from '../history/history-store';
import { formatDateTime, formatDuration } from './format';
import { RunStatusPill } from './status-pill';

type RunRow = ChannelOutput<'dashboard.overview'>['runs'][number];

/** Last runs with status, duration and counts; a row opens the run's detail. */
export function RunsTable({ runs }: { runs: RunRow[] }) {
  const { t, i18n } = useTranslation();
  if (runs.length === 0) return <p className="muted">{t('dashboard.noRuns')}</p>;
  return (
    <table className="ops-table" data-testid="runs-table">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.col.started')}</th>
          <th scope="col">{t('dashboard.col.flow')}</th>
          <th scope="col">{t('dashboard.col.status')}</th>
          <th scope="col">{t('dashboard.col.duration')}</th>
          <th scope="col" className="num">{t('recordAction.created')}</th>
          <th scope="col" className="num">{t('recordAction.updated')}</th>
          <th scope="col" className="num">{t('recordAction.skipped')}</th>
          <th scope="col" className="num">{t('recordAction.failed')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((r) => (
          <tr key={r.runId} data-testid={`run-row-${r.runId}`}>
            <td>
              <button type="button" className="link-button" onClick={() => openRun(r.runId)} aria-label={t('dashboard.openRun', { flow: r.flowName, when: formatDateTime(r.startedAt, i18n.language) })}>
                {formatDateTime(r.startedAt, i18n.language)}
              </button>
            </td>
            <td>{r.flowName}</td>
            <td>
              <RunStatusPill status={r.status} dryRun={r.dryRun} />
              {r.error ? <div className="field-error">{r.error}</div> : null}
            </td>
            <td>{formatDuration(r.durationMs)}</td>
            <td className="num">{r.counts.created}</td>
            <td className="num">{r.counts.updated}</td>
            <td className="num">{r.counts.skipped}</td>
            <td className={r.counts.failed > 0 ? 'num is-bad' : 'num'}>{r.counts.failed}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
