// The self-check as people use it: click through the questions to a result, go back, change an
// answer, reload and resume, survive corrupt storage, switch to English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';
import { choose, start, quickEstimate, toResult, figure } from './steps.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('an eligible writer in a shared house: eligible, ¥30,000 cap reached', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  await start(page);
  await choose(page, 'residence-lives_in_isumi');
  await choose(page, 'stay_3_years-yes');
  await choose(page, 'crowdworks-yes');
  await choose(page, 'hinode-yes');
  await choose(page, 'housing-shared');
  await page.click('button[type=submit]'); // fiscal year: this year
  await choose(page, 'earn_mode-quick');
  // Full-width digits and 万 as a phone's Japanese keyboard gives them.
  assert.match(await page.textContent('#live-estimate'), /金額を入力すると/);
  await page.fill('#quick-size', '1万2000');
  // 20,000 a month: 4,400 of fees a month, 52,800 a year: the ¥30,000 cap already.
  await page.fill('#quick-monthly', '２万');
  assert.match(await page.textContent('#live-estimate'), /年 ¥30,000/);
  // 5,000 a month: 1,100 a month, 13,200 a year, under the cap: the live figure follows.
  await page.fill('#quick-monthly', '5000');
  assert.match(await page.textContent('#live-estimate'), /年 ¥13,200/);
  await quickEstimate(page, { monthly: '１５万円', size: '1万2000' });
  await toResult(page);
  assert.match(await page.textContent('.verdict h1'), /助成の対象になる見込みです/);
  // 150,000 a month at 20% + 10% tax = 33,000 of fees a month: far over the ¥30,000 cap.
  assert.equal(await figure(page, '助成額'), '¥30,000');
  assert.equal(await figure(page, '上限'), '¥30,000');
  assert.equal(await page.locator('.criterion[data-status="met"]').count(), 4);
  assert.match(await page.textContent('#assumptions-title + ul'), /支払日/);
  assert.match(await page.textContent('.result'), /ルール版 \d{4}\.\d+\.\d+/);
  assert.match(await page.textContent('.result'), /最終的な判断は窓口で行われます/);
  assert.equal(await page.locator('svg.chart').count(), 1, 'the chart is drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('someone on a trial stay who will not live in Isumi: not eligible, and told what would change it', async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);
  await choose(page, 'residence-not_planning');
  // Branching: no 3-year question for someone not planning to live there.
  await page.waitForSelector('#crowdworks-yes');
  await choose(page, 'crowdworks-yes');
  await choose(page, 'hinode-no');
  await choose(page, 'housing-individual');
  await page.click('button[type=submit]');
  await choose(page, 'earn_mode-skip');
  await toResult(page);
  assert.match(await page.textContent('.verdict h1'), /対象外/);
  assert.ok(await page.locator('.criterion[data-status="not_met"]').count() >= 1);
  assert.match(await page.textContent('.result'), /対象になるには/);
  assert.match(await page.textContent('.result'), /試算はありません/);
  await context.close();
});

test('「わからない」 never makes a person ineligible, and the range between both caps is shown', async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);
  await choose(page, 'residence-unknown');
  await choose(page, 'stay_3_years-unknown');
  await choose(page, 'crowdworks-unknown');
  await choose(page, 'hinode-unknown');
  await choose(page, 'housing-undecided');
  await page.click('button[type=submit]');
  await choose(page, 'earn_mode-quick');
  await page.check('#quick-monthly-unknown');
  await page.check('#quick-size-unknown');
  await page.click('button[type=submit]');
  await toResult(page);
  const verdict = await page.textContent('.verdict h1');
  assert.doesNotMatch(verdict, /対象外/);
  assert.match(verdict, /わからない点/);
  assert.equal(await page.locator('.criterion[data-status="not_met"]').count(), 0);
  assert.match(await figure(page, '上限'), /¥30,000 〜 ¥50,000/);
  assert.match(await page.textContent('.result'), /住まい/);
  await context.close();
});

test('a question left unanswered shows an error summary linked to it, and nothing is lost', async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);
  await page.click('button[type=submit]');
  await page.waitForSelector('.error-summary');
  assert.match(await page.textContent('.error-summary'), /選んでください/);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('error-summary')), true);
  await page.click('.error-summary a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'residence-lives_in_isumi');
  // Bad amounts on the quick page: messages from the engine, typed text kept.
  await choose(page, 'residence-lives_in_isumi');
  await choose(page, 'stay_3_years-yes');
  await choose(page, 'crowdworks-yes');
  await choose(page, 'hinode-yes');
  await choose(page, 'housing-individual');
  await page.click('button[type=submit]');
  await choose(page, 'earn_mode-quick');
  await page.fill('#quick-monthly', 'たくさん');
  await page.fill('#quick-size', '-5000');
  await page.click('button[type=submit]');
  await page.waitForSelector('.error-summary');
  assert.equal(await page.locator('.error-summary li').count(), 2);
  assert.equal(await page.inputValue('#quick-monthly'), 'たくさん');
  assert.equal(await page.inputValue('#quick-size'), '-5000');
  assert.equal(await page.getAttribute('#quick-monthly', 'aria-invalid'), 'true');
  await page.fill('#quick-monthly', '80,000円');
  await page.fill('#quick-size', '２万');
  await page.click('button[type=submit]');
  await page.waitForSelector('h1:has-text("回答の確認")');
  await context.close();
});

