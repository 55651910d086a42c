/**
 * Operations: the setup wizard from an empty workspace to switched-on schedules; a run that fails one record,
 * its reason in the run detail, the replay after the fix, and the record's timeline from the header search.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { launchChromium, openPage, screenshot } from './browser';
import { poll, setUpDemoFromFirstStart, textOf } from './editor-actions';
import { startKoppel, type KoppelServer } from './koppel-server';
import { ccvSimulatorUrl, storeProducts } from './sim';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await screenshot(page, `failed-ops-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
});

afterAll(async () => {
  await browser?.close();
});

const rowSchema = z.looseObject({ mode: z.string(), source: z.string(), target: z.string() });
const inventorySchema = z.looseObject({ records: z.array(z.looseObject({ inventoryNumber: z.string(), description: z.string(), status: z.string(), type: z.string() })) });

describe('the setup wizard', () => {
  let koppel: KoppelServer;

  beforeAll(async () => {
    koppel = await startKoppel();
    page = await openPage(browser, koppel.url);
  });

  afterAll(async () => {
    await page?.context().close();
    await koppel?.stop();
  });

  it('walks from an empty workspace to scheduled flows', async () => {
    const welcome = page.getByRole('dialog', { name: 'Welcome to Koppel' });
    await welcome.getByRole('button', { name: 'Not now' }).click();
    await welcome.waitFor({ state: 'detached' });
    // The wizard picks existing connections: the demo's, bound to the embedded simulators.
    await koppel.call('demo.setup');
    const before = new Set((await koppel.call('flows.list')).map((f) => f.id));
    await page.reload();
    if (await welcome.isVisible()) await welcome.getByRole('button', { name: 'Not now' }).click();

    await page.getByTestId('nav-wizard').click();
    await page.getByTestId('wizard-step-visma').waitFor();
    const next = page.getByTestId('wizard-next');
    await page.getByTestId('wizard-connection-visma-net').selectOption({ label: 'Demo Visma.net' });
    await page.getByTestId('wizard-test-visma-net').click();
    await poll(() => next.isEnabled(), 30_000).toBe(true);
    await next.click();
    await page.getByTestId('wizard-step-ccv').waitFor();
    await page.getByTestId('wizard-connection-ccv-shop').selectOption({ label: 'Demo CCV Shop' });
    await page.getByTestId('wizard-test-ccv-shop').click();
    await poll(() => next.isEnabled(), 30_000).toBe(true);
    await next.click();
    await page.getByTestId('wizard-step-flows').waitFor();
    await page.getByTestId('wizard-flow-orders').uncheck();
    await page.getByTestId('wizard-flow-products').check();
    expect(await page.getByTestId('wizard-flow-stock').isChecked()).toBe(true);
    await next.click();
    await page.getByTestId('wizard-step-questions').waitFor();
    await next.click();
    await page.getByTestId('wizard-step-dryRun').waitFor({ timeout: 30_000 });
    await poll(() => page.getByTestId('wizard-dry-runs').locator('tbody tr').count()).toBe(2);
    await next.click();
    await page.getByTestId('wizard-step-activate').waitFor();
    await page.getByTestId('wizard-activate').click();
    await page.getByTestId('wizard-step-activate').getByRole('status').waitFor();
    await screenshot(page, 'wizard-activated');

    const created = (await koppel.call('flows.list')).filter((f) => !before.has(f.id));
    expect(created.length).toBe(2);

    await page.getByTestId('nav-editor').click();
    for (const f of created) await page.getByRole('button', { name: `Open flow ${f.name}` }).first().waitFor();

    await page.getByTestId('nav-schedules').click();
    await page.getByTestId('schedules').waitFor();
    for (const f of created) {
      await page.getByTestId(`schedule-${f.id}`).waitFor();
      await poll(() => textOf(page.getByTestId(`schedule-state-${f.id}`))).toBe('Active');
    }
  }, 120_000);
});

describe('a failed record: run detail, replay, timeline', () => {
  let koppel: KoppelServer;
  let flowPath = '';
  let originalRows: unknown[] = [];
  let key = '';
  let failedRunId = '';

  beforeAll(async () => {
    koppel = await startKoppel();
    page = await openPage(browser, koppel.url);
    await setUpDemoFromFirstStart(page);
  });

  afterAll(async () => {
    await page?.context().close();
    await koppel?.stop();
  });

  /** Saves the demo products flow with the given map rows, cut down to the cookbooks (CCV's rate limit). */
  async function saveProducts(rows: unknown[]): Promise<void> {
    const opened = await koppel.call('flows.open', { path: flowPath });
    const nodes = opened.flow.nodes.map((n) => {
      if (n.id === 'map') return { ...n, params: { ...n.params, rows } };
      if (n.id === 'active') return { ...n, params: { ...n.params, conditions: [{ field: 'status', op: 'eq', value: 'Active' }, { field: 'description', op: 'startsWith', value: 'Kookboek' }] } };
      return n;
    });
    // On top of the revision just opened: the host refuses a save over a file that changed in between.
    await koppel.call('flows.save', { path: flowPath, flow: { ...opened.flow, nodes }, revision: opened.revision });
  }

  it('shows the failed record and its reason in the run detail', async () => {
    const flows = await koppel.call('flows.list');
    const products = flows.find((f) => f.name.startsWith('Products: Visma.net'));
    if (!products) throw new Error('The demo products flow is missing');
    flowPath = products.path;

    const erp = (await koppel.call('connections.list')).find((c) => c.type === 'visma-net' && c.demo);
    const erpOrigin = new URL(erp?.settings.apiUrl ?? '').origin;
    const res = await fetch(`${erpOrigin}/__sim/store/inventory?limit=1000`);
    const books = inventorySchema.parse(await res.json()).records.filter((r) => r.status === 'Active' && r.description.startsWith('Kookboek'));
    expect(books.length).toBeGreaterThan(1);
    key = books[0]?.inventoryNumber ?? '';

    const opened = await koppel.call('flows.open', { path: flowPath });
    originalRows = z.array(z.unknown()).parse(opened.flow.nodes.find((n) => n.id === 'map')?.params.rows);
    const broken = originalRows.map((r) => {
      const row = rowSchema.safeParse(r);
      return row.success && row.data.target === 'price' ? { ...row.data, mode: 'expression', source: `inventoryNumber = "${key}" ? $error("No price for this item") : defaultPrice` } : r;
    });
    await saveProducts(broken);

    await page.reload();
    await page.getByRole('button', { name: /^Open flow Products: Visma\.net/ }).click();
    await page.getByTestId('node-map').waitFor();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await poll(() => textOf(page.getByTestId('run-status')), 60_000).toBe('Partly failed');

    await page.getByTestId('nav-history').click();
    await page.getByTestId('history').waitFor();
    await page.locator('[data-testid^="run-row-"]').first().getByRole('button').first().click();
    const detail = page.getByTestId('run-detail');
    await detail.waitFor();
    const row = detail.getByTestId(`record-${key}`).filter({ hasText: 'Failed' });
    await row.waitFor();
    expect(await row.innerText()).toContain('No price for this item');
    expect(await detail.locator('[data-testid^="record-"]', { hasText: 'Failed' }).count()).toBe(1);
    const runs = z.array(z.looseObject({ runId: z.string() })).parse(await koppel.call('runs.list', { limit: 5 }));
    failedRunId = runs[0]?.runId ?? '';
    await screenshot(page, 'run-detail-failed-record');
  }, 120_000);

  it('replays the record after the fix; it arrives in the shop once', async () => {
    expect(failedRunId).not.toBe('');
    await saveProducts(originalRows);
    const ccv = await ccvSimulatorUrl(koppel);
    expect((await storeProducts(ccv)).filter((p) => p.productnumber === key)).toEqual([]);

    const detail = page.getByTestId('run-detail');
    await detail.getByRole('button', { name: 'Refresh' }).click();
    await detail.getByTestId(`record-${key}`).getByRole('button', { name: new RegExp(`^Replay.*${key}`) }).click();
    // The replay run's detail opens in place of the failed run's.
    await poll(async () => (await textOf(detail.locator('#run-detail-heading'))) !== null && (await detail.getByTestId(`record-${key}`).filter({ hasText: 'Failed' }).count()) === 0, 60_000).toBe(true);
    await poll(async () => {
      await detail.getByRole('button', { name: 'Refresh' }).click();
      return textOf(detail.getByTestId(`record-${key}`).filter({ hasText: 'Created' }));
    }, 60_000).not.toBeNull();
    await poll(async () => (await storeProducts(ccv)).filter((p) => p.productnumber === key).length, 30_000).toBe(1);
    const runs = z.array(z.looseObject({ runId: z.string(), status: z.string() })).parse(await koppel.call('runs.list', { limit: 5 }));
    expect(runs.length).toBe(2);
    expect(runs.find((r) => r.runId !== failedRunId)?.status).toBe('succeeded');
    await screenshot(page, 'run-detail-replayed');
  }, 120_000);

  it('finds the key from the header search, with both runs on its timeline', async () => {
    await page.getByTestId('key-search').fill(key);
    await page.getByTestId('key-search').press('Enter');
    const timeline = page.getByTestId('key-timeline');
    await timeline.waitFor();
    await poll(() => timeline.locator('li.timeline-run').count()).toBe(2);
    expect(await timeline.locator('li.timeline-run.outcome-failed').count()).toBe(1);
    expect(await timeline.locator('li.timeline-run.outcome-created').count()).toBe(1);
    await screenshot(page, 'key-timeline');
  }, 60_000);
});
