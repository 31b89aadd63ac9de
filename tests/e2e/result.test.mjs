// The answer first (issue 13): on a phone the result's first screen holds the verdict, the subsidy
// and the one next step; the rest sits in disclosures; the chart's text is legible on a phone; the
// trace groups identical payments; every value links to its source.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TODAY = new Date();
const FY = TODAY.getUTCMonth() >= 3 ? TODAY.getUTCFullYear() : TODAY.getUTCFullYear() - 1;

/** A writer in a shared house: ¥125,000 a month in ¥12,500 articles (ten a month). */
const WRITER = {
  format: 'isumi-check', format_version: 2, lang: 'ja', fiscal_year: FY,
  answers: { residence: 'lives_in_isumi', stay_3_years: 'yes', crowdworks_account: 'yes', hinode_special_member: 'yes', housing: 'shared' },
  estimate: { mode: 'quick', monthly_earnings: 125000, contract_size: 12500, mix: { fixed: 100, hourly: 0, task: 0 } },
};

async function openResult(page, scenario = WRITER) {
  await waitForApp(page);
  await page.setInputFiles('#open-data-input', { name: 'writer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await page.waitForSelector('#result-subsidy');
}

/** Whether the element's box lies wholly in the first screen. */
const aboveTheFold = (page, selector) => page.$eval(selector, (el) => {
  const r = el.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight;
});

test('at 390×844 the first screen holds the verdict, the subsidy and the next step', async () => {
  const { context, page, errors } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
  await openResult(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const sel of ['.verdict h1', '#result-subsidy', '#first-step']) {
    assert.ok(await aboveTheFold(page, sel), `${sel} above the fold`);
  }
  // 125,000 × 12 = 1.5 million a year; fees far over the ¥30,000 shared cap.
  assert.match(await page.textContent('#result-subsidy'), /¥30,000/);
  assert.match(await page.textContent('#first-step'), /支払い明細/, 'all conditions met: keep the statements');
  // The ordered checklist: keep the statements, then apply after the year ends.
  const steps = await page.locator('.next-steps li').allTextContents();
  assert.equal(steps.length, 2);
  assert.match(steps[1], /年度末/);
  // The rest is in disclosures, closed, and opens from the keyboard.
  for (const id of ['criteria', 'figures', 'trace', 'assumptions', 'sources']) {
    assert.equal(await page.$eval(`#${id}`, (d) => d.tagName === 'DETAILS' && !d.open), true, `#${id} is a closed disclosure`);
  }
  await page.focus('#assumptions summary');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('#assumptions', (d) => d.open), true);
  assert.match(await page.textContent('#assumptions summary'), /\d+件/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chart\'s text is at least 12 px on a phone, and its ticks say their exact value', async () => {
  for (const width of [320, 390]) {
    const { context, page } = await openPage(browser, server.url, { viewport: { width, height: 800 } });
    await openResult(page);
    await page.click('#figures summary');
    await page.waitForSelector('svg.chart');
    const sizes = await page.$$eval('svg.chart text', (texts) => {
      const svg = document.querySelector('svg.chart');
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    });
    assert.ok(sizes.length > 5);
    assert.ok(Math.min(...sizes) >= 12, `${width} px wide: smallest text ${Math.min(...sizes).toFixed(1)} px`);
    // No rounded labels: every y tick is a multiple of what it says.
    const labels = await page.$$eval('svg.chart text', (texts) => texts.map((t) => t.textContent));
    assert.ok(labels.includes('2万円') && labels.includes('6万円'), labels.join(' '));
    // The same figures as a table.
    assert.ok((await page.locator('.chart-table tbody tr').count()) >= 3);
    await context.close();
  }
});

test('the trace groups identical payments; every value links to its source', async () => {
  const { context, page } = await openPage(browser, server.url, { viewport: { width: 1000, height: 900 } });
  await openResult(page);
  await page.click('#trace summary');
  const lines = await page.locator('#trace .trace li').allTextContents();
  // 10 articles a month × 12 months: one line, not 120.
  const grouped = lines.filter((l) => l.includes('× 20%'));
  assert.equal(grouped.length, 1, lines.join('\n'));
  assert.ok(grouped[0].includes('¥12,500 × 120件（毎月10件 × 12か月）'), grouped[0]);
  assert.match(grouped[0], /¥2,750 × 120件 = ¥330,000/);
  await page.click('#sources summary');
  const links = await page.$$eval('#sources a', (as) => as.map((a) => a.href));
  assert.ok(links.length >= 6, `${links.length} sources`);
  assert.ok(links.every((h) => h.startsWith('https://')));
  // Each value with the day its source was checked (rules.json's "checked", as a Japanese date).
  const items = await page.$$eval('#sources li', (ls) => ls.map((l) => l.textContent));
  assert.ok(items.length >= links.length, items.join('\n'));
  for (const item of items) assert.match(item, /(\d{4}年\d{1,2}月\d{1,2}日|令和\d+年\d{1,2}月\d{1,2}日)確認/, item);
  await context.close();
});