test('back, change from the check page, and reload to resume', async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);
  await choose(page, 'residence-lives_in_isumi');
  await choose(page, 'stay_3_years-yes');
  await page.click('.back-link');
  assert.equal(await page.isChecked('#stay_3_years-yes'), true, 'back keeps the answer');
  await page.click('.back-link');
  assert.equal(await page.isChecked('#residence-lives_in_isumi'), true);
  await page.click('button[type=submit]');
  await page.click('button[type=submit]');
  await choose(page, 'crowdworks-yes');
  await choose(page, 'hinode-yes');
  await choose(page, 'housing-shared');
  await page.click('button[type=submit]');
  await choose(page, 'earn_mode-quick');
  await quickEstimate(page, { monthly: '100000', size: '10000' });
  await page.waitForSelector('h1:has-text("回答の確認")');
  // Change the housing from the check page: continue returns to the check page.
  await page.click('.summary-row:has-text("住まいの種類") a');
  await choose(page, 'housing-individual');
  await page.waitForSelector('h1:has-text("回答の確認")');
  assert.match(await page.textContent('.summary-list'), /個人の物件/);
  // Reload: the same page and answers come back, with a notice.
  await page.reload();
  // The app has mounted (its language switch is enabled); the start button is not on this screen.
  await page.waitForSelector('#lang-switch:not([disabled])', { timeout: 30000 });
  await page.waitForSelector('h1:has-text("回答の確認")');
  assert.match(await page.textContent('.summary-list'), /個人の物件/);
  assert.match(await page.textContent('[role=status]'), /復元/);
  await page.click('.button-row button[type=submit]');
  await page.waitForSelector('.verdict');
  // 100,000 a month: 22,000 of fees a month, over the individual cap.
  assert.equal(await figure(page, '助成額'), '¥50,000');
  // 「回答を消去」 deletes them from the device.
  await page.click('#clear-answers');
  await page.waitForSelector('.button-start');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await context.close();
});

test('corrupt saved answers mean a fresh start with a notice, not a crash', async () => {
  const { context, page, errors } = await openPage(browser, null);
  await page.addInitScript(() => localStorage.setItem('isumi-check/answers/v1', '{"step": "result", "answers": 42'));
  await page.goto(server.url);
  await waitForApp(page);
  assert.match(await page.textContent('[role=status]'), /読み込めなかった/);
  await page.click('.button-start');
  await page.waitForSelector('#residence-lives_in_isumi');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the English switch translates the page and the document language', async () => {
  const { context, page } = await openPage(browser, server.url);
  await waitForApp(page);
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /CrowdWorks fee subsidy self-check/);
  await page.click('.button-start');
  assert.match(await page.textContent('h1'), /Do you live in Isumi City/);
  assert.match(await page.textContent('.progress'), /Question 1 of/);
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  assert.match(await page.textContent('h1'), /いすみ市に住んでいますか/);
  await context.close();
});

test('focus moves to each new screen\'s heading', async () => {
  const { context, page } = await openPage(browser, server.url);
  await start(page);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
  await choose(page, 'residence-lives_in_isumi');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /3年以上/);
  await context.close();
});

test('a data file opened on the start page carries on to its result (another device\'s file)', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  await waitForApp(page);
  // domain.md: ¥250,000 in one contract before 2019-10 → 20,000 + 10,000 + 2,500 = ¥32,500 of fees,
  // under the ¥50,000 individual-housing cap.
  const file = {
    format: 'isumi-check', format_version: 1, lang: 'ja', fiscal_year: 2019,
    answers: { residence: 'lives_in_isumi', stay_3_years: 'yes', crowdworks_account: 'yes', hinode_special_member: 'yes', housing: 'individual' },
    estimate: { mode: 'detailed', contracts: [{ label: 'デザイン', kind: 'fixed', payments: [{ date: '2019-06-01', amount: 250000 }] }] },
  };
  await page.setInputFiles('#open-data-input', { name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('.verdict');
  assert.equal(await figure(page, '助成額'), '¥32,500');
  assert.equal(await figure(page, '手数料(税込)'), '¥32,500');
  assert.deepEqual(errors, []);
  await context.close();
});
