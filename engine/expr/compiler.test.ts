import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { createExpressionCompiler } from './compiler';
import { ExpressionError } from './errors';
import { exVat, incVat, round2 } from './helpers';
import { tableReferences } from './table-refs';

const tables = {
  'vat-code-per-country': { rows: { NL: 'H', DE: 'EU' } },
  'payment-method': { default: 'OTHER', rows: { ideal: 'IDEAL', '21': 'numeric key' } },
  accounts: { rows: { NL: { revenue: '8000', vat: '1500' } } },
};

async function failure(p: Promise<unknown>): Promise<ExpressionError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ExpressionError) return err;
    throw err;
  }
  throw new Error('expected the evaluation to fail');
}

describe('createExpressionCompiler', () => {
  const compiler = createExpressionCompiler({ tables });

  it('evaluates JSONata against a record, with bindings', async () => {
    const e = compiler.compile('{ "total": price * qty, "who": $key }', 'test');
    expect(await e.evaluate({ price: 2.5, qty: 4 }, { key: 'SKU-1' })).toEqual({ total: 10, who: 'SKU-1' });
    expect(e.source).toContain('price * qty');
  });

  it('returns plain JSON for sequences', async () => {
    const e = compiler.compile('lines.sku', 'test');
    const out = await e.evaluate({ lines: [{ sku: 'a' }, { sku: 'b' }] });
    expect(out).toEqual(['a', 'b']);
    expect(Array.isArray(out) && Object.keys(out)).toEqual(['0', '1']);
  });

  it('looks rows up in value tables, falls back to the default, accepts number keys', async () => {
    expect(await compiler.compile("$table('vat-code-per-country', country)", 't').evaluate({ country: 'DE' })).toBe('EU');
    expect(await compiler.compile("$table('payment-method', m)", 't').evaluate({ m: 'paypal' })).toBe('OTHER');
    expect(await compiler.compile("$table('payment-method', 21)", 't').evaluate({})).toBe('numeric key');
    expect(await compiler.compile("$table('accounts', 'NL').revenue", 't').evaluate({})).toBe('8000');
  });

  it('names the table, the key, the expression and the record when a mapping is missing', async () => {
    const e = compiler.compile("$table('vat-code-per-country', country)", "field 'vatCode' of 'Map orders'");
    const err = await failure(e.evaluate({ country: 'BE' }, {}, 'order-1001'));
    expect(err.message).toBe(
      "The expression in field 'vatCode' of 'Map orders' failed for record 'order-1001': No value for 'BE' in table 'vat-code-per-country': add a row for it",
    );
    expect(err.kind).toBe('table');
    expect(err.key).toBe('order-1001');
    expect(err.fix).toContain("Add a row for 'BE'");
  });

  it('says so when the table does not exist or the key is empty', async () => {
    const unknown = await failure(compiler.compile("$table('vat', 'NL')", 'w').evaluate({}, {}, 'k'));
    expect(unknown.message).toContain("there is no table 'vat' in this flow");
    const empty = await failure(compiler.compile("$table('vat-code-per-country', missing)", 'w').evaluate({}, {}, 'k'));
    expect(empty.message).toContain("No value for an empty key in table 'vat-code-per-country'");
  });

  it('stops an endless expression at the time limit', async () => {
    const quick = createExpressionCompiler({ timeoutMs: 50 });
    const e = quick.compile('( $loop := function($n) { $loop($n + 1) }; $loop(0) )', "field 'x'");
    const err = await failure(e.evaluate({}, {}, 'rec-9'));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe("The expression in field 'x' failed for record 'rec-9': it ran longer than 50 ms and was stopped");
  });

  it('measures the time limit with the injected clock', async () => {
    let ms = 0;
    const ticking = createExpressionCompiler({ timeoutMs: 100, clock: () => (ms += 10) });
    // Every evaluation step reads the clock once, so a long enough expression runs out of (fake) time.
    const err = await failure(ticking.compile('$sum([1..50].($ * 2))', 'w').evaluate({}));
    expect(err.kind).toBe('timeout');
    ms = 0;
    const frozen = createExpressionCompiler({ timeoutMs: 100, clock: () => 0 });
    expect(await frozen.compile('$sum([1..50].($ * 2))', 'w').evaluate({})).toBe(2550);
  });

  it('stops runaway recursion at the depth limit, but allows honest recursion', async () => {
    const shallow = createExpressionCompiler({ maxDepth: 20 });
    const runaway = shallow.compile('( $f := function($n) { 1 + $f($n + 1) }; $f(0) )', 'w');
    const err = await failure(runaway.evaluate({}, {}, 'k'));
    expect(err.kind).toBe('depth');
    expect(err.message).toContain('more than 20 levels deep');
    const fine = shallow.compile('( $f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(15) )', 'w');
    expect(await fine.evaluate({})).toBe(15);
  });

  it('keeps the limits per evaluation when evaluations overlap', async () => {
    const c = createExpressionCompiler({ maxDepth: 12 });
    const e = c.compile('( $f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(depth) )', 'w');
    const results = await Promise.all([e.evaluate({ depth: 10 }), e.evaluate({ depth: 10 }), e.evaluate({ depth: 10 })]);
    expect(results).toEqual([10, 10, 10]);
  });

  it('reports a compile error with where and position', () => {
    expect(() => compiler.compile('price *', "field 'total'")).toThrow(ExpressionError);
    try {
      compiler.compile('price *', "field 'total'");
    } catch (err) {
      expect(err).toBeInstanceOf(ExpressionError);
      if (err instanceof ExpressionError) {
        expect(err.kind).toBe('compile');
        expect(err.message).toBe("The expression in field 'total' does not compile (at character 7): Unexpected end of expression");
      }
    }
  });

  it('names an unknown function and refuses a function as result', async () => {
    expect((await failure(compiler.compile('$fetch("x")', 'w').evaluate({}, {}, 'k'))).message).toContain('there is no function $fetch');
    expect((await failure(compiler.compile('$uppercase', 'w').evaluate({}, {}, 'k'))).message).toContain('the result is a function');
  });

  it('does not let an expression reach the guard', async () => {
    const c = createExpressionCompiler({ maxDepth: 3 });
    const e = c.compile('( $__koppelGuard(); $__koppelGuard("x", "exit", {}, {}); $f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(9) )', 'w');
    expect((await failure(e.evaluate({}, {}, 'k'))).kind).toBe('depth');
  });
});

