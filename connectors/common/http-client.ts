import { STATUS_CODES } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from 'undici';

/** One HTTP exchange as the connectors see it: the bytes to send are fixed by the caller (CCV signs them). */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange, connect to last byte. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Any status comes back as an answer; bodies stay bytes until the caller knows what they should be. */
export interface HttpResponse {
  status: number;
  statusText: string;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/** No whole answer arrived: refused, reset, unknown host, bad certificate, or the time ran out. `code` as Node names it. */
export class HttpTransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'HttpTransportError';
  }
}

export interface HttpClientOptions {
  /** Go through HTTPS_PROXY / HTTP_PROXY (and NO_PROXY) as set in the environment. */
  proxyFromEnv?: boolean;
  /** Open connections per host. */
  connections?: number;
}

/** The error code of a failed exchange: undici's own, or the socket's (ECONNREFUSED, ENOTFOUND, CERT_...). */
function codeOf(error: unknown): string {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const code = 'code' in e && typeof e.code === 'string' ? e.code : undefined;
    if (code && !code.startsWith('UND_ERR')) return code;
    if (code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED') return 'ECONNRESET';
    if (code === 'UND_ERR_CONNECT_TIMEOUT') return 'ETIMEDOUT';
    e = e.cause;
  }
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'UNKNOWN';
}

function decode(encoding: string | undefined, body: Buffer): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return gunzipSync(body);
    case 'deflate':
      return inflateSync(body);
    case 'br':
      return brotliDecompressSync(body);
    default:
      return body;
  }
}

/**
 * The HTTP client of both connectors (undici: keep-alive connections, a fraction of the CPU per request of a generic
 * client). Redirects are never followed, nothing is retried here (the connectors decide), compressed answers are
 * unpacked.
 */
export class HttpClient {
  private readonly dispatcher: Dispatcher;

  constructor(opts: HttpClientOptions = {}) {
    const connections = opts.connections ?? 16;
    this.dispatcher = opts.proxyFromEnv ? new EnvHttpProxyAgent({ connections }) : new Agent({ connections });
  }

  async send(req: HttpRequest): Promise<HttpResponse> {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), req.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline.signal]) : deadline.signal;
    try {
      const res = await request(req.url, {
        method: req.method as Dispatcher.HttpMethod,
        headers: { 'accept-encoding': 'gzip, deflate, br', ...req.headers },
        body: req.body,
        signal,
        dispatcher: this.dispatcher,
        // The deadline above covers the whole exchange.
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      const raw = Buffer.from(await res.body.arrayBuffer());
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      let body: Buffer;
      try {
        body = decode(headers['content-encoding'], raw);
      } catch {
        throw new HttpTransportError('ERR_BAD_RESPONSE_BODY', `the answer could not be unpacked (${headers['content-encoding'] ?? ''})`);
      }
      return { status: res.statusCode, statusText: STATUS_CODES[res.statusCode] ?? '', headers, body };
    } catch (error) {
      if (error instanceof HttpTransportError) throw error;
      if (deadline.signal.aborted && !req.signal?.aborted) throw new HttpTransportError('ETIMEDOUT', `no answer within ${req.timeoutMs} ms`, true);
      if (req.signal?.aborted) throw error;
      throw new HttpTransportError(codeOf(error), error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the idle connections (a CLI run ends without waiting for keep-alive time-outs). */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}
