"""Walkthrough AC3 (Frank, 70, high blood pressure): a call-now result says no slower time and no reassuring cause.

Frank woke with his left hand numb and his speech slurred; both went away within about 20 minutes and he wonders if
he slept on it. Step by step he was not sure about slurred speech, picked "I first noticed it on waking", the whole
left hand, then "Answer a few questions". The result said "CALL YOUR EMERGENCY NUMBER NOW", but "Why this level" ended
"... so a doctor should see you today" (the urgent short-spell rule's reason), and the causes led with "Most likely:
Temporary nerve pressure ("my arm fell asleep")" at about 8 in 10, stroke about 1 in 10: it confirmed "I slept on it"
under a call-now headline. If he picked "see what to do now" instead, stroke was not listed at all. A sign that may
have come and gone needs the call even if it has gone (NHS TIA page). Now under a call-now banner no reason says a
slower time, the cause the call is for (stroke or mini-stroke) is named first as what must be ruled out, and the
other causes follow as secondary, with no chances. Hit: Frank not sure of his speech. Emergency: speech answered yes
(no causes, as on every emergency). Near miss: speech answered no and a slow start keeps its "Most likely".
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan, run_cli, with_findings

LEAD = load().triage.unsure_lead["emergency"]
SCREEN = load().interview.steps[0]
SPEECH = list(SCREEN.items).index("speech_difficulty") + 1  # the terminal's number for it
HISTORY_RISK = "19"  # "You have high blood pressure, high cholesterol or heart disease" on the history list
# Frank step by step: ?speech, no to the rest; less than a day; on waking; whole left hand; "Answer a few questions";
# 70, male; where else: none; other signs: none; "It went away completely within an hour" (7), no to the rest; the
# next list none; history: high blood pressure, no to the rest
FRANK_KEYS = "\n".join([f"?{SPEECH}", "", "1", "5", "L0", "2", "70", "m", "", "", "7", "", "", HISTORY_RISK, ""]) + "\n"
# ... and "see what to do now" at the call-now screen
FRANK_NOW_KEYS = "\n".join([f"?{SPEECH}", "", "1", "5", "L0", "1"]) + "\n"
FRANK: dict[str, Any] = {"age": 70, "sex": "male", "unsure": ["speech_difficulty", "onset_sudden"], "findings": {
    "one_hand": True, "episode_resolved_within_hour": True, "vascular_risk": True}}
FRANK_YES: dict[str, Any] = {**with_findings(FRANK, speech_difficulty=True), "unsure": ["onset_sudden"]}
# near miss: speech answered no and the numbness came on slowly over weeks, in the carpal tunnel fingers
CALM: dict[str, Any] = {"age": 70, "sex": "male", "unsure": [], "findings": {
    "one_hand": True, "speech_difficulty": False, "onset_sudden": False, "onset_gradual": True, "numb_thumb": True,
    "numb_index": True, "numb_middle": True, "worse_at_night": True, "shaking_relieves": True, "vascular_risk": True}}
SLOWER = re.compile(r"\btoday\b|\bsame day\b|\bwithin (24 hours|a day|a few days)\b|\bsee (a|your) (doctor|GP)\b"
                    r"|\bbook\b|\btwo weeks\b", re.I)
CHANCE = re.compile(r"\b\d+ in \d+\b")


def _check(keys: str) -> str:
    """`numbwise --plain check --no-diary` with these keys: the printed text, one space between words."""
    run = run_cli("--plain", "check", "--no-diary", input=keys)
    assert run.code in (0, 130), run.err + run.out
    return " ".join(run.out.split())


def _part(text: str, start: str, end: str) -> str:
    """The text from the last `start` to the next `end` after it."""
    return text.rsplit(start, 1)[1].split(end, 1)[0]


def test_frank_step_by_step_call_now_says_no_slower_time_and_names_stroke_first() -> None:
    """The terminal walk as the reviewer did it: the why never says "today", stroke leads the causes as what must be
    ruled out, the common causes follow under their own heading, and no cause has a chance."""
    out = _check(FRANK_KEYS)
    assert "URGENCY: CALL YOUR EMERGENCY NUMBER NOW" in out
    why = _part(out, "Why this level", "What may be causing it")
    assert not SLOWER.search(why), why
    causes = _part(out, "What may be causing it (not a diagnosis)", "Note: numbwise")
    assert "Most likely" not in causes
    assert not CHANCE.search(causes), causes
    others = " ".join(LEAD.now_others_heading.split())  # type: ignore[union-attr]
    # his no to pressure on the arm keeps "my arm fell asleep" off the list (walkthrough AD, Amir): carpal tunnel follows
    assert causes.index("Stroke or mini-stroke (TIA)") < causes.index(others) < causes.index("Carpal tunnel syndrome")


def test_frank_see_what_to_do_now_lists_stroke_first() -> None:
    """"See what to do now" at the call-now screen: stroke was not listed at all, carpal tunnel led "because it is
    common"; now stroke leads as what must be ruled out and the rest follow as other causes."""
    out = _check(FRANK_NOW_KEYS)
    causes = _part(out, "What may be causing it (not a diagnosis)", "Note: numbwise")
    others = " ".join(LEAD.now_others_heading.split())  # type: ignore[union-attr]
    assert causes.index("Stroke or mini-stroke (TIA)") < causes.index(others)
    assert "Most likely" not in causes and not CHANCE.search(causes)


