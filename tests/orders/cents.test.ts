// Cent-exact documents: orders where Visma.net's own VAT (worked out per VAT id on the line amounts) is a cent off
// what the shop charged, posted through the example flows into the Visma.net simulator. Every expected amount is
// worked out by hand in the comments; the document must total what the customer paid, to the cent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shopOrder } from './golden-orders';
import { admin, at, clients, createCostItems, freshLedger, insertOrders, loadExample, run, startSims, withParams, written } from './harness';
import type { RunResult, Sims } from './harness';

let s: Sims;
let c: ReturnType<typeof clients>;

const person = { email: 'jan.devries@example.nl', first: 'Jan', last: 'de Vries', street: 'Kerkstraat 12', zip: '1012 AB', city: 'Amsterdam', country: 'NL' as const };
const when = '2025-03-10T10:00:00Z';

const orders = {
  // Incl. VAT: 3 x 0.99 = 2.97 paid. Net 2.97 / 1.21 = 2.4545 -> 2.45, VAT 0.52. Visma.net: 21% of 2.45 = 0.5145 ->
  // 0.51, so its own total is 2.96. No net amount n gives n + 21% of n = 2.97 (2.45 -> 2.96, 2.46 -> 2.98).
  incl: shopOrder({ id: 630001, number: 3001, created: when, person, paymethod: 'MollieIdeal', incl: true, shipping: 0, rows: [{ sku: 'ART-00000', name: 'Sticker', count: 3, price: 0.99, tax: 21 }], total: 2.97, tax: 0.52 }),
  // Excl. VAT, rounded per line by the shop: 3 lines of 0.35, VAT 0.0735 -> 0.07 each = 0.21; paid 1.05 + 0.21 = 1.26.
  // Visma.net: 21% of 1.05 = 0.2205 -> 0.22, total 1.27.
  perLine: shopOrder({
    id: 630002, number: 3002, created: when, person, paymethod: 'MollieIdeal', incl: false, shipping: 0,
    rows: [
      { sku: 'ART-00000', name: 'Sticker A', count: 1, price: 0.35, tax: 21 },
      { sku: 'ART-00003', name: 'Sticker B', count: 1, price: 0.35, tax: 21 },
      { sku: 'ART-00002', name: 'Sticker C', count: 1, price: 0.35, tax: 21 },
    ],
    total: 1.26, tax: 0.21,
  }),
  // Excl. VAT, rounded on the total by the shop: the same lines, VAT 0.22, paid 1.27 = what Visma.net computes.
  perTotal: shopOrder({
    id: 630003, number: 3003, created: when, person, paymethod: 'MollieIdeal', incl: false, shipping: 0,
    rows: [
      { sku: 'ART-00000', name: 'Sticker A', count: 1, price: 0.35, tax: 21 },
      { sku: 'ART-00003', name: 'Sticker B', count: 1, price: 0.35, tax: 21 },
      { sku: 'ART-00002', name: 'Sticker C', count: 1, price: 0.35, tax: 21 },
    ],
    total: 1.27, tax: 0.22,
  }),
  // Incl. VAT with a coupon: 3 x 1.09 = 3.27 - 0.30 = 2.97 paid, VAT 0.52 (as above). List price without VAT:
  // 3.27 / 1.21 = 2.7025 -> 2.70 = 3 x 0.90; the discount is 2.70 - 2.45 = 0.25.
  discount: shopOrder({ id: 630004, number: 3004, created: when, person, paymethod: 'MollieIdeal', incl: true, shipping: 0, discount: 0.3, coupon: { code: 'MIN30', discount: 0.3, type: 'fixed' }, rows: [{ sku: 'ART-00000', name: 'Sticker', count: 3, price: 1.09, tax: 21 }], total: 2.97, tax: 0.52 }),
};

beforeAll(async () => {
  s = await startSims();
  c = clients(s);
});
afterAll(async () => {
  await s.close();
});
beforeEach(async () => {
  await admin(s.visma, 'POST', '/__sim/reset');
  await admin(s.visma, 'POST', '/__sim/config', { priceDecimals: 4 });
  await admin(s.ccv, 'POST', '/__sim/reset');
  await createCostItems(c.visma);
  await insertOrders(s.ccv, Object.values(orders));
});

const str = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const noFailures = (r: RunResult) => expect(r.records.filter((e) => e.action === 'failed').map((e) => e.reason)).toEqual([]);
const infoLogs = (r: RunResult, key: string) => r.events.flatMap((e) => (e.type === 'log' && e.key === key ? [e.message] : []));

