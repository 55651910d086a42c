import axios, { type AxiosInstance } from 'axios';

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

/**
 * The axios instance of one client. Redirects are never followed (reference/visma-net/README.md §3 pitfall: a Location may point at
 * another host), every status comes back as a response, and bodies arrive as bytes so that malformed JSON is ours
 * to report.
 */
export function createAxios(): AxiosInstance {
  return axios.create({
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: 'arraybuffer',
    transformResponse: [(data: unknown) => data],
    maxBodyLength: Infinity,
    maxContentLength: Infinity,
  });
}

/** Sends one request; network failures and time-outs throw the axios error (classified by the caller). */
export async function exchange(http: AxiosInstance, req: RawRequest): Promise<RawResponse> {
  const res = await http.request<unknown>({
    method: req.method,
    url: req.url,
    headers: req.headers,
    data: req.data,
    timeout: req.timeoutMs,
    signal: req.signal,
  });
  return {
    status: res.status,
    statusText: res.statusText ?? '',
    headers: plainHeaders(res.headers),
    body: toBuffer(res.data),
  };
}

function plainHeaders(headers: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value;
    else if (typeof value === 'number') out[name.toLowerCase()] = String(value);
    else if (Array.isArray(value)) out[name.toLowerCase()] = value.map(String).join(', ');
  }
  return out;
}

function toBuffer(data: unknown): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return Buffer.alloc(0);
}
