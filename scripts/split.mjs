// Post-build step of scripts/build-release.sh: splits the release wasm into the first screen's
// module and the later screens' part (src/ui/later.rs), in place of the one module Trunk wrote.
//
//   node scripts/split.mjs dist target/wasm32-unknown-unknown/release/isumi-check.wasm
//
// 1. wasm-split-cli cuts the linker's output (built with --emit-relocs and the `split` feature)
//    at the #[wasm_split] point: the main module, the later part (split_later.wasm, plus any
//    chunk_*.wasm shared by several parts) and the loader __wasm_split.js.
// 2. wasm-bindgen writes the JS glue for the main module (--keep-lld-exports: the parts import
//    the main module's function table by name).
// 3. wasm-opt -Oz on every module, with the parameters index.html gives Trunk.
// 4. Every file gets the build's content hash in its name (Trunk's, for the glue and the main
//    module, so index.html's references stay), the references between them are rewritten, and
//    index.html's integrity hashes are recomputed.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { transform } from 'esbuild';

const [dist = 'dist', raw = 'target/wasm32-unknown-unknown/release/isumi-check.wasm'] = process.argv.slice(2);
const fail = (msg) => { console.error(`split: ${msg}`); process.exit(1); };
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const sri = (body) => `sha384-${crypto.createHash('sha384').update(body).digest('base64')}`;
const short = (body) => crypto.createHash('sha256').update(body).digest('hex').slice(0, 16);

const indexPath = path.join(dist, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const js = html.match(/data-js="\.\/([^"]+\.js)"/)?.[1] ?? fail('no data-js in index.html');
const wasm = html.match(/data-wasm="\.\/([^"]+_bg\.wasm)"/)?.[1] ?? fail('no data-wasm in index.html');
const stem = js.replace(/\.js$/, '');
if (wasm !== `${stem}_bg.wasm`) fail(`unexpected names ${js} / ${wasm}`);
// The wasm-opt parameters Trunk was given (the source index.html; dist's has lost them).
const source = fs.readFileSync('index.html', 'utf8');
const optParams = (source.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? fail('no data-wasm-opt-params in index.html')).split(/\s+/).filter(Boolean);
// The memory assumptions (stack first, zeroed fresh memory) hold for the module that owns the
// memory; the parts only import it.
const partParams = optParams.filter((p) => !['--low-memory-unused', '--zero-filled-memory'].includes(p));

const work = path.join('target', 'split');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'bg'), { recursive: true });

// 1. Split.
run('wasm-split-cli', [raw, work, '--out-name', stem]);
const parts = fs.readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`).sort();
if (!parts.includes('split_later.wasm')) fail(`no later part in ${work}: ${parts.join(', ')}`);
const loaderName = '__wasm_split.js';

// 2. The glue of the main module.
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', path.join(work, 'bg'), '--out-name', stem, path.join(work, `${stem}.wasm`)]);
if (fs.existsSync(path.join(work, 'bg', 'snippets'))) fail('wasm-bindgen wrote snippets: copy them too');

// 3. Optimise.
const opt = (file, params) => run('wasm-opt', ['-Oz', ...params, file, '-o', file]);
opt(path.join(work, 'bg', `${stem}_bg.wasm`), optParams);
for (const p of parts) opt(path.join(work, p), partParams);

// 4. Hashed names and the references between the files.
const renamed = new Map(); // old name → new name
for (const p of parts) {
  const body = fs.readFileSync(path.join(work, p));
  renamed.set(p, `${p.replace(/\.wasm$/, '')}-${short(body)}.wasm`);
}
let loader = fs.readFileSync(path.join(work, loaderName), 'utf8');
for (const [from, to] of renamed) {
  if (!loader.includes(`"./${from}"`)) fail(`${loaderName} does not name ./${from}`);
  loader = loader.replaceAll(`"./${from}"`, `"./${to}"`);
}
if (!loader.includes(`"./${stem}.js"`)) fail(`${loaderName} does not import ./${stem}.js`);
loader = (await transform(loader, { loader: 'js', minify: true, format: 'esm', target: 'es2020', legalComments: 'none' })).code;
const loaderOut = `split-${short(loader)}.js`;

let glue = fs.readFileSync(path.join(work, 'bg', `${stem}.js`), 'utf8');
// Only the import statement: the wasm's own import keeps the module name it was linked with.
if (!glue.includes(`from "./${loaderName}"`)) fail(`the glue does not import ./${loaderName}`);
glue = glue.replaceAll(`from "./${loaderName}"`, `from "./${loaderOut}"`);

// Trunk's one-module glue and wasm are replaced; their integrity hashes with them.
const oldJs = fs.readFileSync(path.join(dist, js));
const oldWasm = fs.readFileSync(path.join(dist, wasm));
const newWasm = fs.readFileSync(path.join(work, 'bg', `${stem}_bg.wasm`));
for (const [old, body] of [[oldJs, glue], [oldWasm, newWasm]]) {
  if (!html.includes(sri(old))) fail('index.html does not carry the integrity hash of Trunk\'s files');
  html = html.replaceAll(sri(old), sri(body));
}
fs.writeFileSync(path.join(dist, js), glue);
fs.writeFileSync(path.join(dist, wasm), newWasm);
fs.writeFileSync(path.join(dist, loaderOut), loader);
for (const [from, to] of renamed) fs.copyFileSync(path.join(work, from), path.join(dist, to));
fs.writeFileSync(indexPath, html);

const gz = (b) => execFileSync('gzip', ['-9c'], { input: b }).length;
const line = (name, b) => console.log(`split: ${name.padEnd(44)} ${String(b.length).padStart(8)} raw ${String(gz(b)).padStart(8)} gzip`);
line(`${wasm} (was ${oldWasm.length} raw, ${gz(oldWasm)} gzip)`, newWasm);
for (const [, to] of renamed) line(to, fs.readFileSync(path.join(dist, to)));
line(loaderOut, Buffer.from(loader));
