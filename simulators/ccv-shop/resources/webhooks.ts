// Webhook registrations (/webhooks). Each gets a random secret `key` on creation.
import { randomBytes } from 'node:crypto';
import type { Ctx, Route } from '../context';
import { created, href, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { JsonObject, Rec } from '../json';
import { str } from '../json';
import { pagedRecords } from '../collection';
import { body, need, nowIso } from './common';

/** Event names seen in real integrations (reference/ccv-shop/README.md §7); the full list is unknown, so other dotted names pass [I]. */
export const KNOWN_EVENTS = ['orders.created', 'orders.updated.ispaid', 'orders.updated.status', 'orders.updated.trackandtrace',
  'orders.deleted', 'products.created', 'products.updated', 'products.deleted', 'categories.created', 'categories.updated',
  'categories.deleted', 'returns.created', 'returns.updated', 'returns.deleted', 'invoices.updated.status'];

export function renderWebhook(ctx: Ctx, w: Rec): JsonObject {
  return {
    href: href(ctx, 'webhooks', w.id),
    id: w.id,
    createdate: w.createdate ?? '',
    event: w.event ?? '',
    address: w.address ?? '',
    key: w.key ?? '',
    is_active: w.is_active ?? true,
  };
}

function checkAddress(address: string): void {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw err.validation(`Field 'address': '${address}' is not an absolute URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw err.validation(`Field 'address' must be an http(s) URL.`);
}

export const webhookRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'webhooks',
    handler: (ctx) => ok(pagedRecords(ctx, [...ctx.state.webhooks.values()], { render: (w) => renderWebhook(ctx, w) })),
  },
  { method: 'GET', pattern: 'webhooks/:id', handler: (ctx) => ok(renderWebhook(ctx, need(ctx, ctx.state.webhooks, idAt(ctx)))) },
  {
    method: 'POST',
    pattern: 'webhooks',
    handler: (ctx) => {
      const b = body(ctx, 'webhooks.post');
      const event = str(b, 'event') ?? '';
      if (!KNOWN_EVENTS.includes(event) && !/^[a-z]+(\.[a-z]+)+$/.test(event)) {
        throw err.validation(`Field 'event': '${event}' is not an event name. Known events: ${KNOWN_EVENTS.join(', ')}.`);
      }
      const address = str(b, 'address') ?? '';
      checkAddress(address);
      const rec = ctx.state.webhooks.insert({
        createdate: nowIso(ctx),
        event,
        address,
        key: randomBytes(16).toString('hex'),
        is_active: b.is_active ?? true,
      });
      return created(renderWebhook(ctx, rec));
    },
  },
  {
    method: 'PATCH',
    pattern: 'webhooks/:id',
    handler: (ctx) => {
      const w = need(ctx, ctx.state.webhooks, idAt(ctx));
      const b = body(ctx, 'webhooks.patch');
      const next: Rec = { ...w };
      if (typeof b.address === 'string') {
        checkAddress(b.address);
        next.address = b.address;
      }
      if (typeof b.is_active === 'boolean') next.is_active = b.is_active;
      ctx.state.webhooks.update(next);
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'webhooks/:id',
    handler: (ctx) => {
      ctx.state.webhooks.remove(need(ctx, ctx.state.webhooks, idAt(ctx)).id);
      return noContent();
    },
  },
];
