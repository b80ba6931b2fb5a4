// Writes NAME.gz (gzip -9) and NAME.br (brotli 11) beside each file of the built site that text
// compression shrinks, as a static host or CDN serves them precompressed (nginx's gzip_static and
// brotli_static; tools/serve.mjs negotiates them the same way). Files already up to date are left.
//
//   node tools/compress.mjs build/web/site
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.wasm', '.ttf', '.otf', '.txt', '.svg']);

function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (COMPRESSIBLE.has(extname(path))) compress(path);
  }
}

function compress(path) {
  const source = statSync(path);
  const fresh = (copy) => { try { return statSync(copy).mtimeMs >= source.mtimeMs; } catch { return false; } };
  if (fresh(`${path}.gz`) && fresh(`${path}.br`)) return;
  const bytes = readFileSync(path);
  // Written whole, then renamed: a build stopped here leaves no truncated copy that looks fresh.
  const write = (copy, data) => {
    writeFileSync(`${copy}.tmp`, data);
    renameSync(`${copy}.tmp`, copy);
  };
  write(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  write(`${path}.br`, brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
}

walk(process.argv[2] || 'build/web/site');
