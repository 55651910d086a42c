import { describe, expect, it, vi } from 'vitest';
import type { Channel, Envelope, RunEvent } from '../host/contract';
import { HostError } from '../host/errors';
import type { Host } from '../host/types';
import { CHANNELS, pushIpcName } from './channels';
import { forwardRunEvents, registerIpc, sendPush } from './ipc';

type Handler = (event: object, input: unknown) => Promise<Envelope>;

/** Stand-ins for ipcMain and the host: Electron is never loaded in tests. */
function setup(opts: { trusted?: boolean; fail?: unknown } = {}) {
  const handlers = new Map<string, Handler>();
  const calls: { channel: Channel; input: unknown }[] = [];
  const successes: Channel[] = [];
  const listeners = new Set<(e: RunEvent) => void>();
  // vi.fn() is loosely typed, so the stand-in can answer any channel without a cast.
  const invoke = vi.fn();
  invoke.mockImplementation(async (channel: Channel, input: unknown) => {
    calls.push({ channel, input });
    if (opts.fail) throw opts.fail;
    return { echoed: input };
  });
  const host: Host = {
    invoke,
    onRunEvent(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: async () => {},
  };
  const ipcMain = {
    handle(name: string, fn: Handler) {
      handlers.set(name, fn);
    },
    removeHandler(name: string) {
      handlers.delete(name);
    },
  };
  const dispose = registerIpc({ ipcMain, host, isTrustedSender: () => opts.trusted ?? true, onSuccess: (c) => successes.push(c) });
  const event = {};
  const call = (channel: string, input: unknown) => {
    const h = handlers.get(`koppel:${channel}`);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, input);
  };
  return { handlers, calls, successes, listeners, dispose, call };
}

describe('IPC registration', () => {
  it('registers one handler per contract channel and removes them again', () => {
    const s = setup();
    expect([...s.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => `koppel:${c}`).sort());
    s.dispose();
    expect(s.handlers.size).toBe(0);
  });

  it('validates the input with the contract and forwards the parsed value (defaults applied)', async () => {
    const s = setup();
    expect(await s.call('runs.start', { path: '/f.flow.json' })).toEqual({ ok: true, result: { echoed: { path: '/f.flow.json', dryRun: false } } });
    expect(s.calls).toEqual([{ channel: 'runs.start', input: { path: '/f.flow.json', dryRun: false } }]);
    expect(s.successes).toEqual(['runs.start']);
  });

  it('refuses invalid input with the field and does not call the host', async () => {
    const s = setup();
    const res = await s.call('settings.setLanguage', { language: 'fr' });
    expect(res).toMatchObject({ ok: false });
    expect(JSON.stringify(res)).toContain('language');
    expect(await s.call('flows.create', { name: '' })).toMatchObject({ ok: false });
    expect(s.calls).toEqual([]);
  });

  it('refuses calls from an untrusted sender', async () => {
    const s = setup({ trusted: false });
    expect(await s.call('app.info', {})).toEqual({ ok: false, error: { message: 'Refused "app.info": the request did not come from the Koppel window.', kind: 'refused' } });
    expect(s.calls).toEqual([]);
  });

  it('answers host errors as an envelope with the message only', async () => {
    const err = new Error('Connection "Shop" has no secret. Open Connections and enter the secret key.');
    const s = setup({ fail: err });
    const res = await s.call('connections.test', { id: 'c1' });
    expect(res).toEqual({ ok: false, error: { message: err.message, kind: 'failed' } });
    expect(JSON.stringify(res)).not.toContain('at ');
  });

  it("keeps the kind of a host error, so the renderer can tell a save conflict from a failure", async () => {
    const s = setup({ fail: new HostError('conflict', 'x.flow.json changed on disk since you opened it.') });
    expect(await s.call('flows.save', { flow: { koppel: 2, id: 'x', name: 'X', nodes: [] } })).toEqual({
      ok: false,
      error: { message: 'x.flow.json changed on disk since you opened it.', kind: 'conflict' },
    });
    const invalid = await setup().call('settings.setLanguage', { language: 'fr' });
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('forwards run events to the window while it exists', () => {
    const s = setup();
    const sent: [string, unknown][] = [];
    let alive = true;
    const stop = forwardRunEvents(
      { invoke: vi.fn(), onRunEvent: (l) => (s.listeners.add(l), () => s.listeners.delete(l)), close: async () => {} },
      () => ({ send: (ch: string, payload: unknown) => void sent.push([ch, payload]), isDestroyed: () => !alive }),
    );
    const ev: RunEvent = { type: 'log', runId: 'r', at: '2026-01-01T00:00:00Z', level: 'info', message: 'hi' };
    for (const l of s.listeners) l(ev);
    alive = false;
    for (const l of s.listeners) l(ev);
    expect(sent).toEqual([[pushIpcName('run.event'), ev]]);
    stop();
  });

  it('sends menu commands on their push channel', () => {
    const sent: [string, unknown][] = [];
    sendPush({ send: (ch: string, payload: unknown) => void sent.push([ch, payload]), isDestroyed: () => false }, 'menu.command', { command: 'saveAs', path: '/f.flow.json' });
    sendPush(null, 'menu.command', { command: 'save' });
    expect(sent).toEqual([['koppel-push:menu.command', { command: 'saveAs', path: '/f.flow.json' }]]);
  });
});
