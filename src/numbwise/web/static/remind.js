// numbwise break reminders while the Exercises page is open: a browser notification every interval,
// or an on-page banner when notifications are not allowed. Without this file the page says to use `numbwise remind`.
(function () {
  "use strict";
  var KEY = "numbwise.remind.interval";

  function $(id) { return document.getElementById(id); }

  document.addEventListener("DOMContentLoaded", function () {
    var root = $("remind");
    if (!root) { return; }
    var form = $("remind-form"), input = $("remind-interval"), stop = $("remind-stop"), allow = $("remind-allow");
    var status = $("remind-status"), banner = $("remind-banner"), dismiss = $("remind-dismiss");
    var speed = parseFloat(root.getAttribute("data-speed")) || 1;
    var timer = null;
    var canNotify = "Notification" in window;

    root.querySelector(".nojs").hidden = true;
    form.hidden = false;
    try { var saved = window.localStorage.getItem(KEY); if (saved) { input.value = saved; } } catch (e) { /* private mode */ }

    function permissionText() {
      if (!canNotify) { return "This browser cannot show notifications, so the reminder shows on this page."; }
      if (Notification.permission === "granted") { return "Notifications are allowed."; }
      if (Notification.permission === "denied") { return "Notifications are blocked, so the reminder shows on this page."; }
      return "Notifications are not allowed yet; until then the reminder shows on this page.";
    }
    allow.hidden = !canNotify || Notification.permission !== "default";

    function remind() {
      var shown = false;
      if (canNotify && Notification.permission === "granted") {
        try {
          var n = new Notification("Time for a hand break", {
            body: root.getAttribute("data-break-name") ?
              "Rest your hands, or do the " + root.getAttribute("data-break-name") + " routine." : "Rest your hands for a minute.",
            tag: "numbwise-break"
          });
          n.onclick = function () { window.focus(); window.location.href = root.getAttribute("data-break-url"); };
          shown = true;
        } catch (e) { shown = false; }
      }
      banner.hidden = false;
      root.setAttribute("data-reminded", String((parseInt(root.getAttribute("data-reminded") || "0", 10)) + 1));
      root.setAttribute("data-notified", shown ? "true" : "false");
    }

    function minutes() {
      var m = parseInt(input.value, 10);
      var lo = parseInt(input.min, 10), hi = parseInt(input.max, 10);
      if (isNaN(m) || m < lo || m > hi) { return null; }
      return m;
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var m = minutes();
      if (m === null) {
        status.textContent = "Type a number of minutes from " + input.min + " to " + input.max + ".";
        input.setAttribute("aria-invalid", "true");
        input.focus();
        return;
      }
      input.removeAttribute("aria-invalid");
      try { window.localStorage.setItem(KEY, String(m)); } catch (e) { /* private mode */ }
      if (timer) { window.clearInterval(timer); }
      timer = window.setInterval(remind, m * 60000 / speed);
      stop.hidden = false;
      root.setAttribute("data-running", "true");
      status.textContent = "Reminders on: every " + m + " minutes while this page is open. " + permissionText();
    });
    stop.addEventListener("click", function () {
      if (timer) { window.clearInterval(timer); timer = null; }
      stop.hidden = true;
      root.setAttribute("data-running", "false");
      status.textContent = "Reminders off.";
    });
    allow.addEventListener("click", function () {
      if (!canNotify) { return; }
      Notification.requestPermission().then(function () {
        allow.hidden = Notification.permission !== "default";
        status.textContent = permissionText();
      });
    });
    dismiss.addEventListener("click", function () { banner.hidden = true; input.focus(); });
  });
})();
