import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { closeDialog } from '../store/ui.slice';
import type { SaveConflict } from '../store/ui.slice';
import { Dialog } from '../ui/dialog';
import { resolveSaveConflict } from './commands';

/**
 * A save the host refused because it would have replaced a newer file. Nothing is lost until the person picks:
 * the version on disk, or theirs over it. Cancel (or Escape) leaves both as they are.
 */
export function SaveConflictDialog({ conflict }: { conflict: SaveConflict }) {
  const { t } = useTranslation();
  const reloadHint = useId();
  const overwriteHint = useId();
  const changed = conflict.reason === 'changed';
  const file = changed ? conflict.path : conflict.file;
  return (
    <Dialog
      title={t(changed ? 'saveConflict.changedTitle' : 'saveConflict.existsTitle')}
      onClose={closeDialog}
      footer={
        <>
          <button type="button" className="button" onClick={closeDialog} data-autofocus>
            {t('common.cancel')}
          </button>
          {changed ? (
            <button type="button" className="button" aria-describedby={reloadHint} onClick={() => void resolveSaveConflict(conflict, 'reload')}>
              {t('saveConflict.reload')}
            </button>
          ) : null}
          <button type="button" className="button danger-solid" aria-describedby={overwriteHint} onClick={() => void resolveSaveConflict(conflict, 'overwrite')}>
            {t(changed ? 'saveConflict.keepMine' : 'saveConflict.replace')}
          </button>
        </>
      }
    >
      <p>{t(changed ? 'saveConflict.changed' : 'saveConflict.exists', { file })}</p>
      <ul className="bullets muted small">
        {changed ? (
          <li id={reloadHint}>
            <strong>{t('saveConflict.reload')}</strong>: {t('saveConflict.reloadHint')}
          </li>
        ) : null}
        <li id={overwriteHint}>
          <strong>{t(changed ? 'saveConflict.keepMine' : 'saveConflict.replace')}</strong>: {t(changed ? 'saveConflict.keepMineHint' : 'saveConflict.replaceHint')}
        </li>
      </ul>
    </Dialog>
  );
}
