#!/usr/bin/env bash
# Builds the release dist/ for static hosting: size-tuned wasm (opt-level z, LTO, wasm-opt -Oz) and
# relative asset URLs, so the folder works unchanged from any sub-path of any static server.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release --offline --public-url ./ "$@"
