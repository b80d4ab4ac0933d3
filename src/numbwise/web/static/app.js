// numbwise: small progressive extras. Every page works without this file.
(function () {
  "use strict";
  // htmx ignores 4xx replies by default, so a "please fix this" page (422) would never show. Our 4xx pages
  // are whole pages with the message beside the field: swap them in like any other step. 5xx stays an error.
  if (window.htmx) {
    window.htmx.config.responseHandling = [
      {code: "204", swap: false},
      {code: "[23]..", swap: true},
      {code: "4..", swap: true, error: false},
      {code: "...", swap: false, error: true}
    ];
  }
  function wire(root) {
    var print = root.querySelector("#print");
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    wire(document);
    // a refused form reloads at the top: bring its message into view and read it out
    var err = document.querySelector("#main .error[role='alert']");
    if (err && !document.querySelector("[autofocus]")) { err.setAttribute("tabindex", "-1"); err.focus(); }
  });
  // After htmx swaps in the next step, move focus: to the field a message is about, else to the message,
  // else to the heading, so a screen reader reads what changed.
  document.addEventListener("htmx:afterSettle", function () {
    var main = document.getElementById("main");
    if (!main) { return; }
    wire(main);
    var h1 = main.querySelector("h1");
    if (h1) { document.title = h1.textContent.trim() + " - numbwise"; }
    var target = main.querySelector("[aria-invalid='true']") || main.querySelector(".error[role='alert']") || h1;
    if (target) {
      if (!target.matches("input, select, textarea, button")) { target.setAttribute("tabindex", "-1"); }
      target.focus();
    }
  });
})();
