// Runs in <head>, before the first paint (a small file, not deferred, so the
// strict Content-Security-Policy needs no inline script).
// 1. index.html holds every view drawn at build time for its default address
//    (the default view, ?view=trend, ?view=breakdown, ?view=bridge); this
//    shows the one asked for (html.view-…). Any other address (years, units,
//    language, an embed) hides the drawn page until the app has drawn its
//    own (html.other-view): the wrong chart never flashes.
// 2. Clicks on the drawn page before the app has started are recorded as
//    the index of the control clicked (data-clicks on #app); the app replays
//    them on its own controls when it takes over (src/ui/take_over.rs).
// 3. While a pointer or the space bar is held down on the drawn page, the
//    app waits to take over (data-pressing on #app), so that a press begun
//    on a drawn control ends on it and its click is recorded, not lost.
(function () {
  var DRAWN = ['trend', 'breakdown', 'bridge']; // as src/bin/prerender.rs draws them
  var CONTROLS = 'button, input, summary'; // as in take_over.rs
  var asked = location.search
    .replace(/^\?/, '')
    .split('&')
    .filter(function (part) {
      return part && !/^utm_/.test(part);
    });
  var view = 'compare';
  if (asked.length === 1 && /^view=/.test(asked[0]) && DRAWN.indexOf(asked[0].slice(5)) >= 0) view = asked[0].slice(5);
  else if (asked.length && asked[0] !== 'view=compare') document.documentElement.classList.add('other-view');
  if (view !== 'compare') document.documentElement.classList.add('view-' + view);

  // The views not shown leave the page, so that ids and control indices are the app's.
  document.addEventListener('DOMContentLoaded', function () {
    var views = document.querySelectorAll('#app .drawn-view');
    for (var i = 0; i < views.length; i++) {
      if (views[i].getAttribute('data-view') !== view) views[i].remove();
    }
  });

  function pressing(held) {
    var root = document.getElementById('app');
    if (!root || !root.hasAttribute('data-prerendered')) return;
    if (held) root.setAttribute('data-pressing', '');
    else root.removeAttribute('data-pressing');
  }
  document.addEventListener('pointerdown', function () { pressing(true); }, true);
  document.addEventListener('pointerup', function () { pressing(false); }, true);
  document.addEventListener('pointercancel', function () { pressing(false); }, true);
  document.addEventListener('keydown', function (event) { if (event.key === ' ') pressing(true); }, true);
  document.addEventListener('keyup', function (event) { if (event.key === ' ') pressing(false); }, true);

  var clicks = [];
  document.addEventListener(
    'click',
    function (event) {
      var root = document.getElementById('app');
      if (!root || !root.hasAttribute('data-prerendered') || !event.target.closest) return;
      var control = event.target.closest(CONTROLS);
      if (!control || !root.contains(control)) return;
      var controls = Array.prototype.filter.call(root.querySelectorAll(CONTROLS), function (each) {
        var part = each.closest('.drawn-view');
        return !part || part.getAttribute('data-view') === view;
      });
      var index = controls.indexOf(control);
      if (index < 0) return;
      clicks.push(index);
      root.setAttribute('data-clicks', clicks.join(','));
    },
    true,
  );
})();
