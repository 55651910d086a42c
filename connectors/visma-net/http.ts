import { HttpClient } from '../common/http-client';

/** One HTTP answer, whatever its status: bodies stay bytes until we know what they should be. */
export interface RawResponse {
  status: number;
  statusText: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: Buffer;
}

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  data?: string | Buffer | FormData;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** The HTTP client of one Visma.net client: no redirects followed (reference/visma-net/README.md §3 pitfall: a Location may point
 * at another host), every status comes back as an answer, proxies from the environment honoured. */
export function createHttp(): HttpClient {
  return new HttpClient({ proxyFromEnv: true });
}

/** Sends one request; network failures and time-outs throw an HttpTransportError (classified by the caller). */
export async function exchange(http: HttpClient, req: RawRequest): Promise<RawResponse> {
  let body: string | Buffer | undefined;
  const headers = { ...req.headers };
  if (req.data instanceof FormData) {
    // Multipart bodies are encoded by the platform (boundary and all), then sent as bytes.
    const encoded = new Response(req.data);
    body = Buffer.from(await encoded.arrayBuffer());
    headers['Content-Type'] = encoded.headers.get('content-type') ?? 'multipart/form-data';
  } else body = req.data;
  return http.send({ method: req.method, url: req.url, headers, body, timeoutMs: req.timeoutMs, signal: req.signal });
}
