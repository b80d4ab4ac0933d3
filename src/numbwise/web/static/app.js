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
  // The check: stepping back (the browser's Back) shows a step with the answers the person gave there, not
  // an empty form. Each answer is kept in this tab only (sessionStorage), under the step's signed state,
  // which already carries every earlier answer; the page itself never presets anything.
  var KEEP = "numbwise-step:";
  function stepForm(root) {
    var form = root.querySelector("form.check");
    var state = form && form.querySelector("input[name='state']");
    return state ? {form: form, key: KEEP + state.value} : null;
  }
  function remember(step, submitter) {
    var kept = [];
    if (submitter && submitter.name === "answer") { kept.push(["answer", submitter.value, "submit"]); }
    step.form.querySelectorAll("input").forEach(function (el) {
      if (el.name === "csrf" || el.name === "state" || el.type === "hidden") { return; }
      if ((el.type === "radio" || el.type === "checkbox") ? el.checked : el.value !== "") {
        kept.push([el.name, el.value, el.type]);
      }
    });
    try { window.sessionStorage.setItem(step.key, JSON.stringify(kept)); } catch (e) { /* storage off: nothing kept */ }
  }
  function restore(step) {
    var kept;
    try { kept = JSON.parse(window.sessionStorage.getItem(step.key) || "null"); } catch (e) { kept = null; }
    if (!kept || !kept.length) { return; }
    var none = kept.some(function (k) { return k[0] === "answer" && k[1] === "none"; });
    var filled = 0;  // only what is really put back counts: a page with nothing filled in says nothing about it
    kept.forEach(function (k) {
      step.form.querySelectorAll("input").forEach(function (el) {
        if (el.name !== k[0]) { return; }
        if (el.type === "radio" || el.type === "checkbox") {
          if (el.value === k[1]) { el.checked = true; filled += 1; }
        } else if (el.type === k[2]) { el.value = k[1]; filled += 1; }
      });
    });
    if (none) {  // "No to all I left blank" answered every item left blank No: show those No answers too
      step.form.querySelectorAll("fieldset.yn").forEach(function (group) {
        var no = group.querySelector("input[type='radio'][value='no']");
        if (no && !group.querySelector("input[type='radio']:checked")) { no.checked = true; filled += 1; }
      });
    }
    var text = "";
    if (filled) {
      // "nothing is filled in for you" is no longer so, in any hint of the page (walkthrough AX, Priya: after
      // "Yes, one or more" it stayed under "Your answers from before are filled in"): the note below says what is
      step.form.querySelectorAll(".nothing-filled").forEach(function (el) { el.hidden = true; });
      text = "Your answers from before are filled in. Change any, then continue.";
    } else {
      // a question answered with one press (Yes, No, a choice): no Continue to press, so say which it was
      var pressed = kept.filter(function (k) { return k[0] === "answer" && k[2] === "submit"; })[0];
      var was = pressed && step.form.querySelector("button[name='answer'][value='" + pressed[1] + "']:not(.primary)");
      if (was && !step.form.querySelector("fieldset.yn")) {
        was.classList.add("chosen");
        text = "You answered \u201c" + was.textContent.trim() + "\u201d before. Press it again, or choose another answer.";
      }
    }
    if (!text) { return; }
    var note = document.createElement("p");
    note.className = "help kept";
    note.textContent = text;
    var h1 = step.form.querySelector("h1");
    if (h1) { h1.insertAdjacentElement("afterend", note); }
  }
  function wireCheck(root) {
    var step = stepForm(root);
    if (!step || step.form.dataset.kept) { return; }
    step.form.dataset.kept = "1";
    restore(step);
    step.form.addEventListener("submit", function (e) { remember(step, e.submitter); });
  }
  // The check's history: one entry per step, kept here rather than by htmx (historyEnabled is off), so each entry
  // remembers its step and the steps behind it. The in-page Back then goes back through those same entries, as
  // the browser's Back does, instead of adding a new one that the browser's Back would undo (forward again).
  function stepHere() {
    var el = document.querySelector("#main [data-step]");
    return el ? el.getAttribute("data-step") : null;
  }
  function stamp() {
    var step = stepHere();
    if (step === null) { return; }
    var was = window.history.state || {};
    var url = window.location.href;
    var state = document.querySelector("#main form.check input[name='state']");
    if (state && window.location.pathname === "/check" && !window.location.search) {
      url = "/check?at=" + state.value;  // the first step too: coming back to it shows the same check, answers kept
    }
    window.history.replaceState({htmx: true, trail: was.trail || [], step: step}, "", url);
  }
  document.addEventListener("htmx:pushedIntoHistory", function (e) {
    var was = window.history.state || {};
    var trail = (was.trail || []).concat([was.step || ""]).slice(-100);
    window.history.pushState({htmx: true, trail: trail, step: ""}, "", e.detail.path);
  });
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("#main form.back[data-back]")) { return; }
    var want = form.getAttribute("data-back");
    var trail = (window.history.state || {}).trail || [];
    var at = want ? trail.lastIndexOf(want) : -1;
    if (at < 0) { return; }  // not behind us in this tab: the server's Back shows it (a new entry)
    e.preventDefault();
    e.stopPropagation();  // before htmx sees it (this listener runs first, while capturing)
    window.history.go(at - trail.length);
  }, true);
  function wire(root) {
    stamp();
    wireCheck(root);
    var print = root.querySelector("#print");
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () { window.print(); });
    }
  }
  // A printed result is read on paper, where nothing can be tapped open: print the folded lists open, then
  // fold them again (what the person had opened stays open).
  var unfolded = [];
  window.addEventListener("beforeprint", function () {
    unfolded = [];
    document.querySelectorAll("#main details.fold:not([open]), #main details.your-answers:not([open])").forEach(function (d) {
      d.open = true;
      unfolded.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    unfolded.forEach(function (d) { d.open = false; });
    unfolded = [];
  });
  // The browser's Back to a step htmx kept in its history: its stored page has no answers ticked.
  document.addEventListener("htmx:historyRestore", function () { wireCheck(document); });
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
