"""Walkthrough AD (independent reviewer, Amir, 15: the tips of his right thumb and index finger tingle after long gaming
sessions and go after a rest). The result led with "Temporary nerve pressure ('my arm fell asleep')" while that cause's
own reasons said "- It did not come from pressure on your arm." Pressure on the arm is what that cause is: a no to it
must outweigh "it went away within an hour" (likelihoods.yaml: after_pressure_on_arm 0.98, untempered), and carpal
tunnel symptoms that come only with a task also settle with rest (mayo_cts: episode_resolved_within_hour 0.3)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from numbwise.assess.ranking import rank
from tests.conftest import assess_plan, check_cli, with_findings

PRESSURE = "positional_compression"
# step by step, as he answered: age, sex, over hours or days, right thumb and index, none, none, then "comes and goes",
# "went away within an hour" and "grip, type..." (no to the others), none, none, and no to what is asked after
AMIR_KEYS = "\n15\nm\n2\nR1 R2\n\n\n2 8 10\n\n\n\n" + "n\n" * 8
YES = "onset_over_days numb_thumb numb_index one_hand comes_and_goes worse_with_gripping episode_resolved_within_hour"
# the rest he answered no to on the way (the warning-sign lists, the fingers, the other lists, the headache)
NO = """face_drooping speech_difficulty arm_or_leg_weakness_sudden numb_face_same_side numb_leg_same_side vision_loss_sudden
confusion severe_sudden_headache balance_loss_sudden chest_pain shortness_of_breath cold_sweat_nausea head_or_neck_injury
weakness_rising_from_legs trouble_breathing_or_swallowing bowel_bladder_loss numb_saddle_area hand_cold_pale_painful
spreading_within_hours cast_tight_or_severe_pain onset_sudden onset_gradual numb_middle numb_ring numb_little
numb_whole_hand both_hands numb_thenar_palm numb_forearm_thumb_side numb_forearm_little_side numb_feet numb_arm
numb_band_trunk rash_blisters_band finger_blisters fever tick_bite_or_bullseye_rash fingertip_sores
clumsy_hands_and_unsteady_walk getting_worse spreading_to_other_limbs recent_arm_injury_or_cast
spreading_redness_swelling arm_discomfort_on_exertion leg_weakness low_sugar_symptoms constant lasting_over_6_weeks
worse_at_night wakes_from_sleep shaking_relieves after_pressure_on_arm spreads_over_minutes worse_elbow_bent
worse_arms_overhead worse_neck_movement triggered_by_cold_or_stress hand_weakness thumb_muscle_wasting neck_pain
pain_shooting_down_arm burning_pain numb_around_mouth muscle_cramps_spasms skin_white_then_blue lump_at_wrist
weight_loss_unexplained night_sweats fatigue_pallor cold_intolerance_weight_gain unsteady_walking rapid_breathing_anxiety
arm_pain_with_use joint_pain_swelling electric_shock_neck_bend past_vision_episode hand_muscle_wasting_other diabetes
heavy_alcohol chemotherapy neuropathy_drug takes_metformin takes_acid_reducer takes_diuretic vegan_or_vegetarian
stomach_surgery neck_surgery_thyroid_parathyroid kidney_disease vomiting_or_diarrhea hypothyroidism_known
autoimmune_disease cancer_history migraine_history anxiety_history smoker vascular_risk blood_thinners
atrial_fibrillation previous_stroke_or_tia known_ms vibrating_tools b6_supplements insulin_or_sulfonylurea
headache_follows"""
AMIR: dict[str, Any] = {"age": 15, "sex": "male", "unsure": [],
                        "findings": {**{f: False for f in NO.split()}, **{f: True for f in YES.split()}}}


def _lead(case: dict[str, Any], tmp_path: Path) -> str:
    causes: list[dict[str, Any]] = assess_plan(case, tmp_path)["causes"]
    return str(causes[0]["id"])


def test_his_step_by_step_result_does_not_lead_with_the_pressure_he_said_no_to() -> None:
    text = check_cli(AMIR_KEYS)
    causes = text[text.index("What may be causing it"):]
    assert "It did not come from pressure on your arm" in causes  # the no is still said where it is a reason
    assert "Most likely: Temporary nerve pressure" not in causes
    assert causes.index("* Carpal tunnel syndrome") < causes.index("* Temporary nerve pressure")


def test_a_no_to_pressure_on_the_arm_keeps_arm_fell_asleep_off_the_top(tmp_path: Path) -> None:
    assert _lead(AMIR, tmp_path) != PRESSURE
    assert _lead(AMIR, tmp_path) == "carpal_tunnel"


def test_near_miss_a_yes_to_pressure_on_the_arm_leads_with_it(tmp_path: Path) -> None:
    assert _lead(with_findings(AMIR, after_pressure_on_arm=True, worse_with_gripping=False), tmp_path) == PRESSURE


def test_unknown_pressure_not_asked_leaves_arm_fell_asleep_in_the_running() -> None:
    findings = {k: v for k, v in AMIR["findings"].items() if k not in ("after_pressure_on_arm", "worse_with_gripping")}
    top3 = [c for c, _ in rank(findings, 15, "male")[:3]]
    assert PRESSURE in top3


def test_a_no_to_pressure_never_leaves_that_cause_first_when_it_went_within_the_hour() -> None:
    """With or without the grip, in two or three fingers, at any age: a no to the cause's own story keeps it off the top."""
    for extra in ({}, {"worse_with_gripping": False}, {"numb_middle": True}, {"worse_with_gripping": False, "numb_middle": True}):
        findings = {**AMIR["findings"], **extra}
        for age, sex in ((15, "male"), (15, None), (34, "female"), (60, None)):
            assert rank(findings, age, sex)[0][0] != PRESSURE, (extra, age, sex, json.dumps(rank(findings, age, sex)[:3]))
