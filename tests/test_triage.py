"""Triage: every rule fires on a case made for it and not without it; the policy's refinements hold."""

from __future__ import annotations

from typing import Any

import pytest

from numbwise.assess import assess
from numbwise.assess.triage import LEVELS, fired_rules, triage
from numbwise.kb import load
from numbwise.kb.models import Rule
from tests.conftest import case_input, dev_cases
from tests.triage_cases import satisfy

RULES = load().triage.rules


def made_for(rule: Rule) -> tuple[dict[str, bool], int | None]:
    findings: dict[str, bool] = {}
    age: list[int | None] = [40]
    satisfy(rule.when, findings, age, True)
    return findings, age[0]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_fires_on_a_case_made_for_it(rule: Rule) -> None:
    findings, age = made_for(rule)
    assert rule.id in [r.id for r, _ in fired_rules(findings, age)]


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_stays_silent_without_its_findings(rule: Rule) -> None:
    assert rule.id not in [r.id for r, _ in fired_rules({}, 50)]


@pytest.mark.parametrize("rule", [r for r in RULES if r.unless], ids=[r.id for r in RULES if r.unless])
def test_every_exception_stops_its_rule(rule: Rule) -> None:
    findings, age = made_for(rule)
    assert rule.unless is not None
    ages = [age]
    satisfy(rule.unless, findings, ages, False)
    satisfy(rule.when, findings, ages, True)
    age = ages[0]
    assert rule.id not in [r.id for r, _ in fired_rules(findings, age)]


@pytest.mark.parametrize("case", dev_cases(), ids=lambda c: c["id"])
def test_dev_case_triage(case: dict[str, Any]) -> None:
    assert assess(case_input(case)).triage == case["expect"]["triage"]


def test_no_rule_means_routine_not_self_care() -> None:
    assert triage({}).level == "routine"
    assert triage({"numb_thumb": True}).level == "routine"


def test_the_most_urgent_rule_wins_and_names_its_red_flags() -> None:
    result = triage({"fever": True, "chest_pain": True, "lasting_over_6_weeks": True})
    assert result.level == "emergency"
    assert result.red_flags == ("chest_pain",)


def test_self_care_replaces_only_the_generic_routine_rules_it_names() -> None:
    raynaud = {"both_hands": True, "triggered_by_cold_or_stress": True, "skin_white_then_blue": True,
               "fingertip_sores": False, "joint_pain_swelling": False, "autoimmune_disease": False,
               "comes_and_goes": True, "lasting_over_6_weeks": True}
    assert triage(raynaud, 22).level == "self_care"
    assert triage(raynaud, 35).level == "routine"  # began after 30
    assert triage(raynaud | {"hand_weakness": True}, 22).level == "routine"  # not a generic trigger
    assert triage(raynaud | {"fever": True}, 22).level == "urgent"  # never replaces urgent
    assert triage({k: v for k, v in raynaud.items() if k != "autoimmune_disease"}, 22).level == "routine"


def test_sudden_one_sided_numbness_is_an_emergency_even_when_gone() -> None:
    tia = {"onset_sudden": True, "one_hand": True, "episode_resolved_within_hour": True}
    assert triage(tia, 30).level == "emergency"
    pressure = tia | {"after_pressure_on_arm": True, "hand_weakness": False, "numb_face_same_side": False,
                      "numb_leg_same_side": False, "speech_difficulty": False}
    assert triage(pressure, 30).level == "self_care"
    # Clarification 4: every part of the pressure story must be answered; one left open keeps the emergency.
    for part in ("hand_weakness", "numb_face_same_side", "numb_leg_same_side", "speech_difficulty", "episode_resolved_within_hour"):
        assert triage({k: v for k, v in pressure.items() if k != part}, 30).level == "emergency", part
    assert triage(pressure, 12).level == "emergency"  # clarification 6: no exception below 16
    assert triage(pressure, None).level == "emergency"  # an unknown age may be a child's
    assert triage(pressure | {"atrial_fibrillation": True}, 30).level == "routine"  # clarification 4
    assert triage(pressure | {"blood_thinners": True}, 30).level == "emergency"
    aura = tia | {"migraine_history": True, "aura_like_usual": True, "headache_follows": True, "spreads_over_minutes": True,
                  "atrial_fibrillation": False, "blood_thinners": False, "previous_stroke_or_tia": False,
                  "arm_or_leg_weakness_sudden": False}
    assert triage(aura, 30).level == "self_care"
    assert triage(aura, 55).level == "emergency"  # clarification 2: a sudden start at 50 or over
    assert triage(aura | {"atrial_fibrillation": True}, 30).level == "emergency"
    assert triage({k: v for k, v in aura.items() if k != "spreads_over_minutes"}, 30).level == "emergency"
    assert triage(aura | {"spreads_over_minutes": False}, 30).level == "emergency"
    assert triage(tia | {"migraine_history": True, "aura_like_usual": False}, 30).level == "emergency"


