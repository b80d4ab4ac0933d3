"""Walkthrough V (reviewer V1, Priya): a possible hypo that is itself 'not sure' leads with the sugar first aid.

Priya, 35, type 1 diabetes on insulin, fingers and lips tingling, has not had sugar yet. Step by step she answered
"not sure" to confusion, to how it started, and to "shaky, sweaty ... feel better after something sugary" (she has
not had sugar, so cannot say it helps). The result said "GET MEDICAL HELP TODAY", no sugar at all, diabetic nerve
damage first for tingling that started today, and beside the low-sugar doubt "A yes would not make this more urgent",
though a yes gives "Have something sugary now, and call for help". Now the doubts together with her yes answers lead
with the sugar rule's not-sure banner, worded so the signs are not stated as fact, low blood sugar is the first cause
under it, and that line is said only when it is true. Also: with the signs said yes (the early "see what to do now"),
low blood sugar is listed first, never "Most likely: Carpal tunnel syndrome" under the sugar banner. Near misses: no
diabetes or insulin, or the signs answered no: no sugar banner. Unknown: diabetes not sure never lowers the result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.assess.triage import LEVELS
from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan, with_findings

PRIYA_A: dict[str, Any] = {
    "age": 35, "sex": "female",
    "findings": {"diabetes": True, "insulin_or_sulfonylurea": True, "both_hands": True, "numb_around_mouth": True,
                 "numb_thumb": True, "numb_index": True, "numb_middle": True, "numb_ring": True, "numb_little": True,
                 "chest_pain": False, "face_drooping": False, "speech_difficulty": False,
                 "arm_or_leg_weakness_sudden": False},
    "unsure": ["confusion", "onset_sudden", "low_sugar_symptoms"],
}
# the early "see what to do now" with the signs said yes: insulin, confusion not sure, thumb to middle of both hands
EARLY: dict[str, Any] = {
    "age": 35, "sex": "female",
    "findings": {"insulin_or_sulfonylurea": True, "low_sugar_symptoms": True, "both_hands": True, "numb_thumb": True,
                 "numb_index": True, "numb_middle": True, "worse_at_night": True, "shaking_relieves": True},
    "unsure": ["confusion"],
}
NOT_MORE_URGENT = "would not make this more urgent"


def _act() -> Any:
    return next(r for r in load().triage.rules if r.id == "em_low_sugar_confused").act


def _urgency(plan: dict[str, Any]) -> int:
    """How urgent the banner a person reads is: the banner's own level (a rule or caution that leads), else the level."""
    return LEVELS.index(plan["banner_level"] or plan["level"])


def test_priya_not_sure_of_the_signs_leads_with_the_sugar_first_aid(tmp_path: Path) -> None:
    """Finding 1 (HIGH): the sugar rule's not-sure banner, its first aid and the emergency numbers lead."""
    plan = assess_plan(PRIYA_A, tmp_path)
    act = _act()
    # how it started is not known: the step's call line, a sudden start calls now too (walkthrough AB)
    onset_line = load().interview.sugar_first.action_onset_unknown  # type: ignore[union-attr]
    assert plan["title"] == act.title_if_unsure and " ".join(plan["action"].split()) == " ".join(onset_line.split())
    assert plan["numbers"] and plan["leads"] == "emergency"
    assert not plan["caution_today"]  # never the mini-stroke's "get medical help today"
    # her signs are not stated as fact: the words for signs not sure of
    assert " ".join(act.if_unsure_signs.split()) in plan["caution"]
    assert " ".join(act.if_unsure.split()) not in plan["caution"]
    assert plan["why"][0] == " ".join(act.why_if_unsure_signs.split())
    # the stroke-sign doubt stays listed with its checks under it (never lowered)
    emergency = [g for g in plan["unsure"] if g["level"] == "emergency"]
    assert emergency and "onset_sudden" in {u["finding"] for u in emergency[0]["items"]}
    assert "how fast it started" in plan["caution"]
    # the sugar rule's own to-do list, with the diabetes team for someone who has diabetes
    assert any("have more sugar" in d for d in plan["do"])
    assert any(d.startswith("Tell your diabetes team") for d in plan["do"])


def test_priya_low_blood_sugar_is_the_first_cause_and_no_false_line(tmp_path: Path) -> None:
    """Findings 1 and 2 (HIGH): low blood sugar first under the sugar banner, never "Most likely" another cause or
    "We can't tell yet" with it second; no "a yes would not make this more urgent" beside the signs."""
    plan = assess_plan(PRIYA_A, tmp_path)
    assert plan["causes"][0]["id"] == "low_blood_sugar"
    assert "low blood sugar" in plan["headline"] and not plan["headline"].startswith("Most likely")
    text = assess_cli(PRIYA_A, tmp_path)
    assert NOT_MORE_URGENT not in text
    assert "HAVE SOMETHING SUGARY NOW, AND CALL IF YOU MIGHT BE CONFUSED" in text and "GET MEDICAL HELP TODAY" not in text


