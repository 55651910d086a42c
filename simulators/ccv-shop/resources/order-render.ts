// Orders and order rows as GET returns them, following the real sample order field by field.
import type { Ctx } from '../context';
import { href } from '../context';
import type { Json, JsonObject, Rec } from '../json';
import { isObj, num, obj, str } from '../json';

const ORDER_LINKS = ['orderrows', 'ordernotes', 'ordermessages', 'ordernotifications', 'orderaffiliatenetworks', 'orderlabels', 'invoices'];

/** Replace the host of a raw order's URLs with ours, so links lead back to this simulator. */
function rewrite(v: Json, from: string, to: string): Json {
  if (typeof v === 'string') return v.startsWith(`${from}/`) ? to + v.slice(from.length) : v;
  if (Array.isArray(v)) return v.map((x) => rewrite(x, from, to));
  if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x, from, to)]));
  return v;
}

function stripInternal(o: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('_')));
}

export function renderOrder(ctx: Ctx, o: Rec): JsonObject {
  const rawBase = str(o, '_raw_base');
  if (rawBase !== undefined) {
    const plain = stripInternal(o);
    if (!ctx.config.rewriteRawHrefs || rawBase === '') return plain;
    const out = rewrite(plain, rawBase, ctx.base);
    return isObj(out) ? out : plain;
  }
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'id') {
      out.href = href(ctx, 'orders', o.id);
      out.id = o.id;
    } else if (k === '_basket_path') {
      const url = `${ctx.base}${str(o, '_basket_path') ?? ''}`;
      out.basket_href = url;
      out.checkout_href = url;
    } else if (k === '_packing_slip_path') {
      out.packing_slip_deeplink = typeof v === 'string' ? `${ctx.base}${v}` : null;
    } else if (k === 'user' && isObj(v)) {
      const uid = num(v, 'id');
      out.user = {
        id: uid === undefined ? null : ctx.config.userIdAsString ? String(uid) : uid,
        discount_percentage: v.discount_percentage ?? 0,
        href: uid === undefined ? null : href(ctx, 'users', uid),
      };
    } else if (!k.startsWith('_')) {
      out[k] = v;
    }
  }
  for (const name of ORDER_LINKS) out[name] = { href: href(ctx, 'orders', o.id, name) };
  return out;
}

export function renderOrderRow(ctx: Ctx, r: Rec): JsonObject {
  const out: JsonObject = { href: href(ctx, 'orderrows', r.id) };
  for (const [k, v] of Object.entries(r)) {
    if (k.startsWith('_')) continue;
    if (k === 'attributes' && Array.isArray(v)) {
      out.attributes = v.map((a) =>
        isObj(a) ? { href: href(ctx, 'orderrowattributevalues', num(a, 'id') ?? 0), ...a, parent: { href: href(ctx, 'orderrows', r.id) } } : a,
      );
      continue;
    }
    out[k] = v;
    if (k === 'product_id') out.product_href = typeof v === 'number' ? href(ctx, 'products', v) : null;
  }
  out.parent = { href: href(ctx, 'orders', num(r, 'order_id') ?? 0) };
  return out;
}

/** Webhook summary of an order, as in the captured samples (note `order_number`). */
export function orderHookBody(ctx: Ctx, o: Rec, triggeredAt: string, extra: JsonObject): JsonObject {
  const billing = obj(obj(o, 'customer') ?? {}, 'billingaddress') ?? {};
  return {
    triggered_at: triggeredAt,
    href: href(ctx, 'orders', o.id).replace(/\/$/, ''),
    id: o.id,
    order_number: o.ordernumber ?? null,
    ordernumber_prefix: o.ordernumber_prefix ?? null,
    ordernumber_full: o.ordernumber_full ?? null,
    total_price: o.total_price ?? 0,
    ...extra,
    customer_email: str(obj(o, 'customer') ?? {}, 'email') ?? '',
    customer_mobile: str(billing, 'mobile') ?? '',
  };
}
