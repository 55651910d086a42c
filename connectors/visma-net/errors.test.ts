import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VismaApiError } from './errors';
import { parseErrorBody } from './error-body';
import { clientFor } from './test-support/clients';
import { startStub, tokenPath, type Reply, type Stub } from './test-support/stub-server';

let stub: Stub;
beforeAll(async () => {
  stub = await startStub();
});
afterAll(() => stub.close());
afterEach(() => stub.reset());

const noRetry = { retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0 } };

function answer(reply: Reply): void {
  stub.handle((req) => (req.path === tokenPath ? undefined : reply));
}

async function failure(run: () => Promise<unknown>): Promise<VismaApiError> {
  const error = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof VismaApiError)) throw new Error(`expected a VismaApiError, got ${String(error)}`);
  return error;
}

const vismaId = '30f6cee2-b3fa-4413-a084-2d18f9333e9c';

describe('error shapes become one VismaApiError', () => {
  it('business errors ({message: "VismaId: ..."}) say what was rejected and what to do', async () => {
    answer({
      status: 400,
      body: {
        message: `VismaId: ${vismaId}. Error inserting the customer. Error: Inserting 'Customer' record raised at least one error. Please review the errors.\r\nError: 'Customer ID' cannot be empty.\r\n`,
      },
    });
    const e = await failure(() => clientFor(stub, noRetry).customers.create({ mainContact: { email: 'jan@example.nl' } }));
    expect(e).toMatchObject({ kind: 'validation', status: 400, vismaId, method: 'POST', path: '/v1/customer', outcomeUnknown: false });
    expect(e.message).toBe(
      `Visma.net rejected the customer: 'Customer ID' cannot be empty. Turn on auto-numbering for customers in Visma.net or map a customer number. (VismaId ${vismaId})`,
    );
    expect(stub.api()).toHaveLength(1);
  });

  it('IPP exceptions (12027) point at the tenant id and the API User role', async () => {
    answer({
      status: 400,
      body: { ExceptionType: 'IPPException', ExceptionMessage: 'No license for this company.', ExceptionFaultCode: '12027', ExceptionMessageID: `12027_${vismaId}`, ExceptionDetails: '' },
    });
    const e = await failure(() => clientFor(stub, noRetry).currencies.list());
    expect(e).toMatchObject({ kind: 'forbidden', status: 400, code: '12027', vismaId });
    expect(e.message).toMatch(/No license for this company\..*company's tenant id.*'API User' role/);
  });

  it('V3 ProblemDetails keep the codes, fields and a hint', async () => {
    answer({
      status: 400,
      body: {
        type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
        title: 'One or more validation errors occurred.',
        status: 400,
        details: [{ code: '1804-InventoryIdNotFound', message: 'InventoryId cannot be found or is invalid', parameters: { property: 'orderLines[0].inventoryId' } }],
      },
    });
    const e = await failure(() => clientFor(stub, noRetry).salesOrders.create({ type: 'SO', customer: { id: '10001' }, orderLines: [{ inventoryId: 'NOPE', quantity: 1 }] }));
    expect(e).toMatchObject({ kind: 'validation', code: '1804-InventoryIdNotFound', path: '/api/v3/SalesOrders' });
    expect(e.details).toEqual([{ code: '1804-InventoryIdNotFound', message: 'InventoryId cannot be found or is invalid', property: 'orderLines[0].inventoryId' }]);
    expect(e.message).toMatch(/orderLines\[0\]\.inventoryId: InventoryId cannot be found.*create it first or fix the SKU mapping/);
  });

  it.each<[string, Reply, string, RegExp]>([
    ['plain text', { status: 502, body: 'Bad Gateway from upstream' }, 'server', /internal error.*HTTP 502.*Bad Gateway from upstream/],
    ['an HTML page', { status: 503, body: '<html><head><title>503 Service Unavailable</title></head><body>x</body></html>' }, 'server', /503 Service Unavailable/],
    ['an empty body', { status: 500 }, 'server', /internal error on the currencies \(HTTP 500 Internal Server Error\)\./],
    ['404', { status: 404 }, 'not-found', /could not find currency 'XYZ'/],
    ['403', { status: 403 }, 'forbidden', /lacks the permission 'vismanet_erp_service_api:read'/],
    ['409', { status: 409, body: { title: 'Conflict', status: 409, detail: 'Order is being processed' } }, 'conflict', /current state.*Order is being processed/],
    ['a redirect', { status: 302, headers: { location: 'https://elsewhere.example/v1/currency' } }, 'server', /redirect to elsewhere\.example.*does not follow/],
  ])('%s', async (_name, reply, kind, text) => {
    answer(reply);
    const client = clientFor(stub, noRetry);
    const e = await failure(() => (kind === 'not-found' ? client.currencies.get('XYZ') : client.currencies.list()));
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(reply.status);
    expect(e.message).toMatch(text);
    expect(stub.api()).toHaveLength(1);
  });

  it('412 and 428 are precondition errors with different advice', async () => {
    answer({ status: 412, body: { title: 'Precondition Failed', status: 412 } });
    const stale = await failure(() => clientFor(stub, noRetry).salesOrders.patch('SO', '1', { note: 'x' }, { etag: '"v1"' }));
    expect(stale).toMatchObject({ kind: 'precondition', status: 412 });
    expect(stale.message).toMatch(/changed in Visma\.net after Koppel read it/);
    expect(stub.api()[0]?.headers['if-match']).toBe('"v1"');
    answer({ status: 428 });
    const missing = await failure(() => clientFor(stub, noRetry).salesOrders.delete('SO', '1', { etag: '"v1"' }));
    expect(missing).toMatchObject({ kind: 'precondition', status: 428 });
    expect(missing.message).toMatch(/Koppel bug/);
  });

  it('malformed JSON on a GET is retried, then reported naming the endpoint', async () => {
    answer({ status: 200, body: '[{"carrierId": "C1",', headers: { 'content-type': 'application/json' } });
    const e = await failure(() => clientFor(stub, { retry: { maxRetries: 2, baseDelayMs: 0, maxDelayMs: 0 } }).carriers.iterate().next());
    expect(e).toMatchObject({ kind: 'malformed', method: 'GET', path: '/v1/carrier' });
    expect(e.message).toMatch(/answer to GET \/v1\/carrier that Koppel cannot read/);
    expect(stub.api()).toHaveLength(3);
  });

  it('a JSON answer of the wrong shape is malformed and names the field', async () => {
    answer({ status: 200, body: { id: 42 } });
    const e = await failure(() => clientFor(stub, noRetry).currencies.get('EUR'));
    expect(e).toMatchObject({ kind: 'malformed', path: '/v1/currency/EUR' });
    expect(e.message).toMatch(/unexpected id/);
  });

  it('a refused connection is a network error', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const address = closed.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await failure(() => clientFor(stub, { ...noRetry, apiUrl: `http://127.0.0.1:${port}` }).currencies.list());
    expect(e).toMatchObject({ kind: 'network', code: 'ECONNREFUSED', status: undefined });
    expect(e.message).toMatch(/Could not reach Visma\.net for the currencies \(ECONNREFUSED\)/);
  });

  it('a server that does not answer in time is a timeout', async () => {
    answer({ hang: true });
    const e = await failure(() => clientFor(stub, { ...noRetry, timeoutMs: 200 }).currencies.list());
    expect(e).toMatchObject({ kind: 'timeout' });
    expect(e.message).toMatch(/did not answer the currencies within 200 ms/);
  });

  it('bad input is refused before anything is sent, naming the field', async () => {
    // Mapped data arrives untyped (JSON from flows), as here.
    const input = JSON.parse('{"name":"X","mainAdress":{"city":"Y"},"mainContact":{"email":5}}');
    const e = await failure(() => clientFor(stub, noRetry).customers.create(input));
    expect(e.kind).toBe('validation');
    expect(e.message).toMatch(/^Koppel cannot send the customer 'X' to Visma\.net: /);
    expect(e.message).toContain("'mainAdress': not a field Visma.net knows");
    expect(e.message).toContain("'mainContact.email': Invalid input: expected string, received number");
    expect(stub.seen).toHaveLength(0);
  });
});

describe('parseErrorBody', () => {
  it('reads the lowercase and uppercase message keys and strips .NET noise', () => {
    expect(parseErrorBody(Buffer.from('{"Message":"VismaId: 11111111-2222-3333-4444-555555555555. Something broke."}'))).toEqual({
      shape: 'message',
      reason: 'Something broke.',
      vismaId: '11111111-2222-3333-4444-555555555555',
    });
    const dotnet = parseErrorBody(
      '{"message":"VismaId: 11111111-2222-3333-4444-555555555555. Visma.net.ERP.Web.Api.ExceptionHandling.PostException: Data received not recognized as SaleOrderUpdateDto ---> System.ArgumentNullException: Value cannot be null."}',
    );
    expect(dotnet.reason).toBe('Data received not recognized as SaleOrderUpdateDto Value cannot be null.');
    expect(parseErrorBody(undefined)).toEqual({ shape: 'empty' });
  });
});
