import { useTranslation } from 'react-i18next';
import type { RunState } from '../../host/contract';

export function RunStatusPill({ status, dryRun }: { status: RunState; dryRun?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`status-pill status-${status}`}>
      {t(`runStatus.${status}`)}
      {dryRun ? ` · ${t('ops.dryRun')}` : ''}
    </span>
  );
}
