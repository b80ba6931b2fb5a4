// The benchmark: the widget beside a bare Dear ImGui "hello" page built with the same flags, both
// served on loopback and measured in headless Chromium. Prints a table; asserts nothing (timings
// on shared machines are noisy). Run it with tools/bench.sh, which builds both first.
//
//   BENCH_RUNS=15 BENCH_SECONDS=30 node bench/run.mjs
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser, repo, served, site } from '../tests/browser/harness.mjs';
import { startServer } from '../tools/serve.mjs';

const RUNS = Number(process.env.BENCH_RUNS || 15);
const SECONDS = Number(process.env.BENCH_SECONDS || 30);
const benchDir = join(repo, 'build/web/bench');

const iso = (t) => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z');
// A live feed beside the widget: one page losing one like a second, so one visible change a second.
function liveFeed() {
  const now = Date.now();
  return JSON.stringify({
    version: 1, campaign: { title: 'Live', since: iso(now - 3600e3) },
    money: { currency: 'MAD', per_unit: { value: 3, status: 'assumption', note: 'benchmark' } },
    update_interval_s: 3600,
    pages: [{ id: 'a', name: 'A', baseline: { at: iso(now - 3600e3), count: 100000, status: 'assumption' },
              samples: [{ at: iso(now), count: 99000, status: 'assumption' }], rate_per_s: -1 }],
    generated_at: iso(now),
  });
}
// N badges in a grid of five columns, at 1600 x 1200: twenty fill the screen, fifty go below it.
const grid = (n) => `<!doctype html><title>${n}</title><link rel="icon" href="data:,">
<style>body{display:grid;grid-template-columns:repeat(5,1fr);gap:8px}</style>
${Array.from({ length: n }, (_, i) => `<div><a class="likeloss-embed" href="/widget.html?layout=badge">w${i}</a></div>`).join('')}
<script async src="/embed.js"></script>`;
const COUNTS = [1, 5, 20, 50];
// The widget's server logs its answers, for what a returning visitor asks for again.
const answers = [];
const widgetServer = await startServer({ root: site, log: answers, files: { '/bench/live.json': liveFeed(),
  ...Object.fromEntries(COUNTS.map((n) => [`/bench/grid-${n}.html`, grid(n)])) } });
const helloServer = await startServer({ root: benchDir });
const W = `http://127.0.0.1:${widgetServer.address().port}`;
const H = `http://127.0.0.1:${helloServer.address().port}`;
const browser = await launchBrowser();

// The site's files by their plain names (the program's is named after its contents when served).
function sizes(dir, files) {
  let raw = 0, gz = 0, br = 0;
  const rows = files.map((f) => {
    const bytes = readFileSync(join(dir, dir === site ? served(f) : f));
    const g = gzipSync(bytes, { level: 9 }).length;
    const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    raw += bytes.length;
    gz += g;
    br += b;
    return [f, bytes.length, g, b];
  });
  return { rows, raw, gz, br };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Median, and the spread: the fastest and the slowest load.
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), all: xs });

async function firstFrame(url, probe) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(probe, null, { timeout: 30000 });
  const at = await page.evaluate(probe);
  await context.close();
  return at;
}

// The widget and the reference load by turns, after one unmeasured load of each (the browser's
// own start-up), so a machine that gets busier or quieter during the run weighs on both alike.
async function firstFrames(pages) {
  const times = pages.map(() => []);
  for (const [url, probe] of pages) await firstFrame(url, probe);
  for (let i = 0; i < RUNS; i++)
    for (const [k, [url, probe]] of pages.entries()) times[k].push(await firstFrame(url, probe));
  return times.map(spread);
}

// A returning visitor: the same browser profile loads the widget a second time. What reaches the
// server each time (requests, bytes of bodies as sent, br when accepted) and the first frame.
async function returning(url, probe) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const visits = [];
  for (let i = 0; i < 2; i++) {
    answers.splice(0);
    await page.goto(url);
    await page.waitForFunction(probe, null, { timeout: 30000 });
    const at = await page.evaluate(probe);
    await page.waitForTimeout(500);  // requests the first frame does not wait for
    visits.push({ at, requests: answers.length, full: answers.filter((a) => a.status === 200).length,
      bytes: answers.reduce((sum, a) => sum + a.bytes, 0) });
    await page.goto('about:blank');
  }
  await context.close();
  return visits;
}

// Main-thread CPU of the page (TaskDuration) over SECONDS, as a percent of one core, and frames.
async function cpu(url, ready, frames, memory) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(ready, null, { timeout: 30000 });
  await page.waitForTimeout(1500);  // past the first settling frames
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const t0 = await metric('TaskDuration'), f0 = await page.evaluate(frames), w0 = Date.now();
  await page.waitForTimeout(SECONDS * 1000);
  const t1 = await metric('TaskDuration'), f1 = await page.evaluate(frames), w1 = Date.now();
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const wasm = memory ? await page.evaluate(memory) : 0;
  await context.close();
  return { cpu: (100 * (t1 - t0)) / ((w1 - w0) / 1000), frames: f1 - f0, heap, wasm };
}

