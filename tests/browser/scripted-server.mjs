// A real HTTP server on 127.0.0.1 whose answers each test scripts: feeds that change, ETags and
// 304s, errors, slow and huge bodies, no CORS header, Graph API answers and errors. It logs every
// request (path, query, conditional headers, time) so tests can check the widget's request pattern.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';

export async function startScripted() {
  const log = [];
  const sockets = new Set();
  let handler = (req, res) => send(res, 404, 'no script');
  let port = 0;
  let server;

  function listen() {
    server = createServer((req, res) => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const entry = {
        path: url.pathname, query: url.searchParams, at: Date.now(),
        ifNoneMatch: req.headers['if-none-match'], referer: req.headers.referer, status: 0, sent: 0,
      };
      log.push(entry);
      const writeHead = res.writeHead.bind(res);
      res.writeHead = (status, ...rest) => { entry.status = status; return writeHead(status, ...rest); };
      const write = res.write.bind(res);
      res.write = (chunk, ...rest) => { entry.sent += chunk.length; return write(chunk, ...rest); };
      handler(req, res, url, entry);
    });
    server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
    return new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => { port = server.address().port; ok(); });
    });
  }
  await listen();

  return {
    get origin() { return `http://127.0.0.1:${port}`; },
    get host() { return `127.0.0.1:${port}`; },
    log,
    script(h) { handler = h; log.length = 0; },
    requests(path) { return log.filter((e) => e.path === path); },
    // Goes away (connections refused) and comes back on the same port.
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((ok) => server.close(ok));
    },
    restart: listen,
  };
}

// Answers with `body` (and any extra `headers`); CORS allowed unless cors is false; an ETag turns
// a matching If-None-Match into a 304.
export function send(res, status, body, { cors = true, etag = false, type = 'application/json', req, headers: extra = {} } = {}) {
  const headers = { 'content-type': type, 'cache-control': 'no-cache', ...extra };
  if (cors) headers['access-control-allow-origin'] = '*';
  if (etag) {
    const tag = '"' + createHash('sha1').update(body).digest('hex').slice(0, 16) + '"';
    headers.etag = tag;
    if (req && req.headers['if-none-match'] === tag) {
      res.writeHead(304, headers);
      return res.end();
    }
  }
  const bytes = Buffer.from(body);
  headers['content-length'] = bytes.length;
  res.writeHead(status, headers);
  res.write(bytes);
  res.end();
}

const iso = (t) => new Date(t).toISOString().replace(/\.\d+Z$/, 'Z');

// A valid feed for two pages, Alpha and Beta, each 100,000 at the baseline an hour ago, with the
// given losses measured a minute ago.
// `rateA`: Alpha's audience change a second after the sample (negative: losing), and `ageA`: how
// many seconds ago Alpha was measured.
export function testFeed({ lostA = 1111, lostB = 2222, interval = 60, title = 'Test campaign', rateA, ageA = 60 } = {}) {
  const now = Date.now();
  const page = (id, name, color, lost, rate, age = 60) => ({
    id, name, color,
    baseline: { at: iso(now - 3600e3), count: 100000, status: 'reported', source: 'test baseline' },
    samples: [{ at: iso(now - age * 1000), count: 100000 - lost, status: 'reported', source: 'test sample' }],
    ...(rate === undefined ? {} : { rate_per_s: rate }),
  });
  return JSON.stringify({
    version: 1,
    campaign: { title, since: iso(now - 3600e3) },
    money: { currency: 'MAD', per_unit: { value: 3, status: 'assumption', note: 'test value' } },
    update_interval_s: interval,
    pages: [page('alpha', 'Alpha', '#1f77b4', lostA, rateA, ageA), page('beta', 'Beta', '#d62728', lostB)],
    generated_at: iso(now),
  });
}
