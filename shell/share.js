// The standalone page's "Share" and "Download image": the counter's headline sentence and this
// page's address (the Web Share API where the device has it, else copied), and a PNG of the counter
// as shown, at the screen's pixel density. Builds nothing from text; runs under the page's CSP.
(function () {
  'use strict';
  var bar = document.getElementById('likeloss-actions');
  if (!bar) return;
  var said = document.getElementById('likeloss-shared');
  var state = window.likeloss;
  function tell(text) {
    said.textContent = text;
    setTimeout(function () { said.textContent = ''; }, 3000);
  }
  // The headline as the widget says it (in its language), or the page's title before it has.
  function sentence() { return (state && state.lines && state.lines[0]) || document.title; }

  document.getElementById('likeloss-share').addEventListener('click', function () {
    var url = location.href.split('#')[0];
    if (navigator.share) {
      navigator.share({ title: document.title, text: sentence(), url: url }).catch(function () {});
      return;
    }
    var text = sentence() + ' ' + url;
    if (navigator.clipboard && navigator.clipboard.writeText)
      navigator.clipboard.writeText(text).then(function () { tell('Copied: the figure and the link.'); },
        function () { tell('Copying was refused: ' + url); });
    else tell(url);
  });

  document.getElementById('likeloss-download').addEventListener('click', function () {
    if (!state || !state.snapshot || state.error) {
      tell('There is no picture to download yet.');
      return;
    }
    state.snapshot(function (blob) {
      if (!blob) {
        tell('The picture could not be made.');
        return;
      }
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'likeloss-counter.png';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    });
  });
  bar.hidden = false;  // with scripts: the buttons work
})();
