// Accessibility: axe-core finds no WCAG 2.2 A/AA violation on any screen; the flow works from the
// keyboard alone; nothing scrolls sideways at 320 px wide or at 200% zoom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';
import { choose, start } from './steps.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Runs axe on the page and returns its violations as readable lines. */
async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

async function noSidewaysScroll(page, label) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${label}: page scrolls sideways (${scroll} > ${client})`);
}

/** Every screen of the flow, in order, with a check at each. */
async function everyScreen(page, check) {
  await waitForApp(page);
  await check('start');
  await start(page);
  await check('residence');
  await page.check('#residence-planning_to_move');
  await check('residence with the moving date revealed');
  await page.click('button[type=submit]');
  await page.waitForSelector('#stay_3_years-yes');
  await check('stay 3 years');
  await choose(page, 'stay_3_years-yes');
  await check('crowdworks');
  await choose(page, 'crowdworks-no');
  await check('hinode');
  await choose(page, 'hinode-no');
  await check('housing');
  await choose(page, 'housing-undecided');
  await check('fiscal year');
  await page.click('button[type=submit]');
  await page.waitForSelector('#earn_mode-quick');
  await check('earnings mode');
  await page.click('button[type=submit]');
  await page.waitForSelector('.error-summary');
  await check('error summary');
  await choose(page, 'earn_mode-detailed');
  await check('contracts');
  await page.fill('#c0-p0-date', '2026-05-10');
  await page.fill('#c0-p0-amount', '50000');
  await page.click('button[type=submit]');
  await page.waitForSelector('.summary-list');
  await check('check your answers');
  await page.click('.summary-row:has-text("収入の入力方法") a');
  await choose(page, 'earn_mode-actual');
  await check('fees per month');
  // March, the year's last month: after the (undated) move, so its fees count and an application
  // can be drafted (fees paid before the move do not count).
  await page.fill('#month-11', '2200');
  await page.click('button[type=submit]');
  await page.waitForSelector('.summary-list');
  await page.click('.button-row button[type=submit]');
  await page.waitForSelector('.verdict');
  await page.click('details summary');
  await check('result');
  await page.click('#make-application');
  await page.waitForSelector('#applicant-name');
  await check('applicant details');
  await page.fill('#applicant-name', 'いすみ 花子');
  await page.fill('#applicant-phone', 'abc');
  await page.click('button[type=submit]');
  await page.waitForSelector('.error-summary');
  await check('applicant details with an error');
  await page.fill('#applicant-phone', '0470-00-0000');
  await page.click('button[type=submit]');
  await page.waitForSelector('.sheet');
  await check('application document');
}

test('axe-core finds no violations on any screen', async () => {
  const { context, page } = await openPage(browser, server.url, { bypassCSP: true });
  const found = [];
  await everyScreen(page, async (label) => {
    for (const v of await violations(page)) found.push(`${label}: ${v}`);
  });
  assert.deepEqual(found, []);
  await context.close();
});

test('usable at 320 px wide and at 200% zoom (no sideways scrolling)', async () => {
  for (const [viewport, scale] of [[{ width: 320, height: 640 }, 1], [{ width: 640, height: 480 }, 2]]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: scale, locale: 'ja-JP' });
    const page = await context.newPage();
    if (scale === 2) {
      // 200% zoom of a 1280 px window: the layout viewport is 640 CSS px, text twice as big.
      await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '200%'; }));
    }
    await page.goto(server.url);
    await everyScreen(page, (label) => noSidewaysScroll(page, `${viewport.width}px ×${scale} ${label}`));
    await context.close();
  }
});

test('the whole flow works from the keyboard alone', async () => {
  const { context, page } = await openPage(browser, server.url);
  await waitForApp(page);
  await page.focus('.button-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#residence-lives_in_isumi');
  // Focus is on the heading; Tab reaches the first radio, Space picks it, Enter submits the form.
  const answer = async () => {
    const heading = await page.textContent('h1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => document.querySelector('h1')?.textContent !== h, heading);
  };
  for (let i = 0; i < 5; i++) await answer();
  // Fiscal year (a select, default this year): Enter continues.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#earn_mode-quick');
  await answer();
  await page.keyboard.press('Tab');
  await page.keyboard.type('120000');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.type('20000');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.summary-list');
  const focusVisible = await page.evaluate(() => {
    const b = document.querySelector('.button-row button[type=submit]');
    b.focus();
    return getComputedStyle(b).outlineStyle !== 'none' || getComputedStyle(b).boxShadow !== 'none';
  });
  assert.ok(focusVisible, 'the focused button shows a focus indicator');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.verdict');
  assert.match(await page.textContent('.verdict h1'), /見込み/);
  await context.close();
});
