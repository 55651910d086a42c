import { z } from 'zod';
import { collectionItems, collectionPages, type Page } from '../paging';
import { ccvId, link, optBool, optId, optStr } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';
import { personalInfoSchema } from './personal-info';

/** A registered customer; guest checkouts have no user (reference/ccv-shop/README.md §6.7). */
export const userSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  /** Unique; usually the e-mail address. */
  username: optStr,
  group_id: optId,
  /** False: the user cannot log in. */
  status: optBool,
  approval_status: optStr,
  userinfo: personalInfoSchema.nullish(),
  creditpoints: link.nullish(),
});
export type User = z.output<typeof userSchema>;

/** `GET /users/` has no e-mail filter; only approval status, paging and order. */
export interface UserFilters {
  approval_status?: 'pending' | 'accepted';
  orderby?: 'id' | 'first_name' | 'last_name' | 'id_desc' | 'first_name_desc' | 'last_name_desc';
}

export class UsersResource {
  constructor(private readonly t: CcvTransport) {}

  private listUri(filters: UserFilters): string {
    return this.t.uri('users', { approval_status: filters.approval_status, start: 0, size: this.t.config.pageSize, orderby: filters.orderby });
  }

  async *iterate(filters: UserFilters = {}, opts: CallOptions = {}): AsyncGenerator<User> {
    yield* collectionItems(this.t, this.listUri(filters), userSchema, 'customer list', opts);
  }

  async *pages(filters: UserFilters = {}, opts: CallOptions = {}): AsyncGenerator<Page<User>> {
    yield* collectionPages(this.t, this.listUri(filters), userSchema, 'customer list', opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<User> {
    return this.t.getJson(this.t.uri(`users/${seg(id)}`), userSchema, `customer ${id}`, opts);
  }
}
