import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { KoppelBridge, MenuCommand, RunEvent } from '../host/contract';

type Handler = (event: object, payload: unknown) => void;

// A stand-in for the two Electron modules the preload uses: the real Electron is never loaded in tests.
const electron = vi.hoisted(() => {
  const state: { exposed: Map<string, KoppelBridge>; invoked: [string, unknown][]; answer: unknown; listeners: Map<string, Set<Handler>> } = {
    exposed: new Map(),
    invoked: [],
    answer: { ok: true, result: { ok: true } },
    listeners: new Map(),
  };
  return state;
});
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: KoppelBridge) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      electron.invoked.push([channel, input]);
      return electron.answer;
    },
    on: (channel: string, handler: Handler) => {
      const set = electron.listeners.get(channel) ?? new Set<Handler>();
      set.add(handler);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, handler: Handler) => electron.listeners.get(channel)?.delete(handler),
  },
}));

function push(channel: string, payload: unknown): void {
  for (const handler of electron.listeners.get(channel) ?? []) handler({}, payload);
}

let bridge: KoppelBridge;
beforeAll(async () => {
  await import('./preload');
  const exposed = electron.exposed.get('koppel');
  if (!exposed) throw new Error('the preload did not expose window.koppel');
  bridge = exposed;
});

describe('preload', () => {
  it('exposes one object, window.koppel, with invoke and on only', () => {
    expect([...electron.exposed.keys()]).toEqual(['koppel']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it("passes a contract channel's envelope through, errors with their kind", async () => {
    electron.answer = { ok: false, error: { message: 'x.flow.json changed on disk since you opened it.', kind: 'conflict' } };
    expect(await bridge.invoke('flows.save', { flow: {} })).toEqual(electron.answer);
    expect(electron.invoked.at(-1)).toEqual(['koppel:flows.save', { flow: {} }]);
  });

  it('refuses a channel the contract does not have, and explains an answer that is no envelope', async () => {
    const before = electron.invoked.length;
    // A compromised page could call anything; the channel name is checked at run time too.
    const name: string = 'flows.rm';
    expect(await Reflect.apply(bridge.invoke, bridge, [name, {}])).toMatchObject({ ok: false, error: { kind: 'unknown-channel' } });
    expect(electron.invoked.length).toBe(before);
    electron.answer = 'surprise';
    expect(await bridge.invoke('app.info', {})).toMatchObject({ ok: false, error: { kind: 'failed', message: expect.stringMatching(/unexpected way/) } });
  });

  it('delivers push payloads that keep their schema, drops the rest, and stops on unsubscribe', () => {
    const events: RunEvent[] = [];
    const commands: MenuCommand[] = [];
    const offEvents = bridge.on('run.event', (e) => events.push(e));
    const offCommands = bridge.on('menu.command', (c) => commands.push(c));
    const at = '2026-01-01T00:00:00.000Z';
    push('koppel-push:run.event', { type: 'log', runId: 'r', at, level: 'info', message: 'hi' });
    push('koppel-push:run.event', { type: 'log', runId: 'r' });
    push('koppel-push:menu.command', { command: 'saveAs', path: '/f.flow.json' });
    push('koppel-push:menu.command', { command: 'format-disk' });
    offEvents();
    offCommands();
    push('koppel-push:run.event', { type: 'log', runId: 'r', at, level: 'info', message: 'after' });
    expect(events.map((e) => e.type === 'log' && e.message)).toEqual(['hi']);
    expect(commands).toEqual([{ command: 'saveAs', path: '/f.flow.json' }]);
  });

  it('refuses to listen to a push channel the contract does not have', () => {
    const name: string = 'koppel:flows.save';
    expect(() => Reflect.apply(bridge.on, bridge, [name, () => {}])).toThrow(/Unknown push channel/);
  });
});
