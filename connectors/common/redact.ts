/** Removes secrets from text that may reach a log or an error message. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const s of secrets) {
    if (s && s.length >= 4) out = out.split(s).join('***');
  }
  // Bearer tokens and HMAC hashes even when we did not know them up front.
  return out
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, '$1***')
    .replace(/("?(?:x-hash|access_token|client_secret|authorization)"?\s*[:=]\s*"?)[^",&\s}]+/gi, '$1***')
    .replace(/\b[0-9a-f]{128}\b/gi, '***');
}

const secretHeaders = new Set(['authorization', 'x-hash', 'cookie', 'set-cookie', 'proxy-authorization']);

/** A copy of headers that is safe to log. */
export function safeHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || v === null) continue;
    out[k] = secretHeaders.has(k.toLowerCase()) ? '***' : String(v);
  }
  return out;
}
