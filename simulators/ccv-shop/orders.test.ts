// Orders: seeded coverage, totals to the cent, list filters, PATCH, order rows and POST.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { Json, JsonObject } from './json';
import { isObj, obj, str } from './json';
import { call, itemsOf, objOf } from './test-client';

let sim: CcvSimHandle;
const api = (method: string, uri: string, body?: Json) => call(sim, method, `/api/rest/v1/${uri}`, body);
const cents = (v: Json | undefined): number => Math.round(Number(v) * 100);

async function all(uri: string): Promise<JsonObject[]> {
  const out: JsonObject[] = [];
  let next: string | null = uri;
  while (next) {
    const page = objOf(await call(sim, 'GET', next));
    out.push(...itemsOf({ status: 200, headers: {}, text: '', json: page }));
    next = typeof page.next === 'string' ? page.next.slice(sim.url.length) : null;
  }
  return out;
}

/** total_price = rows + shipping + costs - discounts (+ tax on parts entered ex VAT). */
function expectedTotal(o: JsonObject): number {
  const net = cents(o.total_orderrow_price) + cents(o.total_shipping) + cents(o.paymethod_costs) + cents(o.extra_costs) -
    cents(o.total_discounts) - cents(o.credit_point_discount);
  return o.order_row_taxes_included === true ? net : net + cents(o.total_tax);
}

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: 60, orders: 90, users: 30 } });
});
afterAll(async () => {
  await sim.close();
});

describe('seeded orders', () => {
  it('cover every status, paid and unpaid, all customer kinds and countries', async () => {
    const orders = await all('/api/rest/v1/orders/?size=250');
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]));
    expect(new Set(orders.map((o) => o.paid))).toEqual(new Set([true, false]));
    const customers = orders.map((o) => obj(o, 'customer') ?? {});
    const countries = new Set(customers.map((c) => str(obj(c, 'billingaddress') ?? {}, 'country_code')));
    expect(countries).toEqual(new Set(['NL', 'BE', 'DE', 'FR']));
    expect(customers.some((c) => c.customertype === 'b2b' && String(c.btw).length > 0)).toBe(true);
    expect(orders.some((o) => o.is_intra_community_order === true && o.order_row_taxes_included === false)).toBe(true);
    const users = orders.map((o) => obj(o, 'user') ?? {});
    expect(users.some((u) => u.id === null && u.href === null)).toBe(true);
    // Like the live sample, order.user.id is a string.
    expect(users.some((u) => typeof u.id === 'string' && String(u.href).endsWith(`/users/${String(u.id)}/`))).toBe(true);
    expect(orders.some((o) => cents(o.paymethod_costs) > 0)).toBe(true);
    expect(orders.some((o) => cents(o.total_discounts) > 0 && str(obj(o, 'discountcoupon') ?? {}, 'code') !== '')).toBe(true);
    expect(orders.some((o) => o.total_shipping === 0)).toBe(true);
  });

  it('add up to the cent, rows included', async () => {
    const orders = await all('/api/rest/v1/orders/?size=250');
    let variantRows = 0;
    const rates = new Set<Json | undefined>();
    for (const o of orders) {
      expect(cents(o.total_price), `order ${String(o.id)}`).toBe(expectedTotal(o));
      const rows = itemsOf(await api('GET', `orders/${String(o.id)}/orderrows/?size=250`));
      const rowSum = rows.reduce((s, r) => s + cents(r.total_price_with_attributes), 0);
      expect(rowSum, `rows of ${String(o.id)}`).toBe(cents(o.total_orderrow_price));
      for (const r of rows) {
        expect(cents(r.selling_price)).toBe(cents(r.price) - cents(r.discount));
        rates.add(r.tax);
        if (Array.isArray(r.attributes) && r.attributes.length > 0) variantRows++;
      }
    }
    expect(variantRows).toBeGreaterThan(0);
    expect(rates.has(21) && rates.has(9) && rates.has(0)).toBe(true);
  });

  it('hide abandoned checkouts unless is_completed=false', async () => {
    const completed = await all('/api/rest/v1/orders/?size=250');
    expect(completed.every((o) => o.is_completed === true)).toBe(true);
    const open = await all('/api/rest/v1/orders/?is_completed=false&size=250');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((o) => o.is_completed === false && o.ordernumber === null && o.status === null)).toBe(true);
    expect(String(open[0]?.checkout_href)).toContain('/Basket/');
  });

  it('filter on status, is_paid, ordernumber and create date', async () => {
    const sent = await all('/api/rest/v1/orders/?status=5&size=250');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((o) => o.status === 5)).toBe(true);
    const unpaid = await all('/api/rest/v1/orders/?is_paid=false&size=250');
    expect(unpaid.every((o) => o.paid === false)).toBe(true);
    expect(itemsOf(await api('GET', 'orders/?ordernumber=3')).map((o) => o.ordernumber)).toEqual([3]);
    const recent = await all('/api/rest/v1/orders/?min_create_date=2024-06-01&max_create_date=2024-06-30&size=250');
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((o) => String(o.create_date) >= '2024-06-01' && String(o.create_date) <= '2024-06-30T23:59:59Z')).toBe(true);
    const newest = itemsOf(await api('GET', 'orders/?orderby=create_date_desc&size=2'));
    expect(String(newest[0]?.create_date) >= String(newest[1]?.create_date)).toBe(true);
  });
});

