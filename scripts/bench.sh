#!/usr/bin/env bash
# Performance benchmark (README "Performance"): builds the release dist/, loads it in headless
# Chromium with a phone-like profile beside a script-free floor page (median of N runs), runs the
# rules engine's benchmark, prints a table against the budgets, the bytes of every part (raw, gzip,
# brotli) and writes target/bench/results.json. With --lighthouse, also N Lighthouse mobile runs
# (lighthouse@12 from npm, installed once under target/bench/, Debian's Chromium, offline).
# Budgets are goals: a miss is reported, never an exit code. Takes ~3–5 minutes on 2 busy cores
# (+ ~1 minute per Lighthouse run).
#   bash scripts/bench.sh [--runs N] [--no-build] [--smoke] [--lighthouse N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=7; build=1; smoke=(); lighthouse=0
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --no-build) build=0 ;;
    --smoke) smoke=(--smoke); runs=1 ;;   # one quick pass: checks the bench runs, figures meaningless
    --lighthouse) lighthouse="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
bash scripts/setup.sh
source scripts/env.sh
mkdir -p target/bench
[ "$build" -eq 1 ] && bash scripts/build-release.sh
node tests/bench/load.mjs --runs "$runs" --out target/bench/load.json "${smoke[@]}"
cargo bench --locked --bench engine 2>/dev/null | grep '^engine:' > target/bench/engine.txt
rm -f target/bench/lighthouse.json
if [ "$lighthouse" -gt 0 ]; then
  # Lighthouse 13 needs a newer Node; 12 runs here. Kept out of package.json: only the bench uses it.
  lh=target/bench/lighthouse-cli
  [ -x "$lh/node_modules/.bin/lighthouse" ] || npm install --prefix "$lh" --no-audit --no-fund --silent lighthouse@12
  node tests/bench/lighthouse.mjs --bin "$lh/node_modules/.bin/lighthouse" --runs "$lighthouse"
fi
node tests/bench/report.mjs target/bench/load.json target/bench/engine.txt target/bench/results.json dist target/bench/lighthouse.json
