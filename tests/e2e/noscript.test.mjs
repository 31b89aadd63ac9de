// Browsers that cannot run the app still get the program's key facts from the static HTML and a
// clear message, without controls that would never wake up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('with scripts off: the message, the key facts in both languages, no dead start button', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(server.url);
  const text = await page.innerText('body');
  assert.match(text, /JavaScript を有効にしてください/);
  assert.match(text, /Please enable JavaScript/);
  // The key facts: who runs it, the caps, the three conditions.
  for (const fact of [/いすみ市・株式会社クラウドワークス・hinode/, /3万円/, /5万円/, /3年以上/, /hinode特別会員/,
    /¥30,000/, /¥50,000/, /3 years or more/, /Ponnuf/]) {
    assert.match(text, fact);
  }
  assert.equal(await page.isVisible('.button-start'), false, 'no start button that cannot start');
  assert.equal(await page.isVisible('#lang-switch'), false);
  await context.close();
});
