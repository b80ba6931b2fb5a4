// The three browser engines a visitor comes with, behind one small interface, so that one smoke
// test runs in each: Chromium (Blink) through playwright-core, headless; Firefox ESR (Gecko)
// through puppeteer-core over WebDriver BiDi; WebKitGTK's MiniBrowser (WebKit, Safari's engine)
// through WebKitWebDriver and selenium-webdriver. Firefox and WebKit have no WebGL headless on
// these machines, so they run visible on a private Xvfb display. Nothing is optional: an engine
// that cannot start fails its tests with the reason.
//
//   const engine = await startEngine('firefox', { webgl: false });
//   const page = await engine.open(url, { width: 900, height: 900 });
//   await page.waitFor(() => window.likeloss?.frames > 0);
//   const png = await page.shot();          // the viewport, as pngjs reads it
//   page.problems                           // console errors and uncaught exceptions so far (null
//                                           // where the engine's console cannot be read)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { Builder } from 'selenium-webdriver';
import { decodePng, freePort, launchBrowser } from '../browser/harness.mjs';

// LIKELOSS_ENGINES=webkit,firefox runs fewer, while working on one; tools/test.sh runs all three.
export const ENGINES = (process.env.LIKELOSS_ENGINES || 'chromium,firefox,webkit').split(',');
for (const name of ENGINES) if (!['chromium', 'firefox', 'webkit'].includes(name)) throw new Error(`no engine called ${name}`);
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
// MiniBrowser sits in the architecture's library folder (/usr/lib/x86_64-linux-gnu, aarch64-linux-gnu...).
const MINIBROWSER = process.env.MINIBROWSER || (() => {
  const lib = readdirSync('/usr/lib').find((d) => existsSync(`/usr/lib/${d}/webkit2gtk-4.1/MiniBrowser`));
  return `/usr/lib/${lib || 'x86_64-linux-gnu'}/webkit2gtk-4.1/MiniBrowser`;
})();
const WEBKITDRIVER = process.env.WEBKITDRIVER || '/usr/bin/WebKitWebDriver';

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// One Xvfb for the whole run, on a display number it picks itself (-displayfd).
let display = null;
export function startDisplay() {
  if (display) return display;
  display = new Promise((ok, fail) => {
    const x = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1200x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let err = '';
    x.stderr.on('data', (d) => { err += d; });
    x.on('error', (e) => fail(new Error(`Xvfb cannot start (${e.message}): apt-get install xvfb`)));
    x.on('exit', (code) => fail(new Error(`Xvfb exited (${code}): ${err.slice(-400)}`)));
    x.stdio[3].on('data', (d) => ok({ name: `:${String(d).trim()}`, stop: () => x.kill() }));
    process.once('exit', () => x.kill());  // never left behind, however the run ends
  });
  return display;
}
export async function stopDisplay() {
  if (display) (await display.catch(() => null))?.stop();
  display = null;
}

// Polls `fn(arg)` in the page until it returns something truthy.
async function poll(page, fn, arg, timeout, what) {
  const end = Date.now() + timeout;
  let last = null;
  for (;;) {
    try {
      const v = await page.eval(fn, arg);
      if (v) return v;
    } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`${what || fn.toString().slice(0, 120)} was not true within ${timeout} ms${last ? ` (${last.message})` : ''}`);
    await sleep(100);
  }
}

// The part of a viewport picture inside a CSS-pixel rectangle.
export function crop(png, rect, ratio = 1) {
  const x0 = Math.max(0, Math.round(rect.x * ratio)), y0 = Math.max(0, Math.round(rect.y * ratio));
  const w = Math.min(png.width - x0, Math.round(rect.width * ratio)), h = Math.min(png.height - y0, Math.round(rect.height * ratio));
  const data = Buffer.alloc(Math.max(0, w * h * 4));
  for (let y = 0; y < h; y++) png.data.copy(data, y * w * 4, ((y0 + y) * png.width + x0) * 4, ((y0 + y) * png.width + x0 + w) * 4);
  return { width: w, height: h, data };
}

class Page {
  constructor() { this.problems = []; }
  waitFor(fn, arg, { timeout = 30000, what } = {}) { return poll(this, fn, arg, timeout, what); }
}

