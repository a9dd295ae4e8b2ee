#!/usr/bin/env bash
# The benchmark (not part of the tests): builds the release, then measures the
# app beside a static floor and a Chart.js peer in headless Chromium, and
# writes docs/performance.md. Takes about ten minutes. Usage: bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Lighthouse and Chart.js live in the benchmark's own folder, not the tests'.
if [ ! -d bench/node_modules/lighthouse ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi
trunk build --release --offline
node bench/run.mjs
