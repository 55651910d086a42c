import { z } from 'zod';
import { createResource, type CreateOptions } from '../create';
import { collectionItems } from '../paging';
import { ccvId, optBool, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

/** A webhook registration; `key` is the per-webhook secret used to sign deliveries (reference/ccv-shop/README.md §7). */
export const webhookSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  createdate: optStr,
  event: z.string(),
  address: z.string(),
  key: optStr,
  is_active: optBool,
});
export type Webhook = z.output<typeof webhookSchema>;

/** Event names seen in real integrations; others are passed through (the official list is unknown). */
export type WebhookEvent =
  | 'orders.created'
  | 'orders.updated.ispaid'
  | 'orders.updated.status'
  | 'orders.updated.trackandtrace'
  | 'orders.deleted'
  | 'products.created'
  | 'products.updated'
  | 'products.deleted'
  | 'categories.created'
  | 'categories.updated'
  | 'categories.deleted'
  | 'returns.created'
  | 'returns.updated'
  | 'returns.deleted'
  | 'invoices.updated.status'
  | (string & {});

/** `internal.resource.webhooks.post.v1`. */
export const webhookCreateSchema = z.strictObject({ event: z.string().min(1), address: z.url(), is_active: z.boolean().optional() });
export type WebhookCreate = { event: WebhookEvent; address: string; is_active?: boolean };
/** `internal.resource.webhooks.patch.v1`: the event cannot change (delete and create instead). */
export const webhookPatchSchema = z.strictObject({ address: z.url().optional(), is_active: z.boolean().optional() });
export type WebhookPatch = z.input<typeof webhookPatchSchema>;

export class WebhooksResource {
  constructor(private readonly t: CcvTransport) {}

  async *list(opts: CallOptions = {}): AsyncGenerator<Webhook> {
    yield* collectionItems(this.t, this.t.uri('webhooks'), webhookSchema, 'webhook list', opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<Webhook> {
    return this.t.getJson(this.t.uri(`webhooks/${seg(id)}`), webhookSchema, `webhook ${id}`, opts);
  }

  /**
   * Registers one event; the answer carries the `key` to store with it. A POST that may have landed is
   * looked up by event + address.
   */
  async create(input: WebhookCreate, opts: CreateOptions<Webhook> = {}): Promise<Webhook> {
    const uri = this.t.uri('webhooks');
    const subject = `webhook ${input.event}`;
    const body = validateInput(webhookCreateSchema, input, { method: 'POST', path: uri, subject, what: 'a webhook' });
    const findExisting =
      opts.findExisting ??
      (async () => {
        for await (const w of this.list(opts)) if (w.event === body.event && w.address === body.address) return w;
        return undefined;
      });
    return createResource(this.t, uri, body, webhookSchema, subject, { ...opts, findExisting });
  }

  async patch(id: number, input: WebhookPatch, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`webhooks/${seg(id)}`);
    const body = validateInput(webhookPatchSchema, input, { method: 'PATCH', path: uri, subject: `webhook ${id}`, what: 'a webhook change' });
    await this.t.write('PATCH', uri, body, `webhook ${id}`, opts);
  }

  async delete(id: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`webhooks/${seg(id)}`), undefined, `webhook ${id}`, opts);
  }
}