const widgetFiles = ['widget.html', 'widget-boot.js', 'widget.css', 'likeloss.js', 'likeloss.wasm'];
const widget = sizes(site, widgetFiles);
const embed = sizes(site, ['embed.js']);
// A French widget also fetches its words; an Arabic one its words, the shaping module and the font.
const french = sizes(site, ['lang/fr.json']);
const arabic = sizes(site, ['lang/ar.json', 'arabic.js', 'arabic.wasm', 'fonts/NotoSansArabic-Regular.ttf', 'fonts/NotoSansArabic-Bold.ttf']);
// A feed with names in Spanish, Portuguese, ...: the rest of Latin-1.
const moreLatin = sizes(site, ['fonts/Inter-Latin-Regular.otf', 'fonts/Inter-Latin-SemiBold.otf']);
const hello = sizes(benchDir, ['hello.html', 'hello-boot.js', 'hello.js', 'hello.wasm']);

// Before widget-boot.js runs, window.likeloss is the element of that id (elements are exposed by
// id): every probe reads the widget's state through these, never assuming it is there.
const widgetReady = () => Array.isArray(window.likeloss?.lines) && window.likeloss.frames > 0 && window.likeloss.lines.length > 0 && window.likeloss.firstFrameAt;
const helloReady = () => window.hello && window.hello.frames > 0 && window.hello.firstFrameAt;
const [ttffWidget, ttffFrench, ttffArabic, ttffHello] = await firstFrames([[`${W}/widget.html?lang=en`, widgetReady],
  [`${W}/widget.html?lang=fr`, widgetReady], [`${W}/widget.html?lang=ar`, widgetReady], [`${H}/hello.html`, helloReady]]);

const back = await returning(`${W}/widget.html?lang=en`, widgetReady);
const idle = await cpu(`${W}/widget.html?lang=en`, widgetReady, () => window.likeloss.frames, () => window.likeloss.memoryBytes());
const idleArabic = await cpu(`${W}/widget.html?lang=ar`, widgetReady, () => window.likeloss.frames, () => window.likeloss.memoryBytes());
const live = await cpu(`${W}/widget.html?source=/bench/live.json`, () => Array.isArray(window.likeloss?.lines) && window.likeloss.lines.some((l) => l.replace(/[\u2066-\u2069]/g, '').startsWith('A: ')),
  () => window.likeloss.frames, () => window.likeloss.memoryBytes());
const busy = await cpu(`${H}/hello.html`, helloReady, () => window.hello.frames, null);

const context = await browser.newContext({ viewport: { width: 1600, height: 1200 } });
const page = await context.newPage();
await page.goto(`${W}/bench/grid-20.html`);
await page.waitForFunction(() => {
  const f = [...document.querySelectorAll('iframe')];
  return f.length === 20 && f.every((x) => {
    const l = x.contentWindow?.likeloss;
    return l && l.lines && l.lines.length && (l.error || l.frames > 0 || l.contextLost);  // before the boot script, window.likeloss is the element of that id
  });
}, null, { timeout: 60000 });
// Each widget: drawn, its figures as text (its context taken by the browser), another failure,
// out of view with its context given back, or blank (in view with neither figures nor text).
const twentyResult = await page.$$eval('iframe', (fs) => fs.map((f) => {
  const l = f.contentWindow.likeloss;
  const r = f.getBoundingClientRect();
  const inView = r.bottom > 0 && r.top < innerHeight;
  if (l.error) return /stopped drawing/.test(l.error) ? 'text' : 'error';
  if (!l.contextLost && l.frames > 0) return 'drawn';
  return inView ? 'blank' : 'away';
}));
await context.close();

// Many widgets: how long until every one in view shows its figures (drawn, or as text when the
// browser took its context), and what each costs: its wasm memory, and the page's JS heap
// (the widgets' frames share the page's) divided among them. Run twice, in alternating order.
async function many(n) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1200 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const t0 = Date.now();
  await page.goto(`${W}/bench/grid-${n}.html`);
  await page.waitForFunction((count) => {
    const f = [...document.querySelectorAll('iframe')];
    return f.length === count && f.every((x) => {
      const r = x.getBoundingClientRect();
      if (!(r.bottom > 0 && r.top < innerHeight)) return true;  // out of view: loaded later, lazily
      const l = x.contentWindow?.likeloss;
      return Array.isArray(l?.lines) && l.lines.length && (l.frames > 0 || l.error);
    });
  }, n, { timeout: 120000 });
  const shown = Date.now() - t0;
  await page.waitForTimeout(1000);
  const wasm = await page.$$eval('iframe', (fs) => fs.map((f) => f.contentWindow.likeloss?.memoryBytes?.() || 0));
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const loaded = wasm.filter((b) => b > 0);
  await context.close();
  return { shown, loaded: loaded.length, wasm: loaded.reduce((a, b) => a + b, 0) / Math.max(1, loaded.length), heap: heap / n };
}
const crowd = Object.fromEntries(COUNTS.map((n) => [n, []]));
for (let round = 0; round < 2; round++)
  for (const n of round ? [...COUNTS].reverse() : COUNTS) crowd[n].push(await many(n));
