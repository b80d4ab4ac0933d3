"""Walkthrough AC (independent reviewer AC2, C6 Aisha): a yes that sets a definite act leads; an old start is no
emergency sign.

Aisha, 31, 30 weeks pregnant: for 3 weeks both hands tingle at night (thumb, index, middle fingers); today a bad
headache and blurry vision with flashing lights. Step by step she was not sure about "You suddenly lose sight" and "a
sudden, very bad headache", said "8 days to 6 weeks" for how long and "I first noticed it on waking, or I don't know
how fast it came" for how it started, then yes to the pregnancy warning signs (rule ur_pregnancy_signs: "Contact your
maternity team now").

HIGH 1: her result was headed "NOT SURE ABOUT SOME EMERGENCY SIGNS" / "We can't tell yet how urgent this is", then
"UNLESS YOU CALL YOUR EMERGENCY NUMBER: CONTACT YOUR MATERNITY TEAM NOW", above the definite warning sign she said yes
to. A rule that fired on yes answers with its own act (a maternity unit, a surgical team) now leads the banner; the
doubts say their own line under it ("if one might be happening now, call your emergency number now"), with the call
buttons. Near miss: a result whose level has no rule's own act (shingles: "see a doctor today") keeps the caution's
lead. Unknown: the warning signs themselves not sure of fire no rule, so the caution leads as before; and a possible
stroke now (one hand, start not known) keeps its call-now path: a doubt never lowers.

HIGH 2: her "I don't know how fast it came" was listed as an unsure EMERGENCY sign ("? How fast it started") though
she said it has been there more than a week, which the product itself says "is not a stroke happening now". When the
numbness is known to be a week or more old, the start is said in the old path's words under its own heading ("Not sure
how fast it started": tell your doctor what you remember), not among the emergency signs, and not counted in the
caution. Near miss: 1 to 7 days keeps it an emergency sign. Unknown: how long not known keeps it too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.kb import load
from tests.conftest import assess_plan, check_cli

# the first list: not sure about 6 (sight) and 8 (headache), no to the others; more than a week; 31 f; on waking or
# don't know; thumb, index and middle of both hands; nowhere else; none on the soon, pattern and other lists; pregnant
# and the pregnancy warning signs on her health list (the last list: the result follows at once)
STEPS = "?6 ?8\n\n{how_long}\n31\nf\n5\nL1 L2 L3 R1 R2 R3\n\n\n\n\n18 19\n\n" + "\n" * 10
EMERGENCY_BOX = "You were not sure about these emergency signs"
CANT_TELL = "This could be an emergency"
START = "How fast it started"
OWN_HEADING = "Not sure how fast it started"
NO: dict[str, bool] = dict.fromkeys((
    "face_drooping", "speech_difficulty", "arm_or_leg_weakness_sudden", "numb_face_same_side", "numb_leg_same_side",
    "confusion", "balance_loss_sudden", "chest_pain", "shortness_of_breath", "cold_sweat_nausea", "head_or_neck_injury",
    "weakness_rising_from_legs", "trouble_breathing_or_swallowing", "bowel_bladder_loss", "numb_saddle_area",
    "hand_cold_pale_painful", "spreading_within_hours", "cast_tight_or_severe_pain", "lasting_over_6_weeks",
    "numb_ring", "numb_little", "numb_whole_hand", "one_hand", "fever", "getting_worse", "recent_arm_injury_or_cast"),
    False)
AISHA: dict[str, Any] = {"age": 31, "sex": "female", "days_so_far": 8.0, "findings": {
    **NO, "numb_thumb": True, "numb_index": True, "numb_middle": True, "both_hands": True, "pregnant": True,
    "pregnancy_warning_signs": True}, "unsure": ["onset_gradual", "onset_over_days", "onset_sudden",
                                                 "severe_sudden_headache", "vision_loss_sudden"]}
ACT = next(r.act for r in load().triage.rules if r.id == "ur_pregnancy_signs")


def _box(text: str, heading: str) -> str:
    """The part of the printed result under one not-sure heading, up to the next one or "Why this level"."""
    if heading not in text:
        return ""
    rest = text.split(heading, 1)[1].split("Why this level", 1)[0]
    return rest.split(OWN_HEADING, 1)[0] if heading != OWN_HEADING else rest


def test_step_by_step_her_maternity_team_leads_and_the_doubts_say_their_own_line() -> None:
    """HIGH 1, hit: the banner is her rule's own act, first; the doubts add 'call your emergency number' under it."""
    assert ACT is not None and ACT.title is not None
    text = check_cli(STEPS.format(how_long="3"))
    result = text.split("URGENCY: ", 1)[1]
    assert result.startswith(ACT.title.upper()), result[:200]
    assert "NOT SURE ABOUT SOME EMERGENCY SIGNS" not in text and "UNLESS YOU CALL" not in text
    assert CANT_TELL not in text
    banner = result.split("Warning signs in your answers")[0]
    # her sight doubt is said as what is not known beside her vision problems (walkthrough AD: `unsure_with`)
    assert "whether you have lost sight or see double" in banner and "call your emergency number now" in banner
    assert ">> Call 999 (UK)" in banner  # the call buttons go with that line
    assert "By when: Now." in banner and "Unless you call" not in banner  # her own act's words, as they are
    assert banner.index("whether you have lost sight") > banner.index(ACT.title.upper())


