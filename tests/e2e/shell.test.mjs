// The page shell: served from a sub-path, it shows the start screen before and after the wasm,
// takes over without a layout jump, and loads nothing from another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('start screen is in the HTML itself, before any script runs', async () => {
  const { context, page } = await openPage(browser, null);
  await page.route('**/*.{js,wasm,mjs}', (route) => route.abort());
  await page.goto(server.url);
  const heading = await page.textContent('h1');
  assert.match(heading, /手数料助成/);
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  assert.match(await page.title(), /いすみ市/);
  await context.close();
});

test('the app takes over the start screen from a sub-path without moving it', async () => {
  const { context, page, errors } = await openPage(browser, null);
  // Hold the wasm back until the static start screen is measured (a fixed delay raced the app's
  // start once the preloaded wasm arrived before the measurement).
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  const before = await page.locator('#start-title').boundingBox();
  release();
  await waitForApp(page);
  const after = await page.locator('#start-title').boundingBox();
  assert.deepEqual(after, before, 'the heading did not move when the app took over');
  assert.equal(await page.textContent('.button-start'), 'はじめる');
  assert.deepEqual(errors, []);
  const icon = await page.getAttribute('link[rel="icon"]', 'href');
  assert.ok(icon && !icon.startsWith('/'), `favicon link is relative: ${icon}`);
  for (const p of server.requests) assert.ok(p.startsWith('/tools/check/'), `request outside the sub-path: ${p}`);
  await context.close();
});

test('a browser that cannot run the wasm sees a clear message', async () => {
  const { context, page } = await openPage(browser, null);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm') }));
  await page.goto(server.url);
  await page.waitForSelector('#unsupported:not([hidden])', { timeout: 15000 });
  assert.match(await page.textContent('#unsupported'), /WebAssembly/);
  await context.close();
});
