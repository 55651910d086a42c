/**
 * Scenario 2: import an example flow file through the import dialog, see what it needs and writes to, bind its
 * slots and open it. Scenario 3: a dry run of it shows planned changes (before/after) and writes nothing.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, screenshot } from './browser';
import { en } from '../../renderer/i18n/en';
import { addFilterCondition, poll, selectNode, setUpDemoFromFirstStart, textOf } from './editor-actions';
import { repoRoot, startKoppel, type KoppelServer } from './koppel-server';
import { ccvSimulatorUrl, clearSimRequests, simRequests, storeProducts } from './sim';

let koppel: KoppelServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  koppel = await startKoppel();
  browser = await launchChromium();
  page = await openPage(browser, koppel.url);
  await setUpDemoFromFirstStart(page);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
});

afterAll(async () => {
  await browser?.close();
  await koppel?.stop();
});

describe('importing a flow file and dry-running it', () => {
  it('shows the slots and targets of the file, binds each slot and opens the flow', async () => {
    await page.getByRole('toolbar', { name: 'Flow actions' }).getByRole('button', { name: 'Import flow file' }).click();
    const pick = page.getByRole('dialog', { name: 'Import a flow file' });
    await pick.getByLabel('Choose a flow file').setInputFiles(join(repoRoot, 'flows-examples', 'products.flow.json'));

    const review = page.getByRole('dialog', { name: 'Import products.flow.json' });
    await review.waitFor();
    await poll(() => review.locator('.writes-list li').count()).toBeGreaterThan(0);
    expect(await review.locator('.writes-list').innerText()).toMatch(/CCV Shop/i);
    const slotSelects = review.getByRole('combobox');
    await poll(() => slotSelects.count()).toBe(2);
    await review.getByRole('combobox', { name: /\(Visma\.net\)/ }).selectOption({ label: 'Demo Visma.net' });
    await review.getByRole('combobox', { name: /\(CCV Shop\)/ }).selectOption({ label: 'Demo CCV Shop' });
    await screenshot(page, 'import-dialog');
    await review.getByRole('button', { name: 'Import', exact: true }).click();
    await review.waitFor({ state: 'detached' });

    // The imported flow is open, its nodes are on the canvas and both slots are bound on this computer.
    await poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(2);
    await poll(() => textOf(page.getByRole('navigation').locator('button[aria-current="true"]'))).toMatch(/^Products: Visma\.net/);
    await page.getByTestId('node-write').waitFor();
    await poll(() => page.locator('.knode-slot.is-unbound').count()).toBe(0);
    expect(await page.locator('.knode-slot').count()).toBeGreaterThan(0);
  });

  it('dry-runs the imported flow: planned changes with before and after, nothing written', async () => {
    const ccv = await ccvSimulatorUrl(koppel);
    const before = await storeProducts(ccv);
    await clearSimRequests(ccv);

    // Try it on a few items first, as a careful person would: Koppel paces itself to CCV's request limits,
    // so the file's full 170 items would take over a minute.
    const filter = await selectNode(page, 'active');
    await addFilterCondition(filter, 'description', 'starts with', 'Kookboek');

    await page.getByRole('button', { name: 'Dry run', exact: true }).click();
    await poll(() => textOf(page.getByTestId('run-status')), 60_000).toMatch(/^(Succeeded|Partly failed)$/);

    await page.getByRole('tab', { name: /Changes/ }).click();
    const table = page.getByRole('table', { name: 'Planned changes' });
    await table.waitFor();
    const rowButtons = table.locator('tbody th button:not([disabled])');
    await poll(() => rowButtons.count()).toBeGreaterThan(0);
    const key = (await rowButtons.first().textContent()) ?? '';
    await rowButtons.first().click();
    const diff = page.getByRole('table', { name: new RegExp(`${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    await diff.waitFor();
    const headers = await diff.locator('thead th').allTextContents();
    expect(headers).toEqual(['Field', en.changes.before, en.changes.after]);
    // A product to create: nothing before, the mapped value after.
    const nameRow = diff.locator('tbody tr', { has: page.locator('th', { hasText: /^name$/ }) });
    expect(await nameRow.locator('td.before').textContent()).toBe(en.changes.empty);
    expect(await nameRow.locator('td.after').textContent()).toMatch(/^Kookboek/);
    expect(await diff.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'dry-run-planned-changes', true);

    const requests = await simRequests(ccv);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method))).toEqual([]);
    expect(await storeProducts(ccv)).toEqual(before);
  }, 90_000);
});
