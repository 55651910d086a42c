import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Json, JsonObject } from '../lib/json';
import { Icon } from '../ui/icon';
import { parseCellValue } from './schema-form-model';

function cellText(v: Json | undefined): string {
  return typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);
}

/** Rebuilds the object with one key renamed, keeping the order of the rows. */
export function renameKey(obj: JsonObject, from: string, to: string): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(obj)) out[k === from ? to : k] = v;
  return out;
}

export function uniqueKey(obj: JsonObject, base: string): string {
  if (!(base in obj)) return base;
  for (let i = 2; ; i++) if (!(`${base}${i}` in obj)) return `${base}${i}`;
}

/** A key/value table (value-mapping tables, headers, ...). Keys are edited in place; duplicates are refused. */
export function KeyValueEditor({ label, value, onChange, keyLabel, valueLabel }: { label: string; value: JsonObject; onChange: (v: JsonObject) => void; keyLabel?: string; valueLabel?: string }) {
  const { t } = useTranslation();
  const [draftKeys, setDraftKeys] = useState<Record<string, string>>({});
  const entries = Object.entries(value);
  const kLabel = keyLabel ?? t('kv.key');
  const vLabel = valueLabel ?? t('kv.value');
  return (
    <div className="kv-editor">
      {entries.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{kLabel}</th>
              <th scope="col">{vLabel}</th>
              <th scope="col">
                <span className="sr-only">{t('form.rowActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([k, v], i) => {
              const draft = draftKeys[k];
              const duplicate = draft !== undefined && draft !== k && draft in value;
              return (
                <tr key={k}>
                  <td>
                    <input
                      type="text"
                      value={draft ?? k}
                      aria-label={t('kv.keyLabel', { table: label, row: i + 1 })}
                      aria-invalid={duplicate || undefined}
                      title={duplicate ? t('kv.duplicate') : undefined}
                      onChange={(e) => setDraftKeys({ ...draftKeys, [k]: e.target.value })}
                      onBlur={() => {
                        const d = draftKeys[k];
                        const rest = { ...draftKeys };
                        delete rest[k];
                        setDraftKeys(rest);
                        if (d !== undefined && d.trim() !== '' && d !== k && !(d in value)) onChange(renameKey(value, k, d.trim()));
                      }}
                    />
                  </td>
                  <td>
                    <input type="text" value={cellText(v)} aria-label={t('kv.valueLabel', { table: label, key: k })} onChange={(e) => onChange({ ...value, [k]: parseCellValue(e.target.value, v) })} />
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="icon-button danger"
                      aria-label={t('kv.remove', { key: k })}
                      title={t('kv.remove', { key: k })}
                      onClick={() => {
                        const next = { ...value };
                        delete next[k];
                        onChange(next);
                      }}
                    >
                      <Icon name="x" size={14} />
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p className="muted small">{t('kv.empty')}</p>
      )}
      <button type="button" className="button button-small" onClick={() => onChange({ ...value, [uniqueKey(value, t('kv.newKey'))]: '' })}>
        <Icon name="plus" size={14} /> {t('kv.add', { table: label })}
      </button>
    </div>
  );
}
