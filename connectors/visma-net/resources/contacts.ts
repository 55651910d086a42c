import { createRecord, type CreateResult } from '../create';
import { idFromLocation } from '../ids';
import { deltaParams, type DeltaFilter } from '../query';
import { contactInputSchema, contactSchema, type Contact, type ContactInput } from './customer-schemas';
import { getOne, listAll, put, seg, wrappedBody, type CallOptions, type ResourceContext } from './support';

export interface ContactListOptions extends CallOptions {
  displayName?: string;
  active?: boolean;
  firstName?: string;
  lastName?: string;
  /** Customer (or supplier) number. */
  businessAccount?: string;
  email?: string;
  lastModified?: DeltaFilter;
}

/** Contacts: `/v1/contact` (reference/visma-net/README.md §6.2). The list has no `pageNumber`/`pageSize` in the spec: one answer. */
export class ContactsResource {
  constructor(private readonly ctx: ResourceContext) {}

  async list(o: ContactListOptions = {}): Promise<Contact[]> {
    return listAll(this.ctx, '/v1/contact', contactSchema, 'the contact list', {
      signal: o.signal,
      query: {
        displayName: o.displayName,
        active: o.active,
        firstName: o.firstName,
        lastName: o.lastName,
        businessAccount: o.businessAccount,
        email: o.email,
        ...deltaParams('lastModifiedDateTime', o.lastModified, this.ctx.config.deltaOverlapMs),
      },
    });
  }

  /** Contacts with this e-mail address (checked case-insensitively here as well). */
  async findByEmail(email: string, opts: CallOptions = {}): Promise<Contact[]> {
    const wanted = email.trim().toLowerCase();
    const list = await this.list({ email, signal: opts.signal });
    return list.filter((c) => (c.email ?? '').trim().toLowerCase() === wanted);
  }

  /** Contacts linked to one customer: `/v1/customer/{customerCd}/contact`. */
  async forCustomer(customerNumber: string, opts: CallOptions = {}): Promise<Contact[]> {
    return listAll(this.ctx, `/v1/customer/${seg(this.ctx, customerNumber)}/contact`, contactSchema, `the contacts of customer '${customerNumber}'`, opts);
  }

  async get(contactId: number, opts: CallOptions = {}): Promise<Contact> {
    return getOne(this.ctx, `/v1/contact/${seg(this.ctx, contactId)}`, contactSchema, `contact ${contactId}`, opts);
  }

  /**
   * Creates a contact, linked to a customer through `businessAccount`; returns the new contact id. A POST that failed
   * in transit is followed by a lookup of the customer's contacts by e-mail (when given).
   */
  async create(input: ContactInput, opts: CallOptions & { findExisting?: () => Promise<number | undefined> } = {}): Promise<CreateResult<number>> {
    const path = '/v1/contact';
    const what = `the contact${input.email ? ` '${input.email}'` : ''}${input.businessAccount ? ` of customer '${input.businessAccount}'` : ''}`;
    const body = wrappedBody(contactInputSchema, {}, input, { method: 'POST', path }, what);
    const email = input.email ?? undefined;
    const account = input.businessAccount ?? undefined;
    const findExisting =
      opts.findExisting ??
      (email
        ? async () => {
            const list = account ? await this.forCustomer(account, opts) : await this.findByEmail(email, opts);
            return list.find((c) => (c.email ?? '').toLowerCase() === email.toLowerCase())?.contactId ?? undefined;
          }
        : undefined);
    const parseId = (location: string | undefined) => {
      const id = idFromLocation(location);
      return id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
    };
    return createRecord(this.ctx.transport, { service: 'main', path, body, what, signal: opts.signal }, parseId, { findExisting });
  }

  async update(contactId: number, input: ContactInput, opts: CallOptions = {}): Promise<void> {
    const path = `/v1/contact/${seg(this.ctx, contactId)}`;
    const what = `contact ${contactId}`;
    await put(this.ctx, path, wrappedBody(contactInputSchema, {}, input, { method: 'PUT', path }, what), what, opts);
  }
}
