/**
 * Scenario 1: build the product flow from an empty canvas (palette → canvas, port → port), set its parameters
 * and bindings, save, reload, run it, and find the products in the CCV Shop simulator.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPage, screenshot } from './browser';
import { addFilterCondition, bindSlot, connectPorts, createFlow, dragFromPalette, inspector, poll, selectNode, textOf, setUpDemoFromFirstStart } from './editor-actions';
import { startKoppel, type KoppelServer } from './koppel-server';
import { ccvSimulatorUrl, storeProducts } from './sim';

let koppel: KoppelServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  koppel = await startKoppel();
  browser = await launchChromium();
  page = await openPage(browser, koppel.url);
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, 'failed-build-flow');
});

afterAll(async () => {
  await browser?.close();
  await koppel?.stop();
});

const NODES: Array<[type: string, id: string, x: number, y: number]> = [
  ['trigger.manual', 'manual', 140, 90],
  ['visma.fetch', 'fetch', 420, 90],
  ['core.filter', 'filter', 700, 90],
  ['core.map', 'map', 280, 340],
  ['ccv.upsertProduct', 'upsertProduct', 560, 340],
];

describe('building the product flow in the editor', () => {
  it('builds, saves, reloads and runs the flow, and the products arrive in the shop', async () => {
    await setUpDemoFromFirstStart(page);
    await createFlow(page, 'E2E products');

    // A new flow starts with a trigger; clear it to start from an empty canvas.
    const nodes = page.locator('.react-flow__node');
    for (let n = await nodes.count(); n > 0; n = await nodes.count()) {
      await nodes.first().click();
      await page.keyboard.press('Delete');
      await poll(() => nodes.count()).toBe(n - 1);
    }

    for (const [type, id, x, y] of NODES) {
      await dragFromPalette(page, type, x, y);
      await page.getByTestId(`node-${id}`).waitFor();
    }
    await connectPorts(page, 'manual-out', 'fetch-in');
    await connectPorts(page, 'fetch-out', 'filter-in');
    await connectPorts(page, 'filter-kept', 'map-in');
    await connectPorts(page, 'map-out', 'upsertProduct-in');
    await poll(() => page.locator('.react-flow__edge').count()).toBe(4);

    // Parameters in the inspector.
    await bindSlot(page, 'fetch', 'visma', 'Demo Visma.net');
    await inspector(page).getByRole('combobox', { name: 'Only changes' }).selectOption({ label: 'off: read everything every run' });

    const filter = await selectNode(page, 'filter');
    await addFilterCondition(filter, 'status', 'is', 'Active');
    // Only the cookbooks: the simulator's rate limit makes writing all 170 active items take a minute.
    await addFilterCondition(filter, 'description', 'starts with', 'Kookboek');

    const map = await selectNode(page, 'map');
    const rows: Array<[string, string]> = [
      ['productnumber', 'inventoryNumber'],
      ['name', 'description'],
      ['price', 'defaultPrice'],
    ];
    for (const [i, [target, source]] of rows.entries()) {
      await map.getByRole('button', { name: 'Add field' }).click();
      await map.getByRole('textbox', { name: `Target field, row ${i + 1}` }).fill(target);
      await map.getByRole('combobox', { name: `Source for ${target}` }).fill(source);
    }

    await bindSlot(page, 'upsertProduct', 'shop', 'Demo CCV Shop');
    for (const [, id] of NODES) await poll(() => page.getByTestId(`problems-${id}`).count()).toBe(0);
    await screenshot(page, 'editor-with-flow', true);

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await poll(() => page.getByRole('status', { name: 'Unsaved changes' }).count()).toBe(0);

    // After a reload the saved flow opens from the library as it was built.
    await page.reload();
    await page.getByRole('button', { name: 'Open flow E2E products' }).click();
    for (const [, id] of NODES) await page.getByTestId(`node-${id}`).waitFor();
    await poll(() => page.locator('.react-flow__edge').count()).toBe(4);
    const reopened = await selectNode(page, 'map');
    await poll(() => reopened.getByRole('textbox', { name: 'Target field, row 1' }).inputValue()).toBe('productnumber');
    expect(await reopened.getByRole('combobox', { name: 'Source for price' }).inputValue()).toBe('defaultPrice');

    const ccv = await ccvSimulatorUrl(koppel);
    const before = new Set((await storeProducts(ccv)).map((p) => p.productnumber));

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await poll(() => textOf(page.getByTestId('run-status')), 30_000).toBe('Succeeded');
    await poll(() => page.getByRole('log').innerText()).toContain('upsertProduct');
    const counts = page.getByTestId('counts-upsertProduct');
    const label = (await counts.getAttribute('aria-label')) ?? '';
    const created = Number(/(\d+) created/.exec(label)?.[1] ?? NaN);
    expect(created).toBeGreaterThan(0);
    await screenshot(page, 'editor-after-run');

    const after = await storeProducts(ccv);
    const arrived = after.filter((p) => p.productnumber !== undefined && !before.has(p.productnumber));
    expect(arrived.length).toBe(created);
  }, 120_000);
});
