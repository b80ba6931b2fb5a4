// Writes the page's own messages into widget-boot.js: the boot_* messages of a language file of
// the catalogue (src/core/text/lang/en.json), so the page and the program say the same words.
//   node tools/boot_words.mjs shell/widget-boot.js src/core/text/lang/en.json out.js
import { readFileSync, writeFileSync } from 'node:fs';

const [source, language, out] = process.argv.slice(2);
const all = JSON.parse(readFileSync(language, 'utf8'));
const words = Object.fromEntries(Object.entries(all).filter(([id]) => id.startsWith('boot_')));
const text = readFileSync(source, 'utf8');
const marker = '{/*boot words*/}';
if (!text.includes(marker)) throw new Error(`${source} has no ${marker}`);
writeFileSync(out, text.replace(marker, JSON.stringify(words)));
