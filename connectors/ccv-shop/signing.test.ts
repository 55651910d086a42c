import { describe, it, expect } from 'vitest';
import { z } from 'zod';
import { readReference } from './reference-files';
import { formatXDate, signRequest, stringToSign, verifyResponse } from './signing';

const vectorFile = z.object({
  vectors: z.array(z.object({ public: z.string(), secret: z.string(), method: z.string(), uri: z.string(), data: z.string(), x_date: z.string(), string_to_sign: z.string(), x_hash: z.string() })),
  response_vectors: z.array(z.object({ method: z.string(), uri: z.string(), response_body: z.string(), response_x_date: z.string(), string_to_sign: z.string(), x_hash: z.string() })),
});
const vectors = vectorFile.parse(readReference('auth_test_vectors.json'));
// The response vectors reuse the demo keys of the request vectors.
const { public: demoPublic, secret: demoSecret } = vectors.vectors[0]!;

describe('request signing: every vector of auth_test_vectors.json', () => {
  it('has vectors to check', () => {
    expect(vectors.vectors.length).toBeGreaterThanOrEqual(5);
    expect(vectors.response_vectors.length).toBeGreaterThanOrEqual(1);
  });

  for (const v of vectors.vectors) {
    it(`${v.method} ${v.uri} (${v.x_date})`, () => {
      const input = { publicKey: v.public, secretKey: v.secret, method: v.method, uri: v.uri, body: v.data, xDate: v.x_date };
      expect(stringToSign(input)).toBe(v.string_to_sign);
      expect(signRequest(input)).toEqual({ 'x-public': v.public, 'x-date': v.x_date, 'x-hash': v.x_hash });
      // Lower-case method names are signed upper-case, as CCV expects.
      expect(signRequest({ ...input, method: v.method.toLowerCase() })['x-hash']).toBe(v.x_hash);
      // One changed byte anywhere changes the hash.
      expect(signRequest({ ...input, uri: `${v.uri}x` })['x-hash']).not.toBe(v.x_hash);
      expect(signRequest({ ...input, secretKey: `${v.secret}x` })['x-hash']).not.toBe(v.x_hash);
    });
  }
});

describe('response verification: every response vector', () => {
  for (const v of vectors.response_vectors) {
    const base = { publicKey: demoPublic, secretKey: demoSecret, method: v.method, uri: v.uri, body: v.response_body, xDate: v.response_x_date, xHash: v.x_hash };
    it(`${v.method} ${v.uri}`, () => {
      expect(stringToSign(base)).toBe(v.string_to_sign);
      expect(verifyResponse(base)).toBe(true);
      expect(verifyResponse({ ...base, body: Buffer.from(v.response_body, 'utf8') })).toBe(true);
      expect(verifyResponse({ ...base, xHash: v.x_hash.toUpperCase() })).toBe(true);
    });
    it(`rejects a tampered answer for ${v.uri}`, () => {
      expect(verifyResponse({ ...base, body: v.response_body.replace('123456', '123457') })).toBe(false);
      // PHP escapes slashes; the hash covers the escaped bytes, so unescaping breaks it.
      expect(verifyResponse({ ...base, body: v.response_body.replace(/\\\//g, '/') })).toBe(false);
      expect(verifyResponse({ ...base, xDate: '2024-01-15T10:30:02+00:00' })).toBe(false);
      expect(verifyResponse({ ...base, method: 'POST' })).toBe(false);
      expect(verifyResponse({ ...base, xHash: undefined })).toBe(false);
      expect(verifyResponse({ ...base, xDate: undefined })).toBe(false);
      expect(verifyResponse({ ...base, xHash: 'abc' })).toBe(false);
    });
  }
});

describe('x-date', () => {
  it('is YYYY-MM-DDTHH:MM:SSZ in UTC without milliseconds', () => {
    expect(formatXDate(Date.UTC(2024, 0, 15, 10, 30, 0, 987))).toBe('2024-01-15T10:30:00Z');
    expect(formatXDate(Date.UTC(2022, 10, 26, 0, 45, 54))).toBe('2022-11-26T00:45:54Z');
  });
});
