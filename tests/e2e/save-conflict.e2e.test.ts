/**
 * A flow file changes on disk while it is open in the editor (another editor, a git pull): saving does not
 * overwrite it silently. The editor asks, and both answers do what they say.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { z } from 'zod';
import { seriousViolations } from './axe';
import { launchChromium, openPage, screenshot } from './browser';
import { createFlow, inspector, poll } from './editor-actions';
import { startKoppel, type KoppelServer } from './koppel-server';

let koppel: KoppelServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  koppel = await startKoppel();
  browser = await launchChromium();
  // bypassCSP only for axe (see browser.ts).
  page = await openPage(browser, koppel.url, { bypassCSP: true });
  const welcome = page.getByRole('dialog', { name: 'Welcome to Koppel' });
  await welcome.getByRole('button', { name: 'Not now' }).click();
  await welcome.waitFor({ state: 'detached' });
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `failed-conflict-${ctx.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
});

afterAll(async () => {
  await browser?.close();
  await koppel?.stop();
});

const descriptionOf = (file: string): string => z.looseObject({ description: z.string() }).parse(JSON.parse(readFileSync(file, 'utf8'))).description;

/** What another program does: rewrites the file with another description, as a text editor would. */
function changeOnDisk(file: string, description: string): void {
  const doc = z.looseObject({}).parse(JSON.parse(readFileSync(file, 'utf8')));
  writeFileSync(file, `${JSON.stringify({ ...doc, description }, null, 2)}\n`);
}

/** A new flow with an unsaved edit in the editor, and the file changed behind it; then Save. */
async function conflictingSave(name: string, file: string): Promise<void> {
  await createFlow(page, name);
  await inspector(page).getByLabel('Description', { exact: true }).fill('Mine');
  changeOnDisk(file, 'Theirs');
  await page.getByRole('toolbar', { name: 'Flow actions' }).getByRole('button', { name: 'Save', exact: true }).click();
}

const unsaved = () => page.getByRole('toolbar', { name: 'Flow actions' }).getByRole('status', { name: 'Unsaved changes' });

describe('saving over a flow file changed on disk', () => {
  it('asks instead of overwriting; "Reload from disk" shows the version on disk', async () => {
    const file = join(koppel.home, 'flows', 'conflict-reload.flow.json');
    await conflictingSave('Conflict reload', file);

    const dialog = page.getByRole('dialog', { name: 'This flow changed on disk' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(file);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'save-conflict-dialog');
    // Nothing was written: the other program's version is still there.
    expect(descriptionOf(file)).toBe('Theirs');

    await dialog.getByRole('button', { name: 'Reload from disk' }).click();
    await dialog.waitFor({ state: 'detached' });
    const description = inspector(page).getByLabel('Description', { exact: true });
    await poll(() => description.inputValue()).toBe('Theirs');
    expect(await unsaved().count()).toBe(0);
    expect(descriptionOf(file)).toBe('Theirs');

    // The editor now holds the file's current revision: the next save goes through without asking.
    await description.fill('Mine, on top of theirs');
    await page.getByRole('toolbar', { name: 'Flow actions' }).getByRole('button', { name: 'Save', exact: true }).click();
    await poll(() => descriptionOf(file)).toBe('Mine, on top of theirs');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('"Keep mine" saves the version in the editor over the file on disk', async () => {
    const file = join(koppel.home, 'flows', 'conflict-keep.flow.json');
    await conflictingSave('Conflict keep', file);

    const dialog = page.getByRole('dialog', { name: 'This flow changed on disk' });
    await dialog.waitFor();
    expect(descriptionOf(file)).toBe('Theirs');
    await dialog.getByRole('button', { name: 'Keep mine' }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => descriptionOf(file)).toBe('Mine');
    await poll(() => unsaved().count()).toBe(0);
    expect(await inspector(page).getByLabel('Description', { exact: true }).inputValue()).toBe('Mine');

    // Cancel leaves both versions alone: the editor keeps its edit, the file keeps the other one.
    await inspector(page).getByLabel('Description', { exact: true }).fill('Mine again');
    changeOnDisk(file, 'Theirs again');
    await page.getByRole('toolbar', { name: 'Flow actions' }).getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(descriptionOf(file)).toBe('Theirs again');
    expect(await unsaved().count()).toBe(1);
  });

  it('Save As onto the name of another flow asks before replacing that file', async () => {
    const target = join(koppel.home, 'flows', 'conflict-reload.flow.json');
    const before = readFileSync(target, 'utf8');
    await page.getByTestId('canvas').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+Shift+S');
    const saveAs = page.getByRole('dialog', { name: 'Save as' });
    // The copy's id (and file name) comes from its name, here the id of the first test's flow.
    await saveAs.getByLabel('Name of the copy').fill('conflict-reload');
    await saveAs.getByRole('button', { name: 'Save copy' }).click();

    const dialog = page.getByRole('dialog', { name: 'This flow file already exists' });
    await dialog.waitFor();
    expect(readFileSync(target, 'utf8')).toBe(before);
    await dialog.getByRole('button', { name: 'Replace it' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The copy holds the editor's version (the edit the previous test left unsaved), under the chosen name.
    await poll(() => descriptionOf(target)).toBe('Mine again');
    await poll(() => page.getByRole('navigation').locator('button[aria-current="true"]').textContent()).toBe('conflict-reload');
  });
});
