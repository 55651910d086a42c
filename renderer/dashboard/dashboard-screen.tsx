import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getKoppel } from '../api/koppel-api';
import { useWorkspace } from '../store/workspace.slice';
import { AttentionList } from './attention-list';
import { Chart } from './charts';
import { formatDay, formatPercent } from './format';
import { RunsTable } from './runs-table';
import { useLoad } from './use-load';

const DAY_CHOICES = [7, 14, 30, 90] as const;

/** Per workspace or per flow: last runs, records per day, failure rate, and what needs attention. */
export function DashboardScreen() {
  const { t, i18n } = useTranslation();
  const flows = useWorkspace((s) => s.flows);
  const [flowId, setFlowId] = useState('');
  const [days, setDays] = useState<number>(14);
  const flowSel = useId();
  const daySel = useId();
  const { data, loading, reload } = useLoad(
    () => getKoppel().invoke('dashboard.overview', { ...(flowId ? { flowId } : {}), days, runLimit: 20 }),
    t('ops.errors.dashboard'),
    `${flowId}|${days}`,
  );
  const lang = i18n.language;
  const dayPoints = (data?.days ?? []).map((d) => ({ label: formatDay(d.date, lang), records: d.records, rate: d.failureRate }));
  const totalRecords = dayPoints.reduce((s, d) => s + d.records, 0);
  const failed = (data?.days ?? []).reduce((s, d) => s + d.failed, 0);
  const worst = dayPoints.reduce<{ label: string; rate: number } | null>((w, d) => (!w || d.rate > w.rate ? d : w), null);
  return (
    <main className="ops-screen" aria-labelledby="dashboard-heading" data-testid="dashboard">
      <div className="ops-head">
        <h1 id="dashboard-heading">{t('dashboard.heading')}</h1>
        <label htmlFor={flowSel} className="sr-only">
          {t('dashboard.flowFilter')}
        </label>
        <select id={flowSel} value={flowId} onChange={(e) => setFlowId(e.target.value)} data-testid="dashboard-flow">
          <option value="">{t('dashboard.allFlows')}</option>
          {flows.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        <label htmlFor={daySel} className="sr-only">
          {t('dashboard.period')}
        </label>
        <select id={daySel} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {DAY_CHOICES.map((d) => (
            <option key={d} value={d}>
              {t('dashboard.lastDays', { count: d })}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={reload} disabled={loading}>
          {t('ops.refresh')}
        </button>
      </div>
      {data ? (
        <>
          <section className="ops-card" aria-labelledby="attention-heading">
            <h2 id="attention-heading">{t('dashboard.needsAttention', { count: data.needsAttentionTotal })}</h2>
            <AttentionList items={data.needsAttention} total={data.needsAttentionTotal} onChanged={reload} />
          </section>
          <div className="chart-row">
            <Chart
              kind="bar"
              testId="chart-records"
              title={t('dashboard.recordsPerDay')}
              summary={t('dashboard.recordsSummary', { count: totalRecords, failed, days: dayPoints.length })}
              points={dayPoints.map((d) => ({ label: d.label, value: d.records }))}
              format={(v) => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(v)}
            />
            <Chart
              kind="line"
              testId="chart-failure-rate"
              title={t('dashboard.failureRate')}
              summary={
                worst && worst.rate > 0
                  ? t('dashboard.failureSummary', { rate: formatPercent(totalRecords ? failed / totalRecords : 0, lang), worst: formatPercent(worst.rate, lang), day: worst.label })
                  : t('dashboard.noFailures')
              }
              points={dayPoints.map((d) => ({ label: d.label, value: d.rate }))}
              format={(v) => formatPercent(v, lang)}
              max={Math.max(0.1, Math.min(1, Math.ceil(Math.max(0, ...dayPoints.map((d) => d.rate)) * 10) / 10))}
            />
          </div>
          <section className="ops-card" aria-labelledby="runs-heading">
            <h2 id="runs-heading">{t('dashboard.lastRuns')}</h2>
            <RunsTable runs={data.runs} />
          </section>
        </>
      ) : (
        <p className="muted">{t('ops.loading')}</p>
      )}
    </main>
  );
}
