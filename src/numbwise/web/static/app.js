// numbwise: small progressive extras. Every page works without this file.
(function () {
  "use strict";
  function wire(root) {
    var print = root.querySelector("#print");
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }
  document.addEventListener("DOMContentLoaded", function () { wire(document); });
  // After htmx swaps in the next step, move focus to its heading so screen readers read it.
  document.addEventListener("htmx:afterSettle", function () {
    var main = document.getElementById("main");
    if (!main) { return; }
    wire(main);
    var h1 = main.querySelector("h1");
    if (h1) {
      h1.setAttribute("tabindex", "-1");
      h1.focus();
      document.title = h1.textContent.trim() + " - numbwise";
    }
  });
})();
