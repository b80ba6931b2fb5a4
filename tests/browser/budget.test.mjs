// Byte budgets of what a visitor downloads before the first frame (gzip -9, as bench/run.mjs
// reports). Sizes are stable from build to build, unlike timings, so they are asserted: a change
// that makes the widget heavier must raise the budget here, on purpose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { site } from './harness.mjs';

const gz = (file) => {
  const path = join(site, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run tools/test.sh, which builds the site first`);
  return gzipSync(readFileSync(path), { level: 9 }).length;
};

test('the first load stays within its byte budget', () => {
  const files = ['widget.html', 'widget.css', 'widget-boot.js', 'likeloss.js', 'likeloss.wasm'];
  const sizes = Object.fromEntries(files.map((f) => [f, gz(f)]));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  assert.ok(total <= 191_000, `first load ${total} B gzip: ${JSON.stringify(sizes)}`);
  assert.ok(sizes['likeloss.js'] <= 16_000, `likeloss.js ${sizes['likeloss.js']} B gzip (is it minified?)`);
});

test("the loader a blog includes stays small", () => {
  assert.ok(gz('embed.js') <= 1_300, `embed.js ${gz('embed.js')} B gzip`);
});
