import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRun } from '../store/run.slice';
import { useSelection } from '../store/selection.slice';
import { plannedRecords, summarisePlan } from './dry-run-model';

const PAGE = 200;

/** What a dry run would do: per record create/update/skip with field-level before → after. */
export function ChangesPanel() {
  const { t } = useTranslation();
  const records = useRun((s) => s.records);
  const dryRun = useRun((s) => s.dryRun);
  const selected = useSelection((s) => s.nodeIds);
  const [onlySelected, setOnlySelected] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const nodeFilter = onlySelected && selected.length === 1 ? selected[0] : undefined;
  const rows = useMemo(() => plannedRecords(records, nodeFilter), [records, nodeFilter]);
  const summary = useMemo(() => summarisePlan(rows), [rows]);
  if (!dryRun && rows.length === 0) return <p className="muted pad">{t('changes.none')}</p>;
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
  return (
    <div className="changes">
      <div className="panel-toolbar">
        <span className="chip chip-created">{t('changes.created', { count: summary.created })}</span>
        <span className="chip chip-updated">{t('changes.updated', { count: summary.updated })}</span>
        <span className="chip chip-skipped">{t('changes.skipped', { count: summary.skipped })}</span>
        {summary.failed > 0 ? <span className="chip chip-failed">{t('changes.failed', { count: summary.failed })}</span> : null}
        <span className="spacer" />
        <label className="check-label">
          <input type="checkbox" checked={onlySelected} onChange={(e) => setOnlySelected(e.target.checked)} disabled={selected.length !== 1} />
          {t('changes.onlySelected')}
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="muted pad">{t('changes.waiting')}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table className="data-table" aria-label={t('changes.heading')}>
            <thead>
              <tr>
                <th scope="col">{t('changes.record')}</th>
                <th scope="col">{t('changes.action')}</th>
                <th scope="col">{t('changes.node')}</th>
                <th scope="col">{t('changes.target')}</th>
                <th scope="col">{t('changes.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map((r, i) => {
                const id = `${r.nodeId}:${r.key}:${i}`;
                const expanded = open.has(id);
                return (
                  <Fragment key={id}>
                    <tr>
                      <th scope="row">
                        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => toggle(id)} disabled={r.changes.length === 0}>
                          {r.key}
                        </button>
                      </th>
                      <td>
                        <span className={`chip chip-${r.action}`}>{t(`changes.action_${r.action}`)}</span>
                      </td>
                      <td className="mono">{r.nodeId}</td>
                      <td>
                        {r.target ?? ''}
                        {r.targetId ? <span className="muted"> #{r.targetId}</span> : null}
                        {r.reason ? <div className="muted small">{r.reason}</div> : null}
                      </td>
                      <td>{r.changes.length > 0 ? t('changes.fieldCount', { count: r.changes.length }) : '—'}</td>
                    </tr>
                    {expanded ? (
                      <tr className="diff-row">
                        <td colSpan={5}>
                          <table className="diff-table" aria-label={t('changes.diffLabel', { key: r.key })}>
                            <thead>
                              <tr>
                                <th scope="col">{t('changes.field')}</th>
                                <th scope="col">{t('changes.before')}</th>
                                <th scope="col">{t('changes.after')}</th>
                              </tr>
                            </thead>
                            <tbody>
                              {r.changes.map((c) => (
                                <tr key={c.field}>
                                  <th scope="row" className="mono">
                                    {c.field}
                                  </th>
                                  <td className={c.added ? 'before is-empty' : 'before'}>{c.added ? t('changes.empty') : c.before}</td>
                                  <td className="after">{c.after}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          {rows.length > limit ? (
            <button type="button" className="button button-small" onClick={() => setLimit(limit + PAGE)}>
              {t('changes.more', { count: rows.length - limit })}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
