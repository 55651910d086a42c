// Outgoing webhooks: summary bodies POSTed to the registered addresses (and configured extra
// targets). Signature [I]: x-hash = hex HMAC-SHA512(key, "<address>|<body>"), CCV's pattern for
// calls it makes to third parties (reference/ccv-shop/README.md §7). Only loopback hosts are contacted by default.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SimConfig } from './config';
import { hmacHex } from './hmac';
import type { JsonObject } from './json';
import { str } from './json';
import type { RootTable } from './table';

export type Delivery = {
  id: number;
  time: string;
  event: string;
  url: string;
  body: JsonObject;
  /** HTTP status of the receiver, or null when not delivered. */
  status: number | null;
  /** `pending` until the receiver answered; recorded at dispatch, so the log is complete at once. */
  outcome: 'pending' | 'delivered' | 'failed' | 'skipped';
  error: string | null;
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const MAX_DELIVERIES = 1000;
const TIMEOUT_MS = 5000;

export interface PendingEvent {
  event: string;
  payload: JsonObject;
}

export class WebhookOut {
  private deliveries: Delivery[] = [];
  private seq = 0;
  private readonly inflight = new Set<Promise<void>>();

  list(): Delivery[] {
    return [...this.deliveries];
  }

  clear(): void {
    this.deliveries = [];
  }

  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Send events to every active registration and configured target of that event. */
  dispatch(events: PendingEvent[], webhooks: RootTable, cfg: SimConfig['webhooks'], time: string): void {
    if (!cfg.enabled) return;
    for (const { event, payload } of events) {
      const targets: { url: string; key: string }[] = [];
      for (const w of webhooks.values()) {
        if (w.event === event && w.is_active !== false) targets.push({ url: str(w, 'address') ?? '', key: str(w, 'key') ?? '' });
      }
      for (const t of cfg.targets) if (t.event === event || t.event === '*') targets.push({ url: t.url, key: t.key ?? '' });
      for (const t of targets) this.send(event, payload, t.url, t.key, cfg, time);
    }
  }

  private record(d: Omit<Delivery, 'id'>): Delivery {
    const entry: Delivery = { ...d, id: ++this.seq };
    this.deliveries.push(entry);
    if (this.deliveries.length > MAX_DELIVERIES) this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERIES);
    return entry;
  }

  private send(event: string, payload: JsonObject, address: string, key: string, cfg: SimConfig['webhooks'], time: string): void {
    const base = { time, event, url: address, body: payload };
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      this.record({ ...base, status: null, outcome: 'failed', error: 'address is not a URL' });
      return;
    }
    if (cfg.loopbackOnly && !LOOPBACK.has(url.hostname)) {
      this.record({ ...base, status: null, outcome: 'skipped', error: 'not a loopback address; the simulator only calls 127.0.0.1/localhost' });
      return;
    }
    const text = JSON.stringify(payload);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) };
    if (cfg.signing === 'url-body') headers[cfg.header] = hmacHex(key, `${address}|${text}`);
    if (cfg.signing === 'body') headers[cfg.header] = hmacHex(key, text);
    const doRequest = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const entry = this.record({ ...base, status: null, outcome: 'pending', error: null });
    const done = new Promise<void>((resolve) => {
      const req = doRequest(url, { method: 'POST', headers, timeout: TIMEOUT_MS }, (res) => {
        res.resume();
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          entry.status = status;
          entry.outcome = status >= 200 && status < 300 ? 'delivered' : 'failed';
          resolve();
        });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
      req.on('error', (e) => {
        entry.outcome = 'failed';
        entry.error = e.message;
        resolve();
      });
      req.end(text);
    });
    this.inflight.add(done);
    void done.finally(() => this.inflight.delete(done));
  }
}
