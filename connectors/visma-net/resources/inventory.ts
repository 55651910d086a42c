import { z } from 'zod';
import { createRecord, type CreateResult } from '../create';
import { idFromLocation } from '../ids';
import { deltaParams, type DeltaFilter } from '../query';
import {
  crossReferenceInputSchema,
  crossReferenceSchema,
  inventoryInputSchema,
  inventorySchema,
  inventoryWrapSpec,
  type CrossReferenceInput,
  type Inventory,
  type InventoryCrossReference,
  type InventoryInput,
} from './inventory-schemas';
import {
  checkInput,
  findOne,
  getOne,
  itemsOf,
  pagesOf,
  put,
  seg,
  wrappedBody,
  type CallOptions,
  type PageOptions,
  type ResourceContext,
} from './support';
import { wrap } from '../wrap';

/** The `expand…` flags of GET /v1/inventory. Visma says their defaults will change, so all are always sent. */
export interface InventoryExpand {
  crossReference?: boolean;
  attachment?: boolean;
  attribute?: boolean;
  warehouseDetail?: boolean;
  accountInformation?: boolean;
  inventoryUnits?: boolean;
  supplierDetails?: boolean;
  salesCategories?: boolean;
  note?: boolean;
}

/** What a product sync reads; the heavy accounting and supplier parts are off unless asked for. */
export const defaultInventoryExpand: Required<InventoryExpand> = {
  crossReference: true,
  attachment: true,
  attribute: true,
  warehouseDetail: true,
  accountInformation: false,
  inventoryUnits: false,
  supplierDetails: false,
  salesCategories: true,
  note: false,
};

export interface InventoryListOptions extends PageOptions {
  status?: string;
  inventoryNumber?: string;
  /** Cross-reference value, e.g. an EAN barcode. */
  alternateID?: string;
  description?: string;
  salesCategory?: number;
  inventoryTypes?: string[];
  /** e.g. `{ WEBSHOP: '1' }` or `{ SIZE: 'S,M' }`; sent as JSON. */
  attributes?: Record<string, string>;
  addCostPriceStatistics?: boolean;
  expand?: InventoryExpand;
  lastModified?: DeltaFilter;
  created?: DeltaFilter;
  /** Catches stock changes that do not touch the item itself. */
  availabilityLastModified?: DeltaFilter;
  attachmentLastModified?: DeltaFilter;
}

export interface AttachmentUpload {
  fileName: string;
  bytes: Uint8Array;
  contentType?: string;
}

/** Items (articles) of the main API: `/v1/inventory` (reference/visma-net/README.md §6.1). */
export class InventoryResource {
  constructor(private readonly ctx: ResourceContext) {}

  /** Pages of items; the next page is fetched only when the previous one has been consumed. */
  pages(options: InventoryListOptions = {}): AsyncGenerator<Inventory[]> {
    return pagesOf(this.ctx, '/v1/inventory', inventorySchema, 'the item list', this.listQuery(options), options);
  }

  iterate(options: InventoryListOptions = {}): AsyncGenerator<Inventory> {
    return itemsOf(this.pages(options));
  }

  listQuery(o: InventoryListOptions): Record<string, string | number | boolean | Date | string[] | undefined> {
    const expand = { ...defaultInventoryExpand, ...o.expand };
    const overlap = this.ctx.config.deltaOverlapMs;
    return {
      status: o.status,
      inventoryNumber: o.inventoryNumber,
      alternateID: o.alternateID,
      description: o.description,
      salesCategory: o.salesCategory,
      inventoryTypes: o.inventoryTypes,
      attributes: o.attributes ? JSON.stringify(o.attributes) : undefined,
      addCostPriceStatistics: o.addCostPriceStatistics,
      expandCrossReference: expand.crossReference,
      expandAttachment: expand.attachment,
      expandAttribute: expand.attribute,
      expandWarehouseDetail: expand.warehouseDetail,
      expandAccountInformation: expand.accountInformation,
      expandInventoryUnits: expand.inventoryUnits,
      expandSupplierDetails: expand.supplierDetails,
      expandSalesCategories: expand.salesCategories,
      expandNote: expand.note,
      ...deltaParams('lastModifiedDateTime', o.lastModified, overlap),
      ...deltaParams('createdDateTime', o.created, overlap),
      ...deltaParams('availabilityLastModifiedDateTime', o.availabilityLastModified, overlap),
      ...deltaParams('attachmentLastModifiedDateTime', o.attachmentLastModified, overlap),
    };
  }

  /** One item by its number (SKU); a missing item is a 'not-found' error. */
  async get(inventoryNumber: string, opts: CallOptions = {}): Promise<Inventory> {
    return getOne(this.ctx, `/v1/inventory/${seg(this.ctx, inventoryNumber)}`, inventorySchema, `item '${inventoryNumber}'`, opts);
  }

  /** Like `get`, but undefined when Visma.net has no such item. */
  async find(inventoryNumber: string, opts: CallOptions = {}): Promise<Inventory | undefined> {
    return findOne(this.ctx, `/v1/inventory/${seg(this.ctx, inventoryNumber)}`, inventorySchema, `item '${inventoryNumber}'`, opts);
  }

  async getByInternalId(inventoryId: number, opts: CallOptions = {}): Promise<Inventory> {
    return getOne(this.ctx, `/v1/inventory/internal/${seg(this.ctx, inventoryId)}`, inventorySchema, `item with internal id ${inventoryId}`, opts);
  }

