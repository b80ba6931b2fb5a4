// Arabic's extras, loaded by a widget that shows Arabic (src/web/library_likeloss.js, which passes
// its own fetch and copy helpers): FriBidi compiled to arabic.wasm (no imports, no JavaScript glue)
// and Noto Sans Arabic in two weights, all beside likeloss.js, and the call that shapes one line.
window.likelossArabic = function (program) {
  'use strict';
  Promise.all(['arabic.wasm', 'fonts/NotoSansArabic-Regular.ttf', 'fonts/NotoSansArabic-Bold.ttf'].map(program.get))
    .then(function (got) {
      return WebAssembly.instantiate(got[0], {}).then(function (module) {
        var a = module.instance.exports;
        a._initialize();
        // One line in display order, shaped (src/shaping/visual.cpp): a new string the program frees.
        program.module.likelossShape = function (ptr, len, rtl) {
          var input = a.likeloss_alloc(len + 1);
          new Uint8Array(a.memory.buffer).set(program.heap().subarray(ptr, ptr + len), input);  // the heap of now: memory grows
          var output = a.likeloss_visual(input, len, rtl);
          a.likeloss_free(input);
          var memory = new Uint8Array(a.memory.buffer);
          var line = program.copy(memory.subarray(output, memory.indexOf(0, output)))[0];
          a.likeloss_free(output);
          return line;
        };
        var regular = program.copy(got[1]), bold = program.copy(got[2]);
        program.ready(regular[0], regular[1], bold[0], bold[1], 0);
      });
    }).catch(program.failed);
};
