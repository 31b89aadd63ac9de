// Dates decide (issue 10): a year before the move is never promised, a payment in another year is
// listed rather than dropped, and the command-line tool gives the same figures from the saved file.
// Every date is relative to today, so the tests mean the same whatever day they run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let server, browser, tmp;
before(async () => { server = await serve(); browser = await launch(); tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isumi-dates-')); });
after(async () => { await browser?.close(); await server?.close(); fs.rmSync(tmp, { recursive: true, force: true }); });

const iso = (d) => d.toISOString().slice(0, 10);
const TODAY = new Date();
/** The fiscal year (April–March) today is in. */
const FY = TODAY.getUTCMonth() >= 3 ? TODAY.getUTCFullYear() : TODAY.getUTCFullYear() - 1;

/** The staff command-line tool on a saved file, as of the same day as the browser. */
function cli(file) {
  const built = ['debug', 'release'].map((p) => path.join(ROOT, 'target', p, 'isumi-rules')).find((p) => fs.existsSync(p));
  const args = ['--today', iso(TODAY), file];
  const out = built
    ? execFileSync(built, args, { encoding: 'utf8' })
    : execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'isumi-rules', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

async function next(page) {
  const before = await page.textContent('main h1');
  await page.click('main button[type=submit]');
  await page.waitForFunction((h) => document.querySelector('main h1')?.textContent !== h, before);
}

async function saveData(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-data')]);
  const file = path.join(tmp, name);
  await download.saveAs(file);
  return file;
}

/** Contracts form: one payment per contract, `[date, amount]`. */
async function contracts(page, payments) {
  for (const [i, [date, amount]] of payments.entries()) {
    if (i > 0) await page.click('button:has-text("契約を追加")');
    await page.fill(`#c${i}-p0-date`, date);
    await page.fill(`#c${i}-p0-amount`, amount);
  }
}

test('a designer moving next April: no subsidy promised for a year that ended before, the first year named, the outlook from the move', async () => {
  const { context, page, errors } = await openPage(browser, server.url, { viewport: { width: 1000, height: 900 } });
  const move = `${FY + 1}-04-01`;
  await waitForApp(page);
  await page.click('.button-start');
  await page.check('#residence-planning_to_move');
  await page.fill('#move-date', move);
  await next(page);
  await page.check('#stay_3_years-yes'); await next(page);
  await page.check('#crowdworks-yes'); await next(page);
  await page.check('#hinode-no'); await next(page);
  await page.check('#housing-individual'); await next(page);
  // The question starts on the first year the person can claim, and marks it.
  assert.equal(await page.inputValue('#fiscal-year'), String(FY + 1));
  assert.match(await page.textContent(`#fiscal-year option[value="${FY + 1}"]`), /最初に対象になる年度/);
  assert.match(await page.textContent(`#fiscal-year option[value="${FY - 1}"]`), /対象外/);
  // The designer picks last year, with contracts paid then.
  await page.selectOption('#fiscal-year', String(FY - 1));
  assert.match(await page.textContent('#fiscal-year-status'), new RegExp(`${FY - 1}年度は、手数料が対象になる日\\(${FY + 1}/04/01\\)より前に終わる年度のため、助成はありません`));
  await next(page);
  await page.check('#earn_mode-detailed'); await next(page);
  // ¥250,000 in one contract after 2019-10: 22,000 + 11,000 + 2,750 = ¥35,750 of fees.
  await contracts(page, [[`${FY - 1}-06-15`, '250000']]);
  await next(page);
  await page.click('.button-row button[type=submit]');
  await page.waitForSelector('.verdict');
  const headline = await page.textContent('.verdict h1');
  assert.doesNotMatch(headline, /見込みです/, 'no "likely eligible" for a year that ended before the move');
  assert.match(headline, new RegExp(`${FY + 1}年度`), 'the first fiscal year is named');
  assert.equal(await page.locator('.figure', { has: page.locator('dt:text-is("助成額")') }).locator('dd').textContent(), '¥0');
  assert.ok(await page.isDisabled('#make-application'), 'no application for that year');
  assert.match(await page.textContent('#application-why'), new RegExp(`${FY - 1}年度は助成の対象になる年度ではないため、申請書は作れません`));
  // The next three years, from the move: FY+1, FY+2, FY+3, each ¥35,750 (under the ¥50,000 cap).
  assert.equal(await page.locator('.outlook-table tbody tr').count(), 3);
  assert.equal((await page.textContent('#outlook-total')).trim(), '¥107,250');
  // Asking for the application by its URL goes back to the result, saying why.
  await page.evaluate(() => { location.hash = '#/apply'; });
  await page.waitForFunction(() => location.hash === '#/result');
  // The same figures from the saved file in the command-line tool.
  const o = cli(await saveData(page, 'designer.json'));
  assert.equal(o.subsidy.low.subsidy, 0);
  assert.equal(o.timing.first_fiscal_year, FY + 1);
  assert.equal(o.timing.positive, false);
  assert.equal(o.application.status, 'not_ready');
  assert.equal(o.application.reason, 'before_eligible');
  assert.deepEqual(o.outlook.total, { low: 107250, high: 107250 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a February payment with the wrong fiscal year chosen is listed as not counted, not dropped', async () => {
  const { context, page, errors } = await openPage(browser, server.url, { viewport: { width: 1000, height: 900 } });
  await waitForApp(page);
  await page.click('.button-start');
  await page.check('#residence-lives_in_isumi');
  await page.fill('#moved-in-date', '2020-04-01');
  await next(page);
  await page.check('#stay_3_years-yes'); await next(page);
  await page.check('#crowdworks-yes'); await next(page);
  await page.check('#hinode-yes');
  await page.fill('#member-date', '2020-05-01');
  await next(page);
  await page.check('#housing-shared'); await next(page);
  await page.selectOption('#fiscal-year', String(FY));
  await next(page);
  await page.check('#earn_mode-detailed'); await next(page);
  // February of calendar year FY belongs to fiscal year FY − 1 (FY's own February is in FY + 1).
  const feb = `${FY}-02-10`;
  await contracts(page, [[feb, '100000']]);
  await next(page);
  await page.click('.button-row button[type=submit]');
  await page.waitForSelector('.verdict');
  assert.doesNotMatch(await page.textContent('.verdict h1'), /見込みです/, 'no verdict over ¥0 of counted fees');
  assert.match(await page.textContent('#nothing-counted'), new RegExp(`${FY - 1}年度`), 'says which year the payment belongs to');
  // The payment itself, with its date and amount, and the year it belongs to.
  assert.match(await page.textContent('#not-counted'), new RegExp(`${FY}/02/10 ¥100,000: .*${FY - 1}年度`));
  const o = cli(await saveData(page, 'wrong-year.json'));
  assert.equal(o.subsidy.low.fees, 0);
  assert.equal(o.subsidy.low.not_counted.length, 1);
  assert.equal(o.subsidy.low.not_counted[0].fiscal_year, FY - 1);
  assert.deepEqual(o.nothing_counted.their_years, [FY - 1]);
  assert.deepEqual(errors, []);
  await context.close();
});
