import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYamlLite } from './yaml-lite';
import type { YamlValue } from './yaml-lite';

const text = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');

function obj(v: YamlValue | undefined): { [key: string]: YamlValue } {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`expected a mapping, got ${JSON.stringify(v)}`);
  return v;
}
function list(v: YamlValue | undefined): YamlValue[] {
  if (!Array.isArray(v)) throw new Error(`expected a list, got ${JSON.stringify(v)}`);
  return v;
}

describe('electron-builder.yml', () => {
  const config = obj(parseYamlLite(text));

  it('names the app', () => {
    expect(config.appId).toBe('app.koppel.desktop');
    expect(config.productName).toBe('Koppel');
  });

  it('builds AppImage and deb on Linux, nsis on Windows, dmg on macOS', () => {
    expect(list(obj(config.linux).target)).toEqual(['AppImage', 'deb']);
    expect(list(obj(config.win).target)).toEqual(['nsis']);
    expect(list(obj(config.mac).target)).toEqual(['dmg']);
  });

  it('packs the built app and unpacks the native modules from the asar', () => {
    const files = list(config.files);
    expect(files).toContain('out/**');
    expect(files).toContain('package.json');
    const unpack = list(config.asarUnpack);
    expect(unpack).toContain('**/*.node');
    expect(unpack.some((p) => typeof p === 'string' && p.includes('keytar'))).toBe(true);
    expect(unpack.some((p) => typeof p === 'string' && p.includes('libsql'))).toBe(true);
  });
});

describe('yaml-lite', () => {
  it('reads mappings, lists at the key indent or deeper, quotes, comments and scalars', () => {
    const y = parseYamlLite(['# top', 'a: 1', 'b: "x # not a comment"', 'c:', '  d: true', '  e:', '    - one', "    - 'two'", 'f:', '- x', '- y # comment', 'g: ~', ''].join('\n'));
    expect(y).toEqual({ a: 1, b: 'x # not a comment', c: { d: true, e: ['one', 'two'] }, f: ['x', 'y'], g: null });
  });

  it('refuses what it does not understand, naming the line', () => {
    expect(() => parseYamlLite('a: [1, 2]')).toThrow(/line 1/);
    expect(() => parseYamlLite('a: 1\na: 2')).toThrow(/line 2: duplicate key "a"/);
    expect(() => parseYamlLite('a:\n\t- x')).toThrow(/tabs/);
    expect(() => parseYamlLite('list:\n  - key: value')).toThrow(/not supported/);
    expect(() => parseYamlLite('a: 1\n   b: 2')).toThrow(/line 2/);
  });
});
