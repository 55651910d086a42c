import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schedule } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { reportError } from '../app/errors';
import { formatDateTime } from '../dashboard/format';
import { RunStatusPill } from '../dashboard/status-pill';
import { useLoad } from '../dashboard/use-load';
import { openRun } from '../history/history-store';
import { useWorkspace } from '../store/workspace.slice';
import { ScheduleEditor } from './schedule-editor';

function ScheduleCard({ s, onChanged, onEdit }: { s: Schedule; onChanged: () => void; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const act = async (what: 'pause' | 'resume' | 'remove') => {
    try {
      if (what === 'pause') await getKoppel().invoke('schedules.pause', { flowId: s.flowId, reason: t('schedules.pausedByPerson') });
      else if (what === 'resume') await getKoppel().invoke('schedules.resume', { flowId: s.flowId });
      else await getKoppel().invoke('schedules.remove', { flowId: s.flowId });
      onChanged();
    } catch (e) {
      reportError(t('ops.errors.scheduleSave'), e);
    }
  };
  const name = s.flowName ?? s.flowId;
  return (
    <li className="ops-card schedule-card" data-testid={`schedule-${s.flowId}`}>
      <div className="ops-head">
        <h2>{name}</h2>
        <span className={s.active ? 'status-pill status-succeeded' : 'status-pill status-cancelled'} data-testid={`schedule-state-${s.flowId}`}>
          {s.active ? t('schedules.active') : t('schedules.paused')}
        </span>
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={onEdit} aria-label={t('schedules.editFor', { name })}>
          {t('schedules.edit')}
        </button>
        {s.active ? (
          <button type="button" className="button button-small" onClick={() => void act('pause')} aria-label={t('schedules.pauseFor', { name })}>
            {t('schedules.pause')}
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={() => void act('resume')} aria-label={t('schedules.resumeFor', { name })}>
            {t('schedules.resume')}
          </button>
        )}
        <button type="button" className="button button-small danger" onClick={() => void act('remove')} aria-label={t('schedules.removeFor', { name })}>
          {t('common.remove')}
        </button>
      </div>
      <p className="schedule-words">{s.description}</p>
      {!s.flowName ? <p className="field-error">{t('schedules.flowGone')}</p> : null}
      {!s.active && s.pausedReason ? (
        <p className="banner banner-error" data-testid={`schedule-paused-reason-${s.flowId}`}>
          {t('schedules.pausedBecause', { reason: s.pausedReason, when: formatDateTime(s.pausedAt, lang) })}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('schedules.nextRun')}</dt>
        <dd data-testid={`schedule-next-${s.flowId}`}>{s.active && s.nextRunAt ? formatDateTime(s.nextRunAt, lang) : '–'}</dd>
        <dt>{t('schedules.lastRun')}</dt>
        <dd>
          {s.lastRunAt ? formatDateTime(s.lastRunAt, lang) : '–'} {s.lastStatus ? <RunStatusPill status={s.lastStatus} /> : null}{' '}
          {s.lastRunId ? (
            <button type="button" className="link-button" onClick={() => (s.lastRunId ? openRun(s.lastRunId) : undefined)}>
              {t('schedules.openLastRun')}
            </button>
          ) : null}
        </dd>
        <dt>{t('schedules.catchUp')}</dt>
        <dd>{s.catchUp === 'run-once' ? t('schedules.catchUpRunOnce') : t('schedules.catchUpSkip')}</dd>
        <dt>{t('schedules.failuresInRow')}</dt>
        <dd>{s.pauseAfterFailures > 0 ? t('schedules.failuresOf', { count: s.consecutiveFailures, max: s.pauseAfterFailures }) : String(s.consecutiveFailures)}</dd>
      </dl>
      {s.missed ? (
        <p className="banner" data-testid={`schedule-missed-${s.flowId}`}>
          {t(s.missed.handled === 'ran-once' ? 'schedules.missedRanOnce' : 'schedules.missedSkipped', { count: s.missed.count, when: formatDateTime(s.missed.detectedAt, lang) })}
          {s.missed.times.length > 0 ? <span className="muted"> ({s.missed.times.slice(0, 5).map((x) => formatDateTime(x, lang)).join(', ')})</span> : null}
        </p>
      ) : null}
      {s.lastSkipped ? <p className="muted">{t('schedules.lastSkipped', { when: formatDateTime(s.lastSkipped.at, lang), reason: s.lastSkipped.reason })}</p> : null}
    </li>
  );
}

/** Every flow's schedule: active or paused (and why), next run, missed runs, catch-up. */
export function SchedulesScreen() {
  const { t } = useTranslation();
  const flows = useWorkspace((s) => s.flows);
  const [editing, setEditing] = useState<string | null>(null);
  const list = useLoad(() => getKoppel().invoke('schedules.list', {}), t('ops.errors.schedules'), 'list');
  const status = useLoad(() => getKoppel().invoke('schedules.status', {}), t('ops.errors.schedules'), 'status');
  const schedules = list.data ?? [];
  const unscheduled = flows.filter((f) => !schedules.some((s) => s.flowId === f.id));
  const done = () => {
    setEditing(null);
    list.reload();
  };
  return (
    <main className="ops-screen" aria-labelledby="schedules-heading" data-testid="schedules">
      <div className="ops-head">
        <h1 id="schedules-heading">{t('schedules.heading')}</h1>
        <button type="button" className="button" onClick={list.reload}>
          {t('ops.refresh')}
        </button>
      </div>
      {status.data ? (
        <p className={status.data.runningHere ? 'banner banner-ok' : 'banner'} data-testid="scheduler-status">
          {status.data.message}
        </p>
      ) : null}
      {list.data === null ? <p className="muted">{t('ops.loading')}</p> : null}
      <ul className="schedule-list">
        {schedules.map((s) =>
          editing === s.flowId ? (
            <li key={s.flowId} className="ops-card">
              <h2>{s.flowName ?? s.flowId}</h2>
              <ScheduleEditor flowId={s.flowId} schedule={s} onSaved={done} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <ScheduleCard key={s.flowId} s={s} onChanged={list.reload} onEdit={() => setEditing(s.flowId)} />
          ),
        )}
      </ul>
      {unscheduled.length > 0 ? (
        <section className="ops-card" aria-labelledby="unscheduled-heading">
          <h2 id="unscheduled-heading">{t('schedules.unscheduled')}</h2>
          <ul className="plain-list">
            {unscheduled.map((f) => (
              <li key={f.id}>
                {editing === f.id ? (
                  <>
                    <h3>{f.name}</h3>
                    <ScheduleEditor flowId={f.id} onSaved={done} onCancel={() => setEditing(null)} />
                  </>
                ) : (
                  <>
                    {f.name}{' '}
                    <button type="button" className="button button-small" onClick={() => setEditing(f.id)} aria-label={t('schedules.addFor', { name: f.name })} data-testid={`schedule-add-${f.id}`}>
                      {t('schedules.add')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
