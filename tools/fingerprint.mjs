// Names the widget's program, boot script and stylesheet after their contents (likeloss.<hash>.wasm,
// ...), so that a host serves them `immutable` for a year and a page of a new release can never
// load half of an old one; the pages that name them (widget.html, index.html) keep their
// addresses and are revalidated. A file is named after its contents with the new names written
// into it: the program's, then the boot script's (which names the program), then the pages.
//
//   node tools/fingerprint.mjs STAGE SITE MANIFEST
//
// STAGE holds likeloss.js, likeloss.wasm, widget-boot.js, widget.css, widget.html and index.html
// as built; SITE gets the named copies and the two pages; MANIFEST (JSON) maps each plain name to
// the served one, for the tests and the benchmark. Copies of earlier builds are removed from SITE.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [stage, site, manifest] = process.argv.slice(2);
if (!manifest) {
  console.error('usage: node tools/fingerprint.mjs STAGE SITE MANIFEST');
  process.exit(2);
}

// The served name of each file (tools/serve.mjs and the README's host settings know the pattern).
const NAMED = /^(likeloss|widget-boot|widget)\.[0-9a-f]{12}\.(js|wasm|css)$/;
const names = {};

// Each `from` must be found in the text at least once: a build that no longer names a file the
// way this expects fails here, rather than shipping a page that loads nothing.
function rewrite(text, file, pairs) {
  for (const [from, to] of pairs) {
    if (!text.includes(from)) {
      console.error(`fingerprint: ${file} does not contain ${from}`);
      process.exit(1);
    }
    text = text.split(from).join(to);
  }
  return text;
}

// Written whole, then renamed: a build stopped here leaves no half-written file behind.
function write(path, bytes) {
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
}

function name(file, bytes) {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const dot = file.lastIndexOf('.');
  names[file] = `${file.slice(0, dot)}.${hash}${file.slice(dot)}`;
  write(join(site, names[file]), bytes);
}

const read = (file) => readFileSync(join(stage, file));
name('likeloss.wasm', read('likeloss.wasm'));
name('likeloss.js', rewrite(read('likeloss.js').toString(), 'likeloss.js', [['"likeloss.wasm"', `"${names['likeloss.wasm']}"`]]));
name('widget-boot.js', rewrite(read('widget-boot.js').toString(), 'widget-boot.js', [['"likeloss.wasm"', `"${names['likeloss.wasm']}"`]]));
name('widget.css', read('widget.css'));
for (const page of ['widget.html', 'index.html']) {
  write(join(site, page), rewrite(read(page).toString(), page, [
    ['href="widget.css"', `href="${names['widget.css']}"`],
    ['src="widget-boot.js"', `src="${names['widget-boot.js']}"`],
    ['src="likeloss.js"', `src="${names['likeloss.js']}"`],
  ]));
}

// Earlier builds' copies (and their compressed copies) go, and copies under plain names: the site
// holds one release, each file under one name.
const current = new Set(Object.values(names));
for (const file of readdirSync(site)) {
  const plain = file.replace(/\.(gz|br)$/, '');
  if ((NAMED.test(plain) && !current.has(plain)) || Object.hasOwn(names, plain)) rmSync(join(site, file));
}
write(manifest, JSON.stringify(names, null, 2) + '\n');
