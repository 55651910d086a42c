import jsonata from 'jsonata';
import type { Json } from '../json';
import type { ValueTable } from '../flow/schema';
import type { CompiledExpression, ExpressionCompiler } from '../types';
import { EvaluationStop, ExpressionError, readJsonataFailure } from './errors';
import { GUARD_BINDING, createGuard, installGuard } from './guard';
import { exVat, incVat, round2 } from './helpers';
import { tableLookup } from './tables';
import { toJson } from './to-json';

export interface ExpressionCompilerOptions {
  tables?: Readonly<Record<string, ValueTable>>;
  /** Time limit per evaluation. */
  timeoutMs?: number;
  /** Limit on nested calls of functions defined in an expression. */
  maxDepth?: number;
  /** Milliseconds clock for the time limit (tests inject a fake one). */
  clock?: () => number;
}

const COMPILE_FIX = 'Correct the expression (JSONata syntax), e.g. price * 1.21 or $table(\'vat\', country).';

/** Compiles JSONata without running it; throws an ExpressionError naming `where`. */
export function compileJsonata(source: string, where: string): jsonata.Expression {
  try {
    return jsonata(source);
  } catch (err) {
    const f = readJsonataFailure(err);
    throw new ExpressionError({ kind: 'compile', where, detail: f.message, fix: COMPILE_FIX, code: f.code, position: f.position });
  }
}

function evaluationError(err: unknown, where: string, key: string | undefined, timeoutMs: number): ExpressionError {
  if (err instanceof ExpressionError) return err;
  if (err instanceof EvaluationStop) return new ExpressionError({ kind: err.kind, where, key, detail: err.message, fix: err.fix });
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return new ExpressionError({ kind: 'depth', where, key, detail: 'it nested too deeply', fix: 'Check for a recursive function that never stops.' });
  }
  const f = readJsonataFailure(err);
  if (f.code === 'D1012') {
    return new ExpressionError({ kind: 'timeout', where, key, detail: `it ran longer than ${timeoutMs} ms and was stopped`, fix: 'Check for an endless loop.' });
  }
  return new ExpressionError({
    kind: 'evaluate',
    where,
    key,
    detail: f.message,
    fix: 'Check the expression against the record\'s data (field names are case-sensitive).',
    code: f.code,
    position: f.position,
  });
}

/**
 * JSONata is the only code a flow file can carry: it is pure (no I/O), and every evaluation runs under a time
 * and depth limit. Value tables are reachable through `$table(name, key)`.
 */
export function createExpressionCompiler(opts: ExpressionCompilerOptions = {}): ExpressionCompiler {
  const tables = opts.tables ?? {};
  const timeoutMs = opts.timeoutMs ?? 1000;
  const maxDepth = opts.maxDepth ?? 100;
  const clock = opts.clock ?? Date.now;
  const table = tableLookup(tables);

  return {
    compile(source: string, where: string): CompiledExpression {
      const expr = compileJsonata(source, where);
      installGuard(expr);
      expr.registerFunction('table', table);
      expr.registerFunction('round2', round2);
      expr.registerFunction('exVat', exVat);
      expr.registerFunction('incVat', incVat);
      return {
        source,
        async evaluate(input: Json | undefined, bindings?: Record<string, Json>, key?: string): Promise<Json | undefined> {
          const guard = createGuard({ timeoutMs, maxDepth, clock });
          try {
            const result: unknown = await expr.evaluate(input, { ...bindings, [GUARD_BINDING]: guard });
            return toJson(result);
          } catch (err) {
            throw evaluationError(err, where, key, timeoutMs);
          }
        },
      };
    },
  };
}
