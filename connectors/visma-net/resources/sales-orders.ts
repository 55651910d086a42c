import { createRecord, type CreateResult } from '../create';
import { salesOrderFromLocation, v3PathSegment, type SalesOrderKey } from '../ids';
import { itemsOf, v3Pages } from '../paging';
import { plainBody } from '../plain-body';
import {
  newSalesOrderInputSchema,
  patchSalesOrderInputSchema,
  salesOrderListItemSchema,
  salesOrderSchema,
  v3PageSchema,
  type NewSalesOrderInput,
  type PatchSalesOrderInput,
  type SalesOrder,
  type SalesOrderListItem,
} from './sales-order-schemas';
import { checkInput, type CallOptions, type PageOptions, type ResourceContext } from './support';

export interface SalesOrderListOptions extends PageOptions {
  /** Only this order type (`/api/v3/SalesOrders/{type}`). */
  type?: string;
  customerId?: string;
  status?: string;
  /** Orders changed since then; UTC unless the string has an offset. */
  modifiedSince?: Date | string;
  /** `created`, `lastModified` or `orderId`, optionally with `asc`/`desc`. */
  orderBy?: string;
  /** Applies to the order number only. */
  filter?: string;
}

export interface SalesOrderWithVersion {
  order: SalesOrder;
  /** The ETag to send as If-Match on PATCH/DELETE. */
  etag: string | undefined;
}

const listPage = v3PageSchema(salesOrderListItemSchema);
/** Date-time fields of the V3 order commands. */
const dateFields: ReadonlySet<string> = new Set(['date', 'requestOn', 'cancelBy', 'invoiceDate', 'dueDate', 'cashDiscountDate', 'scheduledDate', 'requestDate', 'shipDate']);
const base = '/api/v3/SalesOrders';
const orderPath = (type: string, orderId: string) => `${base}/${v3PathSegment(type)}/${v3PathSegment(orderId)}`;

/** Sales orders through the SalesOrders API V3 (reference/visma-net/README.md §6.3); v1/v2 orders are end-of-life. */
export class SalesOrdersResource {
  constructor(private readonly ctx: ResourceContext) {}

  pages(o: SalesOrderListOptions = {}): AsyncGenerator<SalesOrderListItem[]> {
    const path = o.type ? `${base}/${v3PathSegment(o.type)}` : base;
    const query = { customerId: o.customerId, status: o.status, modifiedSince: o.modifiedSince, orderBy: o.orderBy, filter: o.filter };
    return v3Pages(async (pageIndex, pageSize) => {
      const { data } = await this.ctx.transport.json(
        { service: 'v3', method: 'GET', path, query: { ...query, pageSize, pageIndex }, what: 'the sales order list', signal: o.signal },
        listPage,
      );
      return data;
    }, o.pageSize ?? this.ctx.config.pageSize);
  }

  iterate(o: SalesOrderListOptions = {}): AsyncGenerator<SalesOrderListItem> {
    return itemsOf(this.pages(o));
  }

  /** One order with its version (ETag). `expand` e.g. `['Billing', 'Shipping', 'Customer']`. */
  async get(type: string, orderId: string, o: CallOptions & { expand?: string[] } = {}): Promise<SalesOrderWithVersion> {
    const { data, headers } = await this.ctx.transport.json(
      { service: 'v3', method: 'GET', path: orderPath(type, orderId), query: { expand: o.expand?.length ? o.expand.join(',') : undefined }, what: `sales order ${type} ${orderId}`, signal: o.signal },
      salesOrderSchema,
    );
    // The header is the documented source; the body's `version` carries the same value ([I] on quoting).
    return { order: data, etag: headers['etag'] ?? data.version ?? undefined };
  }

  /**
   * Orders whose `customerRefNo` (or `customerOrder`) equals `ref`. V3 has no filter for it, so this scans the list,
   * narrowed by customer and `modifiedSince` when given ([I], reference/visma-net/README.md §6.3).
   */
  async findByCustomerRefNo(ref: string, o: Omit<SalesOrderListOptions, 'filter'> = {}): Promise<SalesOrderListItem[]> {
    const found: SalesOrderListItem[] = [];
    for await (const order of this.iterate(o)) {
      if (order.customerRefNo === ref || order.customerOrder === ref) found.push(order);
    }
    return found;
  }

  /**
   * Creates an order; returns `{type, number}` from `Location` (`/api/v3/SalesOrders/SO/000223`). With a customer
   * `refNo`/`order`, a POST that failed in transit is followed by a scan for that reference instead of a retry.
   */
  async create(input: NewSalesOrderInput, opts: CallOptions & { findExisting?: () => Promise<SalesOrderKey | undefined> } = {}): Promise<CreateResult<SalesOrderKey>> {
    const path = base;
    const ref = input.customer?.refNo ?? input.customer?.order ?? undefined;
    const what = `the sales order${ref ? ` '${ref}'` : ''}${input.customer?.id ? ` for customer '${input.customer.id}'` : ''}`;
    const plain = checkInput(newSalesOrderInputSchema, input, { method: 'POST', path }, what);
    const body = plainBody(plain, { timeZone: this.ctx.config.filterTimeZone, dateFields });
    const started = this.ctx.config.clock.now();
    const findExisting =
      opts.findExisting ??
      (ref
        ? async () => {
            // Ten minutes of slack for clocks that disagree.
            const since = new Date(started - 10 * 60_000);
            const hits = await this.findByCustomerRefNo(ref, { customerId: input.customer?.id ?? undefined, modifiedSince: since, type: input.type, signal: opts.signal });
            const hit = hits.find((h) => h.orderId);
            return hit?.orderId ? { type: hit.type ?? input.type, number: hit.orderId } : undefined;
          }
        : undefined);
    return createRecord(this.ctx.transport, { service: 'v3', path, body, what, signal: opts.signal }, salesOrderFromLocation, { findExisting });
  }

  /** PATCH with `If-Match` (mandatory on V3): the given ETag, or the current one fetched first. */
  async patch(type: string, orderId: string, input: PatchSalesOrderInput, o: CallOptions & { etag?: string } = {}): Promise<{ etag: string | undefined }> {
    const path = orderPath(type, orderId);
    const what = `sales order ${type} ${orderId}`;
    const plain = checkInput(patchSalesOrderInputSchema, input, { method: 'PATCH', path }, what);
    const etag = o.etag ?? (await this.get(type, orderId, o)).etag;
    const res = await this.ctx.transport.request({
      service: 'v3',
      method: 'PATCH',
      path,
      body: plainBody(plain, { timeZone: this.ctx.config.filterTimeZone, dateFields }),
      headers: etag ? { 'If-Match': etag } : {},
      what,
      responseType: 'bytes',
      signal: o.signal,
    });
    return { etag: res.headers['etag'] };
  }

  /** DELETE with `If-Match`: the given ETag, or the current one fetched first. */
  async delete(type: string, orderId: string, o: CallOptions & { etag?: string } = {}): Promise<void> {
    const path = orderPath(type, orderId);
    const etag = o.etag ?? (await this.get(type, orderId, o)).etag;
    await this.ctx.transport.request({
      service: 'v3',
      method: 'DELETE',
      path,
      headers: etag ? { 'If-Match': etag } : {},
      what: `sales order ${type} ${orderId}`,
      responseType: 'bytes',
      signal: o.signal,
    });
  }
}
