import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contract } from '../host/contract';
import { CHANNELS, MENU_COMMANDS, ipcName, isChannelName, unwrapEnvelope } from './channels';

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

  it('the preload exposes only what channels.ts allows', () => {
    const preload = readFileSync(new URL('./preload.ts', import.meta.url), 'utf8');
    expect(preload).toContain("contextBridge.exposeInMainWorld('koppel', api)");
    expect(preload).toMatch(/if \(!isChannelName\(channel\)\) throw/);
    expect(preload).not.toMatch(/ipcRenderer\.send\(|exposeInMainWorld\('(?!koppel)/);
  });

  it('menu commands match the renderer copy', () => {
    const text = readFileSync(new URL('../renderer/api/menu-commands.ts', import.meta.url), 'utf8');
    const m = /MENU_COMMANDS = \[([^\]]*)\]/.exec(text);
    const renderer = [...(m?.[1] ?? '').matchAll(/'([^']+)'/g)].map((x) => x[1]);
    expect(renderer).toEqual([...MENU_COMMANDS]);
  });
});

describe('IPC envelopes', () => {
  it('returns the result of a successful call', () => {
    expect(unwrapEnvelope({ ok: true, result: { path: 'a' } })).toEqual({ path: 'a' });
    expect(unwrapEnvelope({ ok: true, result: null })).toBeNull();
  });

  it("throws the host's message for a failed call", () => {
    expect(() => unwrapEnvelope({ ok: false, error: { message: 'No flow at "x". Refresh the library.' } })).toThrow('No flow at "x". Refresh the library.');
  });

  it('throws a plain explanation for anything else', () => {
    expect(() => unwrapEnvelope('surprise')).toThrow(/unexpected way/);
    expect(() => unwrapEnvelope({ ok: false })).toThrow(/unexpected way/);
  });
});
