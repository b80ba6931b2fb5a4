#!/usr/bin/env bash
# Quick start, first command: install what is missing, build the widget, serve the standalone
# page at http://127.0.0.1:${PORT:-8080}/ until Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
export NODE_PATH=/usr/share/nodejs  # Debian's Emscripten tools look for their JS modules there
cmake --preset web >/dev/null
cmake --build --preset web -j"$(nproc)"
exec node tools/serve.mjs --root build/web/site --port "${PORT:-8080}"
