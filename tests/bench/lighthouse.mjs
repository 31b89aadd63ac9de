// Lighthouse runs (bench.sh --lighthouse): the release dist/ served with gzip on loopback, audited
// N times per throttling method with Lighthouse's mobile settings (slow 4G, 4× CPU) in Debian's
// Chromium, offline. Writes each run's four category scores, FCP, LCP and LCP element to JSON.
// Asserts nothing.
// - `simulate` (Lighthouse's default): an unthrottled load on loopback, then a model (Lantern)
//   that replays it on a slow network. Its LCP counts every request that *ended* before the
//   observed paint, so when the preloaded wasm happens to finish before the first paint on
//   loopback, the model makes the start page's text wait for the whole wasm.
// - `devtools`: the load itself is throttled, and the figures are what the page observed.
//
//   node tests/bench/lighthouse.mjs --bin path/to/lighthouse [--runs 3] [--methods simulate,devtools] [--dist dist] [--out target/bench/lighthouse.json]
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { serve } from '../e2e/server.mjs';
import { CHROMIUM_ARGS } from '../e2e/browser.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const bin = opt('bin');
const runs = Number(opt('runs', 3));
const methods = opt('methods', 'simulate,devtools').split(',');
const dist = opt('dist', 'dist');
const out = opt('out', 'target/bench/lighthouse.json');
if (!bin) throw new Error('--bin: the lighthouse executable (bench.sh installs lighthouse@12)');

const server = await serve({ root: dist, gzip: true });
const tmp = path.join(path.dirname(out), 'lighthouse-run.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
const result = { version: null, url: server.url, runs: [] };
try {
  for (let i = 0; i < runs * methods.length; i++) {
    const method = methods[i % methods.length];
    await promisify(execFile)(bin, [
      server.url, '--quiet', '--output=json', `--output-path=${tmp}`, `--throttling-method=${method}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    ], { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' }, timeout: 300000, maxBuffer: 64 << 20 });
    const lhr = JSON.parse(fs.readFileSync(tmp, 'utf8'));
    result.version = lhr.lighthouseVersion;
    const score = (c) => Math.round((lhr.categories[c]?.score ?? NaN) * 100);
    const lcpItem = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    const run = {
      method,
      scores: Object.fromEntries(['performance', 'accessibility', 'best-practices', 'seo'].map((c) => [c, score(c)])),
      fcp: lhr.audits['first-contentful-paint'].numericValue,
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      lcpElement: lcpItem?.selector || lcpItem?.snippet || null,
      runtimeError: lhr.runtimeError?.message || null,
      // What the unthrottled load itself saw (for `simulate`, the input of the model).
      observed: (() => {
        const m = lhr.audits.metrics?.details?.items?.[0] || {};
        const wasm = lhr.audits['network-requests']?.details?.items?.find((r) => r.url.endsWith('.wasm'));
        return { fcp: m.observedFirstContentfulPaint, lcp: m.observedLargestContentfulPaint, wasmEnd: wasm?.networkEndTime, wasmStart: wasm?.networkRequestTime };
      })(),
    };
    result.runs.push(run);
    process.stderr.write(`lighthouse ${i + 1}/${runs * methods.length} (${method}): perf ${run.scores.performance}, FCP ${run.fcp.toFixed(0)} ms, LCP ${run.lcp.toFixed(0)} ms\n`);
  }
} finally {
  await server.close();
  fs.rmSync(tmp, { force: true });
}
fs.writeFileSync(out, JSON.stringify(result, null, 2));
process.stderr.write(`wrote ${out}\n`);