async function startChromium({ webgl }) {
  const browser = await launchBrowser(webgl ? [] : ['--disable-webgl', '--disable-webgl2']);
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    async open(url, { width = 900, height = 900 } = {}) {
      const context = await browser.newContext({ viewport: { width, height } });
      const p = await context.newPage();
      const page = new Page();
      p.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
      p.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
      Object.assign(page, {
        eval: (fn, arg) => p.evaluate(fn, arg),
        shot: async () => decodePng(await p.screenshot()),
        move: (x, y) => p.mouse.move(x, y),
        wheel: async (x, y, dy) => { await p.mouse.move(x, y); await p.mouse.wheel(0, dy); },
        close: () => context.close(),
      });
      await p.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}

async function startFirefox({ webgl }) {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install firefox-esr`);
  const { name } = await startDisplay();
  // puppeteer-core gives Firefox a fresh temporary profile with these preferences.
  const browser = await puppeteer.launch({
    browser: 'firefox', executablePath: FIREFOX, headless: false, defaultViewport: null,
    env: { ...process.env, DISPLAY: name, MOZ_CRASHREPORTER_DISABLE: '1' },
    extraPrefsFirefox: webgl ? { 'webgl.force-enabled': true } : { 'webgl.disabled': true },
  });
  return {
    name: 'firefox',
    version: (await browser.version()).replace('firefox/', 'Firefox '),
    async open(url, { width = 900, height = 900 } = {}) {
      const p = await browser.newPage();
      await p.setViewport({ width, height });
      const page = new Page();
      p.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
      p.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
      Object.assign(page, {
        eval: (fn, arg) => p.evaluate(fn, arg),
        shot: async () => decodePng(Buffer.from(await p.screenshot())),
        move: (x, y) => p.mouse.move(x, y),
        wheel: async (x, y, dy) => { await p.mouse.move(x, y); await p.mouse.wheel({ deltaY: dy }); },
        close: () => p.close(),
      });
      await p.goto(url);
      return page;
    },
    close: () => browser.close(),
  };
}

async function startWebKit({ webgl }) {
  for (const [path, pkg] of [[MINIBROWSER, 'libwebkit2gtk-4.1-0'], [WEBKITDRIVER, 'webkit2gtk-driver']])
    if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install ${pkg}`);
  const { name } = await startDisplay();
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'likeloss-webkit-'));
  const driverProcess = spawn(WEBKITDRIVER, [`--port=${port}`, '--host=local'], {
    env: { ...process.env, DISPLAY: name, HOME: home, XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  process.once('exit', () => driverProcess.kill());
  const log = [];
  driverProcess.stderr.on('data', (d) => log.push(...String(d).split('\n').filter(Boolean)));
  let driver, chrome, version;
  try {
    for (let i = 0; ; i++) {  // the driver listens a moment after it starts
      try {
        driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': {
            binary: MINIBROWSER,
            args: ['--automation', `--enable-webgl=${webgl}`],
          },
        }).build();
        break;
      } catch (e) {
        if (i > 50 || driverProcess.exitCode !== null) throw new Error(`WebKitWebDriver did not start MiniBrowser: ${e.message}\n${log.slice(-10).join('\n')}`);
        await sleep(200);
      }
    }
    const caps = await driver.getCapabilities();
    // The window's decorations: what the outer size adds to the viewport.
    await driver.get('about:blank');
    await driver.manage().window().setRect({ width: 900, height: 900 });
    const [iw, ih] = await driver.executeScript('return [innerWidth, innerHeight]');
    chrome = { w: 900 - iw, h: 900 - ih };
    version = caps.get('browserVersion');
  } catch (e) {
    try { await driver?.quit(); } catch {}
    driverProcess.kill();
    rmSync(home, { recursive: true, force: true });
    throw e;
  }
  let open = null;
  return {
    name: 'webkit',
    version: `WebKitGTK ${version} (MiniBrowser)`,
    async open(url, { width = 900, height = 900 } = {}) {
      if (open) throw new Error('WebKit drives one page at a time: close the last one first');
      const page = open = new Page();
      // A page's console is not readable under automation (MiniBrowser's console setting does not
      // reach the views WebDriver opens): what a visitor would notice is checked instead.
      page.problems = null;
      Object.assign(page, {
        eval: (fn, arg) => driver.executeScript(`return (${fn}).apply(null, arguments)`, arg),
        shot: async () => decodePng(Buffer.from(await driver.takeScreenshot(), 'base64')),
        move: (x, y) => driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).perform(),
        wheel: async (x, y, dy) => {
          await driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: 'viewport' }).perform();
          await driver.actions().scroll(Math.round(x), Math.round(y), 0, dy).perform();
        },
        close: async () => { open = null; await driver.get('about:blank'); },
      });
      await driver.manage().window().setRect({ width: width + chrome.w, height: height + chrome.h });
      await driver.get(url);
      return page;
    },
    async close() {
      try { await driver.quit(); } finally {
        driverProcess.kill();
        rmSync(home, { recursive: true, force: true });
      }
    },
  };
}

export function startEngine(name, { webgl = true } = {}) {
  return { chromium: startChromium, firefox: startFirefox, webkit: startWebKit }[name]({ webgl });
}

// What the engine's WebGL 2 is, after drawing with it: a clear colour read back from a real
// context. Throws when there is none, so that a widget is never blamed for a missing WebGL.
export async function proveWebGL2(page) {
  const got = await page.eval(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    gl.clearColor(0.2, 0.4, 0.6, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    const px = new Uint8Array(4);
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return { pixel: Array.from(px), version: gl.getParameter(gl.VERSION),
             renderer: info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER) };
  });
  if (!got) throw new Error('this engine gives no WebGL 2 context here: the smoke test cannot judge the widget');
  if (got.pixel.join() !== '51,102,153,255') throw new Error(`WebGL 2 drew ${got.pixel} for 51,102,153,255`);
  return `${got.version} on ${got.renderer}`;
}
