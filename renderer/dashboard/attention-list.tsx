import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../host/contract';
import { openRun } from '../history/history-store';
import { parkRecord, replayRecords } from '../history/record-actions';
import { formatDateTime } from './format';

/** More would push the charts off the screen; the rest is one click away. */
const SHOWN = 6;

type Attention = ChannelOutput<'dashboard.overview'>['needsAttention'][number];

/** Failed records with the reason in plain words, each with Replay and Park. */
export function AttentionList({ items, total, onChanged }: { items: Attention[]; total: number; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  if (items.length === 0) return <p className="muted" data-testid="attention-empty">{t('dashboard.nothingNeedsAttention')}</p>;
  return (
    <>
      <ul className="attention-list" data-testid="attention-list">
        {(all ? items : items.slice(0, SHOWN)).map((a) => (
          <li key={`${a.runId}-${a.flowId}-${a.key}`} className="attention-item" data-testid={`attention-${a.key}`}>
            <div className="attention-main">
              <strong>{a.key}</strong> <span className="muted">· {a.flowName}</span>
              <p className="attention-reason">{a.reason}</p>
              <button type="button" className="link-button muted" onClick={() => openRun(a.runId)}>
                {t('dashboard.fromRun', { when: formatDateTime(a.runStartedAt, i18n.language) })}
              </button>
            </div>
            <div className="attention-actions">
              <button
                type="button"
                className="button button-small"
                aria-label={t('ops.replayOne', { key: a.key })}
                onClick={() => void replayRecords(a.runId, [a.key]).then(onChanged)}
              >
                {t('ops.replay')}
              </button>
              <button
                type="button"
                className="button button-small"
                aria-label={t('ops.parkOne', { key: a.key })}
                onClick={() => void parkRecord(a.flowId, a.key, true).then(onChanged)}
              >
                {t('ops.park')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {!all && items.length > SHOWN ? (
        <button type="button" className="button button-small" onClick={() => setAll(true)}>
          {t('dashboard.showAll', { count: items.length })}
        </button>
      ) : null}
      {total > items.length ? <p className="muted">{t('dashboard.moreNeedAttention', { count: total - items.length })}</p> : null}
    </>
  );
}
