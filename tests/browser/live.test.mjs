// Live data in a real headless Chromium, against a real HTTP server on 127.0.0.1 whose answers
// each test scripts. Every test checks what the visitor sees (the figures and the message, through
// the page's text mirror) and the request pattern the server saw.
import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startSite } from './harness.mjs';
import { send, startScripted, testFeed } from './scripted-server.mjs';

const TOKEN = 'EAAtesttoken0123456789';
let feeds, site, browser;

before(async () => {
  feeds = await startScripted();
  // The deployment's settings: this feed host allowed, fast polls and a short timeout for tests.
  site = await startSite({
    '/likeloss-config.json': JSON.stringify({
      feed_origins: [feeds.origin], min_refresh_s: 1, timeout_s: 2,
      graph: { base: feeds.origin, version: 'v25.0' },
    }),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  site?.server.close();
  await feeds?.stop();
});

// Each test has its own feed path (and Graph token): a page closed by the test before may still
// have a request on its way, which must not be taken for this test's.
let serial = 0, path = '', token = '';
beforeEach(() => {
  serial++;
  path = `/t${serial}/feed.json`;
  token = `${TOKEN}${serial}`;
});
const feedUrl = (p = path) => encodeURIComponent(feeds.origin + p);

// The widget's own page: one widget, so the server sees one widget's requests. (The standalone
// page, index.html, also previews the same feed in its configurator: a second widget.)
async function open(query, context) {
  if (context) {
    const page = await context.newPage();
    await page.goto(site.origin + '/widget.html?' + query);
    return { context, page };
  }
  return openPage(browser, site.origin + '/widget.html?' + query);
}

const lines = (page) => page.evaluate(() => window.likeloss.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')));
const data = (page) => page.evaluate(() => window.likeloss.data);

// Waits until the text mirror has a line containing `needle` (or, with `gone`, none has it).
async function waitForText(page, needle, { gone = false, timeout = 15000 } = {}) {
  try {
    await page.waitForFunction(([n, g]) => {
      const has = (window.likeloss?.lines.map((s) => s.replace(/[\u2066-\u2069]/g, '')) || []).some((l) => l.includes(n));
      return g ? !has : has;
    }, [needle, gone], { timeout, polling: 100 });
  } catch (e) {
    throw new Error(`waiting for ${gone ? 'no' : 'a'} line with "${needle}"; lines: ${JSON.stringify(await lines(page))}`);
  }
}

const gaps = (entries) => entries.slice(1).map((e, i) => e.at - entries[i].at);

// Answers the feed path with the n-th script entry (the last one repeats).
function sequence(...answers) {
  let n = 0;
  return (req, res, url, entry) => {
    if (url.pathname !== path) return send(res, 404, 'nothing here');
    const answer = answers[Math.min(n++, answers.length - 1)];
    answer(req, res, entry);
  };
}
const good = (lostA = 1111) => (req, res) => send(res, 200, testFeed({ lostA }), { req });

describe('live data from a published feed', () => {
  test('shows a feed that changes between polls, polling at the interval asked for', async () => {
    feeds.script(sequence(good(1111), good(1111), good(1500)));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, 'Alpha: 1,111 likes lost');
    await waitForText(page, 'Alpha: 1,500 likes lost');
    assert.ok((await lines(page)).includes(`Data: the feed at ${feeds.host}.`));
    const polls = feeds.requests(path);
    assert.ok(polls.length >= 3);
    for (const gap of gaps(polls)) assert.ok(gap >= 900, `polled again after ${gap} ms`);
    assert.equal((await data(page)).problem, '');
    await context.close();
  });

  test('an unchanged feed costs a 304 and keeps its figures', async () => {
    const body = testFeed({ lostA: 4321 });
    feeds.script((req, res, url) => url.pathname === path ? send(res, 200, body, { etag: true, req }) : send(res, 404, ''));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, 'Alpha: 4,321 likes lost');
    await page.waitForFunction(() => window.likeloss.data.requests >= 4, null, { timeout: 10000 });
    // The widget counts a request when it sends it, the server when it has answered: on a busy
    // machine the last answers are still on their way.
    for (let i = 0; i < 100 && feeds.requests(path).filter((p) => p.status).length < 3; i++) await page.waitForTimeout(100);
    const polls = feeds.requests(path);
    assert.equal(polls[0].status, 200);
    assert.equal(polls[0].ifNoneMatch, undefined);
    const later = polls.slice(1).filter((p) => p.status);
    assert.ok(later.length >= 2);
    for (const p of later) {
      assert.ok(p.ifNoneMatch, 'a poll without If-None-Match');
      assert.equal(p.status, 304);
    }
    assert.ok((await lines(page)).some((l) => l.includes('Alpha: 4,321 likes lost')));
    assert.equal((await data(page)).problem, '');
    await context.close();
  });

  test('counts on between fetches as a marked estimate, and never runs back when a measurement lands behind it', async () => {
    // Alpha loses 5 likes a second. The second feed measures it 20 likes behind where the first
    // feed's estimate has got to by then; the later ones are on track again.
    let n = 0, first = 0;
    feeds.script((req, res, url) => {
      if (url.pathname !== path) return send(res, 404, '');
      if (n++ === 0) first = Date.now();
      const onTrack = 1000 + Math.round(5 * (Date.now() - first) / 1000);
      send(res, 200, testFeed({ lostA: n === 2 ? onTrack - 20 : onTrack, rateA: -5, ageA: 0 }), { req });
    });
    const { context, page } = await open(`source=${feedUrl()}&refresh=2`);
    await waitForText(page, 'Alpha: 1,0');
    const seen = [];
    const end = Date.now() + 7000;
    while (Date.now() < end) {
      const shown = await lines(page);
      const alpha = shown.find((l) => l.startsWith('Alpha: '));
      seen.push(Number(alpha.match(/^Alpha: ([\d,]+) likes lost/)[1].replace(/,/g, '')));
      if (seen.length === 3) assert.ok(shown.some((l) => l.startsWith('Estimated for ')), 'the estimate is not marked');
      await page.waitForTimeout(100);
    }
    assert.ok(feeds.requests(path).length >= 3, 'no new measurement arrived');
    for (let i = 1; i < seen.length; i++)
      assert.ok(seen[i] >= seen[i - 1], `the counter ran back from ${seen[i - 1]} to ${seen[i]}`);
    assert.ok(seen.at(-1) >= seen[0] + 15, `it did not count on: ${seen[0]} .. ${seen.at(-1)}`);
    await context.close();
  });

  test('offline: says so, keeps the figures, and retries soon after the network is back', async () => {
    feeds.script(sequence(good(1357)));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, 'Alpha: 1,357 likes lost');
    await context.setOffline(true);
    await waitForText(page, 'Offline since');
    assert.match((await lines(page))[0], /^Offline since \d\d:\d\d UTC\. Showing the figures from \d\d:\d\d UTC; trying again automatically\.$/);
    await page.waitForFunction(() => window.likeloss.data.failures >= 4, null, { timeout: 20000 });
    const waiting = (await data(page)).next_in_ms;
    assert.ok(waiting > 3000, `the next retry is only ${waiting} ms away`);
    feeds.script(sequence(good(2468)));
    const back = Date.now();
    await context.setOffline(false);
    await waitForText(page, 'Alpha: 2,468 likes lost', { timeout: 3500 });
    assert.ok(Date.now() - back < 3500);
    assert.ok(!(await lines(page))[0].startsWith('Offline'));
    await context.close();
  });

  test('a 404 with nothing saved says so, shows no invented figures, and backs off', async () => {
    feeds.script(sequence((req, res) => send(res, 404, 'not found', { type: 'text/plain' })));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, `Nothing was found at ${feeds.host} (HTTP 404). Trying again automatically.`);
    assert.equal((await lines(page)).length, 1, 'figures shown without a feed');
    await page.waitForFunction(() => window.likeloss.data.failures >= 4, null, { timeout: 20000 });
    const g = gaps(feeds.requests(path));
    // Equal jitter: the n-th wait is between half and all of 2^(n-1) seconds.
    assert.ok(g[0] >= 450 && g[0] <= 1300, `first retry after ${g[0]} ms`);
    assert.ok(g[1] >= 950 && g[1] <= 2300, `second retry after ${g[1]} ms`);
    assert.ok(g[2] >= 1950 && g[2] <= 4300, `third retry after ${g[2]} ms`);
    await context.close();
  });

  test('a server error keeps the last good figures, says since when, and recovers', async () => {
    const fail = (req, res) => send(res, 500, 'boom', { type: 'text/plain' });
    feeds.script(sequence(good(1111), fail, fail, good(1600)));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, 'Alpha: 1,111 likes lost');
    await waitForText(page, `${feeds.host} answered with a server error (HTTP 500) since`);
    const shown = await lines(page);
    assert.match(shown[0], /since \d\d:\d\d UTC\. Showing the figures from \d\d:\d\d UTC; trying again automatically\./);
    assert.ok(shown.includes('Alpha: 1,111 likes lost (1.11% of 100,000), 3,333 MAD.'));
    await waitForText(page, 'Alpha: 1,600 likes lost');
    await waitForText(page, 'server error', { gone: true });
    await context.close();
  });

  test('a response slower than the timeout is abandoned', async () => {
    const slow = (req, res) => setTimeout(() => { if (!res.destroyed) send(res, 200, testFeed({ lostA: 8765 }), { req }); }, 4000);
    feeds.script(sequence(good(1111), slow));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, `${feeds.host} did not answer within 2 seconds since`);
    assert.ok((await lines(page)).some((l) => l.includes('Alpha: 1,111 likes lost')));
    assert.ok(!(await lines(page)).some((l) => l.includes('8,765')));
    await context.close();
  });

  test('truncated JSON is reported and not used', async () => {
    const body = testFeed({ lostA: 7777 });
    feeds.script(sequence(good(1111), (req, res) => send(res, 200, body.slice(0, body.length / 2), { req })));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, `The feed at ${feeds.host} was not used: $: not valid JSON: the text ends early (truncated?) since`);
    assert.ok((await lines(page)).some((l) => l.includes('Alpha: 1,111 likes lost')));
    await context.close();
  });

  test('a feed that breaks a rule is rejected whole, never half applied', async () => {
    const broken = JSON.parse(testFeed({ lostA: 5555, lostB: 3333 }));
    broken.pages[1].baseline.count = -5;
    feeds.script(sequence(good(1111), (req, res) => send(res, 200, JSON.stringify(broken), { req })));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, `The feed at ${feeds.host} was not used: $.pages[1].baseline.count`);
    const shown = await lines(page);
    assert.ok(shown.some((l) => l.includes('Alpha: 1,111 likes lost')));
    assert.ok(shown.some((l) => l.includes('Beta: 2,222 likes lost')));
    assert.ok(!shown.some((l) => l.includes('5,555')), 'the bad feed was partly applied');
    await context.close();
  });

  test('a feed without a CORS header cannot be read, and the widget says why', async () => {
    feeds.script(sequence((req, res) => send(res, 200, testFeed(), { cors: false })));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, `Cannot reach ${feeds.host} (the network failed, or the server does not let other sites read its answers). Trying again automatically.`);
    await context.close();
  });

  test('a huge body is cut off at the size cap and the tab stays responsive', async () => {
    for (const declared of [false, true]) {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let entryOf;
      feeds.script((req, res, url, entry) => {
        if (url.pathname !== path) return send(res, 404, '');
        entryOf = entry;
        res.on('close', () => { entry.finished = res.writableFinished; });
        const headers = { 'content-type': 'application/json', 'access-control-allow-origin': '*' };
        if (declared) headers['content-length'] = 50 * 1024 * 1024;
        res.writeHead(200, headers);
        let sent = 0;
        const more = () => {
          while (sent < 50 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once('drain', more);
          }
          res.end();
        };
        res.write('{"version": 1, "pad": "');
        more();
      });
      const { context, page } = await open(`source=${feedUrl()}`);
      await waitForText(page, `The answer from ${feeds.host} is too large to read`);
      const t0 = Date.now();
      await page.evaluate(() => 1);
      assert.ok(Date.now() - t0 < 2000, 'the page did not answer');
      await new Promise((r) => setTimeout(r, 500));
      // The widget closed the connection: the server never got to send it all.
      assert.equal(entryOf.finished, false, 'the whole body was downloaded');
      assert.ok(entryOf.sent < 25 * 1024 * 1024, `${entryOf.sent} bytes were sent before the widget stopped reading`);
      await context.close();
    }
  });

  test('recovers without a reload when the server goes away and comes back', async () => {
    feeds.script(sequence(good(1111)));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, 'Alpha: 1,111 likes lost');
    await page.evaluate(() => { window.sameDocument = true; });
    await feeds.stop();
    await waitForText(page, `Cannot reach ${feeds.host}`);
    assert.ok((await lines(page)).some((l) => l.includes('Alpha: 1,111 likes lost')));
    feeds.script(sequence(good(1800)));
    await feeds.restart();
    await waitForText(page, 'Alpha: 1,800 likes lost');
    await waitForText(page, 'Cannot reach', { gone: true });
    assert.equal(await page.evaluate(() => window.sameDocument), true);
    await context.close();
  });

  test('a returning visitor sees the saved figures at once, before the network answers', async () => {
    feeds.script(sequence(good(2468)));
    const first = await open(`source=${feedUrl()}&refresh=60`);
    await waitForText(first.page, 'Alpha: 2,468 likes lost');
    const saved = await first.page.evaluate(() => Object.keys(localStorage));
    assert.ok(saved.some((k) => k.startsWith('likeloss:v1:feed:')), `saved: ${saved}`);
    await first.page.close();

    // The feed host now hangs: the saved figures must show anyway, marked as such.
    feeds.script(() => {});
    const again = await open(`source=${feedUrl()}&refresh=60`, first.context);
    await waitForText(again.page, 'Showing the figures saved at', { timeout: 1500 });
    assert.ok((await lines(again.page)).some((l) => l.includes('Alpha: 2,468 likes lost')));
    await waitForText(again.page, 'did not answer within 2 seconds');
    assert.ok((await lines(again.page)).some((l) => l.includes('Alpha: 2,468 likes lost')));
    await first.context.close();
  });

  test('a feed host the site does not allow is refused, and the bundled campaign shown', async () => {
    feeds.script(sequence(good(1111)));
    const elsewhere = encodeURIComponent(`http://localhost:${new URL(feeds.origin).port}${path}`);
    const { context, page } = await open(`source=${elsewhere}`);
    await waitForText(page, `source: localhost:${new URL(feeds.origin).port} is not one of the feed hosts this site allows`);
    await waitForText(page, 'Maroc Telecom: 187,680 likes lost');
    assert.equal(feeds.requests(path).length, 0);
    await context.close();
  });

  test('a redirect from an allowed host to another one is refused', async () => {
    const port = new URL(feeds.origin).port;
    feeds.script((req, res, url) => {
      if (url.pathname === path) {
        res.writeHead(302, { location: `http://localhost:${port}${path}-elsewhere`, 'access-control-allow-origin': '*' });
        return res.end();
      }
      if (url.pathname === path + '-elsewhere') return send(res, 200, testFeed({ lostA: 6666 }));
      send(res, 404, '');
    });
    const { context, page } = await open(`source=${feedUrl()}`);
    await waitForText(page, `${feeds.host} sent the request on to another host, which this site does not allow`);
    assert.ok(!(await lines(page)).some((l) => l.includes('6,666')));
    await context.close();
  });

  test('polls wait while the tab is hidden, and one request follows when it shows again', async () => {
    feeds.script(sequence(good(1111)));
    const { context, page } = await open(`source=${feedUrl()}&refresh=1`);
    await waitForText(page, 'Alpha: 1,111 likes lost');
    const setHidden = (hidden) => page.evaluate((h) => {
      Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await setHidden(true);
    await new Promise((r) => setTimeout(r, 1200));  // a poll in flight may finish
    const before = feeds.requests(path).length;
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(feeds.requests(path).length, before, 'polled while hidden');
    await setHidden(false);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(feeds.requests(path).length, before + 1, 'not exactly one request on showing again');
    await context.close();
  });
});

