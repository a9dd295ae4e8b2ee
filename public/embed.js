// Host-page script for embedded budget explorer charts. Add it once to a page
// with one or more <iframe data-budget-explorer> (the app's "Bädda in" gives
// the snippet). It sizes each frame to its content and needs no inline code
// or style on the page, so it works under a strict Content-Security-Policy.
(function () {
  'use strict';
  var MESSAGE = 'budget-explorer:height';

  function frames() {
    return document.querySelectorAll('iframe[data-budget-explorer]');
  }

  function prepare(frame) {
    // Styles set through the DOM are not inline style attributes: CSP allows them.
    frame.style.border = '0';
    frame.style.width = '100%';
    frame.style.display = 'block';
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== MESSAGE || typeof data.height !== 'number' || !isFinite(data.height)) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      // Only the frame that sent the message is resized.
      if (list[i].contentWindow === event.source) {
        var height = Math.max(150, Math.min(10000, Math.ceil(data.height)));
        list[i].style.height = height + 'px';
        list[i].setAttribute('data-height', String(height));
      }
    }
  });

  function prepareAll() {
    var list = frames();
    for (var i = 0; i < list.length; i++) prepare(list[i]);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', prepareAll);
  } else {
    prepareAll();
  }
})();
