// The widget in the three engines visitors come with: Chromium, Firefox (Gecko) and WebKit (the
// engine of Safari and of every browser on an iPhone). A smoke subset of the browser tests, each
// asserting what a visitor would notice: the counter drawn with its figures and colours, the
// variants a blog picks, the demo blog's heights, the wheel, a page idle at zero frames, the text
// copy, and without WebGL a message and the figures as text. Each engine first proves that its
// WebGL 2 draws, so that a missing WebGL is never blamed on the widget. tests/browser holds the
// full set, in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countColor, served, startSite } from '../browser/harness.mjs';
import { ENGINES, crop, proveWebGL2, startEngine, stopDisplay } from './engines.mjs';

const ACCENT = [0xc8, 0x1e, 0x33];
const OPERATORS = { 'Maroc Telecom': [0x0a, 0x6e, 0xbd], Inwi: [0xa3, 0x17, 0x7e], Meditel: [0xf0, 0x7c, 0x00] };
const HEADLINE = /494,652 likes lost/;
// The demo blog's compact widget: a dark card with a gold accent.
const DARK = '/widget.html?layout=compact&bg=%2310151c&fg=%23f2f4f7&accent=gold';

let site;
const requests = [];
before(async () => {
  site = await startSite();
  site.server.on('request', (req) => requests.push(req.url));
});
after(async () => {
  site?.server.close();
  await stopDisplay();
});

const drawn = (page) => page.waitFor(() => window.likeloss && window.likeloss.frames > 0 && window.likeloss.lines.length > 0,
  null, { what: 'the counter drawn with its figures' });
