import { z } from 'zod';

/** A JSONata error as jsonata throws it: a plain object (or Error) with a code and a character position. */
const jsonataErrorSchema = z.looseObject({
  code: z.string().optional(),
  position: z.number().optional(),
  token: z.unknown().optional(),
  message: z.string().optional(),
});

export type ExpressionErrorKind = 'compile' | 'evaluate' | 'timeout' | 'depth' | 'table' | 'result';

/** Every expression failure names where the expression lives and, when evaluating, the record's key. */
export class ExpressionError extends Error {
  readonly kind: ExpressionErrorKind;
  readonly where: string;
  readonly key: string | undefined;
  readonly code: string | undefined;
  readonly position: number | undefined;
  readonly detail: string;
  readonly fix: string;

  constructor(opts: {
    kind: ExpressionErrorKind;
    where: string;
    key?: string;
    detail: string;
    fix: string;
    code?: string;
    position?: number;
  }) {
    const at = opts.position !== undefined && opts.kind === 'compile' ? ` (at character ${opts.position})` : '';
    const head =
      opts.kind === 'compile'
        ? `The expression in ${opts.where} does not compile${at}`
        : `The expression in ${opts.where} failed${opts.key !== undefined ? ` for record '${opts.key}'` : ''}`;
    super(`${head}: ${opts.detail}`);
    this.name = 'ExpressionError';
    this.kind = opts.kind;
    this.where = opts.where;
    this.key = opts.key;
    this.code = opts.code;
    this.position = opts.position;
    this.detail = opts.detail;
    this.fix = opts.fix;
  }
}

/** Raised inside an evaluation by our own guards and functions; turned into an ExpressionError outside. */
export class EvaluationStop extends Error {
  constructor(
    readonly kind: ExpressionErrorKind,
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'EvaluationStop';
  }
}

export interface JsonataFailure {
  code: string | undefined;
  token: string | undefined;
  position: number | undefined;
  message: string;
}

/** Reads whatever jsonata threw into code, position and a readable message. */
export function readJsonataFailure(err: unknown): JsonataFailure {
  const parsed = jsonataErrorSchema.safeParse(err);
  if (!parsed.success) return { code: undefined, token: undefined, position: undefined, message: String(err) };
  const { code, position, message } = parsed.data;
  const token = typeof parsed.data.token === 'string' ? parsed.data.token : undefined;
  if ((code === 'T1005' || code === 'T1006') && token) {
    return { code, token, position, message: `there is no function $${token}` };
  }
  return { code, token, position, message: message ?? (code ? `JSONata error ${code}` : String(err)) };
}
