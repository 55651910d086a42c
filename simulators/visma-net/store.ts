// All mutable simulator data: lazily seeded collections plus what the API wrote.
import { LazyCollection } from './collection';
import { VersionCounter } from './etag';
import type { Contact, Customer, CustomerInvoice, Item, JournalTransaction, SalesOrder } from './model';
import { DEFAULT_SIZES, type SizedCollection } from './options';
import { customerNumberAt, generateContact, generateCustomer } from './seed-customers';
import { generateInvoice, generateJournal, generateSalesOrder, invoiceNumberAt, JOURNAL_COUNT, orderIdAt, batchNumberAt } from './seed-documents';
import { costItemNumberAt, COST_ITEMS, generateCostItem } from './seed-cost-items';
import { attachmentIdFor, generateItem, hasImage, inventoryNumberAt } from './seed-inventory';
import { DEMO_PNG } from './png';

export interface StoredAttachment {
  id: string;
  name: string;
  revision: number;
  contentType: string;
  bytes: Buffer;
  created: string;
}

export interface BackgroundJob {
  id: string;
  status: 'Started' | 'Finished' | 'Failed';
  statusCode: number;
  receivedUtc: string;
  startedUtc: string | null;
  finishedUtc: string | null;
  originalUri: string;
  webhookAddress: string;
  responseHeaders: Record<string, string>;
  content: unknown;
}

export class Store {
  readonly inventory: LazyCollection<Item>;
  readonly customers: LazyCollection<Customer>;
  readonly contacts: LazyCollection<Contact>;
  readonly salesOrders: LazyCollection<SalesOrder>;
  readonly customerInvoices: LazyCollection<CustomerInvoice>;
  readonly journalTransactions: LazyCollection<JournalTransaction>;
  readonly uploads = new Map<string, StoredAttachment>();
  readonly background = new Map<string, BackgroundJob>();
  readonly versions = new VersionCounter();

  constructor(
    readonly seed: number,
    readonly sizes: Record<SizedCollection, number>,
    /** Also seed the shipping/payment cost items (after the generated inventory). */
    readonly costItems = false,
  ) {
    const { inventory, customers, salesOrders, customerInvoices } = sizes;
    const extra = costItems ? COST_ITEMS.length : 0;
    this.inventory = new LazyCollection('inventory', {
      count: inventory + extra,
      generate: (i) => (i < inventory ? generateItem(seed, i) : generateCostItem(i - inventory, i)),
      keyAt: (i) => (i < inventory ? inventoryNumberAt(i) : costItemNumberAt(i - inventory)),
    }, (r) => r.inventoryNumber);
    this.customers = new LazyCollection('customers', { count: customers, generate: (i) => generateCustomer(seed, i), keyAt: customerNumberAt }, (r) => r.number);
    this.contacts = new LazyCollection('contacts', { count: customers, generate: (i) => generateContact(seed, i), keyAt: (i) => String(20000 + i) }, (r) => String(r.contactId));
    this.salesOrders = new LazyCollection('salesOrders', {
      count: salesOrders, generate: (i) => generateSalesOrder(seed, i, customers, inventory), keyAt: (i) => `SO/${orderIdAt(i)}`,
    }, (r) => `${r.type}/${r.orderId}`);
    this.customerInvoices = new LazyCollection('customerInvoices', {
      count: customerInvoices, generate: (i) => generateInvoice(seed, i, customers, inventory), keyAt: invoiceNumberAt,
    }, (r) => r.referenceNumber);
    this.journalTransactions = new LazyCollection('journalTransactions', { count: JOURNAL_COUNT, generate: (i) => generateJournal(seed, i), keyAt: batchNumberAt }, (r) => r.batchNumber);
  }

  static create(seed: number, sizes: Partial<Record<SizedCollection, number>> | undefined, costItems = false): Store {
    const merged = { ...DEFAULT_SIZES };
    const keys: SizedCollection[] = ['inventory', 'customers', 'salesOrders', 'customerInvoices'];
    for (const k of keys) {
      const v = sizes?.[k];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0) merged[k] = v;
    }
    return new Store(seed, merged, costItems);
  }

  /** Attachment bytes: uploaded ones, or the demo PNG for seeded item images. */
  attachment(id: string): StoredAttachment | undefined {
    const up = this.uploads.get(id.toLowerCase());
    if (up) return up;
    // Seeded images: scan only the items that carry one (index 0 and every 100th + 11).
    for (let i = 0; i < this.inventory.end; i = i === 0 ? 11 : i + 100) {
      if (!hasImage(i)) continue;
      if (attachmentIdFor(this.seed, i) === id.toLowerCase()) {
        const item = this.inventory.get(i);
        const ref = item?.attachments.find((a) => a.id === id.toLowerCase());
        if (ref) return { id: ref.id, name: ref.name, revision: ref.revision, contentType: 'image/png', bytes: DEMO_PNG, created: item?.createdDateTime ?? '' };
      }
    }
    return undefined;
  }
}
