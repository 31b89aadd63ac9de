// Installable on a seminar tablet (issue 13): a web app manifest with the app's Japanese name, the
// theme colour and icons (SVG, 192 and 512 px PNGs), served relative to the sub-path, kept for
// offline use, and accepted by Chromium's own installability check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { CHROMIUM_ARGS, launch, openPage, waitForApp } from './browser.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the manifest and its icons are served, and Chromium finds the app installable', async () => {
  const { context, page, errors } = await openPage(browser, server.url);
  await waitForApp(page);
  // The page's policy names the manifest's source itself (not only through default-src).
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(policy, /(^|;)\s*manifest-src 'self'(;|$)/, policy);
  const href = await page.getAttribute('link[rel="manifest"]', 'href');
  assert.ok(href && !href.startsWith('/'), `relative: ${href}`);
  const res = await page.request.get(new URL(href, page.url()).href);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /manifest\+json/);
  const m = await res.json();
  assert.match(m.name, /いすみ市/);
  assert.equal(m.lang, 'ja');
  assert.equal(m.start_url, './');
  assert.equal(m.scope, './');
  assert.equal(m.display, 'standalone');
  assert.equal(m.theme_color, await page.getAttribute('meta[name="theme-color"]', 'content'));
  const sizes = m.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512') && sizes.includes('any'));
  for (const icon of m.icons) {
    const r = await page.request.get(new URL(icon.src, res.url()).href);
    assert.equal(r.status(), 200, icon.src);
    assert.equal(r.headers()['content-type'], icon.type, icon.src);
  }
  // Chromium's own check needs a real profile (a test's fresh context is incognito).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isumi-install-'));
  const profile = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
  const tab = profile.pages()[0] || await profile.newPage();
  await tab.goto(server.url);
  await waitForApp(tab);
  const cdp = await profile.newCDPSession(tab);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId), []);
  await profile.close();
  fs.rmSync(dir, { recursive: true, force: true });
  // Kept for offline use with the rest of the build.
  const sw = fs.readFileSync('dist/sw.js', 'utf8');
  for (const f of ['manifest.webmanifest', 'icon.svg', 'icon-192.png', 'icon-512.png']) assert.ok(sw.includes(`"${f}"`), `${f} precached`);
  assert.deepEqual(errors, []);
  await context.close();
});
