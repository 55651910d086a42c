// Several shops, one administration: two CCV Shop simulators whose orders have the same number book into one
// Visma.net company. Each shop connection has its own reference prefix (CCV-, CCV2-), so neither order is taken for
// the other, and a second run of either flow posts nothing again.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CcvClient } from '../../connectors/ccv-shop/index';
import { runFlow } from '../../engine/index';
import type { FlowDocument, Ledger, RecordEvent, RunEvent } from '../../engine/index';
import { catalog } from '../../nodes/catalog';
import { startCcvSimulator } from '../../simulators/ccv-shop/index';
import type { CcvSimHandle } from '../../simulators/ccv-shop/index';
import { shopOrder } from './golden-orders';
import { admin, clients, createCostItems, freshLedger, insertOrders, loadExample, startSims, written } from './harness';
import type { Sims } from './harness';

let s: Sims;
let second: CcvSimHandle;
let visma: ReturnType<typeof clients>['visma'];

const when = '2025-03-10T10:00:00Z';
// Shop 1, order 1: 2 x 12.10 incl. 21% = 24.20 paid; net 24.20 / 1.21 = 20.00, VAT 4.20.
const shop1Order = shopOrder({
  id: 1, number: 1, created: when, paymethod: 'MollieIdeal', incl: true, shipping: 0,
  person: { email: 'eva@example.nl', first: 'Eva', last: 'Smit', street: 'Dorpsstraat 1', zip: '1234 AB', city: 'Utrecht', country: 'NL' },
  rows: [{ sku: 'ART-00000', name: 'Mok', count: 2, price: 12.1, tax: 21 }], total: 24.2, tax: 4.2,
});
// Shop 2, order 1 too: 1 x 30.25 incl. 21% = 30.25 paid; net 25.00, VAT 5.25.
const shop2Order = shopOrder({
  id: 1, number: 1, created: when, paymethod: 'MollieIdeal', incl: true, shipping: 0,
  person: { email: 'noah@example.nl', first: 'Noah', last: 'Bakker', street: 'Markt 2', zip: '5611 AA', city: 'Eindhoven', country: 'NL' },
  rows: [{ sku: 'ART-00002', name: 'Rugzak', count: 1, price: 30.25, tax: 21 }], total: 30.25, tax: 5.25,
});

beforeAll(async () => {
  s = await startSims();
  second = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { orders: 0, users: 6, products: 10 } });
  visma = clients(s).visma;
});
afterAll(async () => {
  await Promise.all([s.close(), second.close()]);
});
beforeEach(async () => {
  await admin(s.visma, 'POST', '/__sim/reset');
  await admin(s.ccv, 'POST', '/__sim/reset');
  await admin(second, 'POST', '/__sim/reset');
  await createCostItems(visma);
  await insertOrders(s.ccv, [shop1Order]);
  await insertOrders(second, [shop2Order]);
});

function shopClient(sim: CcvSimHandle, referencePrefix: string): CcvClient {
  return new CcvClient({ baseUrl: sim.url, ...sim.credentials, referencePrefix, retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 50 } });
}

async function runFor(flow: FlowDocument, shop: CcvClient, ledger: Ledger): Promise<RecordEvent[]> {
  const events: RunEvent[] = [];
  await runFlow({ flow, catalog, clients: { visma, shop }, ledger, dryRun: false, onEvent: (e) => events.push(e) });
  return events.filter((e): e is RecordEvent => e.type === 'record');
}

const posted = (records: RecordEvent[]) => records.filter((r) => r.nodeId === 'post').map((r) => [r.key, r.action, r.targetId !== undefined]);

describe('two shops with the same order number, one Visma.net company', () => {
  for (const [example, collection, refOf] of [
    ['orders-sales-invoices', 'customerInvoices', (d: Record<string, unknown>) => d.externalReference],
    ['orders-sales-orders', 'salesOrders', (d: Record<string, unknown>) => d.customerRefNo],
  ] as const) {
    it(`${example}: books both orders under their shop's prefix, each once`, async () => {
      const ledger = freshLedger();
      // Without writing the status back, so the orders are read again on every run (and must be skipped).
      const example0 = loadExample(example);
      const flow = { ...example0, nodes: example0.nodes.map((n) => (n.id === 'status' ? { ...n, disabled: true } : n)) };
      const one = shopClient(s.ccv, 'CCV-');
      const two = shopClient(second, 'CCV2-');
      expect(posted(await runFor(flow, one, ledger))).toEqual([['1', 'created', true]]);
      expect(posted(await runFor(flow, two, ledger))).toEqual([['1', 'created', true]]);
      const docs = await written(s.visma, collection);
      expect(docs.map(refOf).sort()).toEqual(['CCV-1', 'CCV2-1']);
      // Run again, each shop: nothing new.
      expect(posted(await runFor(flow, one, ledger)).map((p) => p[1])).toEqual(['skipped']);
      expect(posted(await runFor(flow, two, ledger)).map((p) => p[1])).toEqual(['skipped']);
      // A new computer (empty ledger) finds both in Visma.net by their references.
      const fresh = freshLedger();
      expect(posted(await runFor(flow, two, fresh)).map((p) => p[1])).toEqual(['skipped']);
      expect(await written(s.visma, collection)).toHaveLength(2);
    });
  }

  it('the amounts of each shop\'s order are its own, to the cent', async () => {
    const ledger = freshLedger();
    const flow = loadExample('orders-sales-invoices');
    await runFor(flow, shopClient(s.ccv, 'CCV-'), ledger);
    await runFor(flow, shopClient(second, 'CCV2-'), ledger);
    const invoices = await written(s.visma, 'customerInvoices');
    const totals = async (ref: string) => {
      const inv = invoices.find((i) => i.externalReference === ref);
      const dto = await visma.customerInvoices.get(String(inv?.referenceNumber));
      return [dto.detailTotal, dto.vatTotal, dto.amount];
    };
    expect(await totals('CCV-1')).toEqual([20, 4.2, 24.2]);
    expect(await totals('CCV2-1')).toEqual([25, 5.25, 30.25]);
  });

  it('a step with its own prefix uses it over the shop connection\'s', async () => {
    const parsed = loadExample('orders-sales-invoices');
    const flow = { ...parsed, nodes: parsed.nodes.map((n) => (n.id === 'post' ? { ...n, params: { ...n.params, referencePrefix: 'WEB-' } } : n)) };
    await runFor(flow, shopClient(second, 'CCV2-'), freshLedger());
    expect((await written(s.visma, 'customerInvoices')).map((i) => i.externalReference)).toEqual(['WEB-1']);
  });
});
