import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { reportError } from '../app/errors';
import { toast } from '../store/ui.slice';
import { invalidRecipients, parseRecipients } from './settings-form';

type Settings = ChannelOutput<'notifications.get'>;
type TestResult = ChannelOutput<'notifications.test'>;

/** Desktop, e-mail via SMTP (with a test), webhook and the daily digest. */
export function NotificationsForm({ initial }: { initial: Settings }) {
  const { t } = useTranslation();
  const id = useId();
  const [s, setS] = useState(initial);
  const [to, setTo] = useState(initial.email.to.join(', '));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<TestResult | null>(null);
  useEffect(() => setS(initial), [initial]);
  const email = (patch: Partial<Settings['email']>) => setS((x) => ({ ...x, email: { ...x.email, ...patch } }));

  const save = async (): Promise<boolean> => {
    const recipients = parseRecipients(to);
    const bad = invalidRecipients(recipients);
    if (bad.length > 0) {
      setError(t('settings.badRecipients', { list: bad.join(', ') }));
      return false;
    }
    if (s.email.enabled && (!s.email.host || recipients.length === 0)) {
      setError(t('settings.emailIncomplete'));
      return false;
    }
    setError(null);
    try {
      const saved = await getKoppel().invoke('notifications.set', {
        desktop: s.desktop,
        email: { ...s.email, to: recipients },
        webhook: s.webhook,
        onFailure: s.onFailure,
        onRecovery: s.onRecovery,
        repeatFailures: s.repeatFailures,
        digest: { enabled: s.digest.enabled, at: s.digest.at },
        ...(password ? { smtpPassword: password } : {}),
      });
      setS(saved);
      setPassword('');
      toast('success', t('settings.saved'));
      return true;
    } catch (e) {
      reportError(t('ops.errors.settings'), e);
      return false;
    }
  };

  const test = async () => {
    if (!(await save())) return;
    try {
      setResults(await getKoppel().invoke('notifications.test', {}));
    } catch (e) {
      reportError(t('ops.errors.notifyTest'), e);
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
      <h2 id={`${id}-h`}>{t('settings.notifications')}</h2>
      <label className="field-inline">
        <input type="checkbox" checked={s.desktop} onChange={(e) => setS({ ...s, desktop: e.target.checked })} /> {t('settings.desktop')}
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={s.onFailure} onChange={(e) => setS({ ...s, onFailure: e.target.checked })} /> {t('settings.onFailure')}
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={s.onRecovery} onChange={(e) => setS({ ...s, onRecovery: e.target.checked })} /> {t('settings.onRecovery')}
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={s.repeatFailures} onChange={(e) => setS({ ...s, repeatFailures: e.target.checked })} /> {t('settings.repeatFailures')}
      </label>
      <fieldset className="field-group">
        <legend>{t('settings.email')}</legend>
        <label className="field-inline">
          <input type="checkbox" checked={s.email.enabled} onChange={(e) => email({ enabled: e.target.checked })} data-testid="email-enabled" /> {t('settings.emailEnabled')}
        </label>
        <div className="field">
          <label htmlFor={`${id}-host`}>{t('settings.smtpHost')}</label>
          <input id={`${id}-host`} type="text" value={s.email.host} onChange={(e) => email({ host: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-port`}>{t('settings.smtpPort')}</label>
          <input id={`${id}-port`} type="number" min={1} max={65535} value={s.email.port} onChange={(e) => email({ port: Number(e.target.value) || 587 })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sec`}>{t('settings.smtpSecurity')}</label>
          <select id={`${id}-sec`} value={s.email.security} onChange={(e) => email({ security: e.target.value === 'tls' ? 'tls' : e.target.value === 'none' ? 'none' : 'starttls' })}>
            <option value="starttls">{t('settings.security.starttls')}</option>
            <option value="tls">{t('settings.security.tls')}</option>
            <option value="none">{t('settings.security.none')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('settings.smtpUser')}</label>
          <input id={`${id}-user`} type="text" autoComplete="off" value={s.email.user} onChange={(e) => email({ user: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-pw`}>{t('settings.smtpPassword')}</label>
          <input id={`${id}-pw`} type="password" autoComplete="off" value={password} placeholder={s.hasSmtpPassword ? t('connections.secretStored') : ''} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('settings.from')}</label>
          <input id={`${id}-from`} type="email" value={s.email.from} onChange={(e) => email({ from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('settings.to')}</label>
          <input id={`${id}-to`} type="text" value={to} onChange={(e) => setTo(e.target.value)} />
          <p className="field-desc">{t('settings.toHelp')}</p>
        </div>
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('settings.webhook')}</legend>
        <label className="field-inline">
          <input type="checkbox" checked={s.webhook.enabled} onChange={(e) => setS({ ...s, webhook: { ...s.webhook, enabled: e.target.checked } })} /> {t('settings.webhookEnabled')}
        </label>
        <div className="field">
          <label htmlFor={`${id}-wh`}>{t('settings.webhookUrl')}</label>
          <input id={`${id}-wh`} type="url" value={s.webhook.url} onChange={(e) => setS({ ...s, webhook: { ...s.webhook, url: e.target.value } })} />
        </div>
      </fieldset>
      <fieldset className="field-group">
        <legend>{t('settings.digest')}</legend>
        <label className="field-inline">
          <input type="checkbox" checked={s.digest.enabled} onChange={(e) => setS({ ...s, digest: { ...s.digest, enabled: e.target.checked } })} /> {t('settings.digestEnabled')}
        </label>
        <div className="field">
          <label htmlFor={`${id}-at`}>{t('settings.digestAt')}</label>
          <input id={`${id}-at`} type="time" value={s.digest.at} onChange={(e) => setS({ ...s, digest: { ...s.digest, at: e.target.value } })} />
        </div>
      </fieldset>
      {error ? <p className="field-error">{error}</p> : null}
      <div className="inspector-actions">
        <button type="submit" className="button is-primary">
          {t('settings.save')}
        </button>
        <button type="button" className="button" onClick={() => void test()} data-testid="notify-test">
          {t('settings.sendTest')}
        </button>
      </div>
      {results ? (
        <ul className="plain-list" role="status" data-testid="notify-test-result">
          {results.length === 0 ? <li>{t('settings.noChannels')}</li> : null}
          {results.map((r) => (
            <li key={r.channel} className={r.ok ? 'banner banner-ok' : 'banner banner-error'}>
              {t(`settings.channel.${r.channel}`)}: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
