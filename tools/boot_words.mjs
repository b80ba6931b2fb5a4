// Writes the page's own messages, from the catalogue (src/core/text/lang/<language>.json), into the
// files that show them before the program runs, so the page and the program say the same words.
//   node tools/boot_words.mjs messages.hpp lang/ shell/widget-boot.js out.js
//     {/*boot words*/}: the English boot_* messages; {/*boot at*/}: where each boot_* message sits
//     in a language file as sent (tools/language_file.py), for the words of another language;
//     [/*languages*/]: the languages the catalogue has.
//   node tools/boot_words.mjs messages.hpp lang/ shell/widget.html out.html
//     <!--noscript words-->: boot_no_script in every language, for a browser without scripts,
//     which cannot tell the page which language its reader wants.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [header, langDir, source, out] = process.argv.slice(2);
const ids = [...readFileSync(header, 'utf8').split('#define LIKELOSS_MESSAGES(X)')[1].split('enum class Msg')[0]
  .matchAll(/X\((\w+)\)/g)].map((m) => m[1]);
const languages = readdirSync(langDir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
const language = (l) => JSON.parse(readFileSync(join(langDir, `${l}.json`), 'utf8'));
const boot = ids.filter((id) => id.startsWith('boot_') && id !== 'boot_no_script');
const text = readFileSync(source, 'utf8');
const put = (marker, what) => {
  if (!text.includes(marker)) throw new Error(`${source} has no ${marker}`);
  return (t) => t.replace(marker, what);
};

let written;
if (source.endsWith('.js')) {
  const en = language('en');
  written = [
    put('{/*boot words*/}', JSON.stringify(Object.fromEntries(boot.map((id) => [id, en[id]])))),
    put('{/*boot at*/}', JSON.stringify(Object.fromEntries(boot.map((id) => [id, ids.indexOf(id)])))),
    put('[/*languages*/]', JSON.stringify(languages)),
  ].reduce((t, f) => f(t), text);
} else {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const paragraphs = [...languages].sort((a, b) => (a !== 'en') - (b !== 'en')).map((l) => {
    const words = language(l);
    const link = `<a href="campaign-2016.json" target="_blank" rel="noopener">${escape(words.boot_feed_link)}</a>`;
    const [before, after] = words.boot_no_script.split('{0}').map(escape);
    return `<p class="likeloss-status" lang="${l}" dir="auto">${before}${link}${after}</p>`;
  });
  written = put('<!--noscript words-->', paragraphs.join(''))(text);
}
writeFileSync(out, written);
