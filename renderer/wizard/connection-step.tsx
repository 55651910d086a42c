import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getKoppel } from '../api/koppel-api';
import { messageOf } from '../app/errors';
import { refreshConnections } from '../app/workspace-loader';
import { CONNECTION_FIELDS, newDraft, toSaveInput, validateDraft } from '../connections/connection-form';
import type { SlotType } from '../connections/connection-form';
import { clearOptionCache } from '../inspector/use-options';
import { useWorkspace } from '../store/workspace.slice';

/** Choose a saved connection or enter a new one (with help on where each value is), then test it. */
export function ConnectionStep({ type, value, tested, onChange }: { type: SlotType; value: string; tested: boolean; onChange: (id: string, tested: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const all = useWorkspace((s) => s.connections);
  const mine = all.filter((c) => c.type === type);
  const [draft, setDraft] = useState(() => ({ ...newDraft(type), name: t(`slotType.${type}`) }));
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const creating = value === '';
  const errors = validateDraft(draft);

  const test = async () => {
    setBusy(true);
    setResult(null);
    try {
      let connectionId = value;
      if (creating) {
        setTouched(true);
        if (Object.keys(errors).length > 0) return;
        const saved = await getKoppel().invoke('connections.save', toSaveInput(draft));
        clearOptionCache();
        await refreshConnections();
        connectionId = saved.id;
      }
      const r = await getKoppel().invoke('connections.test', { id: connectionId });
      setResult(r);
      onChange(connectionId, r.ok);
    } catch (e) {
      setResult({ ok: false, message: messageOf(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wizard-connection">
      <p>{t(`wizard.help.${type}`)}</p>
      <div className="field">
        <label htmlFor={`${id}-pick`}>{t('wizard.useConnection')}</label>
        <select
          id={`${id}-pick`}
          value={value}
          onChange={(e) => {
            setResult(null);
            onChange(e.target.value, false);
          }}
          data-testid={`wizard-connection-${type}`}
        >
          <option value="">{t('wizard.newConnection')}</option>
          {mine.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {creating ? (
        <fieldset className="field-group">
          <legend>{t('wizard.newConnection')}</legend>
          {CONNECTION_FIELDS[type]
            .filter((f) => !f.advanced)
            .map((f) => {
              const err = touched ? errors[f.key] : undefined;
              return (
                <div className="field" key={f.key}>
                  <label htmlFor={`${id}-${f.key}`}>{f.secret ? t(`connections.field.secret_${type}`) : t(`connections.field.${f.key}`)} *</label>
                  <input
                    id={`${id}-${f.key}`}
                    type={f.secret ? 'password' : 'text'}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder={f.placeholder}
                    value={draft.values[f.key] ?? ''}
                    aria-invalid={err ? true : undefined}
                    onChange={(e) => setDraft((d) => ({ ...d, values: { ...d.values, [f.key]: e.target.value } }))}
                  />
                  <p className="field-desc">{t(`wizard.where.${type}.${f.key}`)}</p>
                  {err ? <span className="field-error">{t(`connections.error.${err}`)}</span> : null}
                </div>
              );
            })}
        </fieldset>
      ) : null}
      <button type="button" className="button" onClick={() => void test()} disabled={busy} data-testid={`wizard-test-${type}`}>
        {creating ? t('wizard.saveAndTest') : t('wizard.test')}
      </button>
      {result ? (
        <p role="status" className={result.ok ? 'banner banner-ok' : 'banner banner-error'} data-testid="wizard-test-result">
          {result.message}
        </p>
      ) : tested ? (
        <p className="banner banner-ok">{t('wizard.tested')}</p>
      ) : null}
    </div>
  );
}
