import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportDialog } from '../import/import-dialog';
import { useGraph } from '../store/graph.slice';
import { closeDialog, useUi } from '../store/ui.slice';
import type { ConfirmAction } from '../store/ui.slice';
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icon';
import { confirmAction, createFlow, saveFlowAs, setupDemo } from './commands';
import { SaveConflictDialog } from './save-conflict-dialog';

function NameDialog({ title, label, initial, submit, onSubmit }: { title: string; label: string; initial: string; submit: string; onSubmit: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const ok = name.trim() !== '';
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (ok) onSubmit(name.trim());
  };
  return (
    <Dialog title={title} onClose={closeDialog}>
      <form onSubmit={send} className="name-form">
        <div className="field">
          <label htmlFor="dialog-name">{label}</label>
          <input id="dialog-name" type="text" value={name} data-autofocus onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={closeDialog}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button is-primary" disabled={!ok}>
            {submit}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function confirmText(a: ConfirmAction, t: (k: string, o?: Record<string, unknown>) => string): { title: string; body: string; ok: string; danger: boolean } {
  switch (a.kind) {
    case 'deleteFlow':
      return { title: t('confirm.deleteFlowTitle'), body: t('confirm.deleteFlow', { name: a.name }), ok: t('common.delete'), danger: true };
    case 'removeConnection':
      return { title: t('confirm.removeConnectionTitle'), body: t('confirm.removeConnection', { name: a.name }), ok: t('common.remove'), danger: true };
    default:
      return { title: t('confirm.unsavedTitle'), body: t('confirm.unsaved'), ok: t('confirm.discard'), danger: true };
  }
}

function FirstStart() {
  const { t } = useTranslation();
  const busy = useUi((s) => s.busy.demo === true);
  return (
    <Dialog
      title={t('firstStart.title')}
      onClose={closeDialog}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog}>
            {t('firstStart.skip')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              closeDialog();
              useUi.setState({ view: 'wizard' });
            }}
          >
            {t('firstStart.wizard')}
          </button>
          <button type="button" className="button is-primary" disabled={busy} onClick={() => void setupDemo()}>
            <Icon name="sparkle" size={14} /> {busy ? t('firstStart.preparing') : t('firstStart.demo')}
          </button>
        </>
      }
    >
      <p>{t('firstStart.intro')}</p>
      <ul className="bullets">
        <li>{t('firstStart.point1')}</li>
        <li>{t('firstStart.point2')}</li>
        <li>{t('firstStart.point3')}</li>
      </ul>
    </Dialog>
  );
}

/** Whichever dialog the ui slice asks for. */
export function Dialogs() {
  const { t } = useTranslation();
  const dialog = useUi((s) => s.dialog);
  const flowName = useGraph((s) => s.meta?.name ?? '');
  switch (dialog.kind) {
    case 'none':
      return null;
    case 'newFlow':
      return <NameDialog title={t('newFlow.title')} label={t('newFlow.name')} initial="" submit={t('newFlow.create')} onSubmit={(n) => void createFlow(n)} />;
    case 'saveAs':
      return <NameDialog title={t('saveAs.title')} label={t('saveAs.name')} initial={t('saveAs.copyOf', { name: flowName })} submit={t('saveAs.save')} onSubmit={(n) => void saveFlowAs(n)} />;
    case 'import':
      return <ImportDialog />;
    case 'firstStart':
      return <FirstStart />;
    case 'saveConflict':
      return <SaveConflictDialog conflict={dialog.conflict} />;
    case 'confirm': {
      const c = confirmText(dialog.action, t);
      return (
        <Dialog
          title={c.title}
          onClose={closeDialog}
          footer={
            <>
              <button type="button" className="button" onClick={closeDialog} data-autofocus>
                {t('common.cancel')}
              </button>
              <button type="button" className={c.danger ? 'button danger-solid' : 'button is-primary'} onClick={() => void confirmAction(dialog.action)}>
                {c.ok}
              </button>
            </>
          }
        >
          <p>{c.body}</p>
        </Dialog>
      );
    }
  }
}
