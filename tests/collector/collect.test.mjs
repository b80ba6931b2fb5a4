// likeloss-collect, the real command, against a Graph-API-like server on 127.0.0.1: what it
// publishes, what it says, its exit codes, and that the published feed survives every failure,
// two runs at once and a crash in the middle of a write. Every published feed is checked with the
// widget's own parser (likeloss-figures --feed).
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGraph, VERSION } from './graph-server.mjs';
import { send } from '../browser/scripted-server.mjs';
import { PNG } from 'pngjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => {
  const path = join(repo, 'build/native', name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run tools/test.sh, which builds it first`);
  return path;
};
// Shaped like an app token (APP_ID|APP_SECRET), with characters a URL must escape.
const TOKEN = '1234567890|collector/test+token=0123456789';

let graph, dir;
const outputs = [];  // everything the command printed, checked for the token at the end

before(async () => { graph = await startGraph(TOKEN); });
after(async () => {
  await graph.server.stop();
  for (const text of outputs)
    for (const form of [TOKEN, encodeURIComponent(TOKEN), TOKEN.split('|')[1]])
      assert.ok(!text.includes(form), `the token was printed: ${text}`);
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'likeloss-collect-'));
  mkdirSync(join(dir, 'public'));
  graph.pages = {
    maroctelecom: { fan_count: 2000000, followers_count: 2100000, name: 'Maroc Telecom' },
    'inwi.ma': { fan_count: 1500000, followers_count: 1600000, name: 'inwi' },
    meditel: { fan_count: 0, followers_count: 1800000, name: 'Orange Maroc' },  // New Pages Experience
  };
  graph.headers = {};
  graph.override = null;
  graph.token = TOKEN;
  graph.server.log.length = 0;
});

function writeConfig(extra = {}, { mode = 0o600, pages } = {}) {
  const config = {
    output: 'public/feed.json',
    token_file: 'token',
    update_interval_s: 300,
    timeout_s: 2,
    tries: 2,
    graph: { base: graph.origin, version: VERSION },
    campaign: { title: '#BringBackOurVoip', since: '2026-11-01T00:00:00Z' },
    money: { currency: 'MAD', per_unit: { value: 3, status: 'assumption', note: 'what a like costs' } },
    pages: pages || [
      { id: 'maroctelecom', name: 'Maroc Telecom', color: '#0a6ebd',
        baseline: { at: '2026-11-01T00:00:00Z', count: 2010000, status: 'reported', source: 'https://example.org/report' } },
      { id: 'inwi.ma', name: 'Inwi' },
      { id: 'meditel', name: 'Meditel' },
    ],
    ...extra,
  };
  writeFileSync(join(dir, 'collect.json'), JSON.stringify(config, null, 2));
  chmodSync(join(dir, 'collect.json'), mode);
  if (!existsSync(join(dir, 'token'))) writeFileSync(join(dir, 'token'), TOKEN + '\n', { mode: 0o600 });
}

// Runs the command; `shell` wraps it (e.g. a file-size limit), `prefix` runs it through another
// command (e.g. unshare). Resolves with what it did.
function collect(args = [], { env = {}, shell, prefix = [], onSpawn, argv: given } = {}) {
  const argv = given || [...args, join(dir, 'collect.json')];
  const child = shell
    ? spawn('bash', ['-c', `${shell}; exec "$0" "$@"`, bin('likeloss-collect'), ...argv], { env: { ...process.env, ...env } })
    : prefix.length
      ? spawn(prefix[0], [...prefix.slice(1), bin('likeloss-collect'), ...argv], { env: { ...process.env, ...env } })
      : spawn(bin('likeloss-collect'), argv, { env: { ...process.env, ...env } });
  let stdout = '', stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  child.on('error', (e) => { stderr += e.message; });  // no such command: said, not thrown
  onSpawn?.(child);
  return new Promise((ok) => child.on('close', (code, signal) => {
    outputs.push(stdout, stderr);
    ok({ code, signal, stdout, stderr });
  }));
}

// likeloss-collect record CONFIG ...: the configuration comes first.
const record = (args, options = {}) => collect([], { ...options, argv: ['record', join(dir, 'collect.json'), ...args] });

const feedPath = () => join(dir, 'public/feed.json');
const feedText = () => readFileSync(feedPath(), 'utf8');
const feed = () => JSON.parse(feedText());
const page = (f, id) => f.pages.find((p) => p.id === id);

// The widget's own parser, natively: the feed is valid, and these are the sentences it shows.
async function checkedByTheWidgetsParser(text = feedText()) {
  const file = join(dir, 'check.json');
  writeFileSync(file, text);
  // At the feed's own instant: the measured figures, not an estimate counted on from them.
  const child = spawn(bin('likeloss-figures'), ['--feed', file, '--at', JSON.parse(text).generated_at]);
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  const code = await new Promise((ok) => child.on('close', ok));
  assert.equal(code, 0, `the widget's parser refused the feed: ${out}`);
  return out.replace(/[\u2066-\u2069]/g, '');  // names are isolated bidi runs: read without the marks
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

describe('a normal run', () => {
  test('publishes one sample a page from one batched request, then appends and recomputes the rates', async () => {
    writeConfig();
    let r = await collect();
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^likeloss-collect: published .*public\/feed\.json: 3 of 3 pages measured, maroctelecom 2,000,000/);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one log line');
    const asked = graph.requests();
    assert.equal(asked.length, 1);
    assert.equal(asked[0].query.get('ids'), 'maroctelecom,inwi.ma,meditel');
    assert.equal(asked[0].query.get('suppress_http_code'), '1');
    let f = feed();
    assert.equal(f.update_interval_s, 300);
    assert.equal(page(f, 'maroctelecom').baseline.count, 2010000);
    assert.equal(page(f, 'maroctelecom').samples.length, 1);
    assert.equal(page(f, 'maroctelecom').samples[0].count, 2000000);
    assert.equal(page(f, 'inwi.ma').baseline.count, 1500000);  // measured: the first run's count
    assert.equal(page(f, 'meditel').unit, 'followers');
    assert.equal(page(f, 'meditel').baseline.count, 1800000);
    assert.ok(!feedText().includes(TOKEN));
    let figures = await checkedByTheWidgetsParser();
    assert.match(figures, /Maroc Telecom: 10,000 likes lost/);

    await sleep(1100);
    graph.pages.maroctelecom.fan_count = 1999000;
    graph.pages['inwi.ma'].fan_count = 1499500;
    graph.pages.meditel.followers_count = 1799000;
    r = await collect();
    assert.equal(r.code, 0, r.stderr);
    f = feed();
    assert.equal(page(f, 'maroctelecom').samples.length, 2);
    assert.ok(page(f, 'maroctelecom').rate_per_s < 0);
    assert.equal(page(f, 'inwi.ma').samples[0].count, 1499500);
    assert.equal(page(f, 'inwi.ma').baseline.count, 1500000);
    figures = await checkedByTheWidgetsParser();
    assert.match(figures, /Inwi: 500 likes lost/);
    assert.match(figures, /Meditel: 1,000 followers lost/);
  });

  test('--quiet prints nothing on success; --dry-run prints the feed and writes nothing', async () => {
    writeConfig();
    let r = await collect(['--dry-run']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /dry run, nothing written/);
    await checkedByTheWidgetsParser(r.stdout);
    assert.deepEqual(readdirSync(join(dir, 'public')), []);
    r = await collect(['--quiet']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr + r.stdout, '');
    assert.ok(existsSync(feedPath()));
  });

  test('the token may come from the environment instead of a file', async () => {
    writeConfig({ token_file: undefined });
    rmSync(join(dir, 'token'));
    let r = await collect();
    assert.equal(r.code, 3);
    assert.match(r.stderr, /no Graph API token: set LIKELOSS_GRAPH_TOKEN/);
    r = await collect([], { env: { LIKELOSS_GRAPH_TOKEN: TOKEN } });
    assert.equal(r.code, 0, r.stderr);
  });
  test('the README\'s example configuration is valid', async () => {
    const example = JSON.parse(readFileSync(join(repo, 'examples/collect.json'), 'utf8'));
    // Its counting starts on a set date: here, a day ago.
    const yesterday = new Date(Date.now() - 86400e3).toISOString().replace(/\.\d+Z$/, 'Z');
    for (const p of example.pages) p.baseline.at = yesterday;
    example.campaign.since = yesterday;
    writeConfig({ ...example, graph: { base: graph.origin, version: VERSION }, token_file: 'token' }, { pages: example.pages });
    graph.pages.orangemaroc = { fan_count: 2100000, followers_count: 2200000, name: 'Orange Maroc' };
    const r = await collect(['--dry-run']);
    assert.equal(r.code, 0, r.stderr);
    const figures = await checkedByTheWidgetsParser(r.stdout);
    assert.match(figures, /Orange Maroc: 98,738 likes lost \(4\.49% of 2,198,738\)/);  // the baseline given in it
    assert.match(figures, /Inwi: 0 likes lost/);
  });
});

