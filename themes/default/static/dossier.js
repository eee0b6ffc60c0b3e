// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Print briefings with every done-task list expanded.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.done-list").forEach(function (details) {
      details.dataset.wasOpen = details.open ? "1" : "";
      details.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details.done-list").forEach(function (details) {
      details.open = details.dataset.wasOpen === "1";
    });
  });
})();
