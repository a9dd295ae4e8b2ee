// Runs in <head>, before the first paint (a small file, not deferred, so the
// strict Content-Security-Policy needs no inline script). What it knows of
// the drawn page, it reads from the page's own contract
// (<script type="application/json" id="drawn-page">, written by the build
// from src/prerendered.rs): the drawn views and their addresses, the
// controls it records, the marks it sets, the words it shows.
// 1. index.html holds every view drawn at build time for its default address;
//    this shows the one asked for (html.view-…). Any other address (years,
//    units, language, an embed) hides the drawn page until the app has drawn
//    its own (html.other-view): the wrong chart never flashes. Once the page
//    is parsed, the view shown is unwrapped and the others removed, so the
//    page is exactly what the app renders for that address: the app hydrates
//    it (src/ui/start.rs).
// 2. A click on the drawn page before the app is ready is recorded (as the
//    index of the control clicked), for the app to replay; the control shows
//    its new state at once (the browser's own), and each chart says that it
//    is being redrawn until the app has drawn it.
// 3. The app's wasm is preloaded at the first paint (below).
(function () {
  // 0. theme=light|dark (an embed matching its host) is set before the first
  //    paint, so the page never flashes in the other colours.
  var theme = /(?:^|[?&])theme=(light|dark)(?:&|$)/.exec(location.search);
  if (theme) document.documentElement.setAttribute('data-theme', theme[1]);

  // 3. The wasm is most of what a tap waits for: its download starts at the
  //    first paint, not when the app's module runs (a module waits for the
  //    whole page to be parsed and laid out: on a phone, half a second in
  //    which the network is idle). The module's fetch() takes the preload over.
  //    Should the module run first, it takes the address off this script's
  //    element (a second download would share the link for nothing).
  var script = document.currentScript;
  if (script && script.hasAttribute('data-app-wasm') && 'PerformanceObserver' in window) {
    try {
      new PerformanceObserver(function (list, observer) {
        observer.disconnect();
        var wasm = script.getAttribute('data-app-wasm');
        if (!wasm) return;
        var link = document.createElement('link');
        link.rel = 'preload';
        link.as = 'fetch';
        link.type = 'application/wasm';
        link.crossOrigin = 'anonymous';
        link.href = wasm;
        document.head.appendChild(link);
      }).observe({ type: 'paint', buffered: true });
    } catch (error) {
      // No paint timing: the module fetches the wasm when it runs.
    }
  }

  var block = document.getElementById('drawn-page');
  if (!block) return;
  var contract = JSON.parse(block.textContent);
  var marks = contract.marks;
  var drawn = {};
  contract.views.forEach(function (view) {
    drawn[view.query.replace(/^\?/, '')] = view.key;
  });
  var asked = location.search
    .replace(/^\?/, '')
    .split('&')
    .filter(function (part) {
      return part && !/^utm_/.test(part);
    })
    .join('&');
  var defaultView = contract.views[0].key;
  var view = drawn.hasOwnProperty(asked) ? drawn[asked] : asked === 'view=' + defaultView ? defaultView : null;
  if (view === null) document.documentElement.classList.add('other-view');
  else if (view !== defaultView) document.documentElement.classList.add('view-' + view);

  function drawnRoot() {
    var root = document.getElementById('app');
    return root && root.hasAttribute(marks.drawn) ? root : null;
  }

  // The view shown is unwrapped and the others leave the page, so that its
  // elements are the app's (and ids and control indices are unique).
  document.addEventListener('DOMContentLoaded', function () {
    var root = drawnRoot();
    if (!root || view === null) return;
    var parts = root.querySelectorAll('.drawn-view');
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].getAttribute('data-view') !== view) parts[i].remove();
      else parts[i].replaceWith.apply(parts[i], Array.prototype.slice.call(parts[i].childNodes));
    }
    root.setAttribute(marks.drawnView, view);
  });

  // Until the app answers, each chart shows that it is being redrawn: a
  // mark on its box (the style dims the drawing and shows the words), and
  // one polite status line for screen readers, outside the app's markup.
  function waitingForTheApp(root) {
    var canvases = root.querySelectorAll('.chart-canvas');
    for (var i = 0; i < canvases.length; i++) {
      canvases[i].setAttribute(marks.redrawing, contract.redrawing);
      canvases[i].setAttribute('aria-busy', 'true');
    }
    if (document.getElementById(marks.redrawingStatus)) return;
    var status = document.createElement('p');
    status.id = marks.redrawingStatus;
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    root.after(status);
    // Written once the region is in the page, so it is announced.
    setTimeout(function () {
      status.textContent = contract.redrawing;
    }, 0);
  }

  var clicks = [];
  document.addEventListener(
    'click',
    function (event) {
      var root = drawnRoot();
      if (!root || !event.target.closest) return;
      var control = event.target.closest(contract.controls);
      if (!control || !root.contains(control)) return;
      var controls = Array.prototype.filter.call(root.querySelectorAll(contract.controls), function (each) {
        var part = each.closest('.drawn-view');
        return !part || part.getAttribute('data-view') === view;
      });
      var index = controls.indexOf(control);
      if (index < 0) return;
      clicks.push(index);
      root.setAttribute(marks.clicks, clicks.join(','));
      if (control.tagName !== 'SUMMARY') waitingForTheApp(root);
    },
    true,
  );
})();
