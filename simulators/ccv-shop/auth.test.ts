// HMAC auth: the reference test vectors, the clock window, x-date formats, tampering, raw URIs
// and response signing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, objects } from './fixtures/load';
import { parseXDate, signRequest, stringToSign } from './hmac';
import { startCcvSimulator } from './index';
import type { CcvSimHandle } from './index';
import { str } from './json';
import { call, hmacSha512Hex, objOf, raw, xDateOf } from './test-client';

let clock = Date.UTC(2025, 5, 2, 12, 0, 0);
let sim: CcvSimHandle;
const vectors = fixture('auth-test-vectors.json');

beforeAll(async () => {
  sim = await startCcvSimulator({ quiet: true, now: () => clock, rateLimit: false });
});
afterAll(async () => {
  await sim.close();
});

const at = () => ({ date: xDateOf(clock) });

describe('reference test vectors', () => {
  it('our string-to-sign and hash match every vector', () => {
    const list = objects(vectors.vectors);
    expect(list.length).toBe(5);
    for (const v of list) {
      const [pub, method, uri, data, date] = ['public', 'method', 'uri', 'data', 'x_date'].map((k) => str(v, k) ?? '');
      expect(stringToSign(pub ?? '', method ?? '', uri ?? '', data ?? '', date ?? '')).toBe(v.string_to_sign);
      expect(signRequest(pub ?? '', str(v, 'secret') ?? '', method ?? '', uri ?? '', data ?? '', date ?? '')).toBe(v.x_hash);
    }
  });

  it('the response vector matches our response signing', () => {
    const [v] = objects(vectors.response_vectors);
    if (!v) throw new Error('no response vector');
    const hash = signRequest('demo_public_key', 'demo_secret_key', str(v, 'method') ?? '', str(v, 'uri') ?? '', str(v, 'response_body') ?? '', str(v, 'response_x_date') ?? '');
    expect(hash).toBe(v.x_hash);
  });

  it('the server accepts every vector sent with its literal x-date and x-hash', async () => {
    for (const v of objects(vectors.vectors)) {
      const date = str(v, 'x_date') ?? '';
      const when = parseXDate(date);
      if (when === undefined) throw new Error(`unparsable ${date}`);
      clock = when + 1000;
      const r = await raw(
        sim.url,
        str(v, 'method') ?? '',
        str(v, 'uri') ?? '',
        { 'x-public': str(v, 'public') ?? '', 'x-date': date, 'x-hash': str(v, 'x_hash') ?? '' },
        str(v, 'data') ?? '',
      );
      // Unknown ids in the vectors may fail later, but never at authentication.
      expect(r.status, `${String(v.method)} ${String(v.uri)}: ${r.text}`).not.toBe(401);
    }
  });
});

describe('x-date', () => {
  it('accepts the four documented formats', async () => {
    clock = Date.UTC(2024, 0, 15, 10, 30, 0);
    for (const date of ['2024-01-15T10:30:00Z', '2024-01-15T10:30:00+00:00', '2024-01-15T10:30:00+0000', '2024-01-15T10:30:00.123Z']) {
      const r = await call(sim, 'GET', '/api/rest/v1/credentials/', undefined, { date });
      expect(r.status, `${date}: ${r.text}`).toBe(200);
    }
  });

  it('applies the offset of a non-UTC value', () => {
    expect(parseXDate('2024-01-15T12:30:00+02:00')).toBe(Date.UTC(2024, 0, 15, 10, 30));
    expect(parseXDate('2024-01-15T08:30:00-0200')).toBe(Date.UTC(2024, 0, 15, 10, 30));
    expect(parseXDate('15-01-2024 10:30')).toBeUndefined();
  });

  it('allows 300 s of skew either way and rejects more', async () => {
    clock = Date.UTC(2025, 5, 2, 12, 0, 0);
    for (const [offset, status] of [[-300, 200], [300, 200], [-301, 401], [301, 401]] as const) {
      const r = await call(sim, 'GET', '/api/rest/v1/credentials/', undefined, { date: xDateOf(clock + offset * 1000) });
      expect(r.status, `offset ${offset}`).toBe(status);
      if (status === 401) expect(objOf(r).code).toBe('401.12');
    }
  });

  it('rejects a value that is not ISO 8601', async () => {
    const r = await call(sim, 'GET', '/api/rest/v1/credentials/', undefined, { date: 'Mon, 02 Jun 2025 12:00:00 GMT' });
    expect(r.status).toBe(401);
    expect(objOf(r).code).toBe('401.12');
  });
});

