import { EvaluationStop } from './errors';

/**
 * Time and depth limits for one evaluation. jsonata calls the `__evaluate_entry`/`__evaluate_exit` hooks (looked up
 * through the environment) around every step; the hooks are installed once per compiled expression and find the
 * per-evaluation guard through a binding, so concurrent evaluations of one expression do not share a clock.
 */
export const GUARD_BINDING = '__koppelGuard';
/** Only our hooks hold this token, so an expression calling `$__koppelGuard()` itself changes nothing. */
const TOKEN: object = Object.freeze({});

export interface GuardLimits {
  timeoutMs: number;
  /** Nesting of calls to functions defined in the expression (recursion). */
  maxDepth: number;
  clock: () => number;
}

/** The slice of a jsonata expression we need; jsonata binds symbols too, which its typings do not admit. */
export interface Hookable {
  assign(name: string | symbol, value: unknown): void;
}

type GuardFn = (token: unknown, phase: unknown, node: unknown, env: unknown) => void;

function lookup(env: unknown, name: string): unknown {
  if (typeof env !== 'object' || env === null || !('lookup' in env)) return undefined;
  const fn: unknown = env.lookup;
  if (typeof fn !== 'function') return undefined;
  const value: unknown = fn.call(env, name);
  return value;
}

function field(obj: unknown, name: string): unknown {
  if (typeof obj !== 'object' || obj === null) return undefined;
  const value: unknown = Object.prototype.hasOwnProperty.call(obj, name) ? Reflect.get(obj, name) : undefined;
  return value;
}

/** True when the step calls a function defined in the expression (a lambda), the only way to recurse. */
function callsLambda(node: unknown, env: unknown): boolean {
  if (field(node, 'type') !== 'function') return false;
  const proc = field(node, 'procedure');
  if (field(proc, 'type') !== 'variable') return false;
  const name = field(proc, 'value');
  if (typeof name !== 'string') return false;
  return field(lookup(env, name), '_jsonata_lambda') === true;
}

function hook(phase: 'entry' | 'exit') {
  return (node: unknown, _input: unknown, env: unknown): void => {
    const guard = lookup(env, GUARD_BINDING);
    if (typeof guard === 'function') guard(TOKEN, phase, node, env);
  };
}

export function installGuard(expr: Hookable): void {
  expr.assign(Symbol.for('jsonata.__evaluate_entry'), hook('entry'));
  expr.assign(Symbol.for('jsonata.__evaluate_exit'), hook('exit'));
}

/** A fresh guard for one evaluation; pass it as the `__koppelGuard` binding. */
export function createGuard(limits: GuardLimits): GuardFn {
  const started = limits.clock();
  let depth = 0;
  // Steps counted on entry, so a step is uncounted on exit exactly once even when branches interleave.
  const counted = new Map<object, Set<object>>();
  return (token, phase, node, env) => {
    if (token !== TOKEN || typeof node !== 'object' || node === null || typeof env !== 'object' || env === null) return;
    if (phase === 'entry') {
      if (limits.clock() - started > limits.timeoutMs) {
        throw new EvaluationStop(
          'timeout',
          `it ran longer than ${limits.timeoutMs} ms and was stopped`,
          'Check for an endless loop, e.g. a function that keeps calling itself.',
        );
      }
      if (!callsLambda(node, env)) return;
      depth += 1;
      let envs = counted.get(node);
      if (!envs) counted.set(node, (envs = new Set()));
      envs.add(env);
      if (depth > limits.maxDepth) {
        throw new EvaluationStop(
          'depth',
          `functions called each other more than ${limits.maxDepth} levels deep`,
          'Check for a recursive function that never stops, or simplify the expression.',
        );
      }
    } else if (phase === 'exit') {
      const envs = counted.get(node);
      if (envs?.delete(env)) depth -= 1;
    }
  };
}
