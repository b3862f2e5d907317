#!/usr/bin/env bash
# Installs what building and testing cyberscreen needs, skipping whatever is
# already there. Only crates.io, npm and Debian packages are used: nothing is
# downloaded from anywhere else.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# The wasm-bindgen CLI must match the library locked in Cargo.lock exactly.
wasm_bindgen_version=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)
trunk_version=0.21.14

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "Adding $component"
    rustup component add "$component"
  fi
done

# Building these tools with link-time optimisation off halves their build time.
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}

if [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  say "Installing Trunk $trunk_version (several minutes)"
  fast_install trunk --version "$trunk_version" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "Installing wasm-bindgen-cli $wasm_bindgen_version"
  # Not --locked: its lock file wants a crate version the registry may lack.
  fast_install wasm-bindgen-cli --version "$wasm_bindgen_version"
fi

if ! have chromium || ! have chromedriver; then
  say "Installing Chromium and chromedriver from Debian"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
fi

# npm ci only when node_modules is missing or older than the lock file.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (wasm-opt, terser, playwright-core, axe-core, and SurveyJS for the benchmark's reference)"
  npm ci --no-audit --no-fund
fi

cargo fetch --locked >/dev/null
