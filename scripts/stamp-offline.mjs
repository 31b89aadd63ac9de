// Post-build step of scripts/build-release.sh: writes the build id and the list of files into
// dist/sw.js (the offline copy) and the build id into dist/index.html (<meta name="isumi-build">,
// which tells static/boot.mjs that this is a published build whose worker may be registered).
// The id is a hash of every file's name and bytes, so any change of any file gives a new worker.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = process.argv[2] || 'dist';
// Fetched only when a page that needs it opens (the staff check's worked examples), never
// precached: a visitor downloads nothing for it, and the check always reads the published table.
const ON_DEMAND = new Set(['cases.json']);
const fail = (msg) => { console.error(`stamp-offline: ${msg}`); process.exit(1); };

const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (!entry.name.startsWith('.')) walk(full); continue; }
    const rel = path.relative(dist, full).split(path.sep).join('/');
    if (rel === 'sw.js' || rel.endsWith('.gz')) continue;
    files.push(rel);
  }
})(dist);
files.sort();
if (!files.includes('index.html')) fail(`no index.html in ${dist}/`);

const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f + '\0').update(fs.readFileSync(path.join(dist, f))).update('\0');
const build = hash.digest('hex').slice(0, 16);

const replaceOnce = (file, from, to) => {
  const p = path.join(dist, file);
  const text = fs.readFileSync(p, 'utf8');
  if (!text.includes(from)) fail(`${file}: marker not found: ${from}`);
  fs.writeFileSync(p, text.replace(from, to));
};
replaceOnce('sw.js', "const BUILD = 'dev';", `const BUILD = '${build}';`);
const offline = files.filter((f) => !ON_DEMAND.has(f));
replaceOnce('sw.js', 'const FILES = [];', `const FILES = ${JSON.stringify(offline)};`);
replaceOnce('index.html', '<meta name="isumi-build" content="dev">', `<meta name="isumi-build" content="${build}">`);
console.log(`stamp-offline: build ${build}, ${offline.length} files for the offline copy`);
