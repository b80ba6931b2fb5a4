// Shared set-up for the browser tests: the built site on a loopback server and a real headless
// Chromium. Nothing here is optional: if the site is not built or Chromium cannot start, the
// tests fail with the reason, they are never skipped.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { startServer } from '../../tools/serve.mjs';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const site = process.env.LIKELOSS_SITE || join(repo, 'build/web/site');
export const outDir = join(repo, 'tests/browser/out');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

// A port free on loopback now, for a server of a test's own.
export function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

// The name the site serves a file under: the program, the boot script and the stylesheet carry
// their contents' hash (tools/fingerprint.mjs lists them in site-files.json beside the site).
export function served(name) {
  const manifest = join(site, '..', 'site-files.json');
  if (!existsSync(manifest))
    throw new Error(`The web build is missing (${manifest}): run tools/test.sh, which builds it first.`);
  return JSON.parse(readFileSync(manifest, 'utf8'))[name] || name;
}

// `files`: paths served with other contents, e.g. { '/likeloss-config.json': '{...}' }.
// `log`: an array that gets each answer of the server ({ path, status, bytes }).
export async function startSite(files = {}, log = null) {
  if (!existsSync(join(site, served('likeloss.wasm'))))
    throw new Error(`The web build is missing (${site}/likeloss.wasm): run tools/test.sh, which builds it first.`);
  const server = await startServer({ root: site, files, log });
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

export async function launchBrowser(extraArgs = []) {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install chromium`);
  // A plain launch gives Chromium a fresh, temporary profile (--user-data-dir) every run.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

// Opens a page that records console errors and uncaught exceptions.
export async function openPage(browser, url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url);
  return { context, page, problems };
}

// Waits until the counter has drawn and published its figures.
export async function waitForCounter(page) {
  await page.waitForFunction(() => window.likeloss && window.likeloss.frames > 0 && window.likeloss.lines.length > 0,
    null, { timeout: 30000 });
  // The canvas height follows the content: wait until it stops changing.
  let last = -1;
  for (let i = 0; i < 50; i++) {
    const h = await page.evaluate(() => document.getElementById('likeloss-canvas').height);
    if (h === last) break;
    last = h;
    await page.waitForTimeout(100);
  }
}

export function decodePng(buffer) {
  return PNG.sync.read(buffer);
}

// Counts the pixels of an image within `tolerance` of a colour on every channel.
export function countColor(png, [r, g, b], tolerance = 6) {
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs(png.data[i] - r) <= tolerance && Math.abs(png.data[i + 1] - g) <= tolerance &&
        Math.abs(png.data[i + 2] - b) <= tolerance) n++;
  }
  return n;
}

export function ensureOutDir() {
  mkdirSync(outDir, { recursive: true });
  return outDir;
}

// A screenshot the README shows (docs/NAME.png) must be what the page shows now. The fresh one is
// written to tests/browser/out/NAME.png; UPDATE_SCREENSHOTS=1 copies it over the README's. The two
// are compared in blocks of 16 x 16 pixels: a few pixels of anti-aliasing may differ from one
// machine's graphics to another's, but no block may change by more than a quarter, which one digit
// of a figure, a colour or a line moved does. Returns what differs, or '' when they match.
export function compareWithReadme(shot, name) {
  const fresh = join(ensureOutDir(), `${name}.png`);
  const readme = join(repo, 'docs', `${name}.png`);
  writeFileSync(fresh, shot);
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(fresh, readme);
  if (!existsSync(readme)) return `${readme} is missing`;
  const a = decodePng(readFileSync(readme)), b = decodePng(shot);
  const advice = ` (the page now: ${fresh}; if that is intended, run the tests with UPDATE_SCREENSHOTS=1)`;
  if (a.width !== b.width || a.height !== b.height)
    return `docs/${name}.png is ${a.width} x ${a.height} pixels, the page ${b.width} x ${b.height}${advice}`;
  const B = 16, changed = [];
  for (let by = 0; by < a.height; by += B) {
    for (let bx = 0; bx < a.width; bx += B) {
      let n = 0, size = 0;
      for (let y = by; y < Math.min(by + B, a.height); y++) {
        for (let x = bx; x < Math.min(bx + B, a.width); x++, size++) {
          const i = (y * a.width + x) * 4;
          if (Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]),
                       Math.abs(a.data[i + 2] - b.data[i + 2])) > 48) n++;
        }
      }
      if (n > size / 4) changed.push(`${bx},${by}`);
    }
  }
  return changed.length ? `docs/${name}.png differs from the page in ${changed.length} blocks of 16 px, first at ${changed.slice(0, 5).join(' ')}${advice}` : '';
}

