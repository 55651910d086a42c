// Attribute values on products generate attribute combinations; combinations take stock, SKU
// and EAN; /productqueries finds products by combination SKU.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { Json, JsonObject } from './json';
import { isObj } from './json';
import { call, itemsOf, objOf } from './test-client';

let sim: CcvSimHandle;
const api = (method: string, uri: string, body?: Json) => call(sim, method, `/api/rest/v1/${uri}`, body);
const valueNames = (c: JsonObject): string[] =>
  (Array.isArray(c.combination) ? c.combination : []).map((x) => (isObj(x) && isObj(x.attribute_value) ? String(x.attribute_value.name) : '?'));

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: 30 } });
});
afterAll(async () => {
  await sim.close();
});

describe('seeded variant product', () => {
  it('has six combinations of Maat and Kleur with SKUs and stock', async () => {
    const combos = itemsOf(await api('GET', 'products/100004/attributecombinations/'));
    expect(combos).toHaveLength(6);
    expect(combos.map(valueNames)).toContainEqual(['L', 'Wit']);
    const lWit = combos.find((c) => valueNames(c).join() === 'L,Wit');
    // L costs 1.00 extra and Wit 0.50 on this product.
    expect(lWit).toMatchObject({ sku_number: 'SKU-000004-L-WI', netto_extra_price: 1.5, product_id: 100004 });
    const sets = itemsOf(await api('GET', 'products/100004/productattributesets/'));
    expect(sets.map((s) => s.attributename)).toEqual(['Maat', 'Kleur']);
  });

  it('takes a stock update on one combination (PATCH 204)', async () => {
    const [first] = itemsOf(await api('GET', 'products/100004/attributecombinations/'));
    const id = String(first?.id);
    const r = await api('PATCH', `attributecombinations/${id}/`, { stock: 7 });
    expect(r.status).toBe(204);
    expect(objOf(await api('GET', `attributecombinations/${id}/`)).stock).toBe(7);
    const others = itemsOf(await api('GET', 'products/100004/attributecombinations/')).filter((c) => String(c.id) !== id);
    expect(others).toHaveLength(5);
  });

  it('cannot create combinations directly', async () => {
    expect((await api('POST', 'products/100004/attributecombinations/', { stock: 1 })).status).toBe(405);
  });

  it('finds the product by combination SKU through /productqueries', async () => {
    const found = itemsOf(await api('GET', 'productqueries/?skunumber=SKU-000014-M-ZW'));
    expect(found.map((p) => p.id)).toEqual([100014]);
    const [combo] = itemsOf(await api('GET', 'products/100024/attributecombinations/'));
    const byEan = itemsOf(await api('GET', `productqueries/?eannumber=${String(combo?.ean_number)}`));
    expect(byEan.map((p) => p.id)).toEqual([100024]);
    expect((await api('GET', 'productqueries/')).status).toBe(400);
  });
});

describe('building variants on a new product', () => {
  it('generates the cross product of option menus; additional menus add none', async () => {
    const p = objOf(await api('POST', 'products/', { name: 'Hoodie', price: 45, discount: 0, package_id: 13, taxtariff: 'normal', stocktype: 'Attribute' }));
    const pid = String(p.id);
    const attach = (optionvalue: number, price = 0, stock?: number) =>
      api('POST', `products/${pid}/productattributevalues/`, { optionvalue, price, ...(stock === undefined ? {} : { stock }) });
    // Maat S, M (401, 402) and Kleur Zwart, Wit (405, 406), initial stock 3; giftwrap 408 is an additional menu.
    for (const v of [401, 402]) expect((await attach(v, 0, 3)).status).toBe(201);
    expect(itemsOf(await api('GET', `products/${pid}/attributecombinations/`))).toHaveLength(2);
    const wit = await attach(406, 0.75, 3);
    expect(objOf(wit)).toMatchObject({ optionname: 'Kleur', optionvalue_name: 'Wit', price: 0.75 });
    await attach(405, 0, 3);
    await attach(408, 2.5);
    const combos = itemsOf(await api('GET', `products/${pid}/attributecombinations/`));
    expect(combos.map(valueNames).sort()).toEqual([['M', 'Wit'], ['M', 'Zwart'], ['S', 'Wit'], ['S', 'Zwart']]);
    expect(combos.every((c) => c.stock === 3)).toBe(true);
    expect(combos.find((c) => valueNames(c).join() === 'S,Wit')?.netto_extra_price).toBe(0.75);
    const dup = await attach(401);
    expect(objOf(dup).code).toBe('500.40');

    const sWit = combos.find((c) => valueNames(c).join() === 'S,Wit');
    expect((await api('PATCH', `attributecombinations/${String(sWit?.id)}/`, { sku_number: 'HOOD-S-WIT', ean_number: '8712345678906' })).status).toBe(204);
    expect(itemsOf(await api('GET', 'productqueries/?skunumber=HOOD-S-WIT')).map((x) => x.id)).toEqual([p.id]);
    const expanded = itemsOf(await api('GET', `products/?productnumber=&expand=attributecombinations&size=250`)).find((x) => x.id === p.id);
    const link = expanded?.attributecombinations;
    expect(isObj(link) && Array.isArray(link.collection) ? link.collection.length : 0).toBe(4);

    const pavs = itemsOf(await api('GET', `products/${pid}/productattributevalues/`));
    const m = pavs.find((x) => x.optionvalue_name === 'M');
    expect((await api('DELETE', `productattributevalues/${String(m?.id)}/`)).status).toBe(204);
    const left = itemsOf(await api('GET', `products/${pid}/attributecombinations/`)).map(valueNames).sort();
    expect(left).toEqual([['S', 'Wit'], ['S', 'Zwart']]);
    // The combination that survived keeps its SKU.
    expect(itemsOf(await api('GET', `products/${pid}/attributecombinations/`)).some((c) => c.sku_number === 'HOOD-S-WIT')).toBe(true);
  });

  it('rejects unknown attribute values and only allows required switches on attributes', async () => {
    expect((await api('POST', 'products/100001/productattributevalues/', { optionvalue: 99999, price: 0 })).status).toBe(400);
    expect((await api('PATCH', 'attributes/301/', { name: 'Maat', type: 'option_menu_required' })).status).toBe(204);
    expect((await api('PATCH', 'attributes/301/', { name: 'Maat', type: 'text' })).status).toBe(400);
    const attr = objOf(await api('POST', 'attributes/', { name: 'Lengte', type: 'option_menu' }));
    const value = await api('POST', `attributes/${String(attr.id)}/attributevalues/`, { name: '32', default_price: 0 });
    expect(objOf(value)).toMatchObject({ name: '32', attribute_id: attr.id });
  });
});