describe('pictures of the counter beside the feed', () => {
  const IMAGES = [
    { file: 'campaign-card.png', params: 'layout=full', width: 600, height: 315, scale: 2 },
    { file: 'badge.png', params: 'layout=badge&theme=dark&lang=fr', width: 180 },
  ];
  const picture = (name) => PNG.sync.read(readFileSync(join(dir, 'public', name)));

  test('each run that publishes draws them from the feed it published, with their alt text', async () => {
    writeConfig({ images: IMAGES, public_url: 'https://example.org/voip/feed.json' });
    let r = await collect(['--quiet']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'a run whose pictures were drawn stays quiet');
    const card = picture('campaign-card.png');
    assert.equal(card.width, 1200);
    assert.equal(card.height, 630);  // the size link previews ask for
    const badge = picture('badge.png');
    assert.equal(badge.width, 180);
    assert.ok(badge.height > 100 && badge.height < 400, `a badge ${badge.height} px tall`);
    // The dark theme's background, so the parameters reached the renderer.
    assert.deepEqual([...badge.data.subarray(0, 3)], [0x16, 0x1a, 0x1f]);
    // The alt text is the screen reader's copy of the feed just published, in the picture's language.
    assert.match(readFileSync(join(dir, 'public/campaign-card.txt'), 'utf8'), /10,000 likes lost.*Data: .*example\.org\/voip\/feed\.json/s);
    assert.match(readFileSync(join(dir, 'public/badge.txt'), 'utf8'), /10\u202f000 j’aime perdus/);
    const before = readFileSync(join(dir, 'public/campaign-card.png'));

    await sleep(1100);
    graph.pages.maroctelecom.fan_count = 1990000;
    r = await collect();
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /published .*; pictures campaign-card\.png, badge\.png/);
    assert.match(readFileSync(join(dir, 'public/campaign-card.txt'), 'utf8'), /20,000 likes lost/);
    assert.ok(!before.equals(readFileSync(join(dir, 'public/campaign-card.png'))), 'the card was not drawn again');
    // Nothing half-written left behind (the lock is the runs' own).
    assert.deepEqual(readdirSync(join(dir, 'public')).filter((f) => !f.endsWith('.lock')).sort(), ['badge.png', 'badge.txt', 'campaign-card.png', 'campaign-card.txt', 'feed.json']);
  });

  test('a renderer that fails or crashes never stops the feed: it is published, the old picture stays, and the line says why', async () => {
    writeConfig({ images: IMAGES });
    let r = await collect();
    assert.equal(r.code, 0, r.stderr);
    const card = readFileSync(join(dir, 'public/campaign-card.png'));
    // The real renderer on a machine without EGL (no vendor library found: no display at all).
    await sleep(1100);
    graph.pages.maroctelecom.fan_count -= 1000;
    let published = feedText();
    r = await collect(['--quiet'], { env: { __EGL_VENDOR_LIBRARY_FILENAMES: join(dir, 'no-such-vendor.json') } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /campaign-card\.png not published \(likeloss-render: nothing can be drawn here: no EGL display .*\); the one before stays/);
    assert.notEqual(feedText(), published, 'the feed was not published');
    assert.ok(card.equals(readFileSync(join(dir, 'public/campaign-card.png'))), 'the picture before was touched');
    for (const [script, why] of [
      ['echo "likeloss-render: nothing can be drawn here: no EGL display" >&2; exit 2', /campaign-card\.png not published \(likeloss-render: nothing can be drawn here: no EGL display\); the one before stays/],
      ['kill -SEGV $$', /campaign-card\.png not published \(likeloss-render: it crashed \(Segmentation fault\)\)/],
    ]) {
      writeFileSync(join(dir, 'broken-render'), `#!/bin/sh\n${script}\n`, { mode: 0o755 });
      writeConfig({ images: IMAGES, renderer: 'broken-render' });
      await sleep(1100);
      graph.pages.maroctelecom.fan_count -= 1000;
      published = feedText();
      r = await collect(['--quiet']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, why);
      assert.notEqual(feedText(), published, 'the feed was not published');
      await checkedByTheWidgetsParser();
      assert.ok(card.equals(readFileSync(join(dir, 'public/campaign-card.png'))), 'the picture before was touched');
    }
    // The renderer never gets the token, even when the collector has it from its environment.
    writeFileSync(join(dir, 'env-render'), '#!/bin/sh\nenv > "$(dirname "$0")/renderer-env"\nexit 1\n', { mode: 0o755 });
    writeConfig({ images: IMAGES, renderer: 'env-render' });
    await sleep(1100);
    graph.pages.maroctelecom.fan_count -= 1000;
    r = await collect([], { env: { LIKELOSS_GRAPH_TOKEN: TOKEN } });
    assert.equal(r.code, 0, r.stderr);
    const seen = readFileSync(join(dir, 'renderer-env'), 'utf8');
    assert.match(seen, /^PATH=/m);
    assert.ok(!seen.includes('LIKELOSS_GRAPH_TOKEN') && !seen.includes(TOKEN.split('|')[1]), 'the renderer got the token');
    writeConfig({ images: IMAGES, renderer: 'no-such-renderer' });
    await sleep(1100);
    graph.pages.maroctelecom.fan_count -= 1000;
    r = await collect();
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /campaign-card\.png not published \(likeloss-render: .*no-such-renderer: No such file or directory\)/);
  });

  test('killed while writing a picture: the feed is published, the picture before stays whole, the next run cleans up', async () => {
    writeConfig({ images: IMAGES });
    assert.equal((await collect()).code, 0);
    const card = readFileSync(join(dir, 'public/campaign-card.png'));
    // The renderer may write whole pictures (a soft limit it lifts for itself); the collector, which
    // keeps the limit, is killed (SIGXFSZ) when it writes the first picture beside the feed.
    writeFileSync(join(dir, 'unlimited-render'), `#!/bin/sh\nulimit -S -f unlimited\nexec ${bin('likeloss-render')} "$@"\n`, { mode: 0o755 });
    writeConfig({ images: IMAGES, renderer: 'unlimited-render' });
    await sleep(1100);
    graph.pages.maroctelecom.fan_count -= 1000;
    const before = feedText();
    const r = await collect([], { shell: 'ulimit -S -f 8' });  // 8 KB: the feed fits, a 1200 x 630 picture does not
    assert.equal(r.signal, 'SIGXFSZ', `not killed: ${r.code} ${r.stderr}`);
    assert.notEqual(feedText(), before, 'the feed was not published first');
    await checkedByTheWidgetsParser();
    assert.ok(card.equals(readFileSync(join(dir, 'public/campaign-card.png'))), 'the published picture was touched');
    const left = readdirSync(join(dir, 'public')).filter((f) => f.includes('.tmp-'));
    assert.equal(left.length, 1, 'the half-written picture is there');
    assert.match(left[0], /^\.?campaign-card\.png\.tmp-/);

    await sleep(1100);
    graph.pages.maroctelecom.fan_count -= 1000;
    const next = await collect();
    assert.equal(next.code, 0, next.stderr);
    assert.deepEqual(readdirSync(join(dir, 'public')).filter((f) => f.includes('.tmp-')), []);
    assert.ok(!card.equals(readFileSync(join(dir, 'public/campaign-card.png'))), 'the picture was not drawn again');
    assert.equal(PNG.sync.read(readFileSync(join(dir, 'public/campaign-card.png'))).width, 1200);
  });

  test('a count recorded by hand redraws them too', async () => {
    writeConfig({ images: [IMAGES[1]] }, { pages: [
      { id: 'maroctelecom', name: 'Maroc Telecom', by_hand: true,
        baseline: { at: '2026-11-01T00:00:00Z', count: 2010000, status: 'reported', source: 'https://example.org/report' } }] });
    const r = await record(['maroctelecom=2000000', '--source', 'https://www.facebook.com/maroctelecom']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /pictures badge\.png/);
    assert.match(readFileSync(join(dir, 'public/badge.txt'), 'utf8'), /10\u202f000 j’aime perdus/);
  });
});

