// Minifies the site's JavaScript at build time with terser (an npm devDependency), as Emscripten
// does upstream with Closure, which Debian's Emscripten lacks. Every byte of it is downloaded by a
// visitor of someone else's page.
//
//   node tools/minify.mjs [--program] IN OUT
//
// --program: Emscripten's output (likeloss.js), whose top-level names are private, except
// `Module`, which the page's boot script sets before it runs.
import { readFileSync, writeFileSync } from 'node:fs';

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
