// The widget in the campaign's languages, in a real headless Chromium: French and Arabic words, the
// page's language and direction, Arabic drawn shaped and in order (checked against the browser's
// own text engine), and what a visitor downloads for each.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareWithReadme, decodePng, launchBrowser, openPage, site as siteDir, startSite, waitForCounter } from './harness.mjs';

const INTER = '/usr/share/fonts/opentype/inter/Inter-SemiBold.otf';
const unbidi = (s) => s.replace(/[\u2066-\u2069]/g, '');

// The README's pictures: each language in the three layouts, light and dark, embedded by embed.js.
// "auto" is a visitor whose browser prefers Moroccan French.
const SHOWCASES = { en: 'en', fr: 'fr', ar: 'ar', auto: '' };
function showcase(lang) {
  const link = (layout, theme) => `<a class="likeloss-embed" href="/widget.html?${lang ? `lang=${lang}&` : ''}layout=${layout}&theme=${theme}">counter</a>`;
  const column = (layout) => `<div>${link(layout, 'light')}${link(layout, 'dark')}</div>`;
  return `<!doctype html><meta charset="utf-8"><title>languages</title><link rel="icon" href="data:,">
<style>body{margin:0;background:#e9ecef}main{display:grid;grid-template-columns:500px 280px 200px;gap:16px;padding:16px;width:1028px;align-items:start}main div{display:grid;gap:16px}</style>
<main>${column('full')}${column('compact')}${column('badge')}</main><script async src="/embed.js"></script>`;
}

