import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlow } from '../../engine/index';
import { catalog } from '../../nodes/catalog';
import { createMemorySecrets } from '../adapters/memory-secrets';
import { createMemorySettings } from '../adapters/memory-settings';
import { createBindings } from './bindings';
import { createConnections } from './connections';
import { defaultExamplesDir } from './demo';
import { createFlows } from './flows';
import { createWizardService, templateFile } from './wizard';

let home: string;
const settings = createMemorySettings();
const bindings = createBindings(settings);
const connections = createConnections({ settings, secrets: createMemorySecrets(), env: {}, bindings });
let visma = '';
let ccv = '';

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'koppel-wizard-'));
  visma = (await connections.save({ type: 'visma-net', name: 'Visma', settings: { clientId: 'c', tenantId: '1' }, secret: 's' })).id;
  ccv = (await connections.save({ type: 'ccv-shop', name: 'Shop', settings: { baseUrl: 'http://127.0.0.1:1', publicKey: 'p' }, secret: 's' })).id;
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

function service() {
  const flows = createFlows({ home, catalog, bindings, settings });
  return { flows, wizard: createWizardService({ catalog, flows, bindings, connectionType: (id) => connections.get(id).type, examplesDir: defaultExamplesDir() }) };
}

const read = (file: string) => {
  const parsed = parseFlow(readFileSync(file, 'utf8'), catalog);
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('; '));
  return parsed.flow;
};
const params = (flow: ReturnType<typeof read>, type: string) => flow.nodes.find((n) => n.type === type)?.params;

describe('wizard.createFlows', () => {
  it('picks the order template by document type', () => {
    expect(templateFile('orders', { orders: { document: 'financial' } })).toBe('orders-financial.flow.json');
    expect(templateFile('orders', {})).toBe('orders-sales-orders.flow.json');
    expect(templateFile('stock', {})).toBe('stock.flow.json');
  });

  it('saves library flows with new ids, the answers in their params and tables, bound to the connections', async () => {
    const { wizard } = service();
    const out = await wizard.createFlows({
      vismaConnectionId: visma,
      ccvConnectionId: ccv,
      flows: ['orders', 'stock', 'orders'],
      namePrefix: 'Shop NL: ',
      homeCountry: 'BE',
      orders: { document: 'sales-orders', statuses: [1, 4], paid: 'any', orderType: 'WO', defaultCustomer: '10001', statusAfter: null },
      stock: { warehouses: ['MAIN'], figure: 'onHand' },
      tables: { 'vat-code-per-country-rate': { 'NL-21': '07' }, 'payment-method': { MollieIdeal: 'IDL' } },
    });
    expect(out.flows.map((f) => f.kind)).toEqual(['orders', 'stock']);
    const [orders, stock] = out.flows;
    if (!orders || !stock) throw new Error('two flows expected');
    expect(orders.flowId).toMatch(/^orders-sales-orders-[0-9a-f]{8}$/);
    expect(orders.name).toBe('Shop NL: Orders: CCV Shop to Visma.net sales orders');
    expect(path.dirname(orders.path)).toBe(path.join(home, 'flows'));

    const o = read(orders.path);
    expect(o.id).toBe(orders.flowId);
    expect(params(o, 'ccv.fetchOrders')).toMatchObject({ statuses: [1, 4], paid: 'any' });
    expect(params(o, 'visma.postSalesOrder')).toMatchObject({ orderType: 'WO', defaultCustomer: '10001', homeCountry: 'BE' });
    expect(params(o, 'visma.upsertCustomer')).toMatchObject({ homeCountry: 'BE' });
    expect(o.nodes.find((n) => n.type === 'ccv.updateOrderStatus')?.disabled).toBe(true);
    expect(o.tables['vat-code-per-country-rate']?.rows['NL-21']).toBe('07');
    // Rows not answered keep the example's values.
    expect(o.tables['payment-method']?.rows).toMatchObject({ MollieIdeal: 'IDL', PayPal: 'PAYPAL' });

    const s = read(stock.path);
    // The stock flow has no payment table and does not grow one.
    expect(s.tables['payment-method']).toBeUndefined();
    expect(params(s, 'visma.fetchStock')).toMatchObject({ warehouses: ['MAIN'], figure: 'onHand' });
    expect(bindings.get(stock.flowId)).toEqual({ shop: ccv, visma });
    expect(bindings.get(orders.flowId)).toEqual({ shop: ccv, visma });
  });

  it('gives a second run of the wizard other ids (nothing is overwritten)', async () => {
    const { wizard } = service();
    const a = await wizard.createFlows({ vismaConnectionId: visma, ccvConnectionId: ccv, flows: ['products'] });
    const b = await wizard.createFlows({ vismaConnectionId: visma, ccvConnectionId: ccv, flows: ['products'] });
    expect(a.flows[0]?.flowId).not.toBe(b.flows[0]?.flowId);
    expect(a.flows[0]?.path).not.toBe(b.flows[0]?.path);
  });

  it('refuses connections of the wrong system, naming the field', async () => {
    const { wizard } = service();
    await expect(wizard.createFlows({ vismaConnectionId: ccv, ccvConnectionId: ccv, flows: ['stock'] })).rejects.toThrow(/vismaConnectionId.*ccv-shop/);
  });

  it('saves nothing when an answer does not fit a flow', async () => {
    const { wizard, flows } = service();
    const before = (await flows.entries()).length;
    await expect(
      wizard.createFlows({ vismaConnectionId: visma, ccvConnectionId: ccv, flows: ['customers', 'orders'], orders: { document: 'sales-invoices', statuses: [99] } }),
    ).rejects.toThrow(/orders flow/);
    expect((await flows.entries()).length).toBe(before);
  });
});
