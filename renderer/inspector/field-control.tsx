import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isJson, isJsonObject } from '../lib/json';
import type { Json } from '../lib/json';
import { Icon } from '../ui/icon';
import { ExpressionField } from './expression-field';
import { useFormContext } from './form-context';
import { KeyValueEditor } from './keyvalue-editor';
import { MapperEditor } from './mapper-editor';
import { checkValue, parseNumberInput } from './schema-form-model';
import type { FieldDescriptor, FieldProblem } from './schema-form-model';
import { TableEditor } from './table-editor';
import { useOptions } from './use-options';

export interface ControlProps {
  field: FieldDescriptor;
  value: Json | undefined;
  onChange: (value: Json | undefined) => void;
  id: string;
  /** Accessible name when there is no visible label (table cells). */
  ariaLabel?: string;
}

export function problemText(p: FieldProblem, t: (k: string, o?: Record<string, unknown>) => string): string {
  return t(`form.${p.code}`, 'limit' in p ? { limit: p.limit } : undefined);
}

/** Number box that tolerates half-typed input ("12,") and stores numbers only. */
function NumberInput({ field, value, onChange, id, ariaLabel }: ControlProps) {
  const { t } = useTranslation();
  const shown = typeof value === 'number' ? String(value) : '';
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText((cur) => (parseNumberInput(cur) === value ? cur : shown));
  }, [shown, value]);
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-label={ariaLabel}
        aria-invalid={invalid || undefined}
        placeholder={field.default !== undefined ? String(field.default) : field.placeholder}
        onChange={(e) => {
          setText(e.target.value);
          const n = parseNumberInput(e.target.value);
          setInvalid(n === 'invalid');
          if (n !== 'invalid') onChange(n);
        }}
      />
      {invalid ? <span className="field-error">{t('form.notNumber')}</span> : null}
    </>
  );
}

function SelectInput({ field, value, onChange, id, ariaLabel }: ControlProps) {
  const { t } = useTranslation();
  const { connectionId } = useFormContext();
  const [reload, setReload] = useState(0);
  const live = useOptions(field.optionsFrom, connectionId, reload);
  if (field.optionsFrom && !connectionId && !field.options) {
    // No connection bound yet: accept the code as text and say how to get a list.
    return (
      <>
        <input id={id} type="text" value={typeof value === 'string' ? value : ''} aria-label={ariaLabel} onChange={(e) => onChange(e.target.value === '' && !field.required ? undefined : e.target.value)} />
        <span className="field-hint">{t('form.bindForOptions')}</span>
      </>
    );
  }
  const options = field.optionsFrom ? live.options.map((o) => ({ value: o.value, label: o.label, raw: o.value })) : (field.options ?? []);
  const current = value === undefined || value === null ? '' : String(value);
  const known = options.some((o) => o.value === current);
  return (
    <div className="select-row">
      <select
        id={id}
        value={current}
        aria-label={ariaLabel}
        onChange={(e) => {
          const opt = options.find((o) => o.value === e.target.value);
          onChange(opt ? opt.raw : e.target.value === '' ? undefined : e.target.value);
        }}
      >
        {!field.required || current === '' ? <option value="">{field.default !== undefined ? t('form.defaultOption', { value: String(field.default) }) : t('form.choose')}</option> : null}
        {!known && current !== '' ? <option value={current}>{current}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {field.optionsFrom && !o.label.includes(o.value) ? `${o.label} (${o.value})` : o.label}
          </option>
        ))}
      </select>
      {field.optionsFrom ? (
        <button type="button" className="icon-button" aria-label={t('form.reloadOptions', { field: field.title })} title={t('form.reloadOptions', { field: field.title })} onClick={() => setReload((r) => r + 1)}>
          <Icon name="history" size={14} />
        </button>
      ) : null}
      {live.status === 'loading' ? <span className="field-hint">{t('form.loadingOptions')}</span> : null}
      {live.status === 'error' ? <span className="field-error">{t('form.optionsFailed', { error: live.error ?? '' })}</span> : null}
    </div>
  );
}

function JsonInput({ value, onChange, id, ariaLabel }: ControlProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [error, setError] = useState(false);
  return (
    <>
      <textarea
        id={id}
        className="mono"
        rows={4}
        value={text}
        aria-label={ariaLabel}
        aria-invalid={error || undefined}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text.trim() === '') {
            setError(false);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(text);
            if (!isJson(parsed)) throw new Error('not JSON');
            setError(false);
            onChange(parsed);
          } catch {
            setError(true);
          }
        }}
      />
      {error ? <span className="field-error">{t('form.invalidJson')}</span> : null}
    </>
  );
}