const rectOf = (page, selector) => page.eval((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return { x: r.x, y: r.y, width: r.width, height: r.height };
}, selector);
async function canvasPicture(page) {
  await page.eval(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return crop(await page.shot(), await rectOf(page, '#likeloss-canvas'));
}
const share = (png, rgb, tol) => countColor(png, rgb, tol) / (png.width * png.height);
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

for (const name of ENGINES) {
  describe(`in ${name}`, () => {
    let engine;
    before(async () => { engine = await startEngine(name); });
    after(async () => { await engine?.close(); });

    async function visit(path, size, check) {
      const page = await engine.open(site.origin + path, size);
      try {
        await check(page);
      } finally {
        await page.close();
      }
    }

    test('WebGL 2 draws in this engine (its version and renderer are printed)', async () => {
      await visit('/campaign-2016.json', {}, async (page) => {
        const gl = await proveWebGL2(page);
        console.log(`${engine.version}: ${gl}`);
      });
    });

    test('the standalone page draws the counter sharp, in its colours, with its figures as text, downloading the program once per widget', async () => {
      requests.length = 0;
      await visit('/', {}, async (page) => {
        await drawn(page);
        assert.equal(await page.eval(() => window.likeloss.error), '');
        assert.equal(await page.eval(() => document.getElementById('likeloss-status').hidden), true);
        // Sharp: one canvas pixel per screen pixel.
        const [w, css, ratio] = await page.eval(() => {
          const c = document.getElementById('likeloss-canvas');
          return [c.width, c.getBoundingClientRect().width, devicePixelRatio];
        });
        assert.equal(w, Math.round(css * ratio));
        const png = await canvasPicture(page);
        assert.ok(share(png, [255, 255, 255], 0) < 0.9, 'the card is blank');
        assert.ok(countColor(png, ACCENT, 4) > 500, 'the headline is not drawn in the accent colour');
        for (const [operator, rgb] of Object.entries(OPERATORS))
          assert.ok(countColor(png, rgb, 4) > 300, `${operator}'s colour is missing`);
        // The text copy for screen readers holds the figures.
        assert.match(await page.eval(() => document.getElementById('likeloss-text').textContent), HEADLINE);
        if (page.problems) assert.deepEqual(page.problems, []);
        await sleep(1000);  // a second request would come after the first frame
      });
      // At most once per widget (the page's own and its configurator's preview: one document
      // each, always asked for), never twice for one; the second may take the first's from the
      // cache, as the program is immutable.
      const count = (file) => requests.filter((u) => u.startsWith(file)).length;
      const widgets = requests.filter((u) => u === '/' || u.startsWith('/?')).length + count('/widget.html');
      const wasm = count(`/${served('likeloss.wasm')}`);
      assert.ok(wasm >= 1 && wasm <= widgets, `${wasm} downloads of the program: ${requests.join(' ')}`);
      assert.ok(count(`/${served('likeloss.js')}`) <= widgets, requests.join(' '));
    });

    test('compact and dark, badge, transparent: each in its colours, each as tall as it needs', async () => {
      const heights = {};
      await visit(DARK, {}, async (page) => {
        await drawn(page);
        const png = await canvasPicture(page);
        assert.ok(share(png, [0x10, 0x15, 0x1c], 2) > 0.5, 'the dark widget is not dark');
        assert.ok(countColor(png, [0xff, 0xd7, 0x00], 6) > 300, 'no gold in the dark widget');
        heights.compact = (await rectOf(page, '#likeloss-canvas')).height;
      });
      await visit('/widget.html?layout=badge&bg=%23fff4e5&accent=%23c2410c', {}, async (page) => {
        await drawn(page);
        const png = await canvasPicture(page);
        assert.ok(share(png, [0xff, 0xf4, 0xe5], 2) > 0.5, 'the badge is not on its background');
        assert.ok(countColor(png, [0xc2, 0x41, 0x0c], 6) > 100, 'no accent in the badge');
        heights.badge = (await rectOf(page, '#likeloss-canvas')).height;
      });
      await visit('/widget.html?transparent=1&layout=badge', {}, async (page) => {
        await page.eval(() => { document.documentElement.style.background = 'rgb(0, 128, 0)'; });
        await drawn(page);
        const png = await canvasPicture(page);
        assert.ok(share(png, [0, 128, 0], 2) > 0.5, 'the page does not show through');
      });
      await visit('/widget.html', {}, async (page) => {
        await drawn(page);
        heights.full = (await rectOf(page, '#likeloss-canvas')).height;
      });
      assert.ok(heights.full > heights.compact && heights.compact > heights.badge, JSON.stringify(heights));
    });

    test("the demo blog's three widgets each take the height their content asks for", async () => {
      await visit('/demo/', { width: 1100, height: 1400 }, async (page) => {
        await page.waitFor(() => {
          const frames = [...document.querySelectorAll('iframe')];
          return frames.length === 3 && frames.every((f) => f.contentWindow.likeloss?.frames > 0);
        }, null, { what: 'three widgets drawn' });
        // The heights settle once each widget has reported its own.
        const heights = await page.waitFor(() => {
          const h = [...document.querySelectorAll('iframe')].map((f) => [f.getBoundingClientRect().height,
            f.contentDocument.getElementById('likeloss-box').getBoundingClientRect().height]);
          return h.every(([outer, inner]) => Math.abs(outer - inner) <= 1) && h;
        }, null, { what: 'each iframe as tall as its widget' });
        assert.ok(heights[0][0] > heights[1][0] && heights[1][0] > heights[2][0], JSON.stringify(heights));
        if (page.problems) assert.deepEqual(page.problems, []);
      });
    });

    test('the wheel over the counter scrolls the page', async () => {
      await visit('/', { width: 360, height: 500 }, async (page) => {
        await drawn(page);
        const box = await rectOf(page, '#likeloss-canvas');
        await page.wheel(box.x + box.width / 2, Math.min(box.y + 200, 450), 300);
        await page.waitFor(() => window.scrollY > 0, null, { timeout: 5000, what: 'the page scrolled' });
      });
    });

    test('idle, it draws nothing; the pointer wakes it', async () => {
      await visit('/', {}, async (page) => {
        await drawn(page);
        await sleep(800);
        const idle0 = await page.eval(() => window.likeloss.frames);
        await sleep(1500);
        const idle1 = await page.eval(() => window.likeloss.frames);
        assert.equal(idle1, idle0, `${idle1 - idle0} frames drawn in 1.5 s of idling`);
        const box = await rectOf(page, '#likeloss-canvas');
        await page.move(box.x + 100, box.y + 100);
        await page.move(box.x + 140, box.y + 110);
        await page.waitFor((n) => window.likeloss.frames > n, idle1, { timeout: 5000, what: 'a frame after the pointer moved' });
      });
    });
  });

  describe(`in ${name} with WebGL turned off`, () => {
    let engine;
    before(async () => { engine = await startEngine(name, { webgl: false }); });
    after(async () => { await engine?.close(); });

    test('a message and the figures as text, in the widget\'s colours', async () => {
      const page = await engine.open(site.origin + DARK);
      try {
        await page.waitFor(() => Array.isArray(window.likeloss?.lines) && window.likeloss.error !== '' &&
          window.likeloss.lines.length > 0, null, { what: 'the message and the figures' });
        const seen = await page.eval(() => {
          const status = document.getElementById('likeloss-status'), text = document.getElementById('likeloss-text');
          const style = getComputedStyle(text);
          return { status: status.hidden ? '' : status.textContent, text: text.textContent,
                   textShown: text.getBoundingClientRect().height > 20, colours: [style.backgroundColor, style.color] };
        });
        assert.match(seen.status, /\S/);
        assert.ok(seen.textShown, 'the figures are not shown');
        assert.match(seen.text, HEADLINE);
        assert.deepEqual(seen.colours, ['rgb(16, 21, 28)', 'rgb(242, 244, 247)']);
      } finally {
        await page.close();
      }
    });

    test("the demo blog's iframes take the height of the text shown instead", async () => {
      const page = await engine.open(site.origin + '/demo/', { width: 1100, height: 1400 });
      try {
        const heights = await page.waitFor(() => {
          const frames = [...document.querySelectorAll('iframe')];
          if (frames.length !== 3 || !frames.every((f) => f.contentWindow.likeloss?.error)) return null;
          const h = frames.map((f) => [f.getBoundingClientRect().height,
            f.contentDocument.getElementById('likeloss').getBoundingClientRect().height]);
          return h.every(([outer, inner]) => inner > 40 && Math.abs(outer - inner) <= 1) && h;
        }, null, { what: 'each iframe as tall as its message and figures' });
        assert.ok(heights.some(([outer]) => outer !== 320), JSON.stringify(heights));
      } finally {
        await page.close();
      }
    });
  });
}
