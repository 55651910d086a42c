import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counts, RunEvent, RunState } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { messageOf } from '../app/errors';
import { formatDuration } from '../dashboard/format';
import { RunStatusPill } from '../dashboard/status-pill';
import { openRun } from '../history/history-store';
import type { WizardState } from './wizard-state';

type Result = { runId?: string; status?: RunState; error?: string; counts?: Counts; durationMs?: number };

/** Starts a dry run of every created flow and shows what each would do. */
export function DryRunStep({ s }: { s: WizardState }) {
  const { t } = useTranslation();
  const [results, setResults] = useState<Record<string, Result>>({});

  useEffect(() => {
    const byRun = new Map<string, string>();
    // A quick run can finish before runs.start answers with its id: keep such ends until the id is known.
    const early = new Map<string, Extract<RunEvent, { type: 'run.finished' }>>();
    const finish = (flowId: string, e: Extract<RunEvent, { type: 'run.finished' }>) =>
      setResults((r) => ({ ...r, [flowId]: { ...r[flowId], status: e.status, counts: e.counts, durationMs: e.durationMs, ...(e.error ? { error: e.error } : {}) } }));
    const off = getKoppel().on('run.event', (e) => {
      if (e.type !== 'run.finished') return;
      const flowId = byRun.get(e.runId);
      if (flowId) finish(flowId, e);
      else early.set(e.runId, e);
    });
    for (const f of s.created) {
      setResults((r) => ({ ...r, [f.flowId]: { status: 'running' } }));
      getKoppel()
        .invoke('runs.start', { path: f.path, dryRun: true })
        .then(
          ({ runId }) => {
            byRun.set(runId, f.flowId);
            setResults((r) => ({ ...r, [f.flowId]: { ...r[f.flowId], runId } }));
            const ended = early.get(runId);
            if (ended) finish(f.flowId, ended);
          },
          (e: unknown) => setResults((r) => ({ ...r, [f.flowId]: { status: 'failed', error: messageOf(e) } })),
        );
    }
    return off;
  }, [s.created]);

  return (
    <table className="ops-table" data-testid="wizard-dry-runs">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.col.flow')}</th>
          <th scope="col">{t('dashboard.col.status')}</th>
          <th scope="col" className="num">{t('counts.wouldCreate')}</th>
          <th scope="col" className="num">{t('counts.wouldUpdate')}</th>
          <th scope="col" className="num">{t('recordAction.skipped')}</th>
          <th scope="col" className="num">{t('recordAction.failed')}</th>
          <th scope="col">{t('dashboard.col.duration')}</th>
        </tr>
      </thead>
      <tbody>
        {s.created.map((f) => {
          const r = results[f.flowId];
          return (
            <tr key={f.flowId}>
              <td>{f.name}</td>
              <td>
                {r?.status ? <RunStatusPill status={r.status} dryRun /> : null}
                {r?.error ? <div className="field-error">{r.error}</div> : null}
                {r?.runId && r.status !== 'running' ? (
                  <button type="button" className="link-button" onClick={() => (r.runId ? openRun(r.runId) : undefined)}>
                    {t('wizard.openDryRun')}
                  </button>
                ) : null}
              </td>
              <td className="num">{r?.counts?.created ?? '–'}</td>
              <td className="num">{r?.counts?.updated ?? '–'}</td>
              <td className="num">{r?.counts?.skipped ?? '–'}</td>
              <td className="num">{r?.counts?.failed ?? '–'}</td>
              <td>{formatDuration(r?.durationMs)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
