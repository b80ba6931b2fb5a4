// Byte budgets of what a visitor downloads before the first frame (gzip -9, as bench/run.mjs
// reports). Sizes are stable from build to build, unlike timings, so they are asserted: a change
// that makes the widget heavier must raise the budget here, on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { served, site } from './harness.mjs';

const read = (file) => {
  const path = join(site, served(file));
  if (!existsSync(path)) throw new Error(`${path} is missing: run tools/test.sh, which builds the site first`);
  return readFileSync(path);
};
// Each file compressed once, whatever the checks and their messages ask of it.
const once = (size) => {
  const known = new Map();
  return (file) => {
    if (!known.has(file)) known.set(file, size(read(file)));
    return known.get(file);
  };
};
const gz = once((bytes) => gzipSync(bytes, { level: 9 }).length);
const br = once((bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);

// What a widget downloads before its first frame. French adds its words (lang/fr.json); Arabic
// adds its words, the shaping module and Noto Sans Arabic, fetched only by a widget that shows it;
// the rest of Latin-1 (names in Spanish, Portuguese, ...) comes as two fonts the same way.
const FIRST_LOAD = ['widget.html', 'widget.css', 'widget-boot.js', 'likeloss.js', 'likeloss.wasm'];
const ARABIC = ['lang/ar.json', 'arabic.js', 'arabic.wasm', 'fonts/NotoSansArabic-Regular.ttf', 'fonts/NotoSansArabic-Bold.ttf'];
const MORE_LATIN = ['fonts/Inter-Latin-Regular.otf', 'fonts/Inter-Latin-SemiBold.otf'];
const total = (files, size = gz) => files.reduce((sum, f) => sum + size(f), 0);
const sizes = (files, size = gz) => JSON.stringify(Object.fromEntries(files.map((f) => [f, size(f)])));

// 191,000 until the program, the boot script and the stylesheet went under names of their contents,
// the .ini handlers and musl's printf left the program, and the Latin-1 letters French does not use
// left its fonts, and the renderer stopped reading GL state back (177,247 B in English, 179,575 B
// in French then); 180,000 until Inter went on a 1000-unit grid, Emscripten's Browser object and
// ImGui's GLFW backend were cut to what the widget uses, and ImGui's atlas lost its cursors and its
// CRC table (167,560 / 142,724 B in English, 169,888 / 144,878 B in French then). French is allowed
// 1 KB more than it measured, as toolchain versions may move a build by some bytes.
test('the first load stays within its byte budget, in English and in French, gzip and brotli', () => {
  for (const [files, gzipped, brotli] of [[FIRST_LOAD, 170_000, 145_000], [[...FIRST_LOAD, 'lang/fr.json'], 171_000, 146_000]]) {
    assert.ok(total(files) <= gzipped, `first load ${total(files)} B gzip: ${sizes(files)}`);
    assert.ok(total(files, br) <= brotli, `first load ${total(files, br)} B brotli: ${sizes(files, br)}`);
  }
  assert.ok(gz('likeloss.js') <= 12_000, `likeloss.js ${gz('likeloss.js')} B gzip (is it minified?)`);
});

test('the rest of Latin-1 adds at most 11 KB, only to a widget whose feed shows it', () => {
  assert.ok(total(MORE_LATIN) <= 11_000, `the rest of Latin-1 adds ${total(MORE_LATIN)} B gzip: ${sizes(MORE_LATIN)}`);
});

test('what Arabic needs adds at most 60 KB, and only to a widget that shows Arabic', () => {
  assert.ok(total(ARABIC) <= 60_000, `Arabic adds ${total(ARABIC)} B gzip: ${sizes(ARABIC)}`);
});

// 1,300 until the iframe's title lost its direction controls (47 bytes); 1,350 until a link holding
// only a picture of the counter named its iframe by the picture's alt text (7 bytes), and the
// iframe went into a holder the blog's layout places (a block theme's column; 53 bytes).
test("the loader a blog includes stays small", () => {
  assert.ok(gz('embed.js') <= 1_425, `embed.js ${gz('embed.js')} B gzip`);
});
