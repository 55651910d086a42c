import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionSettings } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { reportError } from '../app/errors';
import { toast } from '../store/ui.slice';
import { parseDays } from './settings-form';

/** How long runs and payloads are kept, and how much payload this machine logs at most. */
export function RetentionForm({ initial }: { initial: RetentionSettings }) {
  const { t } = useTranslation();
  const id = useId();
  const [days, setDays] = useState(String(initial.days));
  const [payloadDays, setPayloadDays] = useState(initial.payloadDays === undefined ? '' : String(initial.payloadDays));
  const [limit, setLimit] = useState(initial.payloadLoggingLimit);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const d = parseDays(days);
    const pd = payloadDays.trim() === '' ? null : parseDays(payloadDays, 0);
    if (d === null || (payloadDays.trim() !== '' && pd === null)) {
      setError(t('settings.badDays'));
      return;
    }
    setError(null);
    try {
      await getKoppel().invoke('retention.set', { days: d, payloadDays: pd, payloadLoggingLimit: limit });
      const applied = await getKoppel().invoke('retention.apply', {});
      toast('success', `${t('settings.saved')} ${applied.message}`);
    } catch (e) {
      reportError(t('ops.errors.settings'), e);
    }
  };
  return (
    <form
      className="ops-card settings-form"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-h`}>{t('settings.retention')}</h2>
      <div className="field">
        <label htmlFor={`${id}-d`}>{t('settings.keepDays')}</label>
        <input id={`${id}-d`} type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} data-testid="retention-days" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-pd`}>{t('settings.payloadDays')}</label>
        <input id={`${id}-pd`} type="number" min={0} max={3650} value={payloadDays} onChange={(e) => setPayloadDays(e.target.value)} />
        <p className="field-desc">{t('settings.payloadDaysHelp')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-l`}>{t('settings.payloadLogging')}</label>
        <select id={`${id}-l`} value={limit} onChange={(e) => setLimit(e.target.value === 'off' ? 'off' : e.target.value === 'redacted' ? 'redacted' : 'full')} data-testid="payload-logging">
          <option value="off">{t('settings.logging.off')}</option>
          <option value="redacted">{t('settings.logging.redacted')}</option>
          <option value="full">{t('settings.logging.full')}</option>
        </select>
      </div>
      {error ? <p className="field-error">{error}</p> : null}
      <button type="submit" className="button is-primary">
        {t('settings.save')}
      </button>
    </form>
  );
}
