import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isJsonObject } from '../lib/json';
import type { Json, JsonObject } from '../lib/json';
import { Icon } from '../ui/icon';
import { Control } from './field-control';
import { useFormContext } from './form-context';
import { newRow } from './schema-form-model';
import type { FieldDescriptor } from './schema-form-model';

/** Table cells stay compact: expressions and nested values are edited as one-line text. */
export function cellField(f: FieldDescriptor): FieldDescriptor {
  if (f.widget === 'expression' || f.widget === 'textarea') return { ...f, widget: 'text' };
  if (['table', 'conditions', 'mapper', 'keyvalue', 'group', 'list'].includes(f.widget)) return { ...f, widget: 'json' };
  return f;
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(Math.max(0, Math.min(next.length, to)), 0, item);
  return next;
}

export function setCell(rows: readonly Json[], index: number, key: string, value: Json | undefined): Json[] {
  return rows.map((r, i) => {
    if (i !== index) return r;
    const obj: JsonObject = isJsonObject(r) ? { ...r } : {};
    if (value === undefined) delete obj[key];
    else obj[key] = value;
    return obj;
  });
}

/** Rows of objects (table and conditions widgets): one column per row field. */
export function TableEditor({ field, value, onChange }: { field: FieldDescriptor; value: Json[]; onChange: (v: Json[]) => void }) {
  const { t } = useTranslation();
  const { fieldPaths } = useFormContext();
  const listId = useId();
  const columns = field.fields ?? [];
  const pathColumn = field.widget === 'conditions' ? (columns.find((c) => c.key === 'field' || c.key === 'path')?.key ?? null) : null;
  return (
    <div className="table-editor">
      {pathColumn ? (
        <datalist id={listId}>
          {fieldPaths.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      ) : null}
      {value.length > 0 ? (
        <ol className="row-list">
          {value.map((row, i) => {
            const obj = isJsonObject(row) ? row : {};
            return (
              <li key={i} className="row-card">
                <div className="row-fields">
                  {columns.map((c) => {
                    const cellId = `${listId}-${i}-${c.key}`;
                    const compact = c.widget === 'toggle';
                    return (
                      <div key={c.key} className={compact ? `row-field row-field-inline cell-${c.widget}` : `row-field cell-${c.widget}`} title={c.description}>
                        {compact ? null : <label htmlFor={cellId}>{c.title}</label>}
                        {c.key === pathColumn ? (
                          <input
                            id={cellId}
                            type="text"
                            className="mono"
                            list={listId}
                            value={typeof obj[c.key] === 'string' ? String(obj[c.key]) : ''}
                            aria-label={t('form.cellLabel', { column: c.title, row: i + 1 })}
                            onChange={(e) => onChange(setCell(value, i, c.key, e.target.value))}
                          />
                        ) : (
                          <Control
                            field={cellField(c)}
                            value={obj[c.key]}
                            id={cellId}
                            ariaLabel={t('form.cellLabel', { column: c.title, row: i + 1 })}
                            onChange={(v) => onChange(setCell(value, i, c.key, v))}
                          />
                        )}
                        {compact ? <label htmlFor={cellId}>{c.title}</label> : null}
                      </div>
                    );
                  })}
                </div>
                <RowActions index={i} count={value.length} onMove={(to) => onChange(moveItem(value, i, to))} onRemove={() => onChange(value.filter((_, j) => j !== i))} />
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted small">{t('form.noRows')}</p>
      )}
      <button type="button" className="button button-small" onClick={() => onChange([...value, newRow(columns)])}>
        <Icon name="plus" size={14} /> {t('form.addRow', { field: field.title })}
      </button>
    </div>
  );
}

export function RowActions({ index, count, onMove, onRemove }: { index: number; count: number; onMove: (to: number) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <span className="row-buttons">
      <button type="button" className="icon-button" disabled={index === 0} aria-label={t('form.moveUp', { row: index + 1 })} title={t('form.moveUp', { row: index + 1 })} onClick={() => onMove(index - 1)}>
        ↑
      </button>
      <button type="button" className="icon-button" disabled={index === count - 1} aria-label={t('form.moveDown', { row: index + 1 })} title={t('form.moveDown', { row: index + 1 })} onClick={() => onMove(index + 1)}>
        ↓
      </button>
      <button type="button" className="icon-button danger" aria-label={t('form.removeRow', { row: index + 1 })} title={t('form.removeRow', { row: index + 1 })} onClick={onRemove}>
        <Icon name="x" size={14} />
      </button>
    </span>
  );
}
