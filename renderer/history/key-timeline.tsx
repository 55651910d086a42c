import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../dashboard/format';
import { openRun } from './history-store';
import { parkRecord, replayRecords } from './record-actions';
import type { TimelineView } from './timeline-model';

/** One business key across runs: fetched → mapped → posted, or failed and why. */
export function KeyTimeline({ view, onChanged }: { view: TimelineView; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  if (view.runs.length === 0) return <p className="muted" data-testid="timeline-empty">{t('history.keyNotFound', { key: view.key })}</p>;
  const cur = view.current;
  return (
    <section aria-labelledby="timeline-heading" data-testid="key-timeline">
      <h2 id="timeline-heading">{t('history.timelineOf', { key: view.key })}</h2>
      {cur ? (
        <p className={cur.outcome === 'failed' ? 'banner banner-error' : 'banner banner-ok'} data-testid="timeline-current">
          {cur.outcome === 'failed' ? t('history.nowFailed', { reason: cur.reason ?? '' }) : cur.result ? t('history.nowResult', { action: t(`recordAction.${cur.outcome}`), result: cur.result }) : t(`recordAction.${cur.outcome}`)}
        </p>
      ) : null}
      {view.parkedIn.length > 0 ? <p className="muted">{t('history.parkedIn', { count: view.parkedIn.length })}</p> : null}
      <ol className="timeline">
        {view.runs.map((r) => (
          <li key={r.runId} className={`timeline-run outcome-${r.outcome}`}>
            <div className="timeline-run-head">
              <button type="button" className="link-button" onClick={() => openRun(r.runId)}>
                {r.flowName} · {formatDateTime(r.startedAt, i18n.language)}
              </button>
              {r.dryRun ? <span className="tag">{t('ops.dryRun')}</span> : null}
              <span className={`action action-${r.outcome === 'seen' ? 'skipped' : r.outcome}`}>{r.outcome === 'seen' ? t('history.seen') : t(`recordAction.${r.outcome}`)}</span>
              {r.outcome === 'failed' ? (
                <>
                  <button type="button" className="button button-small" aria-label={t('ops.replayOne', { key: view.key })} onClick={() => void replayRecords(r.runId, [view.key]).then(onChanged)}>
                    {t('ops.replay')}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={view.parkedIn.includes(r.flowId) ? t('ops.unparkOne', { key: view.key }) : t('ops.parkOne', { key: view.key })}
                    onClick={() => void parkRecord(r.flowId, view.key, !view.parkedIn.includes(r.flowId)).then(onChanged)}
                  >
                    {view.parkedIn.includes(r.flowId) ? t('ops.unpark') : t('ops.park')}
                  </button>
                </>
              ) : null}
            </div>
            <ol className="timeline-steps">
              {r.steps.map((s, i) => (
                <li key={i} className={s.kind === 'record' ? `step-record action-${s.action ?? 'skipped'}` : `step-log log-${s.level ?? 'info'}`}>
                  <time dateTime={s.at}>{formatDateTime(s.at, i18n.language)}</time> {s.nodeId ? <span className="muted">[{s.nodeId}]</span> : null} {s.message}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </section>
  );
}
