import { afterEach, describe, expect, it } from 'vitest';
import { startTestHost, writerFlow, type TestHost } from '../testing/fixtures';
import { secretEnvName } from '../secret-env';
import { slugId } from './connections';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const ccvInput = { type: 'ccv-shop' as const, name: 'My Shop', settings: { baseUrl: 'https://shop.example.nl/', publicKey: 'pub-1' }, secret: 'top-secret-key' };

describe('connections', () => {
  it('keeps non-secret settings in the settings store and the secret in the secret store under the connection id', async () => {
    t = await startTestHost();
    const saved = await t.host.invoke('connections.save', ccvInput);
    expect(saved).toEqual({ id: 'my-shop', type: 'ccv-shop', name: 'My Shop', settings: { baseUrl: 'https://shop.example.nl', publicKey: 'pub-1', referencePrefix: 'CCV-' }, hasSecret: true, demo: false });
    expect(await t.secrets.get('my-shop')).toBe('top-secret-key');
    expect(JSON.stringify(t.settings.get('connections'))).not.toContain('top-secret-key');
    expect(await t.host.invoke('connections.list', {})).toEqual([saved]);
  });

  it('keeps the stored secret when an edit leaves it out, replaces it when given', async () => {
    t = await startTestHost();
    const saved = await t.host.invoke('connections.save', ccvInput);
    const renamed = await t.host.invoke('connections.save', { ...ccvInput, id: saved.id, name: 'Renamed', secret: undefined });
    expect(renamed).toMatchObject({ id: 'my-shop', name: 'Renamed', hasSecret: true });
    expect(await t.secrets.get('my-shop')).toBe('top-secret-key');
    await t.host.invoke('connections.save', { ...ccvInput, id: saved.id, secret: 'new-key' });
    expect(await t.secrets.get('my-shop')).toBe('new-key');
  });

  it('gives each shop its own order reference prefix: CCV- for the first, CCV2- for the next; kept on edits, refused when malformed', async () => {
    t = await startTestHost();
    const first = await t.host.invoke('connections.save', ccvInput);
    const second = await t.host.invoke('connections.save', { ...ccvInput, name: 'Second shop', settings: { baseUrl: 'https://two.example.nl', publicKey: 'pub-2' } });
    const own = await t.host.invoke('connections.save', { ...ccvInput, name: 'Outlet', settings: { baseUrl: 'https://outlet.example.nl', publicKey: 'pub-3', referencePrefix: 'OUT-' } });
    const fourth = await t.host.invoke('connections.save', { ...ccvInput, name: 'Fourth', settings: { baseUrl: 'https://four.example.nl', publicKey: 'pub-4' } });
    expect([first, second, own, fourth].map((c) => c.settings.referencePrefix)).toEqual(['CCV-', 'CCV2-', 'OUT-', 'CCV3-']);
    const edited = await t.host.invoke('connections.save', { ...ccvInput, id: second.id, name: 'Second shop', settings: { baseUrl: 'https://two.example.nl', publicKey: 'pub-2b' } });
    expect(edited.settings.referencePrefix).toBe('CCV2-');
    await expect(t.host.invoke('connections.save', { ...ccvInput, name: 'Bad', settings: { baseUrl: 'https://bad.example.nl', publicKey: 'p', referencePrefix: 'CCV 3' } })).rejects.toThrow(
      "Connection 'Bad': Order reference prefix 'CCV 3' is not allowed: use up to 12 letters, digits or - _ . /, e.g. CCV2-.",
    );
  });

  it('gives every new connection its own readable id', async () => {
    t = await startTestHost();
    const a = await t.host.invoke('connections.save', ccvInput);
    const b = await t.host.invoke('connections.save', ccvInput);
    expect([a.id, b.id]).toEqual(['my-shop', 'my-shop-2']);
    expect(slugId('Démo Visma.net', () => false, 'x')).toBe('demo-visma-net');
    expect(slugId('123', () => false, 'visma-net')).toBe('visma-net-123');
  });

  it('takes the secret from KOPPEL_SECRET_<ID> before the keychain', async () => {
    expect(secretEnvName('demo-visma.net')).toBe('KOPPEL_SECRET_DEMO_VISMA_NET');
    t = await startTestHost({ env: { KOPPEL_SECRET_MY_SHOP: 'from-env' } });
    const saved = await t.host.invoke('connections.save', { ...ccvInput, secret: undefined });
    expect(saved.hasSecret).toBe(true);
    expect(await t.secrets.get('my-shop')).toBeNull();
  });

  it('says which field is missing or wrong, and refuses a secret among the settings', async () => {
    t = await startTestHost();
    await expect(t.host.invoke('connections.save', { type: 'visma-net', name: 'ERP', settings: { clientId: 'c' } })).rejects.toThrow(/Tenant ID is missing/);
    await expect(t.host.invoke('connections.save', { ...ccvInput, settings: { baseUrl: 'shop.example.nl', publicKey: 'p' } })).rejects.toThrow(/Shop URL 'shop.example.nl' is not a web address/);
    await expect(t.host.invoke('connections.save', { ...ccvInput, settings: { ...ccvInput.settings, secretKey: 'oops' } })).rejects.toThrow(/enter the secret in the secret field/);
    await expect(t.host.invoke('connections.save', { ...ccvInput, settings: { ...ccvInput.settings, colour: 'red' } })).rejects.toThrow(/'colour' is not a CCV Shop setting/);
    expect(await t.host.invoke('connections.list', {})).toEqual([]);
  });

  it('refuses to change the type of an existing connection', async () => {
    t = await startTestHost();
    const saved = await t.host.invoke('connections.save', ccvInput);
    await expect(t.host.invoke('connections.save', { id: saved.id, type: 'visma-net', name: 'x', settings: { clientId: 'a', tenantId: 'b' } })).rejects.toThrow(/cannot become/);
  });

  it('removes a connection with its secret and its bindings', async () => {
    t = await startTestHost();
    const saved = await t.host.invoke('connections.save', ccvInput);
    await t.host.invoke('bindings.set', { flowId: 'push-products', slot: 'shop', connectionId: saved.id });
    await t.host.invoke('connections.remove', { id: saved.id });
    expect(await t.host.invoke('connections.list', {})).toEqual([]);
    expect(await t.secrets.get(saved.id)).toBeNull();
    expect(await t.host.invoke('bindings.get', { flowId: 'push-products' })).toEqual({});
    await expect(t.host.invoke('connections.remove', { id: saved.id })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('lists which library flows use a connection, per slot', async () => {
    t = await startTestHost();
    const saved = await t.host.invoke('connections.save', ccvInput);
    const { path } = await t.host.invoke('flows.save', { flow: writerFlow() });
    await t.host.invoke('flows.save', { flow: writerFlow({ id: 'other', name: 'Other' }) });
    await t.host.invoke('bindings.set', { flowId: 'push-products', slot: 'shop', connectionId: saved.id });
    expect(await t.host.invoke('connections.usage', { id: saved.id })).toEqual([{ path, flowName: 'Push products', slot: 'shop' }]);
  });

  it('reports a missing secret when testing, naming the environment variable', async () => {
    t = await startTestHost();
    const saved = await t.host.invoke('connections.save', { ...ccvInput, secret: undefined });
    const result = await t.host.invoke('connections.test', { id: saved.id });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('KOPPEL_SECRET_MY_SHOP');
  });
});

describe('bindings', () => {
  it('binds, reads and unbinds slots per flow id, only to existing connections', async () => {
    t = await startTestHost();
    const saved = await t.host.invoke('connections.save', ccvInput);
    await t.host.invoke('bindings.set', { flowId: 'f1', slot: 'shop', connectionId: saved.id });
    expect(await t.host.invoke('bindings.get', { flowId: 'f1' })).toEqual({ shop: 'my-shop' });
    expect(await t.host.invoke('bindings.get', { flowId: 'f2' })).toEqual({});
    await expect(t.host.invoke('bindings.set', { flowId: 'f1', slot: 'shop', connectionId: 'ghost' })).rejects.toThrow(/no connection 'ghost'/);
    await t.host.invoke('bindings.set', { flowId: 'f1', slot: 'shop', connectionId: null });
    expect(await t.host.invoke('bindings.get', { flowId: 'f1' })).toEqual({});
  });

  it('never writes bindings into the flow file', async () => {
    t = await startTestHost();
    const saved = await t.host.invoke('connections.save', ccvInput);
    const { path } = await t.host.invoke('flows.save', { flow: writerFlow() });
    await t.host.invoke('bindings.set', { flowId: 'push-products', slot: 'shop', connectionId: saved.id });
    const opened = await t.host.invoke('flows.open', { path });
    expect(JSON.stringify(opened.flow)).not.toContain('my-shop');
    expect(opened.flow.connections).toEqual({ shop: { type: 'ccv-shop', title: 'The shop' } });
  });
});
