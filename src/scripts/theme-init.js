// Applies the reader's stored theme before the first paint. Served as /theme-init.js
// (src/pages/theme-init.js.ts) and loaded by a blocking <script src> in <head>: an inline script would
// break the CSP (script-src 'self'). Keep it tiny; it holds up rendering.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  // An embed (or any shared link) may ask for a theme: /embed/graph/?theme=dark.
  var asked = /[?&]theme=(light|dark)(?:&|$)/.exec(location.search);
  if (asked) return root.setAttribute('data-theme', asked[1]);
  try {
    var theme = localStorage.getItem('docgraph-theme');
    if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  } catch (e) {
    // Storage blocked (privacy settings): follow the system preference.
  }
})();
