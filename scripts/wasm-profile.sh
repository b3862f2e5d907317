#!/usr/bin/env bash
# What the release wasm is made of: builds it as `make dist` does but keeps
# the function names, then prints twiggy's largest items and, for the whole
# file, the share of data (mostly the texts) and of code. Installs twiggy
# from crates.io if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

twiggy_version=0.8.0
if [ "$(twiggy --version 2>/dev/null)" != "twiggy-opt $twiggy_version" ]; then
  cargo install twiggy --version "$twiggy_version" --locked
fi

out=target/wasm-profile
rm -rf "$out"
cargo build --release --target wasm32-unknown-unknown --bin cyberscreen
wasm-bindgen --target web --keep-debug --out-dir "$out" target/wasm32-unknown-unknown/release/cyberscreen.wasm
wasm-opt -Oz --converge --debuginfo "$out/cyberscreen_bg.wasm" -o "$out/named.wasm"

twiggy top -n "${TOP:-40}" "$out/named.wasm"
twiggy top -n 1000000 -f csv "$out/named.wasm" >"$out/top.csv"
node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").slice(1)
    .map((l) => { const m = l.match(/^(".*"|[^,]*),(\d+),/); return { name: m[1], bytes: Number(m[2]) }; });
  const sum = (f) => rows.filter(f).reduce((n, r) => n + r.bytes, 0);
  const names = sum((r) => /names"+ subsection|module name|custom section .name./.test(r.name));
  const data = sum((r) => r.name.includes("data segment"));
  const yew = sum((r) => /^"?<?yew::/.test(r.name) || r.name.includes("CompStateInner"));
  const total = sum(() => true) - names;
  const kb = (n) => (n / 1000).toFixed(1) + " KB";
  console.log(`\nwithout the names section: ${kb(total)}; data ${kb(data)}; Yew (with the pages it inlines) ${kb(yew)}; other code ${kb(total - data - yew)}`);
' "$out/top.csv"
