import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useOptions } from '../inspector/use-options';
import { OptionSelect } from './option-select';
import { VAT_RATES } from './wizard-state';
import type { OrderDocument, StockFigure, WizardState } from './wizard-state';

/** Shipping methods as CCV names them in orders (delivery option / deliver method), the keys of the carrier table. */
const SHIPPING_KEYS = ['shipping', 'pickup', 'PG'] as const;
const DOCUMENTS: readonly OrderDocument[] = ['sales-orders', 'sales-invoices', 'financial'];
const FIGURES: readonly StockFigure[] = ['available', 'availableForShipment', 'onHand', 'availableMinusBooked'];

type Set = (patch: Partial<WizardState>) => void;

function OrderQuestions({ s, set }: { s: WizardState; set: Set }) {
  const { t } = useTranslation();
  const id = useId();
  const statuses = useOptions('ccvOrderStatuses', s.ccvConnectionId);
  const payMethods = useOptions('ccvPayMethods', s.ccvConnectionId);
  return (
    <fieldset className="field-group">
      <legend>{t('wizard.q.orders')}</legend>
      <fieldset className="field">
        <legend>{t('wizard.q.document')}</legend>
        {DOCUMENTS.map((d) => (
          <label key={d} className="field-inline">
            <input type="radio" name={`${id}-doc`} checked={s.orderDocument === d} onChange={() => set({ orderDocument: d })} /> {t(`wizard.document.${d}`)}
          </label>
        ))}
      </fieldset>
      {s.orderDocument === 'sales-orders' ? <OptionSelect label={t('wizard.q.orderType')} kind="salesOrderTypes" connectionId={s.vismaConnectionId} value={s.orderType} onChange={(v) => set({ orderType: v })} /> : null}
      <fieldset className="field">
        <legend>{t('wizard.q.statuses')}</legend>
        {statuses.status === 'error' ? <p className="field-error">{t('wizard.optionsFailed', { error: statuses.error ?? '' })}</p> : null}
        {statuses.options.map((o) => {
          const n = Number(o.value);
          return (
            <label key={o.value} className="field-inline">
              <input type="checkbox" checked={s.orderStatuses.includes(n)} onChange={() => set({ orderStatuses: s.orderStatuses.includes(n) ? s.orderStatuses.filter((x) => x !== n) : [...s.orderStatuses, n].sort((a, b) => a - b) })} /> {o.label}
            </label>
          );
        })}
        <p className="field-desc">{t('wizard.q.statusesHelp')}</p>
      </fieldset>
      <fieldset className="field">
        <legend>{t('wizard.q.customer')}</legend>
        <label className="field-inline">
          <input type="radio" name={`${id}-cust`} checked={!s.useDefaultCustomer} onChange={() => set({ useDefaultCustomer: false })} /> {t('wizard.q.customerEach')}
        </label>
        <label className="field-inline">
          <input type="radio" name={`${id}-cust`} checked={s.useDefaultCustomer} onChange={() => set({ useDefaultCustomer: true })} /> {t('wizard.q.customerDefault')}
        </label>
        {s.useDefaultCustomer ? (
          <div className="field">
            <label htmlFor={`${id}-dc`}>{t('wizard.q.defaultCustomer')}</label>
            <input id={`${id}-dc`} type="text" value={s.defaultCustomer} onChange={(e) => set({ defaultCustomer: e.target.value })} />
          </div>
        ) : null}
      </fieldset>
      <h4>{t('wizard.q.payment')}</h4>
      {payMethods.options.map((o) => (
        <OptionSelect key={o.value} label={t('wizard.q.paymentFor', { method: o.label })} kind="paymentMethods" connectionId={s.vismaConnectionId} value={s.paymentMethods[o.value] ?? ''} onChange={(v) => set({ paymentMethods: { ...s.paymentMethods, [o.value]: v } })} />
      ))}
      {s.orderDocument === 'sales-orders' ? (
        <>
          <h4>{t('wizard.q.shipping')}</h4>
          {SHIPPING_KEYS.map((k) => (
            <OptionSelect key={k} label={t(`wizard.shippingKey.${k}`)} kind="carriers" connectionId={s.vismaConnectionId} value={s.carriers[k] ?? ''} onChange={(v) => set({ carriers: { ...s.carriers, [k]: v } })} />
          ))}
        </>
      ) : null}
    </fieldset>
  );
}

function VatQuestions({ s, set }: { s: WizardState; set: Set }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field-group">
      <legend>{t('wizard.q.vat')}</legend>
      <p className="field-desc">{t('wizard.q.vatHelp')}</p>
      {Object.entries(VAT_RATES).map(([country, rates]) => (
        <div key={country} className="vat-country">
          <h4>{t('wizard.q.country', { country })}</h4>
          {rates.map((rate) => {
            const key = `${country}-${rate}`;
            return <OptionSelect key={key} label={t('wizard.q.vatCode', { country, rate })} kind="vatCategories" connectionId={s.vismaConnectionId} value={s.vatCodes[key] ?? ''} onChange={(v) => set({ vatCodes: { ...s.vatCodes, [key]: v } })} />;
          })}
          <div className="field">
            <label htmlFor={`${id}-rev-${country}`}>{t('wizard.q.revenue', { country })}</label>
            <input id={`${id}-rev-${country}`} type="text" inputMode="numeric" value={s.revenueAccounts[country] ?? ''} placeholder={t('wizard.keepExample')} onChange={(e) => set({ revenueAccounts: { ...s.revenueAccounts, [country]: e.target.value } })} />
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** The questions that matter for the chosen flows, with choices loaded from the live systems. */
export function QuestionsStep({ s, set }: { s: WizardState; set: Set }) {
  const { t } = useTranslation();
  const id = useId();
  const writesMoney = s.flows.includes('orders') || s.flows.includes('customers');
  return (
    <div className="wizard-questions">
      <div className="field">
        <label htmlFor={`${id}-hc`}>{t('wizard.q.homeCountry')}</label>
        <input id={`${id}-hc`} type="text" maxLength={2} value={s.homeCountry} onChange={(e) => set({ homeCountry: e.target.value.toUpperCase() })} data-testid="wizard-home-country" />
      </div>
      {s.flows.includes('stock') ? (
        <fieldset className="field-group">
          <legend>{t('wizard.q.stock')}</legend>
          <OptionSelect label={t('wizard.q.warehouse')} kind="warehouses" connectionId={s.vismaConnectionId} value={s.warehouse} onChange={(v) => set({ warehouse: v })} emptyLabel={t('wizard.q.allWarehouses')} />
          <div className="field">
            <label htmlFor={`${id}-fig`}>{t('wizard.q.figure')}</label>
            <select id={`${id}-fig`} value={s.stockFigure} onChange={(e) => set({ stockFigure: FIGURES.find((f) => f === e.target.value) ?? 'available' })}>
              {FIGURES.map((f) => (
                <option key={f} value={f}>
                  {t(`wizard.figure.${f}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      ) : null}
      {s.flows.includes('orders') ? <OrderQuestions s={s} set={set} /> : null}
      {writesMoney ? <VatQuestions s={s} set={set} /> : null}
      {s.flows.includes('products') && !writesMoney && !s.flows.includes('stock') ? <p className="muted">{t('wizard.q.nothingToAsk')}</p> : null}
    </div>
  );
}
