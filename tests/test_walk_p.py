"""Walkthrough P (independent reviewers, round P): what a person reads about a diagnosis they have not had.

Ruth, 52: both hands tingle at night, always cold, weight gain, no thyroid diagnosis. The top cause was "Underactive
thyroid" with "- You do not have an underactive thyroid" against it: a no to "Do you have an underactive thyroid?"
means not diagnosed, which is what the cause is about.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import assess_cli

RUTH = {"age": 52, "sex": "female", "findings": {
    "both_hands": True, "one_hand": False, "worse_at_night": True, "cold_intolerance_weight_gain": True,
    "hypothyroidism_known": False, "diabetes": False, "onset_gradual": True, "onset_sudden": False}}


def test_a_no_to_a_known_diagnosis_reads_as_not_diagnosed_under_its_own_cause(tmp_path: Path) -> None:
    plan = json.loads(assess_cli(RUTH, tmp_path, "plan"))
    thyroid = next(c for c in plan["causes"] if c["id"] == "hypothyroidism")
    away = " ".join(r["text"] for r in thyroid["away"])
    assert "You do not have an underactive thyroid" not in away
    text = assess_cli(RUTH, tmp_path)
    assert "You do not have an underactive thyroid" not in text and "You do not have diabetes" not in text
    # beside her own thyroid signs a no to a diagnosis is no point against it at all (walkthrough Q); elsewhere it is
    # said as what it means (tests/test_walk_q_unsure.py)
    assert not any(r["finding"] == "hypothyroidism_known" for r in thyroid["away"])


def test_a_banner_that_says_treat_it_now_is_not_followed_by_we_cant_tell_how_urgent(tmp_path: Path) -> None:
    """Walkthrough Q (Priya, insulin, shaky and sweaty, not sure whether she is confused, start not known): "TREAT LOW
    BLOOD SUGAR NOW" beside "We can't tell yet how urgent this is". The caution names the other signs and when to call;
    a caution that leads on its own (Sam, no rule's banner) keeps its words."""
    from tests.test_walk_n_banner import SAM
    from tests.test_walk_o_sugar import PRIYA_WALK

    plan = json.loads(assess_cli(PRIYA_WALK, tmp_path, "plan"))
    assert plan["title"] == "Have something sugary now, and call if you might be confused"  # both steps (walkthroughs S, AD)
    assert "This could be an emergency" not in plan["caution"] and "call your emergency number" in plan["caution"]
    assert "might be true now" not in plan["caution"]  # the banner's own when to call, not a second (walkthrough R)
    assert "how fast it started" in plan["caution"]  # the other not-sure sign is still named
    sam = json.loads(assess_cli({**SAM, "findings": {**SAM["findings"], "both_hands": True, "one_hand": False}},
                                tmp_path, "plan"))
    assert "This could be an emergency" in sam["caution"]


def test_the_report_lists_a_cant_tell_results_causes_in_the_result_pages_order(tmp_path: Path) -> None:
    """Walkthrough Q (Sam): the report's "causes it listed" are in the result page's order (walkthrough Y, Helen), so
    the two never disagree: the report takes them from the plan the saved answers give (`saved_causes`)."""
    from numbwise.assess.result import saved_causes
    from tests.test_walk_o_words import _sam_step

    case = _sam_step()
    plan = json.loads(assess_cli(case, tmp_path, "plan"))
    # Sam's not-sure start in one weak hand takes the call-now path: since walkthrough AC (Frank) its causes lead with
    # the stroke the call is for, as what must be ruled out, no longer "We can't tell yet" with the ranking's order
    assert plan["caution_now"] and plan["headline"].startswith("A stroke must be ruled out first")
    ranked = [(c["id"], c["probability"]) for c in json.loads(assess_cli(case, tmp_path, "json"))["causes"]]
    listed, others, _ = saved_causes(plan["level"], case, ranked)
    assert [c for c, _ in listed] == [c["id"] for c in plan["causes"]] and others == plan["others_heading"]
    # the old intent still holds where the page says it cannot tell: the same order in both (a near miss, sure start)
    calm = {**case, "findings": {**case["findings"], "onset_sudden": False}, "unsure": []}
    plan = json.loads(assess_cli(calm, tmp_path, "plan"))
    assert plan["headline"].startswith("We can't tell yet") and not plan["caution_now"], plan["headline"]
    ranked = [(c["id"], c["probability"]) for c in json.loads(assess_cli(calm, tmp_path, "json"))["causes"]]
    assert [c for c, _ in saved_causes(plan["level"], calm, ranked)[0]] == [c["id"] for c in plan["causes"]]


def test_a_pregnant_persons_painkiller_step_never_offers_ibuprofen_then_forbids_it(tmp_path: Path) -> None:
    """Walkthrough Q (Sara, 34 weeks): "paracetamol or ibuprofen may ease the pain" then "as you are pregnant, do not
    take ibuprofen" in one step. Near miss: not pregnant, the step names both."""
    from tests.conftest import with_findings
    from tests.test_walk_n_watch import SARA

    text = " ".join(assess_cli(SARA, tmp_path).split())
    assert "do not take ibuprofen" in text and "paracetamol or ibuprofen may ease" not in text
    calm = " ".join(assess_cli(with_findings(SARA, pregnant=False), tmp_path).split())
    assert "paracetamol or ibuprofen may ease" in calm and "do not take ibuprofen" not in calm
