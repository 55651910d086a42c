import type { Json, JsonObject } from '../json';
import { EvaluationStop } from './errors';

/**
 * Turns a jsonata result into plain JSON. Jsonata returns sequences (arrays with extra flags) and may return
 * functions; a function or a non-finite number cannot travel in a record, so it is an error.
 */
export function toJson(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new EvaluationStop('result', `the result ${String(value)} is not a usable number`, 'Check for a division by zero.');
    }
    return value;
  }
  if (Array.isArray(value)) {
    const out: Json[] = [];
    for (const v of value) {
      const j = toJson(v);
      if (j !== undefined) out.push(j);
    }
    return out;
  }
  if (typeof value === 'function') {
    throw new EvaluationStop('result', 'the result is a function, not a value', 'Call the function, e.g. $f(x) instead of $f.');
  }
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      const j = toJson(v);
      if (j !== undefined) out[k] = j;
    }
    return out;
  }
  throw new EvaluationStop('result', `the result has an unsupported type (${typeof value})`, 'Return text, numbers, true/false, lists or objects.');
}
