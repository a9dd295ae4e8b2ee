#!/usr/bin/env bash
# Installs what building (and, with --test, testing) the app needs, skipping
# whatever is already there. Safe to run again. Usage: scripts/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=0.2.130
with_test_tools=false
[ "${1:-}" = "--test" ] && with_test_tools=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root (or sudo) to run: $*" >&2; exit 1
  fi
}

apt_updated=false
apt_install() {
  if ! $apt_updated; then as_root apt-get update -qq; apt_updated=true; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs) first." >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
if ! command -v rustfmt >/dev/null || ! cargo clippy --version >/dev/null 2>&1; then
  rustup component add rustfmt clippy
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (takes a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! command -v npm >/dev/null; then
  say "Installing Node.js and npm"
  apt_install nodejs npm
fi

# wasm-opt 132 (npm binaryen; Debian's 108 breaks the wasm), Playwright and axe-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (wasm-opt, Playwright, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The Frictionless Data validator (PyPI), for the published data package.
# The link-preview image is drawn at build time with the system's DejaVu Sans.
if [ ! -d /usr/share/fonts/truetype/dejavu ]; then
  say "Installing the DejaVu fonts (for the link-preview image)"
  apt_install fonts-dejavu-core
fi

FRICTIONLESS_VERSION=5.21.0
if $with_test_tools && [ "$(.tools/venv/bin/frictionless --version 2>/dev/null)" != "$FRICTIONLESS_VERSION" ]; then
  say "Installing the frictionless validator $FRICTIONLESS_VERSION"
  command -v python3 >/dev/null || apt_install python3 python3-venv
  if ! python3 -m venv .tools/venv 2>/dev/null; then
    apt_install python3-venv
    python3 -m venv .tools/venv
  fi
  .tools/venv/bin/pip install --quiet --disable-pip-version-check "frictionless==$FRICTIONLESS_VERSION"
fi

if $with_test_tools && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  say "Installing Chromium for the end-to-end tests"
  apt_install chromium chromium-driver fonts-dejavu-core
fi

cargo fetch --quiet
