import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { round2 } from '../../engine';
import type { Ledger } from '../../engine';
import { available } from './expected';
import { propertiesFlow, variantsFlow } from './flows';
import { loadFlow, memoryLedger, runWith, shopRequests, shopStore, startSims, vismaItems, writesOf } from './harness';
import type { ShopRecord, Sims, VismaItem } from './harness';

const COLOUR: Record<string, string> = { RED: 'Rood', BLUE: 'Blauw', BLACK: 'Zwart' };
const FAMILY = /^([A-Z]+)-(RED|BLUE|BLACK)-([SML])$/;

let sims: Sims;
let ledger: Ledger;
let variants: VismaItem[];
const flow = variantsFlow();

const attr = (item: VismaItem, id: string) => item.attributes.find((a) => a.id === id)?.value;

beforeAll(async () => {
  sims = await startSims({ inventory: 60 });
  ledger = memoryLedger();
  variants = (await vismaItems(sims)).filter((i) => i.status === 'Active' && FAMILY.test(i.inventoryNumber));
});
afterAll(async () => {
  ledger.close();
  await sims.close();
});

describe('Visma.net variant items → one CCV product per family with attribute combinations', () => {
  it('dry run: writes nothing and plans one product per family with its variants', async () => {
    const { summary, records } = await runWith(flow, sims, ledger, { dryRun: true });
    expect(summary.status).toBe('succeeded');
    const families = [...new Set(variants.map((v) => FAMILY.exec(v.inventoryNumber)?.[1]))].sort();
    const planned = records.filter((r) => r.nodeId === 'write');
    expect(planned.map((r) => [r.key, r.action]).sort()).toEqual(families.map((f) => [f, 'created']));
    const first = variants[0];
    expect(planned.flatMap((r) => r.changes ?? []).find((c) => c.field === `variant ${first?.inventoryNumber}`)?.after).toEqual(
      expect.objectContaining({ sku_number: first?.inventoryNumber, options: { Maat: first ? attr(first, 'SIZE') : '', Kleur: COLOUR[(first && attr(first, 'COLOR')) ?? ''] } }),
    );
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });

  it('creates the products, finds or creates the attribute values, and gives each combination its SKU, EAN and stock', async () => {
    const { summary } = await runWith(flow, sims, ledger);
    expect(summary.status).toBe('succeeded');
    const attributes = await shopStore(sims, 'attributes');
    const values = await shopStore(sims, 'attributevalues');
    // The seeded shop has Maat S/M/L and Kleur Zwart/Blauw; only Rood is new, and no attribute is created.
    expect(attributes.filter((a) => a.name === 'Maat' || a.name === 'Kleur')).toHaveLength(2);
    const kleur = attributes.find((a) => a.name === 'Kleur')?.id;
    expect(values.filter((v) => v.attribute_id === kleur).map((v) => v.name).sort()).toEqual(['Blauw', 'Rood', 'Wit', 'Zwart']);
    const valueName = new Map(values.map((v) => [v.id, String(v.name)]));

    const products = await shopStore(sims, 'products');
    const combos = await shopStore(sims, 'attributecombinations');
    for (const item of variants) {
      const family = FAMILY.exec(item.inventoryNumber)?.[1];
      const product = products.find((p) => p.productnumber === family);
      expect(product?.stocktype, family).toBe('Attribute');
      const combo: ShopRecord | undefined = combos.find((c) => c.product_id === product?.id && c.sku_number === item.inventoryNumber);
      const names = z.array(z.number()).parse(combo?.value_ids).map((id) => valueName.get(id)).sort();
      expect({ options: names, ean: combo?.ean_number, stock: combo?.stock, active: combo?.active }, item.inventoryNumber).toEqual({
        options: [attr(item, 'SIZE'), COLOUR[attr(item, 'COLOR') ?? '']].sort(),
        ean: item.crossReferences.find((c) => c.alternateType === 'Barcode')?.alternateID,
        stock: Math.max(0, available(item)),
        active: true,
      });
    }
    const families = new Map<string, VismaItem[]>();
    for (const v of variants) {
      const family = FAMILY.exec(v.inventoryNumber)?.[1] ?? '';
      families.set(family, [...(families.get(family) ?? []), v]);
    }
    for (const [family, members] of families) {
      const product = products.find((p) => p.productnumber === family);
      expect(product && { name: product.name, price: product.price, taxtariff: product.taxtariff, package_id: product.package_id, is_active: product.is_active }, family).toEqual({
        name: members[0]?.description?.split(' ')[0],
        price: round2(Math.min(...members.map((m) => m.defaultPrice ?? 0)) * 1.21),
        taxtariff: 'normal',
        package_id: 12,
        is_active: true,
      });
    }
    // Combinations no active item stands for are switched off.
    const familyIds = new Set(products.filter((p) => variants.some((v) => v.inventoryNumber.startsWith(`${String(p.productnumber)}-`))).map((p) => p.id));
    const orphans = combos.filter((c) => familyIds.has(c.product_id) && c.sku_number === '');
    expect(orphans.length).toBe(familyIds.size * 9 - variants.length);
    expect(orphans.every((c) => c.active === false)).toBe(true);

    await shopRequests(sims);
    const again = await runWith(flow, sims, ledger);
    expect(again.summary.counts.created + again.summary.counts.updated).toBe(0);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });
});

describe('product properties', () => {
  it('writes country of origin and item group as properties, in the Specificaties group, once', async () => {
    await runWith(loadFlow('products'), sims, ledger);
    const flowP = propertiesFlow();
    const dry = await runWith(flowP, sims, ledger, { dryRun: true });
    expect(dry.summary.status).toBe('succeeded');
    expect(writesOf(await shopRequests(sims)).filter((w) => w.path.includes('propert'))).toEqual([]);

    const { summary } = await runWith(flowP, sims, ledger);
    expect(summary.status).toBe('succeeded');
    const properties = await shopStore(sims, 'productproperties');
    const group = (await shopStore(sims, 'productpropertygroups')).filter((g) => g.name === 'Specificaties');
    expect(group).toHaveLength(1);
    const origin = properties.find((p) => p.name === 'Land van herkomst');
    expect(origin).toMatchObject({ group_id: group[0]?.id, type: 'text' });
    const valuesStore = await shopStore(sims, 'productpropertyvalues');
    const products = await shopStore(sims, 'products');
    const items = (await vismaItems(sims)).filter((i) => i.status === 'Active');
    for (const item of items) {
      const product = products.find((p) => p.productnumber === item.inventoryNumber);
      const value = valuesStore.find((v) => v.product_id === product?.id && v.product_property_id === origin?.id);
      const want = item.stockItem ? 'PT' : undefined;
      expect(value?.value, item.inventoryNumber).toBe(want);
    }
    await shopRequests(sims);
    await runWith(flowP, sims, ledger);
    expect(writesOf(await shopRequests(sims))).toEqual([]);
  });
});
