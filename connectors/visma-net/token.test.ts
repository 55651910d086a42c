import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../common';
import { VismaApiError } from './errors';
import { clientFor, secret } from './test-support/clients';
import { startStub, tokenPath, tokenReply, type Stub } from './test-support/stub-server';

let stub: Stub;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());
afterEach(() => stub.reset());

const zone = { status: 200, body: { id: 'NL', description: 'Nederland' } };
const zones = { status: 200, body: [{ id: 'NL', description: 'Nederland' }] };

describe('Visma Connect token', () => {
  it('requests client_credentials with tenant_id and the default scopes, and sends the token as Bearer', async () => {
    stub.handle((req) => (req.path === '/v1/vatZone' ? zones : undefined));
    const client = clientFor(stub);
    await client.vatZones.pages().next();
    const [token] = stub.tokenCalls();
    expect(token?.method).toBe('POST');
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(token?.body);
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe('isv_koppel');
    expect(form.get('client_secret')).toBe(secret);
    expect(form.get('tenant_id')).toBe('af1140c1-0000-4000-8000-000000000001');
    expect(form.get('scope')?.split(' ')).toEqual([
      'vismanet_erp_service_api:read',
      'vismanet_erp_service_api:create',
      'vismanet_erp_service_api:update',
      'vismanet_erp_service_api:delete',
      'visma.net.erp.salesorder:read',
      'visma.net.erp.salesorder:write',
    ]);
    expect(stub.api()[0]?.headers['authorization']).toBe('Bearer tok-1');
  });

  it('caches the token and renews it five minutes before it expires', async () => {
    stub.handle((req) => (req.path === '/v1/vatZone/NL' ? zone : undefined));
    const clock = new FakeClock(1_000_000);
    const client = clientFor(stub, { clock });
    await client.vatZones.get('NL');
    await client.vatZones.get('NL');
    expect(stub.tokenCalls()).toHaveLength(1);
    await clock.advance((3600 - 300) * 1000 - 1);
    await client.vatZones.get('NL');
    expect(stub.tokenCalls()).toHaveLength(1);
    await clock.advance(1);
    await client.vatZones.get('NL');
    expect(stub.tokenCalls()).toHaveLength(2);
    expect(stub.api().at(-1)?.headers['authorization']).toBe('Bearer tok-2');
  });

  it('renews a short-lived token halfway through its life instead of on every call', async () => {
    let n = 0;
    stub.handle((req) => (req.path === tokenPath ? tokenReply(++n, 60) : zone));
    const clock = new FakeClock(0);
    const client = clientFor(stub, { clock });
    await client.vatZones.get('NL');
    await clock.advance(29_000);
    await client.vatZones.get('NL');
    expect(stub.tokenCalls()).toHaveLength(1);
    await clock.advance(1_000);
    await client.vatZones.get('NL');
    expect(stub.tokenCalls()).toHaveLength(2);
  });

  it('fetches one token for 20 concurrent requests (single flight)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    stub.handle(async (req) => {
      if (req.path === tokenPath) {
        await gate;
        return tokenReply(1);
      }
      return zone;
    });
    const client = clientFor(stub, { maxConcurrency: 20 });
    const calls = Array.from({ length: 20 }, () => client.vatZones.get('NL'));
    // Let all 20 reach the token wait before the token endpoint answers.
    await new Promise((r) => setTimeout(r, 20));
    release();
    await Promise.all(calls);
    expect(stub.tokenCalls()).toHaveLength(1);
    expect(stub.api()).toHaveLength(20);
    expect(new Set(stub.api().map((s) => s.headers['authorization']))).toEqual(new Set(['Bearer tok-1']));
  });

  it('on 401 renews the token once and retries once', async () => {
    stub.handle((req) => (req.path === tokenPath ? undefined : req.headers['authorization'] === 'Bearer tok-1' ? { status: 401 } : zone));
    const client = clientFor(stub);
    const found = await client.vatZones.get('NL');
    expect(found.id).toBe('NL');
    expect(stub.tokenCalls()).toHaveLength(2);
    expect(stub.api().map((s) => s.headers['authorization'])).toEqual(['Bearer tok-1', 'Bearer tok-2']);
  });

  it('renews once when many concurrent calls meet a 401 together', async () => {
    stub.handle((req) => (req.path === tokenPath ? undefined : req.headers['authorization'] === 'Bearer tok-1' ? { status: 401 } : zone));
    const client = clientFor(stub, { maxConcurrency: 10 });
    await client.vatZones.get('NL');
    stub.seen.length = 0;
    stub.handle((req) => (req.path === tokenPath ? tokenReply(9) : req.headers['authorization'] === 'Bearer tok-9' ? zone : { status: 401 }));
    // tok-2 is now refused everywhere; all ten calls must share one renewal.
    await Promise.all(Array.from({ length: 10 }, () => client.vatZones.get('NL')));
    expect(stub.tokenCalls()).toHaveLength(1);
    expect(stub.api().filter((r) => r.headers['authorization'] === 'Bearer tok-9')).toHaveLength(10);
  });

  it('gives up with an auth error when the renewed token is refused too', async () => {
    stub.handle((req) => (req.path === tokenPath ? undefined : { status: 401, body: { message: 'Unauthorized' } }));
    const client = clientFor(stub);
    const error = await client.vatZones.get('NL').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VismaApiError);
    expect(error).toMatchObject({ kind: 'auth', status: 401, method: 'GET', path: '/v1/vatZone/NL' });
    expect(stub.api()).toHaveLength(2);
    expect(stub.tokenCalls()).toHaveLength(2);
  });

  it.each([
    ['invalid_client', 'auth', /client id or client secret/],
    ['invalid_tenant', 'auth', /company's tenant id.*API User/],
    ['invalid_scope', 'forbidden', /scopes.*Developer Portal/],
  ])('turns %s into a clear %s error', async (code, kind, text) => {
    stub.handle((req) => (req.path === tokenPath ? { status: 400, body: { error: code } } : zone));
    const error = await clientFor(stub).vatZones.get('NL').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VismaApiError);
    expect(error).toMatchObject({ kind, code, status: 400 });
    expect(String((error as Error).message)).toMatch(text);
    expect(stub.api()).toHaveLength(0);
  });

  it('says which credential is missing without calling Visma Connect', async () => {
    const client = clientFor(stub, { clientSecret: '' });
    const error = await client.vatZones.get('NL').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth' });
    expect(String((error as Error).message)).toMatch(/no client secret/);
    expect(stub.seen).toHaveLength(0);
  });
});
