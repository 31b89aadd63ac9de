#!/usr/bin/env bash
# Sets up what is missing, then runs every test: formatting, lints (native and wasm32), the native
# rules tests, the wasm component tests in headless Chromium, the release build, and the end-to-end
# browser tests against that build served from a sub-path. Ends with a one-line summary; exits
# non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || { echo "summary: 0 passed, 1 failed (setup)"; exit 1; }
source scripts/env.sh

logs="target/test-logs"; mkdir -p "$logs"
passed=0; failed=0; stages=()

# Prints the test counts a runner printed: cargo's "test result:" lines and node's
# "# pass/# fail" lines. A stage with no such lines counts as one check.
count() {
  local log="$1" status="$2" p f
  p=$( { grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) passed.*/\1/'; grep -E '^# pass [0-9]+' "$log" | awk '{print $3}'; } | awk '{s+=$1} END {print s+0}')
  f=$( { grep -E '^test result:' "$log" | sed -E 's/.* ([0-9]+) failed.*/\1/'; grep -E '^# fail [0-9]+' "$log" | awk '{print $3}'; } | awk '{s+=$1} END {print s+0}')
  if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
    if [ "$status" -eq 0 ]; then p=1; else f=1; fi
  elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    f=1   # the runner failed without a failing test (a build error, a crash)
  fi
  echo "$p $f"
}

stage() {
  local name="$1"; shift
  local log="$logs/$name.log"
  printf '\n\033[1m== %s\033[0m: %s\n' "$name" "$*"
  local start=$SECONDS
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  read -r p f < <(count "$log" "$status")
  passed=$((passed + p)); failed=$((failed + f))
  stages+=("$(printf '%-14s %-4s %5d passed %3d failed  %4ds' "$name" "$([ "$status" -eq 0 ] && echo ok || echo FAIL)" "$p" "$f" $((SECONDS - start)))")
  return "$status"
}

stage fmt cargo fmt --all --check
stage clippy cargo clippy --all-targets --locked -- -D warnings
stage clippy-wasm cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --locked -- -D warnings
stage clippy-split cargo clippy --target wasm32-unknown-unknown --lib --bins --features split --locked -- -D warnings
stage rules cargo test --locked
stage wasm cargo test --target wasm32-unknown-unknown --locked --test web
if stage build bash scripts/build-release.sh; then
  stage e2e node --test --test-concurrency=1 --test-reporter=tap tests/e2e/
  bash scripts/size-report.sh | tail -n 12
else
  failed=$((failed + 1)); stages+=("e2e            skipped: the release build failed")
fi

printf '\n\033[1m== stages\033[0m\n'; printf '%s\n' "${stages[@]}"
echo "summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