type Lines = [string | null, number, number, number, string | null][];

async function invoiceOf(order: number) {
  const stored = (await written(s.visma, 'customerInvoices')).find((i) => i.externalReference === `CCV-${order}`);
  if (!stored) throw new Error(`no invoice for ${order}`);
  const lines = (Array.isArray(stored.lines) ? stored.lines : []).map((l: Record<string, unknown>) => [l.inventoryNumber, l.quantity, l.unitPrice, l.discountAmount, l.vatCodeId]);
  return { lines, dto: await c.visma.customerInvoices.get(str(stored.referenceNumber)) };
}

async function salesOrderOf(order: number) {
  const stored = (await written(s.visma, 'salesOrders')).find((o) => o.customerRefNo === `CCV-${order}`);
  if (!stored) throw new Error(`no sales order for ${order}`);
  const lines = (Array.isArray(stored.lines) ? stored.lines : []).map((l: Record<string, unknown>) => [l.inventoryId, l.quantity, l.unitPrice, l.discountAmount, l.taxCategoryId]);
  return { lines, totals: (await c.visma.salesOrders.get('SO', str(stored.orderId))).order.totals };
}

describe('customer invoices total what was paid, to the cent', () => {
  it('gives the VAT amount the shop charged where Visma.net would be a cent off, and says so in the log', async () => {
    const r = await run(loadExample('orders-sales-invoices'), s, freshLedger());
    noFailures(r);
    const incl = await invoiceOf(3001);
    expect(incl.lines).toEqual([['ART-00000', 3, 0.8167, 0, '01']] satisfies Lines);
    expect([incl.dto.detailTotal, incl.dto.vatTotal, incl.dto.amount]).toEqual([2.45, 0.52, 2.97]);
    expect(infoLogs(r, '3001').join('\n')).toContain('gives the VAT amount the shop charged (NLH 21%: 0.52 instead of 0.51 on 2.45)');

    const perLine = await invoiceOf(3002);
    expect([perLine.dto.detailTotal, perLine.dto.vatTotal, perLine.dto.amount]).toEqual([1.05, 0.21, 1.26]);

    // Rounded on the total: nothing to correct, no VAT amount sent.
    const perTotal = await invoiceOf(3003);
    expect([perTotal.dto.detailTotal, perTotal.dto.vatTotal, perTotal.dto.amount]).toEqual([1.05, 0.22, 1.27]);
    expect(infoLogs(r, '3003').join('\n')).not.toContain('VAT amount');

    const discount = await invoiceOf(3004);
    expect(discount.lines).toEqual([['ART-00000', 3, 0.9, 0.25, '01']] satisfies Lines);
    expect([discount.dto.detailTotal, discount.dto.vatTotal, discount.dto.amount]).toEqual([2.45, 0.52, 2.97]);
  });

  it('adds a rounding line instead when asked: the VAT stays Visma.net\'s, the total is what was paid', async () => {
    const flow = withParams(loadExample('orders-sales-invoices'), { post: { centCorrection: 'rounding-line' } });
    const r = await run(flow, s, freshLedger());
    noFailures(r);
    const incl = await invoiceOf(3001);
    // 2.45 + VAT 0.51 + rounding 0.01 (VAT code 04, no VAT) = 2.97.
    expect(incl.lines).toEqual([['ART-00000', 3, 0.8167, 0, '01'], ['AFRONDING', 1, 0.01, 0, '04']] satisfies Lines);
    expect([incl.dto.detailTotal, incl.dto.vatTotal, incl.dto.amount]).toEqual([2.46, 0.51, 2.97]);
    expect(infoLogs(r, '3001').join('\n')).toContain('a rounding line of 0.01 (item AFRONDING, VAT code 04) was added');
    const perLine = await invoiceOf(3002);
    // 1.05 + 0.22 - 0.01 = 1.26.
    expect(perLine.lines.at(-1)).toEqual(['AFRONDING', 1, -0.01, 0, '04']);
    expect([perLine.dto.vatTotal, perLine.dto.amount]).toEqual([0.22, 1.26]);
  });

  it('is exact with unit prices of two decimals too, the discount taking what the price rounds up', async () => {
    await admin(s.visma, 'POST', '/__sim/config', { priceDecimals: 2 });
    const r = await run(withParams(loadExample('orders-sales-invoices'), { post: { priceDecimals: 2 } }), s, freshLedger());
    noFailures(r);
    // 2.45 / 3 = 0.8167 -> 0.82 (up); 3 x 0.82 = 2.46, discount 0.01: 2.45.
    const incl = await invoiceOf(3001);
    expect(incl.lines).toEqual([['ART-00000', 3, 0.82, 0.01, '01']] satisfies Lines);
    expect([incl.dto.detailTotal, incl.dto.vatTotal, incl.dto.amount]).toEqual([2.45, 0.52, 2.97]);
    // 1.05 / 3 lines of 0.35: exact at two decimals.
    expect((await invoiceOf(3002)).dto.amount).toBe(1.26);
  });
});

