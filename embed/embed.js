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
 */
(function () {
  'use strict';
  if (window.LikeLoss && typeof window.LikeLoss.scan === 'function') {
    window.LikeLoss.scan();
    return;
  }
  var script = document.currentScript;
  var widget = new URL('widget.html', script && script.src ? script.src : location.href);
  // The parameters a snippet may pass. Never a Graph API token: a public page must not carry one.
  var PARAMETER = /^(bg|fg|accent|muted|transparent|theme|layout|pages|currency|per_unit|title|lang|source|refresh|color\.[A-Za-z0-9._-]{1,100})$/;
  var frames = [];

  function setup(link) {
    if (link.hasAttribute('data-likeloss-ready')) return;
    link.setAttribute('data-likeloss-ready', '');
    var params = new URLSearchParams();
    try {
      new URL(link.getAttribute('href') || '', location.href).searchParams.forEach(function (value, key) {
        if (PARAMETER.test(key)) params.set(key, value);
      });
    } catch (e) {}
    Array.prototype.forEach.call(link.attributes, function (a) {
      var key = a.name.slice(5);
      if (a.name.indexOf('data-') === 0 && PARAMETER.test(key)) params.set(key, a.value);
    });
    var frame = document.createElement('iframe');
    var query = params.toString();
    frame.src = widget.href + (query ? '?' + query : '');
    frame.title = (link.textContent || '').trim().slice(0, 200) || 'Facebook likes lost: a live counter';
    frame.loading = 'lazy';
    frame.setAttribute('scrolling', 'no');
    // Inline and important: a page's CSS reset must not squash or hide the widget.
    var style = { display: 'block', width: '100%', 'max-width': '100%', height: '320px', border: '0', margin: '0',
                  padding: '0', 'color-scheme': 'normal', background: 'transparent', visibility: 'visible', opacity: '1' };
    Object.keys(style).forEach(function (k) { frame.style.setProperty(k, style[k], 'important'); });
    link.parentNode.insertBefore(frame, link);
    link.style.setProperty('display', 'none', 'important');
    frames.push(frame);
  }

  function scan(root) {
    var found = (root || document).querySelectorAll('a.likeloss-embed, a[data-likeloss]');
    Array.prototype.forEach.call(found, setup);
    return found.length;
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== widget.origin || !e.data || e.data.type !== 'likeloss:height') return;
    var height = Math.ceil(Number(e.data.height));
    if (!(height > 0)) return;
    frames.forEach(function (frame) {
      if (frame.contentWindow === e.source)
        frame.style.setProperty('height', Math.min(height, 5000) + 'px', 'important');
    });
  });

  window.LikeLoss = { scan: scan };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { scan(); });
  else scan();
})();
