// numbwise diary: show the slider's number as it moves. The form works without this file.
(function () {
  "use strict";
  function wire() {
    var slider = document.getElementById("severity");
    var out = document.getElementById("severity-value");
    if (!slider || !out) { return; }
    out.hidden = false;
    var show = function () { out.textContent = slider.value; };
    slider.addEventListener("input", show);
    show();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
