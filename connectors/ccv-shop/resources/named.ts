import { z } from 'zod';
import { createResource, type CreateOptions } from '../create';
import { collectionItems } from '../paging';
import { ccvId, optStr, validateInput } from '../schema-helpers';
import type { CallOptions, CcvTransport } from '../transport';
import { segment as seg } from '../uri';

/** `{id, name}` resources (packages, brands): `internal.resource.<x>.input.v1` is `{name}`. */
export const namedSchema = z.looseObject({ id: ccvId, href: optStr, name: optStr });
export type Named = z.output<typeof namedSchema>;
export const nameInputSchema = z.strictObject({ name: z.string().min(1) });
export type NameInput = z.input<typeof nameInputSchema>;

export class NamedResource {
  constructor(
    protected readonly t: CcvTransport,
    /** Path segment, e.g. `packages`. */
    protected readonly collection: string,
    /** Singular for messages, e.g. `package`. */
    protected readonly noun: string,
  ) {}

  async *iterate(opts: CallOptions = {}): AsyncGenerator<Named> {
    yield* collectionItems(this.t, this.t.uri(this.collection), namedSchema, `${this.noun} list`, opts);
  }

  async get(id: number, opts: CallOptions = {}): Promise<Named> {
    return this.t.getJson(this.t.uri(`${this.collection}/${seg(id)}`), namedSchema, `${this.noun} ${id}`, opts);
  }

  /** Names are unique in CCV; compared trimmed and case-insensitively. */
  async findByName(name: string, opts: CallOptions = {}): Promise<Named | undefined> {
    const wanted = name.trim().toLowerCase();
    for await (const item of this.iterate(opts)) if ((item.name ?? '').trim().toLowerCase() === wanted) return item;
    return undefined;
  }

  /** A POST that may have landed is looked up by name. */
  async create(input: NameInput, opts: CreateOptions<Named> = {}): Promise<Named> {
    const uri = this.t.uri(this.collection);
    const subject = `${this.noun} "${input.name}"`;
    const body = validateInput(nameInputSchema, input, { method: 'POST', path: uri, subject, what: `a new ${this.noun}` });
    return createResource(this.t, uri, body, namedSchema, subject, { ...opts, findExisting: opts.findExisting ?? (() => this.findByName(body.name, opts)) });
  }

  async patch(id: number, input: NameInput, opts: CallOptions = {}): Promise<void> {
    const uri = this.t.uri(`${this.collection}/${seg(id)}`);
    const body = validateInput(nameInputSchema, input, { method: 'PATCH', path: uri, subject: `${this.noun} ${id}`, what: `a ${this.noun} change` });
    await this.t.write('PATCH', uri, body, `${this.noun} ${id}`, opts);
  }
}
