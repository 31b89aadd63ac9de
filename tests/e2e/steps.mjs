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
