// Runs in <head>, before the first paint (a small file, not deferred, so the
// strict Content-Security-Policy needs no inline script).
// 1. index.html holds the default view, drawn at build time. Any other
//    address (another view, years, language, an embed) hides it until the
//    app has drawn its own: the wrong chart never flashes.
// 2. Clicks on the drawn page before the app has started are recorded as
//    the index of the control clicked (data-clicks on #app); the app replays
//    them on its own controls when it takes over (src/ui/take_over.rs).
(function () {
  var asked = location.search
    .replace(/^\?/, '')
    .split('&')
    .filter(function (part) {
      return part && !/^utm_/.test(part);
    });
  if (asked.length) document.documentElement.classList.add('other-view');

  var CONTROLS = 'button, input, summary'; // as in take_over.rs
  var clicks = [];
  document.addEventListener(
    'click',
    function (event) {
      var root = document.getElementById('app');
      if (!root || !root.hasAttribute('data-prerendered') || !event.target.closest) return;
      var control = event.target.closest(CONTROLS);
      if (!control || !root.contains(control)) return;
      var index = Array.prototype.indexOf.call(root.querySelectorAll(CONTROLS), control);
      if (index < 0) return;
      clicks.push(index);
      root.setAttribute('data-clicks', clicks.join(','));
    },
    true,
  );
})();
