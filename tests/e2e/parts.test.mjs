// The later screens are a wasm part of their own (issue 12): the start page downloads only the
// first module, the later part is fetched in the background once the first question is shown,
// and a later screen reached while it cannot be fetched says so and keeps what was typed. The
// offline worker is blocked here, so every request seen is the page's own (the worker's
// precaching of every part is in offline.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';
import { start, choose, answerEligible, quickEstimate, toResult } from './steps.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const LATER = /\/split_later-[0-9a-f]{16}\.wasm$/;

async function open() {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ja-JP', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  return { context, page, errors, requests };
}

test('the release build has a later part, named by its content, and the loader that fetches it', () => {
  const files = fs.readdirSync('dist');
  const later = files.filter((f) => /^split_later-[0-9a-f]{16}\.wasm$/.test(f));
  assert.equal(later.length, 1, files.join(' '));
  const loader = files.filter((f) => /^split-[0-9a-f]{16}\.js$/.test(f));
  assert.equal(loader.length, 1, files.join(' '));
  assert.ok(fs.readFileSync(`dist/${loader[0]}`, 'utf8').includes(later[0]), 'the loader names the part');
  // The first module is the smaller part of the whole: the later screens really moved out.
  const main = files.find((f) => f.endsWith('_bg.wasm'));
  assert.ok(fs.statSync(`dist/${later[0]}`).size > 100_000, 'the later part holds the later screens');
  assert.ok(fs.statSync(`dist/${main}`).size > 0);
});

test('the start page downloads no later part; the first question starts it in the background', async () => {
  const { context, page, errors, requests } = await open();
  await page.goto(server.url);
  await page.waitForSelector('.button-start:not([disabled])', { timeout: 30000 });
  await page.waitForLoadState('networkidle');
  assert.ok(requests.some((u) => u.endsWith('_bg.wasm')), 'the first module is loaded');
  assert.ok(!requests.some((u) => LATER.test(u)), `no later part for the start page: ${requests.join('\n')}`);
  const fetched = page.waitForResponse((r) => LATER.test(r.url()) && r.ok());
  await start(page);
  await fetched;
  // Through to the result: nothing waits, nothing fails.
  await answerEligible(page);
  await choose(page, 'earn_mode-quick');
  await quickEstimate(page, { monthly: '200000', size: '50000' });
  await toResult(page);
  assert.equal(requests.filter((u) => LATER.test(u)).length, 1, 'the part is fetched once');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a later screen that cannot be fetched says so, keeps the answers, and shows once online', async () => {
  const { context, page, errors } = await open();
  await page.goto(server.url);
  await page.waitForSelector('.button-start:not([disabled])', { timeout: 30000 });
  await context.setOffline(true);
  await start(page);
  await answerEligible(page);
  await choose(page, 'earn_mode-quick');
  // The quick estimate is a later screen: its part could not come.
  await page.waitForSelector('h1:has-text("この画面を読み込めませんでした")');
  assert.match(await page.textContent('main'), /入力した内容は残っています/);
  // Online again, its reload button shows the screen with every answer kept.
  await context.setOffline(false);
  await Promise.all([page.waitForNavigation(), page.click('#reload-page')]);
  await page.waitForSelector('#quick-monthly', { timeout: 30000 });
  await quickEstimate(page, { monthly: '200000', size: '50000' });
  await toResult(page);
  assert.match(await page.textContent('.verdict h1'), /助成の対象になる見込みです/);
  // The part-load failure is reported by the loader on the console; no page error.
  assert.deepEqual(errors, []);
  await context.close();
});

