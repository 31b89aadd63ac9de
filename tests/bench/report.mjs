// Combines the load benchmark's JSON with the engine benchmark's line, prints the table (figure,
// floor, ratio, budget, pass/miss) and writes target/bench/results.json.
//
//   node tests/bench/report.mjs target/bench/load.json target/bench/engine.txt target/bench/results.json [dist] [lighthouse.json]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [loadFile, engineFile, outFile, distDir = 'dist', lighthouseFile = 'target/bench/lighthouse.json'] = process.argv.slice(2);
const load = JSON.parse(fs.readFileSync(loadFile, 'utf8'));
const engineLine = fs.existsSync(engineFile) ? fs.readFileSync(engineFile, 'utf8').trim().split('\n').pop() : '';
const engineMs = Number((engineLine.match(/in ([\d.]+) ms/) || [])[1]) || null;

const KB = 1024;
// Budgets are goals, not assertions: the table says pass or miss, the exit code is always 0.
const rows = [
  { key: 'bytes', what: 'transferred, first screen (gzip, headers incl.)', value: load.app.bytes, floor: load.floor.bytes, unit: 'KB', scale: 1 / KB, budget: 120 * KB, budgetText: '≤ 120 KB' },
  { key: 'fcp', what: 'first contentful paint', value: load.app.fcp, floor: load.floor.fcp, unit: 'ms', budget: 1.1 * load.floor.fcp, budgetText: '≤ 1.1× floor' },
  { key: 'lcp', what: 'largest contentful paint (start page)', value: load.app.lcp, floor: load.floor.lcp, unit: 'ms', budget: 1.2 * load.app.fcp, budgetText: '≤ 1.2× its FCP' },
  { key: 'wasmLoaded', what: 'wasm downloaded (from navigation)', value: load.app.wasmLoaded, floor: load.floor.fcp, unit: 'ms', budgetText: '—' },
  { key: 'enabled', what: 'start button enabled (from navigation)', value: load.app.enabled, floor: load.floor.fcp, unit: 'ms', budgetText: '—' },
  { key: 'interactive', what: 'first question accepts input (from navigation)', value: load.app.interactive, floor: load.floor.fcp, unit: 'ms', budget: 1500, budgetText: '≤ 1500 ms' },
  { key: 'laterReady', what: 'later screens\' part arrived (from navigation)', value: load.app.laterReady, floor: load.floor.fcp, unit: 'ms', budgetText: '—' },
  { key: 'laterBytes', what: 'transferred after the first question (later part)', value: load.app.laterBytes, unit: 'KB', scale: 1 / KB, budgetText: '—' },
  { key: 'answerToEstimate', what: 'answer → estimate (figure updated in the page)', value: load.answerToEstimate, unit: 'ms', budget: 16, budgetText: '≤ 16 ms' },
  { key: 'answerToScreen', what: 'answer → next frame painted (floor: unchanged page)', value: load.answerToScreen, floor: load.nextFrameFloor, unit: 'ms', budgetText: '—' },
  { key: 'engine', what: 'rules engine, 10,000 payments (native)', value: engineMs, unit: 'ms', budgetText: '—' },
];

