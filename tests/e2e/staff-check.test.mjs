// The staff check (#seminar/check, issue 13): reached from seminar mode, it fetches the worked
// examples only when opened, recomputes them in the browser, and says passed or failed under the
// rules' version, date and hash. A copy whose table disagrees, or lacks it, is not called verified.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const table = fs.readFileSync('tests/cases.json', 'utf8');
const cases = JSON.parse(table);
const examples = ['fees', 'fee_errors', 'subsidy', 'scenarios', 'timing'].reduce((n, s) => n + cases[s].length, 0);
const rulesFile = fs.readFileSync('src/rules/rules.json');
const rules = JSON.parse(rulesFile.toString('utf8'));

/** FNV-1a 64 as 16 hex digits: the hash the app shows for a file. */
function fnv1a64(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

const verdict = (page) => page.waitForSelector('#staff-check-status[data-verdict]').then((el) => el.getAttribute('data-verdict'));
const tableRequested = () => server.requests.some((p) => p.endsWith('/cases.json'));

test('from seminar mode: every worked example passes in this browser, under the rules stamp', async () => {
  const { context, page, errors } = await openPage(browser, server.url, { viewport: { width: 1280, height: 720 } });
  await waitForApp(page);
  await page.click('.seminar-entry a');
  await page.waitForSelector('#staff-check-link');
  assert.equal(tableRequested(), false, 'the table is not loaded before the check is opened');

  await page.click('#staff-check-link');
  assert.equal(await verdict(page), 'pass');
  assert.equal(await page.evaluate(() => location.hash), '#seminar/check');
  assert.ok(tableRequested(), 'fetched beside the page, under the sub-path');
  assert.match(await page.textContent('#staff-check-status'), new RegExp(`${examples} 件の計算例すべてが一致しました`));
  assert.equal(await page.$$eval('#staff-check-table tbody tr.check-pass', (rows) => rows.length), examples);
  assert.equal(await page.$$eval('#staff-check-table tbody tr.check-fail', (rows) => rows.length), 0);
  assert.equal(await page.textContent('#staff-check-version'), rules.version);
  assert.equal(await page.textContent('#staff-check-date'), rules.checked);
  assert.equal(await page.textContent('#staff-check-hash'), fnv1a64(rulesFile));
  assert.equal(await page.textContent('#staff-check-table-hash'), fnv1a64(Buffer.from(table)));

  // A bookmark and a reload land on it again; the seminar bar leads back to the personas.
  await page.reload();
  assert.equal(await verdict(page), 'pass');
  await page.keyboard.press('1');
  await page.waitForFunction(() => location.hash === '#seminar/1');
  await page.goBack();
  assert.equal(await verdict(page), 'pass');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a copy whose table disagrees is named, figure by figure, and not called verified', async () => {
  const { context, page } = await openPage(browser);
  const changed = table.replace('"fee_with_tax": [32500]', '"fee_with_tax": [32400]');
  assert.notEqual(changed, table);
  await page.route('**/cases.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: changed }));
  await page.goto(server.url + '#seminar/check');
  assert.equal(await verdict(page), 'fail');
  assert.match(await page.textContent('#staff-check-status'), new RegExp(`${examples} 件中 1 件が一致しません`));
  const failed = await page.$$eval('#staff-check-table tr.check-fail', (rows) => rows.map((r) => r.textContent));
  assert.equal(failed.length, 1);
  assert.match(failed[0], /fee with tax: \[32400\] expected, \[32500\] computed/);
  await context.close();
});

test('a copy without its table says it could not check, and fits a phone', async () => {
  const { context, page } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
  await page.route('**/cases.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto(server.url + '#seminar/check');
  assert.equal(await verdict(page), 'error');
  assert.match(await page.textContent('#staff-check-status'), /確認できませんでした.*HTTP 404/s);
  assert.equal(await page.$('#staff-check-table'), null, 'no table of passes to misread');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow} px)`);
  await context.close();
});
