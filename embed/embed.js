/* likeloss embed loader: turns each snippet link into a live counter.
 *
 *   <a class="likeloss-embed" href="https://HOST/PATH/widget.html?layout=compact"
 *      data-accent="#e4002b">Facebook likes lost by the operators</a>
 *   <script async src="https://HOST/PATH/embed.js"></script>
 *
 * Each link becomes an iframe of widget.html beside this file, with the link's own parameters
 * overridden by its data-* attributes (the same names: bg, fg, accent, muted, color.<page>,
 * transparent, theme, layout, pages, currency, per_unit, title, lang, source, refresh). Without
 * scripts the link stays a link. The iframe loads lazily and takes the height the widget reports
 * (postMessage, origin checked). Loaded twice, it still makes one widget per link; snippets added
 * later are set up by LikeLoss.scan(). It defines one global, LikeLoss, and builds no HTML from text.
 * A value longer than the widget accepts is cut short, so that the widget refuses it and says so,
 * and a snippet that cannot be set up stays a link without stopping the others.
 */
(function () {
  'use strict';
  if (window.LikeLoss && typeof window.LikeLoss.scan === 'function') {
    window.LikeLoss.scan();
    return;
  }
  // Where this script came from, and so where widget.html is. currentScript is null in a shadow
  // root or under some script loaders: then a script element that names embed.js, then (per
  // link) the link itself when it points at widget.html.
  var script = document.currentScript || document.querySelector('script[src*="embed.js"]');
  var base = script && script.src ? new URL('widget.html', script.src) : null;
  // The parameters a snippet may pass, each with the longest value the widget reads, in
  // characters ('color.' stands for color.<page id>): the widget's registry, as
  // `likeloss-parameters --js` prints it (a test keeps this copy in step). Never a Graph API
  // token: a public page must not carry one.
  var PARAMETERS = {'bg': 64, 'fg': 64, 'accent': 64, 'muted': 64, 'color.': 64, 'transparent': 64, 'theme': 64, 'layout': 64, 'pages': 5100, 'currency': 64, 'per_unit': 64, 'title': 120, 'lang': 64, 'source': 2048, 'refresh': 6};
  var frames = [];

  // The longest value of a parameter a snippet may pass, or 0 for any other name.
  function longest(key) {
    var family = key.indexOf('color.') === 0;
    if (family && !/^[A-Za-z0-9._-]{1,100}$/.test(key.slice(6))) return 0;
    var max = PARAMETERS[family ? 'color.' : key];
    return typeof max === 'number' ? max : 0;  // not 'constructor' or another inherited name
  }

  // A value longer than the widget accepts would only lengthen the iframe's address (a 100 KB
  // title made servers answer 414): it is cut just past the limit (a list of pages after its 51st
  // id) and marked with an ellipsis, so the widget refuses it and names it in its small print.
  function cap(key, value) {
    var max = longest(key);
    var ids = key === 'pages' ? value.split(',') : [];
    if (ids.length > 51) value = ids.slice(0, 51).join(',') + '\u2026';
    var chars = Array.from(value);
    if (chars.length > max) chars = Array.from(value.trim());
    return chars.length > max ? chars.slice(0, max).join('') + '\u2026' : value;
  }

  function setup(link) {
    if (link.hasAttribute('data-likeloss-ready')) return;
    var href = null;
    try { href = new URL(link.href); } catch (e) {}
    var pointsAtWidget = href && /^https?:$/.test(href.protocol) && /\/widget\.html$/.test(href.pathname);
    var widget = base || (pointsAtWidget ? new URL(href.pathname, href) : null);
    if (!widget) return;  // nowhere to load the counter from: the link stays a link
    link.setAttribute('data-likeloss-ready', '');
    var params = new URLSearchParams();
    // The link's own query counts only when the link is the widget's address: an empty or "#"
    // href would otherwise hand the blog's address (and whoever crafted it) the widget's settings.
    if (pointsAtWidget && href.origin === widget.origin) {
      href.searchParams.forEach(function (value, key) {
        if (longest(key)) params.set(key, cap(key, value));
      });
    }
    Array.prototype.forEach.call(link.attributes, function (a) {
      var key = a.name.slice(5);
      if (a.name.indexOf('data-') === 0 && longest(key)) params.set(key, cap(key, a.value));
    });
    var frame = document.createElement('iframe');
    var query = params.toString();
    frame.src = widget.href + (query ? '?' + query : '');
    // Named for assistive technology by its link's text (or its picture's alt text), without
    // direction controls that could reorder what a screen reader's braille display shows.
    frame.title = (link.textContent.trim() || (link.querySelector('img') || 0).alt || '').replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, 200) ||
      'Facebook likes lost: a live counter';
    frame.loading = 'lazy';
    frame.setAttribute('scrolling', 'no');
    // Inline and important: a page's CSS reset must not squash or hide the widget.
    // color-scheme light: on a dark-scheme page a browser would paint an opaque backdrop behind
    // the frame, and a transparent widget would show that instead of the page.
    var style = { display: 'block', width: '100%', 'max-width': '100%', 'min-width': '0', height: '320px',
                  'max-height': 'none', 'min-height': '0', border: '0', margin: '0', padding: '0', float: 'none',
                  transform: 'none', 'box-sizing': 'content-box', 'color-scheme': 'light', background: 'transparent',
                  visibility: 'visible', opacity: '1' };
    // In a holder the blog's layout places as it places its paragraphs (a theme's column width and
    // centring, which the frame's own inline margin and max-width would defeat), kept a block.
    var holder = document.createElement('div');
    var hold = { display: 'block', height: 'auto', padding: '0', float: 'none', transform: 'none', visibility: 'visible', opacity: '1' };
    [[frame, style], [holder, hold]].forEach(function (p) {
      Object.keys(p[1]).forEach(function (k) { p[0].style.setProperty(k, p[1][k], 'important'); });
    });
    holder.style.width = '100%';  // not important: a theme's max-width and margins still apply
    holder.appendChild(frame);
    link.parentNode.insertBefore(holder, link);
    link.style.setProperty('display', 'none', 'important');
    frames.push(frame);
  }

  function scan(root) {
    var found = (root || document).querySelectorAll('a.likeloss-embed, a[data-likeloss]');
    // One snippet that cannot be set up must not stop the others.
    Array.prototype.forEach.call(found, function (link) { try { setup(link); } catch (e) {} });
    return found.length;
  }

  // A height report counts only from the window of one of our frames (whatever its origin after
  // a redirect): another frame can resize nothing, and a frame only itself.
  window.addEventListener('message', function (e) {
    if (!e.data || e.data.type !== 'likeloss:height') return;
    var height = Math.ceil(Number(e.data.height));
    if (!(height > 0)) return;
    frames = frames.filter(function (frame) { return frame.isConnected; });
    frames.forEach(function (frame) {
      if (frame.contentWindow === e.source)
        frame.style.setProperty('height', Math.min(height, 5000) + 'px', 'important');
    });
  });

  window.LikeLoss = { scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { scan(); });
  else scan();
})();
