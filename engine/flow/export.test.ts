import { describe, expect, it } from 'vitest';
import { exportFlow } from './export';
import { sampleFlow } from './catalog.fixture';
import { flowDocumentSchema } from './schema';
import { riskyKey, riskyText } from './secret-guard';

describe('exportFlow', () => {
  const leaky = () => {
    const raw = sampleFlow();
    return flowDocumentSchema.parse({
      ...raw,
      description: 'Runs for shop https://mijnwinkel.nl, questions to jan@mijnwinkel.nl',
      nodes: [
        ...raw.nodes,
        {
          id: 'webhook',
          type: 'test.calc',
          version: 2,
          params: {
            formula: 'price * 1.21',
            fields: [
              { name: 'net', expr: 'amounts.net' },
              { name: 'who', expr: 'customer.name' },
            ],
            apiKey: 'abc',
            client_secret: 'hunter2',
            tenantId: 'af1140c1-1234-4a5b-9c8d-0123456789ab',
            target: 'https://mijnwinkel.ccvshop.nl/api/rest/v1',
            host: 'mijnwinkel.nl',
            hostOnly: 'www.mijnwinkel.nl',
            notify: ['ops@mijnwinkel.nl', 'keep me'],
            header: 'Bearer abcdefghijklmnop123',
            jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc',
            random: 'a8F3kQ9zL2mN7pX4vB6cD1eG5hJ0wR3t',
            company: 'af1140c1-1234-4a5b-9c8d-0123456789ab',
            enabled: true,
            pageSize: 50,
          },
        },
      ],
      tables: { ...raw.tables, contacts: { rows: { NL: 'sales-nl@mijnwinkel.nl', BE: '8000' } } },
    });
  };

  it('strips secrets, customer addresses, e-mail addresses and account ids, and says what it removed', () => {
    const { flow, removed } = exportFlow(leaky());
    const params = flow.nodes.find((n) => n.id === 'webhook')?.params;
    expect(params).toEqual({
      formula: 'price * 1.21',
      fields: [
        { name: 'net', expr: 'amounts.net' },
        { name: 'who', expr: 'customer.name' },
      ],
      notify: ['keep me'],
      enabled: true,
      pageSize: 50,
    });
    const fields = removed.filter((r) => r.nodeId === 'webhook').map((r) => r.field);
    expect(fields.sort()).toEqual(
      [
        'params.apiKey',
        'params.client_secret',
        'params.tenantId',
        'params.target',
        'params.host',
        'params.hostOnly',
        'params.notify[0]',
        'params.header',
        'params.jwt',
        'params.random',
        'params.company',
      ].sort(),
    );
    expect(removed.find((r) => r.field === 'params.client_secret')?.reason).toBe('its name says it holds a secret');
    expect(removed.find((r) => r.field === 'params.company')?.reason).toBe('it looks like a tenant or account id');
    expect(flow.description).toBe('Runs for shop [removed], questions to [removed]');
    expect(flow.tables.contacts?.rows).toEqual({ BE: '8000' });
    expect(flow.tables.vat).toEqual(sampleFlow().tables.vat);
    // Nothing removed from a removed-from copy: the result is clean.
    expect(exportFlow(flow).removed).toEqual([]);
  });

  it('keeps only the type and title of connection slots, and leaves the original alone', () => {
    const original = leaky();
    const { flow } = exportFlow(original);
    expect(flow.connections).toEqual({ erp: { type: 'visma-net', title: 'Visma.net' }, shop: { type: 'ccv-shop' } });
    expect(original.nodes.find((n) => n.id === 'webhook')?.params.apiKey).toBe('abc');
    expect(flowDocumentSchema.safeParse(flow).success).toBe(true);
  });

  it('does not mistake field paths and ordinary values for hosts or secrets', () => {
    for (const ok of ['amounts.net', 'order.id', 'customer.name', 'warehouseDetails[0].quantityAvailable', '8000', 'NL', "$table('vat', country)", 'price * 1.21'])
      expect(riskyText(ok)).toBeUndefined();
    for (const ok of ['key', 'target', 'source', 'pageSize', 'formula']) expect(riskyKey(ok)).toBeUndefined();
  });
});
