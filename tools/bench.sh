#!/usr/bin/env bash
# The benchmark: install what is missing, build the widget and the bare Dear ImGui reference, and
# print sizes, time to first frame, CPU while idle and live, memory, and the twenty-widget page;
# then the native pictures' cost (bench/render.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
export NODE_PATH=/usr/share/nodejs  # Debian's Emscripten tools look for their JS modules there
cmake --preset web >/dev/null
cmake --build --preset web -j"$(nproc)" --target site_compressed likeloss_hello
cmake --preset native >/dev/null
cmake --build --preset native -j"$(nproc)" --target likeloss-render likeloss-collect
node bench/run.mjs
bench/render.sh