describe('live data from the Graph API', () => {
  const graphQuery = () => `graph_token=${token}&refresh=1`;
  const graphRequests = () => feeds.log.filter((e) => e.path === '/v25.0/' && e.query.get('access_token') === token);
  const graphAnswer = JSON.stringify({
    maroctelecom: { fan_count: 2000000, followers_count: 2100000, name: 'Maroc Telecom', id: '1' },
    'inwi.ma': { followers_count: 1900000, fan_count: 0, name: 'inwi', id: '2' },
    meditel: { fan_count: 2100000, name: 'Orange Maroc', id: '3' },
  });
  const graph = (answer) => (req, res, url) => {
    if (url.pathname !== '/v25.0/' || url.searchParams.get('access_token') !== token) return send(res, 404, 'no such path');
    answer(req, res, url);
  };
  // As Facebook does, an error comes with HTTP 200 when the request asks for suppress_http_code.
  const graphError = (res, url, status, error) =>
    send(res, url.searchParams.get('suppress_http_code') === '1' ? 200 : status, JSON.stringify({ error }));

  test('reads likes for classic pages and followers for New Pages, and the token goes nowhere else', async () => {
    let n = 0;
    feeds.script(graph((req, res, url) => n++ < 2 ? send(res, 200, graphAnswer)
      : graphError(res, url, 400, { message: 'Error validating access token', type: 'OAuthException', code: 190 })));
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = [];  // everything the browser says or sends that could carry the token
    page.on('console', (m) => seen.push(`console: ${m.text()} at ${m.location().url}`));
    // The page's own address carries the token as the visitor typed it (the fragment form would
    // not reach the server); every other request must not.
    page.on('request', (r) => {
      if (!r.url().startsWith(feeds.origin) && !r.isNavigationRequest()) seen.push(`request: ${r.url()} referer ${r.headers().referer}`);
    });
    page.on('requestfailed', (r) => seen.push(`failed: ${r.failure()?.errorText}`));
    await page.goto(site.origin + '/?' + graphQuery());
    await waitForText(page, 'Maroc Telecom: 447,581 likes lost');  // likes, not its 2,100,000 followers
    const shown = await lines(page);
    // Inwi reports followers only (New Pages Experience): they stand in, named as followers.
    assert.ok(shown.includes('Inwi: 140,794 followers lost (6.90% of 2,040,794), 422,382 MAD.'), JSON.stringify(shown));
    assert.ok(shown.some((l) => l.startsWith('Meditel: 98,738 likes lost')));
    assert.ok(shown.some((l) => l.startsWith("Data: Facebook's Graph API at 127.0.0.1")));

    const asked = graphRequests();
    assert.equal(asked[0].query.get('ids'), 'maroctelecom,inwi.ma,meditel');  // one batched request
    assert.equal(asked[0].query.get('fields'), 'fan_count,followers_count');  // nothing the widget does not use
    assert.equal(asked[0].query.get('access_token'), token);
    assert.equal(asked[0].referer, undefined);
    await waitForText(page, 'The Graph API token has expired or is not valid');  // an error answer too
    const everywhere = await page.evaluate(() => [
      location.href,
      document.documentElement.outerHTML,
      JSON.stringify(window.likeloss),
      JSON.stringify(Object.entries(localStorage)),
      JSON.stringify(Object.entries(sessionStorage)),
    ].join('\n'));
    assert.ok(!everywhere.includes(token), 'the token is in the address bar, the page, its state or storage');
    assert.ok(seen.length > 0);
    assert.ok(!seen.join('\n').includes(token), `the token leaked: ${seen.filter((l) => l.includes(token))}`);
    await context.close();
  });

  test('a token in the fragment or the query leaves the address bar once read, without a reload, and the other parameters stay', async () => {
    feeds.script(graph((req, res) => send(res, 200, graphAnswer)));
    for (const [address, left] of [
      [`/?refresh=1#graph_token=${token}&layout=compact`, '/?refresh=1#layout=compact'],
      [`/?graph_token=${token}&refresh=1#title=Mine&graph_token=${token}&theme=dark`, '/?refresh=1#title=Mine&theme=dark'],
      [`/#graph_token=${token}`, '/'],
    ]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let loads = 0;
      page.on('request', (r) => { if (r.isNavigationRequest() && r.frame() === page.mainFrame()) loads++; });
      await page.goto(site.origin + address);
      await waitForText(page, 'Maroc Telecom: 447,581 likes lost');  // the token was read and used
      assert.equal(await page.evaluate(() => location.href), site.origin + left);
      assert.equal(loads, 1, 'the page was loaded again');
      await context.close();
    }
  });

  test('an expired token (190) keeps the figures, says so, and does not hammer', async () => {
    let n = 0;
    feeds.script(graph((req, res, url) => n++ === 0 ? send(res, 200, graphAnswer)
      : graphError(res, url, 400, { message: 'Error validating access token: Session has expired', type: 'OAuthException', code: 190, error_subcode: 463 })));
    const { context, page } = await open(graphQuery());
    await waitForText(page, 'The Graph API token has expired or is not valid (Graph API error 190) since');
    assert.ok((await lines(page)).some((l) => l.startsWith('Maroc Telecom: 447,581 likes lost')));
    const count = graphRequests().length;
    assert.ok((await data(page)).next_in_ms > 25 * 60 * 1000);
    await new Promise((r) => setTimeout(r, 2500));
    assert.equal(graphRequests().length, count);
    await context.close();
  });

  for (const [code, says, minWait] of [
    [4, 'Facebook is limiting how often this token may ask (Graph API error 4)', 7 * 60 * 1000],
    [17, 'Facebook is limiting how often this token may ask (Graph API error 17)', 7 * 60 * 1000],
    [32, 'Facebook is limiting how often this token may ask (Graph API error 32)', 7 * 60 * 1000],
    [613, 'Facebook is limiting how often this token may ask (Graph API error 613)', 7 * 60 * 1000],
    [10, 'The Graph API token may not read these pages (Graph API error 10)', 25 * 60 * 1000],
    [200, 'The Graph API token may not read these pages (Graph API error 200)', 25 * 60 * 1000],
  ]) {
    test(`Graph API error ${code} is told apart by its code and waited out`, async () => {
      feeds.script(graph((req, res, url) => graphError(res, url, code === 4 ? 403 : 400,
        { message: 'x', type: 'OAuthException', code, fbtrace_id: 'A' })));
      const { context, page } = await open(graphQuery());
      await waitForText(page, `${says}. Trying again automatically.`);
      assert.ok((await data(page)).next_in_ms > minWait, `retry in ${(await data(page)).next_in_ms} ms`);
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(graphRequests().length, 1);
      await context.close();
    });
  }

  test('an unknown page id (803) is left out and the other pages go on', async () => {
    feeds.script(graph((req, res, url) => {
      if (url.searchParams.get('ids').includes('meditel'))
        return graphError(res, url, 404, { message: '(#803) Some of the aliases you requested do not exist: meditel', type: 'OAuthException', code: 803 });
      send(res, 200, graphAnswer);
    }));
    const { context, page } = await open(graphQuery());
    await waitForText(page, 'Facebook has no page count for meditel: left out.');
    await waitForText(page, 'Maroc Telecom: 447,581 likes lost');
    const shown = await lines(page);
    assert.ok(!shown.some((l) => l.startsWith('Meditel:')));
    const asked = graphRequests().map((e) => e.query.get('ids'));
    assert.deepEqual(asked.slice(0, 2), ['maroctelecom,inwi.ma,meditel', 'maroctelecom,inwi.ma']);
    await context.close();
  });

  test('an unknown page Facebook does not name (100) is found by asking page by page', async () => {
    feeds.script(graph((req, res, url) => {
      const ids = url.searchParams.get('ids');
      if (ids === 'inwi.ma')  // asked alone, Facebook says what is wrong
        return graphError(res, url, 400, { message: "Unsupported get request. Object with ID 'inwi.ma' does not exist", type: 'GraphMethodException', code: 100, error_subcode: 33 });
      if (ids.includes('inwi.ma'))
        return graphError(res, url, 400, { message: '(#100) Invalid parameter', type: 'OAuthException', code: 100 });
      send(res, 200, graphAnswer);
    }));
    const { context, page } = await open(graphQuery());
    await waitForText(page, 'Facebook has no page count for inwi.ma: left out.');
    await waitForText(page, 'Maroc Telecom: 447,581 likes lost');
    await waitForText(page, 'Meditel: 98,738 likes lost');
    for (let i = 0; i < 50 && graphRequests().length < 5; i++) await new Promise((r) => setTimeout(r, 100));
    const asked = graphRequests().map((e) => e.query.get('ids'));
    assert.deepEqual(asked.slice(0, 5), ['maroctelecom,inwi.ma,meditel', 'maroctelecom', 'inwi.ma', 'meditel', 'maroctelecom,meditel']);
    await context.close();
  });
});
