/** Steps through the editor the way a person does: by role and accessible name, or the documented test ids. */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export function inspector(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Inspector' });
}

/** The first-start dialog's "Set up the demo workspace": demo connections bound to the embedded simulators. */
export async function setUpDemoFromFirstStart(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Welcome to Koppel' });
  await dialog.getByRole('button', { name: 'Set up the demo workspace' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /^Open flow Products: Visma\.net/ }).waitFor();
}

export async function createFlow(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New flow' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('canvas').waitFor();
}

/** Drags a palette entry onto the canvas at a point relative to the canvas' top-left corner. */
export async function dragFromPalette(page: Page, type: string, x: number, y: number): Promise<void> {
  await page.getByTestId(`palette-${type}`).dragTo(page.getByTestId('canvas'), { targetPosition: { x, y } });
}

export async function connectPorts(page: Page, from: string, to: string): Promise<void> {
  await page.getByTestId(`handle-${from}`).dragTo(page.getByTestId(`handle-${to}`));
}

export async function selectNode(page: Page, id: string): Promise<Locator> {
  // The node's header: clicking its middle could land on a control inside the node.
  await page.getByTestId(`node-${id}`).locator('header').first().click();
  return inspector(page);
}

export async function bindSlot(page: Page, nodeId: string, slot: string, connectionName: string): Promise<void> {
  const panel = await selectNode(page, nodeId);
  await panel.getByRole('combobox', { name: `Connection for "${slot}" on this computer` }).selectOption({ label: `${connectionName} (demo)` });
}

/** Waits on visible state (vitest's default poll gives up after 1 s; the browser may need longer). */
export function poll<T>(read: () => Promise<T> | T, timeout = 15_000): ReturnType<typeof expect.poll<T>> {
  return expect.poll(read, { timeout, interval: 100 });
}

/** Text of an element, or null while it is not there (never waits: for use inside `poll`). */
export async function textOf(locator: Locator): Promise<string | null> {
  return (await locator.count()) > 0 ? locator.first().textContent() : null;
}

/** Adds a condition at the end of a filter node's list, whatever conditions the flow already has. */
export async function addFilterCondition(panel: Locator, field: string, test: string, value: string): Promise<void> {
  const row = (await panel.getByRole('combobox', { name: /^Field, row \d+$/ }).count()) + 1;
  await panel.getByRole('button', { name: 'Add row' }).click();
  await panel.getByRole('combobox', { name: `Field, row ${row}` }).fill(field);
  await panel.getByRole('combobox', { name: `Test, row ${row}` }).selectOption({ label: test });
  await panel.getByRole('textbox', { name: `Value, row ${row}` }).fill(value);
}
