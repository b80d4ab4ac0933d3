"""Walkthrough N (Lily, 12): woke with her arm numb after sleeping on it, fine after 5 minutes, her mother 'not sure'
how fast it started (she was asleep). Below 16 the pressure exception does not apply (policy clarification 6), so the
unknown sudden start keeps the help-today caution; its words must fit her story, through `numbwise assess --case FILE`
(the answers are the ones `numbwise check --describe` saved for her)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_walk_j import _plan, _text

_YES = ("numb_arm", "after_pressure_on_arm", "one_hand", "episode_resolved_within_hour", "numb_thumb", "numb_index",
        "numb_middle", "numb_ring", "numb_little", "numb_whole_hand")
_NO = ("face_drooping speech_difficulty arm_or_leg_weakness_sudden numb_face_same_side numb_leg_same_side "
       "vision_loss_sudden confusion severe_sudden_headache balance_loss_sudden chest_pain shortness_of_breath "
       "cold_sweat_nausea head_or_neck_injury weakness_rising_from_legs trouble_breathing_or_swallowing "
       "bowel_bladder_loss numb_saddle_area hand_cold_pale_painful spreading_within_hours cast_tight_or_severe_pain "
       "both_hands numb_thenar_palm rash_blisters_band finger_blisters fever tick_bite_or_bullseye_rash fingertip_sores "
       "clumsy_hands_and_unsteady_walk getting_worse spreading_to_other_limbs recent_arm_injury_or_cast "
       "spreading_redness_swelling pregnancy_warning_signs arm_discomfort_on_exertion leg_weakness low_sugar_symptoms "
       "constant comes_and_goes lasting_over_6_weeks worse_at_night wakes_from_sleep shaking_relieves "
       "spreads_over_minutes worse_with_gripping worse_elbow_bent worse_arms_overhead worse_neck_movement "
       "triggered_by_cold_or_stress hand_weakness thumb_muscle_wasting neck_pain pain_shooting_down_arm burning_pain "
       "numb_around_mouth muscle_cramps_spasms skin_white_then_blue lump_at_wrist weight_loss_unexplained night_sweats "
       "fatigue_pallor cold_intolerance_weight_gain unsteady_walking rapid_breathing_anxiety arm_pain_with_use "
       "joint_pain_swelling electric_shock_neck_bend past_vision_episode diabetes chemotherapy neuropathy_drug "
       "takes_metformin takes_acid_reducer takes_diuretic vegan_or_vegetarian stomach_surgery "
       "neck_surgery_thyroid_parathyroid kidney_disease vomiting_or_diarrhea hypothyroidism_known autoimmune_disease "
       "cancer_history migraine_history anxiety_history pregnant vascular_risk blood_thinners atrial_fibrillation "
       "previous_stroke_or_tia known_ms vibrating_tools b6_supplements insulin_or_sulfonylurea").split()
LILY: dict[str, Any] = {"age": 12, "sex": "female", "unsure": ["onset_sudden"],
                        "findings": {**dict.fromkeys(_NO, False), **dict.fromkeys(_YES, True)}}
STROKE_WORDS = ("mini-stroke", "may have happened and then gone away")


def _banner(text: str) -> str:
    """The banner: everything above the first section after it."""
    return text.split("By when:")[0]


def test_lilys_help_today_banner_says_why_in_words_that_fit_her_story(tmp_path: Path) -> None:
    """Her only doubt is a start she could not see, after sleeping on her arm: not 'it may have been a mini-stroke'
    beside 'Most likely: my arm fell asleep'. The level and the help-today path stay."""
    plan = _plan(LILY, tmp_path)
    assert plan["level"] == "routine" and plan["caution_level"] == "emergency" and plan["caution_today"]
    assert plan["title"] == "Get medical help today" and plan["by_when"] == "Today."
    # no call buttons above "get medical help today" (walkthrough P, Ella: they read as "call 999")
    assert not plan["numbers"]
    assert plan["headline"].startswith("Most likely: Temporary nerve pressure")
    said = " ".join([plan["caution_title"], plan["caution"], plan["action"], plan["why"][0]])
    assert not any(w in said for w in STROKE_WORDS), said
    assert "how fast" in plan["action"] and "under 16" in plan["action"] and "today" in plan["action"]
    assert "how fast" in plan["caution_title"].lower()
    assert "under 16" in plan["why"][0].lower()
    text = _text(LILY, tmp_path)
    assert not any(w in text for w in STROKE_WORDS)
    assert "GET MEDICAL HELP TODAY" in _banner(text) and ">> Call 999 (UK)" not in _banner(text)  # today, not 999


def test_lilys_banner_never_says_a_stroke_sign_comes_back(tmp_path: Path) -> None:
    """She had no drooping face, weak arm or strange speech: 'if ... comes back' pre-answers a question she said no
    to. It is worded 'if ... happens'; a sign she was not sure of still 'comes back'."""
    text = _text(LILY, tmp_path)
    assert "comes back" not in text
    assert "call your emergency number now" in _banner(text).lower()
    # the generic help-today words too: Kai (9, one hand, attacks in the cold), a start not seen, no stroke sign doubted
    kai = {"age": 9, "sex": "female", "unsure": ["onset_sudden"], "findings": {
        "one_hand": True, "skin_white_then_blue": True, "triggered_by_cold_or_stress": True, "comes_and_goes": True}}
    kai_plan = _plan(kai, tmp_path)
    assert kai_plan["caution_today"] and "comes back" not in kai_plan["action"]
    assert "strange speech happens, call your emergency number now" in kai_plan["action"]


def test_a_child_not_sure_of_a_drooping_face_keeps_the_mini_stroke_words(tmp_path: Path) -> None:
    """Near miss: a stroke sign in doubt may have been a mini-stroke, whatever the pressure story: those words stay,
    and the face 'comes back'."""
    face = {**LILY, "unsure": ["onset_sudden", "face_drooping"],
            "findings": {k: v for k, v in LILY["findings"].items() if k != "face_drooping"}}
    plan = _plan(face, tmp_path)
    assert plan["caution_today"] and plan["title"] == "Get medical help today"
    assert "mini-stroke" in plan["why"][0] and "may have happened and then gone away" in plan["action"]
    assert "strange speech comes back" in plan["action"]
    assert "how fast" not in plan["action"]


def test_lily_at_17_has_the_pressure_story_and_no_caution(tmp_path: Path) -> None:
    """Near miss: at 16 or over the pressure exception applies, so the unknown start is no emergency sign at all."""
    plan = _plan({**LILY, "age": 17}, tmp_path)
    assert plan["level"] in ("self_care", "routine")
    assert not plan["caution"] and not plan["caution_title"] and not plan["caution_today"]
    assert "Get medical help today" not in plan["title"]


def test_lilys_watch_list_and_next_steps_add_nothing_slower_than_her_banner(tmp_path: Path) -> None:
    """Beside 'get medical help today', 'see a doctor today if it gets worse day by day' is no sooner, and a diary
    ('write down when it happens') waits: only the lines more urgent than the banner and the report stay."""
    plan = _plan(LILY, tmp_path)
    assert [g["level"] for g in plan["watch_for"]] == ["emergency"]
    steps = [s["id"] for s in plan["next_steps"]]
    assert "diary" not in steps and "report" in steps
    text = _text(LILY, tmp_path)
    assert "See a doctor today if" not in text and "in your diary" not in text
    assert "Call your emergency number now if" in text
    # near miss: a routine result with no caution keeps its today lines and its diary
    calm = _plan({**LILY, "unsure": [], "findings": {**LILY["findings"], "onset_sudden": False}}, tmp_path)
    assert calm["level"] == "routine" and not calm["caution_today"]
    assert "urgent" in [g["level"] for g in calm["watch_for"]] and "diary" in [s["id"] for s in calm["next_steps"]]