  /** Items whose cross-reference (barcode, supplier or customer number) equals `alternateId`. */
  async findByAlternateId(alternateId: string, opts: CallOptions = {}): Promise<Inventory[]> {
    const found: Inventory[] = [];
    for await (const item of this.iterate({ alternateID: alternateId, signal: opts.signal })) {
      // The API ignores misspelt filters silently (reference/visma-net/README.md §4.7): check the answer ourselves.
      if (item.crossReferences == null || item.crossReferences.some((c) => c.alternateID === alternateId)) found.push(item);
    }
    return found;
  }

  /**
   * Creates an item; returns its number from `Location`. When the number is known, a POST that failed in transit
   * is followed by a lookup by number instead of a blind retry.
   */
  async create(input: InventoryInput, opts: CallOptions & { findExisting?: () => Promise<string | undefined> } = {}): Promise<CreateResult<string>> {
    const path = '/v1/inventory';
    const what = input.inventoryNumber ? `item '${input.inventoryNumber}'` : 'the item';
    const body = wrappedBody(inventoryInputSchema, inventoryWrapSpec, input, { method: 'POST', path }, what, { timeZone: this.ctx.config.filterTimeZone });
    const number = input.inventoryNumber ?? undefined;
    const findExisting = opts.findExisting ?? (number ? async () => (await this.find(number, opts))?.inventoryNumber ?? undefined : undefined);
    return createRecord(this.ctx.transport, { service: 'main', path, body, what, signal: opts.signal }, idFromLocation, { findExisting });
  }

  /** PUT: only the fields given change (absent fields are kept). */
  async update(inventoryNumber: string, input: InventoryInput, opts: CallOptions & { etag?: string } = {}): Promise<void> {
    const path = `/v1/inventory/${seg(this.ctx, inventoryNumber)}`;
    const what = `item '${inventoryNumber}'`;
    const body = wrappedBody(inventoryInputSchema, inventoryWrapSpec, input, { method: 'PUT', path }, what, { timeZone: this.ctx.config.filterTimeZone });
    await put(this.ctx, path, body, what, { signal: opts.signal, headers: opts.etag ? { 'If-Match': opts.etag } : undefined });
  }

  /** Cross-references (barcodes, alternate ids) of one item. */
  async crossReferences(inventoryNumber: string, opts: CallOptions = {}): Promise<InventoryCrossReference[]> {
    const path = `/v1/inventory/${seg(this.ctx, inventoryNumber)}/crossReferences`;
    return getOne(this.ctx, path, z.array(crossReferenceSchema), `the cross-references of item '${inventoryNumber}'`, opts);
  }

  /** Adds a cross-reference (e.g. `{alternateType:'Barcode', alternateID:'8712345678906'}`); never added twice. */
  async addCrossReference(inventoryNumber: string, input: CrossReferenceInput, opts: CallOptions = {}): Promise<void> {
    const path = `/v1/inventory/${seg(this.ctx, inventoryNumber)}/crossReferences`;
    const what = `the cross-reference '${input.alternateID ?? ''}' of item '${inventoryNumber}'`;
    const plain = checkInput(crossReferenceInputSchema, input, { method: 'POST', path }, what);
    const key = `${plain.alternateType ?? ''}/${plain.alternateID ?? ''}`;
    await createRecord(this.ctx.transport, { service: 'main', path, body: wrap(plain), what, signal: opts.signal }, () => key, {
      findExisting: async () => {
        const list = await this.crossReferences(inventoryNumber, opts);
        return list.some((c) => c.alternateID === plain.alternateID && (!plain.alternateType || c.alternateType === plain.alternateType)) ? key : undefined;
      },
    });
  }

  async updateCrossReference(inventoryNumber: string, alternateType: string, alternateId: string, input: CrossReferenceInput, opts: CallOptions = {}): Promise<void> {
    const path = `/v1/inventory/${seg(this.ctx, inventoryNumber)}/crossReferences/${seg(this.ctx, alternateType)}/${seg(this.ctx, alternateId)}`;
    const what = `the cross-reference '${alternateId}' of item '${inventoryNumber}'`;
    const body = wrappedBody(crossReferenceInputSchema, {}, input, { method: 'PUT', path }, what);
    await put(this.ctx, path, body, what, opts);
  }

  /**
   * Uploads a file (e.g. a product image) as `multipart/form-data`; returns the attachment id from `Location`.
   * Uploading an existing file name adds a revision, so a failed upload is not repeated blindly: without a
   * `findExisting` that can tell the new revision from an old one, it fails with "outcome unknown".
   */
  async uploadAttachment(inventoryNumber: string, file: AttachmentUpload, opts: CallOptions & { findExisting?: () => Promise<string | undefined> } = {}): Promise<CreateResult<string>> {
    const path = `/v1/inventory/${seg(this.ctx, inventoryNumber)}/attachment`;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(file.bytes)], { type: file.contentType ?? 'application/octet-stream' }), file.fileName);
    const what = `the file '${file.fileName}' of item '${inventoryNumber}'`;
    return createRecord(this.ctx.transport, { service: 'main', path, body: form, what, signal: opts.signal }, idFromLocation, {
      findExisting: opts.findExisting,
    });
  }
}
