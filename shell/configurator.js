// The configurator on the standalone page: settings -> a live preview, the embed snippet and a
// share link. Builds every element with the DOM (no HTML from text) and runs under the page's CSP.
(function () {
  'use strict';
  var form = document.getElementById('configurator');
  if (!form) return;
  var preview = document.getElementById('configurator-preview');
  var snippet = document.getElementById('configurator-snippet');
  var link = document.getElementById('configurator-link');
  var copied = document.getElementById('configurator-copied');
  var pagesBox = document.getElementById('configurator-pages');
  var widget = new URL('widget.html', location.href);
  var loader = new URL('embed.js', location.href);
  var pageIds = [];

  function params() {
    var p = new URLSearchParams();
    var f = form.elements;
    if (f.layout.value) p.set('layout', f.layout.value);
    if (f.theme.value) p.set('theme', f.theme.value);
    ['bg', 'fg', 'accent'].forEach(function (k) {
      f[k].disabled = !f.own.checked;
      if (f.own.checked) p.set(k, f[k].value);
    });
    if (f.transparent.checked) p.set('transparent', '1');
    var chosen = pageIds.filter(function (id) { return f['page-' + id] && f['page-' + id].checked; });
    if (chosen.length && chosen.length < pageIds.length) p.set('pages', chosen.join(','));
    return p;
  }

  var timer = 0;
  function update() {
    var query = params().toString();
    var url = widget.href + (query ? '?' + query : '');
    link.value = url;
    snippet.value = '<a class="likeloss-embed" href="' + url.replace(/&/g, '&amp;').replace(/"/g, '&quot;') +
      '">#BringBackOurVoip: the Facebook likes Morocco\'s operators lost</a>\n' +
      '<script async src="' + loader.href + '"></' + 'script>';
    clearTimeout(timer);
    timer = setTimeout(function () { if (preview.src !== url) preview.src = url; }, 250);
  }

  function copy(text) {
    var done = function () { copied.textContent = 'Copied.'; setTimeout(function () { copied.textContent = ''; }, 2000); };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, function () {});
  }

  // The preview takes the height the widget reports, as embed.js does for a blog.
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || e.source !== preview.contentWindow || !e.data || e.data.type !== 'likeloss:height') return;
    var h = Math.ceil(Number(e.data.height));
    if (h > 0) preview.style.height = Math.min(h, 5000) + 'px';
  });

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  document.getElementById('configurator-copy-snippet').addEventListener('click', function () { copy(snippet.value); });
  document.getElementById('configurator-copy-link').addEventListener('click', function () { copy(link.value); });

  // The pages to choose from are the bundled feed's.
  fetch('campaign-2016.json').then(function (r) { return r.json(); }).then(function (feed) {
    (feed.pages || []).forEach(function (page) {
      if (typeof page.id !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(page.id)) return;
      pageIds.push(page.id);
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'page-' + page.id;
      box.checked = true;
      label.append(box, ' ' + String(page.name || page.id));
      pagesBox.append(label);
    });
    update();
  }, update);
})();
