// The whole chain in a real browser: likeloss-collect asks a Graph-API-like server on 127.0.0.1,
// publishes its feed to a folder that a static server on 127.0.0.1 serves, and the widget, pointed
// at that feed, shows the collector's figures, then the next run's without a reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPage, repo, startSite } from './harness.mjs';
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
  feeds.script((req, res, url) => url.pathname === '/feed.json'
    ? send(res, 200, readFileSync(join(dir, 'public/feed.json')), { req, etag: true })
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

function collect() {
  const bin = join(repo, 'build/native/likeloss-collect');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run tools/test.sh, which builds it first`);
  const child = spawn(bin, [join(dir, 'collect.json')]);
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