describe('Facebook says no', () => {
  test('an unknown page id is left out and named, and the other pages are published', async () => {
    writeConfig({}, { pages: [{ id: 'maroctelecom', name: 'MT' }, { id: 'no.such.page', name: 'Nobody' }] });
    let r = await collect();
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /published .* 1 of 2 pages measured.*no\.such\.page: Facebook does not know this page id/);
    assert.deepEqual(feed().pages.map((p) => p.id), ['maroctelecom']);
    await checkedByTheWidgetsParser();
    assert.equal(graph.requests().length, 2);  // the batch, then the known pages again

    // An error that names no page: the pages are asked one by one.
    graph.override = (req, res, url) => {
      const ids = url.searchParams.get('ids').split(',');
      if (ids.includes('no.such.page'))
        return graph.error(res, url, 400, { message: '(#100) Tried accessing nonexisting field', type: 'GraphMethodException', code: 100 });
      send(res, 200, JSON.stringify({ maroctelecom: { fan_count: 1999999, name: 'MT' } }), { cors: false });
    };
    await sleep(1100);
    graph.server.log.length = 0;
    r = await collect();
    assert.equal(r.code, 3, r.stderr);
    assert.deepEqual(graph.requests().map((e) => e.query.get('ids')), ['maroctelecom,no.such.page', 'maroctelecom', 'no.such.page']);
    assert.equal(page(feed(), 'maroctelecom').samples.at(-1).count, 1999999);
  });

  test('an expired token: exit 3, asked once, the feed untouched', async () => {
    writeConfig();
    assert.equal((await collect()).code, 0);
    const before = feedText();
    graph.token = 'another';
    graph.server.log.length = 0;
    const r = await collect();
    assert.equal(r.code, 3);
    assert.match(r.stderr, /The Graph API token has expired or is not valid \(Graph API error 190\): renew the token; .*feed\.json is unchanged/);
    assert.equal(graph.requests().length, 1);
    assert.equal(feedText(), before);
  });

  test('usage near the limit: this run publishes, the next runs are skipped without asking', async () => {
    writeConfig();
    graph.headers = { 'x-app-usage': JSON.stringify({ call_count: 85, total_time: 12, total_cputime: 10 }) };
    let r = await collect();
    assert.equal(r.code, 0, r.stderr);
    const state = JSON.parse(readFileSync(join(dir, 'collect.json.state'), 'utf8'));
    const wait = Date.parse(state.not_before) - Date.now();
    assert.ok(wait > 14 * 60e3 && wait <= 15 * 60e3, `paused for ${wait} ms`);
    const before = feedText();
    graph.server.log.length = 0;
    r = await collect();
    assert.equal(r.code, 1);
    assert.match(r.stderr, /skipped: X-App-Usage reported 85 % of the allowed calls used; next request after /);
    assert.equal(graph.requests().length, 0);
    assert.equal(feedText(), before);
  });

  test('rate limited (error 4, usage over the limit with a time to regain access): exit 2, the feed untouched, a pause', async () => {
    writeConfig();
    assert.equal((await collect()).code, 0);
    const before = feedText();
    graph.headers = { 'x-business-use-case-usage': JSON.stringify({ 123: [{ type: 'pages', call_count: 100, total_cputime: 30, total_time: 40, estimated_time_to_regain_access: 25 }] }) };
    graph.override = (req, res, url) => graph.error(res, url, 403, { message: '(#4) Application request limit reached', type: 'OAuthException', code: 4, is_transient: true });
    graph.server.log.length = 0;
    let r = await collect();
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /Facebook is limiting how often this token may ask \(Graph API error 4\)/);
    assert.equal(graph.requests().length, 1);  // no retry into a limit
    assert.equal(feedText(), before);
    const state = JSON.parse(readFileSync(join(dir, 'collect.json.state'), 'utf8'));
    const wait = Date.parse(state.not_before) - Date.now();
    assert.ok(wait > 25 * 60e3 && wait <= 26 * 60e3, `paused for ${wait} ms`);
    r = await collect();
    assert.equal(r.code, 1);
    assert.equal(graph.requests().length, 1);
  });
});

