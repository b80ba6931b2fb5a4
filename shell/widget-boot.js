// Starts the counter on this page: the Emscripten Module, the page's half of the C++ bridge
// (src/web/bridge.cpp), the canvas's size, and a readable message when anything fails.
// Runs before likeloss.js (both are deferred, in document order). Builds no HTML from text.
(function () {
  'use strict';
  var box = document.getElementById('likeloss-box');
  var canvas = document.getElementById('likeloss-canvas');
  var status = document.getElementById('likeloss-status');
  var text = document.getElementById('likeloss-text');
  var script = document.getElementById('likeloss-program');
  // The widget's page opened on its own, not in a blog's iframe (a snippet's link followed where the
  // blog strips scripts): framed as a page (widget.css).
  var root = document.documentElement;
  if (window.parent === window && root.classList.contains('likeloss-embedded')) root.classList.add('likeloss-alone');

  // What the page shows, for people (the text) and for checks (frames drawn, errors).
  // `data` is the live data's state (src/core/live/live.cpp, state_json): requests, failures, notice.
  // `tooltip` is what the tooltip open on the canvas says, one paragraph an item ([] when none).
  var state = window.likeloss = { frames: 0, lines: [], tooltip: [], error: '', data: null };
  // A PNG of the counter as shown, at the screen's pixel density, for the standalone page's
  // "Download image": `done` gets it from the next frame, which this asks for.
  var snapshots = [];
  state.snapshot = function (done) {
    // Nothing drawn to take (no context, no program): answered at once, never much later.
    if (state.contextLost || state.error || !window.Module || !Module._likeloss_wake) return done(null);
    snapshots.push(done);
    Module._likeloss_wake();
    setTimeout(function () {
      var i = snapshots.indexOf(done);
      if (i < 0) return;
      snapshots.splice(i, 1);
      done(null);
    }, 5000);
  };

  // The page's own messages: English from the catalogue (src/core/text/lang/en.json, written in
  // here at build time by tools/boot_words.mjs) until the visitor's words come.
  var words = {/*boot words*/};
  function say(id, detail) { return words[id].replace('{0}', detail); }

  // The visitor's language, as the program chooses it (find_locale, src/core/text/locale.cpp):
  // lang= if it names one the catalogue has, else the browser's first preference it has. Its words
  // (lang/<language>.json) are fetched now, beside the program, which takes them from here
  // (take, below); a page whose program cannot run speaks them too.
  var early = null;  // [file, promise of its bytes], until the program takes it
  try {
    var asked = new URLSearchParams(location.search).get('lang');
    var language = [asked === 'auto' ? '' : asked].concat(navigator.languages).map(function (tag) {
      return String(tag || '').toLowerCase().split(/[-_]/)[0];
    }).filter(function (l) { return [/*languages*/].indexOf(l) >= 0; })[0];
    if (language && language !== 'en') {
      var file = 'lang/' + language + '.json';
      var bytes = fetch(new URL(file, script ? script.src : location.href).href, { credentials: 'same-origin' })
        .then(function (res) {
          if (!res.ok) throw new Error(file + ': HTTP ' + res.status);
          return res.arrayBuffer();
        });
      early = [file, bytes];
      bytes.then(function (buffer) {
        if (state.lang) return;  // the program spoke first
        var list = JSON.parse(new TextDecoder().decode(buffer)), at = {/*boot at*/};
        for (var id in at) if (typeof list[at[id]] === 'string') words[id] = list[at[id]];
        [status, text].forEach(function (el) {
          el.lang = language;
          el.dir = 'auto';  // from its words: the program, when it runs, says which
        });
        if (shown) tell(shown[0], shown[1]);  // in the visitor's words now
      }).catch(function () {});  // English, then; the program names the failure if it runs
    }
  } catch (e) {}  // a browser too old to ask: English

  var shown = null;  // the page's own message on show, [id, detail], to say again in other words
  function tell(id, detail) {
    fail(say(id, detail));
    shown = [id, detail];
  }

  function fail(message) {
    shown = null;
    state.error = message;
    if (state.lines.length) writeText();  // the figures, at once, for everyone now
    status.textContent = message;
    status.hidden = false;
    box.hidden = true;
    text.classList.remove('likeloss-sr');
    text.classList.add('likeloss-text-visible');
    // Without the program there are no figures to mirror: point to the feed that holds them.
    if (!state.lines.length) {
      var p = document.createElement('p');
      var a = document.createElement('a');
      a.href = 'campaign-2016.json';
      a.textContent = words.boot_feed_link;
      var around = words.boot_feed.split('{0}');
      p.append(around[0], a, around[1]);
      text.replaceChildren(p);
    }
  }

  // A browser keeps about sixteen WebGL contexts: a page with more widgets loses the oldest. A
  // widget whose context the browser takes shows its figures as text rather than a blank box. A
  // widget that starts out of view makes no context until it comes into view; one that leaves the
  // view gives its context back, so that the browser need not take one from a widget in view, and
  // asks for it again when it comes back into view.
  var released = false;  // given back by this widget, out of view
  var lostSeen = false;  // the lost event came: only then may the context be asked back
  var deferred = false;  // started out of view: no context made yet
  // In (or near) the view: unknown (null) until the observer first says, and then no context is
  // made; a browser without the observer is always in view.
  var inView = window.IntersectionObserver ? null : true;
  var ext = null;  // a lost context has no extensions: kept from before
  var restoreTimer = 0;
  function showLost() {
    if (!state.error) tell('boot_lost');  // never over another message
  }
  function askBack() {
    released = false;
    ext.restoreContext();
    // A browser may refuse without a word: then the figures are shown as text, not a blank box,
    // and the widget waits in line for the next context given back.
    clearTimeout(restoreTimer);
    restoreTimer = setTimeout(function () {
      if (!state.contextLost) return;
      showLost();
      waitInLine(inView);
    }, 2000);
  }
  // The widgets of a page (same origin) share the browser's contexts. One whose context the
  // browser took while it was in view waits in line (`waiting`, as every widget heard it; a widget
  // that starts says hello, and those waiting say so again); one that gives its context back (out
  // of view, or leaving the page) hands it to the first in line, who asks for it again at once
  // rather than staying text until a reload. A widget that leaves the page leaves the line.
  var me = Math.random().toString(36).slice(2), waiting = [], inLine = false;
  var channel = null;
  try {
    channel = new BroadcastChannel('likeloss:contexts');
  } catch (e) {}  // none (an old browser), or refused (storage blocked): each widget on its own
  function waitInLine(wait) {
    inLine = wait === true;
    if (channel) channel.postMessage({ waiting: inLine, id: me });
  }
  function handOn() {
    if (channel && waiting.length) channel.postMessage({ freed: waiting.shift(), id: me });
  }
  if (channel) {
    channel.onmessage = function (e) {
      var m = e.data || {};
      if (m.hello) {
        if (inLine) waitInLine(true);
        return;
      }
      waiting = waiting.filter(function (id) { return id !== m.id && id !== m.freed; });
      if (m.waiting === true) waiting.push(m.id);
      if (m.freed === me && inView && state.contextLost && !released && lostSeen && ext) askBack();
    };
    channel.postMessage({ hello: true, id: me });
  }
  window.addEventListener('pagehide', function () {
    if (inLine) waitInLine(false);
    if (Module && Module.ctx && !Module.ctx.isContextLost()) handOn();
  });
  function followView() {
    if (!Module || !Module.calledRun) return;  // not started (or cannot start: no WebAssembly)
    if (deferred) {
      if (!inView) return;
      deferred = false;
      Module._likeloss_context(1);  // makes the window's context (Module.ctx), or says it cannot
    }
    if (!Module.ctx) return;
    var gl = Module.ctx;
    ext = ext || (!gl.isContextLost() && gl.getExtension('WEBGL_lose_context'));
    if (!ext) return;
    if (!inView && !released && !gl.isContextLost()) {
      released = true;
      lostSeen = false;
      if (Module._likeloss_context) Module._likeloss_context(0);  // no GL call from now on
      ext.loseContext();
      handOn();
    } else if (inView && released && lostSeen) {
      askBack();
    } else if (state.contextLost && !released) {
      waitInLine(inView);  // taken by the browser: in line while in view, out of it while not
    }
  }
  canvas.addEventListener('webglcontextlost', function (e) {
    e.preventDefault();  // the context may come back
    state.contextLost = true;
    lostSeen = true;
    if (Module && Module._likeloss_context) Module._likeloss_context(0);
    if (!released) {  // out of view, the layout stays as it is
      showLost();
      waitInLine(inView);
    } else if (inView) setTimeout(askBack);  // back in view before the browser said it was lost
  });
  canvas.addEventListener('webglcontextrestored', function () {
    clearTimeout(restoreTimer);
    waitInLine(false);
    state.contextLost = false;
    state.framesAtRestore = state.frames;
    if (shown && shown[0] === 'boot_lost') {
      shown = null;
      state.error = '';
      status.hidden = true;
      box.hidden = false;
      text.classList.remove('likeloss-text-visible');
      text.classList.add('likeloss-sr');
    }
    if (Module && Module._likeloss_context) Module._likeloss_context(1);
    followView();  // scrolled out again while it was coming back
  });
  if (window.IntersectionObserver) {
    // The whole widget, not the canvas, which is hidden while the figures are shown as text.
    new IntersectionObserver(function (entries) {
      inView = entries[entries.length - 1].isIntersecting;
      followView();
    }, { rootMargin: '300px' }).observe(document.getElementById('likeloss'));
  }

  // In an iframe, tell the embedding page (embed.js) how tall the widget is: the counter, or
  // whatever stands in for it (a message, the figures as text) when it cannot be drawn.
  // Embedded by its address (oEmbed), WordPress sizes the iframe from its own message, which carries
  // the secret it put in the address (#?secret=...), between 200 and 1,000 px.
  if (window.parent !== window && window.ResizeObserver) {
    var whole = document.getElementById('likeloss');
    var secret = (/[#?&]secret=([A-Za-z0-9]{1,32})/.exec(location.hash) || [])[1];
    var report = function () {
      var height = whole.getBoundingClientRect().height;
      window.parent.postMessage({ type: 'likeloss:height', height: height }, '*');
      if (secret) window.parent.postMessage({ message: 'height', value: Math.ceil(height), secret: secret }, '*');
    };
    new ResizeObserver(report).observe(whole);
    // WordPress keeps the frame clipped out of sight until it hears from it, and a browser does not
    // lay out a hidden frame of another origin, so no resize would ever be observed: report now.
    report();
    // WordPress's embed script says when it listens, which may be after the first report.
    if (secret) window.addEventListener('message', function (e) {
      if (e.source === window.parent && e.data && e.data.message === 'ready' && e.data.secret === secret) report();
    });
  }

  if (typeof WebAssembly !== 'object') {
    tell('boot_no_wasm');
    return;
  }

  // The program's download starts now, before likeloss.js has arrived and asked for it, and is
  // the one request it is taken from. Not a <link rel="preload">: WebKit (Safari) never hands a
  // preloaded response to fetch() and downloads the program a second time.
  var wasmUrl = new URL('likeloss.wasm', script ? script.src : location.href).href;
  function getWasm() {
    return fetch(wasmUrl, { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res;
    });
  }
  var wasm = getWasm();
  wasm.catch(function () {});  // named when the program asks for it, not as an unhandled rejection

  // The counter takes no keyboard or wheel input. GLFW cancels Tab and Backspace, which would
  // break focus navigation: keep those two from it (this listener is registered before GLFW's),
  // and let every other key reach everyone. The wheel scrolls the page, not the canvas.
  window.addEventListener('keydown', function (e) {
    if (e.keyCode === 8 || e.keyCode === 9) e.stopImmediatePropagation();
  }, true);
  ['wheel', 'mousewheel'].forEach(function (type) { box.addEventListener(type, function (e) { e.stopPropagation(); }, true); });

  var textWritten = 0, textTimer = 0;
  function writeText() {
    clearTimeout(textTimer);
    textTimer = 0;
    textWritten = performance.now();
    text.replaceChildren.apply(text, state.lines.map(function (line) {
      var p = document.createElement('p');
      p.textContent = line;
      return p;
    }));
  }

  function reportSize() {
    if (!Module.calledRun) return;
    var r = box.getBoundingClientRect();
    Module._likeloss_resize(r.width, r.height, window.devicePixelRatio || 1);
  }

  // A new devicePixelRatio (zoom, another screen) changes no CSS size: watch it separately.
  function watchRatio() {
    var query = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    query.addEventListener('change', function () { reportSize(); watchRatio(); }, { once: true });
  }

  var Module = window.Module = {
    canvas: canvas,
    print: function () {},
    printErr: function (t) { console.warn(t); },
    onAbort: function (what) { tell('boot_stopped', what); },
    // Our own download of the .wasm: compiled while it streams in, and a failed download becomes
    // a message rather than an unhandled rejection and a blank box.
    instantiateWasm: function (imports, receive) {
      wasm.then(function (res) {
        // A host that serves .wasm with the wrong type defeats streaming: compile from bytes.
        return WebAssembly.instantiateStreaming(res, imports).catch(function () {
          return getWasm().then(function (again) { return again.arrayBuffer(); })
            .then(function (bytes) { return WebAssembly.instantiate(bytes, imports); });
        });
      }).then(function (result) {
        // The program's memory, for measurements (bench/run.mjs): it starts small and grows.
        var exports = result.instance.exports;
        var memory = Object.keys(exports).map(function (k) { return exports[k]; })
          .filter(function (v) { return v instanceof WebAssembly.Memory; })[0];
        state.memoryBytes = function () { return memory ? memory.buffer.byteLength : 0; };
        receive(result.instance, result.module);
      }, function (e) {
        tell('boot_download', e && e.message || e);
      }).catch(function (e) {  // the program threw as it started (an engine without WebGL's names)
        tell('boot_start', e && e.message || e);
      });
      return {};
    },
    likeloss: {
      // Whether the widget is in (or near) the view, and its canvas's size, for the program's start.
      inView: function () { return inView; },
      reportSize: reportSize,
      attach: function (noContext) {
        deferred = noContext;
        new ResizeObserver(reportSize).observe(box);
        watchRatio();
        followView();
      },
      // The text copy is a polite live region: news (a new feed, a message) is written at once,
      // the counter's ticks at most every ten seconds, so a screen reader is not flooded.
      setText: function (lines, urgent) {
        state.lines = lines;
        var wait = 10000 - (performance.now() - textWritten);
        if (!urgent && wait > 0) {
          if (!textTimer) textTimer = setTimeout(writeText, wait);
          return;
        }
        writeText();
      },
      setTooltip: function (lines) { state.tooltip = lines; },
      // The card's colours, for its figures shown as text (no WebGL, a lost context).
      setColors: function (bg, fg, accent) {
        var card = document.getElementById('likeloss');
        card.style.setProperty('--likeloss-bg', bg);
        card.style.setProperty('--likeloss-fg', fg);
        card.style.setProperty('--likeloss-accent', accent);
      },
      setContentHeight: function (px) {
        box.style.height = px + 'px';
      },
      frameDrawn: function () {
        if (!state.frames++) state.firstFrameAt = performance.now();  // for bench/run.mjs
        // Pictures asked for are taken in the frame that drew them: WebGL clears what it drew once shown.
        snapshots.splice(0).forEach(function (done) { canvas.toBlob(done, 'image/png'); });
      },
      setData: function (json) { state.data = JSON.parse(json); },
      // The widget's language: the page's messages, <html lang dir> and the text copy follow it.
      // The widget's own page (widget.html) takes it whole; the standalone page keeps its own
      // language around the widget.
      setLanguage: function (tag, rtl, said) {
        for (var id in said) words[id] = said[id];
        if (shown) tell(shown[0], shown[1]);
        var own = document.documentElement.classList.contains('likeloss-embedded');
        if (own && said.page_title) document.title = said.page_title;
        [own ? document.documentElement : document.getElementById('likeloss'), text, status].forEach(function (el) {
          el.lang = tag;
          el.dir = rtl ? 'rtl' : 'ltr';
        });
        state.lang = tag;
      },
      fatal: fail,
      // The visitor's words fetched above, for the program, which would otherwise fetch them.
      take: function (name) {
        var got = early && early[0] === name ? early[1] : null;
        early = null;
        return got;
      }
    }
  };

  window.addEventListener('error', function (e) {
    if (/likeloss/.test(e.filename || '')) tell('boot_start', e.message);
  });
  // A failure in a promise of the program's (its stack names likeloss.js), which no 'error' event reports.
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    if (!state.frames && script && (r && r.stack || '').indexOf(script.src) >= 0) tell('boot_start', r.message || r);
  });
  if (script) script.addEventListener('error', function () { tell('boot_download', 'likeloss.js'); });
})();
