import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getKoppel } from '../api/koppel-api';
import { reportError } from '../app/errors';

/** Removes every logged payload holding one person's e-mail address, after a confirmation. */
export function EraseForm() {
  const { t } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const valid = /^[^@\s]+@[^@\s]+$/.test(email.trim());
  const erase = async () => {
    try {
      const out = await getKoppel().invoke('privacy.erase', { email: email.trim() });
      setResult(out.message);
      setConfirming(false);
      setEmail('');
    } catch (e) {
      reportError(t('ops.errors.erase'), e);
    }
  };
  return (
    <section className="ops-card settings-form" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('settings.erase')}</h2>
      <p className="field-desc">{t('settings.eraseHelp')}</p>
      <div className="field">
        <label htmlFor={`${id}-e`}>{t('settings.eraseEmail')}</label>
        <input id={`${id}-e`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="erase-email" />
      </div>
      {confirming ? (
        <div className="banner banner-error" role="alertdialog" aria-label={t('settings.eraseConfirmTitle')}>
          <p>{t('settings.eraseConfirm', { email: email.trim() })}</p>
          <button type="button" className="button danger-solid" onClick={() => void erase()} data-testid="erase-confirm">
            {t('settings.eraseNow')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button danger" disabled={!valid} onClick={() => setConfirming(true)} data-testid="erase-start">
          {t('settings.eraseButton')}
        </button>
      )}
      {result ? (
        <p role="status" className="banner banner-ok">
          {result}
        </p>
      ) : null}
    </section>
  );
}
