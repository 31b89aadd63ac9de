// Every screen has its own URL: the browser's own back and forward buttons walk the questions,
// a reload stays on the same screen with what was typed, a deep link to the result with nothing
// answered goes to the first question and says so, and the skip link changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';
import { start, choose, answerEligible, quickEstimate, toResult, toApplication, EVERY_SCREEN, openScreen } from './steps.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const h1 = (page) => page.textContent('main h1');
const hash = (page) => page.evaluate(() => location.hash);
/** The app has mounted (the static page's language switch is disabled until then). */
const mounted = (page) => page.waitForSelector('#lang-switch:not([disabled])', { timeout: 30000 });
/** Waits until the heading is no longer `before`. */
const moved = (page, before) => page.waitForFunction((h) => document.querySelector('main h1')?.textContent !== h, before);

/** Each screen of one walk through the flow: how to answer it, and what the URL is. */
const WALK = [
  { hash: '#/residence', answer: (p) => p.check('#residence-planning_to_move'), fill: ['#move-date', '2026-12-01'] },
  { hash: '#/stay-3-years', answer: (p) => p.check('#stay_3_years-yes') },
  { hash: '#/crowdworks', answer: (p) => p.check('#crowdworks-yes') },
  { hash: '#/hinode', answer: (p) => p.check('#hinode-yes') },
  { hash: '#/housing', answer: (p) => p.check('#housing-individual') },
  { hash: '#/fiscal-year', answer: async () => {} },
  { hash: '#/earnings', answer: (p) => p.check('#earn_mode-quick') },
  { hash: '#/earnings/quick', answer: async () => {}, fill: ['#quick-monthly', '１５万円'], fill2: ['#quick-size', '3万'] },
  { hash: '#/check', answer: async () => {} },
];

test('the browser\'s back and forward buttons walk through the whole flow and back again', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  await start(page);
  const headings = [];
  for (const step of WALK) {
    assert.equal(await hash(page), step.hash);
    headings.push(await h1(page));
    await step.answer(page);
    if (step.fill) await page.fill(...step.fill);
    if (step.fill2) await page.fill(...step.fill2);
    const before = await h1(page);
    await page.click('main button[type=submit]');
    await moved(page, before);
  }
  assert.equal(await hash(page), '#/result');
  assert.ok(await page.$('.verdict'));
  // Back, screen by screen, with the browser's own button: every answer is still there.
  for (let i = WALK.length - 1; i >= 0; i--) {
    const before = await h1(page);
    await page.goBack();
    await moved(page, before);
    assert.equal(await hash(page), WALK[i].hash);
    assert.equal(await h1(page), headings[i]);
  }
  assert.equal(await page.isChecked('#residence-planning_to_move'), true, 'the answer is kept');
  assert.equal(await page.inputValue('#move-date'), '2026-12-01', 'the typed date is kept');
  // Back once more: the start page of the app, not the previous site.
  await page.goBack();
  await page.waitForSelector('.button-start');
  assert.equal(await hash(page), '');
  // And forward again to the result.
  for (let i = 0; i < WALK.length; i++) {
    const before = await h1(page);
    await page.goForward();
    await moved(page, before);
    assert.equal(await hash(page), WALK[i].hash);
  }
  await page.goForward();
  await page.waitForSelector('.verdict');
  assert.equal(await hash(page), '#/result');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a reload on every screen stays there, with what was typed', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  await start(page);
  for (const step of WALK) {
    await step.answer(page);
    if (step.fill) await page.fill(...step.fill);
    if (step.fill2) await page.fill(...step.fill2);
    const heading = await h1(page);
    const values = await page.$$eval('main input', (is) => is.map((i) => (i.type === 'radio' || i.type === 'checkbox' ? i.checked : i.value)));
    await page.reload();
    await mounted(page);
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, heading);
    assert.equal(await hash(page), step.hash, `${step.hash}: same URL after a reload`);
    assert.deepEqual(await page.$$eval('main input', (is) => is.map((i) => (i.type === 'radio' || i.type === 'checkbox' ? i.checked : i.value))), values, `${step.hash}: nothing typed is lost`);
    await page.click('main button[type=submit]');
    await moved(page, heading);
  }
  await page.reload();
  await mounted(page);
  await page.waitForSelector('.verdict');
  assert.equal(await hash(page), '#/result');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every screen, opened by its URL, is still there after a reload', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  await start(page);
  await answerEligible(page);
  await choose(page, 'earn_mode-quick');
  await quickEstimate(page, { monthly: '200000', size: '50000' });
  await toResult(page);
  await toApplication(page);
  for (const screen of EVERY_SCREEN) {
    await openScreen(page, screen);
    await page.reload();
    await page.waitForFunction(({ hash, source }) => location.hash === hash
      && new RegExp(source).test(document.querySelector('#app h1, #start-ja:not([hidden]) h1')?.textContent || ''),
    { hash: screen.hash, source: screen.h1.source }, { timeout: 15000 });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link to the result with nothing answered goes to the first question and says why', async () => {
  const { context, page, errors } = await openPage(browser, server.url + '#/result');
  await mounted(page);
  await page.waitForSelector('#residence-lives_in_isumi');
  assert.equal(await hash(page), '#/residence');
  assert.match(await page.textContent('[role=status]'), /まだ答えていない質問があります/);
  // Half-way: a link to the check page goes to the first unanswered question instead.
  await page.check('#residence-lives_in_isumi');
  await page.click('main button[type=submit]');
  await page.waitForSelector('#stay_3_years-yes');
  await page.evaluate(() => { location.hash = '#/check'; });
  await page.waitForFunction(() => location.hash === '#/stay-3-years');
  assert.ok(await page.$('#stay_3_years-yes'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the skip link moves focus to the content and changes nothing else', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  await start(page);
  for (const id of ['residence-lives_in_isumi', 'stay_3_years-yes', 'crowdworks-yes', 'hinode-yes', 'housing-shared']) {
    await page.check(`#${id}`);
    const before = await h1(page);
    await page.click('main button[type=submit]');
    await moved(page, before);
  }
  await page.click('main button[type=submit]'); // this fiscal year
  await page.waitForSelector('#earn_mode-skip');
  await page.check('#earn_mode-skip');
  await page.click('main button[type=submit]');
  await toResult(page);
  const heading = await h1(page);
  await page.focus('.skip-link');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(await h1(page), heading, 'still on the result');
  // The result is still one back-press away from the check page.
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/result');
  assert.equal(await h1(page), heading);
  await page.goBack();
  await page.waitForSelector('h1:has-text("回答の確認")');
  assert.deepEqual(errors, []);
  await context.close();
});

test('「回答を消去」 wipes at once from every page\'s header, and 「元に戻す」 brings everything back', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  await start(page);
  await page.check('#residence-lives_in_isumi');
  await page.click('main button[type=submit]');
  await page.waitForSelector('#stay_3_years-yes');
  await page.click('#clear-answers');
  await page.waitForSelector('.button-start');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing left on the device');
  assert.match(await page.textContent('[role=status]'), /消去しました/);
  await page.click('#undo');
  await page.waitForSelector('#stay_3_years-yes');
  assert.equal(await hash(page), '#/stay-3-years');
  assert.ok((await page.evaluate(() => localStorage.getItem('isumi-check/answers/v2'))).includes('lives_in_isumi'));
  await page.goBack();
  await page.waitForSelector('#residence-lives_in_isumi');
  assert.equal(await page.isChecked('#residence-lives_in_isumi'), true);
  assert.deepEqual(errors, []);
  await context.close();
});
