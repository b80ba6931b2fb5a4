// Minifies the site's JavaScript at build time with terser (an npm devDependency), as Emscripten
// does upstream with Closure, which Debian's Emscripten lacks. Every byte of it is downloaded by a
// visitor of someone else's page.
//
//   node tools/minify.mjs [--program] IN OUT
//
// --program: Emscripten's output (likeloss.js), whose top-level names are private, except
// `Module`, which the page's boot script sets before it runs.
// A .css or .html file loses its comments and the white space that means nothing (the widget's
// page and stylesheet are part of every first load); scripts go through terser.
import { readFileSync, writeFileSync } from 'node:fs';

const [, , ...given] = process.argv;
const [source, target] = given[0] === '--program' ? given.slice(1) : given;
if (/\.(css|html)$/.test(source)) {
  let text = readFileSync(source, 'utf8');
  if (source.endsWith('.css'))
    text = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{}:;,>])\s*/g, '$1').replace(/;}/g, '}').trim();
  else  // comments, and the indentation of each line (a newline stays, so no two words join)
    text = text.replace(/<!--[\s\S]*?-->\n?/g, '').replace(/\n[ \t]+/g, '\n');
  writeFileSync(target, text + '\n');
  process.exit(0);
}

let terser;
try {
  terser = await import('terser');
} catch {
  console.error('minify: terser is missing: run `npm ci` (tools/setup.sh does) before building the web site');
  process.exit(1);
}

const args = process.argv.slice(2);
const program = args[0] === '--program';
const [input, output] = program ? args.slice(1) : args;
const code = readFileSync(input, 'utf8');
const result = await terser.minify(code, {
  compress: { passes: 2, toplevel: program },
  mangle: program ? { toplevel: true, reserved: ['Module'] } : true,
  format: { comments: false },
});
writeFileSync(output, result.code);