def test_early_see_what_to_do_now_lists_low_blood_sugar_first(tmp_path: Path) -> None:
    """Finding 2 (HIGH): signs said yes, confusion not sure, carpal-tunnel fingers: the sugar banner, and low blood
    sugar first in the causes, never "Most likely: Carpal tunnel syndrome"."""
    plan = assess_plan(EARLY, tmp_path)
    assert plan["title"] == _act().title_if_unsure
    assert plan["causes"][0]["id"] == "low_blood_sugar"
    assert "Carpal tunnel" not in plan["headline"]
    # the signs said yes: the act's usual not-sure words, not those for signs not sure of
    assert " ".join(_act().if_unsure.split()) in plan["caution"]


def test_the_diabetes_team_only_for_someone_with_diabetes(tmp_path: Path) -> None:
    """Finding (MEDIUM): "Tell your diabetes team" only when diabetes or insulin is yes, else the doctor."""
    case = {**EARLY, "findings": {**EARLY["findings"], "insulin_or_sulfonylurea": False}, "unsure": ["confusion"]}
    plan = assess_plan(case, tmp_path)
    assert plan["title"] == _act().title_if_unsure  # signs said yes: it leads whatever the diabetes answer
    assert not any("diabetes team" in d for d in plan["do"])
    assert any(d.startswith("Tell your doctor about it") for d in plan["do"])


def test_a_yes_that_changes_the_plan_is_never_said_not_to(tmp_path: Path) -> None:
    """Finding 3 (HIGH): no insulin or diabetes, not sure of confusion and of the signs: a yes to the signs would lead
    with the sugar banner, so the line "a yes would not make this more urgent" is not said beside them."""
    case = with_findings(PRIYA_A, diabetes=False, insulin_or_sulfonylurea=False)
    plan = assess_plan(case, tmp_path)
    yes = assess_plan({**with_findings(case, low_sugar_symptoms=True),
                       "unsure": ["confusion", "onset_sudden"]}, tmp_path)
    assert yes["title"] == _act().title_if_unsure and plan["title"] != yes["title"]
    for group in plan["unsure"]:
        if "low_sugar_symptoms" in {u["finding"] for u in group["items"]}:
            assert not any(NOT_MORE_URGENT in a for a in group["advice"]), group


def test_near_misses_no_sugar_banner(tmp_path: Path) -> None:
    """No insulin or diabetes and not sure of confusion (the signs not sure): no sugar banner; the signs answered no:
    none either."""
    title = _act().title_if_unsure
    no_drug = assess_plan(with_findings(PRIYA_A, diabetes=False, insulin_or_sulfonylurea=False), tmp_path)
    no_signs = assess_plan({**with_findings(PRIYA_A, low_sugar_symptoms=False), "unsure": ["confusion", "onset_sudden"]},
                           tmp_path)
    for plan in (no_drug, no_signs):
        assert plan["title"] != title and not any("have more sugar" in d for d in plan["do"])


def test_unknown_diabetes_not_sure_never_less_urgent_than_today(tmp_path: Path) -> None:
    """Unknown: diabetes not sure (insulin unanswered): whatever leads is never less urgent than the result before."""
    case = {**PRIYA_A, "findings": {k: v for k, v in PRIYA_A["findings"].items()
                                    if k not in ("diabetes", "insulin_or_sulfonylurea")},
            "unsure": [*PRIYA_A["unsure"], "diabetes"]}
    plan = assess_plan(case, tmp_path)
    assert plan["caution"] and plan["numbers"]  # the call buttons stay with a doubt that can mean an emergency
    assert _urgency(plan) <= LEVELS.index("urgent")  # help today at least, as before
    assert {"confusion", "onset_sudden"} <= {u["finding"] for g in plan["unsure"] for u in g["items"]}


def test_the_leading_banners_cause_with_a_small_chance_says_what_the_number_leaves_out(tmp_path: Path) -> None:
    """Walkthrough X (Priya): under "Have something sugary now", "Low blood sugar (fewer than 1 in 20)" read as the
    banner's own cause ruled out. Its line now says the chance counts only the sure answers. Near miss: with the signs
    and lips said yes its chance is high and no such line is added."""
    from numbwise.assess.result import LEAD_CHANCE
    from tests.conftest import assess_plan

    case = {"age": 35, "sex": "female", "unsure": ["confusion", "onset_sudden", "low_sugar_symptoms"], "findings": {
        "diabetes": True, "insulin_or_sulfonylurea": True, "both_hands": True, "numb_thumb": True, "numb_index": True,
        "numb_middle": True}}
    plan = assess_plan(case, tmp_path)
    first = plan["causes"][0]
    assert first["id"] == "low_blood_sugar" and LEAD_CHANCE in first["note"]
    sure = {**case, "unsure": ["confusion"], "findings": {**case["findings"], "low_sugar_symptoms": True,
                                                          "numb_around_mouth": True}}
    line = next(c for c in assess_plan(sure, tmp_path)["causes"] if c["id"] == "low_blood_sugar")
    assert LEAD_CHANCE not in line["note"]