describe('what needs a person', () => {
  test('every page unknown: the request is wrong, exit 3 and nothing published', async () => {
    writeConfig({}, { pages: [{ id: 'nobody.one', name: 'One' }, { id: 'nobody.two', name: 'Two' }] });
    // The batch fails with a code 100 that names no page; each page alone, as Facebook says of an
    // object that does not exist (code 100, subcode 33).
    graph.override = (req, res, url) => url.searchParams.get('ids').includes(',')
      ? graph.error(res, url, 400, { message: '(#100) Unsupported get request', type: 'GraphMethodException', code: 100 })
      : graph.error(res, url, 400, { message: "Unsupported get request. Object with ID 'x' does not exist", type: 'GraphMethodException', code: 100, error_subcode: 33 });
    const r = await collect();
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /Facebook refused every page of the request \(Graph API error 100\): check the page ids and graph\.version/);
    assert.equal(graph.requests().length, 3);  // the batch, then each page once
    assert.ok(!existsSync(feedPath()));
  });

  test('a code 100 that no page explains (the first page alone fails too): exit 3 after two requests', async () => {
    writeConfig({}, { pages: [{ id: 'maroctelecom', name: 'MT' }, { id: 'inwi.ma', name: 'Inwi' }] });
    graph.override = (req, res, url) => graph.error(res, url, 400, { message: '(#100) Pages Public Content Access requires either app secret proof or an app token', type: 'OAuthException', code: 100 });
    const r = await collect();
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /Facebook refused the request, and its first page asked alone \(Graph API error 100\): check the page ids and graph\.version/);
    assert.equal(graph.requests().length, 2);  // the batch, then the first page alone: not every page
    assert.ok(!existsSync(feedPath()));
  });

  test('a pause asked during the search for an unknown page stops the search', async () => {
    writeConfig();
    graph.headers = { 'x-business-use-case-usage': JSON.stringify({ 1: [{ type: 'pages', call_count: 100, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: 30 }] }) };
    graph.override = (req, res, url) => graph.error(res, url, 400, { message: '(#100) Tried accessing nonexisting field', type: 'GraphMethodException', code: 100 });
    const r = await collect();
    assert.equal(r.code, 2, r.stderr);
    assert.equal(graph.requests().length, 1);
    assert.match(r.stderr, /skipped the rest: X-Business-Use-Case-Usage reported 100 %/);
  });

  test('--quiet still speaks when a page was not measured', async () => {
    writeConfig();
    assert.equal((await collect(['--quiet'])).code, 0);
    await sleep(1100);
    graph.pages.maroctelecom = { followers_count: 2100000, name: 'Maroc Telecom' };  // now a New Pages page
    const r = await collect(['--quiet']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /maroctelecom: Facebook now counts its followers, and its baseline counts likes, so it was not measured/);
  });

  test('a missing output folder, or a pause that cannot be kept, is a configuration error', async () => {
    writeConfig({ output: 'nowhere/feed.json' });
    let r = await collect();
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /cannot lock .*nowhere\/feed\.json: No such file or directory/);
    writeConfig({ state_file: 'nowhere/state.json' });
    graph.headers = { 'x-app-usage': JSON.stringify({ call_count: 95 }) };
    r = await collect();
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /published .*; Facebook asked for a pause, which could not be kept \(cannot write in .*nowhere/);
  });

  test("this machine's clock behind the published feed: exit 2, the feed untouched", async () => {
    writeConfig();
    assert.equal((await collect()).code, 0);
    const ahead = feed();
    ahead.generated_at = new Date(Date.now() + 3600e3).toISOString();
    writeFileSync(feedPath(), JSON.stringify(ahead));
    const before = feedText();
    const r = await collect();
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /this machine's clock \(.*\) is behind the published feed/);
    assert.equal(feedText(), before);
  });
});

