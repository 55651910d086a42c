import { z } from 'zod';
import type { Sims, VismaItem } from './harness';

const COLOURS: Record<string, string> = { RED: 'Rood', BLUE: 'Blauw', BLACK: 'Zwart' };

/** Creates a simple shop product per item (stock 0), straight through the CCV API. */
export async function createSimpleProducts(sims: Sims, items: readonly VismaItem[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const item of items) {
    const p = await sims.shopClient.products.create({ name: item.description ?? item.inventoryNumber, productnumber: item.inventoryNumber, price: 1, discount: 0, package_id: 12, taxtariff: 'normal', stock: 0 });
    ids.set(item.inventoryNumber, p.id);
  }
  return ids;
}

/**
 * Creates product `base` with the options Maat (S, M, L) and Kleur (Rood, Blauw, Zwart), and gives each of the nine
 * generated combinations the SKU of the matching Visma.net item (`TSHIRT-RED-M`). Returns SKU → combination id.
 */
export async function createVariantProduct(sims: Sims, base: string): Promise<{ productId: number; combos: Map<string, number> }> {
  const c = sims.shopClient;
  const product = await c.products.create({ name: base, productnumber: base, price: 20, discount: 0, package_id: 12, taxtariff: 'normal', stocktype: 'Attribute' });
  const maat = await c.attributes.findByName('Maat');
  const kleur = await c.attributes.findByName('Kleur');
  if (!maat || !kleur) throw new Error('the seeded shop has no Maat/Kleur attributes');
  const valueIds = new Map<string, number>();
  for (const size of ['S', 'M', 'L']) valueIds.set(size, z.number().parse((await c.attributeValues.findByName(maat.id, size))?.id));
  for (const colour of Object.values(COLOURS)) valueIds.set(colour, (await c.attributeValues.findByName(kleur.id, colour))?.id ?? (await c.attributeValues.create(kleur.id, { name: colour, default_price: 0 })).id);
  for (const id of valueIds.values()) await c.productAttributeValues.create(product.id, { optionvalue: id, price: 0, stock: 0 });
  const combos = new Map<string, number>();
  for await (const combo of c.attributeCombinations.listForProduct(product.id)) {
    const names = (combo.combination ?? []).map((part) => part.attribute_value?.name ?? '');
    const size = names.find((n) => ['S', 'M', 'L'].includes(n));
    const colour = Object.entries(COLOURS).find(([, name]) => names.includes(name))?.[0];
    const sku = `${base}-${colour}-${size}`;
    await c.attributeCombinations.patch(combo.id, { sku_number: sku });
    combos.set(sku, combo.id);
  }
  return { productId: product.id, combos };
}
