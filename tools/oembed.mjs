// oEmbed for the widget: a blog that embeds by address (WordPress's Embed block, a bare URL on its
// own line) finds the widget through a discovery link in widget.html's head and fetches a static
// answer beside it, oembed.json, whose iframe shows the widget. Discovery needs the site's public
// address (WordPress reads only an absolute link), so both are written only when the build knows
// it (LIKELOSS_SITE_URL); without it widget.html carries no link and there is no answer.
//
//   node tools/oembed.mjs --site-url=SITE_URL in.html out.html out.json   (an empty SITE_URL: no oEmbed)
//
// The answer is one file for every address: a pasted address's own settings (?layout=compact)
// cannot reach it, so the blog shows the site's default widget; for settings, the snippet.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const MARKER = '<!--oembed discovery-->';
export const SIZE = { width: 600, height: 420 };  // a first size: the widget reports its own height

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function oembed(siteUrl, title) {
  const base = new URL(siteUrl);
  if (!/^https?:$/.test(base.protocol) || !base.pathname.endsWith('/'))
    throw new Error(`the site's address must be http(s) and end in /: ${siteUrl}`);
  const widget = new URL('widget.html', base).href, answer = new URL('oembed.json', base).href;
  return {
    link: `<link rel="alternate" type="application/json+oembed" href="${escape(answer)}" title="${escape(title)}">`,
    answer: JSON.stringify({
      version: '1.0', type: 'rich', provider_name: 'likeloss', provider_url: base.href, title, ...SIZE,
      // The link first: WordPress shows it until the widget's first message (widget-boot.js), and
      // loads its embed script, which sizes the iframe, only for an answer that has one.
      html: `<blockquote><a href="${escape(widget)}">${escape(title)}</a></blockquote>` +
        `<iframe src="${escape(widget)}" width="${SIZE.width}" height="${SIZE.height}" title="${escape(title)}" frameborder="0" scrolling="no"></iframe>`,
    }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [option, input, output, json] = process.argv.slice(2);
  if (!option.startsWith('--site-url=')) throw new Error('usage: oembed.mjs --site-url=SITE_URL in.html out.html out.json');
  const siteUrl = option.slice('--site-url='.length);
  const html = readFileSync(input, 'utf8');
  if (!html.includes(MARKER)) throw new Error(`${input} has no ${MARKER}`);
  const title = html.match(/<title>([^<]*)<\/title>/)[1]
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  if (siteUrl) {
    const { link, answer } = oembed(siteUrl, title);
    writeFileSync(output, html.replace(MARKER, link));
    writeFileSync(json, answer);
  } else {
    writeFileSync(output, html.replace(MARKER, ''));
    for (const copy of [json, `${json}.gz`, `${json}.br`]) rmSync(copy, { force: true });
  }
}
