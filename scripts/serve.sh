#!/usr/bin/env bash
# Sets up what is missing, then serves the app on http://127.0.0.1:8080 and rebuilds it on change.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
# --no-autoreload: Trunk's autoreload is an inline script, which the page's Content-Security-Policy
# (the same in development as when published) refuses. Reload the page by hand after a rebuild.
exec trunk serve --offline --no-autoreload=true --address 127.0.0.1 --port 8080 "$@"
