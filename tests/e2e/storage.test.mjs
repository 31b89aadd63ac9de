// Without storage the app still works: blocked site data (a real Chromium profile setting), a
// throwing or null `localStorage`, or a `getItem` / `removeItem` that throws. It runs, says once
// that nothing can be kept on this device, and loses nothing during the visit. Each method failing
// alone is told as it is: a `getItem` that throws keeps nothing (what no visit can read back is not
// written); a `removeItem` that throws saves as usual and, on clearing, says the old answers may
// remain. Wrong-shape saved values start fresh with a notice, and clearing removes every key the
// app has ever written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS, launch, openPage } from './browser.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const mounted = (page) => page.waitForSelector('#lang-switch:not([disabled])', { timeout: 30000 });

/** From the start page to the check page, answering as an eligible writer; returns to the caller on the check page. */
async function walk(page) {
  await page.click('.button-start');
  for (const id of ['residence-lives_in_isumi', 'stay_3_years-yes', 'crowdworks-yes', 'hinode-yes', 'housing-shared']) {
    await page.check(`#${id}`);
    const before = await page.textContent('main h1');
    await page.click('main button[type=submit]');
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent !== h, before);
  }
  await page.click('main button[type=submit]');
  await page.check('#earn_mode-quick');
  await page.click('main button[type=submit]');
  await page.fill('#quick-monthly', '15万');
  await page.fill('#quick-size', '1万');
  await page.click('main button[type=submit]');
  await page.waitForSelector('h1:has-text("回答の確認")');
}

/** The app works end to end and says once that nothing can be kept. */
async function worksWithoutStorage(page, errors, label) {
  await mounted(page);
  assert.match(await page.textContent('[role=status]'), /保存できません/, `${label}: the notice`);
  await walk(page);
  assert.equal(await page.locator('[role=status]').count(), 1, `${label}: said once`);
  // Back keeps what was typed (in memory).
  await page.goBack();
  await page.waitForSelector('#quick-monthly');
  assert.equal(await page.inputValue('#quick-monthly'), '15万', `${label}: nothing typed is lost`);
  await page.click('main button[type=submit]');
  await page.click('.button-row button[type=submit]');
  await page.waitForSelector('.verdict');
  assert.match(await page.textContent('.verdict h1'), /助成の対象になる見込みです/);
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), [], `${label}: no page error`);
}

test('a Chromium profile that blocks site data: the app runs and says so once', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isumi-blocked-'));
  fs.mkdirSync(path.join(dir, 'Default'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
    viewport: { width: 390, height: 844 }, locale: 'ja-JP',
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  assert.equal(await page.evaluate(() => { try { return typeof localStorage.length; } catch (e) { return e.name; } }), 'SecurityError', 'the profile really blocks storage');
  await worksWithoutStorage(page, errors, 'blocked profile');
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

for (const [label, script] of [
  ['a localStorage getter that throws SecurityError', () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } })],
  ['a null localStorage', () => Object.defineProperty(window, 'localStorage', { get() { return null; } })],
  ['getItem and removeItem that throw', () => {
    Storage.prototype.getItem = () => { throw new DOMException('denied', 'SecurityError'); };
    Storage.prototype.removeItem = () => { throw new DOMException('denied', 'SecurityError'); };
    Storage.prototype.setItem = () => { throw new DOMException('denied', 'SecurityError'); };
  }],
]) {
  test(`${label}: the app runs and says so once`, async () => {
    const { context, page, errors } = await openPage(browser, null);
    await page.addInitScript(script);
    await page.goto(server.url);
    await worksWithoutStorage(page, errors, label);
    await context.close();
  });
}

test('a getItem that throws alone: the app runs, says once that nothing can be kept, and writes nothing', async () => {
  const { context, page, errors } = await openPage(browser, null);
  await page.addInitScript(() => {
    Storage.prototype.getItem = () => { throw new DOMException('denied', 'SecurityError'); };
  });
  await page.goto(server.url);
  await worksWithoutStorage(page, errors, 'getItem alone');
  // Object.keys reads the keys without getItem: nothing is written that no visit could read back.
  assert.deepEqual(await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => k.startsWith('isumi'))), [], 'nothing written');
  await context.close();
});

test('a removeItem that throws alone: answers are kept as usual, and clearing says they may remain', async () => {
  const { context, page, errors } = await openPage(browser, null);
  await page.addInitScript(() => {
    Storage.prototype.removeItem = () => { throw new DOMException('denied', 'SecurityError'); };
  });
  await page.goto(server.url);
  await mounted(page);
  assert.equal(await page.locator('[role=status]').count(), 0, 'nothing to say at the start');
  await walk(page);
  assert.equal(await page.locator('[role=status]').count(), 0, 'saving works: never 「保存できません」');
  assert.ok((await page.evaluate(() => Object.keys(localStorage))).includes('isumi-check/answers/v2'), 'the answers are kept');
  // The next visit restores them, as it should.
  await page.reload();
  await mounted(page);
  assert.match(await page.textContent('[role=status]'), /前回の回答を復元しました/);
  // 「回答を消去」 cannot remove the key: the notice says they may remain, not that nothing is left.
  await page.click('#clear-answers');
  await page.waitForSelector('.button-start');
  await page.waitForFunction(() => /残っている可能性があります/.test(document.querySelector('[role=status]')?.textContent ?? ''));
  const notice = await page.textContent('[role=status]');
  assert.doesNotMatch(notice, /何も残っていません/);
  assert.equal(await page.locator('#undo').count(), 1, '「元に戻す」 is still offered');
  assert.ok((await page.evaluate(() => Object.keys(localStorage))).includes('isumi-check/answers/v2'), 'the key is still there, as the notice says');
  // In English too.
  await page.click('#lang-switch');
  await page.waitForFunction(() => /may remain on it/.test(document.querySelector('[role=status]')?.textContent ?? ''));
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), [], 'no page error');
  await context.close();
});

for (const bad of ['[]', '{"foo":1}', '{"step":"result"}', '{"step": "result", "answers": 42']) {
  test(`a saved value of the wrong shape (${bad}) starts fresh with a notice`, async () => {
    const { context, page, errors } = await openPage(browser, null);
    await page.addInitScript((v) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('isumi-check/answers/v1', v); localStorage.setItem('isumi-check/answers/v2', v); sessionStorage.setItem('seeded', '1'); } }, bad);
    await page.goto(server.url + '#/result');
    await mounted(page);
    assert.match(await page.textContent('[role=status]'), /読み込めなかった/);
    assert.equal(await page.$('.verdict'), null, 'never a result over unknown answers');
    await page.waitForSelector('#residence-lives_in_isumi');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('「回答を消去」 removes every key the app has ever written, older versions included', async () => {
  const { context, page, errors } = await openPage(browser, null);
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.setItem('isumi-check/answers/v0', '{"applicant":{"name":"古い 太郎"}}');
    sessionStorage.setItem('seeded', '1');
  });
  await page.goto(server.url);
  await mounted(page);
  await page.click('.button-start');
  await page.check('#residence-lives_in_isumi');
  await page.click('main button[type=submit]');
  await page.waitForSelector('#stay_3_years-yes');
  await page.click('#clear-answers');
  await page.waitForSelector('.button-start');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  assert.deepEqual(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('isumi'))), []);
  assert.deepEqual(errors, []);
  await context.close();
});
