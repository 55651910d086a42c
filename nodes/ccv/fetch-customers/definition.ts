import { z } from 'zod';
import { requireShop } from '../../shared/require-shop';
import type { User, UserFilters } from '../../../connectors/ccv-shop/index';
import { defineNode, toJsonRecord } from '../../../engine';
import type { Item } from '../../../engine';

const CURSOR = 'last-user-id';

const paramsSchema = z.strictObject({
  approval: z
    .enum(['accepted', 'pending', 'any'])
    .default('accepted')
    .meta({
      title: 'Accounts',
      ui: {
        widget: 'select',
        options: [
          { value: 'accepted', label: 'approved accounts' },
          { value: 'pending', label: 'accounts waiting for approval' },
          { value: 'any', label: 'all accounts' },
        ],
      },
    }),
  onlyNew: z
    .boolean()
    .default(false)
    .meta({ title: 'Only new accounts', description: 'Read only accounts made since the last good run. Off: read all, so changes are picked up too (unchanged customers cost nothing in Visma.net).', ui: { widget: 'toggle' } }),
});

/** The e-mail address is the business key of a customer; users keep it in userinfo or as user name. */
function keyOf(user: User): string {
  const email = (user.userinfo?.email ?? '').trim() || (user.username ?? '').trim();
  return email || `user ${user.id}`;
}

export const fetchCustomersNode = defineNode({
  type: 'ccv.fetchCustomers',
  version: 1,
  title: 'Fetch customers',
  category: 'ccv',
  icon: 'users',
  connection: 'ccv-shop',
  clientOf: requireShop,
  description:
    'Reads the customer accounts of CCV Shop (/users). Guest checkouts have no account: their customer comes with each order ' +
    '(use "Find or create customer" after "Fetch orders" for those).',
  inputs: [{ name: 'in', title: 'Start' }],
  outputs: [{ name: 'out', title: 'Customers', description: 'One record per account (key: the e-mail address), personal data in userinfo.' }],
  params: paramsSchema,
  async *run(ctx, inputs) {
    const client = ctx.client;
    const p = ctx.params;
    for await (const start of inputs.in ?? []) {
      if (start.length === 0) continue;
      const after = p.onlyNew ? Number(ctx.ledger.getCursor(CURSOR) ?? '0') : 0;
      const filters: UserFilters = { orderby: 'id', ...(p.approval !== 'any' ? { approval_status: p.approval } : {}) };
      let highest = after;
      for await (const page of client.users.pages(filters, { signal: ctx.signal })) {
        const items: Item[] = [];
        for (const user of page.items) {
          if (user.id <= after) continue;
          highest = Math.max(highest, user.id);
          items.push({ key: keyOf(user), json: toJsonRecord(user) });
        }
        if (items.length) yield { port: 'out', items };
      }
      if (p.onlyNew && highest > after) ctx.ledger.proposeCursor(CURSOR, String(highest));
    }
  },
});
