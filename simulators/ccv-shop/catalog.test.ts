// Supporting resources: users, product properties, brands/packages, pay methods, order notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { Json } from './json';
import { isObj, obj, str } from './json';
import { call, itemsOf, objOf } from './test-client';

let sim: CcvSimHandle;
const api = (method: string, uri: string, body?: Json) => call(sim, method, `/api/rest/v1/${uri}`, body);

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, latencyMs: 1, sizes: { products: 10, orders: 10, users: 14 } });
});
afterAll(async () => {
  await sim.close();
});

describe('users', () => {
  it('seeds private and company customers with userinfo', async () => {
    const users = itemsOf(await api('GET', 'users/?size=250'));
    expect(users).toHaveLength(14);
    const types = users.map((u) => str(obj(u, 'userinfo') ?? {}, 'customertype'));
    expect(new Set(types)).toEqual(new Set(['b2c', 'b2b']));
    expect(users.every((u) => String(u.href).endsWith(`/users/${String(u.id)}/`))).toBe(true);
  });

  it('filters only on approval_status and ignores an email parameter', async () => {
    const pending = itemsOf(await api('GET', 'users/?approval_status=pending&size=250'));
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((u) => u.approval_status === 'pending')).toBe(true);
    const [someone] = itemsOf(await api('GET', 'users/?size=1'));
    const byEmail = itemsOf(await api('GET', `users/?email=${encodeURIComponent(String(someone?.username))}&size=250`));
    expect(byEmail).toHaveLength(14);
  });

  it('orders by last name', async () => {
    const names = itemsOf(await api('GET', 'users/?orderby=last_name&size=250')).map((u) =>
      str(obj(obj(u, 'userinfo') ?? {}, 'billingaddress') ?? {}, 'last_name') ?? '',
    );
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
  });

  it('creates a user with username and password, never echoing the password', async () => {
    expect((await api('POST', 'users/', { username: 'nieuw@example.com' })).status).toBe(400);
    const r = await api('POST', 'users/', { username: 'nieuw@example.com', password: 'geheim123', userinfo: { email: 'nieuw@example.com', btw: 'NL123456789B01' } });
    expect(r.status).toBe(201);
    expect(r.text).not.toContain('geheim123');
    expect(obj(objOf(r), 'userinfo')).toMatchObject({ email: 'nieuw@example.com', customertype: 'b2b' });
    expect(objOf(await api('POST', 'users/', { username: 'nieuw@example.com', password: 'x' })).code).toBe('500.40');
  });
});

describe('product properties', () => {
  it('chains group, property, option, value and the product link', async () => {
    const group = objOf(await api('POST', 'productpropertygroups/', { name: 'Afmetingen' }));
    const prop = objOf(await api('POST', `productpropertygroups/${String(group.id)}/productproperties/`, { name: 'Vorm', type: 'option' }));
    const option = objOf(await api('POST', `productproperties/${String(prop.id)}/productpropertyoptions/`, { name: 'Rond', position: 1 }));
    expect((await api('POST', 'productpropertyvalues/', { product_id: 100001, product_property_id: prop.id ?? 0, value: 'Vierkant' })).status).toBe(400);
    expect((await api('POST', 'productpropertyvalues/', { product_id: 100001, product_property_id: prop.id ?? 0, value: String(option.id) })).status).toBe(201);
    const link = objOf(await api('POST', 'producttopropertygroups/', { product_id: 100001, product_property_group_id: group.id ?? 0 }));
    const values = isObj(link.values) && Array.isArray(link.values.collection) ? link.values.collection : [];
    expect(values).toHaveLength(1);
    expect(itemsOf(await api('GET', 'products/100001/producttopropertygroups/')).map((l) => l.id)).toEqual([link.id]);
    const options = objOf(await api('GET', `productproperties/${String(prop.id)}/`)).options;
    expect(isObj(options) && Array.isArray(options.collection) ? options.collection.length : 0).toBe(1);
  });
});

describe('reference data', () => {
  it('keeps brand names unique and lists products per brand', async () => {
    expect(objOf(await api('POST', 'brands/', { name: 'Noorderzon' })).code).toBe('500.40');
    const products = itemsOf(await api('GET', 'brands/35/products/?size=250'));
    expect(products.every((p) => isObj(p.brand) && p.brand.id === 35)).toBe(true);
    expect(itemsOf(await api('GET', 'packages/')).map((p) => p.name)).toEqual(['Brievenbuspakje', 'Pakket', 'Groot pakket']);
  });

  it('has iDEAL, Bancontact, PayPal (with extra costs) and bank transfer/invoice', async () => {
    const methods = itemsOf(await api('GET', 'paymethods/'));
    expect(methods.map((m) => m.label)).toEqual(['iDEAL', 'Bancontact', 'Vooraf overmaken', 'PayPal', 'Op rekening']);
    expect(methods.filter((m) => m.extra_costs === true).map((m) => m.combined_name)).toEqual(['PayPal']);
  });

  it('stores order notes', async () => {
    const note = objOf(await api('POST', 'orders/339000001/ordernotes/', { note: 'Klant belt terug' }));
    expect(note).toMatchObject({ note: 'Klant belt terug', parent: { href: `${sim.apiRoot}orders/339000001/` } });
    expect(itemsOf(await api('GET', 'orders/339000001/ordernotes/')).map((n) => n.id)).toEqual([note.id]);
  });
});
