// Embedding: the demo blog (a CSS reset, a strict CSP, the loader included twice), snippets added
// later, scripts off, hostile parameters, good manners inside someone else's page, the
// configurator. Pixels are sampled from each iframe; text is read from each widget's text copy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { compareWithReadme, countColor, decodePng, launchBrowser, openPage, startSite } from './harness.mjs';
import { testFeed } from './scripted-server.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repo } from './harness.mjs';

const STRICT = "default-src 'none'; script-src 'self'; style-src 'self'; frame-src 'self'; img-src 'self' data:";
const XSS = '"><img src=x onerror="window.parent.pwned=1;window.pwned=1"><script>window.pwned=1</script>';

// A page of the test's own, served beside the widget (same site as a blog that hosts it).
function hostPage(body, { head = '' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT}">
<link rel="icon" href="data:,"><link rel="stylesheet" href="/demo/demo.css">${head}
<title>host</title></head><body><main><article>${body}</article></main>
<script async src="/embed.js"></script></body></html>`;
}

let site, browser;
before(async () => {
  site = await startSite({
    // Every parameter carries the payload, in the link's query or a data-* attribute; the second
    // widget also gets it as its feed address.
    '/test/xss.html': hostPage(`
      <a class="likeloss-embed" href="/widget.html?${['title', 'bg', 'layout', 'theme', 'currency', 'lang', 'graph_token'].map((k) => `${k}=${encodeURIComponent(XSS)}`).join('&amp;')}"
         ${['accent', 'fg', 'muted', 'pages', 'transparent', 'per_unit', 'color.maroctelecom'].map((k) => `data-${k}="${XSS.replace(/"/g, '&quot;')}"`).join(' ')}
         data-onload="window.pwned=1">${XSS.replace(/</g, '&lt;')}</a>
      <a class="likeloss-embed" href="/widget.html" data-source="${XSS.replace(/"/g, '&quot;')}" data-refresh="${XSS.replace(/"/g, '&quot;')}">second</a>`),
    '/test/late.html': hostPage('<p>Snippets come later.</p>'),
    // A block theme's constrained layout (WordPress 6's default): its children in a centred column.
    '/test/wordpress.html': hostPage('<div class="entry-content is-layout-constrained"><p>Before.</p>' +
      '<a class="likeloss-embed" href="/widget.html?layout=compact">counter</a><p>After.</p></div>',
    { head: '<link rel="stylesheet" href="/test/wordpress.css">' }),
    '/test/wordpress.css': 'main, article { max-width: none !important; width: 100%; } ' +
      '.is-layout-constrained > :where(:not(.alignleft):not(.alignright):not(.alignfull)) ' +
      '{ max-width: 650px; margin-left: auto !important; margin-right: auto !important; }',
    // The snippet for places that strip scripts: a picture of the counter (likeloss-render's) in the link.
    '/test/picture.html': hostPage('<a class="likeloss-embed" href="/widget.html?layout=badge"><img src="/test/badge.png" width="180" alt="494,652 likes lost: a picture of the counter"></a>'),
    '/test/badge.png': readFileSync(join(repo, 'tests/widget/golden/badge-180.png')),
    // Twenty widgets in view at once: more than the WebGL contexts a browser keeps.
    '/test/twenty.html': hostPage(Array.from({ length: 20 }, (_, i) =>
      `<div class="cell"><a class="likeloss-embed" href="/widget.html?layout=badge&amp;title=Widget+${i + 1}">widget ${i + 1}</a></div>`).join(''),
    { head: '<link rel="stylesheet" href="/test/twenty.css">' }),
    '/test/twenty.css': 'article { display: grid; grid-template-columns: repeat(5, 1fr); gap: 8px; } main { max-width: none; }',
    // Thirty widgets in a column, four or five in view at a time.
    '/test/column.html': hostPage(Array.from({ length: 30 }, (_, i) =>
      `<p><a class="likeloss-embed" href="/widget.html?layout=compact&amp;title=Widget+${i + 1}">widget ${i + 1}</a></p>`).join('')),
    // A dark-scheme blog with a green background: a transparent widget must show the green.
    '/test/dark.html': hostPage('<a class="likeloss-embed" href="/widget.html" data-transparent="1" data-theme="dark" data-layout="badge">badge</a>',
      { head: '<meta name="color-scheme" content="dark"><link rel="stylesheet" href="/test/green.css">' }),
    '/test/green.css': 'html, body { background: rgb(0, 128, 0) !important; }',
    // The blog's own address must not set the widget's parameters through an empty or "#" href.
    '/test/hash.html': hostPage('<a class="likeloss-embed" href="#" data-layout="compact">a</a> <a class="likeloss-embed" data-layout="compact" href="/widget.html#x">b</a>'),
    '/test/tall.html': hostPage('<p class="spacer">Above</p><a class="likeloss-embed" href="/widget.html?layout=full">counter</a><p class="spacer">Below</p>',
      { head: '<link rel="stylesheet" href="/test/tall.css">' }),
    '/test/tall.css': '.spacer { height: 1500px; }',
    // Values far over what the widget accepts: a 100 KB title (servers answered 414); a feed address
    // of 3,000 characters, 300 page ids and a colour of 1,000 characters; a title of exactly 120
    // characters, which is kept.
    '/test/long.html': hostPage(`
      <a class="likeloss-embed" href="/widget.html?layout=compact" data-title="${'x'.repeat(100_000)}">too long a title</a>
      <a class="likeloss-embed" href="/widget.html?layout=compact&amp;source=${'s'.repeat(3000)}"
         data-pages="${Array.from({ length: 300 }, (_, i) => `page-${i}-of-too-many`).join(',')}"
         data-accent="${'a'.repeat(1000)}" data-source="/test/ticking.json${'?x'.repeat(1500)}">too long the rest</a>
      <a class="likeloss-embed" href="/widget.html?layout=badge" data-title="${'é'.repeat(119)}!">just right</a>`),
    // A campaign's own feed, whose title has characters HTML would read as markup.
    '/test/campaign.json': testFeed({ title: 'Save <our> calls & "more"' }),
    // A feed beside the widget that counts on every 0.2 s (same origin: always allowed).
    '/test/ticking.json': testFeed({ lostA: 1000, rateA: -5, ageA: 0, interval: 600 }),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

async function framesDrawn(page, count) {
  await page.waitForFunction((n) => {
    const frames = [...document.querySelectorAll('iframe')];
    return frames.length === n && frames.every((f) => {
      const l = f.contentWindow?.likeloss;
      return l && l.frames > 0 && l.lines.length > 0;
    });
  }, count, { timeout: 30000 });
  await page.waitForTimeout(400);  // the heights settle
}

const frameLines = (page, i) => page.evaluate((n) => document.querySelectorAll('iframe')[n].contentWindow.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')), i);

// Snippets with these links, then the loader as the first copy on the page, from a shadow root,
// where it cannot see its own script tag.
function loadInShadowRoot(page, hrefs) {
  return page.evaluate((links) => {
    delete window.LikeLoss;
    for (const s of document.querySelectorAll('script[src$="embed.js"]')) s.remove();
    for (const href of links) {
      const a = document.createElement('a');
      a.className = 'likeloss-embed';
      a.href = href;
      a.textContent = href;
      document.querySelector('article').append(a);
    }
    const host = document.createElement('div');
    document.body.append(host);
    const script = document.createElement('script');
    script.src = '/embed.js';
    host.attachShadow({ mode: 'open' }).append(script);
  }, hrefs);
}

describe('embedding', () => {
  test('the demo blog shows three widgets, each in its own colours, one per snippet though the loader is there twice', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/demo/', { viewport: { width: 1100, height: 1400 } });
    await framesDrawn(page, 3);
    assert.equal(await page.locator('script[src$="embed.js"]').count(), 2);
    assert.equal(await page.locator('iframe').count(), 3);
    assert.deepEqual(problems, []);
    const shots = [];
    for (let i = 0; i < 3; i++) shots.push(decodePng(await page.locator('iframe').nth(i).screenshot()));
    const share = (png, rgb, tol = 4) => countColor(png, rgb, tol) / (png.width * png.height);
    // Full: a white card, the headline in the default accent.
    assert.ok(share(shots[0], [255, 255, 255], 0) > 0.5);
    assert.ok(countColor(shots[0], [0xc8, 0x1e, 0x33]) > 300);
    // Compact: its dark background and gold accent.
    assert.ok(share(shots[1], [0x10, 0x15, 0x1c], 2) > 0.5, 'the compact widget is not dark');
    assert.ok(countColor(shots[1], [0xff, 0xd7, 0x00], 6) > 300, 'no gold in the compact widget');
    // Badge: its warm background and its own accent.
    assert.ok(share(shots[2], [0xff, 0xf4, 0xe5], 2) > 0.5, 'the badge is not on its background');
    assert.ok(countColor(shots[2], [0xc2, 0x41, 0x0c], 6) > 100, 'no accent in the badge');
    // Three layouts, three heights, each the height its content asked for.
    const heights = await page.$$eval('iframe', (fs) => fs.map((f) => [f.getBoundingClientRect().height,
      f.contentDocument.getElementById('likeloss-box').getBoundingClientRect().height]));
    for (const [outer, inner] of heights) assert.ok(Math.abs(outer - inner) <= 1, `iframe ${outer}px, content ${inner}px`);
    assert.ok(heights[0][0] > heights[1][0] && heights[1][0] > heights[2][0], JSON.stringify(heights));
    // Each iframe is named for assistive technology, and the links it replaced are hidden.
    for (const title of await page.$$eval('iframe', (fs) => fs.map((f) => f.title))) assert.ok(title.length > 5);
    assert.equal(await page.locator('a.likeloss-embed').first().isHidden(), true);
    // No widget takes the focus from the page.
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true);

    // The README's picture of the demo blog is what it shows.
    assert.equal(compareWithReadme(await page.locator('main').screenshot(), 'embed-layouts'), '');
    await context.close();
  });

  test('the demo blog fits a 360 px phone: the sidebar goes below the article, each counter as wide as the column', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/demo/', { viewport: { width: 360, height: 740 } });
    await page.waitForFunction(() => document.querySelectorAll('iframe').length === 3);
    for (let i = 0; i < 3; i++) {  // lazily loaded: each is brought into view
      await page.locator('iframe').nth(i).scrollIntoViewIfNeeded();
      await page.waitForFunction((n) => document.querySelectorAll('iframe')[n].contentWindow?.likeloss?.frames > 0, i, { timeout: 30000 });
    }
    await page.waitForTimeout(400);  // the heights settle
    const layout = await page.evaluate(() => {
      const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top + scrollY, bottom: r.bottom + scrollY, width: r.width, height: r.height }; };
      return { pageWidth: document.documentElement.scrollWidth, article: box(document.querySelector('article')),
               aside: box(document.querySelector('aside')), frames: [...document.querySelectorAll('iframe')].map(box) };
    });
    assert.ok(layout.pageWidth <= 360, `the page scrolls sideways: ${layout.pageWidth}px`);
    assert.ok(layout.aside.top >= layout.article.bottom, `the sidebar is beside the article: ${JSON.stringify(layout)}`);
    for (const [i, frame] of layout.frames.entries()) {
      assert.ok(frame.width >= 300, `counter ${i + 1} is ${frame.width}px wide`);
      assert.ok(frame.right <= 360, `counter ${i + 1} overflows to ${frame.right}px`);
    }
    // The full layout at a phone's width: about a screen tall, not a squeezed column.
    assert.ok(layout.frames[0].height < 800, `the full counter is ${layout.frames[0].height}px tall`);
    // Still the blog it pretends to be: its strict policy and its reset stand.
    assert.match(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /default-src 'none'; script-src 'self'/);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).marginTop), '0px');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a blog on another origin embeds the widget and sizes it from its reports', async () => {
    const blog = createServer((req, res) => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src ${site.origin}; frame-src ${site.origin}; img-src data:`,
      });
      res.end(`<!doctype html><title>elsewhere</title><link rel="icon" href="data:,"><h1>Another site</h1>
        <a class="likeloss-embed" href="${site.origin}/widget.html?layout=compact">compact</a>
        <a class="likeloss-embed" href="${site.origin}/widget.html" data-layout="badge">badge</a>
        <script async src="${site.origin}/embed.js"></script>`);
    });
    await new Promise((ok) => blog.listen(0, '127.0.0.1', ok));
    try {
      const { context, page } = await openPage(browser, `http://localhost:${blog.address().port}/`);
      await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
      const heights = async () => page.$$eval('iframe', (fs) => fs.map((f) => Math.round(f.getBoundingClientRect().height)));
      await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.style.height !== '320px'), null, { timeout: 30000 });
      const [compact, badge] = await heights();
      assert.ok(compact > badge && badge > 80, `heights ${compact}, ${badge}`);
      const inner = await Promise.all(page.frames().filter((f) => f.url().includes('widget.html')).map((f) =>
        f.evaluate(() => Math.round(document.getElementById('likeloss').getBoundingClientRect().height))));
      assert.deepEqual([...inner].sort(), [compact, badge].sort());
      await context.close();
    } finally {
      blog.close();
    }
  });

  test('an empty or "#" link takes nothing from the blog\'s own address', async () => {
    const { context, page } = await openPage(browser, site.origin + '/test/hash.html?title=HACKED&per_unit=999');
    await framesDrawn(page, 2);
    for (const i of [0, 1]) {
      const text = (await frameLines(page, i)).join('\n');
      assert.ok(!text.includes('HACKED') && !text.includes('999'), text);
      assert.match(text, /494,652 likes lost/);
    }
    await context.close();
  });

  test('loaded where it cannot see its own script tag (a shadow root), it finds the widget from the link', async () => {
    const { context, page } = await openPage(browser, site.origin + '/test/late.html');
    await page.waitForFunction(() => window.LikeLoss);
    await loadInShadowRoot(page, ['/widget.html?layout=badge']);
    await framesDrawn(page, 1);
    assert.match(await page.locator('iframe').getAttribute('src'), /\/widget\.html\?layout=badge$/);
    await context.close();
  });

  test('a value longer than the widget accepts is cut short and named in small print, never sent whole', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/test/long.html');
    await framesDrawn(page, 3);
    const sources = await page.$$eval('iframe', (fs) => fs.map((f) => f.src));
    // The 100 KB title: a short address, the widget with its other parameters and its figures,
    // and the title named in small print, not repeated.
    assert.ok(sources[0].length < 1024, `an iframe address of ${sources[0].length} characters`);
    assert.equal(new URL(sources[0]).searchParams.get('layout'), 'compact');
    const first = await frameLines(page, 0);
    assert.match(first[0], /^The parameter title was ignored \(empty, longer than 120 characters/);
    assert.ok(!first.join('\n').includes('xxxxxxxxxx'), 'the refused title is shown');
    assert.ok(first.some((l) => l.startsWith('#BringBackOurVoip: 494,652 likes lost')), JSON.stringify(first));
    // Each value is cut one character past what the widget accepts, and each is named.
    const cut = new URL(sources[1]).searchParams;
    for (const [key, limit] of [['source', 2048], ['accent', 64]])
      assert.equal([...cut.get(key)].length, limit + 1, `${key} is ${cut.get(key).length} characters`);
    assert.equal(cut.get('pages').split(',').length, 51, 'not cut after 51 page ids');
    // Within the 8 KB request line common servers allow (a feed address may take 2048 characters).
    assert.ok(sources[1].length < 8000, `an iframe address of ${sources[1].length} characters`);
    const notice = (await frameLines(page, 1))[0];
    assert.match(notice, /The parameter source was ignored \(longer than 2048 characters\)/);
    assert.match(notice, /The parameter pages was ignored/);
    assert.match(notice, /The parameter accent was ignored/);
    // A title of exactly 120 characters (239 bytes of UTF-8) is within the limit, and shown.
    const right = await frameLines(page, 2);
    assert.ok(right.some((l) => l.startsWith(`${'é'.repeat(119)}!: 494,652 likes lost`)), JSON.stringify(right));
    assert.ok(!right.some((l) => l.includes('was ignored')), JSON.stringify(right));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a snippet whose link is not an http(s) widget address stays a link, and the others still become widgets', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/test/late.html');
    await page.waitForFunction(() => window.LikeLoss);
    await loadInShadowRoot(page, ['javascript:void(0)//widget.html', 'data:text/html,hello/widget.html', '/widget.html?layout=badge']);
    await framesDrawn(page, 1);
    assert.match(await page.locator('iframe').getAttribute('src'), /^http:\/\/127\.0\.0\.1:\d+\/widget\.html\?layout=badge$/);
    const links = page.locator('a.likeloss-embed');
    for (const i of [0, 1]) assert.equal(await links.nth(i).isVisible(), true, `link ${i} was hidden`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a transparent widget on a dark-scheme blog shows the blog, not a white box', async () => {
    const { context, page } = await openPage(browser, site.origin + '/test/dark.html', { colorScheme: 'dark' });
    await framesDrawn(page, 1);
    const png = decodePng(await page.locator('iframe').screenshot());
    assert.ok(countColor(png, [0, 128, 0], 3) > png.width * png.height * 0.5, 'the blog does not show through');
    await context.close();
  });

  test('a widget that cannot draw (no WebGL 2) still sizes its iframe to the text it shows instead', async () => {
    const noGl = await launchBrowser(['--disable-webgl2']);
    try {
      const { page } = await openPage(noGl, site.origin + '/demo/', { viewport: { width: 1100, height: 1400 } });
      await page.waitForFunction(() => [...document.querySelectorAll('iframe')].length === 3 &&
        [...document.querySelectorAll('iframe')].every((f) => f.contentWindow.likeloss?.error), null, { timeout: 30000 });
      await page.waitForTimeout(500);
      const sizes = await page.$$eval('iframe', (fs) => fs.map((f) => [Math.round(f.getBoundingClientRect().height),
        Math.round(f.contentDocument.getElementById('likeloss').getBoundingClientRect().height)]));
      for (const [outer, inner] of sizes) {
        assert.ok(Math.abs(outer - inner) <= 1, `iframe ${outer}px for ${inner}px of text`);
        assert.ok(inner > 100);
      }
      const text = await page.$eval('iframe', (f) => f.contentDocument.getElementById('likeloss-text').textContent);
      assert.match(text, /494,652 likes lost/);
    } finally {
      await noGl.close();
    }
  });

  test('twenty widgets on one page all show their figures, drawn or as text', async () => {
    const { context, page } = await openPage(browser, site.origin + '/test/twenty.html', { viewport: { width: 1600, height: 1200 } });
    await page.waitForFunction(() => {
      const frames = [...document.querySelectorAll('iframe')];
      return frames.length === 20 && frames.every((f) => {
        const l = f.contentWindow?.likeloss;
        return l && (l.error || l.frames > 0) && l.lines.length > 0;
      });
    }, null, { timeout: 60000 });
    await page.waitForTimeout(1000);
    let drawn = 0, asText = 0;
    for (let i = 0; i < 20; i++) {
      const frame = page.locator('iframe').nth(i);
      // Out of view, a widget may have given its context back: in view, it draws or shows text.
      await frame.scrollIntoViewIfNeeded();
      await frame.evaluate((f) => new Promise((done, fail) => {
        const until = Date.now() + 20000;
        const check = () => {
          const l = f.contentWindow.likeloss;
          if (l.error || (!l.contextLost && l.frames > (l.framesAtRestore || 0))) done();
          else if (Date.now() > until) fail(new Error('neither drawn nor shown as text'));
          else setTimeout(check, 100);
        };
        check();
      }));
      const result = await frame.evaluate((f) => {
        const doc = f.contentDocument, l = f.contentWindow.likeloss;
        return { lost: !!l.contextLost, error: l.error, text: doc.getElementById('likeloss-text').innerText,
                 textShown: !doc.getElementById('likeloss-text').classList.contains('likeloss-sr') };
      });
      if (result.lost || result.error) {
        asText++;
        assert.ok(result.textShown && /Widget \d+: 494,652 likes lost/.test(result.text.replace(/[\u2066-\u2069]/g, '')), `widget ${i + 1} is blank: ${JSON.stringify(result)}`);
      } else {
        drawn++;
        const png = decodePng(await frame.screenshot());
        assert.ok(countColor(png, [0xc8, 0x1e, 0x33], 6) > 50, `widget ${i + 1} has no figure drawn`);
      }
    }
    assert.equal(drawn + asText, 20);
    console.log(`# twenty widgets: ${drawn} drawn, ${asText} as text`);
    await context.close();
  });

  test('scrolling through thirty widgets: off screen they give their contexts back, so every one in view is drawn', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/test/column.html', { viewport: { width: 1000, height: 800 } });
    // Every widget in view has drawn its figures with WebGL, none shows them as text.
    const inViewDrawn = () => page.waitForFunction(() => {
      const frames = [...document.querySelectorAll('iframe')].filter((f) => {
        const r = f.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      return frames.length > 0 && frames.every((f) => {
        const l = f.contentWindow?.likeloss;
        return l && l.frames > (l.framesAtRestore || 0) && !l.contextLost && !l.error && l.lines.length > 0;
      });
    }, null, { timeout: 30000, polling: 200 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y <= height; y += 600) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await inViewDrawn();
    }
    // At the bottom, the first widgets, far above, have given their contexts back.
    const given = await page.evaluate(() => [...document.querySelectorAll('iframe')].slice(0, 3)
      .map((f) => f.contentWindow.Module.ctx.isContextLost()));
    assert.deepEqual(given, [true, true, true]);
    // Back at the top, the first widgets draw again: their contexts came back.
    await page.evaluate(() => window.scrollTo(0, 0));
    await inViewDrawn();
    const lost = await page.evaluate(() => [...document.querySelectorAll('iframe')]
      .filter((f) => /stopped drawing/.test(f.contentWindow?.likeloss?.error || '')).length);
    assert.equal(lost, 0, 'a widget lost its context to the browser');
    const png = decodePng(await page.locator('iframe').first().screenshot());
    assert.ok(countColor(png, [0xc8, 0x1e, 0x33], 6) > 50, 'the first widget is not drawn again');
    assert.deepEqual(problems.filter((p) => !/WebGL/.test(p)), []);
    await context.close();
  });

  test('a widget below the view makes no WebGL context until it comes into view; one the browser took comes back when another is given back', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/test/column.html', { viewport: { width: 1000, height: 1200 } });
    // Resolves once the widget in frame `f` has drawn with its context since it last got it back.
    const drawn = (frame, what) => frame.evaluate((f, message) => new Promise((done, fail) => {
      const until = Date.now() + 20000;
      const check = () => {
        const l = f.contentWindow.likeloss;
        if (l && l.frames > (l.framesAtRestore || 0) && !l.contextLost && !l.error && l.lines.length > 0 && f.contentWindow.Module.ctx) done();
        else if (Date.now() > until) fail(new Error(message));
        else setTimeout(check, 100);
      };
      check();
    }), what);
    await drawn(page.locator('iframe').first(), 'the first widget is not drawn');
    // Loaded (the browser loads lazy frames well before they show) but far below: laid out, as
    // tall as its counter, its figures in its text copy, and no context.
    await page.waitForTimeout(1500);
    const below = await page.$$eval('iframe', (fs) => fs.map((f, i) => {
      const r = f.getBoundingClientRect(), w = f.contentWindow;
      return { i, top: r.top, height: r.height, ran: !!(w?.likeloss?.lines?.length), context: !!w?.Module?.ctx,
               inner: w?.document.getElementById('likeloss')?.getBoundingClientRect().height };
    }).filter((x) => x.top > innerHeight + 400 && x.ran));
    assert.ok(below.length > 0, 'no widget started below the view');
    for (const w of below) {
      assert.equal(w.context, false, JSON.stringify(w));
      assert.ok(w.height > 150 && Math.abs(w.height - w.inner) <= 1, JSON.stringify(w));
    }
    // Scrolled to, it makes its context and draws.
    const far = page.locator('iframe').nth(below[0].i);
    await far.scrollIntoViewIfNeeded();
    await drawn(far, 'not drawn once in view');

    // Back at the top: the browser takes widget A's context (as it does at its limit) while A is in
    // view; A shows its figures as text. The first widget then leaves the view and gives its
    // context back, and A asks for it again and draws.
    await page.evaluate(() => window.scrollTo(0, 0));
    await drawn(page.locator('iframe').first(), 'the first widget is not drawn again');
    const { y, a } = await page.$$eval('iframe', (fs) => {
      const y = Math.ceil(fs[0].getBoundingClientRect().bottom) + 320;  // past the widgets' 300 px margin
      return { y, a: fs.findIndex((f) => { const r = f.getBoundingClientRect(); return r.top >= y && r.top < innerHeight - 100; }) };
    });
    assert.ok(a > 0, 'no widget stays in view');
    const widgetA = page.locator('iframe').nth(a);
    await drawn(widgetA, 'widget A is not drawn');
    // Checked as the context goes (the widget's own listener ran first): a context given back by
    // another widget may reach A at once, and A then draws again.
    assert.equal(await widgetA.evaluate((f) => new Promise((done) => {
      const canvas = f.contentDocument.getElementById('likeloss-canvas');
      canvas.addEventListener('webglcontextlost', () => done(f.contentWindow.likeloss.contextLost &&
        !f.contentDocument.getElementById('likeloss-text').classList.contains('likeloss-sr')), { once: true });
      f.contentWindow.Module.ctx.getExtension('WEBGL_lose_context').loseContext();
    })), true, 'widget A does not show its figures as text without its context');
    await page.evaluate((to) => window.scrollTo(0, to), y);
    await drawn(widgetA, 'widget A is still without its context');
    assert.equal(await page.$eval('iframe', (f) => f.contentWindow.Module.ctx.isContextLost()), true, 'the first widget kept its context');
    assert.deepEqual(problems.filter((p) => !/WebGL/.test(p)), []);
    await context.close();
  });

  test("the counter sits in a block theme's column, as the theme's own paragraphs do", async () => {
    const { context, page } = await openPage(browser, site.origin + '/test/wordpress.html', { viewport: { width: 1280, height: 900 } });
    await framesDrawn(page, 1);
    const [paragraph, frame] = await page.evaluate(() => [document.querySelector('.entry-content p'), document.querySelector('iframe')]
      .map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.width)]; }));
    assert.equal(paragraph[1], 650, 'the theme\'s column');
    assert.deepEqual(frame, paragraph);
    await context.close();
  });

  test('a snippet added after load is set up by one call', async () => {
    const { context, page } = await openPage(browser, site.origin + '/test/late.html');
    await page.waitForFunction(() => window.LikeLoss && typeof window.LikeLoss.scan === 'function');
    assert.equal(await page.locator('iframe').count(), 0);
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.className = 'likeloss-embed';
      a.href = '/widget.html';
      a.dataset.layout = 'badge';
      a.textContent = 'Likes lost';
      document.querySelector('article').append(a);
      window.LikeLoss.scan();
      window.LikeLoss.scan();  // twice: still one widget
    });
    await framesDrawn(page, 1);
    assert.match((await frameLines(page, 0)).join('\n'), /494,652 likes lost/);
    await context.close();
  });

  test('with scripts off the snippet is a working link', async () => {
    const { context, page } = await openPage(browser, site.origin + '/demo/', { javaScriptEnabled: false });
    assert.equal(await page.locator('iframe').count(), 0);
    const link = page.locator('a.likeloss-embed').first();
    assert.equal(await link.isVisible(), true);
    await link.click();
    await page.waitForURL(/widget\.html/);
    await context.close();
  });

  test('a picture of the counter in the link: shown with scripts off, the live widget with them on', async () => {
    let { context, page } = await openPage(browser, site.origin + '/test/picture.html', { javaScriptEnabled: false });
    const picture = page.locator('a.likeloss-embed img');
    await page.waitForFunction(() => document.querySelector('a.likeloss-embed img').complete);
    assert.equal(await picture.isVisible(), true);
    assert.equal(await picture.evaluate((img) => img.naturalWidth), 180, 'the picture did not load');
    assert.equal(await page.locator('iframe').count(), 0);
    await context.close();

    ({ context, page } = await openPage(browser, site.origin + '/test/picture.html'));
    await framesDrawn(page, 1);
    assert.equal(await page.locator('a.likeloss-embed').isVisible(), false, 'the picture stays beside the live widget');
    // The frame is named for assistive technology by the picture's alt text, the link's only words.
    assert.equal(await page.locator('iframe').getAttribute('title'), '494,652 likes lost: a picture of the counter');
    await context.close();
  });

  test('script in every parameter and data attribute stays inert text or a refused value', async () => {
    const { context, page } = await openPage(browser, site.origin + '/test/xss.html');
    let dialogs = 0;
    page.on('dialog', (d) => { dialogs++; d.dismiss(); });
    await framesDrawn(page, 2);
    await page.waitForTimeout(500);
    assert.equal(dialogs, 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    for (const frame of page.frames().filter((f) => f.url().includes('widget.html'))) {
      assert.equal(await frame.evaluate(() => window.pwned), undefined);
      assert.equal(await frame.evaluate(() => document.querySelectorAll('img, script:not([src])').length), 0);
    }
    // A token is never passed on by the loader.
    assert.ok(!(await page.locator('iframe').first().getAttribute('src')).includes('graph_token'));
    const lines = await frameLines(page, 0);
    // The title is shown as the text it is; every other value is refused and named.
    assert.ok(lines.some((l) => l.includes('<img src=x onerror=')), JSON.stringify(lines));
    const notice = lines[0];
    for (const name of ['bg', 'fg', 'accent', 'muted', 'layout', 'theme', 'pages', 'transparent', 'currency', 'per_unit', 'lang', 'color.maroctelecom'])
      assert.ok(notice.includes(`The parameter ${name} was ignored`), `${name} not named: ${notice}`);
    assert.ok(!notice.includes('<img'), 'a refused value is repeated back');
    assert.equal(await page.locator('iframe').first().getAttribute('title'), XSS.slice(0, 200));
    // The second widget's feed address is the payload: a same-site path that does not exist.
    const second = (await frameLines(page, 1)).join('\n');
    assert.match(second, /The parameter refresh was ignored/);
    assert.match(second, /Nothing was found at 127\.0\.0\.1:\d+ \(HTTP 404\)/);
    await context.close();
  });

  test('the wheel over a widget scrolls the blog', async () => {
    const { context, page } = await openPage(browser, site.origin + '/test/tall.html', { viewport: { width: 800, height: 700 } });
    await page.evaluate(() => window.scrollTo(0, 1200));
    await framesDrawn(page, 1);
    const box = await page.locator('iframe').boundingBox();
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.move(box.x + box.width / 2, Math.min(box.y + 100, 650));
    await page.mouse.wheel(0, 400);
    await page.waitForFunction((y) => window.scrollY > y, before, { timeout: 5000 });
    await context.close();
  });

  test('reduced motion stops the ticking; without it the counter counts on', async () => {
    const read = async (reducedMotion) => {
      const { context, page } = await openPage(browser, site.origin + '/widget.html?source=/test/ticking.json', { reducedMotion });
      await page.waitForFunction(() => window.likeloss?.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')).some((l) => l.startsWith('Alpha: ')), null, { timeout: 30000 });
      const alpha = async () => (await page.evaluate(() => window.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')))).find((l) => l.startsWith('Alpha: '));
      // Counted once the start is over: the first frames drawn (the text may come before them) and
      // those that settle the layout.
      await page.waitForFunction(() => window.likeloss.frames > 0, null, { timeout: 30000 });
      await page.waitForTimeout(500);
      const first = await alpha();
      const frames0 = await page.evaluate(() => window.likeloss.frames);
      await page.waitForTimeout(2500);
      const result = { changed: (await alpha()) !== first, frames: (await page.evaluate(() => window.likeloss.frames)) - frames0 };
      await context.close();
      return result;
    };
    const moving = await read('no-preference');
    assert.equal(moving.changed, true, 'the counter did not count on');
    const still = await read('reduce');
    assert.equal(still.changed, false, 'the counter ticked with reduced motion');
    assert.ok(still.frames < moving.frames / 4, `${still.frames} frames with reduced motion, ${moving.frames} without`);
  });

  test('theme=auto follows the dark scheme; a bad value is named in small print', async () => {
    const dark = await openPage(browser, site.origin + '/widget.html?theme=auto&layout=compact', { colorScheme: 'dark' });
    await dark.page.waitForFunction(() => window.likeloss?.frames > 0);
    await dark.page.waitForTimeout(300);
    const png = decodePng(await dark.page.locator('#likeloss-canvas').screenshot());
    assert.ok(countColor(png, [0x16, 0x1a, 0x1f], 2) > png.width * png.height * 0.5, 'not dark');
    await dark.context.close();
    const light = await openPage(browser, site.origin + '/widget.html?theme=auto&layout=compact&fg=nonsense', { colorScheme: 'light' });
    await light.page.waitForFunction(() => window.likeloss?.frames > 0 && window.likeloss.lines.length > 1);
    await light.page.waitForTimeout(300);
    const lpng = decodePng(await light.page.locator('#likeloss-canvas').screenshot());
    assert.ok(countColor(lpng, [255, 255, 255], 0) > lpng.width * lpng.height * 0.5, 'not light');
    const lines = await light.page.evaluate(() => window.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')));
    assert.match(lines[0], /^The parameter fg was ignored \(not a colour/);
    await light.context.close();
  });

  test('a title that is not UTF-8 is refused, and the widget still draws', async () => {
    const { context, page, problems } = await openPage(browser, site.origin + '/widget.html?title=Caf%E9&layout=badge');
    await page.waitForFunction(() => window.likeloss?.frames > 0 && window.likeloss.lines.length > 1);
    assert.equal(await page.evaluate(() => window.likeloss.error), '');
    assert.match((await page.evaluate(() => window.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, ''))))[0], /^The parameter title was ignored/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the screen-reader copy follows the ticking counter, at most every ten seconds', async () => {
    const { context, page } = await openPage(browser, site.origin + '/widget.html?source=/test/ticking.json');
    const dom = () => page.evaluate(() => [...document.querySelectorAll('#likeloss-text p')].map((p) => p.textContent.replace(/[\u2066-\u2069]/g, '')));
    const state = () => page.evaluate(() => window.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')));
    await page.waitForFunction(() => window.likeloss?.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')).some((l) => l.startsWith('Alpha: ')), null, { timeout: 30000 });
    await page.waitForTimeout(1500);
    assert.notDeepEqual(await dom(), await state(), 'every tick was written for screen readers');
    const first = (await dom()).find((l) => l.startsWith('Alpha: '));
    await page.waitForFunction((f) => [...document.querySelectorAll('#likeloss-text p')].map((p) => p.textContent.replace(/[\u2066-\u2069]/g, ''))
      .some((t) => t.startsWith('Alpha: ') && t !== f),
      first, { timeout: 12000 });
    await context.close();
  });

  test('transparent=1 lets the page behind show through', async () => {
    const { context, page } = await openPage(browser, site.origin + '/widget.html?transparent=1&layout=badge');
    await page.evaluate(() => { document.documentElement.style.background = 'rgb(0, 128, 0)'; });
    await page.waitForFunction(() => window.likeloss?.frames > 0);
    await page.waitForTimeout(300);
    const png = decodePng(await page.locator('#likeloss-canvas').screenshot());
    assert.ok(countColor(png, [0, 128, 0], 2) > png.width * png.height * 0.5, 'the page does not show through');
    await context.close();
  });

  test('the configurator updates the preview, the snippet and the share link', async () => {
    const { context, page } = await openPage(browser, site.origin + '/');
    await page.waitForFunction(() => document.querySelectorAll('#configurator-pages input').length === 3);
    await page.selectOption('select[name=layout]', 'badge');
    await page.check('input[name=own]');
    await page.locator('input[name=accent]').fill('#112233');
    await page.uncheck('input[name="page-meditel"]');
    const link = await page.inputValue('#configurator-link');
    const url = new URL(link);
    assert.equal(url.pathname, '/widget.html');
    assert.equal(url.searchParams.get('layout'), 'badge');
    assert.equal(url.searchParams.get('accent'), '#112233');
    assert.equal(url.searchParams.get('pages'), 'maroctelecom,inwi.ma');
    const snippet = await page.inputValue('#configurator-snippet');
    assert.ok(snippet.startsWith('<a class="likeloss-embed" href="'));
    assert.ok(snippet.includes('embed.js"></script>'));
    // For places without scripts: the site's picture of the counter, linked to the same widget.
    const picture = await page.inputValue('#configurator-picture');
    assert.equal(picture, `<a href="${link.replace(/&/g, '&amp;')}"><img src="${site.origin}/campaign-card.png" width="600" height="315" ` +
      `alt="${await page.getAttribute('meta[property="og:image:alt"]', 'content')}"></a>`);
    const markdown = await page.inputValue('#configurator-markdown');
    assert.match(markdown, /^\[!\[#BringBackOurVoip: 494,652 likes lost .*\]\(http:\/\/127\.0\.0\.1:\d+\/campaign-card\.png\)\]\(http:\/\/127\.0\.0\.1:\d+\/widget\.html\?[^)]*\)$/);
    assert.equal((await page.request.get(`${site.origin}/campaign-card.png`)).status(), 200);
    const previewLines = () => {
      const w = document.getElementById('configurator-preview').contentWindow;
      return w.location.href === document.getElementById('configurator-link').value && w.likeloss?.frames > 0 ? w.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')) : null;
    };
    await page.waitForFunction(previewLines, null, { timeout: 30000 });
    const lines = await page.evaluate(previewLines);
    assert.ok(!lines.some((l) => l.startsWith('Meditel')), 'the preview still shows Meditel');
    // The language: the link and the preview follow it.
    await page.selectOption('select[name=lang]', 'ar');
    assert.equal(new URL(await page.inputValue('#configurator-link')).searchParams.get('lang'), 'ar');
    await page.waitForFunction(() => {
      const w = document.getElementById('configurator-preview').contentWindow;
      return w.location.href === document.getElementById('configurator-link').value && w.document.documentElement?.dir === 'rtl' &&
        w.likeloss?.lines.some((l) => l.includes('إعجاب'));
    }, null, { timeout: 30000 });
    await context.close();
  });

  // What the configurator's preview shows, once it shows the address of the share link and has
  // read its feed (its first frame may come while the feed is still loading).
  const previewShows = () => {
    const w = document.getElementById('configurator-preview').contentWindow;
    const lines = w.location.href === document.getElementById('configurator-link').value && w.likeloss?.frames > 0 ? w.likeloss.lines : [];
    return lines.length && !lines.some((s) => s.includes('Loading the figures')) ? lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')) : null;
  };

  test("the configurator starts from the page's own feed and parameters, never its token", async () => {
    const secret = 'EAAsecret0123456789';
    const { context, page } = await openPage(browser, site.origin +
      `/?source=%2Ftest%2Fcampaign.json&accent=%23112233&per_unit=2#layout=compact&graph_token=${secret}&refresh=120`);
    // The pages to choose from are the feed's, not the 2016 campaign's.
    await page.waitForFunction(() => [...document.querySelectorAll('#configurator-pages input')].map((i) => i.name).join() === 'page-alpha,page-beta',
      null, { timeout: 10000 });
    assert.equal(await page.inputValue('select[name=layout]'), 'compact');
    assert.equal(await page.isChecked('input[name=own]'), true);
    assert.equal(await page.inputValue('input[name=accent]'), '#112233');
    let url = new URL(await page.inputValue('#configurator-link'));
    assert.equal(url.pathname, '/widget.html');
    assert.deepEqual(Object.fromEntries(url.searchParams),
      { source: '/test/campaign.json', per_unit: '2', refresh: '120', layout: 'compact', accent: '#112233' });
    // The snippet carries them too, and its link text is the campaign's title, as text.
    const snippet = await page.inputValue('#configurator-snippet');
    assert.ok(snippet.includes(`href="${url.href.replace(/&/g, '&amp;')}"`), snippet);
    assert.ok(snippet.includes('>Save &lt;our&gt; calls &amp; "more"</a>'), snippet);
    assert.ok(!snippet.includes(secret) && !(await page.inputValue('#configurator-link')).includes('graph_token'));
    // Its picture is the one the collector publishes beside that feed, named by the campaign's title.
    const picture = await page.inputValue('#configurator-picture');
    assert.ok(picture.includes(`<img src="${site.origin}/test/campaign-card.png" width="600" height="315" alt="Save &lt;our&gt; calls &amp; &quot;more&quot;">`), picture);
    assert.ok(!picture.includes(secret) && !(await page.inputValue('#configurator-markdown')).includes(secret));
    assert.ok((await page.inputValue('#configurator-markdown')).startsWith('[![Save <our> calls & "more"](' + site.origin + '/test/campaign-card.png)]('));
    // The preview shows that feed, with these settings.
    await page.waitForFunction(previewShows, null, { timeout: 30000 });
    let lines = await page.evaluate(previewShows);
    assert.ok(lines.some((l) => l.startsWith('Alpha: 1,111 likes lost')), JSON.stringify(lines));
    assert.ok(!lines.some((l) => l.includes('Maroc Telecom')), JSON.stringify(lines));
    // Choices change what the page gave, and keep the rest.
    await page.uncheck('input[name="page-beta"]');
    await page.selectOption('select[name=layout]', 'badge');
    url = new URL(await page.inputValue('#configurator-link'));
    assert.equal(url.searchParams.get('pages'), 'alpha');
    assert.equal(url.searchParams.get('layout'), 'badge');
    assert.equal(url.searchParams.get('source'), '/test/campaign.json');
    assert.equal(url.searchParams.get('accent'), '#112233');
    await page.waitForFunction(previewShows, null, { timeout: 30000 });
    lines = await page.evaluate(previewShows);
    assert.ok(lines.some((l) => l.startsWith('Alpha: 1,111 likes lost')), JSON.stringify(lines));
    assert.ok(!lines.some((l) => l.startsWith('Beta')), JSON.stringify(lines));
    // Nothing of the title was read as markup.
    assert.equal(await page.locator('#embed b, #embed script, #embed our').count(), 0);
    await context.close();
  });

  test("the configurator says so when it cannot read the page's feed, and keeps that feed in the snippet", async () => {
    const { context, page } = await openPage(browser, site.origin + '/?source=/test/missing.json&theme=dark');
    const note = page.locator('#configurator-note');
    await note.waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await note.textContent(), /could not be read .*HTTP 404.*bundled 2016 campaign/);
    await page.waitForFunction(() => document.querySelectorAll('#configurator-pages input').length === 3);
    const url = new URL(await page.inputValue('#configurator-link'));
    assert.equal(url.searchParams.get('source'), '/test/missing.json');
    assert.equal(url.searchParams.get('theme'), 'dark');
    assert.equal(await page.inputValue('select[name=theme]'), 'dark');
    assert.match(await page.inputValue('#configurator-snippet'), />Facebook likes lost: a live counter<\/a>/);
    await context.close();
    // A feed on a host the site does not allow is not even asked for: the widget would refuse it.
    const elsewhere = site.origin.replace('127.0.0.1', 'localhost') + '/test/campaign.json';
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const asked = [];
    otherPage.on('request', (r) => { if (r.url().startsWith(elsewhere)) asked.push(r.url()); });
    await otherPage.goto(site.origin + '/?source=' + encodeURIComponent(elsewhere));
    await otherPage.locator('#configurator-note').waitFor({ state: 'visible', timeout: 10000 });
    assert.match(await otherPage.locator('#configurator-note').textContent(), /host is not one this site allows/);
    await otherPage.waitForFunction(() => document.querySelectorAll('#configurator-pages input').length === 3);
    assert.equal(new URL(await otherPage.inputValue('#configurator-link')).searchParams.get('source'), elsewhere);
    assert.deepEqual(asked, []);
    await other.close();
  });
});
