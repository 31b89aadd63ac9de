// The pre-filled application, in real Chromium against the release build: click through to the
// result, fill in the details, print to PDF and read it back (pdftotext), decode the QR code
// (zbarimg), save and reopen the data file, and check that hostile text stays inert and inside
// the page. Expected figures come from domain.md's arithmetic and the isumi-rules CLI, not the UI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
let server, browser, tmp;
before(async () => {
  server = await serve();
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isumi-application-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** The fiscal year (April–March) the app picks by default: the one containing today. */
const FY = (() => { const d = new Date(); return d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1; })();

// domain.md §2: ¥130,000 in one contract as milestones 50k/30k/50k, after 2019-10, costs
// 11,000 + 6,600 + 7,700 = ¥25,300 in fees; under the ¥50,000 cap of individual housing that is
// also the subsidy.
const MILESTONES = [[`${FY}-05-10`, '50000'], [`${FY}-06-10`, '30000'], [`${FY}-07-10`, '50000']];
const EXPECTED_SUBSIDY = 11000 + 6600 + 7700;

const DETAILS = {
  'applicant-name': 'いすみ 太郎',
  'applicant-furigana': 'イスミ　タロウ',
  'applicant-birth_date': 'H2.4.1',
  'applicant-address': '千葉県いすみ市大原0000',
  'applicant-phone': '0470-00-0000',
  'applicant-email': 'taro@example.jp',
  'applicant-bank-bank_name': '千葉銀行',
  'applicant-bank-bank_code': '0134',
  'applicant-bank-branch_code': '123',
  'applicant-bank-account_number': '0123456',
  'applicant-bank-holder_kana': 'イスミ　タロウ',
};

/** Presses the page's submit button (continue) without waiting: for a page that stays. */
const submit = (page) => page.click('form button[type=submit]');
/** Continues and waits until the next page (a new heading) is shown. */
async function next(page) {
  const heading = await page.textContent('h1');
  await submit(page);
  await page.waitForFunction((h) => document.querySelector('h1')?.textContent !== h, heading);
}
const squash = (s) => s.replace(/\s+/g, '');

/** Start → eligible answers → housing → this fiscal year → earnings mode. */
async function answer(page, { housing = 'individual', mode = 'detailed' } = {}) {
  await waitForApp(page);
  await page.click('.button-start');
  await page.click('#residence-lives_in_isumi'); await next(page);
  await page.click('#stay_3_years-yes'); await next(page);
  await page.click('#crowdworks-yes'); await next(page);
  await page.click('#hinode-yes'); await next(page);
  await page.click(`#housing-${housing}`); await next(page);
  await next(page); // the fiscal year: the current one
  await page.click(`#earn_mode-${mode}`); await next(page);
}

/** The whole flow to the result page with the milestone payments. */
async function toResult(page) {
  await answer(page);
  for (const [i, [date, amount]] of MILESTONES.entries()) {
    if (i > 0) await page.click('button:has-text("支払いを追加")');
    await page.fill(`#c0-p${i}-date`, date);
    await page.fill(`#c0-p${i}-amount`, amount);
  }
  await next(page); // → check your answers
  await next(page); // → result
  await page.waitForSelector('#make-application');
}

/** Result page with no estimate (for opening a file in a fresh browser). */
async function toEmptyResult(page) {
  await answer(page, { mode: 'skip' });
  await next(page); // check your answers → result
  await page.waitForSelector('#open-data');
}

async function fillDetails(page, details = DETAILS) {
  await page.click('#make-application');
  await page.waitForSelector('#applicant-name');
  for (const [id, value] of Object.entries(details)) await page.fill(`#${id}`, value);
}

async function toApplication(page) {
  await next(page);
  await page.waitForSelector('.sheet');
}

async function printPdf(page, name) {
  await page.emulateMedia({ media: 'print' });
  const file = path.join(tmp, name);
  fs.writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  return file;
}

const pdfPages = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
const pdfText = (file, ...args) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });

