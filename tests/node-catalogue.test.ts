import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OPTION_KINDS, WIDGETS } from '../engine/flow/ui-hints';
import { parseFlow, validateFlow } from '../engine';
import { RENAMED_NODE_TYPES } from '../engine/flow/migrate';
import { catalog, definitions } from '../nodes/catalog';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Every `definition.ts` under nodes/ with the type id it declares. */
function definitionFiles(dir = path.join(root, 'nodes')): { file: string; type: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const at = path.join(dir, e.name);
    if (e.isDirectory()) return definitionFiles(at);
    if (e.name !== 'definition.ts') return [];
    const type = /^\s+type: '([^']+)',$/m.exec(readFileSync(at, 'utf8'))?.[1] ?? '(none)';
    return [{ file: path.relative(root, at), type }];
  });
}

describe('the node catalogue, its folders and its type ids tell the same story', () => {
  it('every node type is service.camelName and lives in nodes/<service>/<kebab-name>/definition.ts', () => {
    const files = definitionFiles();
    expect(files.map((f) => f.type).sort()).toEqual(definitions.map((d) => d.type).sort());
    for (const { file, type } of files) {
      expect(type, file).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
      const [service = '', name = ''] = type.split('.');
      expect(file).toBe(`nodes/${service}/${kebab(name)}/definition.ts`);
    }
  });

  it('renamed type ids of older flow files all point at a node that exists, and none is still in use', () => {
    for (const [old, now] of Object.entries(RENAMED_NODE_TYPES)) {
      expect(catalog.get(now), now).toBeDefined();
      expect(catalog.get(old), old).toBeUndefined();
    }
  });

  it.each(['orders-sales-orders', 'customers', 'products'])('a flow file saved by Koppel 0.1 (%s) still opens and validates', (name) => {
    const text = readFileSync(path.join(root, `tests/fixtures/koppel-0.1/${name}.flow.json`), 'utf8');
    expect(JSON.parse(text).koppel).toBe(1);
    const parsed = parseFlow(text, catalog);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.flow.koppel).toBe(2);
    expect(validateFlow(parsed.flow, catalog).filter((p) => p.severity === 'error')).toEqual([]);
    expect(parsed.flow.nodes.every((n) => catalog.get(n.type) !== undefined)).toBe(true);
  });

  it('a 0.1 "post order" step saved with the old default prefix CCV- follows its shop connection; another prefix stays', () => {
    const text = readFileSync(path.join(root, 'tests/fixtures/koppel-0.1/orders-sales-orders.flow.json'), 'utf8');
    const post = (source: string) => {
      const parsed = parseFlow(source, catalog);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      return parsed.flow.nodes.find((n) => n.type === 'visma.postSalesOrder');
    };
    const migrated = post(text);
    expect(migrated?.version).toBe(2);
    expect(migrated?.params).not.toHaveProperty('referencePrefix');
    expect(post(text.replace('"referencePrefix": "CCV-"', '"referencePrefix": "WEB-"'))?.params.referencePrefix).toBe('WEB-');
  });

  it('every UI hint names a widget the inspector has and an option list the host can fill', () => {
    const hints: { type: string; widget?: unknown; optionsFrom?: unknown }[] = [];
    const walk = (type: string, node: unknown): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(type, n));
      if (typeof node !== 'object' || node === null) return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'ui' && typeof v === 'object' && v !== null) hints.push({ type, ...v });
        else walk(type, v);
      }
    };
    for (const def of definitions) walk(def.type, z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }));
    expect(hints.length).toBeGreaterThan(50);
    for (const h of hints) {
      if (h.widget !== undefined) expect(WIDGETS, h.type).toContain(h.widget);
      if (h.optionsFrom !== undefined) expect(OPTION_KINDS, h.type).toContain(h.optionsFrom);
    }
    // And the compiler refuses a hint it does not know (the line below must not compile):
    // @ts-expect-error 'tgogle' is not a widget
    z.boolean().meta({ ui: { widget: 'tgogle' } });
  });
});
