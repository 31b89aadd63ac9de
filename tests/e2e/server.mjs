// A static file server for dist/, as a plain static host would serve it: under a sub-path
// (default /tools/check/), right MIME types, optional gzip. Used by the e2e tests and the benchmark.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts serving `root` under `base` on 127.0.0.1 (a free port).
 * @returns {Promise<{url: string, close: () => Promise<void>, requests: string[]}>}
 */
export async function serve({ root = 'dist', base = '/tools/check/', gzip = false } = {}) {
  const requests = [];
  // Compressed bodies by file, path + size + mtime: a static host serves pre-compressed or cached
  // gzip, so recompressing the wasm at level 9 on every request (~0.1 s) would only add latency
  // that no real host has, and skew the benchmark.
  const gzipped = new Map();
  const compress = (file, body) => {
    const st = fs.statSync(file);
    const key = `${file}:${st.size}:${st.mtimeMs}`;
    if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 9 }));
    return gzipped.get(key);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not under ' + base);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    const body = fs.readFileSync(file);
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    if (gzip && /gzip/.test(req.headers['accept-encoding'] || '') && !/\.(png|ico)$/.test(file)) {
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(compress(file, body));
    } else {
      res.writeHead(200, headers).end(body);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// `node tests/e2e/server.mjs [root] [base]`: serve by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve({ root: process.argv[2] || 'dist', base: process.argv[3] || '/tools/check/', gzip: true });
  console.log(`serving at ${s.url}`);
}
