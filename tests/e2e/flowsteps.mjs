// Steps through the self-check with real clicks, for tests that need a finished flow (seminar,
// CSP, offline). Waits for each page's own field, so a page that does not come fails loudly.

/** Chooses a radio (by id) on a question page and continues; waits for `next` (a selector). */
export async function answer(page, radioId, next) {
  await page.check(`#${radioId}`);
  await page.click('form button[type="submit"]');
  await page.waitForSelector(next, { timeout: 10000 });
}

/** From the start page to the result, as an eligible person in a shared house earning ¥100,000 a
 * month in ¥20,000 contracts. */
export async function walkToResult(page) {
  await page.click('.button-start');
  await page.waitForSelector('#residence-lives_in_isumi');
  await answer(page, 'residence-lives_in_isumi', '#stay_3_years-yes');
  await answer(page, 'stay_3_years-yes', '#crowdworks-yes');
  await answer(page, 'crowdworks-yes', '#hinode-yes');
  await answer(page, 'hinode-yes', '#housing-shared');
  await answer(page, 'housing-shared', '#fiscal-year');
  await page.click('form button[type="submit"]');
  await page.waitForSelector('#earn_mode-quick');
  await answer(page, 'earn_mode-quick', '#quick-monthly');
  await page.fill('#quick-monthly', '100000');
  await page.fill('#quick-size', '20000');
  await page.click('form button[type="submit"]');
  await page.waitForSelector('.summary-list');
  await page.click('form button[type="submit"]');
  await page.waitForSelector('#make-application');
}
