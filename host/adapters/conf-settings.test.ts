import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConfSettings } from './conf-settings';

const dir = mkdtempSync(path.join(tmpdir(), 'koppel-conf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('conf settings adapter', () => {
  it('stores values in <cwd>/config.json in the electron-store format and reads them back after reopening', () => {
    const first = createConfSettings({ cwd: dir });
    first.set('language', 'nl');
    first.set('connections', { 'shop.nl': { id: 'shop.nl', name: 'Shop' } });
    expect(first.path).toBe(path.join(dir, 'config.json'));
    const text = readFileSync(path.join(dir, 'config.json'), 'utf8');
    // electron-store (conf) writes tab-indented JSON.
    expect(text).toBe(JSON.stringify({ language: 'nl', connections: { 'shop.nl': { id: 'shop.nl', name: 'Shop' } } }, undefined, '\t'));

    const second = createConfSettings({ cwd: dir });
    expect(second.get('language')).toBe('nl');
    // A dot in a key is part of the name, not a path.
    expect(second.get('connections')).toEqual({ 'shop.nl': { id: 'shop.nl', name: 'Shop' } });
    second.delete('language');
    expect(createConfSettings({ cwd: dir }).get('language')).toBeUndefined();
  });

  it('treats setting undefined as deleting', () => {
    const store = createConfSettings({ cwd: dir, configName: 'other' });
    store.set('a', 1);
    store.set('a', undefined);
    expect(store.get('a')).toBeUndefined();
  });
});
