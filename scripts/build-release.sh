#!/usr/bin/env bash
# Builds the release dist/ for static hosting: size-tuned wasm (opt-level z, LTO, wasm-opt -Oz) split
# into the first screen's module and the later screens' part (scripts/split.mjs), and
# relative asset URLs, so the folder works unchanged from any sub-path of any static server. Then
# minifies the JS glue and CSS (esbuild; their integrity hashes rewritten) and stamps the offline
# copy (service worker) with the build id and file list.
#   --gzip   also write a precompressed file.gz next to each text file (for servers that can send
#            them as-is, e.g. nginx gzip_static); other arguments go to trunk.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
gzip_files=no
args=()
for a in "$@"; do
  if [ "$a" = "--gzip" ]; then gzip_files=yes; else args+=("$a"); fi
done
# The `split` feature marks the later screens' split point; the linker keeps its relocations so
# that scripts/split.mjs can cut the module there (wasm-split-cli).
RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=--emit-relocs" \
  trunk build --release --offline --public-url ./ --features split ${args[@]+"${args[@]}"}
node scripts/split.mjs dist target/wasm32-unknown-unknown/release/isumi-check.wasm
node scripts/minify.mjs dist
node scripts/stamp-offline.mjs dist
if [ "$gzip_files" = yes ]; then
  find dist -type f \( -name '*.html' -o -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.wasm' -o -name '*.svg' -o -name '*.json' \) \
    -exec gzip -9 -k -f -n {} \;
  echo "build-release: wrote .gz copies next to $(find dist -name '*.gz' | wc -l) files"
fi
