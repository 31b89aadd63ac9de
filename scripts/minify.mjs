// Minifies the release build's wasm-bindgen glue (JS) and stylesheets in place with esbuild, then
// rewrites their Subresource Integrity hashes in index.html (Trunk computed them before this step,
// and a browser refuses a file whose hash does not match). File names keep Trunk's content hash:
// still unique per build, which is all the offline worker and caches need.
//
//   node scripts/minify.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { transform } from 'esbuild';

const dist = process.argv[2] || 'dist';
const indexPath = path.join(dist, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const sri = (body) => `sha384-${crypto.createHash('sha384').update(body).digest('base64')}`;

// Only the files Trunk hashed and linked with an integrity attribute: the glue and the CSS.
const linked = new Set([...html.matchAll(/href="\.\/([^"]+\.(?:js|css))"[^>]*\bintegrity="/g)].map((m) => m[1]));
if (!linked.size) throw new Error(`minify: no linked .js or .css with an integrity hash in ${indexPath}`);
for (const file of linked) {
  const full = path.join(dist, file);
  const before = fs.readFileSync(full, 'utf8');
  const loader = file.endsWith('.css') ? 'css' : 'js';
  const { code } = await transform(before, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, target: 'es2020', legalComments: 'none' });
  fs.writeFileSync(full, code);
  const oldHash = sri(before);
  if (!html.includes(oldHash)) throw new Error(`minify: index.html does not carry ${file}'s integrity hash`);
  html = html.replaceAll(oldHash, sri(code));
  console.log(`minify: ${file} ${before.length} -> ${code.length} bytes`);
}
fs.writeFileSync(indexPath, html);
