import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getKoppel } from '../api/koppel-api';
import { reportError } from '../app/errors';
import { refreshBindings, refreshFlows } from '../app/workspace-loader';
import { ActivateStep } from './activate-step';
import { ConnectionStep } from './connection-step';
import { DryRunStep } from './dry-run-step';
import { QuestionsStep } from './questions-step';
import { FLOW_KINDS, STEPS, back, blocker, initialState, next, toAnswers, toggleFlow } from './wizard-state';
import type { WizardState } from './wizard-state';

/** First start and "New integration": systems, credentials, flows, questions, dry runs, schedules. */
export function WizardScreen() {
  const { t } = useTranslation();
  const [s, setS] = useState<WizardState>(initialState);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<WizardState>) => setS((x) => ({ ...x, ...patch }));
  const stop = blocker(s);

  const goNext = async () => {
    if (stop) return;
    if (s.step === 'questions' && s.created.length === 0) {
      // Leaving the questions makes the flows: the dry run needs them in the library.
      setBusy(true);
      try {
        const out = await getKoppel().invoke('wizard.createFlows', toAnswers(s));
        await Promise.all([refreshFlows(), refreshBindings()]);
        setS((x) => next({ ...x, created: out.flows }));
      } catch (e) {
        reportError(t('wizard.createFailed'), e);
      } finally {
        setBusy(false);
      }
      return;
    }
    setS(next);
  };

  const index = STEPS.indexOf(s.step);
  return (
    <main className="ops-screen wizard" aria-labelledby="wizard-heading" data-testid="wizard">
      <h1 id="wizard-heading">{t('wizard.heading')}</h1>
      <ol className="wizard-steps" aria-label={t('wizard.stepsLabel')}>
        {STEPS.map((step, i) => (
          <li key={step} aria-current={step === s.step ? 'step' : undefined}>
            {i + 1}. {t(`wizard.step.${step}`)}
          </li>
        ))}
      </ol>
      <section className="ops-card" aria-labelledby="wizard-step-heading" data-testid={`wizard-step-${s.step}`}>
        <h2 id="wizard-step-heading">{t(`wizard.step.${s.step}`)}</h2>
        {s.step === 'visma' ? <ConnectionStep type="visma-net" value={s.vismaConnectionId} tested={s.tested.visma} onChange={(id, ok) => set({ vismaConnectionId: id, tested: { ...s.tested, visma: ok } })} /> : null}
        {s.step === 'ccv' ? <ConnectionStep type="ccv-shop" value={s.ccvConnectionId} tested={s.tested.ccv} onChange={(id, ok) => set({ ccvConnectionId: id, tested: { ...s.tested, ccv: ok } })} /> : null}
        {s.step === 'flows' ? (
          <fieldset className="field">
            <legend>{t('wizard.chooseFlows')}</legend>
            {FLOW_KINDS.map((k) => (
              <label key={k} className="field-inline">
                <input type="checkbox" checked={s.flows.includes(k)} onChange={() => setS((x) => toggleFlow(x, k))} data-testid={`wizard-flow-${k}`} /> <strong>{t(`wizard.flow.${k}`)}</strong> – {t(`wizard.flowHelp.${k}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {s.step === 'questions' ? <QuestionsStep s={s} set={set} /> : null}
        {s.step === 'dryRun' ? (
          <>
            <p>{t('wizard.dryRunHelp')}</p>
            <DryRunStep s={s} />
          </>
        ) : null}
        {s.step === 'activate' ? <ActivateStep s={s} /> : null}
        <div className="wizard-nav">
          <button type="button" className="button" onClick={() => setS(back)} disabled={index === 0 || s.created.length > 0}>
            {t('wizard.back')}
          </button>
          {s.step !== 'activate' ? (
            <button type="button" className="button is-primary" onClick={() => void goNext()} disabled={stop !== null || busy} aria-describedby={stop ? 'wizard-blocker' : undefined} data-testid="wizard-next">
              {s.step === 'questions' ? t('wizard.create') : t('wizard.next')}
            </button>
          ) : null}
          {stop ? (
            <span id="wizard-blocker" className="muted">
              {t(stop)}
            </span>
          ) : null}
        </div>
      </section>
    </main>
  );
}
