import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissToast, useUi } from '../store/ui.slice';
import type { Toast } from '../store/ui.slice';
import { Icon } from './icon';

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  useEffect(() => {
    // Errors stay until dismissed: they usually say what to do.
    if (toast.kind === 'error') return;
    const timer = setTimeout(() => dismissToast(toast.id), 5000);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
      <Icon name={toast.kind === 'error' ? 'warning' : toast.kind === 'success' ? 'check' : 'info'} />
      <span className="toast-message">{toast.message}</span>
      <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => dismissToast(toast.id)}>
        <Icon name="x" size={14} />
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useUi((s) => s.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </div>
  );
}
