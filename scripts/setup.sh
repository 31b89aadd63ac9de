#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test the app on a Debian machine that has only
# the Rust toolchain. Idempotent: each step checks first, so a second run takes seconds.
# Everything comes from the package registries (Debian, crates.io, npm): nothing is downloaded
# from anywhere else, which is why Trunk gets its wasm-bindgen and wasm-opt from PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# 1. Debian packages: Chromium + driver for browser tests, Japanese fonts so screenshots and PDFs
#    show text, poppler (pdftotext) and zbar (QR decoding) for the application tests, Node for npm.
apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
command -v node >/dev/null || apt_missing+=(nodejs)
command -v npm >/dev/null || apt_missing+=(npm)
command -v pdftotext >/dev/null || apt_missing+=(poppler-utils)
command -v zbarimg >/dev/null || apt_missing+=(zbar-tools)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -q CJK || apt_missing+=(fonts-noto-cjk)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "apt-get install ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

# 2. Rust: the wasm target and the lint components.
rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# 3. Trunk 0.21.14 (0.22 needs a newer rustc). Building it takes ~16 minutes on 2 cores, once.
if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14'; then
  say "cargo install trunk 0.21.14 (slow, once)"
  cargo install trunk --version 0.21.14 --locked
fi

# 4. wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock. Without --locked: its own
#    lock file names a crate version the registry lacks.
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg_version\$"; then
  say "cargo install wasm-bindgen-cli $wbg_version"
  cargo install wasm-bindgen-cli --version "$wbg_version" --force
fi

# 4b. wasm-split-cli (crate wasm_split_cli_support): splits the release wasm into the first
#     screen's module and the later screens' part (scripts/split.mjs).
if ! wasm-split-cli --help >/dev/null 2>&1 || [ "$(cat "$HOME/.cargo/.wasm-split-version" 2>/dev/null)" != 0.2.4 ]; then
  say "cargo install wasm_split_cli_support 0.2.4"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked --force
  echo 0.2.4 > "$HOME/.cargo/.wasm-split-version"
fi

# 5. npm packages (playwright-core, axe-core, binaryen's wasm-opt) from the committed lock file.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.lock-sum 2>/dev/null)" != "$lock_sum" ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.lock-sum
fi

# 6. Crates, so the builds can run offline.
cargo fetch --locked -q
say "ready (trunk $(trunk --version | awk '{print $2}'), wasm-bindgen $wbg_version, $(wasm-opt --version | awk '{print $1, $3}'), $(chromium --version 2>/dev/null | head -1))"
