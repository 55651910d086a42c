/** Scenario 4: axe-core finds no serious or critical violations on the main screens. */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchChromium, openPage, screenshot } from './browser';
import { createFlow, poll, setUpDemoFromFirstStart, textOf } from './editor-actions';
import { repoRoot, startKoppel, type KoppelServer } from './koppel-server';

let koppel: KoppelServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  koppel = await startKoppel();
  browser = await launchChromium();
  page = await openPage(browser, koppel.url, { bypassCSP: true });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-a11y-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
});

afterAll(async () => {
  await browser?.close();
  await koppel?.stop();
});

async function showView(view: string): Promise<void> {
  await closeDialogs();
  const tab = page.getByTestId(`nav-${view}`);
  await tab.click();
  // Screens are tabs with aria-current; "New integration" (the wizard) is a button that shows as switched on.
  await poll(async () => (await tab.getAttribute('aria-current')) === 'page' || ((await tab.getAttribute('class')) ?? '').includes('is-on')).toBe(true);
}

/** A failed step may leave a dialog open; it must not block the screens after it. */
async function closeDialogs(): Promise<void> {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) await page.keyboard.press('Escape');
}

describe('accessibility of the main screens (axe-core)', () => {
  it('first start dialog', async () => {
    await page.getByRole('dialog', { name: 'Welcome to Koppel' }).waitFor();
    const found = await seriousViolations(page);
    // Set up before asserting, so the screens after this one can be checked even when this one fails.
    await setUpDemoFromFirstStart(page);
    expect(found).toEqual([]);
  });

  it('editor with a flow, after a run', async () => {
    // A new flow holds just a trigger: its run finishes at once and fills the log and the run history.
    await createFlow(page, 'A11y check');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await poll(() => textOf(page.getByTestId('run-status')), 30_000).toBe('Succeeded');
    await page.getByRole('button', { name: /^Open flow Products: Visma\.net/ }).click();
    await page.getByTestId('node-write').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('run history tab of the editor', async () => {
    await page.getByRole('button', { name: 'Open flow A11y check' }).click();
    await page.getByRole('tab', { name: /History/ }).click();
    await page.getByRole('table', { name: /./ }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('import dialog, with the slots of a file', async () => {
    await page.getByRole('toolbar', { name: 'Flow actions' }).getByRole('button', { name: 'Import flow file' }).click();
    const pick = page.getByRole('dialog', { name: 'Import a flow file' });
    expect(await seriousViolations(page)).toEqual([]);
    await pick.getByLabel('Choose a flow file').setInputFiles(join(repoRoot, 'flows-examples', 'customers.flow.json'));
    const review = page.getByRole('dialog', { name: 'Import customers.flow.json' });
    await review.getByRole('combobox').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await review.getByRole('button', { name: 'Cancel' }).click();
    await review.waitFor({ state: 'detached' });
  });

  it('connections screen', async () => {
    await showView('connections');
    await page.getByText('Demo CCV Shop').first().waitFor();
    await screenshot(page, 'connections-screen', true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  for (const view of ['dashboard', 'history', 'schedules', 'settings', 'wizard']) {
    it(`${view} screen`, async () => {
      await showView(view);
      await page.locator('main, [role=main]').first().waitFor();
      await screenshot(page, `screen-${view}`);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
