import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { formatDateTime, formatDuration } from '../dashboard/format';
import { RunStatusPill } from '../dashboard/status-pill';
import { useLoad } from '../dashboard/use-load';
import { openRun, searchKey } from './history-store';
import { parkRecord, replayRecords } from './record-actions';

type Detail = ChannelOutput<'runs.detail'>;
type DetailRecord = Detail['records'][number];

const json = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

function RecordRow({ r, run, onChanged }: { r: DetailRecord; run: Detail['run']; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <tr data-testid={`record-${r.key}`}>
      <td>
        <button type="button" className="link-button" onClick={() => searchKey(r.key)} aria-label={t('history.showTimeline', { key: r.key })}>
          {r.key}
        </button>
        {r.parked ? <span className="tag">{t('ops.parkedTag')}</span> : null}
      </td>
      <td>{r.nodeId}</td>
      <td>
        <span className={`action action-${r.action}`}>{t(`recordAction.${r.action}`)}</span>
        {r.target ? <div className="muted">{`${r.target}${r.targetId ? ` ${r.targetId}` : ''}`}</div> : null}
        {r.reason ? <div className="attention-reason">{r.reason}</div> : null}
      </td>
      <td className="payload-cell">
        {r.source !== undefined || r.sent !== undefined ? (
          <details>
            <summary>{t('history.showPayloads')}</summary>
            <div className="payload-pair">
              <div>
                <h4>{t('history.source')}</h4>
                <pre>{r.source === undefined ? t('history.notKept') : json(r.source)}</pre>
              </div>
              <div>
                <h4>{t('history.sent')}</h4>
                <pre>{r.sent === undefined ? t('history.notKept') : json(r.sent)}</pre>
              </div>
            </div>
          </details>
        ) : (
          <span className="muted">{t('history.notKept')}</span>
        )}
      </td>
      <td className="row-actions">
        <button type="button" className="button button-small" aria-label={t('ops.replayOne', { key: r.key })} onClick={() => void replayRecords(run.runId, [r.key]).then((id) => (id ? openRun(id) : undefined))}>
          {t('ops.replay')}
        </button>
        <button
          type="button"
          className="button button-small"
          aria-label={r.parked ? t('ops.unparkOne', { key: r.key }) : t('ops.parkOne', { key: r.key })}
          onClick={() => void parkRecord(run.flowId, r.key, !r.parked).then(onChanged)}
        >
          {r.parked ? t('ops.unpark') : t('ops.park')}
        </button>
      </td>
    </tr>
  );
}

/** Every node's counts and timing, the run's log, and per record what came in and what was sent. */
export function RunDetail({ runId }: { runId: string }) {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<'' | DetailRecord['action']>('');
  const { data, reload } = useLoad(() => getKoppel().invoke('runs.detail', { runId, recordLimit: 500, ...(action ? { action } : {}) }), t('ops.errors.runDetail'), `${runId}|${action}`);
  if (!data) return <p className="muted">{t('ops.loading')}</p>;
  const { run } = data;
  const hasFailed = run.counts.failed > 0 || data.records.some((r) => r.action === 'failed');
  return (
    <section className="run-detail" aria-labelledby="run-detail-heading" data-testid="run-detail">
      <div className="ops-head">
        <h2 id="run-detail-heading">
          {run.flowName} · {formatDateTime(run.startedAt, i18n.language)}
        </h2>
        <RunStatusPill status={run.status} dryRun={run.dryRun} />
        <span className="muted">{formatDuration(run.durationMs)}</span>
        <span className="spacer" />
        <button type="button" className="button" onClick={reload}>
          {t('ops.refresh')}
        </button>
        <button type="button" className="button is-primary" disabled={!hasFailed} data-testid="replay-failed" onClick={() => void replayRecords(run.runId).then((id) => (id ? openRun(id) : undefined))}>
          {t('history.replayFailed')}
        </button>
      </div>
      {run.error ? <p className="banner banner-error">{run.error}</p> : null}
      <h3>{t('history.nodes')}</h3>
      <table className="ops-table" data-testid="run-nodes">
        <thead>
          <tr>
            <th scope="col">{t('history.node')}</th>
            <th scope="col">{t('dashboard.col.status')}</th>
            <th scope="col" className="num">{t('counts.in')}</th>
            <th scope="col" className="num">{t('counts.out')}</th>
            <th scope="col" className="num">{t('recordAction.created')}</th>
            <th scope="col" className="num">{t('recordAction.updated')}</th>
            <th scope="col" className="num">{t('recordAction.skipped')}</th>
            <th scope="col" className="num">{t('recordAction.failed')}</th>
            <th scope="col">{t('dashboard.col.duration')}</th>
          </tr>
        </thead>
        <tbody>
          {data.nodes.map((n) => (
            <tr key={n.nodeId}>
              <td>{n.nodeId}</td>
              <td>
                {t(`history.nodeStatus.${n.status}`)}
                {n.error ? <div className="field-error">{n.error}</div> : null}
              </td>
              <td className="num">{n.counts.in}</td>
              <td className="num">{n.counts.out}</td>
              <td className="num">{n.counts.created}</td>
              <td className="num">{n.counts.updated}</td>
              <td className="num">{n.counts.skipped}</td>
              <td className={n.counts.failed > 0 ? 'num is-bad' : 'num'}>{n.counts.failed}</td>
              <td>{formatDuration(n.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ops-head">
        <h3>{t('history.records', { count: data.recordsTotal })}</h3>
        <label>
          <span className="sr-only">{t('history.actionFilter')}</span>
          <select value={action} aria-label={t('history.actionFilter')} onChange={(e) => setAction(e.target.value === '' ? '' : (['created', 'updated', 'skipped', 'failed'] as const).find((a) => a === e.target.value) ?? '')}>
            <option value="">{t('history.allActions')}</option>
            {(['created', 'updated', 'skipped', 'failed'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`recordAction.${a}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {data.records.length === 0 ? (
        <p className="muted">{t('history.noRecords')}</p>
      ) : (
        <table className="ops-table" data-testid="run-records">
          <thead>
            <tr>
              <th scope="col">{t('history.key')}</th>
              <th scope="col">{t('history.node')}</th>
              <th scope="col">{t('history.outcome')}</th>
              <th scope="col">{t('history.payloads')}</th>
              <th scope="col">
                <span className="sr-only">{t('history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.records.map((r) => (
              <RecordRow key={`${r.nodeId}-${r.key}-${r.at}`} r={r} run={run} onChanged={reload} />
            ))}
          </tbody>
        </table>
      )}
      {data.records.length < data.recordsTotal ? <p className="muted">{t('history.moreRecords', { count: data.recordsTotal - data.records.length })}</p> : null}
      <h3>{t('history.log')}</h3>
      <ol className="run-log" role="log" aria-label={t('history.log')} data-testid="run-log">
        {data.log.map((l, i) => (
          <li key={i} className={`log-${l.level}`}>
            <time dateTime={l.at}>{formatDateTime(l.at, i18n.language)}</time> <span className="log-level">{l.level}</span>
            {l.nodeId ? <span className="muted"> [{l.nodeId}]</span> : null}
            {l.key ? <span className="muted"> ({l.key})</span> : null} {l.message}
          </li>
        ))}
      </ol>
    </section>
  );
}
