import type { WizardAnswers } from '../../host/contract';

/** The wizard's steps in order. */
export const STEPS = ['visma', 'ccv', 'flows', 'questions', 'dryRun', 'activate'] as const;
export type Step = (typeof STEPS)[number];
export type FlowKind = WizardAnswers['flows'][number];
export type OrderDocument = NonNullable<WizardAnswers['orders']>['document'];
export type StockFigure = NonNullable<NonNullable<WizardAnswers['stock']>['figure']>;

export const FLOW_KINDS: readonly FlowKind[] = ['stock', 'products', 'customers', 'orders'];
/** The shop's VAT rates per country the wizard asks a VAT code and revenue account for (keys of the value tables). */
export const VAT_RATES: Record<string, number[]> = { NL: [21, 9, 0], BE: [21, 6, 0], DE: [19, 7, 0] };

export interface WizardState {
  step: Step;
  vismaConnectionId: string;
  ccvConnectionId: string;
  /** A connection test passed for the chosen id. */
  tested: { visma: boolean; ccv: boolean };
  flows: FlowKind[];
  homeCountry: string;
  orderDocument: OrderDocument;
  orderStatuses: number[];
  useDefaultCustomer: boolean;
  defaultCustomer: string;
  orderType: string;
  warehouse: string;
  stockFigure: StockFigure;
  /** 'NL-21' → VAT code. */
  vatCodes: Record<string, string>;
  /** 'NL' → revenue account. */
  revenueAccounts: Record<string, string>;
  /** CCV pay method → Visma payment method. */
  paymentMethods: Record<string, string>;
  /** CCV shipping method → Visma carrier. */
  carriers: Record<string, string>;
  /** Filled once the flows exist. */
  created: { kind: FlowKind; path: string; flowId: string; name: string }[];
}

export function initialState(): WizardState {
  return {
    step: 'visma',
    vismaConnectionId: '',
    ccvConnectionId: '',
    tested: { visma: false, ccv: false },
    flows: ['stock', 'orders'],
    homeCountry: 'NL',
    orderDocument: 'sales-orders',
    orderStatuses: [1],
    useDefaultCustomer: false,
    defaultCustomer: '',
    orderType: 'SO',
    warehouse: '',
    stockFigure: 'available',
    vatCodes: {},
    revenueAccounts: {},
    paymentMethods: {},
    carriers: {},
    created: [],
  };
}

/** What stops the person from going on, as an i18n key; null = may go on. */
export function blocker(s: WizardState): string | null {
  switch (s.step) {
    case 'visma':
      return !s.vismaConnectionId ? 'wizard.need.visma' : !s.tested.visma ? 'wizard.need.test' : null;
    case 'ccv':
      return !s.ccvConnectionId ? 'wizard.need.ccv' : !s.tested.ccv ? 'wizard.need.test' : null;
    case 'flows':
      return s.flows.length === 0 ? 'wizard.need.flow' : null;
    case 'questions':
      if (!/^[A-Z]{2}$/.test(s.homeCountry)) return 'wizard.need.country';
      if (s.flows.includes('orders') && s.useDefaultCustomer && !s.defaultCustomer.trim()) return 'wizard.need.defaultCustomer';
      return null;
    case 'dryRun':
      return s.created.length === 0 ? 'wizard.need.created' : null;
    case 'activate':
      return null;
  }
}

export function next(s: WizardState): WizardState {
  if (blocker(s) !== null) return s;
  const i = STEPS.indexOf(s.step);
  const step = STEPS[Math.min(i + 1, STEPS.length - 1)] ?? s.step;
  return { ...s, step };
}

/** Back is refused once the flows exist: the answers are in them now (change them on the canvas). */
export function back(s: WizardState): WizardState {
  const i = STEPS.indexOf(s.step);
  if (i <= 0 || s.created.length > 0) return s;
  return { ...s, step: STEPS[i - 1] ?? s.step };
}

export function toggleFlow(s: WizardState, kind: FlowKind): WizardState {
  const flows = s.flows.includes(kind) ? s.flows.filter((k) => k !== kind) : [...s.flows, kind];
  return { ...s, flows: FLOW_KINDS.filter((k) => flows.includes(k)) };
}

const filled = (rows: Record<string, string>) => Object.fromEntries(Object.entries(rows).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));

/** The answers for `wizard.createFlows`; rows left empty keep the example's values. */
export function toAnswers(s: WizardState): WizardAnswers {
  const orders = s.flows.includes('orders');
  const tables: NonNullable<WizardAnswers['tables']> = {};
  const vat = filled(s.vatCodes);
  const revenue = filled(s.revenueAccounts);
  const pay = filled(s.paymentMethods);
  const carriers = filled(s.carriers);
  if (Object.keys(vat).length) tables['vat-code-per-country-rate'] = vat;
  if (Object.keys(revenue).length) tables['revenue-account-per-country'] = revenue;
  if (Object.keys(pay).length) tables['payment-method'] = pay;
  if (Object.keys(carriers).length) tables['carrier-per-shipping-method'] = carriers;
  return {
    vismaConnectionId: s.vismaConnectionId,
    ccvConnectionId: s.ccvConnectionId,
    flows: s.flows,
    homeCountry: s.homeCountry,
    ...(orders
      ? {
          orders: {
            document: s.orderDocument,
            statuses: s.orderStatuses,
            defaultCustomer: s.useDefaultCustomer ? s.defaultCustomer.trim() : '',
            ...(s.orderDocument === 'sales-orders' && s.orderType.trim() ? { orderType: s.orderType.trim() } : {}),
          },
        }
      : {}),
    ...(s.flows.includes('stock') ? { stock: { warehouses: s.warehouse ? [s.warehouse] : [], figure: s.stockFigure } } : {}),
    ...(Object.keys(tables).length ? { tables } : {}),
  };
}
