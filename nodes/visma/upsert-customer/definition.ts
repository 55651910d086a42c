import { z } from 'zod';
import { requireVisma } from '../../shared/require-visma';
import { defineNode, itemMeta, stripMeta, textOf } from '../../../engine';
import type { Item } from '../../../engine';
import { attributeFieldSchema, compileCustomerMapping, customerFieldSchema, defaultCustomerFields } from './customer-fields';
import { syncCustomer } from './customer-sync';
import { customerView, personalInfoOf } from './customer-view';
import { steps, writeBatches } from '../../shared/batch-writer';
import type { Journal, WriteResult } from '../../shared/batch-writer';

const paramsSchema = z
  .strictObject({
    fields: z.array(customerFieldSchema).default(defaultCustomerFields).meta({ title: 'Customer fields', description: 'How shop data fills the Visma.net customer. Expressions see: email, kind, segment, company, firstName, lastName, personName, name, country, vatNumber, kvk, phone, mainAddress, mainContact, deliveryAddress, deliveryContact, source (the whole record).', ui: { widget: 'mapper' } }),
    attributes: z.array(attributeFieldSchema).default([]).meta({ title: 'Attributes', description: 'Visma.net customer attributes (custom fields) to fill, e.g. KANAAL = "Webshop".', ui: { widget: 'mapper' } }),
    homeCountry: z.string().length(2).default('NL').meta({ title: 'Home country', description: "The shop's own country: business customers elsewhere in the EU with a VAT number get segment company-eu.", ui: { widget: 'text' } }),
    whenMissing: z
      .enum(['create', 'fail'])
      .default('create')
      .meta({
        title: 'When no customer has the e-mail address',
        ui: {
          widget: 'select',
          options: [
            { value: 'create', label: 'create the customer' },
            { value: 'fail', label: 'fail the record' },
          ],
        },
      }),
    updateExisting: z.boolean().default(true).meta({ title: 'Update existing customers', description: 'Write the fields that changed in the shop (not the create-only ones).', ui: { widget: 'toggle' } }),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.fields.forEach((f, i) => {
      if (seen.has(f.target)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'target'], message: `field '${f.target}' is filled twice` });
      seen.add(f.target);
    });
  });

export const upsertCustomerNode = defineNode({
  type: 'visma.upsertCustomer',
  version: 1,
  title: 'Find or create customer',
  category: 'visma',
  icon: 'user-check',
  connection: 'visma-net',
  clientOf: requireVisma,
  writes: true,
  description:
    'Finds the Visma.net customer of a shop customer by e-mail (the customer e-mail filter, then contacts), creates it when there is ' +
    'none, and updates only the fields that changed. Works on shop accounts ("Fetch customers") and on orders, so guest checkouts get ' +
    'a customer too; orders go on with vismaCustomer.number filled. A company name makes a company debtor with the person as its ' +
    'contact (name = company, attention = person), as a Dutch or German bookkeeper keeps business debtors; without one the person is ' +
    'a private debtor. The VAT number (BTW-id / USt-IdNr.) and the chamber of commerce number (KvK / Handelsregister) are carried ' +
    'over. VAT zone, customer class, credit terms and revenue account come from value tables by country and segment: private, ' +
    'company, or company-eu (elsewhere in the EU with a VAT number: VAT reverse-charged, "BTW verlegd" / "Steuerschuldnerschaft des ' +
    'Leistungsempfängers"). Class, credit terms and revenue account are set only when the customer is created, so what the ' +
    'bookkeeper changes in Visma.net stays.',
  inputs: [{ name: 'in', title: 'Customers or orders', description: 'Shop accounts, or orders whose customer to find.' }],
  outputs: [
    { name: 'out', title: 'With customer', description: 'The records, with vismaCustomer.number set (null for a customer a dry run would create).' },
    { name: 'error', title: 'Error', description: 'Records whose customer could not be found or saved, with the reason.' },
  ],
  params: paramsSchema,
  expressions: (p) => [
    ...p.fields.flatMap((f, i) => (f.mode === 'expression' && typeof f.source === 'string' ? [{ field: `fields[${i}].source`, source: f.source }] : [])),
    ...p.attributes.flatMap((a, i) => (a.mode === 'expression' && typeof a.source === 'string' ? [{ field: `attributes[${i}].source`, source: a.source }] : [])),
  ],
  async *run(ctx, inputs) {
    const label = ctx.nodeName ?? ctx.nodeId;
    const client = ctx.client;
    const mapping = compileCustomerMapping(ctx.params.fields, ctx.params.attributes, ctx.expr, label);
    const options = {
      client,
      ledger: ctx.ledger,
      dryRun: ctx.dryRun,
      signal: ctx.signal,
      log: (level: 'debug' | 'info' | 'warn' | 'error', message: string, key: string) => ctx.log(level, message, { key }),
      whenMissing: ctx.params.whenMissing,
      updateExisting: ctx.params.updateExisting,
    };
    const handle = async (item: Item, journal: Journal): Promise<WriteResult> => {
      const source = stripMeta(item.json);
      const view = customerView(personalInfoOf(item), ctx.params.homeCountry, source);
      const own = await mapping.map(view, item.key);
      // Fields a data mapper before this step marked "not on resync" stay create-only here too.
      const inherited = (itemMeta(item).createOnly ?? []).filter((f) => !own.createOnly.includes(f));
      const mapped = { fields: own.fields, createOnly: [...own.createOnly, ...inherited] };
      const result = await syncCustomer(item.key, view, mapped, { ...options, journal });
      return {
        action: result.action,
        ...(result.number !== null ? { targetId: result.number } : {}),
        ...(result.reason !== undefined ? { reason: result.reason } : {}),
        ...(result.changes !== undefined ? { changes: result.changes } : {}),
        ...(result.sent !== undefined ? { sent: result.sent } : {}),
        passOn: { key: item.key, json: { ...source, vismaCustomer: { number: result.number, action: result.action, email: textOf(view.email) ?? '' } } },
      };
    };
    // One record at a time: two orders of one customer must not both create it.
    yield* writeBatches(ctx, inputs.in, steps(handle), { target: 'customer', service: 'Visma.net', concurrency: 1 });
  },
});