describe('the network fails', () => {
  test('a timeout: tried again with backoff, then exit 2 and the feed untouched', async () => {
    writeConfig();
    assert.equal((await collect()).code, 0);
    const before = feedText();
    graph.override = () => {};  // never answers
    graph.server.log.length = 0;
    const started = Date.now();
    const r = await collect();
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /gave no answer: no answer within 2 s \(2 tries\); .* is unchanged/);
    assert.equal(graph.requests().length, 2);
    const took = Date.now() - started;
    assert.ok(took >= 4400 && took < 15000, `took ${took} ms`);  // 2 s, a 0.5-1 s wait, 2 s
    assert.equal(feedText(), before);
  });

  test('garbage and server errors: exit 2, the feed untouched; the next good run publishes', async () => {
    writeConfig();
    assert.equal((await collect()).code, 0);
    const before = feedText();
    let n = 0;
    graph.override = (req, res) => (n++ % 2 ? send(res, 500, 'Internal Server Error', { type: 'text/plain' })
      : send(res, 200, '<html>Sorry, something went wrong.</html>', { type: 'text/html' }));
    let r = await collect();
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /answered HTTP 500 \(2 tries\)/);
    assert.equal(feedText(), before);
    graph.override = (req, res) => send(res, 200, '{"maroctelecom": {"fan_count": 12', { cors: false });  // truncated
    r = await collect();
    assert.equal(r.code, 2);
    assert.match(r.stderr, /sent an answer that is not JSON \(2 tries\)/);
    assert.equal(feedText(), before);
    graph.override = null;
    await sleep(1100);
    r = await collect();
    assert.equal(r.code, 0, r.stderr);
    assert.equal(page(feed(), 'maroctelecom').samples.length, 2);
  });

  test('nobody listening: exit 2 with the reason', async () => {
    writeConfig({ graph: { base: 'http://127.0.0.1:9', version: VERSION } });
    const r = await collect();
    assert.equal(r.code, 2);
    assert.match(r.stderr, /gave no answer: .*(refused|connect)/i);
    assert.ok(!existsSync(feedPath()));
  });
});

