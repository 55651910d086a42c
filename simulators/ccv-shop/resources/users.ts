// Customers (/users). The only list filter is approval_status; there is no email filter.
import type { Ctx, Route } from '../context';
import { created, href, idAt, noContent, ok } from '../context';
import { err } from '../errors';
import type { JsonObject, Rec } from '../json';
import { isObj, obj, str } from '../json';
import { pagedList } from '../collection';
import { emptyPersonalInfo } from '../seed/people';
import { body, need } from './common';
import { customerFrom } from './order-input';

export function renderUser(ctx: Ctx, u: Rec): JsonObject {
  return {
    href: href(ctx, 'users', u.id),
    id: u.id,
    username: u.username ?? '',
    group_id: u.group_id ?? null,
    status: u.status ?? true,
    approval_status: u.approval_status ?? 'accepted',
    product_in_category_discount: u.product_in_category_discount ?? 'N',
    userinfo: u.userinfo ?? emptyPersonalInfo(false),
    creditpoints: { href: href(ctx, 'users', u.id, 'creditpoints') },
    creditpointmutations: { href: href(ctx, 'users', u.id, 'creditpointmutations') },
    disabledpaymethods: { href: href(ctx, 'users', u.id, 'disabledpaymethods') },
  };
}

function nameKey(u: Rec, field: string): string | number {
  if (field === 'id') return u.id;
  return str(obj(obj(u, 'userinfo') ?? {}, 'billingaddress') ?? {}, field) ?? '';
}

function usernameTaken(ctx: Ctx, username: string, except?: number): boolean {
  for (const u of ctx.state.users.values()) if (u.username === username && u.id !== except) return true;
  return false;
}

const APPROVAL = ['pending', 'accepted'];

export const userRoutes: Route[] = [
  {
    method: 'GET',
    pattern: 'users',
    handler: (ctx) => {
      const approval = ctx.query.get('approval_status');
      if (approval && !APPROVAL.includes(approval)) throw err.validation(`Query parameter 'approval_status' must be pending or accepted.`);
      return ok(
        pagedList(ctx, ctx.state.users.ids(), (id) => ctx.state.users.get(id), {
          orderby: ['first_name', 'id', 'last_name'],
          filter: approval ? (u) => u.approval_status === approval : undefined,
          key: nameKey,
          render: (u) => renderUser(ctx, u),
        }),
      );
    },
  },
  { method: 'GET', pattern: 'users/:id', handler: (ctx) => ok(renderUser(ctx, need(ctx, ctx.state.users, idAt(ctx)))) },
  {
    method: 'POST',
    pattern: 'users',
    handler: (ctx) => {
      const b = body(ctx, 'users.post');
      const username = str(b, 'username') ?? '';
      if (usernameTaken(ctx, username)) throw err.alreadyExists(`a user with username '${username}' exists.`);
      const rec = ctx.state.users.insert({
        username,
        group_id: b.group_id ?? null,
        status: b.status ?? true,
        approval_status: 'accepted',
        product_in_category_discount: b.product_in_category_discount ?? 'N',
        userinfo: isObj(b.userinfo) ? customerFrom(b.userinfo, emptyPersonalInfo(false)) : emptyPersonalInfo(false),
      });
      // The password is accepted and never returned.
      return created(renderUser(ctx, rec));
    },
  },
  {
    method: 'PATCH',
    pattern: 'users/:id',
    handler: (ctx) => {
      const u = need(ctx, ctx.state.users, idAt(ctx));
      const b = body(ctx, 'users.patch');
      const username = str(b, 'username');
      if (username !== undefined && usernameTaken(ctx, username, u.id)) throw err.alreadyExists(`a user with username '${username}' exists.`);
      const approval = str(b, 'approval_status');
      if (approval !== undefined && !APPROVAL.includes(approval)) throw err.validation(`Field 'approval_status' must be pending or accepted.`);
      const next: Rec = { ...u };
      for (const k of ['username', 'group_id', 'status', 'approval_status', 'product_in_category_discount'] as const) {
        if (b[k] !== undefined) next[k] = b[k];
      }
      if (isObj(b.userinfo)) next.userinfo = customerFrom(b.userinfo, obj(u, 'userinfo'));
      ctx.state.users.update(next);
      return noContent();
    },
  },
  {
    method: 'DELETE',
    pattern: 'users/:id',
    handler: (ctx) => {
      ctx.state.users.remove(need(ctx, ctx.state.users, idAt(ctx)).id);
      return noContent();
    },
  },
];
