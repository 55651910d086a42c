import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isJsonObject, readString } from '../lib/json';
import type { Json } from '../lib/json';
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icon';
import { ExpressionField } from './expression-field';
import { Control } from './field-control';
import { useFormContext } from './form-context';
import { newRow, parseCellValue } from './schema-form-model';
import type { FieldDescriptor } from './schema-form-model';
import { RowActions, TableEditor, cellField, moveItem, setCell } from './table-editor';

const MODES = ['field', 'expression', 'constant'] as const;

/**
 * The data mapper: target field ← source field, expression or constant, with "update on re-sync" per row.
 * Falls back to the generic table when the schema's rows do not have target and source.
 */
export function MapperEditor({ field, value, onChange }: { field: FieldDescriptor; value: Json[]; onChange: (v: Json[]) => void }) {
  const { t } = useTranslation();
  const { fieldPaths } = useFormContext();
  const listId = useId();
  const [editing, setEditing] = useState<number | null>(null);
  const columns = field.fields ?? [];
  const has = (k: string) => columns.some((c) => c.key === k);
  if (!has('target') || !has('source')) return <TableEditor field={field} value={value} onChange={onChange} />;
  const modeField = columns.find((c) => c.key === 'mode');
  const modes = modeField?.options?.map((o) => o.value) ?? [...MODES];
  const extra = columns.filter((c) => !['target', 'source', 'mode', 'updateOnResync'].includes(c.key));
  const hasResync = has('updateOnResync');
  const row = (i: number) => {
    const r = value[i];
    return isJsonObject(r) ? r : {};
  };
  const editingRow = editing === null ? null : row(editing);

  return (
    <div className="mapper">
      <datalist id={listId}>
        {fieldPaths.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      {value.length > 0 ? (
        <ol className="row-list mapper-rows">
          {value.map((_, i) => {
            const r = row(i);
            const target = readString(r, 'target') ?? '';
            const mode = readString(r, 'mode') ?? 'expression';
            const source = typeof r.source === 'string' ? r.source : r.source === undefined ? '' : JSON.stringify(r.source);
            const rowName = target || String(i + 1);
            return (
              <li key={i} className="row-card">
                <div className="mapper-line">
                  <input
                    type="text"
                    className="mapper-target"
                    value={target}
                    placeholder={t('mapper.target')}
                    aria-label={t('mapper.targetLabel', { row: i + 1 })}
                    onChange={(e) => onChange(setCell(value, i, 'target', e.target.value))}
                  />
                  <span className="mapper-arrow" aria-hidden="true">
                    ←
                  </span>
                  {modeField ? (
                    <select className="mapper-mode" value={mode} aria-label={t('mapper.modeLabel', { target: rowName })} onChange={(e) => onChange(setCell(value, i, 'mode', e.target.value))}>
                      {modes.map((m) => (
                        <option key={m} value={m}>
                          {t(`mapper.modes.${m}`, { defaultValue: m })}
                        </option>
                      ))}
                    </select>
                  ) : null}
                </div>
                <div className="mapper-line">
                  <input
                    type="text"
                    className={mode === 'constant' ? 'mapper-source' : 'mapper-source mono'}
                    list={mode === 'field' ? listId : undefined}
                    value={source}
                    aria-label={t('mapper.sourceLabel', { target: rowName })}
                    placeholder={mode === 'field' ? t('mapper.fieldPlaceholder') : mode === 'expression' ? t('mapper.expressionPlaceholder') : t('mapper.modes.constant')}
                    onChange={(e) => onChange(setCell(value, i, 'source', mode === 'constant' ? parseCellValue(e.target.value, r.source) : e.target.value))}
                  />
                  {mode === 'expression' ? (
                    <button type="button" className="icon-button" aria-label={t('mapper.editExpression', { target: rowName })} title={t('mapper.editExpression', { target: rowName })} onClick={() => setEditing(i)}>
                      <Icon name="code" size={14} />
                    </button>
                  ) : null}
                </div>
                {extra.map((c) => (
                  <div key={c.key} className="row-field">
                    <label htmlFor={`${listId}-${i}-${c.key}`}>{c.title}</label>
                    <Control field={cellField(c)} value={r[c.key]} id={`${listId}-${i}-${c.key}`} ariaLabel={t('form.cellLabel', { column: c.title, row: i + 1 })} onChange={(v) => onChange(setCell(value, i, c.key, v))} />
                  </div>
                ))}
                <div className="mapper-line mapper-foot">
                  {hasResync ? (
                    <label className="check-label" title={t('mapper.resyncHelp')}>
                      <input type="checkbox" checked={r.updateOnResync !== false} aria-label={t('mapper.resyncLabel', { target: rowName })} onChange={(e) => onChange(setCell(value, i, 'updateOnResync', e.target.checked))} />
                      {t('mapper.resync')}
                    </label>
                  ) : (
                    <span />
                  )}
                  <RowActions index={i} count={value.length} onMove={(to) => onChange(moveItem(value, i, to))} onRemove={() => onChange(value.filter((__, j) => j !== i))} />
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted small">{t('mapper.empty')}</p>
      )}
      <button type="button" className="button button-small" onClick={() => onChange([...value, { ...newRow(columns), mode: modes.includes('field') ? 'field' : (modes[0] ?? 'expression') }])}>
        <Icon name="plus" size={14} /> {t('mapper.addRow')}
      </button>
      {editing !== null && editingRow ? (
        <Dialog title={t('mapper.expressionFor', { target: readString(editingRow, 'target') || String(editing + 1) })} onClose={() => setEditing(null)} wide>
          <ExpressionField
            value={typeof editingRow.source === 'string' ? editingRow.source : ''}
            onChange={(v) => onChange(setCell(value, editing, 'source', v))}
            label={t('mapper.sourceLabel', { target: readString(editingRow, 'target') || String(editing + 1) })}
            fieldPaths={fieldPaths}
            lines={8}
          />
          <p className="muted small">{fieldPaths.length > 0 ? t('mapper.completionHint') : t('mapper.noSamplesHint')}</p>
        </Dialog>
      ) : null}
    </div>
  );
}
