"""Walkthrough R (independent reviewers): result texts that disagree with their own banner.

Jon (woke after a drunk night unable to lift his hand at the wrist) read "We did not ask whether your hand hangs down
at the wrist ... see a doctor today if it is new" under "CALL YOUR EMERGENCY NUMBER NOW". Kim, on chemotherapy with a
fever of 38.2 C, read "Do not wait to see if you get a fever". Hana's home-care result said "If your panic attacks keep
coming back, see a GP", a condition she meets. Tariq, not sure how fast it started, read "can be a sign of
Guillain-Barre syndrome" beside "A yes would not make this more urgent", his one doubt named three times. Priya's
"TREAT LOW BLOOD SUGAR NOW" sat beside "If you think a sign you were not sure about might be true now, call".
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from numbwise.assess.case import parse_unsure
from numbwise.assess.engine import assess_case
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan, result_groups, with_findings
from tests.result_paths import cause_advice_problems
from tests.test_walk_o_sugar import PRIYA, PRIYA_WALK
from tests.test_walk_q_unsure import HANA

RADIAL = "radial_nerve_palsy"
# Jon, 50: "can't lift my right hand at the wrist" (read as a weak grip) after a drunk night with his arm over a chair;
# the fingers answered no (the back of his hand is numb), how fast it started not known.
JON: dict[str, Any] = {
    "age": 50, "sex": "male", "unsure": ["onset_sudden"],
    "findings": {"one_hand": True, "hand_weakness": True, "heavy_alcohol": True, "constant": True, "numb_thumb": False, "numb_index": False, "numb_middle": False,
                 "numb_ring": False, "numb_little": False}}
# Kim, 45: finished chemotherapy two months ago, fingers and feet still tingle; a fever today (38.2 C).
KIM: dict[str, Any] = {
    "age": 45, "sex": "female", "unsure": [],
    "findings": {"chemotherapy": True, "fever": True, "both_hands": True, "numb_feet": True, "onset_gradual": True,
                 "onset_sudden": False}}
# Tariq, 41: neck pain and tingling down his right arm to the thumb for 3 weeks; not sure how fast it started.
TARIQ: dict[str, Any] = {
    "age": 41, "sex": "male", "unsure": ["onset_sudden", "onset_over_days", "onset_gradual"],
    "findings": {"neck_pain": True, "numb_arm": True, "one_hand": True, "numb_thumb": True,
                 "worse_neck_movement": True, "lasting_over_6_weeks": False, "hand_weakness": False,
                 "arm_or_leg_weakness_sudden": False, "speech_difficulty": False, "face_drooping": False}}
START = ("onset_sudden", "onset_over_days", "onset_gradual")  # the one start question's choices
TODAY = re.compile(r"\btoday\b|\bsee a (doctor|GP)\b|\bGP\b", re.I)


def _cause(plan: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in plan["causes"] if c["id"] == cid)


def test_the_wrist_drop_line_gives_no_advice_of_its_own_and_never_says_we_did_not_ask(tmp_path: Path) -> None:
    """Jon: under a call-now banner the radial nerve palsy line said "see a doctor today if it is new" and "We did not
    ask" to a man whose words said it. It now says what the sign is; no chance is given under "call now" (AC, Frank)."""
    plan = assess_plan(JON, tmp_path)
    assert plan["caution_now"] or plan["level"] == "emergency"
    note = _cause(plan, RADIAL)["note"]
    assert "hangs down at the wrist" in note and "main sign of this cause" in note
    assert "did not ask" not in note and not TODAY.search(note), note
    # under "call now" no cause has a chance (walkthrough AC, Frank), so the note gives none either
    assert "less likely than shown" not in note and not re.search(r"\d+ in \d+", note), note
    text = assess_cli(JON, tmp_path)
    causes = text.split("What may be causing it")[1]
    assert not TODAY.search(causes.split("What would tell")[0]), causes  # no cause line slower than the banner


def test_the_lower_chance_is_said_only_as_less_likely_than_shown(tmp_path: Path) -> None:
    """Jon: "this cause is less likely: about 7 in 10" read as still likely. The drop is said against the chance
    shown, and a chance that reads the same is not said at all."""
    sign = load().causes[RADIAL].unasked_sign
    assert sign is not None and "less likely than shown" in sign.if_not
    for case in (JON, with_findings(JON, after_pressure_on_arm=True), with_findings(JON, heavy_alcohol=False)):
        line = _cause(assess_plan(case, tmp_path), RADIAL)
        if "If yours does not" in line["note"]:
            assert line["short"] not in line["note"].split("If yours does not")[1], line