describe('changing orders', () => {
  it('PATCHes status, paid and track & trace with 204', async () => {
    const [o] = itemsOf(await api('GET', 'orders/?status=1&is_paid=false&size=1'));
    const id = String(o?.id);
    const r = await api('PATCH', `orders/${id}/`, { status: 5, paid: true, mail: true, note: 'Verzonden', track_and_trace_code: '3STEST', track_and_trace_carrier: 'PostNL' });
    expect(r.status).toBe(204);
    expect(objOf(await api('GET', `orders/${id}/`))).toMatchObject({ status: 5, paid: true, track_and_trace_code: '3STEST' });
    expect((await api('PATCH', `orders/${id}/`, { status: 15 })).status).toBe(400);
  });

  it('PUT orderrows replaces the rows and recalculates', async () => {
    const [o] = itemsOf(await api('GET', 'orders/?size=1&start=6'));
    const id = String(o?.id);
    const put = await api('PUT', `orders/${id}/orderrows/`, {
      orderrows: [
        { product_id: 100002, count: 2 },
        { product_name: 'Inpakservice', product_number: 'SERVICE', price: 4.95, tax: 21, package_id: 12, count: 1 },
      ],
    });
    expect(put.status).toBe(204);
    const rows = itemsOf(await api('GET', `orders/${id}/orderrows/`));
    expect(rows.map((r) => r.product_number)).toEqual(['SKU-000002', 'SERVICE']);
    const after = objOf(await api('GET', `orders/${id}/`));
    expect(cents(after.total_orderrow_price)).toBe(rows.reduce((s, r) => s + cents(r.total_price_with_attributes), 0));
    expect(cents(after.total_price)).toBe(expectedTotal(after));
    const bad = await api('PUT', `orders/${id}/orderrows/`, { orderrows: [{ product_name: 'x', count: 1 }] });
    expect(bad.status).toBe(400);
    expect(String(objOf(bad).developermessage)).toContain('orderrows[0]');
  });

  it('POST creates an order with the next ordernumber and computed totals', async () => {
    const highest = itemsOf(await api('GET', 'orders/?orderby=ordernumber_desc&size=1'))[0]?.ordernumber;
    const r = await api('POST', 'orders/', {
      customer: { email: 'nieuw@example.com', billingaddress: { first_name: 'Nina', last_name: 'Nieuw', street: 'Kade', housenumber: 1, zipcode: '1011 AA', city: 'Amsterdam', country_code: 'NL' } },
      orderrows: [{ product_id: 100004, attribute_combination_id: 4000001 + 3 * 8 + 1, count: 1 }],
      user_id: 24464001,
    });
    expect(r.status).toBe(201);
    const o = objOf(r);
    expect(o.ordernumber).toBe(Number(highest) + 1);
    expect(cents(o.total_price)).toBe(expectedTotal(o));
    const billing = obj(obj(o, 'customer') ?? {}, 'billingaddress') ?? {};
    expect(billing).toMatchObject({ full_name: 'Nina Nieuw', country: 'Nederland', country_code: 'NL' });
    const [row] = itemsOf(await api('GET', `orders/${String(o.id)}/orderrows/`));
    expect(row?.sub_sku_number).toBe('SKU-000004-S-WI');
    expect(isObj(o.user) && o.user.id).toBe('24464001');
    expect((await api('POST', 'orders/', { orderrows: [] })).status).toBe(400);
  });

  it('only patches rows of orders that are not completed', async () => {
    const [done] = itemsOf(await api('GET', 'orders/?size=1'));
    const [row] = itemsOf(await api('GET', `orders/${String(done?.id)}/orderrows/`));
    const r = await api('PATCH', `orderrows/${String(row?.id)}/`, { count: 9 });
    expect(objOf(r).code).toBe('500.70');
    const [open] = itemsOf(await api('GET', 'orders/?is_completed=false&size=1'));
    const [openRow] = itemsOf(await api('GET', `orders/${String(open?.id)}/orderrows/`));
    expect((await api('PATCH', `orderrows/${String(openRow?.id)}/`, { count: 9 })).status).toBe(204);
    const after = objOf(await api('GET', `orders/${String(open?.id)}/`));
    expect(objOf(await api('GET', `orderrows/${String(openRow?.id)}/`)).count).toBe(9);
    expect(cents(after.total_price)).toBe(expectedTotal(after));
  });
});