describe('runs that overlap or die', () => {
  test('two runs at once: one waits for the other, both samples are kept', async () => {
    writeConfig();
    assert.equal((await collect()).code, 0);
    await sleep(1100);
    let inFlight = 0, most = 0;
    graph.override = (req, res, url) => {
      inFlight++;
      most = Math.max(most, inFlight);
      graph.pages.maroctelecom.fan_count -= 100;
      const body = {};
      for (const id of url.searchParams.get('ids').split(',')) body[id] = graph.pages[id];
      setTimeout(() => { inFlight--; send(res, 200, JSON.stringify(body), { cors: false }); }, 1200);
    };
    const [a, b] = await Promise.all([collect(), collect()]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(most, 1, 'the second run asked while the first one was still asking');
    const samples = page(feed(), 'maroctelecom').samples.map((s) => s.count);
    assert.deepEqual(samples, [2000000, 1999900, 1999800]);
    await checkedByTheWidgetsParser();
  });

  test('a crash in the middle of writing the feed leaves the published one whole', async () => {
    writeConfig();
    assert.equal((await collect()).code, 0);
    const before = feedText();
    await sleep(1100);
    // A file-size limit below the feed's size kills the command (SIGXFSZ) during its write.
    const r = await collect([], { shell: 'ulimit -f 1' });
    assert.equal(r.signal, 'SIGXFSZ', `not killed: ${r.code} ${r.stderr}`);
    assert.equal(feedText(), before);
    await checkedByTheWidgetsParser();
    const left = readdirSync(join(dir, 'public')).filter((f) => f.includes('.tmp-'));
    assert.equal(left.length, 1, 'the half-written file is there');
    assert.ok(readFileSync(join(dir, 'public', left[0])).length <= 1024);

    // Killed while asking Facebook: the lock goes with the process, and the next run cleans up.
    graph.override = () => {};
    const killed = await collect([], { onSpawn: (child) => setTimeout(() => child.kill('SIGKILL'), 500) });
    assert.equal(killed.signal, 'SIGKILL');
    graph.override = null;
    const started = Date.now();
    const next = await collect();
    assert.equal(next.code, 0, next.stderr);
    assert.ok(Date.now() - started < 5000, 'waited for a dead run\'s lock');
    // Nothing half-written left behind (the lock is the runs' own).
    assert.deepEqual(readdirSync(join(dir, 'public')).filter((f) => f.includes('.tmp-')), []);
    assert.equal(page(feed(), 'maroctelecom').samples.length, 2);
  });

  test('a published feed that is not valid is never overwritten', async () => {
    writeConfig();
    writeFileSync(feedPath(), '{"version": 1, "pages": [');
    const r = await collect();
    assert.equal(r.code, 3);
    assert.match(r.stderr, /the published feed .* is not a valid feed \(\$: not valid JSON: the text ends early \(truncated\?\)\): it is left as it is/);
    assert.equal(feedText(), '{"version": 1, "pages": [');
    assert.equal(graph.requests().length, 0);
  });
});

describe('the configuration and the token', () => {
  test('a token file that others may read is refused, and nothing is asked', async () => {
    writeConfig();
    chmodSync(join(dir, 'token'), 0o644);
    const r = await collect();
    assert.equal(r.code, 3);
    assert.match(r.stderr, /the token file .*token may be read by other users \(mode 0644\): make it yours with chmod 600/);
    assert.equal(graph.requests().length, 0);
  });

  test('a configuration that belongs to another user is refused', async () => {
    writeConfig();
    const config = join(dir, 'collect.json');
    let prefix = [];
    if (process.getuid() === 0) {
      chownSync(config, 65534, 65534);  // nobody's
    } else {
      // Only root may give a file away. Instead the command runs in a user namespace where this
      // user is root (uid 0) and the real root, unmapped there, is the overflow uid 65534: a file
      // of the real root is then another user's. First, there, the configuration of this user is
      // taken as the command's own...
      prefix = ['unshare', '--user', '--map-root-user'];
      const own = await collect([], { prefix });
      if (own.code !== 0)
        assert.fail(`as uid ${process.getuid()}, this test needs root or a user namespace (unshare --user --map-root-user): ${own.stderr}`);
      graph.server.log.length = 0;
      // ... then the configuration is a file of the real root's (followed like any path).
      rmSync(config);
      symlinkSync('/etc/passwd', config);
    }
    const r = await collect([], { prefix });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /collect\.json belongs to another user \(uid 65534\), who could change it/);
    assert.equal(graph.requests().length, 0);
  });

  test('a link planted where the lock goes is not followed', async () => {
    writeConfig();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'public/.feed.json.lock'));
    const r = await collect();
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /cannot lock .*: Too many levels of symbolic links/);
    assert.equal(readFileSync(victim, 'utf8'), 'precious');
  });

  test('a configuration that others may change is refused', async () => {
    writeConfig({}, { mode: 0o666 });
    const r = await collect();
    assert.equal(r.code, 3);
    assert.match(r.stderr, /collect\.json may be changed by other users \(mode 0666\): chmod go-w/);
  });

  test('a token written in the configuration is refused without being repeated', async () => {
    writeConfig({ token: TOKEN });
    const r = await collect();
    assert.equal(r.code, 3);
    assert.match(r.stderr, /\$\.token: a token is never written in the configuration/);
  });

  test('a configuration error names the path and the rule', async () => {
    writeConfig({ money: { currency: 'dirham', per_unit: 3 } });
    const r = await collect();
    assert.equal(r.code, 3);
    assert.match(r.stderr, /collect\.json: \$\.money\.currency: must be at most 3 bytes long|collect\.json: \$\.money\.currency: must be a three-letter ISO 4217 code/);
    assert.equal(graph.requests().length, 0);
  });
});

