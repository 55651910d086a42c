import { describe, expect, it } from 'vitest';
import { back, blocker, initialState, next, toAnswers, toggleFlow } from './wizard-state';
import type { WizardState } from './wizard-state';

const ready = (over: Partial<WizardState> = {}): WizardState => ({
  ...initialState(),
  vismaConnectionId: 'v1',
  ccvConnectionId: 'c1',
  tested: { visma: true, ccv: true },
  ...over,
});

describe('wizard state machine', () => {
  it('does not leave a connection step before a connection is chosen and tested', () => {
    const s = initialState();
    expect(blocker(s)).toBe('wizard.need.visma');
    expect(next(s).step).toBe('visma');
    const chosen = { ...s, vismaConnectionId: 'v1' };
    expect(blocker(chosen)).toBe('wizard.need.test');
    expect(next({ ...chosen, tested: { visma: true, ccv: false } }).step).toBe('ccv');
  });

  it('walks the steps in order and back again', () => {
    let s = ready();
    const seen = [s.step];
    for (let i = 0; i < 3; i++) {
      s = next(s);
      seen.push(s.step);
    }
    expect(seen).toEqual(['visma', 'ccv', 'flows', 'questions']);
    expect(back(s).step).toBe('flows');
    expect(back(initialState()).step).toBe('visma');
  });

  it('needs at least one flow, a country code, and a default customer number when one is wanted', () => {
    expect(blocker(ready({ step: 'flows', flows: [] }))).toBe('wizard.need.flow');
    expect(blocker(ready({ step: 'questions', homeCountry: 'nl' }))).toBe('wizard.need.country');
    expect(blocker(ready({ step: 'questions', useDefaultCustomer: true, defaultCustomer: ' ' }))).toBe('wizard.need.defaultCustomer');
    // Without the orders flow the default customer does not matter.
    expect(blocker(ready({ step: 'questions', flows: ['stock'], useDefaultCustomer: true }))).toBeNull();
  });

  it('cannot go back once the flows are created', () => {
    const s = ready({ step: 'dryRun', created: [{ kind: 'stock', path: '/p', flowId: 'f', name: 'n' }] });
    expect(back(s).step).toBe('dryRun');
    expect(next(s).step).toBe('activate');
    expect(blocker(ready({ step: 'dryRun' }))).toBe('wizard.need.created');
  });

  it('keeps the flow choice in a fixed order', () => {
    const s = toggleFlow(toggleFlow(ready({ flows: [] }), 'orders'), 'stock');
    expect(s.flows).toEqual(['stock', 'orders']);
    expect(toggleFlow(s, 'orders').flows).toEqual(['stock']);
  });

  it('turns the answers into wizard.createFlows input, leaving out empty rows', () => {
    const a = toAnswers(
      ready({
        flows: ['stock', 'orders'],
        orderDocument: 'sales-invoices',
        orderStatuses: [1, 2],
        useDefaultCustomer: true,
        defaultCustomer: ' 10001 ',
        warehouse: 'MAIN',
        stockFigure: 'onHand',
        vatCodes: { 'NL-21': '01', 'NL-9': ' ' },
        paymentMethods: { MollieIdeal: 'IDEAL' },
      }),
    );
    expect(a).toEqual({
      vismaConnectionId: 'v1',
      ccvConnectionId: 'c1',
      flows: ['stock', 'orders'],
      homeCountry: 'NL',
      orders: { document: 'sales-invoices', statuses: [1, 2], defaultCustomer: '10001' },
      stock: { warehouses: ['MAIN'], figure: 'onHand' },
      tables: { 'vat-code-per-country-rate': { 'NL-21': '01' }, 'payment-method': { MollieIdeal: 'IDEAL' } },
    });
    const plain = toAnswers(ready({ flows: ['products'] }));
    expect(plain.orders).toBeUndefined();
    expect(plain.stock).toBeUndefined();
    expect(plain.tables).toBeUndefined();
    expect(toAnswers(ready({ flows: ['orders'] })).orders).toEqual({ document: 'sales-orders', statuses: [1], defaultCustomer: '', orderType: 'SO' });
  });
});
