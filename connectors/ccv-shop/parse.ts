import type { z } from 'zod';
import { CcvApiError } from './errors';

/** Where a parsed payload came from, for messages. */
export interface ParseContext {
  method: string;
  path: string;
  subject: string;
}

/** JSON text → value; a syntax error is `malformed` (and worth a retry on GET: a cut-off answer). */
export function parseJsonText(text: string, ctx: ParseContext, transient: boolean): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const start = text.trim().slice(0, 1);
    const hint = start === '' ? ' (the answer was empty)' : start === '<' ? ' (it looks like a web page: check that the shop address is right)' : '';
    throw new CcvApiError({
      kind: 'malformed',
      code: 'invalid-json',
      method: ctx.method,
      path: ctx.path,
      transient,
      message: `CCV Shop's answer for ${ctx.subject} was not valid JSON${hint}. Koppel retried where it was safe; try again later. [${ctx.method} ${ctx.path}]`,
    });
  }
}

/** Validates a payload against a (loose) zod schema; the message names the field that did not fit. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, ctx: ParseContext): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(whole record)'}: ${i.message}`)
    .join('; ');
  throw new CcvApiError({
    kind: 'malformed',
    code: 'unexpected-shape',
    method: ctx.method,
    path: ctx.path,
    message: `CCV Shop sent ${ctx.subject} in a shape Koppel does not understand (${issues}). Check this record in the CCV Shop backend, or report it with this message. [${ctx.method} ${ctx.path}]`,
  });
}
