// The network, storage and page context of src/web/data.cpp, linked into likeloss.js with
// --js-library. Requests use fetch() rather than Emscripten's XHR-based fetch: it can stream a
// body and stop at a size cap, abort on a timer, and ask the browser's HTTP cache to revalidate
// (cache: 'no-cache' sends If-None-Match / If-Modified-Since with the validators the browser
// kept, so an unchanged feed costs a 304, and no CORS preflight is needed for it). A Graph API
// request, whose URL holds the token, is fetched with cache: 'no-store' and no referrer.
mergeInto(LibraryManager.library, {
  // Outcomes, as Response::Outcome in src/core/live/live.hpp.
  $likelossOutcome: { answered: 0, offline: 1, network: 2, timeout: 3, tooLarge: 4, redirected: 5 },

  likeloss_fetch__deps: ['$likelossOutcome', 'malloc'],
  likeloss_fetch: function (id, urlPtr, timeoutMs, maxBytes, revalidate) {
    var url = UTF8ToString(urlPtr);
    var O = likelossOutcome;
    var ctrl = new AbortController();
    var finished = false, timedOut = false;
    var timer = setTimeout(function () { timedOut = true; ctrl.abort(); }, timeoutMs);
    function done(outcome, status, bytes) {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      var len = bytes ? bytes.length : 0, ptr = 0;
      if (len) {
        ptr = _malloc(len);
        if (!ptr) {  // out of memory: as good as too large
          outcome = O.tooLarge;
          len = 0;
        } else {
          HEAPU8.set(bytes, ptr);
        }
      }
      _likeloss_fetched(id, outcome, status, ptr, len);  // takes ownership of ptr
    }
    fetch(url, {
      cache: revalidate ? 'no-cache' : 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: ctrl.signal
    }).then(function (res) {
      // The allowed origins were checked for the address asked: a redirect to another origin
      // would bypass them.
      if (res.url && new URL(res.url).origin !== new URL(url).origin) {
        done(O.redirected, res.status);
        ctrl.abort();
        return;
      }
      // A declared size over the cap is refused before a byte of it is read.
      var declared = Number(res.headers.get('content-length'));
      if (declared > maxBytes) {
        done(O.tooLarge, res.status);
        ctrl.abort();
        return;
      }
      if (!res.body) {  // 204, or a 304 passed through: no body to read
        done(O.answered, res.status, null);
        return;
      }
      var reader = res.body.getReader(), chunks = [], total = 0;
      function pump() {
        return reader.read().then(function (part) {
          if (finished) return;
          if (part.done) {
            var bytes = new Uint8Array(total), at = 0;
            chunks.forEach(function (c) { bytes.set(c, at); at += c.length; });
            done(O.answered, res.status, bytes);
            return;
          }
          total += part.value.length;
          if (total > maxBytes) {
            done(O.tooLarge, res.status);
            ctrl.abort();
            return;
          }
          chunks.push(part.value);
          return pump();
        });
      }
      return pump();
    }).catch(function () {
      done(timedOut ? O.timeout : navigator.onLine === false ? O.offline : O.network, 0);
    });
  },

  // localStorage may be missing, full, or forbidden (a sandboxed frame, blocked cookies): a
  // widget without it simply starts without its saved copy.
  likeloss_storage_get__deps: ['$likelossString'],
  likeloss_storage_get: function (keyPtr) {
    var value = null;
    try { value = window.localStorage.getItem(UTF8ToString(keyPtr)); } catch (e) {}
    return value === null ? 0 : likelossString(value);
  },
  // An empty value removes the key. The widget keeps the last few feeds it read, newest first in
  // an index, so widgets pointed at many feeds cannot fill the origin's storage.
  likeloss_storage_set: function (keyPtr, valuePtr) {
    var key = UTF8ToString(keyPtr), value = UTF8ToString(valuePtr), indexKey = 'likeloss:v1:index';
    try {
      var store = window.localStorage, keys = [];
      try { keys = JSON.parse(store.getItem(indexKey) || '[]'); } catch (e) {}
      if (!Array.isArray(keys)) keys = [];
      keys = keys.filter(function (k) { return k !== key; });
      if (value) {
        keys.unshift(key);
        keys.splice(4).forEach(function (old) { store.removeItem(old); });
        store.setItem(key, value);
      } else {
        store.removeItem(key);
      }
      store.setItem(indexKey, JSON.stringify(keys));
    } catch (e) {}
  },

  // A JavaScript string as a new UTF-8 C string (the caller frees it); 0 when memory is short.
  $likelossString__deps: ['malloc'],
  $likelossString: function (text) {
    var size = lengthBytesUTF8(text) + 1, ptr = _malloc(size);
    if (ptr) stringToUTF8(text, ptr, size);
    return ptr;
  },

  // Where the widget is: its parameters (query, and the fragment, which never reaches a server),
  // its origin, and the deployment's settings file beside likeloss.js.
  // A Graph API token, in the query or the fragment, is taken out of the address bar once read
  // (no reload), so it is not bookmarked, shared, screenshotted or sent again; the other
  // parameters stay there as they were written.
  likeloss_page_context__deps: ['$likelossString', '$likelossUrl'],
  likeloss_page_context: function () {
    var context = JSON.stringify({
      query: location.search,
      fragment: location.hash,
      origin: location.origin,
      config: likelossUrl('likeloss-config.json'),
      languages: (navigator.languages || [navigator.language || '']).join(',')
    });
    // The parts of "?a=1&graph_token=…" or "#…" that are not the token, read as the core reads
    // them (src/core/params/options.cpp, parse_query): split at '&', the name before '=' decoded.
    function without(part) {
      var kept = part.slice(1).split('&').filter(function (p) {
        var name = p.split('=')[0].replace(/\+/g, ' ');
        try { name = decodeURIComponent(name); } catch (e) {}
        return name !== 'graph_token';
      }).join('&');
      return kept ? part[0] + kept : '';
    }
    var search = without(location.search), hash = without(location.hash);
    if (search !== location.search || hash !== location.hash) {
      try { history.replaceState(history.state, '', location.pathname + search + hash); } catch (e) {}
    }
    return likelossString(context);
  },

  // A feed address as the browser reads it, relative to the page; only http(s) is accepted.
  likeloss_resolve_url__deps: ['$likelossString'],
  likeloss_resolve_url: function (textPtr) {
    var out = '';
    try {
      var u = new URL(UTF8ToString(textPtr), location.href);
      if (u.protocol === 'https:' || u.protocol === 'http:')
        out = JSON.stringify({ href: u.href, origin: u.origin, host: u.host });
    } catch (e) {}
    return likelossString(out);
  },

  // Polls wait while the page is hidden (one request when it shows again, not a burst), and a
  // failing widget retries soon after the browser comes back online.
  likeloss_watch_page: function () {
    document.addEventListener('visibilitychange', function () {
      _likeloss_visible(document.visibilityState === 'hidden' ? 0 : 1);
    });
    window.addEventListener('online', function () { _likeloss_online(); });
    return document.visibilityState === 'hidden' ? 0 : 1;
  },

  likeloss_random: function () { return Math.random(); },

  // The address of a file beside likeloss.js.
  $likelossUrl: function (name) {
    var script = document.getElementById('likeloss-program');
    return new URL(name, script ? script.src : location.href).href;
  },
  // A file beside likeloss.js, as bytes.
  $likelossGet__deps: ['$likelossUrl'],
  $likelossGet: function (name) {
    return fetch(likelossUrl(name), { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error(name + ': HTTP ' + res.status);
      return res.arrayBuffer();
    });
  },
  // Bytes (an ArrayBuffer or a typed array) into the program's memory, NUL-terminated:
  // [pointer, length].
  $likelossCopy__deps: ['malloc'],
  $likelossCopy: function (buffer) {
    var bytes = new Uint8Array(buffer), ptr = _malloc(bytes.length + 1);
    HEAPU8.set(bytes, ptr);
    HEAPU8[ptr + bytes.length] = 0;
    return [ptr, bytes.length];
  },
  $likelossError__deps: ['$likelossString'],
  $likelossError: function (e) { return likelossString(String(e && e.message || e)); },

  // A language (lang/fr.json): its bytes to _likeloss_got(kind, ptr, len, 0), or (kind, 0, 0,
  // reason) when it cannot be had. The page's boot script may have fetched it already.
  likeloss_get__deps: ['$likelossGet', '$likelossCopy', '$likelossError'],
  likeloss_get: function (kind, namePtr) {
    var name = UTF8ToString(namePtr);
    (Module['likeloss']['take'](name) || likelossGet(name)).then(function (buffer) {
      var got = likelossCopy(buffer);
      _likeloss_got(kind, got[0], got[1], 0);
    }).catch(function (e) { _likeloss_got(kind, 0, 0, likelossError(e)); });
  },

  // Arabic's extras, fetched only by a widget that shows Arabic: shell/arabic.js fetches the rest
  // and gives back the call that shapes a line (Module.likelossShape).
  likeloss_load_arabic__deps: ['$likelossUrl', '$likelossGet', '$likelossCopy', '$likelossError'],
  likeloss_load_arabic: function () {
    var loader = document.createElement('script');
    var failed = function (e) { _likeloss_arabic_ready(0, 0, 0, 0, likelossError(e)); };
    loader.src = likelossUrl('arabic.js');
    loader.onerror = function () { failed('arabic.js'); };
    loader.onload = function () {
      if (!window.likelossArabic) return failed('arabic.js');
      window.likelossArabic({ module: Module, heap: function () { return HEAPU8; }, get: likelossGet, copy: likelossCopy,
        ready: _likeloss_arabic_ready, failed: failed });
    };
    document.head.append(loader);
  },
  likeloss_shape: function (ptr, len, rtl) { return Module.likelossShape(ptr, len, rtl); },

  // The page speaks the widget's language: <html lang dir>, and the words of its own messages.
  likeloss_set_language: function (tagPtr, rtl, wordsPtr) {
    Module['likeloss']['setLanguage'](UTF8ToString(tagPtr), !!rtl, JSON.parse(UTF8ToString(wordsPtr)));
  }
});
