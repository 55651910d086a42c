import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, Schedule } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { reportError } from '../app/errors';
import { formatDateTime } from '../dashboard/format';
import { toast } from '../store/ui.slice';
import { draftFor, draftTiming, toSetInput } from './schedule-form';
import type { ScheduleDraft } from './schedule-form';

type Preview = ChannelOutput<'schedules.preview'>;

/** Interval or cron with its words and next times (via `schedules.preview`), catch-up and auto-pause. */
export function ScheduleEditor({ flowId, schedule, onSaved, onCancel }: { flowId: string; schedule?: Schedule; onSaved: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [d, setD] = useState<ScheduleDraft>(() => draftFor(flowId, schedule));
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<ScheduleDraft>) => setD((x) => ({ ...x, ...patch }));

  useEffect(() => {
    const timing = draftTiming(d);
    if ('error' in timing) {
      setPreview({ valid: false, description: '', next: [], problem: t(timing.error) });
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      getKoppel()
        .invoke('schedules.preview', { ...timing, count: 3 })
        .then(
          (p) => {
            if (live) setPreview(p);
          },
          (e: unknown) => {
            if (live) setPreview({ valid: false, description: '', next: [], problem: e instanceof Error ? e.message : String(e) });
          },
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [d, t]);

  const save = async () => {
    const input = toSetInput(d);
    if ('error' in input) {
      setError(t(input.error));
      return;
    }
    setError(null);
    try {
      await getKoppel().invoke('schedules.set', input);
      toast('success', t('schedules.saved'));
      onSaved();
    } catch (e) {
      reportError(t('ops.errors.scheduleSave'), e);
    }
  };

  return (
    <form
      className="schedule-editor"
      aria-label={t('schedules.editLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <fieldset className="field">
        <legend>{t('schedules.when')}</legend>
        <label className="field-inline">
          <input type="radio" name={`${id}-mode`} checked={d.mode === 'interval'} onChange={() => set({ mode: 'interval' })} /> {t('schedules.interval')}
        </label>
        <label className="field-inline">
          <input type="radio" name={`${id}-mode`} checked={d.mode === 'cron'} onChange={() => set({ mode: 'cron' })} /> {t('schedules.cron')}
        </label>
      </fieldset>
      {d.mode === 'interval' ? (
        <div className="field">
          <label htmlFor={`${id}-min`}>{t('schedules.everyMinutes')}</label>
          <input id={`${id}-min`} type="number" min={1} value={d.everyMinutes} onChange={(e) => set({ everyMinutes: e.target.value })} data-testid="schedule-minutes" />
        </div>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-cron`}>{t('schedules.cronExpression')}</label>
          <input id={`${id}-cron`} type="text" spellCheck={false} value={d.cron} onChange={(e) => set({ cron: e.target.value })} data-testid="schedule-cron" />
          <p className="field-desc">{t('schedules.cronHelp')}</p>
        </div>
      )}
      <div className="schedule-preview" role="status" data-testid="schedule-preview">
        {preview?.valid ? (
          <>
            <strong>{preview.description}</strong>
            {preview.next.length > 0 ? <span className="muted"> · {t('schedules.nextTimes', { times: preview.next.map((n) => formatDateTime(n, i18n.language)).join(', ') })}</span> : null}
          </>
        ) : preview?.problem ? (
          <span className="field-error">{preview.problem}</span>
        ) : null}
      </div>
      <fieldset className="field">
        <legend>{t('schedules.catchUp')}</legend>
        <label className="field-inline">
          <input type="radio" name={`${id}-cu`} checked={d.catchUp === 'run-once'} onChange={() => set({ catchUp: 'run-once' })} /> {t('schedules.catchUpRunOnce')}
        </label>
        <label className="field-inline">
          <input type="radio" name={`${id}-cu`} checked={d.catchUp === 'skip'} onChange={() => set({ catchUp: 'skip' })} /> {t('schedules.catchUpSkip')}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-pause`}>{t('schedules.pauseAfter')}</label>
        <input id={`${id}-pause`} type="number" min={0} max={100} value={d.pauseAfterFailures} onChange={(e) => set({ pauseAfterFailures: e.target.value })} />
        <p className="field-desc">{t('schedules.pauseAfterHelp')}</p>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
      <div className="inspector-actions">
        <button type="submit" className="button is-primary" data-testid="schedule-save">
          {t('schedules.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
