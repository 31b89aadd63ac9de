// The phone-like profile the load benchmark applies through CDP, the floor page, and a median.
import fs from 'node:fs';
import path from 'node:path';

/** A mid-range phone on a slow mobile network (Lighthouse's "slow 4G"-like figures). */
export const PROFILE = {
  cpuSlowdown: 4,
  downKbps: 1600,
  upKbps: 750,
  rttMs: 150,
  cacheDisabled: true,
};

/** Applies PROFILE to a page's CDP session. */
export async function throttle(cdp) {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: PROFILE.cacheDisabled });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.rttMs,
    downloadThroughput: (PROFILE.downKbps * 1000) / 8,
    uploadThroughput: (PROFILE.upKbps * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
}

/**
 * Writes the floor page to `dir`: dist/'s index.html without scripts, module preloads or the wasm
 * preload, plus the files it still references (CSS, icon). What any static page of the same
 * content would cost, so the app's figures can be read as ratios to it.
 */
export function makeFloor(dist, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel="?(modulepreload|preload)"?[^>]*>/gi, '');
  if (/<script|\.wasm/i.test(html)) throw new Error('floor page still references a script or the wasm');
  fs.writeFileSync(path.join(dir, 'index.html'), html);
  for (const m of html.matchAll(/\b(?:href|src)="([^"#?:]+)"/g)) {
    const src = path.join(dist, m[1]);
    if (!fs.existsSync(src) || !fs.statSync(src).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(dir, m[1])), { recursive: true });
    fs.copyFileSync(src, path.join(dir, m[1]));
  }
  return dir;
}

/** Median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  const v = values.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
