// The standalone page in a real headless Chromium: what a visitor sees and what it costs them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareWithReadme, countColor, decodePng, launchBrowser, openPage, repo, served, startSite, waitForCounter,
} from './harness.mjs';

// The operators' colours in the bundled feed (assets/campaign-2016.json).
const OPERATORS = { 'Maroc Telecom': [0x0a, 0x6e, 0xbd], Inwi: [0xa3, 0x17, 0x7e], Meditel: [0xf0, 0x7c, 0x00] };
const FIGURES_TOOL = join(repo, 'build/native/likeloss-figures');

let site, browser;
before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

async function canvasPng(page) {
  return decodePng(await page.locator('#likeloss-canvas').screenshot());
}

describe('the standalone page', () => {
  test('loads with no console errors and draws the counter', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/');
    await waitForCounter(page);
    assert.deepEqual(problems, []);
    assert.equal(await page.evaluate(() => window.likeloss.error), '');
    assert.equal(await page.locator('#likeloss-status').isHidden(), true);

    const png = await canvasPng(page);
    // Not blank: most of the card is its white background, but text, bars and the chart cover a
    // good share of it in many colours.
    const white = countColor(png, [255, 255, 255], 0);
    const total = png.width * png.height;
    assert.ok(white < total * 0.9, `only ${total - white} of ${total} pixels are drawn`);
    const colours = new Set();
    for (let i = 0; i < png.data.length; i += 4) colours.add((png.data[i] << 16) | (png.data[i + 1] << 8) | png.data[i + 2]);
    assert.ok(colours.size > 100, `only ${colours.size} distinct colours`);
    // The headline figure is drawn in the accent red.
    assert.ok(countColor(png, [0xc8, 0x1e, 0x33], 4) > 500, 'the headline counter is not drawn in the accent colour');
    await context.close();
  });

  test('a link to the page previews as a card: Open Graph and X tags name the figure and a 1200 x 630 picture of it', async () => {
    const { context, page } = await openPage(browser, site.origin + '/', { javaScriptEnabled: false });  // as a crawler reads it
    const meta = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]
      .map((m) => [m.getAttribute('property') || m.getAttribute('name'), m.content])));
    assert.equal(meta['twitter:card'], 'summary_large_image');
    assert.equal(meta['og:title'], await page.title());
    assert.match(meta['og:description'], /^494,652 likes lost on Facebook since 26 Feb 2016 .* worth 1,483,956 MAD/);
    assert.match(meta['og:image:alt'], /494,652 likes lost .* Worth 1,483,956 MAD/);
    assert.deepEqual([meta['og:image:width'], meta['og:image:height']], ['1200', '630']);
    // The picture is there, of the size the tags say, and shows the headline in the accent red.
    const picture = await page.request.get(new URL(meta['og:image'], page.url()).href);
    assert.equal(picture.status(), 200);
    assert.equal(picture.headers()['content-type'], 'image/png');
    const png = decodePng(await picture.body());
    assert.deepEqual([png.width, png.height], [1200, 630]);
    assert.ok(countColor(png, [0xc8, 0x1e, 0x33], 4) > 2000, 'the headline is not in the picture');
    // The tags' figures are the widget's own: what it says of the bundled feed.
    const { context: live, page: widget } = await openPage(browser, site.origin + '/');
    await waitForCounter(widget);
    const said = (await widget.evaluate(() => window.likeloss.lines.join(' '))).replace(/[\u2066-\u2069]/g, '');
    assert.ok(said.startsWith(meta['og:image:alt'].split('. ')[0]), `the widget says: ${said}`);
    await live.close();
    await context.close();
  });

  test('"Share" copies the figure and the link; "Download image" saves the counter as shown, at the screen\'s density', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/?layout=compact', { deviceScaleFactor: 2, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await waitForCounter(page);
    assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined', 'this browser shares natively: the fallback is not tried');
    await page.getByRole('button', { name: 'Share' }).click();
    await page.locator('#likeloss-shared', { hasText: 'Copied' }).waitFor();
    // The sentence as the widget says it: its names isolated for bidi (kept, for a right-to-left text).
    const copied = (await page.evaluate(() => navigator.clipboard.readText())).replace(/[\u2066-\u2069]/g, '');
    assert.match(copied, /^#BringBackOurVoip: 494,652 likes lost on Facebook .* http:\/\/127\.0\.0\.1:\d+\/\?layout=compact$/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download image' }).click()]);
    assert.equal(download.suggestedFilename(), 'likeloss-counter.png');
    const png = decodePng(readFileSync(await download.path()));
    const canvas = await page.evaluate(() => { const c = document.getElementById('likeloss-canvas'); return [c.width, c.height]; });
    assert.deepEqual([png.width, png.height], canvas);
    assert.equal(png.width, 2 * (await page.evaluate(() => document.getElementById('likeloss-canvas').clientWidth)));
    // The picture holds what is drawn, not a cleared buffer: the headline's red and each operator's colour.
    assert.ok(countColor(png, [0xc8, 0x1e, 0x33], 4) > 500, 'the headline is not in the picture');
    for (const [name, rgb] of Object.entries(OPERATORS)) assert.ok(countColor(png, rgb, 8) > 20, `${name}'s colour is not in the picture`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the site is served precompressed, as a static host serves it, and the page works from those copies', async () => {
    const { request } = await import('node:http');
    const { hostname, port } = new URL(site.origin);
    const get = (path, encoding) => new Promise((ok, fail) => {
      request({ hostname, port, path, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', fail).end();
    });
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const wasm = `/${served('likeloss.wasm')}`;
    const plain = await get(wasm);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers.vary, 'accept-encoding');
    const br = await get(wasm, 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.ok(brotliDecompressSync(br.body).equals(plain.body));
    assert.ok(br.body.length < plain.body.length * 0.5, `brotli: ${br.body.length} of ${plain.body.length} B`);
    const gz = await get(wasm, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gz.body).equals(plain.body));
    assert.equal((await get(wasm, 'br;q=0, gzip')).headers['content-encoding'], 'gzip');  // refused: not sent
    assert.equal((await get('/widget.html', 'identity')).headers['content-encoding'], undefined);
    // The browser takes the compressed copies and draws from them.
    const { context, page } = await openPage(browser, 'about:blank');
    const encodings = {};
    page.on('response', (r) => { encodings[new URL(r.url()).pathname] = r.headers()['content-encoding'] || 'none'; });
    await page.goto(site.origin + '/widget.html');
    await waitForCounter(page);
    assert.match(encodings[wasm], /^(br|gzip)$/, JSON.stringify(encodings));
    await context.close();
  });

  test('caches as a CDN should: the program for a year under its contents\' name, the pages revalidated', async () => {
    const { request } = await import('node:http');
    const log = [];
    const own = await startSite({}, log);
    const { port } = own.server.address();
    const get = (path, headers = {}) => new Promise((ok, fail) => {
      request({ hostname: '127.0.0.1', port, path, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', fail).end();
    });
    try {
      const page = (await get('/widget.html')).body.toString();
      for (const name of ['likeloss.js', 'widget-boot.js', 'widget.css', 'likeloss.wasm']) {
        const file = served(name);
        assert.match(file, /^[a-z-]+\.[0-9a-f]{12}\.(js|wasm|css)$/);
        if (name !== 'likeloss.wasm') assert.ok(page.includes(`"${file}"`), `widget.html does not name ${file}`);
        const res = await get(`/${file}`);
        assert.equal(res.status, 200, file);
        assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', file);
        assert.equal((await get(`/${name}`)).status, 404, `${name} is also served under its plain name`);
      }
      // The boot script asks for the program under its name.
      assert.ok((await get(`/${served('widget-boot.js')}`)).body.toString().includes(served('likeloss.wasm')));
      for (const path of ['/widget.html', '/', '/embed.js', '/likeloss-config.json', '/campaign-2016.json', '/lang/fr.json']) {
        const first = await get(path, { 'accept-encoding': 'gzip' });
        assert.equal(first.status, 200, path);
        assert.equal(first.headers['cache-control'], 'no-cache', path);
        assert.ok(first.headers.etag, `${path} has no validator`);
        const again = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': first.headers.etag });
        assert.equal(again.status, 304, path);
        assert.equal(again.body.length, 0, path);
        // Another encoding is another body: its validator differs.
        assert.notEqual((await get(path, { 'if-none-match': first.headers.etag })).status, 304, path);
      }
      // A returning visitor: the second load asks only for what may have changed, and gets 304s.
      const { context, page: tab } = await openPage(browser, 'about:blank');
      await tab.goto(`${own.origin}/widget.html`);
      await waitForCounter(tab);
      const firstVisit = log.splice(0);
      assert.ok(firstVisit.some((r) => r.path === `/${served('likeloss.wasm')}` && r.status === 200), JSON.stringify(firstVisit));
      await tab.goto('about:blank');
      await tab.goto(`${own.origin}/widget.html`);
      await waitForCounter(tab);
      const second = log.splice(0);
      assert.deepEqual(second.filter((r) => /\.[0-9a-f]{12}\./.test(r.path)), [], JSON.stringify(second));
      assert.ok(second.every((r) => r.status === 304 || r.path.startsWith('/campaign')), JSON.stringify(second));
      assert.ok(second.reduce((sum, r) => sum + r.bytes, 0) < 10_000, JSON.stringify(second));
      await context.close();
    } finally {
      own.server.close();
    }
  });

  test('the site\'s server answers odd request targets and keeps serving', async () => {
    const { request } = await import('node:http');
    const { hostname, port } = new URL(site.origin);
    const status = (path) => new Promise((ok, fail) => {
      request({ hostname, port, path }, (res) => { res.resume(); ok(res.statusCode); }).on('error', fail).end();
    });
    assert.equal(await status('//'), 200);  // a path, not a host: the index
    assert.equal(await status('/%zz'), 400);
    assert.equal(await status('/../../etc/passwd'), 404);  // resolved inside the site: not there
    assert.equal(await status('/widget.html'), 200);
  });

  test("shows each operator's colour", async () => {
    const { context, page } = await openPage(browser, site.origin + '/');
    await waitForCounter(page);
    const png = await canvasPng(page);
    for (const [name, rgb] of Object.entries(OPERATORS)) {
      const n = countColor(png, rgb, 4);
      assert.ok(n > 300, `${name}'s colour covers only ${n} pixels`);
    }
    await context.close();
  });

  test('publishes the same figures as the native core, as text for screen readers', async () => {
    assert.ok(existsSync(FIGURES_TOOL), `${FIGURES_TOOL} is missing: build the native preset first`);
    const expected = execFileSync(FIGURES_TOOL, { encoding: 'utf8' }).trim().split('\n');
    const { context, page } = await openPage(browser, site.origin + '/');
    await waitForCounter(page);
    const shown = await page.locator('#likeloss-text p').allTextContents();
    // Names and titles come from a feed: each is its own bidi run (U+2068 ... U+2069), invisible.
    assert.deepEqual(shown, [...expected, 'Data: \u2068the bundled 2016 campaign feed, with a source for every figure\u2069.']);
    // The sourced 2016 figures, as the original tracker counted them.
    assert.match(shown[0], /494,652 likes lost/);
    assert.match(shown[2], /^\u2068Maroc Telecom\u2069: 187,680 likes lost .*563,040 MAD\.$/);
    assert.match(shown[1], /1,483,956 MAD \(\$148,396\)/);
    const live = page.locator('#likeloss-text');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    assert.equal(await live.getAttribute('translate'), 'no');
    await context.close();
  });

  test('is sharp on HiDPI screens and fits its content from 300 px up', async () => {
    for (const [width, ratio] of [[300, 2], [420, 3], [1280, 1]]) {
      const { context, page, problems } = await openPage(browser, site.origin + '/', {
        viewport: { width, height: 900 }, deviceScaleFactor: ratio,
      });
      await waitForCounter(page);
      const size = await page.evaluate(() => {
        const c = document.getElementById('likeloss-canvas');
        const r = c.getBoundingClientRect();
        return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, pageW: document.documentElement.scrollWidth };
      });
      assert.equal(size.w, Math.round(size.cssW * ratio), `width at ${width} px x${ratio}`);
      assert.equal(size.h, Math.round(size.cssH * ratio), `height at ${width} px x${ratio}`);
      assert.ok(size.pageW <= width, `the page scrolls sideways at ${width} px`);
      assert.deepEqual(problems, []);
      // Every operator is still there at this size.
      const png = await canvasPng(page);
      for (const [name, rgb] of Object.entries(OPERATORS))
        assert.ok(countColor(png, rgb, 4) > 100, `${name} is missing at ${width} px x${ratio}`);
      await context.close();
    }
  });

  test('draws nothing while idle, and wakes up for the pointer', async () => {
    const { context, page } = await openPage(browser, site.origin + '/');
    await waitForCounter(page);
    await page.waitForTimeout(500);
    const idle0 = await page.evaluate(() => window.likeloss.frames);
    await page.waitForTimeout(1500);
    const idle1 = await page.evaluate(() => window.likeloss.frames);
    assert.equal(idle1, idle0, `${idle1 - idle0} frames drawn in 1.5 s of idling`);

    const box = await page.locator('#likeloss-canvas').boundingBox();
    await page.mouse.move(box.x + 100, box.y + 100);
    await page.mouse.move(box.x + 140, box.y + 110);
    await page.waitForTimeout(400);
    const woke = await page.evaluate(() => window.likeloss.frames);
    assert.ok(woke > idle1, 'no frame was drawn after the pointer moved');
    await page.waitForTimeout(1000);
    const after1 = await page.evaluate(() => window.likeloss.frames);
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.likeloss.frames), after1, 'it kept drawing after the pointer stopped');
    await context.close();
  });

  test('hovering a figure shows where it comes from', async () => {
    const { context, page } = await openPage(browser, site.origin + '/');
    await waitForCounter(page);
    const box = await page.locator('#likeloss-canvas').boundingBox();
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await page.waitForTimeout(300);
    const before = await canvasPng(page);
    // The headline counter sits at the top left, under the title.
    await page.mouse.move(box.x + 60, box.y + 92);
    await page.waitForTimeout(300);
    const shown = await canvasPng(page);
    let changed = 0;
    for (let i = 0; i < before.data.length; i += 4) if (before.data[i] !== shown.data[i]) changed++;
    assert.ok(changed > 2000, `the tooltip changed only ${changed} pixels`);
    // Leaving the canvas takes the tooltip away.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
    await page.waitForTimeout(300);
    const gone = await canvasPng(page);
    let left = 0;
    for (let i = 0; i < before.data.length; i += 4) if (before.data[i] !== gone.data[i]) left++;
    assert.equal(left, 0, 'the tooltip stayed after the pointer left the canvas');
    await context.close();
  });

  test('a lost WebGL context shows the figures as text, and the counter comes back with the context', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/widget.html');
    await waitForCounter(page);
    const accent = countColor(await canvasPng(page), [0xc8, 0x1e, 0x33], 4);
    assert.ok(accent > 500);
    // The graphics are reset (a driver update, a GPU process crash, too many contexts).
    await page.evaluate(() => { window.loseIt = Module.ctx.getExtension('WEBGL_lose_context'); window.loseIt.loseContext(); });
    await page.waitForFunction(() => window.likeloss.contextLost && document.getElementById('likeloss-box').hidden);
    assert.match(await page.locator('#likeloss-status').innerText(), /The browser stopped drawing this counter/);
    assert.match(await page.locator('#likeloss-text').innerText(), /494,652 likes lost/);
    const frames = await page.evaluate(() => window.likeloss.frames);
    await page.evaluate(() => window.loseIt.restoreContext());
    await page.waitForFunction((n) => !window.likeloss.contextLost && window.likeloss.frames > n, frames);
    assert.equal(await page.locator('#likeloss-status').isHidden(), true);
    assert.equal(await page.evaluate(() => window.likeloss.error), '');
    await page.waitForTimeout(300);
    // Drawn again, as before: the renderer made its shaders, buffers and font texture anew.
    const again = countColor(await canvasPng(page), [0xc8, 0x1e, 0x33], 4);
    assert.ok(Math.abs(again - accent) <= accent * 0.05, `accent pixels ${accent} before, ${again} after`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the widget page has one main landmark holding all it shows, and in an iframe the counter fills it edge to edge', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/widget.html', { viewport: { width: 400, height: 900 } });
    await waitForCounter(page);
    // What axe's landmark-one-main and region rules ask: one main landmark, and nothing shown outside it.
    assert.equal(await page.getByRole('main').count(), 1);
    const outside = await page.evaluate(() => [...document.body.children]
      .filter((el) => !el.matches('main, script') && el.getBoundingClientRect().height > 0).map((el) => el.outerHTML.slice(0, 80)));
    assert.deepEqual(outside, []);
    assert.equal(await page.locator('main #likeloss').count(), 1);
    assert.deepEqual(problems, []);
    // In a blog's iframe (the demo blog's) the landmark changes nothing of the look: the counter
    // from the top left corner, full width, and the page exactly its height (the iframe is sized from it).
    await page.goto(site.origin + '/demo/');
    await page.waitForFunction(() => document.querySelector('iframe')?.contentWindow.likeloss?.frames > 0, null, { timeout: 30000 });
    await page.waitForTimeout(400);  // its height settles
    const box = await page.evaluate(() => {
      const frame = document.querySelector('iframe'), doc = frame.contentDocument;
      const r = doc.getElementById('likeloss').getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, frame: frame.clientWidth, frameHeight: frame.clientHeight,
               page: doc.documentElement.scrollHeight };
    });
    assert.deepEqual({ x: box.x, y: box.y, width: box.width }, { x: 0, y: 0, width: box.frame });
    assert.ok(Math.abs(box.page - Math.max(box.height, box.frameHeight)) <= 1, JSON.stringify(box));
    await context.close();
  });

  test('opened on its own (a link followed where a blog strips scripts), the widget page is a page: the card in a column, and it scrolls', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/widget.html?accent=%23e4002b', { viewport: { width: 1280, height: 800 } });
    await waitForCounter(page);
    const look = await page.evaluate(() => {
      const r = document.getElementById('likeloss').getBoundingClientRect();
      return { x: r.x, width: r.width, background: getComputedStyle(document.documentElement).backgroundColor };
    });
    assert.ok(look.width <= 760 && Math.abs(look.x - (1280 - look.width) / 2) <= 1, JSON.stringify(look));
    assert.equal(look.background, 'rgb(238, 241, 244)');
    assert.ok(countColor(await canvasPng(page), [0xe4, 0x00, 0x2b], 4) > 500, "the link's accent is not drawn");
    // On a phone the full card is taller than the screen: the page scrolls to its end.
    await page.setViewportSize({ width: 390, height: 500 });
    await page.waitForFunction(() => document.documentElement.scrollHeight > 600, null, { timeout: 10000 });
    await page.mouse.move(200, 300);
    await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('says so in words when WebGL 2 is not available', async () => {
    const noGl = await launchBrowser(['--disable-webgl', '--disable-webgl2']);
    try {
      const { page, problems } = await openPage(noGl, site.origin + '/');
      await page.waitForFunction(() => window.likeloss && window.likeloss.error !== '', null, { timeout: 30000 });
      const status = page.locator('#likeloss-status');
      assert.equal(await status.isVisible(), true);
      assert.match(await status.textContent(), /WebGL 2/);
      // The figures are still there, as visible text.
      const text = page.locator('#likeloss-text');
      assert.equal(await text.isVisible(), true);
      assert.match(await text.textContent(), /494,652 likes lost/);
      assert.equal(await page.locator('#likeloss-box').isHidden(), true);
      assert.deepEqual(problems.filter((p) => !/WebGL/i.test(p)), []);
    } finally {
      await noGl.close();
    }
  });

  test('an engine whose WebGL is off and unnamed (WebKit\'s way) gets the message and the figures as text in the widget\'s colours, not a blank box', async () => {
    const { context, page } = await openPage(browser, 'about:blank');
    // As WebKit with WebGL turned off: no WebGL constructors at all, and no context from a canvas.
    await page.addInitScript(() => {
      delete window.WebGLRenderingContext;
      delete window.WebGL2RenderingContext;
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return /webgl/.test(kind) ? null : get.call(this, kind, ...rest);
      };
    });
    await page.goto(site.origin + '/widget.html?layout=compact&bg=%2310151c&fg=%23f5f0e1&accent=%23d4a017');
    await page.waitForFunction(() => Array.isArray(window.likeloss?.lines) && window.likeloss.error !== '', null, { timeout: 30000 });
    assert.equal(await page.locator('#likeloss-status').isVisible(), true);
    assert.match(await page.locator('#likeloss-status').textContent(), /\S/);
    const text = page.locator('#likeloss-text');
    assert.equal(await text.isVisible(), true);
    assert.match(await text.textContent(), /494,652 likes lost/);
    // In the widget's own colours, as the card would have been drawn: a dark card stays dark.
    assert.deepEqual(await text.evaluate((t) => [getComputedStyle(t).backgroundColor, getComputedStyle(t).color]),
      ['rgb(16, 21, 28)', 'rgb(245, 240, 225)']);
    await context.close();
  });

  test('says so in words when the program cannot be downloaded', async () => {
    const { context, page } = await openPage(browser, 'about:blank');
    await page.route('**/likeloss.*.wasm', (route) => route.abort('connectionrefused'));
    await page.goto(site.origin + '/');
    await page.waitForFunction(() => window.likeloss && window.likeloss.error !== '', null, { timeout: 30000 });
    assert.equal(await page.locator('#likeloss-status').isVisible(), true);
    assert.match(await page.locator('#likeloss-status').textContent(), /could not be downloaded/);
    // Where the figures are instead, as a link the visitor can follow.
    const link = page.locator('#likeloss-text a');
    assert.equal(await link.isVisible(), true);
    assert.equal(await link.getAttribute('href'), 'campaign-2016.json');
    await context.close();
  });

  test('lets the wheel scroll the page over the counter', async () => {
    const { context, page } = await openPage(browser, site.origin + '/', { viewport: { width: 360, height: 500 } });
    await waitForCounter(page);
    const box = await page.locator('#likeloss-canvas').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
    await context.close();
  });

  test("the README's screenshots are what the page shows", async () => {
    const shots = [['standalone-wide', 900, 2], ['standalone-narrow', 320, 2]];
    const stale = [];
    for (const [name, width, ratio] of shots) {
      const { context, page } = await openPage(browser, site.origin + '/', {
        viewport: { width, height: 1000 }, deviceScaleFactor: ratio,
      });
      await waitForCounter(page);
      const shot = await page.locator('#likeloss').screenshot();
      const png = decodePng(shot);
      assert.equal(png.width, (width - 32) * ratio);  // the card, inside the page's margins
      // What the README says the picture shows: the headline in the accent red, each operator.
      assert.ok(countColor(png, [0xc8, 0x1e, 0x33], 4) > 2000, `${name}: no headline in the accent colour`);
      for (const [operator, rgb] of Object.entries(OPERATORS))
        assert.ok(countColor(png, rgb, 4) > 200, `${name}: ${operator}'s colour is missing`);
      const differs = compareWithReadme(shot, name);
      if (differs) stale.push(differs);
      await context.close();
    }
    assert.deepEqual(stale, []);
  });
});
