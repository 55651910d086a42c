import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runNodeOnce } from '../../engine';
import type { Item } from '../../engine';
import { catalog } from '../../nodes/catalog';
import { definitions } from '../../nodes/catalog';
import { vismaGroupVariantsNode } from '../../nodes/visma/group-variants/definition';

const item = (sku: string, attributes: Record<string, string> = {}): Item => ({
  key: sku,
  json: { inventoryNumber: sku, attributes: Object.entries(attributes).map(([id, value]) => ({ id, value })) },
});

const productTypes = ['visma.fetch', 'visma.fetchStock', 'visma.fetchImage', 'visma.groupVariants', 'ccv.upsertProduct', 'ccv.upsertVariantProduct', 'ccv.syncStock', 'ccv.syncCategories', 'ccv.syncPhoto', 'ccv.syncProperties'];
const productNodes = definitions.filter((d) => productTypes.includes(d.type));

describe('the product nodes in the catalogue', () => {
  it('are all listed, each with a JSON Schema form and defaults the renderer can start from', () => {
    expect(productNodes.map((n) => n.type)).toEqual([
      'visma.fetch',
      'visma.fetchStock',
      'visma.fetchImage',
      'visma.groupVariants',
      'ccv.upsertProduct',
      'ccv.upsertVariantProduct',
      'ccv.syncStock',
      'ccv.syncCategories',
      'ccv.syncPhoto',
      'ccv.syncProperties',
    ]);
    for (const def of productNodes) {
      expect(catalog.get(def.type)).toBe(def);
      const schema = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any', reused: 'inline' });
      expect(schema.type, def.type).toBe('object');
      expect(def.params.safeParse({}).success, def.type).toBe(true);
      expect(def.description.length, def.type).toBeGreaterThan(40);
      if (def.category === 'ccv') expect([def.writes, def.connection, def.outputs.some((o) => o.name === 'error')], def.type).toEqual([true, 'ccv-shop', true]);
    }
    expect(JSON.stringify(z.toJSONSchema(catalog.get('visma.fetch')?.params ?? z.object({}), { io: 'input' }))).toContain('"optionsFrom":"itemClasses"');
  });

  it('say in the stock node which Visma fields the default figure is', () => {
    expect(catalog.get('visma.fetchStock')?.description).toContain('warehouseDetails[].available');
  });
});

describe('visma.groupVariants', () => {
  it('groups by the capture group of a pattern and lets other items through unchanged', async () => {
    const single = item('ART-1');
    const r = await runNodeOnce(vismaGroupVariantsNode, {
      params: { pattern: '^(.+)-(?:RED|BLUE)-[SML]$' },
      inputs: { in: [[item('TEE-RED-S'), single, item('CAP-BLUE-M')], [item('TEE-BLUE-L')]] },
    });
    expect(r.outputs.single).toEqual([single]);
    expect(r.outputs.groups?.map((g) => [g.key, g.json.groupKey, (Array.isArray(g.json.variants) ? g.json.variants : []).length])).toEqual([
      ['TEE', 'TEE', 2],
      ['CAP', 'CAP', 1],
    ]);
    // Groups leave after the last item, single items as they come.
    expect(r.batches.map((b) => b.port)).toEqual(['single', 'groups']);
  });

  it('groups by an attribute value', async () => {
    const r = await runNodeOnce(vismaGroupVariantsNode, {
      params: { groupBy: 'attribute', attribute: 'model' },
      inputs: { in: [[item('A', { MODEL: 'm1' }), item('B', { MODEL: 'm1' }), item('C')]] },
    });
    expect(r.outputs.groups?.map((g) => g.key)).toEqual(['m1']);
    expect(r.outputs.single?.map((i) => i.key)).toEqual(['C']);
  });

  it('asks for a pattern with a capture group, and an attribute when grouping by one', () => {
    const issues = (p: unknown) => vismaGroupVariantsNode.params.safeParse(p).error?.issues.map((i) => i.message) ?? [];
    expect(issues({ pattern: '^TEE-' })[0]).toContain('write a regular expression with a capture group');
    expect(issues({ groupBy: 'attribute' })).toEqual(['name the attribute whose value groups the items, e.g. MODEL']);
  });
});
