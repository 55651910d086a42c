import { z } from 'zod';
import { newSalesOrderInputSchema } from '../../../connectors/visma-net/index';
import type { DocumentPlan } from '../../shared/orders/document-plan';
import { asInput, clean } from '../../shared/orders/post-kind';
import type { KindContext, PostKind } from '../../shared/orders/post-kind';
import { ReferenceIndex } from '../../shared/orders/reference-index';
import { postOrderShape } from '../../shared/orders/post-params';
import { roundingShape } from '../../shared/orders/cent-exact';

export const salesOrderParamsSchema = z.strictObject({
  ...postOrderShape,
  orderType: z.string().min(1).default('SO').meta({ title: 'Order type', description: 'Visma.net sales order type, e.g. SO.', ui: { widget: 'text' } }),
  orderStatus: z
    .enum(['default', 'Open', 'Hold'])
    .default('default')
    .meta({
      title: 'Status',
      description: 'Open, on hold, or what the order type says.',
      ui: {
        widget: 'select',
        options: [
          { value: 'default', label: 'as the order type says' },
          { value: 'Open', label: 'Open' },
          { value: 'Hold', label: 'On hold' },
        ],
      },
    }),
  setTaxZone: z.boolean().default(true).meta({ title: 'Set VAT zone on the order', description: "Send the VAT zone of the order's country, over the customer's own zone.", ui: { widget: 'toggle' } }),
  ...roundingShape,
});
export type SalesOrderParams = z.infer<typeof salesOrderParamsSchema>;

const orderKey = (type: string, number: string): string => `${type}/${number}`;

function document(plan: DocumentPlan, p: SalesOrderParams) {
  return clean({
    type: p.orderType,
    customer: clean({ id: plan.customerNumber ?? '(new customer)', refNo: plan.reference, order: plan.reference, termsId: plan.creditTerms }),
    date: plan.date,
    description: plan.description,
    currencyId: plan.currency,
    branchId: p.branch.trim() || undefined,
    taxZoneId: p.setTaxZone ? plan.vatZone : undefined,
    status: p.orderStatus === 'default' ? undefined : p.orderStatus,
    billing: { address: plan.billing.address, contact: plan.billing.contact },
    shipping: clean({ address: plan.shipping.address, contact: plan.shipping.contact, shipViaId: plan.carrier }),
    paymentSettings: { paymentMethodId: plan.paymentMethod },
    orderLines: plan.lines.map((l) =>
      clean({
        inventoryId: l.inventoryId,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        hasManualPrice: true,
        discountAmount: l.discountAmount > 0 ? l.discountAmount : undefined,
        hasManualDiscount: l.discountAmount > 0 ? true : undefined,
        taxCategoryId: l.vatCode,
        description: l.description,
        salesAccountId: l.account,
      }),
    ),
  });
}

/**
 * Sales orders through the SalesOrders API V3; the reference goes into customer refNo and order (≤ 40). V3 has no
 * filter on the reference, so a look-up scans the customer's orders of the type (reference/visma-net/README.md §6.3):
 * once per customer and run, not once per order.
 */
export function createSalesOrderKind(): PostKind<SalesOrderParams> {
  let index: ReferenceIndex | undefined;
  const scan = async (customerId: string, type: string, k: KindContext): Promise<Map<string, string>> => {
    const refs = new Map<string, string>();
    for await (const order of k.client.salesOrders.iterate({ customerId, type, signal: k.signal })) {
      if (!order.orderId) continue;
      const id = orderKey(order.type ?? type, order.orderId);
      for (const ref of [order.customerRefNo, order.customerOrder]) if (ref) refs.set(ref, id);
    }
    return refs;
  };
  /** Group key → the order type and customer it stands for. */
  const groups = new Map<string, { type: string; customer: string }>();
  const read = (group: string, k: KindContext) => {
    const g = groups.get(group);
    return g ? scan(g.customer, g.type, k) : Promise.resolve(new Map<string, string>());
  };
  return {
    ...salesOrderKind,
    find(basics, p, k, fresh) {
      const customer = basics.customerNumber;
      if (!customer) return Promise.resolve(undefined);
      const group = JSON.stringify([p.orderType, customer]);
      groups.set(group, { type: p.orderType, customer });
      // A single look-up would scan the same list: read it whole at once (no single look-ups).
      index ??= new ReferenceIndex((g) => read(g, k), async (reference, g) => (await read(g, k)).get(reference), 0, 200);
      return index.find(basics.reference, group, fresh);
    },
  };
}

const salesOrderKind: PostKind<SalesOrderParams> = {
  scope: 'sales-order',
  target: 'sales order',
  needsItems: true,
  usesCarrier: true,
  // V3 takes no VAT amounts: a rounding line makes the order total what was paid.
  centCorrection: (p) => ({ mode: 'rounding-line', rounding: p }),
  build: (plan, p) => Promise.resolve(document(plan, p)),
  validate: (doc, key) => void asInput(newSalesOrderInputSchema, doc, 'sales order', key),
  async find(basics, p, k) {
    if (!basics.customerNumber) return undefined;
    const hits = await k.client.salesOrders.findByCustomerRefNo(basics.reference, { customerId: basics.customerNumber, type: p.orderType, signal: k.signal });
    const hit = hits.find((h) => h.orderId);
    return hit?.orderId ? orderKey(hit.type ?? p.orderType, hit.orderId) : undefined;
  },
  async create(doc, basics, p, k, findExisting) {
    const input = asInput(newSalesOrderInputSchema, doc, 'sales order', basics.key);
    const res = await k.client.salesOrders.create(input, {
      signal: k.signal,
      findExisting: async () => {
        const id = await findExisting();
        const [type, number] = id ? id.split('/') : [];
        return type && number ? { type, number } : undefined;
      },
    });
    return orderKey(res.id.type, res.id.number);
  },
};
