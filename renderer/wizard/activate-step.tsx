import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getKoppel } from '../api/koppel-api';
import { requestOpenFlow } from '../app/commands';
import { reportError } from '../app/errors';
import { toast, useUi } from '../store/ui.slice';
import type { FlowKind, WizardState } from './wizard-state';

/** A sensible first interval per flow; the person changes it here or later on the Schedules screen. */
const DEFAULT_MINUTES: Record<FlowKind, number> = { stock: 15, orders: 15, customers: 60, products: 60 };

/** Schedules for the created flows, switched on together; each flow can be opened on the canvas. */
export function ActivateStep({ s }: { s: WizardState }) {
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<Record<string, string>>(() => Object.fromEntries(s.created.map((f) => [f.flowId, String(DEFAULT_MINUTES[f.kind])])));
  const [done, setDone] = useState(false);
  const activate = async () => {
    try {
      for (const f of s.created) {
        const n = Number(minutes[f.flowId]);
        if (!Number.isInteger(n) || n < 1) {
          toast('error', t('wizard.badMinutes', { name: f.name }));
          return;
        }
      }
      for (const f of s.created) await getKoppel().invoke('schedules.set', { flowId: f.flowId, everyMinutes: Number(minutes[f.flowId]), active: true, catchUp: 'run-once' });
      setDone(true);
      toast('success', t('wizard.activated', { count: s.created.length }));
    } catch (e) {
      reportError(t('ops.errors.scheduleSave'), e);
    }
  };
  return (
    <div>
      <ul className="plain-list">
        {s.created.map((f) => (
          <li key={f.flowId} className="field-inline wizard-activate-row">
            <label>
              {t('wizard.everyMinutesFor', { name: f.name })}{' '}
              <input type="number" min={1} value={minutes[f.flowId] ?? ''} onChange={(e) => setMinutes((m) => ({ ...m, [f.flowId]: e.target.value }))} style={{ width: '6em' }} />
            </label>{' '}
            <button type="button" className="link-button" onClick={() => requestOpenFlow(f.path)}>
              {t('wizard.openOnCanvas')}
            </button>
          </li>
        ))}
      </ul>
      {done ? (
        <p className="banner banner-ok" role="status">
          {t('wizard.doneText')}{' '}
          <button type="button" className="link-button" onClick={() => useUi.setState({ view: 'schedules' })}>
            {t('nav.schedules')}
          </button>
        </p>
      ) : (
        <button type="button" className="button is-primary" onClick={() => void activate()} data-testid="wizard-activate">
          {t('wizard.activate')}
        </button>
      )}
    </div>
  );
}
