// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Launches headless Chromium. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** Opens a fresh page (new context: empty storage) and collects console errors. */
export async function openPage(browser, url, { viewport = { width: 390, height: 844 }, locale = 'ja-JP', bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport, locale, bypassCSP });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (url) await page.goto(url);
  return { context, page, errors };
}

/** Waits until the wasm app has taken over the start page. */
export async function waitForApp(page) {
  await page.waitForSelector('.button-start:not([disabled])', { timeout: 30000 });
}
