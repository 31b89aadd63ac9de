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

test('the start page paints without the wasm or seminar styles, and the hand-over paints nothing new', async () => {
  const { context, page, errors } = await openPage(browser, null);
  let release;
  const held = new Promise((r) => { release = r; });
  // Seminar mode's styles are held too: the start page paints without them.
  await page.route(/\.wasm$|seminar\.css$/, async (route) => { await held; await route.continue(); });
  await page.addInitScript(() => {
    window.__lcp = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp.push({ t: e.startTime, id: e.element?.id || e.element?.tagName || '' });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  // Wait for the static page's own largest paint, then tag the nodes the browser painted and note
  // when the wasm is let through.
  await page.waitForFunction(() => window.__lcp.length > 0);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const releasedAt = await page.evaluate(() => {
    window.__static = [...document.querySelectorAll('#start-ja h1, #start-ja li, #start-ja p')]
      .map((el) => ({ el, text: el.textContent }));
    return performance.now();
  });
  release();
  await waitForApp(page);
  // Two animation frames after the take-over, every paint of it has been reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // The start button's label changes ("読み込み中…" to "はじめる"); every other text stays as parsed.
  const kept = await page.evaluate(() => window.__static.map(({ el, text }) => ({
    connected: el.isConnected && !!el.closest('#start-ja'),
    same: el.querySelector('.button-start') ? true : el.textContent === text,
  })));
  assert.ok(kept.length > 10, 'the start page has its content');
  assert.deepEqual(kept.filter((k) => !k.connected || !k.same), [],
    'every start node is still the one parsed from the HTML, with its text');
  const lcp = await page.evaluate(() => window.__lcp);
  const late = lcp.filter((e) => e.t > releasedAt);
  assert.deepEqual(late, [], 'no largest paint after the app took over');
  assert.deepEqual(errors, []);
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