def test_frank_plan_call_now_reasons_and_causes(tmp_path: Path) -> None:
    """The plan every face renders: one path call now, no reason with a slower time, stroke first as the cause to rule
    out (headline in the gone-spell words), the others after `others_heading`, no chances and no cause's advice."""
    plan = assess_plan(FRANK, tmp_path)
    assert plan["caution_now"] and plan["level"] == "urgent"
    assert not [w for w in plan["why"] if SLOWER.search(w)], plan["why"]
    assert plan["causes"][0]["id"] == "stroke_tia"
    assert not plan["told_apart"] and not plan["headline"].startswith("Most likely")
    assert "mini-stroke" in plan["headline"] and "even though it has gone" in plan["headline"]
    assert plan["others_heading"] and len(plan["causes"]) > 1
    assert all(c["short"] == "" and c["chance"] == "" for c in plan["causes"])
    assert plan["advice"] is None


def test_the_stroke_to_rule_out_first_does_not_list_the_signs_again(tmp_path: Path) -> None:
    """Under the rule-out-first headline the stroke's line says no list of the signs not sure of, nor "if that might be
    true, call now", a second time: the headline says why it is listed and what the call is for, and the banner's
    groups list the signs (the web page of a person not sure of everything grew by a screen, walkthrough AC)."""
    from tests.test_walk_y_helen import HELEN_STEP

    for case in (FRANK, HELEN_STEP):
        plan = assess_plan(case, tmp_path)
        stroke = plan["causes"][0]
        assert stroke["id"] == "stroke_tia" and plan["headline"].startswith(("A stroke", "A stroke or mini-stroke"))
        assert "You were not sure" not in stroke["note"] and "call your emergency number" not in stroke["note"], stroke
        assert plan["unsure"] and plan["title"].lower().startswith("call your emergency number")


def test_emergency_speech_yes_has_no_causes_and_stroke_to_read_later(tmp_path: Path) -> None:
    """Speech answered yes: the emergency level's own rule for causes (none listed, the stroke page to read later)."""
    plan = assess_plan(FRANK_YES, tmp_path)
    assert plan["level"] == "emergency"
    assert plan["causes"] == [] and "stroke_tia" in [c for c, _ in plan["read_later"]]
    assert "Most likely" not in assess_cli(FRANK_YES, tmp_path)


def test_near_miss_speech_no_and_slow_start_keeps_most_likely(tmp_path: Path) -> None:
    """Speech answered no, the numbness came on slowly: no call-now path, the usual "Most likely" with its chance."""
    plan = assess_plan(CALM, tmp_path)
    assert not plan["caution_now"] and plan["level"] in ("routine", "self_care")
    assert plan["headline"].startswith("Most likely: Carpal tunnel syndrome")
    assert plan["others_heading"] == "" and plan["causes"][0]["short"]


def test_bob_not_sure_how_it_started_has_no_lone_does_not_change_line(tmp_path: Path) -> None:
    """Walkthrough AC, Bob (80, AF, a blood thinner, one whole hand, not sure how fast it started): the coherence
    line ("... so a doctor should see you today") lost its only sentence under call now and left a lone "It does not
    change what to do now" after the call-now reason. A reason that said only a slower time is now left out."""
    case = {"age": 80, "sex": "male", "findings": {"one_hand": True, "numb_whole_hand": True, "blood_thinners": True,
                                                   "atrial_fibrillation": True, "face_drooping": False,
                                                   "speech_difficulty": False}, "unsure": ["onset_sudden"]}
    plan = assess_plan(case, tmp_path)
    also = " ".join((LEAD.now_also or "").split())
    assert plan["caution_now"] and also and also not in plan["why"]
    assert not any(SLOWER.search(w) for w in plan["why"])
    assert plan["causes"][0]["id"] == "stroke_tia"


def test_the_step_check_now_box_says_its_checks_show_only_now() -> None:
    """Frank's slurred speech had gone; the step-by-step "Check now" box gave the face, arm and speech checks with no
    word that they show only what is happening now (the result said so). Near miss: a no to every sign, no box."""
    now_only = " ".join((SCREEN.if_unsure.now_only or "").split()) if SCREEN.if_unsure else ""
    out = _check(FRANK_NOW_KEYS)
    box = _part(out, SCREEN.if_unsure.title if SCREEN.if_unsure else "", "Question 2")
    assert now_only and now_only in box and box.index(now_only) > box.index("Speech:")
    calm = _check("\n35\nf\nq\n")
    assert now_only not in calm
