import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obj, objs, startTestSim, wrap, type TestSim } from './test-support';

let t: TestSim;

beforeAll(async () => {
  t = await startTestSim({ now: () => Date.UTC(2025, 3, 10, 9) });
});
afterAll(() => t.sim.close());

/** The first seeded customer of a given VAT zone. */
async function customerInZone(zone: string): Promise<string> {
  const all = objs((await t.call('GET', '/v1/customer?pageSize=1000&status=Active')).json);
  const hit = all.find((c) => obj(c.vatZone).id === zone);
  if (!hit) throw new Error(`no seeded customer in zone ${zone}`);
  return String(hit.number);
}

const line = (fields: Record<string, unknown>): Record<string, unknown> => ({ operation: 'Insert', ...wrap(fields) });

describe('customer invoices', () => {
  it('creates through POST /v2/customerinvoice with 201 + Location + ETag and computes VAT', async () => {
    const customer = await customerInZone('NL');
    const body = { ...wrap({ customerNumber: customer, documentDate: '2025-04-10', externalReference: 'CCV-900' }), invoiceLines: [line({ inventoryNumber: 'TSHIRT-RED-M', quantity: 2, unitPriceInCurrency: 10 }), line({ description: 'Verzendkosten', quantity: 1, unitPriceInCurrency: 5, accountNumber: '8050', vatCodeId: '01' })] };
    const r = await t.call('POST', '/v2/customerinvoice', { body });
    expect(r.status).toBe(201);
    expect(r.text).toBe('');
    expect(r.headers.get('etag')).toBeTruthy();
    const loc = r.headers.get('location') ?? '';
    expect(loc).toMatch(/\/v1\/customerinvoice\/\d+$/);
    const inv = obj((await t.call('GET', new URL(loc).pathname)).json);
    expect(inv).toMatchObject({ customer: { number: customer }, externalReference: 'CCV-900', status: 'Balanced', detailTotal: 25, vatTotal: 5.25, amount: 30.25, documentDate: '2025-04-10T00:00:00', financialPeriod: '202504' });
    expect(objs(inv.invoiceLines).map((l) => obj(l.account).number)).toEqual(['8000', '8050']);
    expect(objs(inv.taxDetails)).toEqual([expect.objectContaining({ taxId: 'NLH', vatRate: 21, taxableAmount: 25, vatAmount: 5.25 })]);
    const found = objs((await t.call('GET', '/v1/customerinvoice?externalReference=CCV-900')).json);
    expect(found).toHaveLength(1);
  });

  it('takes the VAT amount given in taxDetailLines for a VAT id of the lines, on their taxable amount', async () => {
    const nl = await customerInZone('NL');
    // 2.45 at 21% computes to 0.51; the invoice gives 0.52.
    const lines = [line({ inventoryNumber: 'TSHIRT-RED-M', quantity: 3, unitPriceInCurrency: 0.8167 })];
    const tax = (fields: Record<string, unknown>) => [wrap(fields)];
    const ok = await t.call('POST', '/v2/customerinvoice', { body: { ...wrap({ customerNumber: nl }), invoiceLines: lines, taxDetailLines: tax({ taxId: 'NLH', taxableAmount: 2.45, vatAmount: 0.52 }) } });
    expect(ok.status).toBe(201);
    const inv = obj((await t.call('GET', new URL(ok.headers.get('location') ?? '').pathname + '?expandTaxDetails=true')).json);
    expect([inv.detailTotal, inv.vatTotal, inv.amount]).toEqual([2.45, 0.52, 2.97]);
    expect(objs(inv.taxDetails)).toEqual([expect.objectContaining({ taxId: 'NLH', taxableAmount: 2.45, vatAmount: 0.52 })]);
    const otherId = await t.call('POST', '/v2/customerinvoice', { body: { ...wrap({ customerNumber: nl }), invoiceLines: lines, taxDetailLines: tax({ taxId: 'NLL', taxableAmount: 2.45, vatAmount: 0.22 }) } });
    expect(otherId.status).toBe(400);
    expect(String(obj(otherId.json).message)).toContain("VAT ID 'NLL' is not on this invoice; its lines give 'NLH'");
    const otherBase = await t.call('POST', '/v2/customerinvoice', { body: { ...wrap({ customerNumber: nl }), invoiceLines: lines, taxDetailLines: tax({ taxId: 'NLH', taxableAmount: 2.5, vatAmount: 0.52 }) } });
    expect(String(obj(otherBase.json).message)).toContain("the taxable amount 2.5 of VAT ID 'NLH' is not the 2.45 of the invoice lines");
  });

  it("keeps unit prices with the company's price decimals", async () => {
    const nl = await customerInZone('NL');
    await t.admin('POST', 'config', { priceDecimals: 2 });
    try {
      const r = await t.call('POST', '/v2/customerinvoice', { body: { ...wrap({ customerNumber: nl }), invoiceLines: [line({ inventoryNumber: 'TSHIRT-RED-M', quantity: 3, unitPriceInCurrency: 0.8167 })] } });
      const inv = obj((await t.call('GET', new URL(r.headers.get('location') ?? '').pathname)).json);
      // 0.8167 -> 0.82; 3 x 0.82 = 2.46.
      expect([obj(objs(inv.invoiceLines)[0]).unitPrice, inv.detailTotal]).toEqual([0.82, 2.46]);
    } finally {
      await t.admin('POST', 'config', { priceDecimals: 4 });
    }
  });

  it('refuses an unknown customer, an unknown account and a VAT category without VAT id in the zone', async () => {
    const unknown = await t.call('POST', '/v2/customerinvoice', { body: { ...wrap({ customerNumber: 'NOPE' }), invoiceLines: [line({ quantity: 1, unitPriceInCurrency: 1 })] } });
    expect(unknown.status).toBe(400);
    expect(String(obj(unknown.json).message)).toMatch(/^VismaId: [\s\S]*Customer 'NOPE' cannot be found/);
    expect(String(obj(unknown.json).message)).not.toContain('TaxID');
    const nl = await customerInZone('NL');
    const account = await t.call('POST', '/v2/customerinvoice', { body: { ...wrap({ customerNumber: nl }), invoiceLines: [line({ quantity: 1, unitPriceInCurrency: 1, accountNumber: '9999' })] } });
    expect(String(obj(account.json).message)).toContain("account '9999' cannot be found");
    const be = await customerInZone('BE');
    const vat = await t.call('POST', '/v2/customerinvoice', { body: { ...wrap({ customerNumber: be }), invoiceLines: [line({ quantity: 1, unitPriceInCurrency: 1, vatCodeId: '03' })] } });
    expect(vat.status).toBe(400);
    expect(String(obj(vat.json).message)).toContain("TaxID cannot be found in the system for VAT category '03' in VAT zone 'BE'");
  });

  it('releases an invoice and then refuses changes and deletion', async () => {
    const nl = await customerInZone('NL');
    const r = await t.call('POST', '/v2/customerinvoice', { body: { ...wrap({ customerNumber: nl }), invoiceLines: [line({ quantity: 1, unitPriceInCurrency: 100 })] } });
    const nr = (r.headers.get('location') ?? '').split('/').pop() ?? '';
    const put = await t.call('PUT', `/v1/customerinvoice/${nr}`, { body: { invoiceLines: [{ operation: 'Update', lineNumber: { value: 1 }, quantity: { value: 2 } }] } });
    expect(put.status).toBe(204);
    expect(obj((await t.call('GET', `/v1/customerinvoice/${nr}`)).json).detailTotal).toBe(200);
    const rel = await t.call('POST', `/v1/customerinvoice/${nr}/action/release`);
    expect(obj(rel.json)).toMatchObject({ actionResult: 'Done' });
    expect(obj((await t.call('GET', `/v1/customerinvoice/${nr}`)).json).status).toBe('Open');
    expect((await t.call('PUT', `/v1/customerinvoice/${nr}`, { body: wrap({ invoiceText: 'x' }) })).status).toBe(400);
    expect((await t.call('DELETE', `/v1/customerinvoice/${nr}`)).status).toBe(400);
  });
});