await browser.close();
widgetServer.close();
helloServer.close();

const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const pct = (n) => n.toFixed(2) + ' %';
console.log(`likeloss benchmark (headless Chromium, loopback; median of ${RUNS} loads, CPU over ${SECONDS} s)\n`);
console.log('| file | raw | gzip | brotli |\n|---|---|---|---|');
for (const [f, r, g, b] of [...widget.rows, ...french.rows, ...arabic.rows, ...moreLatin.rows, ...embed.rows, ...hello.rows])
  console.log(`| ${f} | ${r.toLocaleString('en')} | ${g.toLocaleString('en')} | ${b.toLocaleString('en')} |`);
console.log('');
console.log('| | widget | hello reference |\n|---|---|---|');
console.log(`| first load, gzip / brotli, English (bytes) | ${widget.gz.toLocaleString('en')} / ${widget.br.toLocaleString('en')} B | ${hello.gz.toLocaleString('en')} / ${hello.br.toLocaleString('en')} B |`);
console.log(`| first load, gzip / brotli, English | ${kb(widget.gz)} / ${kb(widget.br)} (+ embed.js ${kb(embed.gz)}) | ${kb(hello.gz)} / ${kb(hello.br)} |`);
console.log(`| first load, gzip / brotli, French | ${kb(widget.gz + french.gz)} / ${kb(widget.br + french.br)} | |`);
console.log(`| first load, gzip / brotli, a feed with names beyond French's letters | ${kb(widget.gz + moreLatin.gz)} / ${kb(widget.br + moreLatin.br)} | |`);
console.log(`| first load, gzip / brotli, Arabic | ${kb(widget.gz + arabic.gz)} / ${kb(widget.br + arabic.br)} (Arabic's extras ${kb(arabic.gz)} / ${kb(arabic.br)}) | |`);
const ms = (x) => `${x.median.toFixed(0)} ms (${x.min.toFixed(0)}-${x.max.toFixed(0)})`;
console.log(`| navigation to first frame, median (fastest-slowest) of ${RUNS} cold loads by turns: English, French, Arabic | ${ms(ttffWidget)}, ${ms(ttffFrench)}, ${ms(ttffArabic)} | ${ms(ttffHello)} |`);
console.log(`| first frame, English, to the reference's | ${(ttffWidget.median / ttffHello.median).toFixed(2)}x (medians) | |`);
const visit = (v) => `${v.requests} requests (${v.full} with a body), ${kb(v.bytes)}, first frame ${v.at.toFixed(0)} ms`;
console.log(`| a visitor's first load / return (same profile, br) | ${visit(back[0])} / ${visit(back[1])} | |`);
console.log(`| main-thread CPU, idle (bundled 2016 feed) | ${pct(idle.cpu)}, ${idle.frames} frames | ${pct(busy.cpu)}, ${busy.frames} frames (redraws every frame) |`);
console.log(`| main-thread CPU, idle, in Arabic | ${pct(idleArabic.cpu)}, ${idleArabic.frames} frames | |`);
console.log(`| main-thread CPU, live (one change a second) | ${pct(live.cpu)}, ${live.frames} frames in ${SECONDS} s | |`);
console.log(`| memory: wasm / JS heap | ${kb(idle.wasm)} / ${kb(idle.heap)} | - / ${kb(busy.heap)} |`);
const count = (k) => twentyResult.filter((x) => x === k).length;
console.log(`| twenty widgets on one page | ${count('drawn')} drawn, ${count('text')} as text, ${count('away')} out of view, ${count('error')} failed, ${count('blank')} blank | |`);
console.log('\n| badges on one page (1600 x 1200) | until all in view show figures (two runs) | widgets loaded | wasm memory each | JS heap each |\n|---|---|---|---|---|');
for (const n of COUNTS) {
  const [a, b] = crowd[n];
  console.log(`| ${n} | ${a.shown}, ${b.shown} ms | ${a.loaded} | ${kb((a.wasm + b.wasm) / 2)} | ${kb((a.heap + b.heap) / 2)} |`);
}
