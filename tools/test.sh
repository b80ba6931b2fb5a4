#!/usr/bin/env bash
# Quick start, second command: install what is missing, build both sides and run every test.
#   1. the core's unit tests (GoogleTest under CTest), native, and every layout drawn natively
#      (EGL without a display) against its reference image
#   2. the same tests again under AddressSanitizer + UBSan (preset asan, clang)
#   3. the collector (likeloss-collect) against a Graph-API-like server on 127.0.0.1
#   4. the browser tests (node:test + playwright-core) in a real headless Chromium, then a smoke
#      subset in Chromium, Firefox ESR and WebKitGTK (tests/engines; Firefox and WebKit on Xvfb),
#      and the snippet on a real WordPress (tests/wordpress: Debian's, MariaDB and Apache on loopback)
#   5. every parser of outside input fuzzed for a short while (tools/fuzz.sh, libFuzzer)
# Any failure, including a browser that cannot start or a sanitizer report, fails the whole command.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
export NODE_PATH=/usr/share/nodejs

echo "== native build and unit tests"
cmake --preset native >/dev/null
cmake --build --preset native -j"$(nproc)"
ctest --preset native

echo "== sanitised unit tests (AddressSanitizer + UBSan)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$(nproc)"
ctest --preset asan

echo "== web build"
cmake --preset web >/dev/null
cmake --build --preset web -j"$(nproc)"

echo "== collector tests, the parameters' copies checked against the registry, arabic.wasm against the native shaping"
node --test --test-concurrency=1 tests/collector/ tests/drift/ tests/shaping/

echo "== browser tests"
node --test --test-concurrency=1 tests/browser/

echo "== the smoke test in three engines (Chromium, Firefox, WebKit)"
node --test --test-concurrency=1 tests/engines/

echo "== the snippet on a real WordPress"
node --test --test-concurrency=1 tests/wordpress/

echo "== fuzzing (libFuzzer + AddressSanitizer + UBSan; longer: tools/fuzz.sh SECONDS)"
tools/fuzz.sh
