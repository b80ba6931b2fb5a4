// A small static server for the built site, on loopback only. Used by the quick start and by the
// browser tests (which start it on a free port). Serves .wasm as application/wasm, so browsers
// compile it while it downloads, the precompressed copies a client accepts (Content-Encoding br
// or gzip, Vary: Accept-Encoding), and CORS for all. Caching as a CDN should: files named after
// their contents (likeloss.<hash>.wasm, tools/fingerprint.mjs) are immutable for a year; everything
// else (the pages, embed.js, the settings, the feed, the languages) is revalidated on every use,
// answered 304 while it has not changed, so a new release or feed is seen on the next load.
//
//   node tools/serve.mjs [--root build/web/site] [--port 8080]
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// The names tools/fingerprint.mjs gives: a file's contents never change under one of them.
export const IMMUTABLE = /\/(likeloss|widget-boot|widget)\.[0-9a-f]{12}\.(js|wasm|css)$/;
export const cacheControl = (path) => (IMMUTABLE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');

// `files` maps a path to text served in place of the file there (a deployment's own settings);
// `log`, an array, gets { path, status, bytes } for each answer (the body's bytes as sent).
export function startServer({ root, port = 0, host = '127.0.0.1', files = {}, log = null }) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    // A path is read as a path, even one that looks like a host ("//x"); anything unreadable is a
    // bad request, never the end of the server.
    let url;
    try {
      url = new URL(req.url.startsWith('/') ? `http://localhost${req.url}` : req.url);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (Object.hasOwn(files, url.pathname)) {
      const body = Buffer.from(files[url.pathname]);
      res.writeHead(200, {
        'content-type': TYPES[extname(url.pathname)] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
        'access-control-allow-origin': '*',
      });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let stat;
    try {
      stat = statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (!stat.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // The precompressed copy the client accepts (tools/compress.mjs wrote them), brotli first, as a
    // static host with gzip_static/brotli_static serves them; never one older than the file.
    const accepted = new Set(String(req.headers['accept-encoding'] || '').split(',').map((part) => {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return q && !(Number(q.slice(2)) > 0) ? '' : name;  // q=0: refused
    }));
    let body = file, size = stat.size, encoding = null;
    for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepted.has(name)) continue;
      try {
        const copy = statSync(file + suffix);
        if (copy.isFile() && copy.mtimeMs >= stat.mtimeMs) {
          body = file + suffix;
          size = copy.size;
          encoding = name;
          break;
        }
      } catch {}
    }
    // A validator per file and encoding (its size and time), so that a revalidation of a file
    // that has not changed costs a 304 and no body.
    const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ''}"`;
    const headers = {
      'cache-control': cacheControl(path),
      etag,
      'last-modified': stat.mtime.toUTCString(),
      'x-content-type-options': 'nosniff',
      // Public files, readable from any page: a widget in a sandboxed iframe (a blog's oEmbed) has
      // no origin of its own and fetches its program and feed across origins.
      'access-control-allow-origin': '*',
      vary: 'accept-encoding',
    };
    const match = String(req.headers['if-none-match'] || '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (match.includes(etag) || match.includes('*')) {
      if (log) log.push({ path: url.pathname, status: 304, bytes: 0 });
      res.writeHead(304, headers).end();
      return;
    }
    if (log) log.push({ path: url.pathname, status: 200, bytes: req.method === 'HEAD' ? 0 : size });
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] || 'application/octet-stream',
      'content-length': size,
      ...headers,
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(body).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const root = opt('--root', 'build/web/site');
  const server = await startServer({ root, port: Number(opt('--port', 8080)) });
  const { port } = server.address();
  console.log(`likeloss: serving ${root} at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  console.log(`          the demo blog that embeds it: http://127.0.0.1:${port}/demo/`);
}