describe('journal transactions v2', () => {
  it('requires periodId or lastModifiedDateTime', async () => {
    const r = await t.call('GET', '/v2/journaltransaction');
    expect(r.status).toBe(400);
    expect(String(obj(r.json).message)).toContain('periodId');
  });

  it('pages by lines, so one batch can straddle two pages', async () => {
    const p1 = objs((await t.call('GET', '/v2/journaltransaction?periodId=202401&pageNumber=1&pageSize=2')).json);
    const p2 = objs((await t.call('GET', '/v2/journaltransaction?periodId=202401&pageNumber=2&pageSize=2')).json);
    expect(p1).toHaveLength(1);
    expect(objs(p1[0]?.journalTransactionLines)).toHaveLength(2);
    expect(p2[0]?.batchNumber).toBe(p1[0]?.batchNumber);
    expect(objs(p2[0]?.journalTransactionLines).map((l) => l.lineNumber)).toEqual([3]);
    expect(p1[0]?.metadata).toMatchObject({ totalCount: 6 });
  });

  it('creates a balanced batch (201) and refuses unbalanced batches and unknown accounts', async () => {
    const jl = (account: string, debit: number, credit: number): Record<string, unknown> => line({ accountNumber: account, debitAmountInCurrency: debit, creditAmountInCurrency: credit });
    const ok = await t.call('POST', '/v2/journaltransaction', { body: { ...wrap({ transactionDate: '2025-04-10T00:00:00', description: 'PayPal uitbetaling' }), journalTransactionLines: [jl('1100', 100, 0), jl('1120', 0, 100)] } });
    expect(ok.status).toBe(201);
    const loc = ok.headers.get('location') ?? '';
    expect(loc).toMatch(/\/v2\/journaltransaction\/\d{6}$/);
    expect(obj((await t.call('GET', new URL(loc).pathname)).json)).toMatchObject({ status: 'Balanced', financialPeriod: '202504', debitTotal: 100, creditTotal: 100 });
    const unbalanced = await t.call('POST', '/v2/journaltransaction', { body: { journalTransactionLines: [jl('1100', 100, 0), jl('1120', 0, 90)] } });
    expect(String(obj(unbalanced.json).message)).toContain('out of balance');
    const account = await t.call('POST', '/v2/journaltransaction', { body: { journalTransactionLines: [jl('1100', 5, 0), jl('4242', 0, 5)] } });
    expect(account.status).toBe(400);
    expect(String(obj(account.json).message)).toContain("account '4242' cannot be found");
    const found = objs((await t.call('GET', '/v2/journaltransaction?lastModifiedDateTime=2025-04-01&lastModifiedDateTimeCondition=%3E')).json);
    expect(found.map((j) => j.description)).toEqual(['PayPal uitbetaling']);
  });
});

describe('background API', () => {
  it('answers 202 with a state location and keeps the result', async () => {
    const r = await t.call('GET', '/v1/customer/10001', { headers: { 'erp-api-background': 'none' } });
    expect(r.status).toBe(202);
    const { id, stateLocation } = obj(r.json);
    const state = obj((await t.call('GET', new URL(String(stateLocation)).pathname)).json);
    expect(state).toMatchObject({ id, status: 'Finished', statusCode: 200, hasResponseContent: true });
    const content = obj((await t.call('GET', `/v1/background/${String(id)}/content`)).json);
    expect(content.number).toBe('10001');
  });
});
