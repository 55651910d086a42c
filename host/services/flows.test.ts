import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeFlow } from '../../engine/index';
import { startTestHost, writerFlow, type TestHost } from '../testing/fixtures';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const ccv = { type: 'ccv-shop' as const, name: 'Shop', settings: { baseUrl: 'https://shop.example.nl', publicKey: 'p' }, secret: 's' };

describe('flow library', () => {
  it('creates a flow with a manual start in <home>/flows and lists it', async () => {
    t = await startTestHost();
    const created = await t.host.invoke('flows.create', { name: 'Orders to Visma' });
    expect(created.path).toBe(path.join(t.home, 'flows', 'orders-to-visma.flow.json'));
    expect(created.flow).toMatchObject({ id: 'orders-to-visma', name: 'Orders to Visma', nodes: [{ id: 'start', type: 'trigger.manual' }] });
    expect(readFileSync(created.path, 'utf8')).toBe(serializeFlow(created.flow));
    const again = await t.host.invoke('flows.create', { name: 'Orders to Visma' });
    expect(again.flow.id).toBe('orders-to-visma-2');
    const list = await t.host.invoke('flows.list', {});
    expect(list.map((f) => [f.id, f.name, f.problems])).toEqual([
      ['orders-to-visma', 'Orders to Visma', 0],
      ['orders-to-visma-2', 'Orders to Visma', 0],
    ]);
  });

  it('counts problems per flow, including unfilled slots, and lists broken files too', async () => {
    t = await startTestHost();
    await t.host.invoke('flows.save', { flow: writerFlow() });
    writeFileSync(path.join(t.home, 'flows', 'broken.flow.json'), '{ "koppel": 2, ');
    let list = await t.host.invoke('flows.list', {});
    const byId = Object.fromEntries(list.map((f) => [f.id, f]));
    expect(byId.broken?.problems).toBe(1);
    expect(byId['push-products']?.slots).toEqual({ shop: 'ccv-shop' });
    const unbound = byId['push-products']?.problems ?? 0;
    expect(unbound).toBeGreaterThan(0);
    const conn = await t.host.invoke('connections.save', ccv);
    await t.host.invoke('bindings.set', { flowId: 'push-products', slot: 'shop', connectionId: conn.id });
    list = await t.host.invoke('flows.list', {});
    expect(list.find((f) => f.id === 'push-products')?.problems).toBe(unbound - 1);
  });

  it('saves to the library by id or anywhere by path, and opens it again', async () => {
    t = await startTestHost();
    const flow = writerFlow();
    const { path: saved } = await t.host.invoke('flows.save', { flow });
    expect(saved).toBe(path.join(t.home, 'flows', 'push-products.flow.json'));
    const elsewhere = path.join(t.home, 'elsewhere', 'copy.flow.json');
    expect((await t.host.invoke('flows.save', { path: elsewhere, flow: { ...flow, name: 'Copy' } })).path).toBe(elsewhere);
    expect((await t.host.invoke('flows.open', { path: elsewhere })).flow.name).toBe('Copy');
    // Relative paths are inside the library.
    expect((await t.host.invoke('flows.open', { path: 'push-products.flow.json' })).flow.name).toBe('Push products');
  });

  it('refuses to save or delete files that are not flow files', async () => {
    t = await startTestHost();
    const target = path.join(t.home, 'notes.txt');
    writeFileSync(target, 'keep me');
    await expect(t.host.invoke('flows.save', { path: target, flow: writerFlow() })).rejects.toThrow(/ends in \.flow\.json/);
    await expect(t.host.invoke('flows.delete', { path: target })).rejects.toThrow(/ends in \.flow\.json/);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
  });

  it('says what is wrong with a file that is not a flow', async () => {
    t = await startTestHost();
    const file = path.join(t.home, 'bad.flow.json');
    writeFileSync(file, '{"koppel": 2, "id": "x"}');
    await expect(t.host.invoke('flows.open', { path: file })).rejects.toThrow(/is not a valid Koppel flow/);
    await expect(t.host.invoke('flows.open', { path: path.join(t.home, 'missing.flow.json') })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('deletes a flow and forgets its bindings', async () => {
    t = await startTestHost();
    const conn = await t.host.invoke('connections.save', ccv);
    const { path: file } = await t.host.invoke('flows.save', { flow: writerFlow() });
    await t.host.invoke('bindings.set', { flowId: 'push-products', slot: 'shop', connectionId: conn.id });
    await t.host.invoke('flows.delete', { path: file });
    expect(existsSync(file)).toBe(false);
    expect(await t.host.invoke('bindings.get', { flowId: 'push-products' })).toEqual({});
    await expect(t.host.invoke('flows.delete', { path: file })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('validates any JSON: broken documents and semantic problems with the node id', async () => {
    t = await startTestHost();
    expect((await t.host.invoke('flows.validate', { flow: { koppel: 2 } })).length).toBeGreaterThan(0);
    const flow = writerFlow();
    const bad = { ...flow, edges: [...flow.edges, { from: { node: 'write', port: 'out' }, to: { node: 'ghost', port: 'in' } }] };
    const problems = await t.host.invoke('flows.validate', { flow: bad });
    expect(problems.some((p) => p.severity === 'error' && p.message.includes('ghost'))).toBe(true);
  });
});

describe('sharing flows', () => {
  it('exports without private details and tells what it removed', async () => {
    t = await startTestHost();
    const flow = writerFlow();
    const leaky = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'write' ? { ...n, params: { ...n.params, target: 'https://klant-geheim.example.nl/api?token=abc' } } : n)) };
    const result = await t.host.invoke('flows.export', { flow: leaky });
    expect(result.fileName).toBe('push-products.flow.json');
    expect(result.text).not.toContain('klant-geheim');
    expect(result.removed?.some((r) => r.nodeId === 'write')).toBe(true);
  });

  it('inspects an import: slots and what the flow writes to', async () => {
    t = await startTestHost();
    const inspection = await t.host.invoke('flows.inspectImport', { text: serializeFlow(writerFlow()) });
    expect(inspection.slots).toEqual([{ name: 'shop', type: 'ccv-shop', title: 'The shop' }]);
    expect(inspection.writesTo).toEqual(['Test writer → CCV Shop (The shop)']);
    expect(inspection.flow?.id).toBe('push-products');
    const broken = await t.host.invoke('flows.inspectImport', { text: 'not json' });
    expect(broken.flow).toBeUndefined();
    expect(broken.problems.length).toBeGreaterThan(0);
  });

  it('keeps the line and column of a JSON syntax error across the contract', async () => {
    t = await startTestHost();
    // A missing comma after line 2.
    const text = '{\n  "koppel": 1\n  "id": "x"\n}';
    const broken = await t.host.invoke('flows.inspectImport', { text });
    expect(broken.problems).toEqual([expect.objectContaining({ severity: 'error', line: 3, column: 3 })]);
    expect((await t.host.invoke('flows.validate', { flow: text }))[0]).toMatchObject({ line: 3, column: 3 });
  });

  it('imports with slot bindings, never overwriting a library flow with the same id', async () => {
    t = await startTestHost();
    const conn = await t.host.invoke('connections.save', ccv);
    const text = serializeFlow(writerFlow());
    const first = await t.host.invoke('flows.import', { text, bindings: { shop: conn.id } });
    expect(first.flow.id).toBe('push-products');
    expect(await t.host.invoke('bindings.get', { flowId: 'push-products' })).toEqual({ shop: conn.id });
    const second = await t.host.invoke('flows.import', { text, bindings: {} });
    expect(second.flow.id).toBe('push-products-2');
    expect(second.path).toBe(path.join(t.home, 'flows', 'push-products-2.flow.json'));
    expect((await t.host.invoke('flows.list', {})).length).toBe(2);
  });

  it('refuses bindings to unknown slots, unknown connections or the wrong type', async () => {
    t = await startTestHost();
    const text = serializeFlow(writerFlow());
    await expect(t.host.invoke('flows.import', { text, bindings: { erp: 'x' } })).rejects.toThrow(/no connection slot 'erp'/);
    await expect(t.host.invoke('flows.import', { text, bindings: { shop: 'ghost' } })).rejects.toThrow(/no connection 'ghost'/);
    const visma = await t.host.invoke('connections.save', { type: 'visma-net', name: 'ERP', settings: { clientId: 'c', tenantId: 't' }, secret: 'x' });
    await expect(t.host.invoke('flows.import', { text, bindings: { shop: visma.id } })).rejects.toThrow(/needs a CCV Shop connection/);
    expect(await t.host.invoke('flows.list', {})).toEqual([]);
  });
});

describe('saving never overwrites a newer file silently', () => {
  /** Another program (an editor, git pull) rewrites the file behind Koppel's back. */
  const changeOnDisk = (file: string, name: string): string => {
    const text = serializeFlow({ ...writerFlow(), name });
    writeFileSync(file, text);
    return text;
  };

  it('hands out a revision with every read and write, and saves on top of the one it handed out', async () => {
    t = await startTestHost();
    const created = await t.host.invoke('flows.create', { name: 'Stock' });
    const opened = await t.host.invoke('flows.open', { path: created.path });
    expect(opened.revision).toBe(created.revision);
    expect((await t.host.invoke('flows.list', {}))[0]?.revision).toBe(created.revision);
    const saved = await t.host.invoke('flows.save', { path: opened.path, flow: { ...opened.flow, description: 'v2' }, revision: opened.revision });
    expect(saved.revision).not.toBe(opened.revision);
    // The revision of the last save is the next one to save on.
    const again = await t.host.invoke('flows.save', { path: opened.path, flow: { ...opened.flow, description: 'v3' }, revision: saved.revision });
    expect((await t.host.invoke('flows.open', { path: opened.path })).revision).toBe(again.revision);
  });

  it('refuses a save with a stale revision as a conflict naming the file, and leaves the file untouched', async () => {
    t = await startTestHost();
    const { path: file } = await t.host.invoke('flows.save', { flow: writerFlow() });
    const opened = await t.host.invoke('flows.open', { path: file });
    const theirs = changeOnDisk(file, 'Changed by a colleague');
    const refused = await t.host.invoke('flows.save', { path: file, flow: { ...opened.flow, name: 'Mine' }, revision: opened.revision }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'conflict', message: `The flow file ${file} changed on disk since you opened it. Reload it to see that version, or save again choosing to overwrite it with yours.` });
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('"Keep mine" overwrites the newer file; "Reload from disk" returns the version on disk', async () => {
    t = await startTestHost();
    const { path: file } = await t.host.invoke('flows.save', { flow: writerFlow() });
    const opened = await t.host.invoke('flows.open', { path: file });
    changeOnDisk(file, 'Changed by a colleague');

    const reloaded = await t.host.invoke('flows.open', { path: file });
    expect(reloaded.flow.name).toBe('Changed by a colleague');
    expect(reloaded.revision).not.toBe(opened.revision);

    const mine = { ...opened.flow, name: 'Mine' };
    const kept = await t.host.invoke('flows.save', { path: file, flow: mine, revision: opened.revision, overwrite: true });
    expect(readFileSync(file, 'utf8')).toBe(serializeFlow(mine));
    expect(kept.revision).toBe((await t.host.invoke('flows.open', { path: file })).revision);
  });

  it('without a revision writes only a new file, unless overwriting was chosen', async () => {
    t = await startTestHost();
    const first = await t.host.invoke('flows.save', { flow: writerFlow() });
    const before = readFileSync(first.path, 'utf8');
    const copy = { ...writerFlow(), name: 'Another flow with the same id' };
    await expect(t.host.invoke('flows.save', { flow: copy })).rejects.toMatchObject({ kind: 'conflict', message: `There is already a flow file at ${first.path}. Choose another name, or confirm that it may be overwritten.` });
    expect(readFileSync(first.path, 'utf8')).toBe(before);
    await t.host.invoke('flows.save', { flow: copy, overwrite: true });
    expect((await t.host.invoke('flows.open', { path: first.path })).flow.name).toBe('Another flow with the same id');
  });

  it('writes a file deleted since it was opened again: nothing newer is lost', async () => {
    t = await startTestHost();
    const { path: file, revision } = await t.host.invoke('flows.save', { flow: writerFlow() });
    rmSync(file);
    await t.host.invoke('flows.save', { path: file, flow: writerFlow(), revision });
    expect(existsSync(file)).toBe(true);
  });

  it('lets only one of two saves on the same revision through', async () => {
    t = await startTestHost();
    const { path: file, revision } = await t.host.invoke('flows.save', { flow: writerFlow() });
    const results = await Promise.allSettled([
      t.host.invoke('flows.save', { path: file, flow: { ...writerFlow(), name: 'A' }, revision }),
      t.host.invoke('flows.save', { path: file, flow: { ...writerFlow(), name: 'B' }, revision }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' ? rejected.reason : undefined).toMatchObject({ kind: 'conflict' });
  });
});
