// Byte budgets of what a visitor downloads before the first frame (gzip -9, as bench/run.mjs
// reports). Sizes are stable from build to build, unlike timings, so they are asserted: a change
// that makes the widget heavier must raise the budget here, on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { served, site } from './harness.mjs';

const gz = (file) => {
  const path = join(site, served(file));
  if (!existsSync(path)) throw new Error(`${path} is missing: run tools/test.sh, which builds the site first`);
  return gzipSync(readFileSync(path), { level: 9 }).length;
};

// What a widget downloads before its first frame. French adds its words (lang/fr.json); Arabic
// adds its words, the shaping module and Noto Sans Arabic, fetched only by a widget that shows it;
// the rest of Latin-1 (names in Spanish, Portuguese, ...) comes as two fonts the same way.
const FIRST_LOAD = ['widget.html', 'widget.css', 'widget-boot.js', 'likeloss.js', 'likeloss.wasm'];
const ARABIC = ['lang/ar.json', 'arabic.js', 'arabic.wasm', 'fonts/NotoSansArabic-Regular.ttf', 'fonts/NotoSansArabic-Bold.ttf'];
const MORE_LATIN = ['fonts/Inter-Latin-Regular.otf', 'fonts/Inter-Latin-SemiBold.otf'];
const total = (files) => files.reduce((sum, f) => sum + gz(f), 0);
const sizes = (files) => JSON.stringify(Object.fromEntries(files.map((f) => [f, gz(f)])));

// 191,000 until the program, the boot script and the stylesheet went under names of their contents,
// the .ini handlers and musl's printf left the program, and the Latin-1 letters French does not use
// left its fonts, and the renderer stopped reading GL state back (177,247 B in English, 179,575 B
// in French then).
test('the first load stays within its byte budget, in English and in French', () => {
  for (const files of [FIRST_LOAD, [...FIRST_LOAD, 'lang/fr.json']])
    assert.ok(total(files) <= 180_000, `first load ${total(files)} B gzip: ${sizes(files)}`);
  assert.ok(gz('likeloss.js') <= 16_000, `likeloss.js ${gz('likeloss.js')} B gzip (is it minified?)`);
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
