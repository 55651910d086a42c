/** Debian's Chromium through playwright-core (never `playwright install`), and where screenshots go. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './koppel-server';

export const CHROMIUM_PATH = process.env.KOPPEL_E2E_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page wide enough for palette, canvas and inspector side by side; every request but 127.0.0.1 is refused. */
export async function openPage(browser: Browser, url: string, opts: { bypassCSP?: boolean } = {}): Promise<Page> {
  // bypassCSP only for axe: the app's CSP (script-src 'self') rightly refuses the injected script.
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, reducedMotion: 'reduce', bypassCSP: opts.bypassCSP === true });
  await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/]|ws:\/\/127\.0\.0\.1[:/]|data:|blob:)/, (route) => route.abort());
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  return page;
}

const resultsDir = join(repoRoot, 'test-results', 'e2e');
const docsDir = join(repoRoot, 'docs', 'screenshots');

/** Saves to test-results/e2e/<name>.png; with KOPPEL_UPDATE_SCREENSHOTS=1 and `forDocs`, also to docs/screenshots/. */
export async function screenshot(page: Page, name: string, forDocs = false): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.png`);
  await page.screenshot({ path: file });
  if (forDocs && process.env.KOPPEL_UPDATE_SCREENSHOTS === '1') {
    mkdirSync(docsDir, { recursive: true });
    copyFileSync(file, join(docsDir, `${name}.png`));
  }
  return file;
}