describe('counts recorded by hand', () => {
  const SNAPSHOT = 'https://web.archive.org/web/20261101000000/https://www.facebook.com/';
  const PAGE = 'https://www.facebook.com/';
  const byHand = [{ id: 'maroctelecom', name: 'Maroc Telecom', by_hand: true }, { id: 'inwi.ma', name: 'Inwi', by_hand: true }];
  const ago = (hours) => new Date(Date.now() - hours * 3600e3).toISOString().replace(/\.\d+Z$/, 'Z');

  test('a campaign from nothing: baselines from an archived snapshot, three measurements, one undo', async () => {
    writeConfig({}, { pages: byHand });
    let r = await record(['maroctelecom=2 447 581', 'inwi.ma=2,040,794', '--at', ago(72), '--source', SNAPSHOT]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /published .*feed\.json: maroctelecom baseline 2,447,581, inwi\.ma baseline 2,040,794/);
    for (const [hours, telecom, inwi] of [[48, '2.430.000', '2.031.000'], [24, '2 401 250', '2 020 400'], [1, '2380100', '2001000']]) {
      r = await record([`maroctelecom=${telecom}`, `inwi.ma=${inwi}`, '--at', ago(hours), '--source', PAGE,
        '--note', 'read off the page']);
      assert.equal(r.code, 0, r.stderr);
    }
    // The last one was wrong: withdrawn, and the feed is as it was before it.
    r = await record(['--undo', 'inwi.ma']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /inwi\.ma 2,001,000 at .* withdrawn/);
    const f = feed();
    assert.deepEqual(page(f, 'maroctelecom').samples.map((m) => m.count), [2430000, 2401250, 2380100]);
    assert.deepEqual(page(f, 'inwi.ma').samples.map((m) => m.count), [2031000, 2020400]);
    assert.equal(page(f, 'inwi.ma').baseline.source, SNAPSHOT);
    assert.deepEqual(page(f, 'maroctelecom').samples[2], { at: ago(1), count: 2380100, status: 'reported', source: PAGE, note: 'read off the page' });
    assert.ok(page(f, 'maroctelecom').rate_per_s < 0);
    assert.equal(graph.requests().length, 0, 'Facebook was asked');
    const figures = await checkedByTheWidgetsParser();
    // At the feed's instant, an hour after the last record: counted on from it at the recorded rate.
    assert.match(figures, /Maroc Telecom: [\d,]+ likes lost \(2\.\d\d% of 2,447,581\)/);
    assert.match(figures, /from measurements up to/);
  });

  test("the README's way without a token: its example configuration and its commands, as written", async () => {
    copyFileSync(join(repo, 'examples/by-hand.json'), join(dir, 'by-hand.json'));
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Without a token'));
    const commands = section.match(/```sh\n *(likeloss-collect record[^]*?)\n *```/)[1];
    const run = (script) => new Promise((ok) => {
      const child = spawn('bash', ['-euc', `likeloss-collect() { "${bin('likeloss-collect')}" "$@"; }\n${script}`], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      child.on('close', (code) => ok({ code, stderr }));
    });
    let r = await run(commands);
    assert.equal(r.code, 0, r.stderr);
    const f = JSON.parse(readFileSync(join(dir, 'public/campaign.json'), 'utf8'));
    assert.deepEqual(f.pages.map((p) => [p.id, p.baseline.count, p.samples.map((m) => m.count)]),
      [['maroctelecom', 2447581, [2430112]], ['inwi.ma', 2040794, [2031950]]]);
    assert.match(f.pages[0].baseline.source, /^https:\/\/web\.archive\.org\/web\/20261130221400\//);
    assert.equal(f.pages[0].samples[0].note, 'read by a volunteer at noon');
    // Its undo, as written.
    r = await run(section.match(/`(likeloss-collect record by-hand\.json --undo [^`]+)`/)[1]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /inwi\.ma 2,031,950 at .* withdrawn/);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'public/campaign.json'), 'utf8')).pages[1].samples, []);
  });

  test('every refusal says why, exits 3 and leaves the feed byte for byte', async () => {
    writeConfig({}, { pages: byHand });
    assert.equal((await record(['maroctelecom=2,447,581', '--at', ago(24), '--source', SNAPSHOT])).code, 0);
    const before = feedText();
    for (const [args, says] of [
      [['maroctelecom=2.3M', '--source', PAGE], /"2\.3M" is a rounded figure/],
      [['maroctelecom=2,300.412', '--source', PAGE], /mixes separators/],
      [['orange=2000', '--source', PAGE], /orange: not a page of the campaign/],
      [['maroctelecom=24,475,810', '--source', PAGE], /\+22,028,229 since 2,447,581 .* likes an hour: a typo\? \(--force records it as it is\)/],
      [['maroctelecom=2,440,000', '--at', ago(-2), '--source', PAGE], /is in the future/],
      [['maroctelecom=2,440,000', '--at', ago(30), '--source', PAGE], /is not after its last measurement/],
      [['maroctelecom=2,440,000', '--at', 'yesterday', '--source', PAGE], /--at "yesterday" is not a time/],
      [['maroctelecom=2,440,000', '--source', 'todo'], /--source "todo" is neither a web address/],
      [['maroctelecom=2,440,000'], /say where the counts were read \(--source\), or why they are assumed \(--note\)/],
      [['maroctelecom', '--source', PAGE], /"maroctelecom" is not PAGE=COUNT/],
      [['--undo', 'inwi.ma'], /inwi\.ma: no such page in the published feed/],
    ]) {
      const r = await record(args);
      assert.equal(r.code, 3, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, says, args.join(' '));
      assert.equal(feedText(), before, args.join(' '));
    }
    // Said on purpose, the large change is recorded; a count read by nobody is an assumption.
    assert.equal((await record(['maroctelecom=24,475,810', '--source', PAGE, '--force'])).code, 0);
    assert.equal((await record(['--undo', 'maroctelecom'])).code, 0);
    assert.equal((await record(['maroctelecom=2,440,000', '--note', 'estimated from a screenshot'])).code, 0);
    assert.equal(page(feed(), 'maroctelecom').samples[0].status, 'assumption');
    await checkedByTheWidgetsParser();
  });

  test('records and a run at once take turns under the lock; runs leave the pages measured by hand alone', async () => {
    writeConfig({}, { pages: [
      { id: 'maroctelecom', name: 'Maroc Telecom',
        baseline: { at: '2026-11-01T00:00:00Z', count: 2010000, status: 'reported', source: 'https://example.org/report' } },
      { id: 'inwi.ma', name: 'Inwi', by_hand: true },
      { id: 'meditel', name: 'Meditel', by_hand: true },
    ] });
    assert.equal((await record(['inwi.ma=1,500,000', '--at', ago(2), '--source', SNAPSHOT])).code, 0);
    assert.equal((await collect()).code, 0);
    assert.deepEqual(graph.requests().map((e) => e.query.get('ids')), ['maroctelecom']);
    await sleep(1100);
    graph.override = (req, res, url) => {
      graph.pages.maroctelecom.fan_count -= 100;
      setTimeout(() => send(res, 200, JSON.stringify({ maroctelecom: graph.pages.maroctelecom }), { cors: false }), 1200);
    };
    const run = collect();
    await sleep(300);  // the run holds the lock while Facebook answers
    const started = Date.now();
    const [a, b, c] = await Promise.all([run, record(['inwi.ma=1,499,000', '--at', ago(1), '--source', PAGE]),
      record(['meditel=1,800,000', '--at', ago(1), '--source', PAGE])]);
    for (const r of [a, b, c]) assert.equal(r.code, 0, r.stderr);
    assert.ok(Date.now() - started > 500, 'the records did not wait for the run');
    const f = feed();
    assert.deepEqual(page(f, 'maroctelecom').samples.map((m) => m.count), [2000000, 1999900]);
    assert.deepEqual(page(f, 'inwi.ma').samples.map((m) => m.count), [1499000]);
    assert.equal(page(f, 'meditel').baseline.count, 1800000);
    // The run's own count is not withdrawn as a record.
    const undo = await record(['--undo', 'maroctelecom']);
    assert.equal(undo.code, 3);
    assert.match(undo.stderr, /was not recorded by hand/);
    await checkedByTheWidgetsParser();
  });

  test('a record killed while it writes leaves the published feed whole', async () => {
    writeConfig({}, { pages: byHand });
    assert.equal((await record(['maroctelecom=2,447,581', 'inwi.ma=2,040,794', '--at', ago(48), '--source', SNAPSHOT])).code, 0);
    assert.equal((await record(['maroctelecom=2,430,000', 'inwi.ma=2,031,000', '--at', ago(24), '--source', PAGE])).code, 0);
    const before = feedText();
    assert.ok(before.length > 1024);
    const r = await record(['maroctelecom=2,401,250', '--source', PAGE], { shell: 'ulimit -f 1' });
    assert.equal(r.signal, 'SIGXFSZ', `not killed: ${r.code} ${r.stderr}`);
    assert.equal(feedText(), before);
    assert.equal((await record(['maroctelecom=2,401,250', '--source', PAGE])).code, 0);
    // Nothing half-written left behind (the lock is the runs' own).
    assert.deepEqual(readdirSync(join(dir, 'public')).filter((f) => f.includes('.tmp-')), []);
  });
});
