"""Walkthrough R: own words with an emergency in them keep the rest of what the words said (Anne, Nadia, Luis).

Confirming the emergency screen of the words ("Did we read you right?" yes) used to keep only the emergency signs:
Anne's warfarin, Luis's "two hours ago" and Nadia's usual aura were dropped unseen and asked again. Now every other
reading is shown back for a check the way readings always are (keep, drop, turn round), in the terminal and on the web,
and a kept reading that would lower the confirmed emergency is asked back once, never taken silently. Anne's stroke
lines ("tell them about a blood thinner", "do not eat or drink") were also tied to the rules a sudden start or an
unknown start set, not to her "over hours" rule: the same person now gets the same lines on every path.
"""

from __future__ import annotations

import re

from numbwise.assess.interview import (ALSO_UNDERSTOOD, after_emergency, answer, choice_answer, describe, emergency_beside,
                                       next_question, outcome, start)
from numbwise.parse import chips, emergency_answers, parse
from tests.conftest import assess_cli, run_cli

ANNE = ("I'm 81, woman, I take warfarin. Since yesterday evening my right hand and the right side of my face feel "
        "numb. My daughter on the phone thought my speech sounded a bit funny, I am not sure.")
NADIA = ("tingling spread slowly over 20 minutes from my fingers up my arm to my face, then my usual migraine headache, "
         "it is gone now, same as my usual aura")
LUIS = ("I'm 63, man. Two hours ago my left hand and the left corner of my mouth went numb at the same moment; it is "
        "still there. I feel fine otherwise and want to wait and see.")
WARFARIN = "above all a blood thinner (such as warfarin, apixaban or rivaroxaban)"
SWALLOW = "Do not eat or drink if you have trouble swallowing."
SIX_WEEKS = "Has it been going on for more than six weeks?"
KEYS = ["y", "", "2", "29", "f", "y", "n", "n", "n", "n", "1 2 3 4"] + ["?"] * 30  # Nadia's usual aura, as above


def _flat(text: str) -> str:
    return " ".join(text.split())


def _check(words: str, lines: list[str]) -> str:
    run = run_cli("--plain", "check", "--no-diary", "--describe", words, input="\n".join(lines) + "\n")
    assert run.code == 0, run.err
    return _flat(run.out)


def _questions(out: str) -> list[str]:
    return re.findall(r"Question \d+: (.*?\?)", out)


# --- Anne: the warfarin reading is shown, kept, and her result has the stroke lines on every path ----------------

def test_anne_confirming_the_emergency_shows_her_warfarin_for_a_check_and_see_what_to_do_now_has_both_lines() -> None:
    out = _check(ANNE, ["y", "", "1"])
    listed = out.split(ALSO_UNDERSTOOD)[1].split("Type the numbers")[0]
    assert "You take a blood thinner. ('warfarin')" in listed, listed
    assert "Your face has been numb" not in listed  # the signs confirmed on the screen are not shown twice
    result = out.split("URGENCY:")[1]
    assert WARFARIN in result and SWALLOW in result, result[:1500]


def test_anne_answering_a_few_questions_keeps_both_lines_and_never_asks_her_warfarin_or_six_weeks_again() -> None:
    out = _check(ANNE, ["y", "", "2", "2"] + ["n"] * 20)  # over hours: her words say when, not how fast
    asked = _questions(out)
    assert not any("blood thinner" in q for q in asked) and SIX_WEEKS not in asked, asked
    result = out.split("URGENCY:")[1]
    assert "CALL EMERGENCY SERVICES NOW" in result[:60]
    assert WARFARIN in result and SWALLOW in result, result[:1500]


