// arabic.wasm as a widget loads it: a standalone module with no imports, instantiated without any
// Emscripten glue, giving the same visual lines as the native unit tests
// (tests/shaping/unit-shaping.cpp), and small enough to fetch when a widget shows Arabic.
//   node --test tests/shaping/            (LIKELOSS_SITE: a built site, default build/web/site)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const site = path.resolve(process.env.LIKELOSS_SITE ?? 'build/web/site');
const wasmFile = path.join(site, 'arabic.wasm');
const fontFiles = ['NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf'].map((f) => path.join(site, 'fonts', f));

// What a visitor downloads, compressed as a server would: gzip -9, and brotli at its best.
const budget = { wasm: 16 * 1024, font: 14 * 1024, total: 42 * 1024 };

assert.ok(existsSync(wasmFile), `${wasmFile} is missing: build the web preset first (cmake --build --preset web)`);

async function load() {
  const { instance, module } = await WebAssembly.instantiate(readFileSync(wasmFile), {});
  assert.deepEqual(WebAssembly.Module.imports(module), [], 'arabic.wasm imports nothing');
  instance.exports._initialize();  // the reactor's constructors (the allocator's free lists)
  return instance.exports;
}
const wasm = await load();

// likeloss_visual on raw UTF-8 bytes, as the widget's loader calls it.
function visualBytes(bytes, rtl) {
  const input = wasm.likeloss_alloc(bytes.length);
  new Uint8Array(wasm.memory.buffer, input, bytes.length).set(bytes);
  const output = wasm.likeloss_visual(input, bytes.length, rtl ? 1 : 0);
  wasm.likeloss_free(input);
  assert.notEqual(output, 0);
  const memory = new Uint8Array(wasm.memory.buffer);  // read after the call: memory may have grown
  const end = memory.indexOf(0, output);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(memory.subarray(output, end));
  wasm.likeloss_free(output);
  return text;
}
const visual = (text, rtl) => visualBytes(new TextEncoder().encode(text), rtl);
// "FEE1 FEFC FEB3" -> the string of those code points, as the native tests write them.
const points = (hex) => String.fromCodePoint(...hex.split(' ').map((h) => parseInt(h, 16)));

test('lam-alef and salam come out as the native tests expect', () => {
  assert.equal(visual('\u0644\u0627', true), points('FEFB'));
  assert.equal(visual('\u0633\u0644\u0627\u0645', true), points('FEE1 FEFC FEB3'));
});

test('the 2016 operator names', () => {
  assert.equal(visual('\u0627\u062A\u0635\u0627\u0644\u0627\u062A \u0627\u0644\u0645\u063A\u0631\u0628', true),
    points('FE8F FEAE FED0 FEE4 FEDF FE8D 0020 FE95 FEFB FE8E FEBC FE97 FE8D'));
  assert.equal(visual('\u0625\u0646\u0648\u064A', true), points('FEF1 FEEE FEE7 FE87'));
  assert.equal(visual('\u0645\u064A\u062F\u064A\u062A\u0644', true), points('FEDE FE98 FEF3 FEAA FEF4 FEE3'));
});

test('a Latin name and digits inside an Arabic sentence keep their order', () => {
  assert.equal(
    visual('\u062E\u0633\u0631\u062A Maroc Telecom 187,680 \u0625\u0639\u062C\u0627\u0628\u0627\u064B', true),
    points('064B FE8E FE91 FE8E FEA0 FECB FE87 0020') + 'Maroc Telecom 187,680' + points('0020 FE95 FEAE FEB4 FEA7'));
});

test('presentation forms are reordered, not changed; Latin is untouched', () => {
  assert.equal(visual('\uFEB3\uFEFC\uFEE1', true), points('FEE1 FEFC FEB3'));
  assert.equal(visual('\uFEDF\uFE8E', true), points('FE8E FEDF'));
  for (const s of ['', 'Maroc Telecom: 187,680 likes (7.67%)', '10 - 20', 'Caf\u00E9 \u20AC']) {
    assert.equal(visual(s, false), s);
    assert.equal(visual(s, true), s);
  }
});

test('ill-formed UTF-8 becomes U+FFFD, and nothing leaks', () => {
  assert.equal(visualBytes(Uint8Array.of(0x61, 0x62, 0x63, 0xC3), false), 'abc\uFFFD');
  assert.equal(visualBytes(Uint8Array.of(0xFF, 0xD9, 0x84, 0xD8, 0xA7), true), points('FEFB FFFD'));
  // Thousands of calls, then a line far larger than any label: memory settles, then grows once.
  const line = new TextEncoder().encode('\u062E\u0633\u0631\u062A Maroc Telecom 187,680 ');
  for (let i = 0; i < 5000; i++) visualBytes(line, true);
  const settled = wasm.memory.buffer.byteLength;
  for (let i = 0; i < 5000; i++) visualBytes(line, true);
  assert.equal(wasm.memory.buffer.byteLength, settled, 'no memory leaked per call');
  const long = visual('\u0633\u0644\u0627\u0645 '.repeat(20000), true);
  assert.equal(long, (' ' + points('FEE1 FEFC FEB3')).repeat(20000));
});

test('arabic.wasm and the fonts fit the budget', () => {
  const sizes = [wasmFile, ...fontFiles].map((file) => {
    const bytes = readFileSync(file);
    return {
      file: path.basename(file),
      raw: bytes.length,
      gzip: zlib.gzipSync(bytes, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  for (const s of sizes) console.log(`${s.file}: ${s.raw} B, gzip -9 ${s.gzip} B, brotli ${s.brotli} B`);
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`total gzip -9: ${total} B`);
  assert.ok(sizes[0].gzip <= budget.wasm, `arabic.wasm is ${sizes[0].gzip} B gzip, budget ${budget.wasm}`);
  for (const s of sizes.slice(1)) assert.ok(s.gzip <= budget.font, `${s.file} is ${s.gzip} B gzip, budget ${budget.font}`);
  assert.ok(total <= budget.total, `${total} B gzip in all, budget ${budget.total}`);
});
