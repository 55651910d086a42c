import { useTranslation } from 'react-i18next';
import { getKoppel } from '../api/koppel-api';
import { useLoad } from '../dashboard/use-load';
import { EraseForm } from './erase-form';
import { NotificationsForm } from './notifications-form';
import { RetentionForm } from './retention-form';

/** Notifications, retention and "erase a person". */
export function SettingsScreen() {
  const { t } = useTranslation();
  const notify = useLoad(() => getKoppel().invoke('notifications.get', {}), t('ops.errors.settings'), 'notify');
  const retention = useLoad(() => getKoppel().invoke('retention.get', {}), t('ops.errors.settings'), 'retention');
  return (
    <main className="ops-screen" aria-labelledby="settings-heading" data-testid="settings">
      <h1 id="settings-heading">{t('settings.heading')}</h1>
      {notify.data ? <NotificationsForm initial={notify.data} /> : <p className="muted">{t('ops.loading')}</p>}
      {retention.data ? <RetentionForm initial={retention.data} /> : null}
      <EraseForm />
    </main>
  );
}
