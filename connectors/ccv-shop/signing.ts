import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CCV Shop HMAC-SHA512 signing (reference/ccv-shop/README.md §2). The message is
 * `public|METHOD|uri|data|x-date`, hashed with the secret's bytes as key; lowercase hex.
 */

export interface SignInput {
  publicKey: string;
  secretKey: string;
  method: string;
  /** Path plus query exactly as sent on the wire, without scheme and host. */
  uri: string;
  /** The exact body bytes sent ('' for GET/DELETE). */
  body?: string | Buffer;
  /** The literal x-date header value. */
  xDate: string;
}

export interface SignedHeaders {
  'x-public': string;
  'x-date': string;
  'x-hash': string;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the format the CCV docs and Python examples send. */
export function formatXDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The string to sign, for tests and diagnostics (it holds no secret). */
export function stringToSign(input: Omit<SignInput, 'secretKey'>): string {
  const body = input.body === undefined ? '' : typeof input.body === 'string' ? input.body : input.body.toString('utf8');
  return `${input.publicKey}|${input.method.toUpperCase()}|${input.uri}|${body}|${input.xDate}`;
}

/** Hashes as bytes, so a response body is verified exactly as it arrived (no decode/re-encode round trip). */
function hmacHex(input: SignInput): string {
  const head = Buffer.from(`${input.publicKey}|${input.method.toUpperCase()}|${input.uri}|`, 'utf8');
  const body = input.body === undefined ? Buffer.alloc(0) : typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const tail = Buffer.from(`|${input.xDate}`, 'utf8');
  return createHmac('sha512', Buffer.from(input.secretKey, 'utf8')).update(head).update(body).update(tail).digest('hex');
}

/** The three auth headers for one request. */
export function signRequest(input: SignInput): SignedHeaders {
  return { 'x-public': input.publicKey, 'x-date': input.xDate, 'x-hash': hmacHex(input) };
}

export interface VerifyInput {
  publicKey: string;
  secretKey: string;
  /** Method and uri of the request this response answers. */
  method: string;
  uri: string;
  /** Raw response body ('' for 204). */
  body: string | Buffer;
  /** The response's x-date and x-hash headers. */
  xDate: string | undefined;
  xHash: string | undefined;
}

/** Checks a response signature (reference/ccv-shop/README.md §2.3). False when a header is missing or the hash differs. */
export function verifyResponse(input: VerifyInput): boolean {
  if (!input.xDate || !input.xHash) return false;
  const expected = Buffer.from(hmacHex({ ...input, xDate: input.xDate }), 'utf8');
  const got = Buffer.from(input.xHash.trim().toLowerCase(), 'utf8');
  return got.length === expected.length && timingSafeEqual(got, expected);
}
