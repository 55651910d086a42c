import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { i18n, initI18n, normaliseLanguage } from './i18n';
import { nl } from './nl';

/** Flattens nested messages to 'a.b.c' → text. */
function flatten(obj: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (typeof v === 'object' && v !== null) for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const rendererDir = fileURLToPath(new URL('..', import.meta.url));
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !p.includes(`${join('i18n', '')}`) ? [p] : [];
  });
}

describe('translations', () => {
  const flat = { en: flatten(en), de: flatten(de), nl: flatten(nl) };

  it('German and Dutch have exactly the English keys', () => {
    expect([...flat.de.keys()].sort()).toEqual([...flat.en.keys()].sort());
    expect([...flat.nl.keys()].sort()).toEqual([...flat.en.keys()].sort());
  });

  it('keeps the same {{placeholders}} in every language and leaves nothing empty', () => {
    for (const lang of ['de', 'nl'] as const) {
      for (const [key, text] of flat.en) {
        const other = flat[lang].get(key) ?? '';
        expect({ key, lang, ph: placeholders(other) }).toEqual({ key, lang, ph: placeholders(text) });
        expect(other.trim()).not.toBe('');
      }
    }
  });

  it('every literal key used in the UI exists (plural keys via _one/_other)', () => {
    const used = new Set<string>();
    for (const file of sources(rendererDir)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) if (m[1]) used.add(m[1]);
      for (const m of text.matchAll(/\?\s*'([a-z][\w]*\.[\w.]+)'\s*:\s*'([a-z][\w]*\.[\w.]+)'/g)) {
        if (m[1]) used.add(m[1]);
        if (m[2]) used.add(m[2]);
      }
    }
    expect(used.size).toBeGreaterThan(150);
    const missing = [...used].filter((k) => !flat.en.has(k) && !flat.en.has(`${k}_other`));
    expect(missing).toEqual([]);
  });

  it('normalises OS language tags', () => {
    expect(normaliseLanguage('nl-NL')).toBe('nl');
    expect(normaliseLanguage('de_AT')).toBe('de');
    expect(normaliseLanguage('EN')).toBe('en');
    expect(normaliseLanguage('fr-FR')).toBe('en');
    expect(normaliseLanguage(undefined)).toBe('en');
  });

  it('interpolates and pluralises through i18next', async () => {
    initI18n('nl');
    expect(i18n.t('library.problems', { count: 1 })).toBe('1 probleem');
    expect(i18n.t('library.problems', { count: 3 })).toBe('3 problemen');
    await i18n.changeLanguage('de');
    expect(i18n.t('palette.add', { title: 'Visma.net fetch' })).toBe('Knoten hinzufügen: Visma.net fetch');
    await i18n.changeLanguage('en');
    expect(i18n.t('palette.add', { title: 'Visma.net fetch' })).toBe('Add node: Visma.net fetch');
  });
});
