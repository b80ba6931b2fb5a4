// One drawing, not two: the widget's canvas in headless Chromium (WebGL 2 on SwiftShader) and
// likeloss-render (the same C++ on EGL and Mesa's llvmpipe) draw the same feed, parameters and
// instant, and their pixels must agree but for the rasterisers' own anti-aliasing: fewer than
// 0.75% may differ by more than 24 levels (measured 0.00% to 0.36%; a headline drawn black instead
// of the accent changes 1.3% to 1.8%).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng, ensureOutDir, launchBrowser, openPage, repo, startSite, waitForCounter } from './harness.mjs';

const RENDER = join(repo, 'build/native/likeloss-render');
const AT = '2026-12-01T09:00:00Z';  // after the bundled feed was written, so the page accepts it

let site, browser;
before(async () => {
  site = await startSite();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.server.close();
});

// Pixels that differ by more than `levels` on some channel, as a share of the image.
function differing(a, b, levels = 24) {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]),
      Math.abs(a.data[i + 2] - b.data[i + 2]));
    if (d > levels) n++;
  }
  return n / (a.width * a.height);
}

async function webCanvas(query, width, scale) {
  const { context, page, problems } = await openPage(browser, 'about:blank', { viewport: { width, height: 1200 }, deviceScaleFactor: scale });
  await page.clock.setFixedTime(new Date(AT));
  await page.goto(`${site.origin}/widget.html?${query}`);
  await waitForCounter(page);
  assert.deepEqual(problems, []);
  const canvas = page.locator('#likeloss-canvas');
  const bytes = await canvas.screenshot({ scale: 'device' });
  const css = await canvas.evaluate((c) => c.getBoundingClientRect().width);
  await context.close();
  return { png: decodePng(bytes), bytes, css };
}

function nativeImage(query, width, scale) {
  const dir = mkdtempSync(join(tmpdir(), 'likeloss-render-'));
  const out = join(dir, 'card.png');
  execFileSync(RENDER, ['--at', AT, '--params', query, '--width', String(width), '--scale', String(scale), '--out', out]);
  const bytes = readFileSync(out);
  return { png: decodePng(bytes), bytes };
}

describe('the canvas and the native renderer', () => {
  for (const [name, query, scale] of [
    ['full, light', 'layout=full', 1],
    ['compact, dark, 2x', 'layout=compact&theme=dark', 2],
    ['badge in Arabic', 'layout=badge&lang=ar', 1],
    ['full in French, own colours', 'lang=fr&bg=%23fff8e7&accent=%23c0392b', 1],
  ]) {
    test(`draw the same ${name}`, async () => {
      const web = await webCanvas(query, 360, scale);
      const native = nativeImage(query, web.css, scale);
      const slug = name.replace(/[^a-z0-9]+/gi, '-');
      writeFileSync(join(ensureOutDir(), `render-${slug}-web.png`), web.bytes);
      writeFileSync(join(ensureOutDir(), `render-${slug}-native.png`), native.bytes);
      assert.equal(native.png.width, web.png.width, 'widths differ');
      // The full card's last line asks the visitor to hover a figure; a picture has nothing to hover
      // and leaves it out. Otherwise they are the same height.
      const hint = query.includes('layout=full') || !query.includes('layout=') ? 15 * scale : 0;
      const taller = web.png.height - native.png.height;
      assert.ok(taller >= hint - scale && taller <= hint + scale,
        `heights differ: native ${native.png.height}, web ${web.png.height}`);
      const h = Math.min(native.png.height, web.png.height);
      const crop = (p) => ({ width: p.width, height: h, data: p.data.subarray(0, p.width * h * 4) });
      const share = differing(crop(web.png), crop(native.png));
      console.log(`${name}: ${(share * 100).toFixed(2)}% of the pixels differ`);
      assert.ok(share < 0.0075, `${(share * 100).toFixed(2)}% of the pixels differ (see tests/browser/out/render-${slug}-*.png)`);
      // The measure sees a change a reader would: the headline in another colour is far past it.
      const other = nativeImage(`${query}&accent=%23000000`, web.css, scale);
      const changed = differing(crop(web.png), crop(other.png));
      assert.ok(changed > 0.01, `a black headline changed only ${(changed * 100).toFixed(2)}% of the pixels`);
    });
  }
});
