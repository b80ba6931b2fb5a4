// The reference page's Module: its canvas and the streamed .wasm, as the widget's page does.
window.Module = { canvas: document.getElementById('canvas'), print: function () {}, printErr: function () {} };