def test_the_plan_marks_the_rule_as_leading(tmp_path: Path) -> None:
    """HIGH 1, hit (the plan every face renders): the rule's title heads it, in its own level's colour."""
    plan = assess_plan(AISHA, tmp_path)
    assert plan["level"] == "urgent" and plan["heading"] == plan["title"] == ACT.title  # type: ignore[union-attr]
    assert plan["caution_title"] == "" and plan["banner_level"] == "urgent" and plan["rule_leads"]
    assert plan["caution"] and CANT_TELL not in plan["caution"] and plan["numbers"]
    assert plan["do_heading"] == "What to do" and not plan["action"].startswith("Even if")
    assert not any(w.startswith("You were not sure about a sign that can mean an emergency: if one") for w in plan["why"])


def test_near_miss_a_level_without_its_rules_own_act_keeps_the_cautions_lead(tmp_path: Path) -> None:
    """HIGH 1, near miss: shingles sets the level's own 'see a doctor today': the caution still leads it."""
    case = {"age": 50, "sex": "male", "findings": {"rash_blisters_band": True, "both_hands": True},
            "unsure": ["vision_loss_sudden"]}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "urgent" and not plan["rule_leads"]
    assert plan["heading"] == load().triage.unsure_lead["emergency"].heading


def test_unknown_the_warning_signs_not_sure_of_fire_no_rule_and_the_caution_leads(tmp_path: Path) -> None:
    """HIGH 1, unknown: not sure of the pregnancy warning signs themselves: no rule fired on a yes, nothing to lead."""
    case = {**AISHA, "findings": {k: v for k, v in AISHA["findings"].items() if k != "pregnancy_warning_signs"},
            "unsure": [*AISHA["unsure"], "pregnancy_warning_signs"]}
    plan = assess_plan(case, tmp_path)
    assert not plan["rule_leads"] and plan["caution_title"] and plan["numbers"]


def test_unknown_a_possible_stroke_now_keeps_call_now_over_the_maternity_team(tmp_path: Path) -> None:
    """HIGH 1, never lower: one hand, start not known, not sure of a drooping face, how long not known: call now."""
    findings = {**AISHA["findings"], "both_hands": False, "one_hand": True}
    del findings["face_drooping"]
    case = {"age": 31, "sex": "female", "findings": findings, "unsure": ["face_drooping", "onset_sudden"]}
    plan = assess_plan(case, tmp_path)
    assert plan["caution_now"] and plan["title"] == "Call your emergency number now" and not plan["rule_leads"]


def test_step_by_step_an_old_start_is_not_listed_as_an_emergency_sign() -> None:
    """HIGH 2, hit: more than a week: the start is said in the old path's words, not among the emergency signs."""
    long = load().triage.unsure_lead["emergency"].onset_long
    assert long is not None
    text = check_cli(STEPS.format(how_long="3"))
    assert START not in _box(text, EMERGENCY_BOX)
    assert "and 1 more" not in text.split("Warning signs in your answers")[0]
    own = _box(text, OWN_HEADING)
    assert "how it first began is not an emergency now" in own and "tell your doctor what you remember" in own
    assert "Whether you have lost sight or see double" in _box(text, EMERGENCY_BOX)  # the other doubts stay there


def test_the_plan_keeps_the_level_and_files_the_start_apart(tmp_path: Path) -> None:
    """HIGH 2, hit (plan): the level and the caution stay; the start is in its own group only."""
    plan = assess_plan(AISHA, tmp_path)
    lead = load().triage.unsure_lead["emergency"]
    groups = {g["heading"]: [u["finding"] for u in g["items"]] for g in plan["unsure"]}
    assert plan["level"] == "urgent" and plan["numbers"]
    assert groups[lead.onset_heading] == ["onset_sudden"]
    assert not any("onset_sudden" in items for h, items in groups.items() if h != lead.onset_heading)


def test_near_miss_under_a_week_the_start_stays_an_emergency_sign() -> None:
    """HIGH 2, near miss: 1 to 7 days: a sudden start may be recent, so it stays among the emergency signs."""
    text = check_cli(STEPS.format(how_long="2"))
    assert START in _box(text, EMERGENCY_BOX)


def test_unknown_how_long_not_known_keeps_the_start_an_emergency_sign(tmp_path: Path) -> None:
    """HIGH 2, unknown: nothing says how long: a start not known never drops out of the emergency signs."""
    case = {k: v for k, v in AISHA.items() if k != "days_so_far"}
    plan = assess_plan(case, tmp_path)
    em = [u["finding"] for g in plan["unsure"] if g["heading"] == "You were not sure about these emergency signs"
          for u in g["items"]]
    assert "onset_sudden" in em and plan["level"] == "urgent" and plan["numbers"]
