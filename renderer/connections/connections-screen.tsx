import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, Connection } from '../../host/contract';
import { getKoppel } from '../api/koppel-api';
import { requestOpenFlow } from '../app/commands';
import { messageOf, reportError } from '../app/errors';
import { refreshBindings, refreshConnections } from '../app/workspace-loader';
import { clearOptionCache } from '../inspector/use-options';
import { toast, useUi } from '../store/ui.slice';
import { useWorkspace } from '../store/workspace.slice';
import { Icon } from '../ui/icon';
import { CONNECTION_FIELDS, draftFromConnection, newDraft, toSaveInput, validateDraft } from './connection-form';
import type { ConnectionDraft, ConnectionField, SlotType } from './connection-form';

type Usage = ChannelOutput<'connections.usage'>;

function FieldInput({ draft, field, error, onChange }: { draft: ConnectionDraft; field: ConnectionField; error?: string; onChange: (v: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const label = field.secret ? t(`connections.field.secret_${draft.type}`) : t(`connections.field.${field.key}`);
  const keep = field.secret && draft.hasSecret;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {field.required && !keep ? ' *' : ''}
      </label>
      <input
        id={id}
        type={field.secret ? 'password' : field.kind === 'url' ? 'url' : 'text'}
        autoComplete="off"
        spellCheck={false}
        value={draft.values[field.key] ?? ''}
        placeholder={keep ? t('connections.secretStored') : field.placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error ? (
        <span className="field-error" id={`${id}-err`}>
          {t(`connections.error.${error}`)}
        </span>
      ) : field.advanced ? (
        <p className="field-desc">{t(`connections.${field.hint ?? 'defaultHint'}`)}</p>
      ) : null}
    </div>
  );
}

function Editor({ initial, onSaved }: { initial: ConnectionDraft; onSaved: (c: Connection) => void }) {
  const { t } = useTranslation();
  const nameId = useId();
  const [draft, setDraft] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [changed, setChanged] = useState(false);
  const [testResult, setTestResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [usage, setUsage] = useState<Usage | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const errors = validateDraft(draft);
  const fields = CONNECTION_FIELDS[draft.type];

  useEffect(() => {
    setDraft(initial);
    setTouched(false);
    setChanged(false);
    setTestResult(null);
    setUsage(null);
    if (!initial.id) return;
    getKoppel()
      .invoke('connections.usage', { id: initial.id })
      .then(setUsage, (e: unknown) => reportError(t('errors.usage'), e));
  }, [initial, t]);

  const set = (key: string, v: string) => {
    setChanged(true);
    setDraft((d) => (key === 'name' ? { ...d, name: v } : { ...d, values: { ...d.values, [key]: v } }));
  };

  const save = async (): Promise<Connection | null> => {
    setTouched(true);
    if (Object.keys(errors).length > 0) return null;
    setBusy('save');
    try {
      const saved = await getKoppel().invoke('connections.save', toSaveInput(draft));
      clearOptionCache();
      setChanged(false);
      toast('success', t('connections.saved', { name: saved.name }));
      await Promise.all([refreshConnections(), refreshBindings()]);
      onSaved(saved);
      return saved;
    } catch (e) {
      reportError(t('errors.saveConnection'), e);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const test = async () => {
    let id = draft.id;
    if (!id || changed) id = (await save())?.id;
    if (!id) return;
    setBusy('test');
    setTestResult(null);
    try {
      setTestResult(await getKoppel().invoke('connections.test', { id }));
    } catch (e) {
      setTestResult({ ok: false, message: messageOf(e) });
    } finally {
      setBusy(null);
    }
  };

  const shownErrors = touched ? errors : {};
  return (
    <form
      className="connection-editor"
      aria-label={draft.id ? t('connections.editLabel', { name: initial.name }) : t('connections.newLabel', { type: t(`slotType.${draft.type}`) })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <header className="editor-head">
        <Icon name={draft.type === 'visma-net' ? 'database' : 'cart'} size={20} />
        <h2>{draft.id ? initial.name : t('connections.newTitle', { type: t(`slotType.${draft.type}`) })}</h2>
        <span className="muted small">{t(`slotType.${draft.type}`)}</span>
      </header>
      <p className="muted small">{t(`connections.help.${draft.type}`)}</p>
      <div className="field">
        <label htmlFor={nameId}>{t('connections.name')} *</label>
        <input id={nameId} type="text" value={draft.name} aria-invalid={shownErrors.name ? true : undefined} onChange={(e) => set('name', e.target.value)} />
        {shownErrors.name ? <span className="field-error">{t(`connections.error.${shownErrors.name}`)}</span> : null}
      </div>
      {fields
        .filter((f) => !f.advanced)
        .map((f) => (
          <FieldInput key={f.key} draft={draft} field={f} error={shownErrors[f.key]} onChange={(v) => set(f.key, v)} />
        ))}
      {fields.some((f) => f.advanced) ? (
        <details className="advanced">
          <summary>{t('connections.advanced')}</summary>
          {fields
            .filter((f) => f.advanced)
            .map((f) => (
              <FieldInput key={f.key} draft={draft} field={f} error={shownErrors[f.key]} onChange={(v) => set(f.key, v)} />
            ))}
        </details>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button is-primary" disabled={busy !== null}>
          <Icon name="save" size={14} /> {t('connections.save')}
        </button>
        <button type="button" className="button" onClick={() => void test()} disabled={busy !== null}>
          <Icon name="check" size={14} /> {busy === 'test' ? t('connections.testing') : t('connections.test')}
        </button>
        {draft.id ? (
          <button type="button" className="button danger" onClick={() => useUi.setState({ dialog: { kind: 'confirm', action: { kind: 'removeConnection', id: draft.id ?? '', name: initial.name } } })}>
            <Icon name="trash" size={14} /> {t('connections.remove')}
          </button>
        ) : null}
      </div>
      {testResult ? (
        <div className={testResult.ok ? 'banner banner-ok' : 'banner banner-error'} role="status" data-testid="connection-test-result">
          <Icon name={testResult.ok ? 'check' : 'warning'} />
          <span>{testResult.message || (testResult.ok ? t('connections.testOk') : t('connections.testFailed'))}</span>
        </div>
      ) : null}
      {draft.id ? (
        <section className="usage" aria-labelledby={`${nameId}-usage`}>
          <h3 id={`${nameId}-usage`}>{t('connections.usage')}</h3>
          {usage === null ? null : usage.length === 0 ? (
            <p className="muted small">{t('connections.unused')}</p>
          ) : (
            <ul>
              {usage.map((u) => (
                <li key={`${u.path}:${u.slot}`}>
                  <button type="button" className="link-button" onClick={() => requestOpenFlow(u.path)}>
                    {u.flowName}
                  </button>{' '}
                  <span className="muted small">{t('connections.viaSlot', { slot: u.slot })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </form>
  );
}

/** Add, edit and test connections; see which flows use them. */
export function ConnectionsScreen() {
  const { t } = useTranslation();
  const connections = useWorkspace((s) => s.connections);
  const [current, setCurrent] = useState<ConnectionDraft | null>(null);
  const pick = (c: Connection) => setCurrent(draftFromConnection(c));
  const add = (type: SlotType) => setCurrent(newDraft(type));
  useEffect(() => {
    if (current?.id && !connections.some((c) => c.id === current.id)) setCurrent(null);
  }, [connections, current]);
  return (
    <main className="connections-screen" aria-labelledby="connections-heading">
      <div className="connections-list">
        <div className="panel-heading">
          <button type="button" className="icon-button" aria-label={t('connections.back')} title={t('connections.back')} onClick={() => useUi.setState({ view: 'editor' })}>
            <Icon name="chevronLeft" />
          </button>
          <h1 id="connections-heading">{t('connections.heading')}</h1>
        </div>
        <div className="add-buttons">
          <button type="button" className="button" onClick={() => add('visma-net')}>
            <Icon name="plus" size={14} /> {t('connections.addVisma')}
          </button>
          <button type="button" className="button" onClick={() => add('ccv-shop')}>
            <Icon name="plus" size={14} /> {t('connections.addCcv')}
          </button>
        </div>
        <ul aria-label={t('connections.heading')}>
          {connections.map((c) => (
            <li key={c.id}>
              <button type="button" className={current?.id === c.id ? 'connection-item is-open' : 'connection-item'} aria-current={current?.id === c.id ? 'true' : undefined} onClick={() => pick(c)}>
                <Icon name={c.type === 'visma-net' ? 'database' : 'cart'} />
                <span className="connection-name">{c.name}</span>
                <span className="muted small">{t(`slotType.${c.type}`)}</span>
                {c.demo ? <span className="chip">{t('connections.demo')}</span> : null}
                {!c.hasSecret ? <span className="chip chip-failed">{t('connections.noSecret')}</span> : null}
              </button>
            </li>
          ))}
        </ul>
        {connections.length === 0 ? <p className="muted small pad">{t('connections.empty')}</p> : null}
      </div>
      <div className="connections-detail">
        {current ? (
          <Editor initial={current} onSaved={(c) => setCurrent(draftFromConnection(c))} />
        ) : (
          <div className="placeholder">
            <Icon name="plug" size={40} />
            <p>{t('connections.pick')}</p>
          </div>
        )}
      </div>
    </main>
  );
}
