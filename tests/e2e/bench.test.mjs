// Smoke test of the load benchmark (scripts/bench.sh): one throttled pass over the built dist/
// checks that it still finds the start button, the first question and the result's figure, and
// writes every figure. The figures themselves are not asserted (timings belong to the benchmark).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';

test('the load benchmark runs once and writes every figure', async () => {
  const out = 'target/bench/smoke.json';
  await promisify(execFile)('node', ['tests/bench/load.mjs', '--smoke', '--out', out], { timeout: 180000 });
  const r = JSON.parse(fs.readFileSync(out, 'utf8'));
  for (const [name, v] of Object.entries({ bytes: r.app.bytes, fcp: r.app.fcp, interactive: r.app.interactive, laterReady: r.app.laterReady, laterBytes: r.app.laterBytes, floorFcp: r.floor.fcp, answerToEstimate: r.answerToEstimate })) {
    assert.equal(typeof v, 'number', `${name} was measured`);
  }
  assert.ok(!r.floor.requests.some((q) => /\.(m?js|wasm)$/.test(q.path)), 'the floor page loads no script');
  assert.ok(r.app.laterBytes > 0, 'the later part is fetched after the first question, and counted apart');
  assert.deepEqual(r.errors, []);
});
