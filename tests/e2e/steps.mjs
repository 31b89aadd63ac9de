// Steps shared by the flow tests: how a person moves through the self-check.

/** Waits for the app and presses the start button. */
export async function start(page) {
  await page.waitForSelector('.button-start:not([disabled])', { timeout: 30000 });
  await page.click('.button-start');
  await page.waitForSelector('#residence-lives_in_isumi');
}

/** Picks the radio `id` and continues; waits until the page has changed. */
export async function choose(page, id) {
  await page.check(`#${id}`);
  const heading = await page.textContent('h1');
  await page.click('button[type=submit]');
  await page.waitForFunction((h) => document.querySelector('h1')?.textContent !== h, heading);
}

/** From the first question through an eligible person's answers (living in Isumi, yes to the
 * stay, CrowdWorks and hinode, `housing`) and the fiscal year as offered, to the earnings question. */
export async function answerEligible(page, { housing = 'shared' } = {}) {
  for (const id of ['residence-lives_in_isumi', 'stay_3_years-yes', 'crowdworks-yes', 'hinode-yes', `housing-${housing}`]) {
    await choose(page, id);
  }
  await page.click('main button[type=submit]'); // the fiscal year: the one offered first
  await page.waitForSelector('#earn_mode-quick');
}

/** Fills the quick estimate and continues. */
export async function quickEstimate(page, { monthly, size }) {
  await page.fill('#quick-monthly', monthly);
  await page.fill('#quick-size', size);
  await page.click('button[type=submit]');
}

/** From the check page to the result. */
export async function toResult(page) {
  await page.waitForSelector('h1:has-text("回答の確認"), h1:has-text("Check your answers")');
  await page.click('.button-row button[type=submit]');
  await page.waitForSelector('.verdict');
}

/** The value of the result figure labelled `label`. */
export async function figure(page, label) {
  return (await page.locator('.figure', { has: page.locator(`dt:text-is("${label}")`) }).locator('dd').textContent()).trim();
}

/**
 * Every screen of the app, by its URL, with the heading that shows it was reached (not redirected
 * by a guard) and what to choose first where a guard needs an answer: the contracts and fees pages
 * open only in their own earnings mode. Needs answers up to an application (see `toApplication`).
 */
export const EVERY_SCREEN = [
  { hash: '#/', h1: /手数料助成 セルフチェック/ },
  { hash: '#/residence', h1: /いすみ市に住んでいますか/ },
  { hash: '#/stay-3-years', h1: /3年以上/ },
  { hash: '#/crowdworks', h1: /アカウント/ },
  { hash: '#/hinode', h1: /hinode特別会員ですか/ },
  { hash: '#/housing', h1: /住まい/ },
  { hash: '#/fiscal-year', h1: /年度/ },
  { hash: '#/earnings', h1: /収入をどう入力/ },
  { hash: '#/earnings/contracts', h1: /契約ごとの支払い/, mode: 'detailed' },
  { hash: '#/earnings/fees', h1: /支払ったシステム利用料/, mode: 'actual' },
  { hash: '#/earnings/quick', h1: /収入\(おおまか\)|収入(おおまか)/, mode: 'quick' },
  { hash: '#/check', h1: /回答の確認/ },
  { hash: '#/result', h1: /助成/ },
  { hash: '#/change/housing', h1: /住まい/ },
  { hash: '#/apply', h1: /申請者の情報/ },
  { hash: '#/apply/print', h1: /申請書の下書き/ },
  { hash: '#seminar', h1: /セルフチェック/ },
  { hash: '#seminar/1', h1: /./ },
  { hash: '#seminar/compare/1', h1: /比べる/ },
  { hash: '#seminar/check', h1: /計算確認/ },
];

/** Opens `screen` by its URL (choosing its earnings mode first if it needs one) and waits until
 * its heading shows; throws if a guard sent the page elsewhere. */
export async function openScreen(page, screen) {
  if (screen.mode) {
    await page.evaluate(() => { location.hash = '#/earnings'; });
    await page.waitForSelector(`#earn_mode-${screen.mode}`);
    await page.check(`#earn_mode-${screen.mode}`);
  }
  await page.evaluate((h) => { location.hash = h; }, screen.hash);
  await page.waitForFunction(({ hash, source }) => location.hash === hash
    && new RegExp(source).test(document.querySelector('#app h1, #start-ja:not([hidden]) h1')?.textContent || ''),
  { hash: screen.hash, source: screen.h1.source }, { timeout: 15000 });
}

/** From the result page to the printable application (a name typed, the rest as answered). */
export async function toApplication(page) {
  await page.click('#make-application');
  await page.waitForSelector('#applicant-name');
  await page.fill('#applicant-name', 'いすみ 花子');
  await page.click('button[type=submit]');
  await page.waitForSelector('.sheet');
}