let site, browser;
before(async () => {
  site = await startSite({
    '/test/Inter-SemiBold.otf': readFileSync(INTER), '/test/arabic-feed.json': arabicFeed(),
    ...Object.fromEntries(Object.entries(SHOWCASES).map(([name, lang]) => [`/test/languages-${name}.html`, showcase(lang)])),
    '/test/bidi-embed.html': '<!doctype html><meta charset="utf-8"><title>bidi</title><a class="likeloss-embed" ' +
      `href="/widget.html?title=${encodeURIComponent('Campaign\u202E 0001')}">Campaign\u202E 0001</a><script async src="/embed.js"></script>`,
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

// The bundled feed with the operators named in Arabic, as a campaign's own feed might name them.
function arabicFeed() {
  const feed = JSON.parse(readFileSync(join(siteDir, 'campaign-2016.json'), 'utf8'));
  const names = { maroctelecom: 'اتصالات المغرب', 'inwi.ma': 'إنوي', meditel: 'ميديتل' };
  for (const p of feed.pages) p.name = names[p.id];
  feed.generated_at = new Date().toISOString();
  return JSON.stringify(feed);
}

// Opens the widget and records every file it asks for.
async function widget(query, options = {}) {
  const opened = await openPage(browser, `${site.origin}/widget.html?${query}`, options);
  const asked = [];
  opened.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await waitForCounter(opened.page);
  const state = await opened.page.evaluate(() => ({
    lang: document.documentElement.lang, dir: document.documentElement.dir,
    textLang: document.getElementById('likeloss-text').lang, textDir: document.getElementById('likeloss-text').dir,
    lines: [...document.querySelectorAll('#likeloss-text p')].map((p) => p.textContent),
    translate: document.getElementById('likeloss-text').getAttribute('translate'),
  }));
  return { ...opened, asked, state, lines: state.lines.map(unbidi) };
}
// The files fetched after the page itself (the request log starts once the page is open).
const fetched = async (page, asked) => {
  const early = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  return [...new Set([...early, ...asked])];
};

describe('languages', () => {
  test('French: the words, the numbers and the page follow lang=fr, with no Arabic downloaded', async () => {
    const { context, page, state, lines, asked, problems } = await widget('lang=fr');
    assert.equal(state.lang, 'fr');
    assert.equal(state.dir, 'ltr');
    assert.equal(state.textLang, 'fr');
    assert.equal(state.translate, 'no');
    assert.equal(await page.title(), 'J\u2019aime perdus sur Facebook\u00a0: un compteur en direct');
    // Every accent had a glyph: no notice of characters that cannot be drawn.
    assert.ok(!lines.some((l) => l.includes('\u25a1')), lines.join('\n'));
    // The bundled feed's French title (its "translations"), then the catalogue's French sentence.
    assert.equal(lines[0], '#BringBackOurVoip\u00a0: le boycott des pages des op\u00e9rateurs\u00a0: 494\u202f652 j\u2019aime perdus sur Facebook depuis le 26 f\u00e9vr. 2016, 20:00 UTC, soit 7,40\u00a0% de 6\u202f687\u202f113.');
    assert.equal(lines[1], 'Valeur\u00a0: 1\u202f483\u202f956\u00a0MAD (148\u202f396\u00a0$US).');
    const files = await fetched(page, asked);
    assert.ok(files.includes('/lang/fr.json'), files.join(' '));
    assert.ok(!files.some((f) => /arabic|NotoSansArabic|Inter-Latin/.test(f)), `a French widget fetched ${files.join(' ')}`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Moroccan French writes the dirham as DH and groups digits with a dot", async () => {
    const { context, lines } = await widget('lang=fr-MA');
    assert.equal(lines[1], 'Valeur\u00a0: 1.483.956\u00a0DH (148.396\u00a0$US).');
    await context.close();
  });

  test('Arabic: right to left, Moroccan formats, and its letters downloaded only now', async () => {
    const { context, page, state, lines, asked, problems } = await widget('lang=ar');
    assert.equal(state.lang, 'ar-MA');
    assert.equal(state.dir, 'rtl');
    assert.equal(state.textDir, 'rtl');
    assert.equal(lines[1], 'القيمة: 1.483.956\u00a0درهم (US$\u00a0148.396).');
    assert.equal(lines[2], 'اتصالات المغرب: 187.680 إعجاباً مفقوداً (7,67\u200e%\u200e من 2.447.581)، 563.040\u00a0درهم.');
    assert.match(lines.at(-3), /^آخر قياس: 1 مارس 2016، 12:00 UTC\.$/);
    const files = await fetched(page, asked);
    for (const f of ['/lang/ar.json', '/arabic.js', '/arabic.wasm', '/fonts/NotoSansArabic-Regular.ttf', '/fonts/NotoSansArabic-Bold.ttf'])
      assert.ok(files.includes(f), `${f} was not fetched: ${files.join(' ')}`);
    // Every character had a glyph: no notice of characters that cannot be drawn.
    assert.ok(!lines.some((l) => l.includes('\u25a1')), lines.join('\n'));
    // Shaped once per string, not every frame: idle, it draws nothing, as a Latin widget does
    // (watched past the 5 s the first frame may wait for Arabic's extras).
    await page.waitForTimeout(500);
    const idle0 = await page.evaluate(() => window.likeloss.frames);
    await page.waitForTimeout(6000);
    assert.equal(await page.evaluate(() => window.likeloss.frames), idle0, 'an idle Arabic widget kept drawing');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("lang=auto (the default) takes the visitor's best language, and English otherwise", async () => {
    for (const [locale, want, first] of [['fr-FR', 'fr', /j\u2019aime perdus/], ['ar-MA', 'ar-MA', /إعجاباً مفقوداً/],
      ['de-DE', 'en', /likes lost/]]) {
      const { context, state, lines } = await widget('', { locale });
      assert.equal(state.lang, want, locale);
      assert.match(lines[0], first, locale);
      await context.close();
    }
  });

  test('the standalone page keeps its own language around an Arabic widget', async () => {
    const { context, page } = await openPage(browser, `${site.origin}/?lang=ar`);
    await waitForCounter(page);
    const dirs = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir,
      document.getElementById('likeloss').lang, document.getElementById('likeloss').dir]);
    assert.deepEqual(dirs, ['en', '', 'ar-MA', 'rtl']);
    await context.close();
  });

  test('an unknown language falls back to the visitor\'s and is named in small print', async () => {
    const { context, state, lines } = await widget('lang=tlh', { locale: 'en-GB' });
    assert.equal(state.lang, 'en');
    assert.equal(lines[0], 'The parameter lang was ignored (not en, fr, fr-MA, ar or auto).');
    await context.close();
  });

  test('what goes wrong with live data is said in the widget\'s language', async () => {
    const host = new URL(site.origin).host;
    for (const [lang, says] of [['fr', `Rien n\u2019a été trouvé sur ${host} (HTTP 404). Nouvel essai automatique.`],
      ['ar', `لم يُعثر على شيء في ${host} (HTTP 404). ستُعاد المحاولة تلقائياً.`]]) {
      const { context, page } = await widget(`lang=${lang}&source=/test/no-such-feed.json`);
      await page.waitForFunction(() => window.likeloss.lines.some((l) => l.includes('HTTP 404')));
      const lines = (await page.evaluate(() => window.likeloss.lines)).map(unbidi);
      assert.equal(lines[0], says, lang);
      await context.close();
    }
  });

  test('before its program runs, or when it cannot, the page speaks the visitor\'s language', async () => {
    // The program cannot be downloaded: French, from the words fetched beside it.
    const fr = await openPage(browser, 'about:blank');
    await fr.page.route('**/likeloss.*.wasm', (route) => route.abort('connectionrefused'));
    await fr.page.goto(`${site.origin}/widget.html?lang=fr`);
    await fr.page.waitForFunction(() => /^Le compteur/.test(window.likeloss.error), null, { timeout: 30000 });
    const status = fr.page.locator('#likeloss-status');
    assert.match(await status.textContent(), /^Le compteur n\u2019a pas pu être téléchargé \(.+\)\. Rechargez la page pour réessayer\.$/);
    assert.equal(await status.getAttribute('lang'), 'fr');
    assert.equal(await fr.page.locator('#likeloss-text a').textContent(), 'le flux de la campagne');
    await fr.context.close();
    // No WebAssembly at all, in a browser that prefers Arabic: Arabic, right to left.
    const ar = await openPage(browser, 'about:blank', { locale: 'ar-MA' });
    await ar.page.addInitScript(() => { delete window.WebAssembly; });
    await ar.page.goto(`${site.origin}/widget.html`);
    await ar.page.waitForFunction(() => /WebAssembly/.test(window.likeloss.error) && !/browser/.test(window.likeloss.error),
      null, { timeout: 30000 });
    const arabic = ar.page.locator('#likeloss-status');
    assert.match(await arabic.textContent(), /^لا يستطيع هذا المتصفح تشغيل العداد/);
    assert.equal(await arabic.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await ar.context.close();
    // Without scripts: the sentence in every language, visible, each marked with its language.
    const off = await openPage(browser, `${site.origin}/widget.html`, { javaScriptEnabled: false });
    const said = await off.page.locator('noscript p').evaluateAll(() => []);  // noscript is text while scripts run
    assert.deepEqual(said, []);
    const shown = await off.page.evaluate(() => [...document.querySelectorAll('p[lang]')]
      .map((p) => [p.lang, p.getBoundingClientRect().height > 0, p.textContent]));
    assert.deepEqual(shown.map(([lang, visible]) => [lang, visible]), [['en', true], ['ar', true], ['fr', true]]);
    assert.match(shown[2][2], /^Ce compteur est dessiné avec JavaScript et WebAssembly\./);
    await off.context.close();
  });

  test('a language\'s words are fetched once: the program takes those the page asked for with it', async () => {
    const { context, page } = await openPage(browser, 'about:blank');
    let asked = 0;  // a route bypasses the browser's cache: a second fetch would be counted
    await page.route('**/lang/ar.json', (route) => { asked++; return route.continue(); });
    await page.goto(`${site.origin}/widget.html?lang=ar`);
    await waitForCounter(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar-MA');
    assert.equal(asked, 1);
    await context.close();
  });

  test('an Arabic tooltip is as wide as its lines, which end at its right edge', async () => {
    const { context, page } = await widget('lang=ar', { viewport: { width: 500, height: 700 } });
    const canvas = page.locator('#likeloss-canvas');
    const box = await canvas.boundingBox();
    const shot = async () => decodePng(await canvas.screenshot());
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await page.waitForTimeout(300);
    const before = await shot();
    await page.mouse.move(box.x + 340, box.y + 92);  // the headline, on the right
    await page.waitForTimeout(300);
    const after = await shot();
    // The tooltip: every pixel that changed; its words: the dark ones among them.
    const edges = { tip: [Infinity, -1], ink: [Infinity, -1] };
    const { width, height } = after;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4, d = after.data;
      if (d[i] === before.data[i] && d[i + 1] === before.data[i + 1] && d[i + 2] === before.data[i + 2]) continue;
      const spans = d[i] + d[i + 1] + d[i + 2] < 300 ? ['tip', 'ink'] : ['tip'];
      for (const k of spans) edges[k] = [Math.min(edges[k][0], x), Math.max(edges[k][1], x)];
    }
    assert.ok(edges.tip[1] - edges.tip[0] > 100, `no tooltip: ${JSON.stringify(edges)}`);
    const left = edges.ink[0] - edges.tip[0], right = edges.tip[1] - edges.ink[1];
    assert.ok(left < 40 && right < 40, `the words leave ${left} px on the left and ${right} px on the right of the tooltip`);
    await context.close();
  });

  test('Arabic page names in an English widget are drawn: the letters are fetched for them', async () => {
    const { context, page, asked, lines } = await widget('lang=en&source=/test/arabic-feed.json');
    await page.waitForFunction(() => window.likeloss.lines.some((l) => l.includes('اتصالات المغرب')));
    const files = await fetched(page, asked);
    assert.ok(files.includes('/arabic.wasm'), files.join(' '));
    assert.ok(!files.includes('/lang/ar.json'), 'the words stay English');
    await page.waitForTimeout(500);
    const now = (await page.evaluate(() => window.likeloss.lines)).map(unbidi);
    assert.ok(!now.some((l) => l.includes('\u25a1')), now.join('\n'));
    assert.ok(lines.length > 0);
    await context.close();
  });

  test('text no bundled font can draw shows as a visible box and is named, never as a plausible "?"', async () => {
    const { context, page } = await widget(`lang=en&title=${encodeURIComponent('Campagne \u{1F4F5} \u6CA1\u6709')}`);
    await page.waitForFunction(() => window.likeloss.lines.some((l) => l.includes('cannot be drawn')));
    const lines = (await page.evaluate(() => window.likeloss.lines)).map(unbidi);
    assert.equal(lines[0], 'Some characters cannot be drawn here and show as \u25a1; the text version has them.');
    assert.match(lines[1], /^Campagne \u{1F4F5} \u6CA1\u6709: /u, 'the text copy keeps the title whole');
    await context.close();
  });

  test('letters of Latin-1 that French does not use are fetched with their fonts when the card shows them', async () => {
    // A Spanish title: ó and ñ are not compiled in; both weights of the rest of Latin-1 come, and
    // the card draws them (no notice of characters that cannot be drawn).
    const { context, page, asked, problems } = await widget(`lang=en&title=${encodeURIComponent('Telefónica España')}`);
    await page.waitForTimeout(300);
    const files = await fetched(page, asked);
    for (const f of ['/fonts/Inter-Latin-Regular.otf', '/fonts/Inter-Latin-SemiBold.otf'])
      assert.ok(files.includes(f), `${f} was not fetched: ${files.join(' ')}`);
    const lines = (await page.evaluate(() => window.likeloss.lines)).map(unbidi);
    assert.match(lines[0], /^Telefónica España: 494,652 likes lost/, lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('cannot be drawn')), lines.join('\n'));
    assert.deepEqual(problems, []);
    await context.close();
    // Those fonts unavailable: the counter is drawn all the same, and says which letters it cannot draw.
    const { context: second, page: without } = await openPage(browser, 'about:blank');
    await without.route('**/fonts/Inter-Latin-*', (route) => route.abort('connectionrefused'));
    await without.goto(`${site.origin}/widget.html?lang=en&title=${encodeURIComponent('Telefónica España')}`);
    await waitForCounter(without);
    await without.waitForFunction(() => window.likeloss.lines.some((l) => l.includes('cannot be drawn')), null, { timeout: 10000 });
    await second.close();
    // An English widget with English words fetches none of them.
    const plain = await widget('lang=en');
    assert.ok(!(await fetched(plain.page, plain.asked)).some((f) => /Inter-Latin/.test(f)));
    await plain.context.close();
  });

  test('direction controls in a parameter cannot reorder the figures around them', async () => {
    // U+202E RIGHT-TO-LEFT OVERRIDE then fake digits: the title is one isolated run, its controls gone.
    const { context, state } = await widget(`lang=en&title=${encodeURIComponent('Campaign\u202E 0001')}`);
    assert.equal(state.lines[0].slice(0, 16), '\u2068Campaign 0001\u2069:');
    assert.ok(!state.lines.join('').includes('\u202E'));
    await context.close();
    // Embedded: nor the iframe's title, which assistive technology reads.
    const embedded = await openPage(browser, `${site.origin}/test/bidi-embed.html`);
    await embedded.page.waitForSelector('iframe');
    assert.equal(await embedded.page.getAttribute('iframe', 'title'), 'Campaign 0001');
    await embedded.context.close();
  });
});

describe('the README\'s pictures of each language', () => {
  for (const name of Object.keys(SHOWCASES)) {
    test(`${name}: full, compact and badge, light and dark`, async () => {
      const { context, page, problems } = await openPage(browser, `${site.origin}/test/languages-${name}.html`,
        { viewport: { width: 1060, height: 1400 }, locale: 'fr-MA' });
      await page.waitForFunction(() => {
        const frames = [...document.querySelectorAll('iframe')];
        return frames.length === 6 && frames.every((f) => f.contentWindow?.likeloss?.frames > 0);
      }, null, { timeout: 30000 });
      await page.waitForTimeout(600);  // the heights settle
      const langs = await page.$$eval('iframe', (fs) => fs.map((f) => f.contentDocument.documentElement.lang));
      assert.deepEqual(new Set(langs), new Set([{ en: 'en', fr: 'fr', ar: 'ar-MA', auto: 'fr-MA' }[name]]));
      assert.deepEqual(problems, []);
      assert.equal(compareWithReadme(await page.locator('main').screenshot(), `languages-${name}`), '');
      await context.close();
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The shaping oracle: the browser's own text engine draws the same string in the same font, and
// the two are compared as binarised images of their ink, resampled to the same grid. Text drawn
// unshaped (letters in isolated forms) or in the wrong order scores well below the threshold; the
// negative controls below check that it does, so the measure itself cannot silently go blind.

// stb_truetype (Dear ImGui) sizes a font by its ascent minus descent; a browser by its em.
function emPerPixelHeight(font) {
  const n = font.readUInt16BE(4), m = {};
  for (let i = 0; i < n; i++) {
    const r = 12 + 16 * i, tag = font.toString('latin1', r, r + 4), off = font.readUInt32BE(r + 8);
    if (tag === 'head') m.upm = font.readUInt16BE(off + 18);
    if (tag === 'hhea') { m.asc = font.readInt16BE(off + 4); m.desc = font.readInt16BE(off + 6); }
  }
  return m.upm / (m.asc - m.desc);
}

// The first line of ink in an image (dark on white).
function inkBox(png) {
  const dark = (x, y) => { const i = (y * png.width + x) * 4; return png.data[i] + png.data[i + 1] + png.data[i + 2] < 384; };
  let top = -1, bottom = -1, gap = 0;
  for (let y = 0; y < png.height; y++) {
    let any = false;
    for (let x = 0; x < png.width && !any; x++) any = dark(x, y);
    if (any) { if (top < 0) top = y; bottom = y; gap = 0; } else if (top >= 0 && ++gap >= 6) break;
  }
  assert.ok(top >= 0, 'no ink at all');
  let left = png.width, right = -1;
  for (let y = top; y <= bottom; y++) for (let x = 0; x < png.width; x++) if (dark(x, y)) { left = Math.min(left, x); right = Math.max(right, x); }
  return { dark, left, top, right, bottom, aspect: (right - left + 1) / (bottom - top + 1) };
}

// The box resampled to W x 32 cells, a cell inked when most of its nine sample points are.
function grid(box, W, H = 32) {
  const out = new Uint8Array(W * H), bw = box.right - box.left + 1, bh = box.bottom - box.top + 1;
  for (let gy = 0; gy < H; gy++) for (let gx = 0; gx < W; gx++) {
    let n = 0;
    for (let s = 0; s < 9; s++) {
      const x = box.left + Math.min(bw - 1, Math.floor((gx + ((s % 3) + 0.5) / 3) * bw / W));
      const y = box.top + Math.min(bh - 1, Math.floor((gy + (Math.floor(s / 3) + 0.5) / 3) * bh / H));
      if (box.dark(x, y)) n++;
    }
    out[gy * W + gx] = n >= 4 ? 1 : 0;
  }
  return out;
}

// Dice similarity of two masks, a cell counted as matched when the other has ink within one cell.
function similarity(a, b, W, H = 32) {
  const near = (m, i) => {
    const x = i % W, y = Math.floor(i / W);
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx, yy = y + dy;
      if (xx >= 0 && yy >= 0 && xx < W && yy < H && m[yy * W + xx]) return true;
    }
    return false;
  };
  let hit = 0, all = 0;
  for (let i = 0; i < W * H; i++) {
    if (a[i]) { all++; if (near(b, i)) hit++; }
    if (b[i]) { all++; if (near(a, i)) hit++; }
  }
  return hit / all;
}

const SHAPED = 0.9;  // measured: 0.95-1.0 for shaped text, 0.5-0.83 for unshaped or reversed

describe('Arabic drawn right, against the browser\'s own text engine', () => {
  const kLatin = emPerPixelHeight(readFileSync(INTER));
  const kArabic = emPerPixelHeight(readFileSync(join(siteDir, 'fonts/NotoSansArabic-Bold.ttf')));

  // The widget's title line (SemiBold 15 px, Arabic merged at 1.3 times), black on white, at 2x.
  async function drawn(title) {
    const q = new URLSearchParams({ lang: 'ar', layout: 'badge', bg: 'fff', fg: '000', muted: 'fff', accent: 'fff', title });
    const { context, page } = await openPage(browser, `${site.origin}/widget.html?${q}`,
      { viewport: { width: 700, height: 400 }, deviceScaleFactor: 2 });
    await waitForCounter(page);
    await page.waitForTimeout(200);
    const box = inkBox(decodePng(await page.locator('#likeloss-canvas').screenshot()));
    // The browser draws the same text with the same fonts at the same scale, right to left.
    const oracle = async (text) => inkBox(decodePng(Buffer.from(await page.evaluate(async ([text, kLatin, kArabic]) => {
      if (!window.oracleFonts) {
        window.oracleFonts = true;
        document.fonts.add(await new FontFace('oracle-latin', 'url(/test/Inter-SemiBold.otf)').load());
        document.fonts.add(await new FontFace('oracle-arabic', 'url(fonts/NotoSansArabic-Bold.ttf)',
          { sizeAdjust: `${100 * 1.3 * kArabic / kLatin}%` }).load());
      }
      const c = document.createElement('canvas');
      c.width = 1400; c.height = 160;
      const g = c.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, c.width, c.height);
      g.fillStyle = '#000';
      g.font = `${30 * kLatin}px oracle-latin, oracle-arabic`;
      g.fontKerning = 'none';  // Dear ImGui does not kern
      g.direction = 'rtl';
      g.textAlign = 'right';
      g.fillText(text, 1380, 100);
      return c.toDataURL('image/png').split(',')[1];
    }, [text, kLatin, kArabic]), 'base64')));
    return { context, box, oracle };
  }

  const strings = ['اتصالات المغرب', 'إنوي', 'ميديتل', 'لا للحجب', 'خسرت Maroc Telecom 187.680 إعجابا'];
  for (const text of strings) {
    test(`"${text}" matches the browser's shaping`, async () => {
      const { context, box, oracle } = await drawn(text);
      const W = Math.min(800, Math.round(32 * box.aspect));
      const widget = grid(box, W);
      const score = async (t) => similarity(widget, grid(await oracle(t), W), W);
      const shaped = await score(text);
      const isolated = await score([...text].join('\u200c'));  // ZERO WIDTH NON-JOINER: every letter alone
      const reversed = await score([...text].reverse().join(''));
      console.log(`oracle "${text}": shaped ${shaped.toFixed(3)}, unshaped ${isolated.toFixed(3)}, reversed ${reversed.toFixed(3)}`);
      assert.ok(shaped >= SHAPED, `the widget's "${text}" differs from the browser's: ${shaped.toFixed(3)}`);
      assert.ok(isolated < SHAPED && reversed < SHAPED, 'the measure tells unshaped and reversed text apart');
      await context.close();
    });
  }

  test('the widget\'s own unshaped text fails the same threshold', async () => {
    // Letters kept apart in the title itself: the widget draws them in isolated forms.
    const text = 'اتصالات المغرب';
    const { context, box } = await drawn([...text].join('\u200c'));
    const reference = await drawn(text);
    const W = Math.min(800, Math.round(32 * reference.box.aspect));
    const score = similarity(grid(box, W), grid(await reference.oracle(text), W), W);
    console.log(`oracle "${text}" drawn unshaped by the widget: ${score.toFixed(3)}`);
    assert.ok(score < SHAPED, `unshaped text scored ${score.toFixed(3)}`);
    await context.close();
    await reference.context.close();
  });
});
