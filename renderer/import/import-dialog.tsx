import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getKoppel } from '../api/koppel-api';
import { openFlow } from '../app/commands';
import { reportError } from '../app/errors';
import { refreshFlows } from '../app/workspace-loader';
import { closeDialog, toast, useUi } from '../store/ui.slice';
import { useWorkspace } from '../store/workspace.slice';
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icon';
import { ProblemLocation } from '../ui/problem-location';

/** Import: pick a file → see which slots it needs and what it writes to → bind each slot → import. */
export function ImportDialog() {
  const { t } = useTranslation();
  const dialog = useUi((s) => s.dialog);
  const connections = useWorkspace((s) => s.connections);
  const fileId = useId();
  const [bindings, setBindings] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  if (dialog.kind !== 'import') return null;

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const text = await file.text();
      const inspection = await getKoppel().invoke('flows.inspectImport', { text });
      // Pre-bind slots that have exactly one fitting connection.
      const pre: Record<string, string> = {};
      for (const s of inspection.slots) {
        const fitting = connections.filter((c) => c.type === s.type);
        const only = fitting[0];
        if (fitting.length === 1 && only) pre[s.name] = only.id;
      }
      setBindings(pre);
      useUi.setState({ dialog: { kind: 'import', stage: 'review', fileName: file.name, text, inspection } });
    } catch (e) {
      reportError(t('errors.import'), e);
    } finally {
      setBusy(false);
    }
  };

  const doImport = async () => {
    if (dialog.stage !== 'review') return;
    setBusy(true);
    try {
      const res = await getKoppel().invoke('flows.import', { text: dialog.text, bindings });
      closeDialog();
      toast('success', t('import.done', { name: res.flow.name }));
      await refreshFlows();
      await openFlow(res.path);
    } catch (e) {
      reportError(t('errors.import'), e);
    } finally {
      setBusy(false);
    }
  };

  if (dialog.stage === 'pick') {
    return (
      <Dialog title={t('import.title')} onClose={closeDialog}>
        <p>{t('import.intro')}</p>
        <label htmlFor={fileId} className="file-drop">
          <Icon name="upload" size={22} />
          <span>{busy ? t('import.reading') : t('import.choose')}</span>
        </label>
        <input id={fileId} className="file-input" type="file" accept=".json,.flow.json,application/json" aria-label={t('import.choose')} onChange={(e) => void pickFile(e.target.files?.[0])} />
      </Dialog>
    );
  }

  const { inspection, fileName } = dialog;
  const errors = inspection.problems.filter((p) => p.severity === 'error');
  const unbound = inspection.slots.filter((s) => !bindings[s.name]);
  const canImport = inspection.flow !== undefined && errors.length === 0;
  return (
    <Dialog
      title={t('import.reviewTitle', { file: fileName })}
      onClose={closeDialog}
      wide
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button is-primary" disabled={!canImport || busy} onClick={() => void doImport()}>
            {t('import.import')}
          </button>
        </>
      }
    >
      {inspection.flow ? (
        <p>
          <strong>{inspection.flow.name}</strong> {inspection.flow.description ? <span className="muted">— {inspection.flow.description}</span> : null}
        </p>
      ) : null}
      {inspection.problems.length > 0 ? (
        <ul className="problem-list" aria-label={t('import.problems')}>
          {inspection.problems.map((p, i) => (
            <li key={i} className={`problem problem-${p.severity}`}>
              <Icon name="warning" size={14} />
              <div>
                {p.nodeId ? <span className="mono">{p.nodeId}: </span> : null}
                <ProblemLocation problem={p} />
                {p.message}
                <div className="muted small">{p.fix}</div>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      <h3>{t('import.writesTo')}</h3>
      {inspection.writesTo.length > 0 ? (
        <ul className="writes-list">
          {inspection.writesTo.map((w) => (
            <li key={w}>
              <Icon name="warning" size={14} /> {w}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('import.writesNothing')}</p>
      )}
      <h3>{t('import.slots')}</h3>
      {inspection.slots.length === 0 ? <p className="muted small">{t('import.noSlots')}</p> : null}
      {inspection.slots.map((s) => {
        const fitting = connections.filter((c) => c.type === s.type);
        const id = `${fileId}-slot-${s.name}`;
        return (
          <div key={s.name} className="field">
            <label htmlFor={id}>
              {t('import.slotLabel', { slot: s.name, type: t(`slotType.${s.type}`) })}
              {s.title ? <span className="muted"> — {s.title}</span> : null}
            </label>
            <select id={id} value={bindings[s.name] ?? ''} onChange={(e) => setBindings({ ...bindings, [s.name]: e.target.value })}>
              <option value="">{t('import.bindLater')}</option>
              {fitting.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {fitting.length === 0 ? <span className="field-hint warn">{t('slots.addConnectionHint', { type: t(`slotType.${s.type}`) })}</span> : null}
          </div>
        );
      })}
      {unbound.length > 0 && inspection.slots.length > 0 ? <p className="muted small">{t('import.unboundHint')}</p> : null}
    </Dialog>
  );
}
