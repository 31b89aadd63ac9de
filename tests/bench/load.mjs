// Load benchmark: the release dist/ and a script-free "floor" copy of its start screen, each served
// with gzip on loopback and loaded in headless Chromium with a phone-like profile. Prints medians,
// ratios to the floor and budgets; writes JSON. Asserts nothing (see README "Performance").
//
//   node tests/bench/load.mjs [--runs 7] [--dist dist] [--out target/bench/load.json] [--smoke]
//
// Every time is taken inside the page (performance.now(), requestAnimationFrame, MutationObserver),
// so the latency of driving the browser over CDP is not in the figures.
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../e2e/server.mjs';
import { launch } from '../e2e/browser.mjs';
import { PROFILE, throttle, makeFloor, median } from './profile.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const smoke = args.includes('--smoke');
const runs = Number(opt('runs', smoke ? 1 : 7));
const dist = opt('dist', 'dist');
const out = opt('out', 'target/bench/load.json');

// Injected before any page script. Watches the DOM for the start button to be enabled, "taps" it
// once that state has been painted (a person cannot tap what is not on screen yet), then waits
// for the first question's radios to be present, enabled and visible, and stamps the frame after
// they are painted. All stamps are ms since navigation start (performance.now()).
const INTERACTIVE_PROBE = () => {
  const b = (window.__bench = {});
  // The end of the frame that shows the current DOM: the rAF callback runs before style, layout
  // and paint; a message posted from it is handled after that frame.
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(0);
  });
  let phase = 'enable';
  const check = () => {
    if (phase === 'enable') {
      const btn = document.querySelector('.button-start');
      if (btn && !btn.disabled && btn.isConnected) {
        phase = 'tap';
        b.enabled = performance.now();
        afterPaint((t) => {
          phase = 'question';
          b.tapped = t;
          document.querySelector('.button-start').click();
          check();
        });
      }
    } else if (phase === 'question') {
      const r = document.querySelector('#residence-lives_in_isumi');
      if (r && !r.disabled && r.checkVisibility() && r.tabIndex >= 0) {
        phase = 'done';
        b.questionInDom = performance.now();
        obs.disconnect();
        afterPaint((t) => { b.interactive = t; });
      }
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
};

// Injected into both pages: keeps every largest-contentful-paint entry (time and element), so LCP
// can be read against FCP. The app's LCP is the last entry before the benchmark taps the start
// button (after that the question page is a new screen, not the first one's paint).
const LCP_PROBE = () => {
  window.__lcp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const el = e.element;
      window.__lcp.push({ t: e.startTime, el: el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : '' });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};

/** The later screens' wasm parts (scripts/split.mjs), by file name. */
const LATER_PART = /^(split_|chunk_)[^/]*\.wasm$/;

/** Loads `url` once under the profile; returns the load figures (and, for the app, interactive). */
async function loadOnce(browser, url, { app }) {
  // No offline worker: its precaching of every part runs in the background of a first visit and
  // would serve the later part from its copy; the figures are the page's own first load.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'ja-JP', serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await throttle(cdp);
  // Bytes on the wire per request, headers included (what a phone would download).
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, bytes: 0 }));
  cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
  await page.addInitScript(LCP_PROBE);
  if (app) await page.addInitScript(INTERACTIVE_PROBE);
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  if (app) await page.waitForFunction(() => window.__bench?.interactive, null, { timeout: 120000, polling: 100 });
  const fcp = await page.waitForFunction(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, { timeout: 60000, polling: 100 });
  const figures = { fcp: await fcp.jsonValue() };
  if (!app) await page.waitForFunction(() => window.__lcp.length > 0, null, { timeout: 60000, polling: 100 });
  if (app) {
    Object.assign(figures, await page.evaluate(() => window.__bench));
    // When the wasm finished arriving: splits "interactive" into network and start-up work.
    figures.wasmLoaded = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm'))?.responseEnd);
    // When the later screens' part (fetched in the background once the first question is shown)
    // has arrived: from then on no later screen waits.
    const later = await page.waitForFunction(
      (source) => performance.getEntriesByType('resource').find((e) => new RegExp(source).test(e.name.split('/').pop()))?.responseEnd,
      LATER_PART.source, { timeout: 120000, polling: 100 });
    figures.laterReady = await later.jsonValue();
  }
  const lcp = (await page.evaluate(() => window.__lcp)).filter((e) => !figures.tapped || e.t < figures.tapped).pop();
  figures.lcp = lcp?.t;
  figures.lcpElement = lcp?.el;
  // Let late requests (favicon) finish so the byte count is complete.
  await page.waitForLoadState('networkidle').catch(() => {});
  const list = [...requests.values()].map((r) => ({ path: new URL(r.url).pathname.split('/').pop() || 'index.html', bytes: r.bytes }));
  // The first screen's bytes leave out the later parts, which come after the first question.
  figures.bytes = list.filter((r) => !LATER_PART.test(r.path)).reduce((s, r) => s + r.bytes, 0);
  figures.laterBytes = list.filter((r) => LATER_PART.test(r.path)).reduce((s, r) => s + r.bytes, 0);
  figures.requests = list;
  figures.errors = errors;
  return { context, page, figures };
}

