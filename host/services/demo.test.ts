import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeFlow } from '../../engine/index';
import type { RunEvent } from '../contract';
import { startTestHost, writerFlow, type TestHost } from '../testing/fixtures';

/** Demo workspace against the real embedded simulators (started once per process, shared by both hosts). */
let examples: string;
let a: TestHost;
let b: TestHost;

beforeAll(async () => {
  examples = mkdtempSync(path.join(tmpdir(), 'koppel-examples-'));
  writeFileSync(path.join(examples, 'push-products.flow.json'), serializeFlow(writerFlow({ count: 5 })));
  writeFileSync(path.join(examples, 'README.md'), 'not a flow');
  a = await startTestHost({ examplesDir: examples });
  b = await startTestHost({ examplesDir: examples });
});

afterAll(async () => {
  await a.cleanup();
  await b.cleanup();
  rmSync(examples, { recursive: true, force: true });
});

describe('demo workspace', () => {
  it('creates the two demo connections, copies the example flows and binds their slots', async () => {
    const result = await a.host.invoke('demo.setup', {});
    expect(result.connections).toEqual(['demo-visma-net', 'demo-ccv-shop']);
    expect(result.flows).toEqual([path.join(a.home, 'flows', 'push-products.flow.json')]);
    const connections = await a.host.invoke('connections.list', {});
    expect(connections.map((c) => [c.name, c.type, c.demo, c.hasSecret])).toEqual([
      ['Demo CCV Shop', 'ccv-shop', true, true],
      ['Demo Visma.net', 'visma-net', true, true],
    ]);
    expect(connections.find((c) => c.type === 'ccv-shop')?.settings.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await a.host.invoke('bindings.get', { flowId: 'push-products' })).toEqual({ shop: 'demo-ccv-shop' });
    expect((await a.host.invoke('app.info', {})).firstStart).toBe(false);
  });

  it('connects to the simulators: both demo connections pass the connection test', async () => {
    expect(await a.host.invoke('connections.test', { id: 'demo-visma-net' })).toMatchObject({ ok: true });
    expect(await a.host.invoke('connections.test', { id: 'demo-ccv-shop' })).toMatchObject({ ok: true });
  });

  it('runs an example flow against the demo shop', async () => {
    const finished = new Promise<RunEvent>((resolve) => a.host.onRunEvent((e) => e.type === 'run.finished' && resolve(e)));
    await a.host.invoke('runs.start', { path: 'push-products.flow.json' });
    expect(await finished).toMatchObject({ status: 'succeeded', counts: { created: 5 } });
  });

  it('is safe to run again: same connections, the user’s edits and bindings stay', async () => {
    const file = path.join(a.home, 'flows', 'push-products.flow.json');
    const edited = serializeFlow({ ...writerFlow({ count: 5 }), name: 'My edited copy' });
    writeFileSync(file, edited);
    const again = await a.host.invoke('demo.setup', {});
    expect(again.connections).toEqual(['demo-visma-net', 'demo-ccv-shop']);
    expect((await a.host.invoke('connections.list', {})).length).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it('shares one pair of simulators between hosts of the same process', async () => {
    await b.host.invoke('demo.setup', {});
    const url = (host: TestHost) => host.host.invoke('connections.list', {}).then((list) => list.find((c) => c.type === 'ccv-shop')?.settings.baseUrl);
    expect(await url(b)).toBe(await url(a));
  });
});

describe('connection test against the simulators', () => {
  it('reports wrong credentials without repeating the secret', async () => {
    const list = await a.host.invoke('connections.list', {});
    const shop = list.find((c) => c.type === 'ccv-shop');
    const erp = list.find((c) => c.type === 'visma-net');
    if (!shop || !erp) throw new Error('demo connections missing');
    const badShop = await a.host.invoke('connections.save', { type: 'ccv-shop', name: 'Wrong key', settings: shop.settings, secret: 'wrong-secret-123' });
    const shopResult = await a.host.invoke('connections.test', { id: badShop.id });
    expect(shopResult.ok).toBe(false);
    expect(shopResult.message).toMatch(/key/i);
    expect(shopResult.message).not.toContain('wrong-secret-123');
    const badErp = await a.host.invoke('connections.save', { type: 'visma-net', name: 'Wrong secret', settings: erp.settings, secret: 'wrong-secret-456' });
    const erpResult = await a.host.invoke('connections.test', { id: badErp.id });
    expect(erpResult.ok).toBe(false);
    expect(erpResult.message).not.toContain('wrong-secret-456');
    await a.host.invoke('connections.remove', { id: badShop.id });
    await a.host.invoke('connections.remove', { id: badErp.id });
  });
});

describe('option lists from the demo connections', () => {
  it('loads Visma.net master data as value/label pairs', async () => {
    for (const kind of ['vatCategories', 'paymentMethods', 'warehouses', 'currencies', 'salesOrderTypes', 'vatZones', 'customerClasses', 'branches'] as const) {
      const options = await a.host.invoke('options.list', { connectionId: 'demo-visma-net', kind });
      expect(options.length, kind).toBeGreaterThan(0);
      for (const o of options) expect(o.value, kind).not.toBe('');
    }
    const currencies = await a.host.invoke('options.list', { connectionId: 'demo-visma-net', kind: 'currencies' });
    expect(currencies.map((c) => c.value)).toContain('EUR');
    const types = await a.host.invoke('options.list', { connectionId: 'demo-visma-net', kind: 'salesOrderTypes' });
    expect(types.map((c) => c.value)).toContain('SO');
  });

  it('loads CCV Shop lists', async () => {
    for (const kind of ['ccvOrderStatuses', 'ccvPayMethods', 'ccvPackages', 'ccvAttributes', 'ccvCategories'] as const) {
      const options = await a.host.invoke('options.list', { connectionId: 'demo-ccv-shop', kind });
      expect(options.length, kind).toBeGreaterThan(0);
    }
  });

  it('says which connection type a list needs', async () => {
    await expect(a.host.invoke('options.list', { connectionId: 'demo-ccv-shop', kind: 'vatCategories' })).rejects.toThrow(/comes from a Visma\.net connection/);
    await expect(a.host.invoke('options.list', { connectionId: 'ghost', kind: 'vatCategories' })).rejects.toMatchObject({ kind: 'not-found' });
  });
});

describe('demo without examples', () => {
  it('still creates the connections when the examples folder is missing', async () => {
    const empty = path.join(tmpdir(), 'koppel-no-examples-does-not-exist');
    mkdirSync(path.dirname(empty), { recursive: true });
    const host = await startTestHost({ examplesDir: empty });
    try {
      expect(await host.host.invoke('demo.setup', {})).toEqual({ flows: [], connections: ['demo-visma-net', 'demo-ccv-shop'] });
    } finally {
      await host.cleanup();
    }
  });
});

describe('editing a demo connection', () => {
  it('unties it from the simulators once its settings change', async () => {
    const host = await startTestHost({ examplesDir: examples });
    try {
      await host.host.invoke('demo.setup', {});
      const shop = (await host.host.invoke('connections.list', {})).find((c) => c.type === 'ccv-shop');
      if (!shop) throw new Error('no demo shop');
      const renamed = await host.host.invoke('connections.save', { id: shop.id, type: shop.type, name: 'Still demo', settings: shop.settings });
      expect(renamed.demo).toBe(true);
      const moved = await host.host.invoke('connections.save', { id: shop.id, type: shop.type, name: 'Real shop', settings: { ...shop.settings, baseUrl: 'http://127.0.0.1:9' } });
      expect(moved.demo).toBe(false);
      expect((await host.host.invoke('connections.test', { id: shop.id })).ok).toBe(false);
    } finally {
      await host.cleanup();
    }
  });
});
