// Product photos: raw base64 source, server-assigned file name, main photo, PUT replaces all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import type { Json } from './json';
import { isObj } from './json';
import { admin, call, itemsOf, objOf } from './test-client';

// A 1x1 transparent PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const GIF = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

let sim: CcvSimHandle;
const api = (method: string, uri: string, body?: Json) => call(sim, method, `/api/rest/v1/${uri}`, body);

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, rateLimit: false, sizes: { products: 12 } });
});
afterAll(async () => {
  await sim.close();
});

describe('POST /products/:id/productphotos', () => {
  it('stores a photo and assigns the file name', async () => {
    const r = await api('POST', 'products/100001/productphotos/', { file_type: 'png', source: PNG, alttext: 'Voorkant', is_mainphoto: true });
    expect(r.status).toBe(201);
    const photo = objOf(r);
    expect(photo.filename).toBe(`sku-000001-${String(photo.id)}.png`);
    expect(photo).toMatchObject({ alttext: 'Voorkant', is_mainphoto: true, parent: { href: `${sim.apiRoot}products/100001/` } });
    expect(String(photo.deeplink)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/Files\/.*\.png$/);
    const product = objOf(await api('GET', 'products/100001/'));
    expect(product.productmainphoto).toBe(photo.deeplink);
    const stored = objOf(await admin(sim, 'GET', '/__sim/store/productphotos?limit=1000'));
    const mine = (Array.isArray(stored.items) ? stored.items : []).find((p) => isObj(p) && p.id === photo.id);
    expect(isObj(mine) && mine.source_bytes).toBe(Buffer.from(PNG, 'base64').length);
  });

  it('refuses a data: prefix, bad base64, a wrong file type and a filename field', async () => {
    const prefixed = await api('POST', 'products/100002/productphotos/', { file_type: 'png', source: `data:image/png;base64,${PNG}` });
    expect(prefixed.status).toBe(500);
    expect(objOf(prefixed).code).toBe('500.23');
    expect(String(objOf(prefixed).developermessage)).toContain("without the 'data:image");
    expect(objOf(await api('POST', 'products/100002/productphotos/', { file_type: 'png', source: '***' })).code).toBe('500.23');
    expect(objOf(await api('POST', 'products/100002/productphotos/', { file_type: 'bmp', source: PNG })).code).toBe('500.22');
    expect(objOf(await api('POST', 'products/100002/productphotos/', { file_type: 'jpg', source: PNG })).code).toBe('500.23');
    expect((await api('POST', 'products/100002/productphotos/', { file_type: 'png', source: PNG, filename: 'x.png' })).status).toBe(400);
  });

  it('keeps one main photo', async () => {
    const a = objOf(await api('POST', 'products/100003/productphotos/', { file_type: 'png', source: PNG, is_mainphoto: true }));
    const b = objOf(await api('POST', 'products/100003/productphotos/', { file_type: 'gif', source: GIF, is_mainphoto: true }));
    const mains = itemsOf(await api('GET', 'products/100003/productphotos/')).filter((p) => p.is_mainphoto === true);
    expect(mains.map((p) => p.id)).toEqual([b.id]);
    expect((await api('PATCH', `productphotos/${String(a.id)}/`, { is_mainphoto: true, alttext: 'Terug' })).status).toBe(204);
    const after = itemsOf(await api('GET', 'products/100003/productphotos/?orderby=ismainphoto_desc'));
    expect(after[0]).toMatchObject({ id: a.id, is_mainphoto: true, alttext: 'Terug' });
  });
});

describe('PUT /products/:id/productphotos', () => {
  it('replaces all photos, and an empty list deletes all', async () => {
    const before = itemsOf(await api('GET', 'products/100005/productphotos/'));
    expect(before.length).toBeGreaterThan(0);
    const put = await api('PUT', 'products/100005/productphotos/', {
      productphotos: [
        { file_type: 'png', source: PNG, is_mainphoto: true },
        { file_type: 'gif', source: GIF },
      ],
    });
    expect(put.status).toBe(204);
    const now = itemsOf(await api('GET', 'products/100005/productphotos/'));
    expect(now).toHaveLength(2);
    expect(now.some((p) => before.some((b) => b.id === p.id))).toBe(false);
    const old = await api('GET', `productphotos/${String(before[0]?.id)}/`);
    expect(objOf(old).code).toBe('500.24');
    expect((await api('PUT', 'products/100005/productphotos/', { productphotos: [] })).status).toBe(204);
    expect(itemsOf(await api('GET', 'products/100005/productphotos/'))).toHaveLength(0);
  });

  it('changes nothing when one of the photos is invalid', async () => {
    const before = itemsOf(await api('GET', 'products/100008/productphotos/')).map((p) => p.id);
    const r = await api('PUT', 'products/100008/productphotos/', { productphotos: [{ file_type: 'png', source: PNG }, { file_type: 'png', source: 'data:x' }] });
    expect(r.status).toBe(500);
    expect(String(objOf(r).developermessage)).toContain('productphotos[1]');
    expect(itemsOf(await api('GET', 'products/100008/productphotos/')).map((p) => p.id)).toEqual(before);
  });
});