/** Answers every question (untimed) up to the quick-estimate page. */
async function answerAll(page) {
  const next = () => page.click('button[type=submit]');
  for (const id of ['residence-lives_in_isumi', 'stay_3_years-yes', 'crowdworks-yes', 'hinode-yes', 'housing-individual']) {
    await page.check(`#${id}`);
    await next();
  }
  await page.waitForSelector('#fiscal-year');
  await next();
  await page.check('#earn_mode-quick');
  await next();
  await page.waitForSelector('#quick-monthly');
  await page.fill('#quick-size', '30000');
}

/**
 * Answer → estimate, in the page: on the quick-estimate page, a new monthly amount typed (the input
 * event, dispatched right after a frame was painted). Two figures per sample:
 * - `work`: until the live subsidy figure (`#live-estimate`) holds the new amount: the app's own
 *   cost (reading the field, the model, the engine, the render);
 * - `screen`: until the end of the next frame painted after that, which holds the figure. A frame
 *   comes every 16.7 ms at 60 Hz, so this cannot be under one frame however little the app does:
 *   `floor` is the same measure with nothing typed (an unchanged page's next frame).
 * Amounts alternate so each sample changes the figure (both stay under the ¥50,000 cap).
 */
async function estimateTimes(page, samples) {
  const times = await page.evaluate(async (samples) => {
    const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(0);
    }));
    const changes = (el, before) => new Promise((resolve) => {
      if (el.textContent !== before) return resolve();
      const obs = new MutationObserver(() => {
        if (el.textContent !== before) { obs.disconnect(); resolve(); }
      });
      obs.observe(el, { subtree: true, childList: true, characterData: true });
    });
    const input = document.querySelector('#quick-monthly');
    const result = { work: [], screen: [], floor: [] };
    for (let i = 0; i < samples; i++) {
      await afterPaint(); // start from a quiet frame
      const live = document.querySelector('#live-estimate');
      const before = live.textContent;
      const t0 = performance.now();
      input.value = i % 2 ? '10000' : '15000';
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      await changes(document.querySelector('#live-estimate'), before);
      const tChanged = performance.now();
      const t1 = await afterPaint();
      result.work.push(tChanged - t0);
      result.screen.push(t1 - t0);
      // The control: the next frame of an unchanged page.
      const c0 = await afterPaint();
      result.floor.push((await afterPaint()) - c0);
    }
    return result;
  }, samples);
  return times;
}

async function main() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no ${dist}/index.html: build first (bash scripts/build-release.sh)`);
  const floorDir = makeFloor(dist, 'target/bench/floor');
  const appServer = await serve({ root: dist, gzip: true });
  const floorServer = await serve({ root: floorDir, gzip: true });
  // Warm the servers' gzip caches, as a static host's pre-compressed files would be.
  for (const [server, dir] of [[appServer, dist], [floorServer, floorDir]]) {
    for (const f of fs.readdirSync(dir)) await (await fetch(server.url + f)).arrayBuffer();
  }
  const browser = await launch();
  const app = [], floor = [], estimate = { work: [], screen: [], floor: [] };
  try {
    for (let i = 0; i < runs; i++) {
      // Alternate the order so drift in the machine's load falls on both pages alike.
      const order = i % 2 ? ['floor', 'app'] : ['app', 'floor'];
      for (const which of order) {
        const { context, page, figures } = await loadOnce(browser, which === 'app' ? appServer.url : floorServer.url, { app: which === 'app' });
        if (which === 'app') {
          app.push(figures);
          await answerAll(page);
          const t = await estimateTimes(page, smoke ? 1 : 3);
          for (const k of Object.keys(estimate)) estimate[k].push(...t[k]);
        } else {
          floor.push(figures);
        }
        await context.close();
        process.stderr.write(`run ${i + 1}/${runs} ${which}: fcp ${figures.fcp.toFixed(0)} ms, lcp ${figures.lcp?.toFixed(0)} ms, ${figures.bytes} B${figures.interactive ? `, interactive ${figures.interactive.toFixed(0)} ms` : ''}\n`);
      }
    }
  } finally {
    await browser.close();
    await appServer.close();
    await floorServer.close();
  }
  const m = (list, key) => median(list.map((f) => f[key]));
  const result = {
    profile: PROFILE,
    runs,
    app: { bytes: m(app, 'bytes'), fcp: m(app, 'fcp'), lcp: m(app, 'lcp'), lcpElements: [...new Set(app.map((f) => f.lcpElement))], wasmLoaded: m(app, 'wasmLoaded'), laterReady: m(app, 'laterReady'), laterBytes: m(app, 'laterBytes'), enabled: m(app, 'enabled'), interactive: m(app, 'interactive'), requests: app[0].requests },
    floor: { bytes: m(floor, 'bytes'), fcp: m(floor, 'fcp'), lcp: m(floor, 'lcp'), requests: floor[0].requests },
    answerToEstimate: median(estimate.work),
    answerToScreen: median(estimate.screen),
    nextFrameFloor: median(estimate.floor),
    samples: { app, floor, answerToEstimate: estimate },
    errors: [...app, ...floor].flatMap((f) => f.errors),
  };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  process.stderr.write(`wrote ${out}\n`);
}

await main();
