#!/usr/bin/env bash
# Runs every test: formatting and lints, the native unit and data tests, the
# release build with its size budget, and the end-to-end tests in headless
# Chromium. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
results=$(mktemp)
trap 'rm -f "$results"' EXIT

step "Formatting and lints"
cargo fmt --all -- --check
cargo clippy --quiet --all-targets --features preview,prerender -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown -- -D warnings

step "Native tests (core, data files, bad fixtures, fuzzing: FUZZ_CASES=${FUZZ_CASES:-2000})"
cargo test --quiet 2>&1 | tee -a "$results"

step "Data files are what docs/sources.md builds (scripts/build-data.py --check)"
python3 scripts/build-data.py --check

step "Data files, checked by the validator command"
cargo run --quiet --bin validate -- public/data public/example-agreement.json

step "JSON Schemas against the bundled data and the bad fixtures"
node --test tests/schema.test.mjs 2>&1 | tee -a "$results"

step "Release build"
trunk build --release --offline

step "The published data package, checked by the frictionless validator"
node --test tests/datapackage.test.mjs 2>&1 | tee -a "$results"

step "Size budget"
node tests/size-budget.mjs dist

step "End-to-end tests in headless Chromium"
rm -rf test-results
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e.json npx playwright test --reporter=list,json
node -e '
  const s = require("./test-results/e2e.json").stats;
  console.log(`e2e: ${s.expected} passed, ${s.unexpected + s.flaky} failed, ${s.skipped} skipped`);
' | tee -a "$results"

# One closing line over every runner.
awk '
  /test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed/) p += $(i-1); if ($(i) ~ /^failed/) f += $(i-1) } }
  /^e2e:/ { p += $2; f += $4 }
  /^# pass / { p += $3 }
  /^# fail / { f += $3 }
  END { printf "\nall: %d passed, %d failed\n", p, f; exit (f > 0) }
' "$results"
