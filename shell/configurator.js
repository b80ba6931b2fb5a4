// The configurator on the standalone page: settings -> a live preview, the embed snippet and a
// share link. It starts from what this page shows: its own parameters (query and fragment, never a
// Graph API token) and the pages of its feed. Builds every element with the DOM (no HTML from
// text) and runs under the page's CSP.
(function () {
  'use strict';
  var form = document.getElementById('configurator');
  if (!form) return;
  var preview = document.getElementById('configurator-preview');
  var snippet = document.getElementById('configurator-snippet');
  var link = document.getElementById('configurator-link');
  var copied = document.getElementById('configurator-copied');
  var pagesBox = document.getElementById('configurator-pages');
  var note = document.getElementById('configurator-note');
  var picture = document.getElementById('configurator-picture');
  var markdown = document.getElementById('configurator-markdown');
  var ownAlt = (document.querySelector('meta[property="og:image:alt"]') || {}).content;  // the bundled card's
  var widget = new URL('widget.html', location.href);
  var loader = new URL('embed.js', location.href);
  var f = form.elements;
  var pageIds = [];

  // The parameters the widget knows (as embed.js passes them on), from this page's address; the
  // fragment's come after the query's, as the widget reads them. Never graph_token.
  // The public parameters: the widget's registry, as `likeloss-parameters --js` prints it (a test
  // keeps this copy in step with it and with embed.js's).
  var PARAMETERS = {'bg': 64, 'fg': 64, 'accent': 64, 'muted': 64, 'color.': 64, 'transparent': 64, 'theme': 64, 'layout': 64, 'pages': 5100, 'currency': 64, 'per_unit': 64, 'title': 120, 'lang': 64, 'source': 2048, 'refresh': 6};
  function known(key) {
    if (key.indexOf('color.') === 0) return /^[A-Za-z0-9._-]{1,100}$/.test(key.slice(6));
    return Object.prototype.hasOwnProperty.call(PARAMETERS, key);
  }
  var FORM = /^(bg|fg|accent|transparent|theme|layout|lang|pages)$/;  // what the form below sets
  var given = new URLSearchParams();
  [location.search, location.hash].forEach(function (part) {
    new URLSearchParams(part.slice(1)).forEach(function (value, key) {
      if (known(key)) given.set(key, value);
    });
  });
  var source = given.get('source');
  // The page's title, when the widget would show it (at most 120 characters), names the link.
  // Its own direction controls go: they could reorder the snippet's text around the title.
  var ownTitle = (given.get('title') || '').replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
  if (Array.from(ownTitle).length > 120) ownTitle = '';
  var DEFAULT_TEXT = "#BringBackOurVoip: the Facebook likes Morocco's operators lost";
  var linkText = ownTitle || (source ? 'Facebook likes lost: a live counter' : DEFAULT_TEXT);

  // The form starts as the page is: its layout, theme, transparency and colours. A colour keeps
  // the page's own spelling ("gold", "#e4002b80") until it is changed here.
  function choose(select, value) {
    if (Array.prototype.some.call(select.options, function (o) { return o.value === value; })) select.value = value;
  }
  choose(f.layout, given.get('layout') || '');
  choose(f.theme, given.get('theme') === 'light' ? '' : given.get('theme') || '');
  choose(f.lang, given.get('lang') === 'auto' ? '' : given.get('lang') || '');
  var transparent = given.get('transparent');
  f.transparent.checked = transparent === '1' || transparent === 'true' || transparent === '';
  var probe = document.createElement('canvas').getContext('2d');
  function hex(value) {  // an opaque colour as #rrggbb for a colour input, or ''
    var v = value.trim();
    if (/^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(v)) v = '#' + v;
    if (!probe || !/^(#[0-9a-f]{3}|#[0-9a-f]{6}|[a-z]{3,32})$/i.test(v)) return '';
    probe.fillStyle = '#000000';
    probe.fillStyle = v;
    var black = probe.fillStyle;
    probe.fillStyle = '#ffffff';
    probe.fillStyle = v;
    return black === probe.fillStyle && /^#[0-9a-f]{6}$/.test(black) ? black : '';
  }
  var pageColour = {}, useColour = {};
  ['bg', 'fg', 'accent'].forEach(function (k) {
    var v = given.get(k);
    f[k].addEventListener('input', function () { delete pageColour[k]; useColour[k] = true; });
    if (v === null) return;
    f.own.checked = true;
    useColour[k] = true;
    pageColour[k] = v;
    if (hex(v)) f[k].value = hex(v);
  });
  f.own.addEventListener('change', function () {
    if (f.own.checked) useColour = { bg: true, fg: true, accent: true };
  });
  var pagesChanged = false;
  pagesBox.addEventListener('change', function () { pagesChanged = true; });

  function params() {
    var p = new URLSearchParams();
    given.forEach(function (value, key) { if (!FORM.test(key)) p.set(key, value); });
    if (f.layout.value) p.set('layout', f.layout.value);
    if (f.theme.value) p.set('theme', f.theme.value);
    if (f.lang.value) p.set('lang', f.lang.value);
    ['bg', 'fg', 'accent'].forEach(function (k) {
      f[k].disabled = !f.own.checked;
      if (f.own.checked && useColour[k]) p.set(k, k in pageColour ? pageColour[k] : f[k].value);
    });
    if (f.transparent.checked) p.set('transparent', '1');
    var chosen = pageIds.filter(function (id) { return f['page-' + id] && f['page-' + id].checked; });
    if (!pagesChanged && given.get('pages')) p.set('pages', given.get('pages'));
    else if (chosen.length && chosen.length < pageIds.length) p.set('pages', chosen.join(','));
    return p;
  }

  // The snippet is text for the visitor to copy, never parsed here: its attribute and its link
  // text are escaped as HTML needs.
  function escapeText(s) { return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }
  function escapeAttribute(s) { return escapeText(s).replace(/"/g, '&quot;'); }

  var timer = 0;
  function update() {
    var query = params().toString();
    var url = widget.href + (query ? '?' + query : '');
    link.value = url;
    snippet.value = '<a class="likeloss-embed" href="' + escapeAttribute(url) + '">' + escapeText(linkText) + '</a>\n' +
      '<script async src="' + escapeAttribute(loader.href) + '"></' + 'script>';
    // The picture: this site's of the bundled feed, or the one the collector publishes beside the feed.
    var image;
    try { image = new URL('campaign-card.png', new URL(source || '', location.href)).href; } catch (e) { image = new URL('campaign-card.png', location.href).href; }
    var alt = source || ownTitle || !ownAlt ? linkText : ownAlt;
    picture.value = '<a href="' + escapeAttribute(url) + '"><img src="' + escapeAttribute(image) +
      '" width="600" height="315" alt="' + escapeAttribute(alt) + '"></a>';
    var bare = function (u) { return u.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20'); };
    markdown.value = '[![' + alt.replace(/[\[\]\\]/g, '\\$&') + '](' + bare(image) + ')](' + bare(url) + ')';
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
  document.getElementById('configurator-copy-picture').addEventListener('click', function () { copy(picture.value); });
  document.getElementById('configurator-copy-markdown').addEventListener('click', function () { copy(markdown.value); });

  function listPages(feed) {
    var wanted = (pagesChanged ? '' : given.get('pages') || '').toLowerCase().split(',').map(function (s) { return s.trim(); });
    (feed.pages || []).forEach(function (page) {
      if (!page || typeof page.id !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(page.id) || pageIds.indexOf(page.id) >= 0) return;
      pageIds.push(page.id);
      var label = document.createElement('label');
      var box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'page-' + page.id;
      box.checked = !given.get('pages') || wanted.indexOf(page.id.toLowerCase()) >= 0;
      label.append(box, ' ' + String(page.name || page.id));
      pagesBox.append(label);
    });
  }

  function getJson(url) {
    return fetch(url, { credentials: 'omit', cache: 'no-cache', referrerPolicy: 'no-referrer' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }
  function readFeed(url) {
    return getJson(url).then(function (feed) {
      if (!feed || !Array.isArray(feed.pages)) throw new Error('not a feed');
      return feed;
    });
  }
  // Whether the feed's host is allowed is the widget's decision (the core's, from the site's
  // settings): this page's own widget says so in its state once it has read them. Without a
  // widget to ask (no WebAssembly), the feed is tried as it is.
  function allowed() {
    return new Promise(function (ok, no) {
      var waited = 0;
      (function ask() {
        var data = window.likeloss && window.likeloss.data;
        if (data && data.blocked) return no(new Error('its host is not one this site allows, so the counter shows the bundled campaign'));
        if ((data && data.settings_read) || (waited += 200) > 20000) return ok();
        setTimeout(ask, 200);
      })();
    });
  }

  function bundled() {
    return readFeed('campaign-2016.json').then(listPages).then(update, update);
  }

  // The pages to choose from are those of the feed this page shows: its source, or the bundled one.
  update();
  if (!source) {
    bundled();
    return;
  }
  var feedUrl = null;
  try {
    feedUrl = new URL(source, location.href);
    if (!/^https?:$/.test(feedUrl.protocol)) feedUrl = null;
  } catch (e) {}
  (feedUrl ? allowed().then(function () { return readFeed(feedUrl.href); })
    : Promise.reject(new Error('not a web address'))).then(function (feed) {
    var title = ownTitle || (feed.campaign && typeof feed.campaign.title === 'string' ? feed.campaign.title : '');
    title = title.replace(/\s+/g, ' ').trim();
    if (title) linkText = title;
    listPages(feed);
    update();
  }, function (e) {
    note.textContent = "This page's feed (" + (feedUrl ? feedUrl.host + feedUrl.pathname : source.slice(0, 200)) +
      ') could not be read (' + (e && e.message || e) + '): the pages listed are those of the bundled 2016 campaign. ' +
      'The snippet and the link still show that feed.';
    note.hidden = false;
    bundled();
  });
})();
