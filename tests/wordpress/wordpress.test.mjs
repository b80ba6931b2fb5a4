// The snippet on a real WordPress (Debian's 6.1 with its default block theme, Twenty Twenty-Three),
// posted through the REST API by an administrator and by an author, and the published posts seen
// in Chromium at desktop and phone widths. The widget is served from its own origin, as a blog
// embeds it from the campaign's host. Screenshots of the posts go to tests/browser/out/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { countColor, decodePng, ensureOutDir, launchBrowser, openPage, repo, served, site as builtSite, startSite } from '../browser/harness.mjs';
import { SIZE } from '../../tools/oembed.mjs';
import { startWordPress } from './wordpress.mjs';

const ACCENT = [0xe4, 0x00, 0x2b];
const DEFAULT_ACCENT = [0xc8, 0x1e, 0x33];
const NAVY = [0, 0, 0x80];  // a page's dot in the compact layout
const WIDTHS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

let site, wordpress, browser;
before(async () => {
  // The widget's site as built with its address (LIKELOSS_SITE_URL), which is known only now: its
  // page with the oEmbed discovery link and the answer beside it, by the build's own steps
  // (tools/oembed.mjs, then tools/minify.mjs) from the page it wrote before them, naming the files
  // it loads as tools/fingerprint.mjs does.
  const files = {};
  site = await startSite(files);
  const out = mkdtempSync(join(tmpdir(), 'likeloss-oembed-'));
  try {
    execFileSync(process.execPath, [join(repo, 'tools/oembed.mjs'), `--site-url=${site.origin}/`,
      join(builtSite, '../gen/widget.html'), join(out, 'widget.html'), join(out, 'oembed.json')]);
    execFileSync(process.execPath, [join(repo, 'tools/minify.mjs'), join(out, 'widget.html'), join(out, 'page.html')]);
    let page = readFileSync(join(out, 'page.html'), 'utf8');
    for (const [attribute, name] of [['href', 'widget.css'], ['src', 'widget-boot.js'], ['src', 'likeloss.js']]) {
      assert.ok(page.includes(`${attribute}="${name}"`), `widget.html does not load ${name}`);
      page = page.replace(`${attribute}="${name}"`, `${attribute}="${served(name)}"`);
    }
    files['/widget.html'] = page;
    files['/oembed.json'] = readFileSync(join(out, 'oembed.json'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  assert.match(files['/widget.html'], /<link rel="alternate" type="application\/json\+oembed" href="http:\/\/127\.0\.0\.1:\d+\/oembed\.json"/);
  wordpress = await startWordPress();
  console.log(wordpress.version);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await wordpress?.stop();
  site?.server.close();
});

// A post as the block editor saves it: paragraphs around a Custom HTML block holding `html`.
const blocks = (html) => '<!-- wp:paragraph --><p>Three operators blocked calls over the internet; readers answered by unliking their pages.</p><!-- /wp:paragraph -->\n' +
  `<!-- wp:html -->\n${html}\n<!-- /wp:html -->\n` +
  '<!-- wp:paragraph --><p>The counter above is live: it counts on as the pages lose likes.</p><!-- /wp:paragraph -->';
const snippet = (query, attributes = '') =>
  `<a class="likeloss-embed" href="${site.origin}/widget.html?${query}"${attributes}>#BringBackOurVoip: the likes the operators lost</a>`;
const loader = () => `<script async src="${site.origin}/embed.js"></script>`;

// The published post at one width: the counter's iframe (once sized by its report) and the post's
// paragraphs, in CSS pixels, and a picture of the counter.
async function lookAt(link, size, name) {
  const { context, page, problems } = await openPage(browser, link, { viewport: size });
  try {
    await page.waitForSelector('iframe[src*="widget.html"]', { timeout: 30000 });
    const frame = page.locator('iframe[src*="widget.html"]');
    await frame.scrollIntoViewIfNeeded();
    // Sized by the widget's own report (320 px until then), and drawn.
    await page.waitForFunction(() => {
      const f = document.querySelector('iframe[src*="widget.html"]');
      return f && f.getBoundingClientRect().height !== 320 && f.getBoundingClientRect().height > 100;
    }, null, { timeout: 30000 });
    await page.waitForTimeout(1500);
    const layout = await page.evaluate(() => {
      const rect = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, width: r.width, height: r.height }; };
      return { frame: rect(document.querySelector('iframe[src*="widget.html"]')),
               paragraphs: [...document.querySelectorAll('.wp-block-post-content > p')].map(rect),
               src: document.querySelector('iframe[src*="widget.html"]').src };
    });
    const png = decodePng(await frame.screenshot());
    const shot = await page.screenshot({ path: join(ensureOutDir(), `wordpress-${name}.png`), fullPage: false });
    return { layout, png, shot, problems };
  } finally {
    await context.close();
  }
}

// The widget's own frame in a post, whatever its origin (Playwright reaches into any frame).
const widgetFrame = (page) => page.frames().find((f) => f.url().startsWith(`${site.origin}/widget.html`));

function inColumn({ frame, paragraphs }, what) {
  assert.equal(paragraphs.length, 2, what);
  for (const p of paragraphs) {
    assert.ok(Math.abs(frame.x - p.x) <= 1 && Math.abs(frame.width - p.width) <= 1,
      `${what}: the counter is ${frame.width} px wide at x = ${frame.x}, the column ${p.width} px at x = ${p.x}`);
  }
}

describe('on a real WordPress', () => {
  let authorPost;

  test("an administrator's post: the counter sits in the theme's column at desktop and phone widths, in its colours", async () => {
    const post = await wordpress.publish('admin', 'Likes lost, by an administrator',
      blocks(snippet('layout=compact', ' data-accent="#e4002b" data-color.maroctelecom="navy"') + '\n' + loader()));
    assert.match(post.stored, /<script async src=/, 'an administrator may post a script');
    for (const [name, size] of Object.entries(WIDTHS)) {
      const { layout, png } = await lookAt(post.link, size, `admin-${name}`);
      inColumn(layout, name);
      assert.ok(layout.frame.width <= size.width, `${name}: wider than the screen`);
      assert.ok(countColor(png, ACCENT, 6) > 200, `${name}: the headline is not in the snippet's accent`);
      assert.ok(countColor(png, NAVY, 6) > 20, `${name}: Maroc Telecom is not in the snippet's navy`);
    }
  });

  test("an author's script is stripped without a word: the link stays a link to the counter", async () => {
    // The settings in the link's address, the colour also as a data attribute.
    authorPost = await wordpress.publish('author', 'Likes lost, by an author',
      blocks(snippet('layout=compact&amp;accent=%23e4002b&amp;color.maroctelecom=navy', ' data-color.inwi="gold"') + '\n' + loader()));
    assert.doesNotMatch(authorPost.stored, /<script/, 'WordPress kept an author\'s script');
    // WordPress keeps only data- names of letters, digits, - and _: data-color.<id> is gone, the
    // link's address is whole.
    assert.doesNotMatch(authorPost.stored, /data-color/);
    assert.match(authorPost.stored, /color\.maroctelecom=navy/);
    const { context, page } = await openPage(browser, authorPost.link, { viewport: WIDTHS.desktop });
    try {
      const link = page.locator('a.likeloss-embed');
      assert.equal(await link.isVisible(), true);
      assert.equal(await page.locator('iframe').count(), 0);
      await link.click();
      await page.waitForURL(/\/widget\.html\?/);
      await page.waitForFunction(() => window.likeloss?.frames > 0, null, { timeout: 30000 });
    } finally {
      await context.close();
    }
  });

  test("the plain iframe (display:block, a height): an administrator's shows the counter, an author's is removed", async () => {
    const iframe = `<iframe src="${site.origin}/widget.html?layout=compact" title="Likes lost: a live counter" loading="lazy" ` +
      'style="display:block;width:100%;height:300px;border:0"></iframe>';
    const mine = await wordpress.publish('admin', 'An iframe, by an administrator', blocks(iframe));
    const theirs = await wordpress.publish('author', 'An iframe, by an author', blocks(iframe));
    assert.match(mine.stored, /<iframe/);
    assert.doesNotMatch(theirs.stored, /<iframe/, "WordPress kept an author's iframe");
    const { context, page } = await openPage(browser, mine.link, { viewport: WIDTHS.phone });
    try {
      const frame = page.locator('iframe[src*="widget.html"]');
      await frame.scrollIntoViewIfNeeded();
      await page.waitForFunction((origin) => {
        const f = [...document.querySelectorAll('iframe')].find((el) => el.src.startsWith(origin));
        return f && f.getBoundingClientRect().height === 300;
      }, site.origin);
      await widgetFrame(page).waitForFunction(() => window.likeloss?.frames > 0, null, { timeout: 30000 });
      await page.waitForTimeout(500);
      assert.ok(countColor(decodePng(await frame.screenshot()), DEFAULT_ACCENT, 6) > 200, 'the counter is not drawn');
    } finally {
      await context.close();
    }
  });

  test("an author pastes the widget's address in an Embed block: WordPress finds it by oEmbed and shows the counter, sized to it", async () => {
    const address = `${site.origin}/widget.html?layout=compact`;
    const post = await wordpress.publish('author', 'Likes lost, pasted by an author',
      `<!-- wp:embed {"url":"${address}","type":"rich","providerNameSlug":"likeloss"} -->\n` +
      `<figure class="wp-block-embed is-type-rich is-provider-likeloss wp-block-embed-likeloss"><div class="wp-block-embed__wrapper">\n${address}\n</div></figure>\n` +
      '<!-- /wp:embed -->');
    for (const [name, size] of Object.entries(WIDTHS)) {
      const { context, page } = await openPage(browser, post.link, { viewport: size });
      try {
        const iframe = page.locator('iframe.wp-embedded-content');
        const quote = page.locator('blockquote.wp-embedded-content');
        await iframe.waitFor({ timeout: 30000 });
        // WordPress's own sandbox: no origin of its own, so the program comes by CORS.
        assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts');
        await iframe.scrollIntoViewIfNeeded();
        await widgetFrame(page).waitForFunction(() => window.likeloss && window.likeloss.frames > 0 && window.likeloss.lines.length > 0, null, { timeout: 30000 });
        assert.equal(await widgetFrame(page).evaluate(() => window.likeloss.error), '');
        // Sized by the widget's report through WordPress's own message, not the answer's first size.
        const inner = await widgetFrame(page).evaluate(() => Math.ceil(document.getElementById('likeloss').getBoundingClientRect().height));
        await page.waitForFunction((h) => Number(document.querySelector('iframe.wp-embedded-content').height) === h,
          Math.min(1000, Math.max(200, inner)), { timeout: 10000 });
        assert.notEqual(inner, SIZE.height);
        // The link WordPress showed in its place until then is gone, and the counter sits in the column.
        assert.equal(await quote.isHidden(), true);
        const [frameBox, column] = await page.evaluate(() => [document.querySelector('iframe.wp-embedded-content'),
          document.querySelector('.wp-block-post-content')].map((el) => { const r = el.getBoundingClientRect(); return [r.x, r.width]; }));
        assert.ok(frameBox[0] >= column[0] - 1 && frameBox[0] + frameBox[1] <= column[0] + column[1] + 1, `${name}: ${frameBox} outside ${column}`);
        await page.waitForTimeout(500);
        const png = decodePng(await iframe.screenshot());
        assert.ok(countColor(png, DEFAULT_ACCENT, 6) > 200, `${name}: the counter is not drawn`);
        await page.screenshot({ path: join(ensureOutDir(), `wordpress-oembed-${name}.png`) });
      } finally {
        await context.close();
      }
    }
  });

  test("with the loader in the site's footer (an administrator's Custom HTML block), an author's link becomes the counter, with the settings in its address", async () => {
    const footer = await wordpress.rest('admin', '/wp/v2/template-parts/twentytwentythree//footer&context=edit');
    await wordpress.rest('admin', '/wp/v2/template-parts/twentytwentythree//footer', {
      method: 'POST', body: { content: `${footer.content.raw}\n<!-- wp:html -->\n${loader()}\n<!-- /wp:html -->` },
    });
    for (const [name, size] of Object.entries(WIDTHS)) {
      const { layout, png } = await lookAt(authorPost.link, size, `author-${name}`);
      inColumn(layout, name);
      assert.match(decodeURIComponent(layout.src), /color\.maroctelecom=navy/);
      assert.ok(countColor(png, ACCENT, 6) > 200, `${name}: the headline is not in the link's accent`);
      assert.ok(countColor(png, NAVY, 6) > 20, `${name}: Maroc Telecom is not in the link's navy`);
    }
  });
});