/** One control for one widget, without label (tables use it per cell). */
export function Control(props: ControlProps) {
  const { field, value, onChange, id, ariaLabel } = props;
  const { t } = useTranslation();
  const { fieldPaths } = useFormContext();
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
  const setText = (v: string) => onChange(v === '' && !field.required ? undefined : v);
  switch (field.widget) {
    case 'text':
      return <input id={id} type="text" value={text} aria-label={ariaLabel} placeholder={field.placeholder ?? (typeof field.default === 'string' ? field.default : undefined)} onChange={(e) => setText(e.target.value)} />;
    case 'textarea':
      return <textarea id={id} rows={3} value={text} aria-label={ariaLabel} placeholder={field.placeholder} onChange={(e) => setText(e.target.value)} />;
    case 'number':
      return <NumberInput {...props} />;
    case 'toggle':
      return (
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="toggle"
          checked={value === true || (value === undefined && field.default === true)}
          aria-label={ariaLabel}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'select':
      return <SelectInput {...props} />;
    case 'expression':
      return <ExpressionField value={text} onChange={setText} label={ariaLabel ?? field.title} fieldPaths={fieldPaths} placeholder={field.placeholder ?? t('form.expressionPlaceholder')} />;
    case 'table':
    case 'conditions':
      return <TableEditor field={field} value={Array.isArray(value) ? value : []} onChange={onChange} />;
    case 'mapper':
      return <MapperEditor field={field} value={Array.isArray(value) ? value : []} onChange={onChange} />;
    case 'keyvalue':
      return <KeyValueEditor label={field.title} value={isJsonObject(value) ? value : {}} onChange={onChange} />;
    case 'list':
      return (
        <textarea
          id={id}
          rows={3}
          value={Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n') : ''}
          aria-label={ariaLabel}
          placeholder={t('form.onePerLine')}
          onChange={(e) => {
            const items = e.target.value.split('\n');
            const numeric = field.itemField?.valueType === 'number' || field.itemField?.valueType === 'integer';
            onChange(items.map((s) => (numeric && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : s)));
          }}
        />
      );
    case 'group':
      return <GroupEditor field={field} value={value} onChange={onChange} />;
    case 'json':
      return <JsonInput {...props} />;
  }
}

function GroupEditor({ field, value, onChange }: { field: FieldDescriptor; value: Json | undefined; onChange: (v: Json | undefined) => void }) {
  const obj = isJsonObject(value) ? value : {};
  return (
    <div className="field-group">
      {(field.fields ?? []).map((f) => (
        <FieldRow
          key={f.key}
          field={f}
          value={obj[f.key]}
          onChange={(v) => {
            const next = { ...obj };
            if (v === undefined) delete next[f.key];
            else next[f.key] = v;
            onChange(next);
          }}
        />
      ))}
    </div>
  );
}

const inline = new Set(['toggle']);
const composite = new Set(['table', 'conditions', 'mapper', 'keyvalue', 'group']);

/** Label, control, description and problem of one field. */
export function FieldRow({ field, value, onChange }: { field: FieldDescriptor; value: Json | undefined; onChange: (v: Json | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const problem = checkValue(field, value);
  const labelText = `${field.title}${field.required ? ' *' : ''}`;
  if (composite.has(field.widget)) {
    return (
      <fieldset className={`field field-${field.widget}`}>
        <legend>{labelText}</legend>
        {field.description ? <p className="field-desc">{field.description}</p> : null}
        <Control field={field} value={value} onChange={onChange} id={id} />
        {problem ? <span className="field-error">{problemText(problem, t)}</span> : null}
      </fieldset>
    );
  }
  const describedBy = field.description ? `${id}-desc` : undefined;
  return (
    <div className={inline.has(field.widget) ? 'field field-inline' : `field field-${field.widget}`} aria-describedby={describedBy}>
      {inline.has(field.widget) ? (
        <>
          <Control field={field} value={value} onChange={onChange} id={id} />
          <label htmlFor={id}>{labelText}</label>
        </>
      ) : (
        <>
          <label htmlFor={id}>{labelText}</label>
          <Control field={field} value={value} onChange={onChange} id={id} ariaLabel={field.widget === 'expression' ? field.title : undefined} />
        </>
      )}
      {field.description ? (
        <p className="field-desc" id={describedBy}>
          {field.description}
        </p>
      ) : null}
      {problem ? <span className="field-error">{problemText(problem, t)}</span> : null}
    </div>
  );
}
