import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VismaApiError } from './errors';
import { clientFor, collectLogs, secret } from './test-support/clients';
import { startStub, tokenPath, tokenReply, type Stub } from './test-support/stub-server';

let stub: Stub;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());

const leaks = (text: string) => [secret, 'tok-1', 'tok-2', 'tok-3'].filter((s) => text.includes(s));

function everything(error: unknown): string {
  if (!(error instanceof VismaApiError)) return String(error);
  return [error.message, error.stack ?? '', error.serverMessage ?? '', JSON.stringify(error), JSON.stringify(error.details ?? [])].join('\n');
}

describe('secrets stay out of logs and errors', () => {
  it('masks the client secret and tokens, even when the server echoes them back', async () => {
    let tokens = 0;
    stub.handle((req) => {
      if (req.path === tokenPath) return tokenReply(++tokens);
      const auth = String(req.headers['authorization']);
      if (auth === 'Bearer tok-1') return { status: 401 };
      // A gateway that quotes the request back, secret and token included.
      return { status: 400, body: { message: `VismaId: 11111111-2222-3333-4444-555555555555. Error: bad request ${auth} client_secret=${secret} token ${auth.slice(7)}` } };
    });
    const logs = collectLogs();
    const client = clientFor(stub, { logger: logs.logger });
    const error = await client.currencies.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VismaApiError);
    expect(leaks(everything(error))).toEqual([]);
    expect(everything(error)).toContain('bad request');
    expect(logs.lines.length).toBeGreaterThan(2);
    expect(leaks(JSON.stringify(logs.lines))).toEqual([]);
    // The requests really did carry the secrets, so the checks above could fail.
    expect(stub.seen.some((s) => s.body.includes(secret))).toBe(true);
    expect(stub.seen.some((s) => s.headers['authorization'] === 'Bearer tok-2')).toBe(true);
  });

  it('masks the secret in token errors that quote it', async () => {
    stub.handle((req) => (req.path === tokenPath ? { status: 400, body: { error: 'invalid_request', error_description: `client_secret '${secret}' is malformed` } } : undefined));
    const logs = collectLogs();
    const error = await clientFor(stub, { logger: logs.logger }).currencies.list().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'auth' });
    expect(everything(error)).toContain('is malformed');
    expect(leaks(everything(error))).toEqual([]);
    expect(leaks(JSON.stringify(logs.lines))).toEqual([]);
  });

  it('test() reports failures in words without secrets', async () => {
    stub.handle((req) => (req.path === tokenPath ? { status: 400, body: { error: 'invalid_tenant' } } : undefined));
    const result = await clientFor(stub).test();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^Could not sign in to Visma\.net: .*tenant id/);
    expect(leaks(JSON.stringify(result))).toEqual([]);
  });
});
