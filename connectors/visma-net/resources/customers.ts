import { createRecord, type CreateResult } from '../create';
import { idFromLocation } from '../ids';
import { deltaParams, type DeltaFilter, type QueryParams } from '../query';
import type { ContactsResource } from './contacts';
import { customerInputSchema, customerSchema, customerWrapSpec, type Customer, type CustomerInput } from './customer-schemas';
import { findOne, getOne, itemsOf, pagesOf, put, seg, wrappedBody, type CallOptions, type PageOptions, type ResourceContext } from './support';

export interface CustomerListOptions extends PageOptions {
  name?: string;
  status?: string;
  corporateId?: string;
  vatRegistrationId?: string;
  /** Equality on the main contact's e-mail (reference/visma-net/README.md §6.2). */
  email?: string;
  phone?: string;
  attributes?: Record<string, string>;
  lastModified?: DeltaFilter;
  created?: DeltaFilter;
  expandAccountInformation?: boolean;
  expandPaymentMethods?: boolean;
  expandDirectDebit?: boolean;
}

export interface FindByEmailOptions extends CallOptions {
  /** When no customer's main contact has the address, look at contacts and their business account (default true). */
  viaContacts?: boolean;
}

const sameEmail = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/** Customers of the main API: `/v1/customer` (reference/visma-net/README.md §6.2). */
export class CustomersResource {
  constructor(
    private readonly ctx: ResourceContext,
    private readonly contacts: ContactsResource,
  ) {}

  pages(options: CustomerListOptions = {}): AsyncGenerator<Customer[]> {
    return pagesOf(this.ctx, '/v1/customer', customerSchema, 'the customer list', this.listQuery(options), options);
  }

  iterate(options: CustomerListOptions = {}): AsyncGenerator<Customer> {
    return itemsOf(this.pages(options));
  }

  private listQuery(o: CustomerListOptions): QueryParams {
    const overlap = this.ctx.config.deltaOverlapMs;
    return {
      name: o.name,
      status: o.status,
      corporateId: o.corporateId,
      vatRegistrationId: o.vatRegistrationId,
      email: o.email,
      phone: o.phone,
      attributes: o.attributes ? JSON.stringify(o.attributes) : undefined,
      ...deltaParams('lastModifiedDateTime', o.lastModified, overlap),
      ...deltaParams('createdDateTime', o.created, overlap),
      expandAccountInformation: o.expandAccountInformation,
      expandPaymentMethods: o.expandPaymentMethods,
      expandDirectDebit: o.expandDirectDebit,
    };
  }

  /** One customer by number; a missing customer is a 'not-found' error. */
  async get(number: string, opts: CallOptions = {}): Promise<Customer> {
    return getOne(this.ctx, `/v1/customer/${seg(this.ctx, number)}`, customerSchema, `customer '${number}'`, opts);
  }

  async find(number: string, opts: CallOptions = {}): Promise<Customer | undefined> {
    return findOne(this.ctx, `/v1/customer/${seg(this.ctx, number)}`, customerSchema, `customer '${number}'`, opts);
  }

  async getByInternalId(internalId: number, opts: CallOptions = {}): Promise<Customer> {
    return getOne(this.ctx, `/v1/customer/internal/${seg(this.ctx, internalId)}`, customerSchema, `customer with internal id ${internalId}`, opts);
  }

  /**
   * Customers whose main contact has this e-mail address. The `email` filter is an equality match of unknown case
   * sensitivity ([I]); answers are checked here, case-insensitively, so an ignored filter cannot match everyone.
   * Falls back to contacts with the address and the customers they belong to.
   */
  async findByEmail(email: string, opts: FindByEmailOptions = {}): Promise<Customer[]> {
    const found: Customer[] = [];
    for await (const customer of this.iterate({ email, pageSize: 100, signal: opts.signal })) {
      if (sameEmail(customer.mainContact?.email, email)) found.push(customer);
    }
    if (found.length > 0 || opts.viaContacts === false) return found;
    const numbers = new Set<string>();
    for (const contact of await this.contacts.findByEmail(email, opts)) {
      if (contact.businessAccount) numbers.add(contact.businessAccount);
    }
    for (const number of numbers) {
      const customer = await this.find(number, opts);
      if (customer) found.push(customer);
    }
    return found;
  }

  /**
   * Creates a customer; returns its number from `Location`. A POST that failed in transit is followed by a lookup
   * (by `number` when given, else by the main contact's e-mail) instead of a blind retry.
   */
  async create(input: CustomerInput, opts: CallOptions & { findExisting?: () => Promise<string | undefined> } = {}): Promise<CreateResult<string>> {
    const path = '/v1/customer';
    const what = input.number ? `customer '${input.number}'` : `the customer${input.name ? ` '${input.name}'` : ''}`;
    const body = wrappedBody(customerInputSchema, customerWrapSpec, input, { method: 'POST', path }, what, { timeZone: this.ctx.config.filterTimeZone });
    return createRecord(this.ctx.transport, { service: 'main', path, body, what, signal: opts.signal }, idFromLocation, {
      findExisting: opts.findExisting ?? this.defaultLookup(input, opts),
    });
  }

  private defaultLookup(input: CustomerInput, opts: CallOptions): (() => Promise<string | undefined>) | undefined {
    const number = input.number ?? undefined;
    if (number) return async () => (await this.find(number, opts))?.number ?? undefined;
    const email = input.mainContact?.email ?? undefined;
    if (email) return async () => (await this.findByEmail(email, { ...opts, viaContacts: false }))[0]?.number ?? undefined;
    return undefined;
  }

  /** PUT: fields left out stay as they are in Visma.net. */
  async update(number: string, input: CustomerInput, opts: CallOptions & { etag?: string } = {}): Promise<void> {
    const path = `/v1/customer/${seg(this.ctx, number)}`;
    const what = `customer '${number}'`;
    const body = wrappedBody(customerInputSchema, customerWrapSpec, input, { method: 'PUT', path }, what, { timeZone: this.ctx.config.filterTimeZone });
    await put(this.ctx, path, body, what, { signal: opts.signal, headers: opts.etag ? { 'If-Match': opts.etag } : undefined });
  }
}
