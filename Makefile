# cyberscreen: `make serve` builds and serves the widget on 127.0.0.1:8080,
# `make test` runs every test. Both install what is missing first.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# Trunk must find wasm-opt (npm's binaryen) and wasm-bindgen on PATH, or it
# would try to download them.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT ?= 60
export WASM_BINDGEN_TEST_TIMEOUT ?= 180

TRUNK := trunk --offline=true

.PHONY: setup serve test lint native browser dist budget e2e bench wasm-profile tree fuzz

setup:
	scripts/setup.sh

# The release build, served by a plain static server with the headers of
# dist/_headers (not `trunk serve`, whose live-reload code and debug build
# are not what users get).
serve: setup dist
	@echo "Serving dist/ on http://127.0.0.1:8080 (Ctrl-C stops)"
	node scripts/serve.mjs 8080

test: setup lint native browser dist budget e2e
	@echo "All tests passed."

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings

# The core first: its tests build without yew, and say most about the rules.
native:
	cargo test -p cyberscreen-content
	cargo test -p cyberscreen-core
	cargo test -p cyberscreen

browser:
	cargo test --target wasm32-unknown-unknown --test browser

dist:
	$(TRUNK) build --release
	node scripts/embed-assets.mjs

# Fails when the release build's first render outgrows its size budget.
budget: dist
	node --test tests/budget.test.mjs

e2e: dist
	npm run --silent e2e

bench: setup dist
	node scripts/bench.mjs

# What the wasm is made of (twiggy on a build that keeps function names).
wasm-profile: setup
	scripts/wasm-profile.sh

# Regenerates what is made from content/: docs/tree.json, docs/tree.mmd,
# docs/TREE.md, and the start pages in index.html and src/boot/start/.
tree:
	CYBERSCREEN_BLESS=1 cargo test -p cyberscreen-core --test all content::exported_
	CYBERSCREEN_BLESS=1 cargo test -p cyberscreen --test native prerender::

# Fuzzes the decoders of links, saved answers and records (needs a nightly
# toolchain and cargo-fuzz: `cargo install cargo-fuzz`). Not part of `test`.
FUZZ_RUNS ?= 1000000
fuzz:
	cd fuzz && cargo +nightly fuzz run decoders -- -runs=$(FUZZ_RUNS) -max_len=8192
