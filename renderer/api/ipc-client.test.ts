import { describe, expect, it } from 'vitest';
import type { Channel, KoppelBridge, PushChannel } from '../../host/contract';
import { HostCallError } from './host-call';
import { createIpcClient } from './ipc-client';

/** A stand-in for the preload's `window.koppel`, answering each call with the envelope given. */
function bridge(answer: unknown, calls: [Channel, unknown][] = [], subscribed: PushChannel[] = []): KoppelBridge {
  return {
    invoke: async (channel, input) => {
      calls.push([channel, input]);
      // Through JSON, as over the wire: whatever the answer is, the client must check it itself.
      return JSON.parse(JSON.stringify(answer));
    },
    on: (channel) => {
      subscribed.push(channel);
      return () => {};
    },
  };
}

describe('IPC client (desktop)', () => {
  it('returns the result checked against the contract, schema defaults applied', async () => {
    const calls: [Channel, unknown][] = [];
    const client = createIpcClient(bridge({ ok: true, result: [{ id: 'c1', type: 'ccv-shop', name: 'Shop', settings: {}, hasSecret: true }] }, calls));
    const list = await client.invoke('connections.list', {});
    expect(list[0]?.demo).toBe(false);
    expect(calls).toEqual([['connections.list', {}]]);
  });

  it("throws the host's message with its kind, so a conflict can be told from a failure", async () => {
    const client = createIpcClient(bridge({ ok: false, error: { message: 'x.flow.json changed on disk since you opened it.', kind: 'conflict' } }));
    const error = await client.invoke('flows.save', { flow: { koppel: 2, id: 'x', name: 'X', nodes: [] } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostCallError);
    expect(error).toMatchObject({ message: 'x.flow.json changed on disk since you opened it.', kind: 'conflict', channel: 'flows.save' });
  });

  it('refuses answers that are no envelope or break the contract', async () => {
    await expect(createIpcClient(bridge('surprise')).invoke('app.info', {})).rejects.toThrow(/unknown format/);
    await expect(createIpcClient(bridge({ ok: true, result: [{ type: 42 }] })).invoke('catalog.list', {})).rejects.toThrow(/unexpected shape/);
  });

  it('listens to push channels through the bridge', () => {
    const subscribed: PushChannel[] = [];
    const client = createIpcClient(bridge(null, [], subscribed));
    client.on('menu.command', () => {})();
    client.on('run.event', () => {})();
    expect(subscribed).toEqual(['menu.command', 'run.event']);
  });
});