describe('bookkeeping helpers', () => {
  it('round2 rounds halves away from zero, unlike $round', async () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(-2.345)).toBe(-2.35);
    expect(round2(1e-7)).toBe(0);
    expect(round2(undefined)).toBeUndefined();
    const c = createExpressionCompiler();
    expect(await c.compile('[$round2(0.125), $round(0.125, 2)]', 'w').evaluate({})).toEqual([0.13, 0.12]);
  });

  it('exVat and incVat convert with a percentage', async () => {
    expect(exVat(121, 21)).toBeCloseTo(100, 10);
    expect(incVat(100, 9)).toBeCloseTo(109, 10);
    const c = createExpressionCompiler();
    expect(await c.compile('$round2($exVat(9.99, 21))', 'w').evaluate({})).toBe(8.26);
    const err = await failure(c.compile('$incVat("ten", 21)', 'w').evaluate({}, {}, 'k'));
    expect(err.message).toContain('$incVat needs a number for the amount');
  });
});

describe('tableReferences', () => {
  it('finds the literal table names used by $table calls', () => {
    const ast = jsonata("( $a := $table('vat', c); $map(xs, function($x) { $table(\"pay\", $x) }); $table(name, 1) )").ast();
    expect(tableReferences(ast).sort()).toEqual(['pay', 'vat']);
  });
});
