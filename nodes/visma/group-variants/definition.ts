import { z } from 'zod';
import { FieldPathError, defineNode, getAtPath, isJsonObject, parseFieldPath, textOf } from '../../../engine';
import type { Item, JsonObject } from '../../../engine';
import { chunk } from '../../shared/chunk';

const regexText = z.string().refine((s) => {
  try {
    return new RegExp(s).source !== '(?:)' && /\((?!\?)/.test(s);
  } catch {
    return false;
  }
}, 'write a regular expression with a capture group, e.g. ^(.+)-[^-]+-[^-]+$ (the part in brackets is the product)');

const paramsSchema = z
  .strictObject({
    groupBy: z
      .enum(['pattern', 'attribute'])
      .default('pattern')
      .meta({
        title: 'Group by',
        ui: {
          widget: 'select',
          options: [
            { value: 'pattern', label: 'a pattern in the item number (regular expression)' },
            { value: 'attribute', label: 'an attribute (e.g. MODEL)' },
          ],
        },
      }),
    pattern: regexText
      .default('^(.+)-[^-]+-[^-]+$')
      .meta({ title: 'Pattern', description: 'The first capture group is the product: ^(.+)-[^-]+-[^-]+$ groups TSHIRT-RED-M and TSHIRT-BLUE-L as TSHIRT.', ui: { widget: 'text' } }),
    field: z
      .string()
      .default('inventoryNumber')
      .meta({ title: 'Field', description: 'The field the pattern is matched on.', ui: { widget: 'text' } })
      .superRefine((s, ctx) => {
        try {
          parseFieldPath(s);
        } catch (err) {
          if (err instanceof FieldPathError) ctx.addIssue({ code: 'custom', message: err.message });
          else throw err;
        }
      }),
    attribute: z.string().trim().min(1).optional().meta({ title: 'Attribute', description: 'For "an attribute": its id; items with the same value form one product.', ui: { widget: 'text' } }),
  })
  .superRefine((p, ctx) => {
    if (p.groupBy === 'attribute' && p.attribute === undefined) ctx.addIssue({ code: 'custom', path: ['attribute'], message: 'name the attribute whose value groups the items, e.g. MODEL' });
  });

function attributeValue(json: JsonObject, id: string): string | undefined {
  const list = Array.isArray(json.attributes) ? json.attributes.filter(isJsonObject) : [];
  const hit = list.find((a) => textOf(a.id)?.toLowerCase() === id.toLowerCase());
  return hit ? textOf(hit.value) : undefined;
}

/**
 * Groups variant items (sizes, colours) into one record per product. The group is complete only when the input
 * ends, so variant items are held until then (memory grows with the number of variants read, not with all items).
 */
export const vismaGroupVariantsNode = defineNode({
  type: 'visma.groupVariants',
  version: 1,
  title: 'Group variants',
  category: 'transform',
  description:
    "Groups Visma.net items that are variants of one product, by a pattern in the item number (regular expression with a capture group) or by an attribute. Each group leaves as one record {groupKey, variants[]} keyed by the group; items that belong to no group leave on 'Single items' unchanged. Read the items without 'only changes': a group is only complete when all its items are read (the writing step skips what did not change).",
  icon: 'layers',
  inputs: [{ name: 'in', title: 'Items' }],
  outputs: [
    { name: 'groups', title: 'Variant products', description: '{groupKey, variants: [item, ...]} per product, after the last item has arrived.' },
    { name: 'single', title: 'Single items', description: 'Items without a group, unchanged.' },
  ],
  params: paramsSchema,
  async *run(ctx, inputs) {
    const p = ctx.params;
    const pattern = new RegExp(p.pattern);
    const path = parseFieldPath(p.field);
    const groupOf = (item: Item): string | undefined => {
      if (p.groupBy === 'attribute') return p.attribute ? attributeValue(item.json, p.attribute) : undefined;
      const text = textOf(getAtPath(item.json, path));
      const m = text === undefined ? null : pattern.exec(text);
      return m ? (m.slice(1).find((g) => g !== undefined && g !== '') ?? undefined) : undefined;
    };
    const groups = new Map<string, JsonObject[]>();
    for await (const batch of inputs.in ?? []) {
      const single: Item[] = [];
      for (const item of batch) {
        const key = groupOf(item);
        if (key === undefined) single.push(item);
        else {
          const members = groups.get(key);
          if (members) members.push(item.json);
          else groups.set(key, [item.json]);
        }
      }
      if (single.length) yield { port: 'single', items: single };
    }
    const out: Item[] = [...groups].map(([groupKey, variants]) => ({ key: groupKey, json: { groupKey, variants } }));
    ctx.log('info', `${out.length} variant product${out.length === 1 ? '' : 's'} from ${out.reduce((n, g) => n + (Array.isArray(g.json.variants) ? g.json.variants.length : 0), 0)} items.`);
    for (const b of chunk(out, ctx.settings.batchSize)) yield { port: 'groups', items: b };
  },
});
