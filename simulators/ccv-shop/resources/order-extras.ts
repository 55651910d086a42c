// Order notes, and empty lists behind the other order links so following them does not fail.
import type { Ctx, Route } from '../context';
import { created, href, idAt, noContent, ok } from '../context';
import type { JsonObject, Rec } from '../json';
import { num } from '../json';
import { pagedRecords, plainList } from '../collection';
import { body, need, nowIso } from './common';

function renderNote(ctx: Ctx, n: Rec): JsonObject {
  return {
    href: href(ctx, 'ordernotes', n.id),
    id: n.id,
    note: n.note ?? '',
    type: n.type ?? 'note',
    create_date: n.create_date ?? null,
    parent: { href: href(ctx, 'orders', num(n, 'order_id') ?? 0) },
  };
}

export const orderExtraRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'orders/:id/ordernotes',
    handler: (ctx) => {
      const o = need(ctx, ctx.state.orders, idAt(ctx));
      const notes = [...ctx.state.ordernotes.values()].filter((n) => n.order_id === o.id);
      return ok(plainList(ctx, notes, { render: (n) => renderNote(ctx, n) }));
    },
  },
  {
    method: 'POST',
    pattern: 'orders/:id/ordernotes',
    handler: (ctx) => {
      const o = need(ctx, ctx.state.orders, idAt(ctx));
      const b = body(ctx, 'ordernotes.post');
      return created(renderNote(ctx, ctx.state.ordernotes.insert({ order_id: o.id, note: b.note ?? '', type: 'note', create_date: nowIso(ctx) })));
    },
  },
  { method: 'GET', pattern: 'ordernotes/:id', handler: (ctx) => ok(renderNote(ctx, need(ctx, ctx.state.ordernotes, idAt(ctx)))) },
  {
    method: 'DELETE',
    pattern: 'ordernotes/:id',
    handler: (ctx) => {
      ctx.state.ordernotes.remove(need(ctx, ctx.state.ordernotes, idAt(ctx)).id);
      return noContent();
    },
  },
  ...['ordermessages', 'ordernotifications', 'orderlabels', 'invoices'].map(
    (name): Route => ({
      method: 'GET',
      pattern: `orders/:id/${name}`,
      handler: (ctx) => {
        need(ctx, ctx.state.orders, idAt(ctx));
        return ok(plainList(ctx, [], { render: () => ({}) }));
      },
    }),
  ),
  {
    method: 'GET',
    pattern: 'orders/:id/orderaffiliatenetworks',
    handler: (ctx) => {
      need(ctx, ctx.state.orders, idAt(ctx));
      return ok(pagedRecords(ctx, [], { render: () => ({}) }));
    },
  },
];