def test_annes_step_by_step_answers_over_hours_give_the_same_stroke_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The emergency her "over hours" start sets (em_face_or_leg_over_days) is a possible stroke: its lines too."""
    case = {"age": 81, "sex": "female", "findings": {"numb_face_same_side": True, "onset_over_days": True,
                                                     "one_hand": True, "blood_thinners": True}}
    text = assess_cli(case, tmp_path)
    assert WARFARIN in text and SWALLOW in text, text[:1500]


def test_a_reading_turned_round_that_would_lower_the_emergency_is_asked_back_with_her_words() -> None:
    """Anne turns "less than six weeks" round (!2): that would lower her emergency, so it is asked back under her own
    words, never taken silently; her no keeps the emergency."""
    out = _check(ANNE, ["y", "!2", "2", "2", "n"] + ["n"] * 20)
    asked = _questions(out)
    assert SIX_WEEKS in asked, asked
    assert "You wrote \"Since yesterday\"" in out.split("Question 1:")[0][-400:] + out.split(SIX_WEEKS)[0][-400:]
    assert "CALL EMERGENCY SERVICES NOW" in out.split("URGENCY:")[1][:60]
    # and a reading unticked is set aside: not kept as said (the core the faces share)
    assert after_emergency({"a": True, "b": False, "c": True}, {"a": True}, {"c"}) == {"a": True, "c": True}


# --- Luis: "Two hours ago" after "I'm 63." is read, and kept through the emergency screen -------------------------

def test_luis_two_hours_ago_after_his_age_is_not_six_weeks_and_is_never_asked() -> None:
    p = parse(LUIS)
    assert p.findings.get("lasting_over_6_weeks") is False and p.days_so_far is not None and p.days_so_far < 1
    # near miss: the words of an age itself are still not a length ("45 years old")
    assert "lasting_over_6_weeks" not in parse("I am 45 years old and my right hand is numb").findings
    out = _check(LUIS, ["y", "", "2"] + ["n"] * 20)
    assert SIX_WEEKS not in _questions(out), _questions(out)
    assert "CALL EMERGENCY SERVICES NOW" in out.split("URGENCY:")[1][:60]


# --- Nadia: her usual aura is kept; what would lower the emergency is asked back once, never taken silently ------

def test_nadias_migraine_readings_are_asked_back_in_one_list_not_as_separate_questions_again() -> None:
    # yes, keep the rest, a few questions, 29, female, gone within the hour, no AF, no blood thinner, no stroke
    # before, no sudden weakness, then her four readings ticked on the list asked back (her spread over minutes
    # answers how it started: walkthrough AC)
    out = _check(NADIA, KEYS)
    asked = _questions(out)
    for plain in ("Have you had migraines before?", "Is this episode just like your usual migraine aura?",
                  "Does a headache come after the numbness?"):
        assert plain not in asked, asked
    assert sum("Please check these readings of your words one more time" in q for q in asked) == 1, asked


def test_a_kept_reading_that_would_lower_the_confirmed_emergency_never_lowers_it_unasked() -> None:
    """Through the core: Nadia's readings kept beside her confirmed sign leave the level an emergency, and the next
    list of readings that decide it asks them back before the level can drop (how it started is asked first)."""
    p = parse("I'm 29, woman. " + NADIA + ". No AF, no blood thinners, never had a stroke, no weakness, gone within "
              "the hour")
    signs = emergency_answers(p)
    assert signs and set(emergency_beside(p.findings, signs)) >= {"migraine_history", "aura_like_usual"}
    words = {c.finding: c.words for c in chips(p)}
    kept = after_emergency(p.findings, signs, emergency_beside(p.findings, signs))
    iv = describe(start(p.age, p.sex), kept, words, p.unsure, (), p.days_so_far, tuple(signs))
    asked_back = None
    while (q := next_question(iv)) is not None and asked_back is None:
        assert outcome(iv).triage == "emergency", [s[0].id for s in iv.history]  # never lowered before asking back
        if {"migraine_history", "aura_like_usual"} <= set(q.findings):
            asked_back = q
        reply = choice_answer(q, 3) if q.kind == "choice" else {f: f == "episode_resolved_within_hour" for f in q.findings}
        iv = answer(iv, q, reply if q.kind != "fingers" else {})
    assert asked_back is not None and asked_back.kind == "sweep", "her aura readings are asked back in one list"


def test_the_list_asked_back_says_what_enter_means_there() -> None:
    """Walkthrough W (Hana): Enter kept every reading on the first list but dropped them all on this one, under the
    generic "Press Enter if none apply". This list says what Enter means here (none is right: the safer advice stays).
    Near miss: an ordinary list keeps the generic line."""
    from numbwise.kb import load

    sweep = load().interview.confirm_emergency
    assert sweep is not None and sweep.enter_none
    out = _check(NADIA, KEYS)
    page = out.split("Please check these readings of your words one more time", 1)[1].split("You said", 1)[0]
    assert " ".join(sweep.enter_none.split()) in " ".join(page.split())
    assert "Press Enter if none apply" not in page
    from tests.conftest import check_cli

    assert "Press Enter if none apply" in check_cli("q\n", codes=(0, 130))  # the first list, step by step
