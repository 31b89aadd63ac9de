#!/usr/bin/env bash
# Prints the raw and gzip bytes of every file in dist/ (build it first with scripts/build-release.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-dist}"
[ -d "$dir" ] || { echo "no $dir/: run bash scripts/build-release.sh first" >&2; exit 1; }
printf '%-48s %10s %10s\n' file raw gzip
total_raw=0; total_gz=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${f#"$dir"/}" "$raw" "$gz"
done < <(find "$dir" -type f ! -name '*.gz' | sort)
printf '%-48s %10d %10d\n' total "$total_raw" "$total_gz"