const fmt = (v, r) => (v == null ? '—' : r.unit === 'KB' ? (v * r.scale).toFixed(1) : v.toFixed(v < 100 ? 1 : 0));
const table = [['figure', 'median', 'floor', 'ratio', 'budget', 'status']];
const results = { profile: load.profile, runs: load.runs, figures: {}, engine: engineLine, app: load.app, floor: load.floor, samples: load.samples, errors: load.errors };
for (const r of rows) {
  const ratio = r.value != null && r.floor ? r.value / r.floor : null;
  const status = r.budget == null || r.value == null ? '' : r.value <= r.budget ? 'pass' : 'MISS';
  table.push([`${r.what}`, `${fmt(r.value, r)} ${r.unit}`, r.floor ? `${fmt(r.floor, r)} ${r.unit}` : '—', ratio ? `${ratio.toFixed(2)}×` : '—', r.budgetText, status]);
  results.figures[r.key] = { value: r.value, unit: r.unit === 'KB' ? 'bytes' : r.unit, floor: r.floor ?? null, ratio, budget: r.budget ?? null, status: status.toLowerCase() || null };
}
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const p = load.profile;
console.log(`\nload: median of ${load.runs} runs; CPU ${p.cpuSlowdown}× slower, ${p.downKbps} kbps down, ${p.upKbps} kbps up, ${p.rttMs} ms RTT, cache off; gzip on loopback`);
for (const [i, row] of table.entries()) {
  console.log(row.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
console.log('(floor: the floor page\'s own figure; for times after first paint, its FCP: a static page has nothing more to wait for.)');
console.log(`\nrequests (the first screen's, then the later part's): ${load.app.requests.map((r) => `${r.path} ${(r.bytes / KB).toFixed(1)} KB`).join(', ')}`);
console.log(`start page LCP element(s): ${(load.app.lcpElements || []).join(', ') || '—'}`);

// Bytes per part: every file of the build, raw and as a server would send it compressed.
const parts = fs.readdirSync(distDir).filter((f) => fs.statSync(path.join(distDir, f)).isFile() && !f.endsWith('.gz'))
  .map((f) => {
    const raw = fs.readFileSync(path.join(distDir, f));
    const gzip = zlib.gzipSync(raw, { level: 9 }).length;
    const brotli = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const firstScreen = load.app.requests.some((r) => r.path === f) && !/^(split_|chunk_)[^/]*\.wasm$/.test(f);
    return { file: f, raw: raw.length, gzip, brotli, firstScreen };
  })
  .sort((a, b) => b.raw - a.raw);
console.log('\nbytes per part (KB; * = requested by the first screen)');
console.log(`${'file'.padEnd(40)} ${'raw'.padStart(8)} ${'gzip'.padStart(8)} ${'brotli'.padStart(8)}`);
const kb = (n) => (n / KB).toFixed(1).padStart(8);
for (const p of parts) console.log(`${(p.file + (p.firstScreen ? ' *' : '')).padEnd(40)} ${kb(p.raw)} ${kb(p.gzip)} ${kb(p.brotli)}`);
const sum = (list, k) => list.reduce((s, p) => s + p[k], 0);
const first = parts.filter((p) => p.firstScreen);
console.log(`${'first screen files'.padEnd(40)} ${kb(sum(first, 'raw'))} ${kb(sum(first, 'gzip'))} ${kb(sum(first, 'brotli'))}`);
console.log(`${'all files'.padEnd(40)} ${kb(sum(parts, 'raw'))} ${kb(sum(parts, 'gzip'))} ${kb(sum(parts, 'brotli'))}`);

// Lighthouse (bench.sh --lighthouse): each run's four category scores and its LCP against its FCP.
let lighthouse = null;
if (fs.existsSync(lighthouseFile)) {
  lighthouse = JSON.parse(fs.readFileSync(lighthouseFile, 'utf8'));
  console.log(`\nLighthouse ${lighthouse.version} (mobile, ${lighthouse.runs.length} runs): throttling, performance / accessibility / best practices / SEO, FCP, LCP`);
  for (const r of lighthouse.runs) {
    console.log(`  ${r.method.padEnd(8)} ${r.scores.performance} / ${r.scores.accessibility} / ${r.scores['best-practices']} / ${r.scores.seo}   FCP ${r.fcp.toFixed(0)} ms, LCP ${r.lcp.toFixed(0)} ms (${(r.lcp / r.fcp).toFixed(2)}× FCP)${r.lcpElement ? `, LCP element ${r.lcpElement}` : ''}`);
  }
}
if (engineLine) console.log(engineLine);
if (load.errors.length) console.log(`page errors: ${load.errors.join(' | ')}`);
results.parts = parts;
results.lighthouse = lighthouse;
fs.writeFileSync(outFile, JSON.stringify(results, null, 2));
console.log(`results: ${outFile}`);