def test_the_invariant_finds_a_cause_line_slower_than_the_page(tmp_path: Path) -> None:
    """The result-paths invariant (`cause_advice_problems`) flags a cause note that says "see a doctor today" under a
    call-now banner; Jon's plan as it is now has none."""
    parsed, unsure = parse_unsure(JON)
    plan = result_plan(assess_case(parsed), unsure)
    assert plan.caution_now or plan.level == "emergency"
    assert cause_advice_problems(plan) == []
    old = "If it does, see a doctor today if it is new, so they can check it is this nerve and not a stroke."
    slow = replace(plan, causes=tuple(replace(c, note=f"{c.note} {old}") if c.id == RADIAL else c for c in plan.causes))
    assert cause_advice_problems(slow), slow.causes


def test_a_fever_said_yes_during_chemotherapy_gets_lines_for_a_fever(tmp_path: Path) -> None:
    """Kim gave 38.2 C: "Do not wait to see if you get a fever" and "If you can, take your temperature" are the
    not-sure words. A yes gets lines for a fever; the reason names the helpline, the emergency number only for the
    listed emergencies."""
    plan = assess_plan(KIM, tmp_path)
    assert plan["level"] == "emergency" and plan["title"] == "Call your cancer helpline now"
    lines = " ".join([*plan["do"], *plan["do_not"]])
    assert "if you get a fever" not in lines and "If you can, take your temperature" not in lines, lines
    assert "Do not wait to see if the fever goes away" in lines, lines
    why = " ".join(plan["why"])
    assert "helpline or emergency number" not in why and "helpline now" in why, why
    assert "chest pain, trouble breathing or heavy bleeding" in why, why
    text = assess_cli(KIM, tmp_path)
    assert "if you get a fever" not in text and "take your temperature" not in text


def test_near_miss_not_sure_of_a_fever_keeps_the_not_sure_words(tmp_path: Path) -> None:
    unsure = {**KIM, "unsure": ["fever"], "findings": {k: v for k, v in KIM["findings"].items() if k != "fever"}}
    plan = assess_plan(unsure, tmp_path)
    assert any("if you get a fever or if it goes away" in d for d in plan["do_not"]), plan["do_not"]


def test_recurring_panic_attacks_are_an_offer_of_treatment_not_a_see_a_doctor_if(tmp_path: Path) -> None:
    """Hana (attacks several times over a year, "Care for it at home") read "If your panic attacks keep coming back,
    see a GP" as a condition she meets, against the headline."""
    plan = assess_plan(HANA, tmp_path)
    assert plan["level"] == "self_care"
    text = assess_cli(HANA, tmp_path)
    assert "keep coming back, see a GP" not in text
    assert "talking therap" in text.lower() and "refer you" in text


def test_no_doctors_offer_is_worded_as_see_a_doctor_if() -> None:
    """A care plan's `ask_doctor` lines are offers beside home care: never a condition ("If ..., see a GP")."""
    care = load().care
    for pid, entry in [*care.plans.items(), *care.doctor_first.items(), ("generic", care.generic)]:
        for offer in entry.ask_doctor:
            said = " ".join(offer.text.split())
            assert not re.match(r"If\b[^.]*\bsee (a|your) (GP|doctor)\b", said), (pid, said)


def test_a_start_not_known_is_one_item_in_one_place(tmp_path: Path) -> None:
    """Tariq: the start question is one choice; "not sure" to it is one item ("How fast it started"), never also a
    frightening cause line beside "A yes would not make this more urgent"."""
    for case in (TARIQ, with_findings(TARIQ, onset_sudden=False) | {"unsure": ["onset_over_days", "onset_gradual"]}):
        plan = assess_plan(case, tmp_path)
        named = [u["finding"] for g in plan["unsure"] for u in g["items"] if u["finding"] in START]
        assert len(named) == 1, (case["unsure"], named)
        text = assess_cli(case, tmp_path)
        assert "Guillain" not in text and "multiple sclerosis" not in text, text
        groups = result_groups(case, tmp_path)
        items = [i for h, lines in groups.items() if h.startswith("You were") for i in lines]
        assert sum("How fast it started" in i or "came on" in i for i in items) <= 1, items


def test_beside_the_low_sugar_banner_the_box_says_the_banners_own_call(tmp_path: Path) -> None:
    """Priya, not sure of confusion and of the start: the box said "If you think a sign you were not sure about might
    be true now, call your emergency number now" beside "TREAT LOW BLOOD SUGAR NOW". It says the banner's own words."""
    act = next(r.act for r in load().triage.rules if r.id == "em_low_sugar_confused")
    assert act is not None and act.if_unsure
    for case in (PRIYA_WALK, PRIYA):
        plan = assess_plan(case, tmp_path)
        assert plan["title"] == act.title_if_unsure
        assert "might be true now" not in plan["caution"], plan["caution"]
        assert " ".join(act.if_unsure.split()) in plan["caution"], plan["caution"]
    walk = assess_plan(PRIYA_WALK, tmp_path)
    assert "how fast it started" in walk["caution"].lower()  # the other doubt is still named, with where to look
