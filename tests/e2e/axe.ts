/** axe-core in the page (injected from node_modules, never fetched), reporting serious and critical violations. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { z } from 'zod';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const resultSchema = z.looseObject({
  violations: z.array(
    z.looseObject({
      id: z.string(),
      impact: z.string().nullable().optional(),
      help: z.string(),
      nodes: z.array(z.looseObject({ target: z.array(z.unknown()), failureSummary: z.string().optional() })),
    }),
  ),
});

/** One readable line per serious/critical violation: rule, what to fix, and the first few elements. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: axePath });
  const raw: unknown = await page.evaluate(async () => {
    // Runs in the page. Tests are Node code (no DOM types), so the page globals used here are described here.
    const w: { axe?: { run: (ctx: unknown, opts: object) => Promise<unknown> }; document?: unknown } & typeof globalThis = globalThis;
    if (!w.axe) throw new Error('axe-core was not injected');
    return w.axe.run(w.document, { resultTypes: ['violations'] });
  });
  const { violations } = resultSchema.parse(raw);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(', ')}${v.nodes.length > 5 ? ` (+${v.nodes.length - 5} more)` : ''}`);
}