describe('rejections', () => {
  it('reports missing headers by name', async () => {
    const r = await call(sim, 'GET', '/api/rest/v1/products/', undefined, { ...at(), omit: ['x-hash'] });
    expect(r.status).toBe(401);
    expect(objOf(r)).toMatchObject({ code: '401.10', status: 401 });
    expect(String(objOf(r).developermessage)).toContain('x-hash');
  });

  it('rejects an unknown public key and a wrong secret', async () => {
    const unknown = await call(sim, 'GET', '/api/rest/v1/products/', undefined, { ...at(), publicKey: 'someone_else' });
    expect(objOf(unknown).code).toBe('401.11');
    const wrong = await call(sim, 'GET', '/api/rest/v1/products/', undefined, { ...at(), secret: 'not_the_secret' });
    expect(objOf(wrong).code).toBe('401.13');
  });

  it('rejects a tampered body', async () => {
    clock = Date.UTC(2025, 5, 2, 12, 0, 0);
    const body = { name: 'Mok', price: 10, discount: 0, package_id: 12, taxtariff: 'normal' };
    const r = await call(sim, 'POST', '/api/rest/v1/products/', body, { ...at(), signedBody: JSON.stringify({ ...body, price: 1 }) });
    expect(r.status).toBe(401);
    expect(objOf(r).code).toBe('401.13');
  });

  it('rejects a tampered URI and a re-encoded query', async () => {
    const tampered = await call(sim, 'GET', '/api/rest/v1/products/?start=0&size=3', undefined, { ...at(), signedUri: '/api/rest/v1/products/?start=0&size=2' });
    expect(objOf(tampered).code).toBe('401.13');
    // The hash covers the raw request target: %2C signed as ',' does not match.
    const sent = '/api/rest/v1/products/100004/?expand=productphotos%2Cattributecombinations';
    const reencoded = await call(sim, 'GET', sent, undefined, { ...at(), signedUri: '/api/rest/v1/products/100004/?expand=productphotos,attributecombinations' });
    expect(reencoded.status).toBe(401);
    const exact = await call(sim, 'GET', sent, undefined, at());
    expect(exact.status).toBe(200);
  });

  it('error bodies never contain the secret or the request hash', async () => {
    const r = await call(sim, 'GET', '/api/rest/v1/products/', undefined, { ...at(), secret: 'wrong' });
    expect(r.text).not.toContain(sim.credentials.secretKey);
    expect(r.text).not.toContain(String(r.headers['x-hash']));
  });
});

describe('routing forms and response signing', () => {
  it('routes with and without trailing slash, hashing the literal URI', async () => {
    clock = Date.UTC(2025, 5, 2, 12, 0, 0);
    for (const uri of ['/api/rest/v1/products', '/api/rest/v1/products/', '/api/rest/v1/products/100001', '/api/rest/v1/products/100001/']) {
      const r = await call(sim, 'GET', uri, undefined, at());
      expect(r.status, uri).toBe(200);
    }
  });

  it('signs every response, errors included, over method, request URI, body and x-date', async () => {
    clock = Date.UTC(2025, 5, 2, 12, 0, 0);
    for (const [method, uri, body] of [
      ['GET', '/api/rest/v1/products/?start=0&size=2', undefined],
      ['GET', '/api/rest/v1/products/1/', undefined],
      ['PATCH', '/api/rest/v1/products/100001/', { stock: 5 }],
    ] as const) {
      const r = await call(sim, method, uri, body, at());
      const date = String(r.headers['x-date']);
      expect(date).toBe(xDateOf(clock));
      expect(r.headers['x-hash']).toBe(hmacSha512Hex(sim.credentials.secretKey, `${sim.credentials.publicKey}|${method}|${uri}|${r.text}|${date}`));
    }
  });

  it('has no 204 body and signs it with an empty body field', async () => {
    const r = await call(sim, 'PATCH', '/api/rest/v1/products/100002/', { stock: 1 }, at());
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(r.headers['x-hash']).toBe(hmacSha512Hex(sim.credentials.secretKey, `demo_public_key|PATCH|/api/rest/v1/products/100002/||${String(r.headers['x-date'])}`));
  });
});
