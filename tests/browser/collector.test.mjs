// The whole chain in a real browser: likeloss-collect asks a Graph-API-like server on 127.0.0.1,
// publishes its feed to a folder that a static server on 127.0.0.1 serves, and the widget, pointed
// at that feed, shows the collector's figures, then the next run's without a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng, launchBrowser, openPage, repo, startSite } from './harness.mjs';
import { send, startScripted } from './scripted-server.mjs';
import { startGraph, VERSION } from '../collector/graph-server.mjs';

const TOKEN = 'EAAGbrowserchaintoken987654321';
let graph, feeds, site, browser, dir;

before(async () => {
  graph = await startGraph(TOKEN);
  graph.pages = {
    maroctelecom: { fan_count: 2000000, followers_count: 2100000, name: 'Maroc Telecom' },
    'inwi.ma': { fan_count: 0, followers_count: 1600000, name: 'inwi' },
  };
  dir = mkdtempSync(join(tmpdir(), 'likeloss-chain-'));
  mkdirSync(join(dir, 'public'));
  writeFileSync(join(dir, 'token'), TOKEN, { mode: 0o600 });
  writeFileSync(join(dir, 'collect.json'), JSON.stringify({
    output: 'public/feed.json', token_file: 'token', update_interval_s: 60,
    graph: { base: graph.origin, version: VERSION },
    campaign: { title: 'Unlike test', since: '2026-11-01T00:00:00Z' },
    money: { currency: 'MAD', per_unit: { value: 3, status: 'assumption', note: 'test value' } },
    pages: [
      { id: 'maroctelecom', name: 'Maroc Telecom', color: '#0a6ebd',
        baseline: { at: '2026-11-01T00:00:00Z', count: 2010000, status: 'reported', source: 'a test report' } },
      { id: 'inwi.ma', name: 'Inwi', color: '#a3177e' },
    ],
  }), { mode: 0o600 });
  // The static host: the collector's folder, as it is on disk at each request.
  feeds = await startScripted();
  feeds.script((req, res, url) => ['/feed.json', '/by-hand.json'].includes(url.pathname)
    ? send(res, 200, readFileSync(join(dir, 'public', url.pathname)), { req, etag: true })
    : send(res, 404, 'nothing here'));
  site = await startSite({
    '/likeloss-config.json': JSON.stringify({ feed_origins: [feeds.origin], min_refresh_s: 1, timeout_s: 5 }),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.server.close();
  await feeds?.stop();
  await graph?.server.stop();
});

function collect(args = [join(dir, 'collect.json')]) {
  const bin = join(repo, 'build/native/likeloss-collect');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run tools/test.sh, which builds it first`);
  const child = spawn(bin, args);
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((ok) => child.on('close', (code) => ok({ code, stderr })));
}

// The number in the first text-mirror line that starts with `prefix`.
async function figure(page, prefix, atLeast) {
  await page.waitForFunction(([p, min]) => (window.likeloss?.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')) || []).some((l) => {
    const m = l.startsWith(p) && l.slice(p.length).match(/^([\d,]+)/);
    return m && Number(m[1].replaceAll(',', '')) >= min;
  }), [prefix, atLeast], { timeout: 20000, polling: 100 }).catch(async () => {
    throw new Error(`no "${prefix}" of at least ${atLeast}: ${JSON.stringify(await page.evaluate(() => window.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, ''))))}`);
  });
  return page.evaluate((p) => window.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')).find((l) => l.startsWith(p)), prefix);
}

test("the widget shows the collector's feed, and the next run's figures without a reload", async () => {
  let run = await collect();
  assert.equal(run.code, 0, run.stderr);
  const { context, page, problems } = await openPage(browser,
    `${site.origin}/?source=${encodeURIComponent(feeds.origin + '/feed.json')}&refresh=1`);
  assert.match(await figure(page, 'Maroc Telecom: ', 10000), /^Maroc Telecom: 10,0\d\d likes lost \(0\.50% of 2,010,000\)/);
  assert.match(await figure(page, 'Inwi: ', 0), /^Inwi: 0 followers lost/);  // a New Pages page: its followers
  const lines = await page.evaluate(() => window.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')));
  assert.ok(lines.includes(`Data: the feed at ${feeds.host}.`), JSON.stringify(lines));

  graph.pages.maroctelecom.fan_count = 1995000;
  graph.pages['inwi.ma'].followers_count = 1590000;
  await new Promise((ok) => setTimeout(ok, 1100));
  run = await collect();
  assert.equal(run.code, 0, run.stderr);
  // The measured figures, or an estimate counted on from them: never the old ones.
  await figure(page, 'Maroc Telecom: ', 15000);
  await figure(page, 'Inwi: ', 10000);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a campaign recorded by hand: each measurement of the chart says its own source', async () => {
  const ago = (hours) => new Date(Date.now() - hours * 3600e3).toISOString().replace(/\.\d+Z$/, 'Z');
  writeFileSync(join(dir, 'by-hand.json'), JSON.stringify({
    output: 'public/by-hand.json', update_interval_s: 86400,
    campaign: { title: 'Counted by hand', since: ago(72) },
    money: { currency: 'MAD', per_unit: { value: 3, status: 'assumption', note: 'test value' } },
    pages: [{ id: 'maroctelecom', name: 'Maroc Telecom', by_hand: true }, { id: 'inwi.ma', name: 'Inwi', by_hand: true }],
  }), { mode: 0o600 });
  const config = join(dir, 'by-hand.json');
  const asked = graph.requests().length;
  const readings = [  // hours ago, Maroc Telecom, Inwi, where the counts were read
    [72, '2 447 581', '2,040,794', ['--source', 'https://web.archive.org/web/20261101000000/https://www.facebook.com/maroctelecom']],
    [48, '2.430.000', '2.031.000', ['--source', 'https://www.facebook.com/maroctelecom', '--note', 'read at noon']],
    [24, '2401250', '2020400', ['--source', 'Le Desk, the day after, quoting both pages']],
    [2, '2380100', '2001000', ['--note', 'counted from a screenshot sent by a reader']],
  ];
  for (const [hours, telecom, inwi, source] of readings) {
    const run = await collect(['record', '--quiet', config, `maroctelecom=${telecom}`, `inwi.ma=${inwi}`, '--at', ago(hours), ...source]);
    assert.equal(run.code, 0, run.stderr);
  }
  assert.equal(graph.requests().length, asked, 'Facebook was asked');

  const { context, page, problems } = await openPage(browser,
    `${site.origin}/?source=${encodeURIComponent(feeds.origin + '/by-hand.json')}`);
  assert.match(await figure(page, 'Maroc Telecom: ', 60000), /^Maroc Telecom: 6\d,\d\d\d likes lost \(2\.\d\d% of 2,447,581\)/);
  const box = await page.locator('#likeloss-canvas').boundingBox();
  const said = (lines) => lines.map((l) => l.replace(/[\u2066-\u2069]/g, ''));
  async function hover(x, y) {
    const drawn = await page.evaluate(() => window.likeloss.frames);
    await page.mouse.move(box.x + x, box.y + y);
    await page.waitForFunction((n) => window.likeloss.frames >= n + 2, drawn, { timeout: 5000, polling: 20 });
    return said(await page.evaluate(() => window.likeloss.tooltip));
  }
  // The chart is wherever a tooltip says "lost in total": down the middle, then along it.
  let row = -1;
  for (let y = 10; y < box.height && row < 0; y += 6)
    if ((await hover(box.width / 2, y))[0]?.endsWith('lost in total')) row = y;
  assert.ok(row > 0, 'no tooltip of the chart was found');
  const instants = new Map();
  let last = 0;
  for (let x = 2; x < box.width; x += 3) {
    const tip = await hover(x, row);
    if (tip[0]?.endsWith('lost in total')) instants.set(tip[0], tip), last = x;
  }
  assert.equal(instants.size, readings.length, JSON.stringify([...instants.keys()]));
  const tips = [...instants.values()];
  for (const [i, [, telecom, inwi, source]] of readings.entries()) {
    const tip = tips[i], count = (s) => Number(s.replace(/\D/g, '')).toLocaleString('en');
    assert.ok(tip.includes(`Maroc Telecom, ${count(telecom)} likes`) && tip.includes(`Inwi, ${count(inwi)} likes`), JSON.stringify(tip));
    // Both pages were read together: their source is said once, under them.
    const [flag, text] = source, rest = source.slice(2);
    const expected = flag === '--source'
      ? ['Status: reported', `Source: ${text}`, ...(rest.length ? [rest[1]] : [])]
      : ['Status: assumption', text];
    assert.deepEqual(tip.slice(3), expected, JSON.stringify(tip));
  }
  // What the tooltip says is drawn: the canvas changes under it, and is whole again once it closes.
  assert.deepEqual(await hover(last, row), tips.at(-1));
  const open = decodePng(await page.locator('#likeloss-canvas').screenshot());
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
  await page.waitForFunction(() => window.likeloss.tooltip.length === 0, null, { timeout: 5000 });
  await page.waitForTimeout(200);
  const closed = decodePng(await page.locator('#likeloss-canvas').screenshot());
  let changed = 0;
  for (let i = 0; i < open.data.length; i += 4) if (open.data[i] !== closed.data[i]) changed++;
  assert.ok(changed > 2000, `the open tooltip changed only ${changed} pixels`);
  assert.deepEqual(problems, []);
  await context.close();
});
