import { z } from 'zod';
import { CcvApiError } from './errors';

/**
 * Building blocks for response schemas. Responses are parsed loosely (unknown fields survive) and
 * leniently: ids are integers but arrive as strings at times (reference/ccv-shop/README.md §3, sample `order.user.id`).
 */

/** An id as a number, whether CCV sent `123` or `"123"`. */
export const ccvId = z.union([z.number().int(), z.string().trim().regex(/^-?\d+$/).transform(Number)]);

/** A number that may arrive as a numeric string. */
export const ccvNumber = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

export const optStr = z.string().nullish();
export const optNum = ccvNumber.nullish();
export const optBool = z.boolean().nullish();
export const optId = ccvId.nullish();
/** Text that is sometimes sent as a number (transaction ids, reference numbers). */
export const optText = z.union([z.string(), z.number().transform(String)]).nullish();

/** A sub-resource link `{href}`. */
export const link = z.looseObject({ href: optStr });

/** An expandable child `{href, collection}`; `collection` is filled when asked for with `expand`. */
export function expandable<S extends z.ZodType>(item: S) {
  return z.looseObject({ href: optStr, collection: z.array(item).nullish() });
}

/** A small `{href?, id, name?}` reference (brand, package, ...). */
export const ref = z.looseObject({ href: optStr, id: optId, name: optStr });

/** Ids in write inputs: positive integers. */
export const inputId = z.number().int().positive();

export interface InputContext {
  method: string;
  path: string;
  subject: string;
  /** What kind of body, e.g. "a new product". */
  what: string;
}

/**
 * Checks a write body against its strict schema before anything is sent, so a misspelt field or a wrong
 * type is reported with the record and the field instead of reaching the shop.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, ctx: InputContext): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    const field = issue.path.length ? `"${issue.path.join('.')}"` : 'the data';
    return `${field}: ${issue.message}`;
  });
  throw new CcvApiError({
    kind: 'validation',
    code: 'invalid-input',
    method: ctx.method,
    path: ctx.path,
    message: `${ctx.subject}: the data for ${ctx.what} does not fit CCV Shop (${problems.join('; ')}). Correct the mapping for these fields and run again.`,
  });
}

const checkedBrand = Symbol('checked by the connector');

/**
 * A write body the connector has checked against its schema and serialised: a caller that checked a body once (to
 * name a record's field in its own words) sends it as it is, without a second check or a second JSON.stringify.
 */
export class CheckedBody<T> {
  readonly [checkedBrand] = true;
  private constructor(
    readonly value: T,
    readonly json: string,
  ) {}

  /** The body, or the schema's issues (the first ones name the field) when it does not fit. */
  static check<S extends z.ZodType>(schema: S, input: unknown): { ok: true; body: CheckedBody<z.output<S>> } | { ok: false; issues: z.core.$ZodIssue[] } {
    const result = schema.safeParse(input);
    return result.success ? { ok: true, body: new CheckedBody(result.data, JSON.stringify(result.data)) } : { ok: false, issues: result.error.issues };
  }
}

/** A body to send: checked now, unless the caller brings one the connector checked before. */
export function bodyOf<S extends z.ZodType>(schema: S, input: z.input<S> | CheckedBody<z.output<S>>, ctx: InputContext): { value: z.output<S>; json: string } {
  if (input instanceof CheckedBody) return { value: input.value, json: input.json };
  const value = validateInput(schema, input, ctx);
  return { value, json: JSON.stringify(value) };
}
