import type { HttpClient } from '../common/http-client';
import { resolveConfig, type ResolvedVismaConfig, type VismaConfig } from './config';
import { VismaApiError } from './errors';
import { VismaTransport, type VismaRequest, type VismaResponse } from './transport';
import { AttachmentsResource } from './resources/attachments';
import { AttributesResource } from './resources/attributes';
import { BranchesResource } from './resources/branches';
import { CarriersResource } from './resources/carriers';
import { ContactsResource } from './resources/contacts';
import { CreditTermsResource } from './resources/credit-terms';
import { CurrenciesResource } from './resources/currencies';
import { CustomerClassesResource } from './resources/customer-classes';
import { CustomerInvoicesResource } from './resources/customer-invoices';
import { CustomersResource } from './resources/customers';
import { InventoryResource } from './resources/inventory';
import { InventoryAvailabilityResource } from './resources/inventory-availability';
import { InventorySummaryResource } from './resources/inventory-summary';
import { ItemClassesResource } from './resources/item-classes';
import { JournalTransactionsResource } from './resources/journal-transactions';
import { PaymentMethodsResource } from './resources/payment-methods';
import { SalesCategoriesResource } from './resources/sales-categories';
import { SalesOrdersResource } from './resources/sales-orders';
import type { ResourceContext } from './resources/support';
import { VatCategoriesResource, VatCodesResource, VatZonesResource } from './resources/vat';
import { WarehousesResource } from './resources/warehouses';

export interface ConnectionCheck {
  ok: boolean;
  /** One sentence for the "test connection" button: what works, or what failed and what to do. */
  message: string;
  checks: { name: 'token' | 'erp' | 'salesOrders'; ok: boolean; message: string }[];
}

/** The Visma.net ERP client: the main API (`/v1`, `/v2`) and the SalesOrders API V3, one company (tenant) each. */
export class VismaClient {
  readonly config: ResolvedVismaConfig;
  private readonly transport: VismaTransport;

  readonly inventory: InventoryResource;
  readonly inventorySummary: InventorySummaryResource;
  readonly inventoryAvailability: InventoryAvailabilityResource;
  readonly itemClasses: ItemClassesResource;
  readonly attributes: AttributesResource;
  readonly salesCategories: SalesCategoriesResource;
  readonly attachments: AttachmentsResource;
  readonly customers: CustomersResource;
  readonly contacts: ContactsResource;
  readonly customerClasses: CustomerClassesResource;
  readonly vatCategories: VatCategoriesResource;
  readonly vatZones: VatZonesResource;
  readonly vatCodes: VatCodesResource;
  readonly paymentMethods: PaymentMethodsResource;
  readonly creditTerms: CreditTermsResource;
  readonly carriers: CarriersResource;
  readonly branches: BranchesResource;
  readonly currencies: CurrenciesResource;
  readonly warehouses: WarehousesResource;
  readonly customerInvoices: CustomerInvoicesResource;
  readonly journalTransactions: JournalTransactionsResource;
  readonly salesOrders: SalesOrdersResource;

  /** `http` lets tests supply their own HTTP client; normally omitted. */
  /** Closes the connections; the client sends nothing after this. */
  async close(): Promise<void> {
    await this.transport.http.close();
  }

  constructor(config: VismaConfig, http?: HttpClient) {
    this.config = resolveConfig(config);
    this.transport = new VismaTransport(this.config, http);
    const ctx: ResourceContext = { transport: this.transport, config: this.config, pageMemory: new Map() };
    this.inventory = new InventoryResource(ctx);
    this.inventorySummary = new InventorySummaryResource(ctx);
    this.inventoryAvailability = new InventoryAvailabilityResource(ctx);
    this.itemClasses = new ItemClassesResource(ctx);
    this.attributes = new AttributesResource(ctx);
    this.salesCategories = new SalesCategoriesResource(ctx);
    this.attachments = new AttachmentsResource(ctx);
    this.contacts = new ContactsResource(ctx);
    this.customers = new CustomersResource(ctx, this.contacts);
    this.customerClasses = new CustomerClassesResource(ctx);
    this.vatCategories = new VatCategoriesResource(ctx);
    this.vatZones = new VatZonesResource(ctx);
    this.vatCodes = new VatCodesResource(ctx);
    this.paymentMethods = new PaymentMethodsResource(ctx);
    this.creditTerms = new CreditTermsResource(ctx);
    this.carriers = new CarriersResource(ctx);
    this.branches = new BranchesResource(ctx);
    this.currencies = new CurrenciesResource(ctx);
    this.warehouses = new WarehousesResource(ctx);
    this.customerInvoices = new CustomerInvoicesResource(ctx);
    this.journalTransactions = new JournalTransactionsResource(ctx);
    this.salesOrders = new SalesOrdersResource(ctx);
  }

  /** A raw call for endpoints without a typed resource yet; same auth, pacing, retries and errors. */
  request(req: VismaRequest): Promise<VismaResponse> {
    return this.transport.request(req);
  }

  /**
   * "Test connection": a token, one cheap main-API read (`/v1/vatZone`, one row) and, when the V3 scopes are
   * configured, one cheap V3 read. Never throws; the message says what failed and what to check.
   */
  async test(): Promise<ConnectionCheck> {
    const checks: ConnectionCheck['checks'] = [];
    try {
      await this.transport.tokens.get();
      checks.push({ name: 'token', ok: true, message: 'Visma Connect issued a token.' });
    } catch (error) {
      const message = messageOf(error);
      checks.push({ name: 'token', ok: false, message });
      return { ok: false, message: `Could not sign in to Visma.net: ${message}`, checks };
    }
    try {
      await this.transport.request({ service: 'main', method: 'GET', path: '/v1/vatZone', query: { pageNumber: 1, pageSize: 1 }, what: 'the test read of VAT zones' });
      checks.push({ name: 'erp', ok: true, message: 'The Visma.net ERP API answered.' });
    } catch (error) {
      checks.push({ name: 'erp', ok: false, message: messageOf(error) });
    }
    if (this.config.scopes.some((s) => s.startsWith('visma.net.erp.salesorder'))) {
      try {
        await this.transport.request({ service: 'v3', method: 'GET', path: '/api/v3/SalesOrders', query: { pageSize: 1, pageIndex: 0 }, what: 'the test read of sales orders' });
        checks.push({ name: 'salesOrders', ok: true, message: 'The Visma.net sales order API (V3) answered.' });
      } catch (error) {
        checks.push({ name: 'salesOrders', ok: false, message: messageOf(error) });
      }
    }
    const failed = checks.filter((c) => !c.ok);
    if (failed.length === 0) return { ok: true, message: 'Connected to Visma.net: sign-in and API calls work.', checks };
    return { ok: false, message: failed.map((c) => c.message).join(' '), checks };
  }

  /** Alias of `test()`. */
  ping(): Promise<ConnectionCheck> {
    return this.test();
  }
}

function messageOf(error: unknown): string {
  if (error instanceof VismaApiError) return error.message;
  return 'An unexpected error occurred while contacting Visma.net.';
}
