import { z } from 'zod';
import { createResource, type CreateOptions } from '../create';
import { collectionItems } from '../paging';
import { ccvId, link, optId, optNum, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

/** Shop-wide attributes ("Size") and their values ("S", "M"), reference/ccv-shop/README.md §6.4. */
export const attributeSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  name: optStr,
  /** option_menu, option_menu_required, text, text_required [C]; additional_menu(_required) [I]. */
  type: optStr,
  attribute_values: link.nullish(),
});
export type Attribute = z.output<typeof attributeSchema>;

export const attributeValueSchema = z.looseObject({
  id: ccvId,
  href: optStr,
  name: optStr,
  default_price: optNum,
  attribute_id: optId,
});
export type AttributeValue = z.output<typeof attributeValueSchema>;

/** Known values; others are passed through because the full list is not documented. */
export type AttributeType = 'option_menu' | 'option_menu_required' | 'text' | 'text_required' | (string & {});

/** `internal.resource.attributes.input.v1` (POST and PATCH): both fields required. */
export const attributeInputSchema = z.strictObject({ name: z.string().min(1), type: z.string().min(1) });
export type AttributeInput = { name: string; type: AttributeType };

/** `internal.resource.attributevalues.post.v1`. */
export const attributeValueCreateSchema = z.strictObject({ name: z.string().min(1), default_price: z.number() });
export type AttributeValueCreate = z.input<typeof attributeValueCreateSchema>;
/** `internal.resource.attributevalues.patch.v1`. */
export const attributeValuePatchSchema = attributeValueCreateSchema.partial();
export type AttributeValuePatch = z.input<typeof attributeValuePatchSchema>;

const same = (a: string | null | undefined, b: string) => (a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

export class AttributesResource {
  constructor(private readonly t: CcvTransport) {}

  async *iterate(opts: CallOptions = {}): AsyncGenerator<Attribute> {
    yield* collectionItems(this.t, this.t.uri('attributes'), attributeSchema, 'attribute list', opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<Attribute> {
    return this.t.getJson(this.t.uri(`attributes/${seg(id)}`), attributeSchema, `attribute ${id}`, opts);
  }

  async findByName(name: string, opts: CallOptions = {}): Promise<Attribute | undefined> {
    for await (const a of this.iterate(opts)) if (same(a.name, name)) return a;
    return undefined;
  }

  /** Creates an attribute; a POST that may have landed is looked up by name. */
  async create(input: AttributeInput, opts: CreateOptions<Attribute> = {}): Promise<Attribute> {
    const uri = this.t.uri('attributes');
    const subject = `attribute "${input.name}"`;
    const body = validateInput(attributeInputSchema, input, { method: 'POST', path: uri, subject, what: 'a new attribute' });
    return createResource(this.t, uri, body, attributeSchema, subject, { ...opts, findExisting: opts.findExisting ?? (() => this.findByName(body.name, opts)) });
  }

  /** CCV only allows switching between required and non-required on update (reference/ccv-shop/README.md §6.4). */
  async patch(id: number, input: AttributeInput, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`attributes/${seg(id)}`);
    const body = validateInput(attributeInputSchema, input, { method: 'PATCH', path: uri, subject: `attribute ${id}`, what: 'an attribute change' });
    await this.t.write('PATCH', uri, body, `attribute ${id}`, opts);
  }

  async delete(id: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`attributes/${seg(id)}`), undefined, `attribute ${id}`, opts);
  }
}

export class AttributeValuesResource {
  constructor(private readonly t: CcvTransport) {}

  async *list(attributeId: number, opts: CallOptions = {}): AsyncGenerator<AttributeValue> {
    yield* collectionItems(this.t, this.t.uri(`attributes/${seg(attributeId)}/attributevalues`), attributeValueSchema, `values of attribute ${attributeId}`, opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<AttributeValue> {
    return this.t.getJson(this.t.uri(`attributevalues/${seg(id)}`), attributeValueSchema, `attribute value ${id}`, opts);
  }

  async findByName(attributeId: number, name: string, opts: CallOptions = {}): Promise<AttributeValue | undefined> {
    for await (const v of this.list(attributeId, opts)) if (same(v.name, name)) return v;
    return undefined;
  }

  /** Adds a value to an attribute; a POST that may have landed is looked up by name. */
  async create(attributeId: number, input: AttributeValueCreate, opts: CreateOptions<AttributeValue> = {}): Promise<AttributeValue> {
    const uri = this.t.uri(`attributes/${seg(attributeId)}/attributevalues`);
    const subject = `value "${input.name}" of attribute ${attributeId}`;
    const body = validateInput(attributeValueCreateSchema, input, { method: 'POST', path: uri, subject, what: 'a new attribute value' });
    return createResource(this.t, uri, body, attributeValueSchema, subject, { ...opts, findExisting: opts.findExisting ?? (() => this.findByName(attributeId, body.name, opts)) });
  }

  async patch(id: number, input: AttributeValuePatch, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`attributevalues/${seg(id)}`);
    const body = validateInput(attributeValuePatchSchema, input, { method: 'PATCH', path: uri, subject: `attribute value ${id}`, what: 'an attribute value change' });
    await this.t.write('PATCH', uri, body, `attribute value ${id}`, opts);
  }

  async delete(id: number, opts: CallOptions = {}): Promise<void> {
    await this.t.write('DELETE', this.t.uri(`attributevalues/${seg(id)}`), undefined, `attribute value ${id}`, opts);
  }
}