def test_the_issue_stories_get_the_revised_levels() -> None:
    """The stories the clinical review found unsafe."""
    af_aura = {"onset_sudden": True, "one_hand": True, "migraine_history": True, "aura_like_usual": True,
               "headache_follows": True, "spreads_over_minutes": False, "atrial_fibrillation": True}
    assert triage(af_aura, 71).level == "emergency"
    assert triage({"onset_sudden": True, "both_hands": True}, 60).level == "emergency"
    assert triage({"onset_sudden": True, "both_hands": True, "blood_thinners": True, "neck_pain": True}, 60).level == "emergency"
    gbs = {"both_hands": True, "numb_feet": True, "onset_over_days": True, "recent_infection": True}
    assert triage({k: v for k, v in gbs.items() if k in load().vocabulary.findings}, 30).level == "urgent"
    assert triage({"recent_arm_injury_or_cast": True, "cast_tight_or_severe_pain": True}, 30).level == "emergency"
    assert triage({"recent_arm_injury_or_cast": True, "cast_tight_or_severe_pain": False}, 30).level == "urgent"
    assert triage({"chemotherapy": True, "fever": True}, 60).level == "emergency"
    assert triage({"neck_surgery_thyroid_parathyroid": True, "numb_around_mouth": True}, 40).level == "urgent"
    assert triage({"neck_surgery_thyroid_parathyroid": True, "muscle_cramps_spasms": True}, 40).level == "emergency"
    assert triage({"spreading_redness_swelling": True}, 40).level == "urgent"
    assert triage({"both_hands": True, "unsteady_walking": True}, 60).level == "urgent"
    assert triage({"both_hands": True, "leg_weakness": True}, 60).level == "urgent"
    cts = {"one_hand": True, "numb_thumb": True, "numb_index": True, "comes_and_goes": True, "constant": False,
           "lasting_over_6_weeks": False, "hand_weakness": False, "thumb_muscle_wasting": False, "diabetes": False}
    assert triage(cts, 30).level == "self_care"
    assert triage(cts, 7).level == "routine"
    assert triage({"vibrating_tools": True, "skin_white_then_blue": True, "both_hands": True,
                   "triggered_by_cold_or_stress": True, "fingertip_sores": False, "joint_pain_swelling": False,
                   "autoimmune_disease": False}, 25).level == "routine"
    assert triage({"known_ms": True, "getting_worse": True, "onset_over_days": True}, 35).level == "urgent"
    assert triage({"known_ms": True, "getting_worse": True, "onset_gradual": True}, 35).level == "routine"  # over months
    assert triage({"arm_discomfort_on_exertion": True, "smoker": True}, 50).level == "urgent"
    assert triage({"arm_pain_with_use": True, "smoker": True}, 50).level == "routine"
    assert triage({"pregnancy_warning_signs": True, "pregnant": True}, 30).level == "urgent"
    assert triage({"shortness_of_breath": True}, 30).level == "urgent"
    assert triage({"shortness_of_breath": True, "cold_sweat_nausea": True}, 30).level == "emergency"
    assert triage({"confusion": True, "onset_gradual": True}, 30).level == "emergency"
    assert triage({"spreading_within_hours": True}, 30).level == "emergency"


def test_old_sudden_numbness_that_stayed_is_not_an_emergency_by_itself() -> None:
    old = {"onset_sudden": True, "one_hand": True, "lasting_over_6_weeks": True, "constant": True}
    assert triage(old, 40).level == "routine"
    assert triage(old | {"comes_and_goes": True}, 40).level == "emergency"  # clarification 12
    assert triage(old, 10).level == "emergency"  # clarification 6


def test_face_numbness_with_unknown_onset_is_an_emergency() -> None:
    assert triage({"one_hand": True, "numb_face_same_side": True}).level == "emergency"
    assert triage({"one_hand": True, "numb_face_same_side": True, "onset_gradual": True}).level == "routine"


def test_levels_are_ordered_most_urgent_first() -> None:
    assert LEVELS == ("emergency", "urgent", "routine", "self_care")


def _fixture_cases() -> list[dict[str, Any]]:
    import json

    from tests.conftest import FIXTURES

    return [json.loads(p.read_text()) for p in sorted((FIXTURES / "cases").glob("*/*.json"))]


