// numbwise exercise player: counts down the phases the server sends (no dose logic here).
// Without this file the page still shows every step and the "Done?" form.
(function () {
  "use strict";
  var TICK_MS = 100;

  function $(id) { return document.getElementById(id); }

  function Beeper() {
    var ctx = null;
    return {
      wake: function () {
        var AC = window.AudioContext || window.webkitAudioContext;
        if (!ctx && AC) { try { ctx = new AC(); } catch (e) { ctx = null; } }
        if (ctx && ctx.state === "suspended") { ctx.resume(); }
      },
      beep: function () {
        if (!ctx) { return; }
        try {
          var osc = ctx.createOscillator();
          var gain = ctx.createGain();
          var t = ctx.currentTime;
          osc.type = "sine";
          osc.frequency.value = 880;
          gain.gain.setValueAtTime(0.0001, t);
          gain.gain.exponentialRampToValueAtTime(0.3, t + 0.02);
          gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.35);
          osc.connect(gain);
          gain.connect(ctx.destination);
          osc.start(t);
          osc.stop(t + 0.4);
        } catch (e) { /* sound is a bonus */ }
      }
    };
  }

  function start(root, data) {
    var speed = parseFloat(root.getAttribute("data-speed")) || 1;
    var phases = data.phases;
    var el = {
      headline: $("p-headline"), hand: $("p-hand"), pic: $("p-pic"), ring: $("p-ring"), count: $("p-count"),
      say: $("p-say"), counters: $("p-counters"), live: $("p-live"), start: $("p-start"), pause: $("p-pause"),
      skip: $("p-skip"), next: $("p-next"), seconds: $("done-seconds"), timer: $("done-timer"), doneTitle: $("done-title"),
      hint: $("done-hint")
    };
    var workTotal = phases.filter(function (p) { return p.work; }).length;
    var beeper = Beeper();
    var state = { index: 0, elapsed: 0, paused: false, running: false, last: 0, active: 0, timer: null, shown: -1,
                  workDone: 0, workSkipped: 0, finished: false };

    // What the timer saw, kept in the form all along (the person may answer before the end):
    // the active seconds, and the answer it suggests (as the terminal player does).
    function outcome() {
      if (state.workDone === 0) { return "skipped"; }
      return state.workDone === workTotal && state.finished ? "done" : "partial";
    }

    function record() {
      el.seconds.value = String(Math.round(state.active));
      el.timer.value = "1";
      var want = outcome();
      var buttons = document.querySelectorAll("#done-form button[name=outcome]");
      for (var i = 0; i < buttons.length; i += 1) {
        var on = buttons[i].value === want;
        buttons[i].classList.toggle("primary", on);
        if (on) { buttons[i].setAttribute("data-suggested", "true"); } else { buttons[i].removeAttribute("data-suggested"); }
      }
      if (el.hint) {
        // the hint names the very answer highlighted above, so the two never disagree
        var label = "";
        for (var j = 0; j < buttons.length; j += 1) { if (buttons[j].value === want) { label = buttons[j].textContent; } }
        var why = want === "skipped" ? "Nothing was done the full time" : state.workSkipped > 0 ? "Some steps were skipped" : "";
        el.hint.textContent = (why && label ? why + ", so \u201c" + label + "\u201d is suggested. " : "") +
          "Timer: " + Math.round(state.active) + " seconds.";
      }
    }

    function announce(text) {
      el.live.textContent = "";
      window.setTimeout(function () { el.live.textContent = text; }, 30);
    }

    function show(enter) {
      var p = phases[state.index];
      var ex = data.exercises[p.exercise];
      var step = ex.steps[p.step];
      if (enter) {
        el.headline.textContent = p.headline;
        el.hand.hidden = p.side === null;
        el.hand.textContent = p.hand;
        el.hand.className = "hand-tag" + (p.side ? " side-" + p.side : "");
        if (el.pic.getAttribute("src") !== step.picture) { el.pic.setAttribute("src", step.picture); }
        el.pic.setAttribute("alt", step.alt);
        el.say.textContent = ex.name + ": " + step.say;
        el.counters.textContent = "Exercise " + (p.exercise + 1) + " of " + data.exercises.length +
          " \u00b7 Rep " + p.rep + " of " + p.reps + (p.sets > 1 ? " \u00b7 Set " + p.set + " of " + p.sets : "");
        root.setAttribute("data-kind", p.kind);
        root.setAttribute("data-phase", String(state.index));
        announce(p.cue);
      }
      var left = Math.max(0, Math.ceil(p.seconds - state.elapsed - 1e-9));
      el.count.textContent = String(left);
      var fraction = Math.min(1, state.elapsed / p.seconds);
      el.ring.setAttribute("stroke-dashoffset", String(Math.round(fraction * 1000) / 10));
    }

    function finish() {
      window.clearInterval(state.timer);
      state.running = false;
      state.finished = true;
      record();
      el.headline.textContent = "Finished";
      el.hand.hidden = true;
      el.count.textContent = "0";
      el.ring.setAttribute("stroke-dashoffset", "100");
      el.say.textContent = "Well done. Did you do it?";
      el.pause.hidden = true;
      el.skip.hidden = true;
      el.next.hidden = true;
      el.start.hidden = true;
      root.setAttribute("data-kind", "finished");
      announce("Finished. Did you do it? Choose Done, Partly or Not done.");
      el.doneTitle.focus();
    }

    function advance(skipped) {
      if (phases[state.index].work) {
        if (skipped) { state.workSkipped += 1; } else { state.workDone += 1; }
      }
      state.index += 1;
      state.elapsed = 0;
      if (state.index >= phases.length) { finish(); return; }
      show(true);
    }

    function tick() {
      var now = performance.now();
      var delta = (now - state.last) / 1000 * speed;
      state.last = now;
      if (state.paused || !state.running) { return; }
      state.elapsed += delta;
      state.active += delta;
      while (state.running && state.elapsed >= phases[state.index].seconds - 1e-9) {
        var over = state.elapsed - phases[state.index].seconds;
        if (phases[state.index].beep) {
          beeper.beep();
          root.setAttribute("data-beeps", String(parseInt(root.getAttribute("data-beeps") || "0", 10) + 1));
        }
        advance(false);
        if (!state.running || state.index >= phases.length) { return; }
        state.elapsed = Math.max(0, over);
      }
      show(false);
      record();
    }

    el.start.addEventListener("click", function () {
      beeper.wake();
      state.running = true;
      state.last = performance.now();
      el.start.hidden = true;
      el.pause.hidden = false;
      el.skip.hidden = false;
      el.next.hidden = false;
      show(true);
      record();
      state.timer = window.setInterval(tick, TICK_MS);
      el.pause.focus({ preventScroll: true });
      // the whole player on screen (the hand prompt above the ring), not just the buttons
      if (root.scrollIntoView) { root.scrollIntoView({ block: "start" }); }
    });
    el.pause.addEventListener("click", function () {
      tick();
      state.paused = !state.paused;
      state.last = performance.now();
      el.pause.textContent = state.paused ? "Resume" : "Pause";
      el.pause.setAttribute("aria-pressed", state.paused ? "true" : "false");
      root.setAttribute("data-paused", state.paused ? "true" : "false");
      announce(state.paused ? "Paused." : "Going again.");
    });
    // Skip exercise leaves every phase left of the current exercise; Next step leaves only the one on screen.
    el.skip.addEventListener("click", function () {
      tick();
      if (!state.running) { return; }
      var current = phases[state.index].exercise;
      while (state.running && state.index < phases.length && phases[state.index].exercise === current) {
        if (phases[state.index].work) { state.workSkipped += 1; }
        state.index += 1;
        state.elapsed = 0;
      }
      if (state.index >= phases.length) { finish(); return; }
      show(true);
      record();
    });
    el.next.addEventListener("click", function () {
      tick();
      if (state.running) { advance(true); }
      if (state.running) { record(); }
    });
    el.pause.setAttribute("aria-pressed", "false");
    el.counters.textContent = data.exercises.length + " exercises, about " + Math.ceil(data.total_seconds / 60) + " min.";
    root.hidden = false;
    root.setAttribute("data-ready", "true");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = $("player");
    if (!root || !window.fetch) { return; }
    fetch(root.getAttribute("data-timeline"), { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error("timeline " + r.status); } return r.json(); })
      .then(function (data) { start(root, data); })
      .catch(function () { /* the readable steps and the form still work */ });
  });
})();