/** Runs the staff CLI on a scenario file and returns its outcome. */
function cli(file) {
  const built = ['debug', 'release'].map((p) => path.join(ROOT, 'target', p, 'isumi-rules')).find((p) => fs.existsSync(p));
  const out = built
    ? execFileSync(built, [file], { encoding: 'utf8' })
    : execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'isumi-rules', '--', file], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out);
}

async function saveData(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-data')]);
  assert.match(download.suggestedFilename(), /^isumi-check-\d{4}-\d{2}-\d{2}\.json$/);
  const file = path.join(tmp, name);
  await download.saveAs(file);
  return file;
}

test('the printed application holds the name, a 令和 date and the computed amount, on two A4 pages, then the calculation', async () => {
  const { context, page, errors } = await openPage(browser, server.url, { viewport: { width: 1000, height: 900 } });
  await toResult(page);
  await fillDetails(page);
  // The amount is left blank: the form takes the estimate, and the page says which.
  assert.match(await page.textContent('#applicant-requested_amount-hint'), /¥25,300/);
  await toApplication(page);
  assert.equal(await page.textContent('#doc-amount'), '25,300');
  // The current fiscal year has not ended: the amount is a forecast, claimed after the year ends.
  const forecast = await page.textContent('#doc-forecast');
  assert.match(forecast, /^\(見込み\)/, forecast);
  assert.match(forecast, /年度末/, forecast);

  // 別紙2's chart prints legibly: its labels at 9 pt (12 CSS px) or more on the A4 page.
  await page.setViewportSize({ width: 680, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const printedFont = await page.evaluate(() => {
    const svg = document.querySelector('.sheet-calc svg.chart');
    const text = svg.querySelector('text');
    return (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width) * parseFloat(getComputedStyle(text).fontSize);
  });
  assert.ok(printedFont >= 12, `chart labels print at ${printedFont.toFixed(1)} CSS px`);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1000, height: 900 });

  const pdf = await printPdf(page, 'application.pdf');
  assert.equal(pdfPages(pdf), 3, 'the form on two pages, the calculation on a third');
  const text = squash(pdfText(pdf, '-l', '2'));
  assert.ok(text.includes(squash(DETAILS['applicant-name'])), 'the name');
  assert.ok(text.includes('平成2年4月1日'), 'the date of birth in the era calendar');
  assert.match(text, /令和\d+年\d{1,2}月\d{1,2}日/, 'a 令和 date');
  assert.ok(text.includes(`金${EXPECTED_SUBSIDY.toLocaleString('en')}円`), `the amount ${EXPECTED_SUBSIDY}`);
  assert.ok(text.includes('(見込み)'), 'the amount is printed as a forecast');
  for (const s of ['いすみ市長様', '次のとおり申請します', '記', '誓約', '振込先', '0134', '口座名義', '氏名(自署)',
    '住民票(マイナンバーの記載のないもの)', 'ルール版', '申請者が作成した下書き', '最終的な判断は窓口で行われます']) {
    assert.ok(text.includes(squash(s)), `PDF has ${s}`);
  }
  // The breakdown: 3 payments, 130,000 yen, 25,300 yen of fees.
  const sheet2 = pdfText(pdf, '-layout', '-f', '2', '-l', '2');
  for (const [month, pay, fee] of [[5, '50,000', '11,000'], [6, '30,000', '6,600'], [7, '50,000', '7,700']]) {
    assert.match(sheet2, new RegExp(`${FY}年${month}月\\s+1\\s+${pay}円\\s+${fee}円`), `row of month ${month}`);
  }
  assert.match(sheet2, /合計\s+3\s+130,000円\s+25,300円/, 'totals row');
  // 別紙2: the chart with both caps, and the calculation step by step.
  const sheet3 = squash(pdfText(pdf, '-f', '3', '-l', '3'));
  for (const s of ['別紙2計算の内訳', '共同物件¥30,000', '個人の物件¥50,000', 'あなた', '計算の手順', '助成の対象外と考えられるもの']) {
    assert.ok(sheet3.includes(s), `sheet 3 has ${s}: ${sheet3.slice(0, 400)}`);
  }
  assert.ok(sheet3.includes('25,300'), 'the fees of the year in the trace');
  // None of the app's own interface prints.
  for (const s of ['印刷する(PDFに保存)', 'データを保存', 'データを開く', '回答を消去', 'English', '申請者の情報に戻る', '次へ進む']) {
    assert.ok(!text.includes(s), `the UI text ${s} is not printed: ${text.slice(Math.max(0, text.indexOf(s) - 40), text.indexOf(s) + 40)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the QR code decodes to the same data as the saved file', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'ja-JP', deviceScaleFactor: 3 });
  const page = await context.newPage();
  await page.goto(server.url);
  await toResult(page);
  await fillDetails(page);
  await toApplication(page);
  const saved = JSON.parse(fs.readFileSync(await saveData(page, 'for-qr.json'), 'utf8'));
  assert.equal(await page.getAttribute('#application-qr', 'data-detail'), 'full');
  const png = path.join(tmp, 'qr.png');
  await page.locator('#application-qr').screenshot({ path: png });
  const decoded = execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).trim();
  assert.match(decoded, /^[\x20-\x7e]+$/, 'an ASCII payload');
  const data = JSON.parse(decoded);
  assert.deepEqual(data, saved);
  assert.equal(data.format, 'isumi-check');
  assert.equal(data.format_version, 2);
  assert.equal(data.applicant.name, DETAILS['applicant-name']);
  assert.equal(data.estimate.contracts[0].payments.length, 3);
  await context.close();
});

test('the data file round-trips: the CLI reads it, and a fresh browser shows the same figures', async () => {
  const first = await openPage(browser, server.url, { viewport: { width: 1000, height: 900 } });
  await toResult(first.page);
  const figures = await first.page.textContent('.figures');
  assert.ok(figures.includes(`¥${EXPECTED_SUBSIDY.toLocaleString('en')}`), figures);
  const file = await saveData(first.page, 'scenario.json');
  await first.context.close();

  const outcome = cli(file);
  assert.equal(outcome.subsidy.low.subsidy, EXPECTED_SUBSIDY);
  assert.equal(outcome.subsidy.low.fees, EXPECTED_SUBSIDY);

  const { context, page, errors } = await openPage(browser, server.url, { viewport: { width: 1000, height: 900 } });
  await toEmptyResult(page);
  assert.equal(await page.$('.figures'), null, 'no estimate before opening');
  // A file that is not a scenario: a clear message, the answers stay.
  const heading = await page.textContent('h1');
  await page.setInputFiles('#open-data-input', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other"}') });
  await page.waitForSelector('#data-file-error');
  assert.match(await page.textContent('#data-file-error'), /開けませんでした.*いすみチェックのファイルではありません/);
  assert.equal(await page.textContent('h1'), heading);
  await page.setInputFiles('#open-data-input', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
  await page.waitForFunction(() => /JSON/.test(document.querySelector('#data-file-error')?.textContent || ''));
  // The real file.
  await page.setInputFiles('#open-data-input', file);
  await page.waitForSelector('#result-subsidy');
  assert.equal(await page.textContent('.figures'), figures);
  assert.match(await page.textContent('#app .notice'), /開きました/);
  assert.equal(await page.$('#data-file-error'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

/** A 200-character name that tries to be HTML. (Right-to-left overrides are refused outright:
 * see the test of bidi controls below.) */
const HOSTILE = (() => {
  const start = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  return start + 'あ'.repeat(200 - [...start].length);
})();

/** A scenario with 40 payments (4 contracts over every month of the year) and hostile details. */
function bigScenario() {
  const contracts = [0, 1, 2, 3].map((c) => ({
    label: `<b>契約${c}</b>`,
    kind: 'fixed',
    payments: Array.from({ length: 10 }, (_, i) => {
      const n = c * 10 + i;
      const month = ((3 + (n % 12)) % 12) + 1;
      const year = month >= 4 ? FY : FY + 1;
      return { date: `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(n / 12)).padStart(2, '0')}`, amount: 10000 + 1000 * n };
    }),
  }));
  return {
    format: 'isumi-check', format_version: 2, lang: 'ja', fiscal_year: FY,
    answers: { residence: 'lives_in_isumi', stay_3_years: 'yes', crowdworks_account: 'yes', hinode_special_member: 'yes', housing: 'shared' },
    estimate: { mode: 'detailed', contracts },
    applicant: {
      name: HOSTILE,
      address: `${'<svg onload=alert(3)>'.repeat(8)}`,
      email: 'a@example.jp',
      crowdworks_user: 'W'.repeat(120),
      bank: { bank_name: '<iframe src=javascript:alert(4)>', holder_kana: 'イスミ'.repeat(40) },
    },
  };
}

test('a right-to-left override is refused: in a file (naming the field) and as typed (with a message)', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  await waitForApp(page);
  const scenario = bigScenario();
  scenario.applicant = { name: 'いすみ 太郎', address: '千葉県いすみ市大原\u202E1234' };
  await page.setInputFiles('#open-data-input', { name: 'rtl.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.waitForSelector('#data-file-error');
  const refusal = await page.textContent('#data-file-error');
  assert.match(refusal, /applicant\.address/);
  assert.match(refusal, /文字の向き/);
  assert.equal(await page.$('.verdict'), null, 'nothing opened');
  // Typed into the form: an error naming the field, and the text kept as typed to fix.
  await toResult(page);
  await fillDetails(page, { 'applicant-address': '千葉県いすみ市大原\u202E1234' });
  await submit(page);
  await page.waitForSelector('.error-summary');
  assert.match(await page.textContent('.error-summary'), /住所.*文字の向き/);
  assert.equal(await page.inputValue('#applicant-address'), '千葉県いすみ市大原\u202E1234');
  assert.deepEqual(errors, []);
  await context.close();
});

test('hostile text and 40 payments: inert, inside the page, the form still two pages', async () => {
  const file = path.join(tmp, 'big.json');
  fs.writeFileSync(file, JSON.stringify(bigScenario(), null, 2));
  const expected = cli(file);
  const { context, page, errors } = await openPage(browser, server.url, { viewport: { width: 1000, height: 900 } });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await toEmptyResult(page);
  await page.setInputFiles('#open-data-input', file);
  await page.waitForSelector('#result-subsidy');
  await page.click('#make-application');
  assert.equal(await page.inputValue('#applicant-name'), HOSTILE, 'opened as typed');
  await toApplication(page);

  // Inert: shown as text, no element made from it, no dialog.
  assert.ok((await page.textContent('.sheet')).includes('<img src=x onerror=alert(1)>'));
  assert.equal(await page.locator('#app img, #app script, #app iframe, .sheet b').count(), 0);
  assert.equal(await page.locator('svg[onload]').count(), 0);
  // The subsidy of 40 payments is capped at the shared-housing cap; the engine agrees.
  assert.equal(await page.textContent('#doc-amount'), expected.subsidy.low.subsidy.toLocaleString('en'));
  assert.equal(expected.subsidy.low.subsidy, 30000);
  // This much text does not fit in a QR code: the form goes without one, and says so.
  assert.equal(await page.locator('#application-qr').count(), 0);
  assert.match(await page.textContent('.doc-qr-none'), /QRコードは付けていません/);

  // Inside the page: at the printable width of A4 (210 − 2 × 15 mm = 180 mm = 680 px).
  await page.setViewportSize({ width: 680, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  const outside = await page.evaluate(() => {
    const bad = [];
    for (const sheet of document.querySelectorAll('.sheet')) {
      const box = sheet.getBoundingClientRect();
      if (sheet.scrollWidth > sheet.clientWidth + 1) bad.push(`sheet scrolls: ${sheet.scrollWidth} > ${sheet.clientWidth}`);
      for (const el of sheet.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width && (r.right > box.right + 1 || r.left < box.left - 1)) bad.push(`${el.tagName}.${el.className} ${r.left}–${r.right} outside ${box.left}–${box.right}`);
      }
    }
    return bad;
  });
  assert.deepEqual(outside, []);
  const pdf = await printPdf(page, 'big.pdf');
  const pages = pdfPages(pdf);
  assert.ok(pages >= 3, `${pages} pages`);
  assert.ok(squash(pdfText(pdf, '-f', '3', '-l', '3')).startsWith('別紙2計算の内訳'), 'the form is still two pages: 別紙2 starts the third');
  // 別紙2 flows over the pages it needs and leaves out no payment: the 40 dates are all there.
  const calc = squash(pdfText(pdf, '-f', '3'));
  assert.ok(calc.includes('計算の手順'));
  const dates = bigScenario().estimate.contracts.flatMap((c) => c.payments.map((p) => p.date.replaceAll('-', '/')));
  assert.equal(new Set(dates).size, 40);
  for (const d of dates) assert.ok(calc.includes(d), `the payment of ${d} is in the printed calculation`);
  // Every word of the PDF lies within the page's side margins (15 mm = 42.5 pt of 595.3 pt).
  const bbox = pdfText(pdf, '-bbox');
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.ok(words.length > 100, `words found: ${words.length}`);
  const margin = (15 / 25.4) * 72;
  for (const [x0, x1] of words) assert.ok(x0 >= margin - 2 && x1 <= 595.28 - margin + 2, `word at ${x0}–${x1} pt outside the margins`);
  // Sheet 2 still ends with the draft line, and the breakdown has the 12 months.
  const sheet2 = pdfText(pdf, '-layout', '-f', '2', '-l', '2');
  assert.ok(squash(sheet2).includes('最終的な判断は窓口で行われます'), 'the end of sheet 2 is printed');
  assert.match(sheet2, /合計\s+40\s/, 'all 40 payments counted');
  assert.match(sheet2, new RegExp(`${FY + 1}年3月\\s+\\d+\\s`), 'the last month of the year has payments');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('40 payments with ordinary details: the QR code holds the fees per month, with the same subsidy', async () => {
  const scenario = bigScenario();
  scenario.applicant = { name: 'いすみ 花子', address: '千葉県いすみ市岬町0000' };
  const file = path.join(tmp, 'forty.json');
  fs.writeFileSync(file, JSON.stringify(scenario));
  const expected = cli(file);
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'ja-JP', deviceScaleFactor: 3 });
  const page = await context.newPage();
  await page.goto(server.url);
  await toEmptyResult(page);
  await page.setInputFiles('#open-data-input', file);
  await page.waitForSelector('#result-subsidy');
  await page.click('#make-application');
  await toApplication(page);
  assert.equal(await page.getAttribute('#application-qr', 'data-detail'), 'monthly');
  assert.match(await page.textContent('.doc-qr figcaption'), /月別の手数料の集計/);
  const png = path.join(tmp, 'qr-forty.png');
  await page.locator('#application-qr').screenshot({ path: png });
  const decoded = JSON.parse(execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }));
  assert.equal(decoded.applicant.name, scenario.applicant.name);
  assert.equal(decoded.applicant.address, scenario.applicant.address);
  assert.equal(decoded.estimate.mode, 'actual');
  assert.ok(decoded.estimate.months.length <= 12);
  const qrFile = path.join(tmp, 'from-qr.json');
  fs.writeFileSync(qrFile, JSON.stringify(decoded));
  const again = cli(qrFile);
  assert.equal(again.subsidy.low.fees, expected.subsidy.low.fees, 'same fees');
  assert.equal(again.subsidy.low.subsidy, expected.subsidy.low.subsidy, 'same subsidy');
  await context.close();
});

test('details: errors block with a linked summary, warnings do not; nothing typed is lost', async () => {
  const { context, page } = await openPage(browser, server.url);
  await toResult(page);
  await fillDetails(page, { 'applicant-name': 'いすみ 太郎', 'applicant-furigana': 'いすみ たろう', 'applicant-bank-bank_code': '12', 'applicant-address': '東京都千代田区1-1' });
  // The katakana offer converts the hiragana reading.
  await page.click('#applicant-furigana-convert');
  assert.equal(await page.inputValue('#applicant-furigana'), 'イスミ　タロウ');
  // An address outside Isumi is a warning, shown at once, not an error.
  assert.match(await page.textContent('#applicant-address-warning'), /いすみ市/);
  await submit(page);
  await page.waitForSelector('.error-summary');
  const links = await page.locator('.error-summary a').allTextContents();
  assert.deepEqual(links, ['金融機関コード: 4桁の数字で入力してください。']);
  await page.click('.error-summary a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'applicant-bank-bank_code');
  assert.equal(await page.inputValue('#applicant-bank-bank_code'), '12', 'kept as typed');
  assert.equal(await page.inputValue('#applicant-name'), 'いすみ 太郎');
  await page.fill('#applicant-bank-bank_code', '０１３４'); // full-width digits are fine
  await next(page);
  await page.waitForSelector('.sheet');
  await context.close();
});

test('personal details stay on the device only when ticked, survive a reload of the tab, and the clear button removes them', async () => {
  const { context, page } = await openPage(browser, server.url);
  const stored = () => page.evaluate(() => localStorage.getItem('isumi-check/answers/v2') || '');
  await toResult(page);
  await fillDetails(page, { 'applicant-name': '保存太郎' });
  assert.ok(!(await stored()).includes('保存太郎'), 'not stored on the device while unticked');
  assert.equal(await page.isChecked('#save-personal'), false);
  // A reload of the same tab loses nothing typed (session storage, gone with the tab).
  await page.reload();
  await page.waitForSelector('#applicant-name');
  assert.equal(await page.inputValue('#applicant-name'), '保存太郎', 'kept through a reload of the tab');
  assert.ok(!(await stored()).includes('保存太郎'), 'still not on the device');
  // Another tab of the same browser (a new session): the answers, not the personal details.
  const other = await context.newPage();
  await other.goto(page.url());
  await other.waitForSelector('#applicant-name');
  assert.equal(await other.inputValue('#applicant-name'), '', 'not in another tab while unticked');
  await other.close();
  await page.check('#save-personal');
  assert.ok((await stored()).includes('保存太郎'), 'stored once ticked');
  await page.reload();
  await page.waitForSelector('#applicant-name');
  assert.equal(await page.inputValue('#applicant-name'), '保存太郎', 'kept after a reload');
  await page.click('#clear-personal');
  assert.equal(await page.inputValue('#applicant-name'), '');
  assert.equal(await page.isChecked('#save-personal'), false);
  assert.ok(!(await stored()).includes('保存太郎'), 'removed from the device');
  assert.ok((await stored()).includes('lives_in_isumi'), 'the answers stay');
  await context.close();
});

test('in English the buttons follow the UI, the form stays Japanese', async () => {
  const { context, page } = await openPage(browser, server.url, { viewport: { width: 1000, height: 900 } });
  await toResult(page);
  await fillDetails(page, { 'applicant-name': 'Taro Isumi' });
  await page.click('#lang-switch');
  assert.equal(await page.textContent('form button[type=submit]'), 'Show the application');
  await toApplication(page);
  assert.match(await page.textContent('#print-application'), /Print/);
  assert.equal(await page.getAttribute('.sheet', 'lang'), 'ja');
  assert.match(await page.textContent('.sheet'), /いすみ市長/);
  await context.close();
});