describe('sales orders total what was paid, to the cent', () => {
  it('adds a rounding line where Visma.net would be a cent off (V3 takes no VAT amounts)', async () => {
    const r = await run(loadExample('orders-sales-orders'), s, freshLedger());
    noFailures(r);
    const incl = await salesOrderOf(3001);
    expect(incl.lines).toEqual([['ART-00000', 3, 0.8167, 0, '01'], ['AFRONDING', 1, 0.01, 0, '04']] satisfies Lines);
    expect([incl.totals?.taxTotal, incl.totals?.orderTotal]).toEqual([0.51, 2.97]);
    const perLine = await salesOrderOf(3002);
    expect(perLine.lines.at(-1)).toEqual(['AFRONDING', 1, -0.01, 0, '04']);
    expect([perLine.totals?.taxTotal, perLine.totals?.orderTotal]).toEqual([0.22, 1.26]);
    const perTotal = await salesOrderOf(3003);
    expect(perTotal.lines.map((l) => l[0])).toEqual(['ART-00000', 'ART-00003', 'ART-00002']);
    expect([perTotal.totals?.taxTotal, perTotal.totals?.orderTotal]).toEqual([0.22, 1.27]);
    const discount = await salesOrderOf(3004);
    expect(discount.lines).toEqual([['ART-00000', 3, 0.9, 0.25, '01'], ['AFRONDING', 1, 0.01, 0, '04']] satisfies Lines);
    expect(discount.totals?.orderTotal).toBe(2.97);
    expect(infoLogs(r, '3001').join('\n')).toContain("Visma.net's own VAT would make the sales order total 2.96 where the customer paid 2.97, so a rounding line of 0.01");
    const sent = r.records.find((e) => e.nodeId === 'post' && e.key === '3001')?.sent;
    expect(at(sent, 'orderLines') ?? 'no payload logged').toEqual(expect.arrayContaining([expect.objectContaining({ inventoryId: 'AFRONDING', unitPrice: 0.01 })]));
  });

  it('fails the order, naming the setting, when no rounding item is set, and posts nothing for it', async () => {
    const r = await run(withParams(loadExample('orders-sales-orders'), { post: { roundingItem: '' } }), s, freshLedger());
    const failed = r.records.find((e) => e.key === '3001' && e.action === 'failed');
    expect(failed?.reason).toBe("Order '3001': Visma.net's own VAT would make the document total 2.96 where the customer paid 2.97 (a difference of 0.01), and no rounding item is set. Fill in 'Rounding item'.");
    const refs = (await written(s.visma, 'salesOrders')).map((o) => o.customerRefNo);
    expect(refs).not.toContain('CCV-3001');
    expect(refs).toContain('CCV-3003');
  });
});

describe('journal transactions book the VAT the shop charged', () => {
  it('receivable = paid, revenue = net, VAT = the shop\'s VAT, for each rounding case', async () => {
    const r = await run(loadExample('orders-financial'), s, freshLedger());
    noFailures(r);
    const batches = await written(s.visma, 'journalTransactions');
    const linesOf = (order: number) => {
      const b = batches.find((x) => Array.isArray(x.lines) && x.lines.some((l: Record<string, unknown>) => l.referenceNumber === `CCV-${order}`));
      return (Array.isArray(b?.lines) ? b.lines : []).map((l: Record<string, unknown>) => [l.accountNumber, l.debit, l.credit]);
    };
    expect(linesOf(3001)).toEqual([['1110', 2.97, 0], ['8000', 0, 2.45], ['1500', 0, 0.52]]);
    expect(linesOf(3002)).toEqual([['1110', 1.26, 0], ['8000', 0, 1.05], ['1500', 0, 0.21]]);
    expect(linesOf(3003)).toEqual([['1110', 1.27, 0], ['8000', 0, 1.05], ['1500', 0, 0.22]]);
    expect(linesOf(3004)).toEqual([['1110', 2.97, 0], ['8000', 0, 2.45], ['1500', 0, 0.52]]);
  });
});