def test_no_fixture_case_is_ever_under_triaged() -> None:
    from tests.conftest import LEVELS as LEAST_FIRST

    under = []
    for case in _fixture_cases():
        got = assess(case_input(case)).triage
        if LEAST_FIRST.index(got) < LEAST_FIRST.index(case["expect"]["triage"]):
            under.append((case["id"], got, case["expect"]["triage"]))
    assert under == []


# Held-out cases where numbwise is knowingly more careful than their label (docs/triage.md): ho-046, a young man whose
# hand and then the leg on the same side went numb over four days (labelled an MS relapse, urgent, with no MS known):
# numbness of the leg on the same side that built up over days can be a stroke (em_face_or_leg_over_days, walkthrough
# N), and only a known MS relapse keeps its urgent rule.
# And ho-001, a known migraine's usual aura not said to have gone within an hour: an aura over an hour is atypical and
# needs a same-day check (ur_long_aura, NICE CG150), and not knowing never lowers the level.
HELD_OUT_MORE_CAUTIOUS = {"ho-046": "emergency", "ho-001": "urgent"}


def test_held_out_cases_keep_their_triage_and_top_three() -> None:
    cases = [c for c in _fixture_cases() if c["id"].startswith(("ho-", "h2-"))]
    assert len(cases) >= 140
    wrong_level = [c["id"] for c in cases
                   if assess(case_input(c)).triage != HELD_OUT_MORE_CAUTIOUS.get(c["id"], c["expect"]["triage"])]
    ok = lambda c: {c["expect"]["cause"], *c["expect"].get("also_acceptable", [])}  # noqa: E731
    outside_top3 = [c["id"] for c in cases if not ok(c) & {x for x, _ in assess(case_input(c)).causes[:3]}]
    assert wrong_level == [] and outside_top3 == []


def test_mild_carpal_tunnel_needs_a_stated_no_for_six_weeks() -> None:
    """The reason may say 'less than six weeks' because the pattern only matches a stated no."""
    cts = {"numb_thumb": True, "numb_index": True, "constant": False, "hand_weakness": False,
           "thumb_muscle_wasting": False, "diabetes": False}
    assert triage(cts | {"lasting_over_6_weeks": False}, 30).level == "self_care"
    assert triage(cts, 30).level == "routine"


# Where numbwise is knowingly more careful than the independent reviewer read the policy (docs/triage.md).
MORE_CAUTIOUS = {"probe-016": "emergency", "probe-189": "emergency", "probe-190": "emergency"}


def test_the_independent_probe_set_gets_the_policy_level() -> None:
    """199 cases written from the policy alone by a reviewer who never saw the engine: hit, near miss, unknown."""
    cases = [c for c in _fixture_cases() if c["id"].startswith("probe-")]
    assert len(cases) >= 180
    wrong = [(c["id"], got, c["expect"]["triage"]) for c in cases
             if (got := assess(case_input(c)).triage) != MORE_CAUTIOUS.get(c["id"], c["expect"]["triage"])]
    assert wrong == []


def test_an_aura_that_lasted_over_an_hour_is_not_the_usual_aura() -> None:
    """ICHD-3: each aura symptom lasts 5 to 60 minutes; a longer one is no reason for home care."""
    story = {"migraine_history": True, "aura_like_usual": True, "headache_follows": True, "spreads_over_minutes": True,
             "one_hand": True, "onset_sudden": True, "atrial_fibrillation": False, "blood_thinners": False,
             "previous_stroke_or_tia": False, "arm_or_leg_weakness_sudden": False}
    assert triage({**story, "episode_resolved_within_hour": True}, 28).level == "self_care"
    assert triage({**story, "episode_resolved_within_hour": False}, 28).level == "emergency"
    assert triage(story, 28).level == "emergency"  # not known: never home care (unknown never lowers)


def test_sudden_attacks_that_primary_raynauds_fully_explains_are_not_an_emergency() -> None:
    """Clarification 12: sudden episodes are each a new sudden onset unless a self-care pattern fully explains them."""
    story = {"onset_sudden": True, "both_hands": True, "triggered_by_cold_or_stress": True, "skin_white_then_blue": True,
             "fingertip_sores": False, "joint_pain_swelling": False, "autoimmune_disease": False}
    assert triage(story, 25).level == "self_care"
    assert triage(story, 35).level == "emergency"  # began after 30 is not the primary pattern
    assert triage({**story, "fingertip_sores": True}, 25).level == "emergency"
    assert triage({k: v for k, v in story.items() if k != "autoimmune_disease"}, 25).level == "emergency"  # every part stated
