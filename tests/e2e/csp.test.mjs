// No third parties: the page's Content-Security-Policy is in force, and a full flow (start →
// questions → result → application, print, seminar and comparison), then every screen by its URL,
// makes no request to any other origin and trips no CSP rule.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, waitForApp } from './browser.mjs';
import { start, choose, answerEligible, quickEstimate, toResult, toApplication, EVERY_SCREEN, openScreen } from './steps.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** From the start page to the result: eligible, shared house, ¥100,000 a month in ¥20,000 contracts. */
async function walkToResult(page) {
  await start(page);
  await answerEligible(page);
  await choose(page, 'earn_mode-quick');
  await quickEstimate(page, { monthly: '100000', size: '20000' });
  await toResult(page);
}

/** Opens the app, recording every request's origin and every CSP violation (from the event the
 * browser fires, and from console messages that mention the policy). */
async function watched() {
  const { context, page, errors } = await openPage(browser, null);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const cspConsole = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspConsole.push(m.text()); });
  await page.goto(server.url);
  await waitForApp(page);
  return { context, page, errors, requests, cspConsole, violations: () => page.evaluate(() => window.__violations) };
}

test('the policy is in force: another origin and inline styles are refused', async () => {
  const { context, page, violations } = await watched();
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/, 'no unsafe-inline, no hashes to keep in step');
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://example.invalid/pixel.png';
    document.body.append(img);
    document.body.setAttribute('style', 'color: red');
  });
  await page.waitForFunction(() => window.__violations.length >= 2);
  const v = await violations();
  assert.ok(v.some((x) => x.startsWith('img-src') && x.includes('example.invalid')), v.join('\n'));
  assert.ok(v.some((x) => x.startsWith('style-src')), v.join('\n'));
  assert.ok(failed.some((f) => f.includes('example.invalid') && /\bcsp\b|BLOCKED_BY_CSP/i.test(f)), `blocked by the policy, not by the network: ${failed}`);
  await context.close();
});

test('a full flow, then every screen by its URL, requests nothing from another origin and breaks no CSP rule', async () => {
  const { context, page, errors, requests, cspConsole, violations } = await watched();
  await walkToResult(page);
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  // The application: details, the document, and printing it (to PDF, as the print button does).
  await page.click('#make-application');
  await page.waitForSelector('#applicant-name');
  await page.fill('#applicant-name', 'いすみ 花子');
  await page.click('button[type=submit]');
  await page.waitForSelector('.sheet');
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000, 'the application printed');
  await page.emulateMedia({ media: 'screen' });
  // Seminar mode and its comparison.
  await page.evaluate(() => { location.hash = '#seminar/2'; });
  await page.waitForSelector('.seminar-bar');
  await page.keyboard.press('c');
  await page.waitForSelector('.compare-table');
  // Then every screen by its URL (the staff check fetches its table), and a reload on the last.
  await page.evaluate(() => { location.hash = '#/result'; });
  await page.waitForSelector('.verdict');
  for (const screen of EVERY_SCREEN) await openScreen(page, screen);
  await page.waitForSelector('#staff-check-status[data-verdict="pass"]');
  await page.reload();
  await page.waitForSelector('#staff-check-status[data-verdict="pass"]');
  // The language switch re-renders everything in English.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');

  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to another origin');
  assert.deepEqual(await violations(), [], 'CSP violations');
  assert.deepEqual(cspConsole, [], 'CSP messages on the console');
  assert.deepEqual(errors, []);
  await context.close();
});
