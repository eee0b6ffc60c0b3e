// Injected by `dossier serve` only: reloads the page after each build and shows build errors
// over it until the next good build.
(function () {
  "use strict";
  var overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("pre");
      overlay.setAttribute("role", "alert");
      overlay.id = "dossier-error";
      var s = overlay.style;
      s.position = "fixed"; s.inset = "0"; s.margin = "0"; s.padding = "2rem";
      s.background = "rgba(20, 20, 24, 0.94)"; s.color = "#ffb4ab"; s.zIndex = "2147483647";
      s.font = "14px/1.5 ui-monospace, Menlo, Consolas, monospace"; s.whiteSpace = "pre-wrap";
      s.overflow = "auto";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "dossier could not build the site:\n\n" + text;
  }
  var source = new EventSource("/__dossier/events");
  source.addEventListener("reload", function () { window.location.reload(); });
  source.addEventListener("failure", function (event) { show(event.data); });
})();
