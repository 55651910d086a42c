import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

// electron-builder.yml read with js-yaml, the library electron-builder itself reads it with.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const parsed: unknown = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
if (typeof parsed !== 'object' || parsed === null) throw new Error('electron-builder.yml is not a mapping');
const config: Configuration = parsed;
const pkg: { main?: string; dependencies?: Record<string, string> } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** The target names of one platform's `target` setting (strings or `{ target }` objects). */
function targets(platform: { target?: unknown } | null | undefined): string[] {
  const list = platform?.target;
  const items: unknown[] = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return items.map((t) => (typeof t === 'string' ? t : typeof t === 'object' && t !== null && 'target' in t ? String(t.target) : '?'));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
}

/** A folder holds a compiled `.node` file (outside nested node_modules). */
function hasNativeFile(dir: string, depth = 0): boolean {
  return readdirSync(dir, { withFileTypes: true }).some(
    (e) => (e.isFile() && e.name.endsWith('.node')) || (e.isDirectory() && depth < 3 && e.name !== 'node_modules' && hasNativeFile(path.join(dir, e.name), depth + 1)),
  );
}

/** The runtime dependencies (package.json "dependencies") and their installed platform packages that ship native code. */
function nativeRuntimePackages(): string[] {
  const found: string[] = [];
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const dir = path.join(root, 'node_modules', dep);
    const meta: { optionalDependencies?: Record<string, string> } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    for (const name of [dep, ...Object.keys(meta.optionalDependencies ?? {})]) {
      const at = path.join(root, 'node_modules', name);
      if (existsSync(at) && hasNativeFile(at)) found.push(`node_modules/${name}`);
    }
  }
  return found;
}

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('app.koppel.desktop');
    expect(config.productName).toBe('Koppel');
  });

  it('builds AppImage and deb on Linux, an NSIS installer on Windows and a dmg on macOS', () => {
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targets(config.win)).toEqual(['nsis']);
    expect(targets(config.mac)).toEqual(['dmg']);
  });

  it('packs what the app runs from: the electron-vite output that package.json "main" points into, and the example flows', () => {
    const files = strings(config.files);
    expect(pkg.main).toMatch(/^out\//);
    expect(files).toContain('out/**');
    expect(files).toContain('package.json');
    expect(files).toContain('flows-examples/**');
    expect(files).toEqual(expect.arrayContaining(['!**/*.test.*', '!**/*.map']));
  });

  it('unpacks every native runtime module from the asar and needs no rebuild (all N-API prebuilt)', () => {
    const unpack = strings(config.asarUnpack);
    expect(unpack).toContain('**/*.node');
    const native = nativeRuntimePackages();
    // The keychain binding and the database at least; a new native dependency must be added to asarUnpack too.
    for (const prefix of ['node_modules/@libsql/', 'node_modules/@napi-rs/keyring-']) expect(native.some((dir) => dir.startsWith(prefix)), prefix).toBe(true);
    for (const dir of native) expect(unpack.some((p) => p.endsWith('/**') && dir.startsWith(p.slice(0, -3))), `${dir} is not in asarUnpack`).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });
});
