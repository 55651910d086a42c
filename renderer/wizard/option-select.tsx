import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useOptions } from '../inspector/use-options';

/** A choice loaded live from a connection (`options.list`); when the list cannot load, a text field instead. */
export function OptionSelect({ label, kind, connectionId, value, onChange, emptyLabel, testId }: { label: string; kind: string; connectionId: string; value: string; onChange: (v: string) => void; emptyLabel?: string; testId?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const state = useOptions(kind, connectionId);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {state.status === 'error' ? (
        <>
          <input id={id} type="text" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
          <p className="field-error">{t('wizard.optionsFailed', { error: state.error ?? '' })}</p>
        </>
      ) : (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} disabled={state.status === 'loading'} data-testid={testId}>
          <option value="">{emptyLabel ?? t('wizard.keepExample')}</option>
          {state.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label === o.value ? o.value : `${o.value} – ${o.label}`}
            </option>
          ))}
          {value && !state.options.some((o) => o.value === value) && state.status === 'ready' ? <option value={value}>{value}</option> : null}
        </select>
      )}
    </div>
  );
}
