#!/usr/bin/env bash
# Where the wasm's bytes go, by crate and by module (twiggy on the module
# before wasm-opt, which still has its names). Not part of the tests. Run after
# a release build (trunk build --release). Usage: bench/wasm-bytes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked
module=target/wasm32-unknown-unknown/release/budget-explorer.wasm
[ -f "$module" ] || { echo "no $module: run trunk build --release first" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# What wasm-bindgen makes of it, as trunk does, before wasm-opt.
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name app "$module"
twiggy top -n 100000 --format csv "$out/app_bg.wasm" | python3 bench/wasm-bytes.py
