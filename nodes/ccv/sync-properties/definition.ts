import { z } from 'zod';
import { requireShop, shopLedger } from '../../shared/require-shop';
import { contentHash, defineNode, getAtPath, isJsonObject, parseFieldPath, textOf } from '../../../engine';
import type { FieldChange, Item, NodeContext } from '../../../engine';
import type { CcvClient } from '../../../connectors/ccv-shop/index';
import { PropertyCatalog } from './property-catalog';
import { isCreateOnly } from '../../shared/record-fields';
import { RecordProblem, steps, writeBatches } from '../../shared/batch-writer';
import type { Journal, WriteResult } from '../../shared/batch-writer';
import { pathParam } from '../../shared/path-param';

const SCOPE = 'properties';

const paramsSchema = z.strictObject({
  skuField: pathParam('Product number field', 'inventoryNumber', 'The SKU of the shop product.'),
  propertiesField: pathParam('Properties field', 'properties', 'An object of property name → value, e.g. {"Land van herkomst": "PT"}.'),
  group: z.string().trim().min(1).default('Specificaties').meta({ title: 'Property group', description: 'The CCV property group the properties belong to; found by name or created.', ui: { widget: 'text' } }),
});
type Params = z.infer<typeof paramsSchema>;

async function syncProperties(ctx: NodeContext<Params>, client: CcvClient, catalog: PropertyCatalog, item: Item, journal: Journal): Promise<WriteResult> {
  const p = ctx.params;
  const sku = textOf(getAtPath(item.json, parseFieldPath(p.skuField))) ?? item.key;
  const raw = getAtPath(item.json, parseFieldPath(p.propertiesField));
  if (!isJsonObject(raw)) throw new RecordProblem(`Product '${sku}' has no properties object in '${p.propertiesField}'. Map {name: value, ...} to it.`, p.propertiesField);
  const wanted = new Map<string, string>();
  for (const [name, value] of Object.entries(raw)) {
    const text = typeof value === 'boolean' ? String(value) : textOf(value);
    if (text !== undefined && name.trim() !== '') wanted.set(name.trim(), text);
  }
  const hash = contentHash({ group: p.group, properties: Object.fromEntries([...wanted].sort(([a], [b]) => (a < b ? -1 : 1))) });
  const mapping = ctx.ledger.getMapping(SCOPE, sku);
  if (mapping && mapping.hash === hash && !ctx.ledger.pendingWrite(SCOPE, sku)) return { action: 'skipped', targetId: mapping.targetId, reason: 'properties unchanged since the last run' };

  const product = await client.products.findByNumber(sku, { signal: ctx.signal });
  if (!product) throw new RecordProblem(`Product '${sku}' is not in the shop, so its properties cannot be written. Create the products first.`, p.skuField);
  const groupId = await catalog.groupId();
  const links = [];
  for await (const l of client.productProperties.groupLinks(product.id, { signal: ctx.signal })) links.push(l);
  const link = groupId === undefined ? undefined : links.find((l) => l.product_property_group_id === groupId);
  const existing = new Map<number, { id: number; value: string }>();
  for (const v of link?.values?.collection ?? []) if (v.product_property_id != null) existing.set(v.product_property_id, { id: v.id, value: v.value ?? '' });

  const changes: FieldChange[] = [];
  const writes: (() => Promise<unknown>)[] = [];
  if (!link) {
    changes.push({ field: `property group ${p.group}`, after: 'linked' });
    if (groupId !== undefined) writes.push(() => client.productProperties.createGroupLink({ product_id: product.id, product_property_group_id: groupId }, { signal: ctx.signal }));
  }
  for (const [name, text] of wanted) {
    const prop = await catalog.property(name);
    const value = prop ? await catalog.valueFor(prop, text) : undefined;
    const have = prop ? existing.get(prop.id) : undefined;
    if (have && value !== undefined && have.value === value) continue;
    // A property marked "only when created" is filled when empty and never changed afterwards.
    if (have && isCreateOnly(item, `${p.propertiesField}.${name}`)) continue;
    changes.push(have ? { field: name, before: have.value, after: text } : { field: name, after: text });
    if (!prop || value === undefined) continue;
    writes.push(() =>
      have ? client.productProperties.patchValue(have.id, { value }, { signal: ctx.signal }) : client.productProperties.createValue({ product_id: product.id, product_property_id: prop.id, value }, { signal: ctx.signal }),
    );
  }
  const id = String(product.id);
  if (changes.length === 0) {
    journal.settle(SCOPE, sku, id, hash);
    return { action: 'skipped', targetId: id, reason: 'the shop already has these properties' };
  }
  const result: WriteResult = { action: existing.size === 0 ? 'created' : 'updated', targetId: id, changes, sent: Object.fromEntries(wanted) };
  if (ctx.dryRun) return result;
  await journal.write(SCOPE,
    sku,
    hash,
    async () => {
      for (const w of writes) await w();
    },
    () => id,
  );
  return result;
}

export const ccvSyncPropertiesNode = defineNode({
  type: 'ccv.syncProperties',
  version: 1,
  title: 'Write product properties',
  category: 'ccv',
  description:
    'Writes product properties ("features": country of origin, type, delivery time, ...) to CCV Shop products: the property group and properties are found by name or created, the product is linked to the group, and each value is created or changed. Checkbox and option properties get their CCV form. Unchanged properties cause no requests. Dry run: planned values with before/after.',
  icon: 'list',
  connection: 'ccv-shop',
  clientOf: requireShop,
  writes: true,
  inputs: [{ name: 'in', title: 'Products', description: 'Records with the SKU and a properties object.' }],
  outputs: [
    { name: 'out', title: 'Done', description: 'Products whose properties were written or were already right.' },
    { name: 'error', title: 'Error', description: 'Products whose properties could not be written.' },
  ],
  params: paramsSchema,
  async *run(node, inputs) {
    const ctx = shopLedger(node);
    const client = ctx.client;
    const catalog = new PropertyCatalog(ctx, client, ctx.params.group);
    yield* writeBatches(ctx, inputs.in, steps((item, journal) => syncProperties(ctx, client, catalog, item, journal)), { target: 'properties', service: 'CCV Shop' });
  },
});
