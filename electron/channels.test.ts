import { describe, expect, it } from 'vitest';
import { contract, pushContract } from '../host/contract';
import { CHANNELS, PUSH_CHANNELS, ipcName, isChannelName, isPushChannel, pushIpcName } from './channels';

describe('IPC channel list', () => {
  it('is exactly the contract: every channel, nothing more', () => {
    expect([...CHANNELS].sort()).toEqual(Object.keys(contract).sort());
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
    expect(CHANNELS).toContain('runs.start');
    for (const c of Object.keys(contract)) expect(isChannelName(c)).toBe(true);
  });

  it('recognises channel names and refuses anything else', () => {
    expect(isChannelName('flows.save')).toBe(true);
    expect(isChannelName('flows.rm')).toBe(false);
    expect(isChannelName('__proto__')).toBe(false);
    expect(isChannelName('toString')).toBe(false);
    expect(isChannelName(42)).toBe(false);
    expect(ipcName('runs.start')).toBe('koppel:runs.start');
  });

  it("pushes exactly the contract's push channels, under names apart from the calls", () => {
    expect([...PUSH_CHANNELS].sort()).toEqual(Object.keys(pushContract).sort());
    expect(isPushChannel('run.event')).toBe(true);
    expect(isPushChannel('menu.command')).toBe(true);
    expect(isPushChannel('toString')).toBe(false);
    expect(pushIpcName('menu.command')).toBe('koppel-push:menu.command');
    const callNames = new Set(CHANNELS.map(ipcName));
    for (const p of PUSH_CHANNELS) expect(callNames.has(pushIpcName(p))).toBe(false);
  });
});
