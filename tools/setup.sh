#!/usr/bin/env bash
# Installs what likeloss needs to build and test, and only what is missing:
#   Debian packages (Emscripten, nlohmann/json, GoogleTest, libcurl, Chromium, Firefox ESR and
#   WebKitGTK's WebDriver with Xvfb for the engines' smoke test, WordPress with its default theme,
#   MariaDB and Apache with PHP for the WordPress test (started by the test, on loopback), the Inter font,
#   fonttools, EGL and GLES on Mesa's software rasteriser with libpng for the native renderer,
#   and clang with its sanitizer and libFuzzer runtimes for the checked build),
#   Dear ImGui 1.86 and FriBidi from Debian's source packages into third_party/imgui and
#   third_party/fribidi (arabic.wasm; the native build links libfribidi-dev),
#   the npm packages of the browser tests (playwright-core, pngjs; puppeteer-core and
#   selenium-webdriver drive Firefox and WebKit) into node_modules.
# Safe to run again: it checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

packages=(cmake make g++ clang libclang-rt-dev python3 dpkg-dev libgtest-dev nlohmann-json3-dev libcurl4-openssl-dev emscripten chromium
          fonts-inter fonttools libfribidi-dev pkg-config fonts-noto-core
          libegl-dev libgles-dev libegl-mesa0 libgl1-mesa-dri libpng-dev
          firefox-esr webkit2gtk-driver xvfb
          wordpress wordpress-theme-twentytwentythree mariadb-server apache2 libapache2-mod-php)
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
updated=0
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  updated=1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js $(node -v) is too old for the browser tests (playwright-core needs 20 or newer)" >&2
  exit 1
fi

# Dear ImGui and FriBidi come from Debian's source packages, which need a deb-src entry. Derive
# one from the machine's own Debian entry rather than naming a mirror (once).
source_package() {  # source_package NAME DEST FILE: apt-get source NAME into DEST unless DEST/FILE exists
  local name=$1 dest=$2 file=$3 work
  [ -f "$dest/$file" ] && return 0
  if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
        as_root tee /etc/apt/sources.list.d/likeloss-src.sources >/dev/null
    elif [ -f /etc/apt/sources.list.d/ubuntu.sources ]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/ubuntu.sources |
        as_root tee /etc/apt/sources.list.d/likeloss-src.sources >/dev/null
    else
      sed -n 's/^deb /deb-src /p' /etc/apt/sources.list | as_root tee /etc/apt/sources.list.d/likeloss-src.list >/dev/null
    fi
    updated=0
  fi
  [ "$updated" -eq 1 ] || { as_root apt-get update -qq; updated=1; }
  work=$(mktemp -d)
  (cd "$work" && apt-get source -qq "$name" >/dev/null 2>&1) || { echo "setup: apt-get source $name failed" >&2; exit 1; }
  mkdir -p third_party
  rm -rf "$dest"
  mv "$work"/"$name"-*/ "$dest"
  rm -rf "$work"
}

source_package imgui third_party/imgui imgui.cpp
grep -q '#define IMGUI_VERSION *"1.86' third_party/imgui/imgui.h ||
  echo "setup: warning: Dear ImGui $(grep -o 'IMGUI_VERSION *"[^"]*"' third_party/imgui/imgui.h) is not the tested 1.86" >&2
# FriBidi for arabic.wasm; its tarball ships the generated Unicode tables (lib/*.tab.i).
source_package fribidi third_party/fribidi lib/fribidi-bidi.c

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/pngjs ] || [ ! -d node_modules/puppeteer-core ] ||
   [ ! -d node_modules/selenium-webdriver ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
