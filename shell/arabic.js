// Arabic's extras, loaded by a widget that shows Arabic (src/web/library_likeloss.js): FriBidi
// compiled to arabic.wasm (no imports, no JavaScript glue) and Noto Sans Arabic in two weights,
// all fetched beside this script, and the call that shapes one line for the program.
window.likelossArabic = function (program) {
  'use strict';
  function get(name) {
    return fetch(new URL(name, program.base).href, { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error(name + ': HTTP ' + res.status);
      return res.arrayBuffer();
    });
  }
  // Bytes into the program's memory, NUL-terminated: [pointer, length]. The heap is asked for
  // each time: it is replaced when the program's memory grows.
  function copy(bytes) {
    var ptr = program.malloc(bytes.length + 1);
    program.heap().set(bytes, ptr);
    program.heap()[ptr + bytes.length] = 0;
    return [ptr, bytes.length];
  }
  Promise.all(['arabic.wasm', 'fonts/NotoSansArabic-Regular.ttf', 'fonts/NotoSansArabic-Bold.ttf'].map(get))
    .then(function (got) {
      return WebAssembly.instantiate(got[0], {}).then(function (module) {
        var a = module.instance.exports;
        a._initialize();
        // One line in display order, shaped (src/shaping/visual.cpp): a new string the program frees.
        program.module.likelossShape = function (ptr, len, rtl) {
          var input = a.likeloss_alloc(len + 1);
          new Uint8Array(a.memory.buffer).set(program.heap().subarray(ptr, ptr + len), input);
          var output = a.likeloss_visual(input, len, rtl);
          a.likeloss_free(input);
          var memory = new Uint8Array(a.memory.buffer), end = memory.indexOf(0, output);
          var line = copy(memory.subarray(output, end))[0];
          a.likeloss_free(output);
          return line;
        };
        var regular = copy(new Uint8Array(got[1])), bold = copy(new Uint8Array(got[2]));
        program.ready(regular[0], regular[1], bold[0], bold[1], 0);
      });
    }).catch(function (e) { program.ready(0, 0, 0, 0, program.string(String(e && e.message || e))); });
};
