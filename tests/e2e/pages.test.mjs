// Every page gets to the point (issue 13): the start button in a phone's first screen (and again
// at the end), English offered to a browser that asks for it, live totals on the contracts and
// fees pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the start button is in the first screen at 390×844, and again at the end', async () => {
  const { context, page, errors } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
  await waitForApp(page);
  const boxes = await page.$$eval('.button-start', (bs) => bs.map((b) => { const r = b.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; }));
  assert.equal(boxes.length, 2);
  assert.ok(boxes[0].bottom <= 844, `first button at ${boxes[0].top}–${boxes[0].bottom} px`);
  assert.ok(boxes[1].top > 844, 'the second one after the program in brief');
  assert.equal(await page.$('#english-offer'), null, 'a Japanese browser is offered nothing');
  await page.click('.button-start');
  await page.waitForSelector('#residence-lives_in_isumi');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a browser asking for English is offered it in one line, never switched silently', async () => {
  const { context, page } = await openPage(browser, server.url, { locale: 'en-US' });
  await waitForApp(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'ja', 'still Japanese');
  assert.match(await page.textContent('#english-offer'), /also available in English/);
  await page.click('#english-offer button');
  assert.match(await page.textContent('h1'), /CrowdWorks fee subsidy self-check/);
  assert.equal(await page.$('#english-offer'), null);
  await context.close();
});

async function toEarnings(page, mode) {
  await waitForApp(page);
  await page.click('.button-start');
  for (const id of ['residence-lives_in_isumi', 'stay_3_years-yes', 'crowdworks-yes', 'hinode-yes', 'housing-shared']) {
    await page.check(`#${id}`);
    const before = await page.textContent('main h1');
    await page.click('main button[type=submit]');
    await page.waitForFunction((h) => document.querySelector('main h1')?.textContent !== h, before);
  }
  const FY = Number(await page.inputValue('#fiscal-year'));
  await page.click('main button[type=submit]');
  await page.check(`#earn_mode-${mode}`);
  await page.click('main button[type=submit]');
  return FY;
}

test('the contracts and fees pages show a live total as you type', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  const FY = await toEarnings(page, 'detailed');
  await page.waitForSelector('#live-total');
  assert.match(await page.textContent('#live-total'), /入力すると/);
  // ¥250,000 in one contract after 2019-10: 22,000 + 11,000 + 2,750 = ¥35,750; shared cap ¥30,000.
  await page.fill('#c0-p0-date', `${FY}-06-15`);
  await page.fill('#c0-p0-amount', '25万');
  await page.waitForFunction(() => document.querySelector('#live-total').textContent.includes('¥35,750'));
  assert.match(await page.textContent('#live-total'), /助成額の目安 ¥30,000/);
  await context.close();
  const second = await openPage(browser, server.url);
  await toEarnings(second.page, 'actual');
  await second.page.fill('#month-2', '12,000円');
  await second.page.fill('#month-3', '２万');
  // 12,000 + 20,000 = ¥32,000 of fees; the shared cap is ¥30,000.
  await second.page.waitForFunction(() => document.querySelector('#live-total').textContent.includes('¥32,000'));
  assert.match(await second.page.textContent('#live-total'), /¥30,000/);
  assert.deepEqual([...errors, ...second.errors], []);
  await second.context.close();
});
