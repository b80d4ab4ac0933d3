"""Walkthrough K (issue 11): what a result says beside a story the rule's reason does not name (vomiting beside
"feel sick"), a not-sure sign on an urgent result said back, a chest rash beside the heart attack watch line, and
first aid for low blood sugar addressed to the reader, through `numbwise assess --case FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_walk_j import _plan, _text

# Hassan, 63: kidney disease, two days of vomiting, tingling around the mouth and fingers; ticked "feel sick".
HASSAN = {"age": 63, "sex": "male", "unsure": [],
          "findings": {"both_hands": True, "numb_around_mouth": True, "kidney_disease": True,
                       "vomiting_or_diarrhea": True, "cold_sweat_nausea": True}}
# Carol, 71: a painful band of rash on one side of her chest for 2 days, the arm on that side tingles; fever not sure.
CAROL = {"age": 71, "sex": "female", "unsure": ["fever"],
         "findings": {"one_hand": True, "rash_blisters_band": True, "numb_arm": True, "burning_pain": False,
                      "onset_over_days": True}}


def test_hassans_call_now_names_the_vomiting_not_only_a_heart_attack(tmp_path: Path) -> None:
    text = _text(HASSAN, tmp_path)
    assert "URGENCY: CALL EMERGENCY SERVICES NOW" in text
    why = text.split("Why this level")[1]
    assert "You said you have been vomiting" in why and "salts in your blood" in why and "still needs checking now" in why
    # near miss: no vomiting, no such line
    calm = {**HASSAN, "findings": {**HASSAN["findings"], "vomiting_or_diarrhea": False}}
    assert "You said you have been vomiting" not in _text(calm, tmp_path)


def test_low_sugar_first_aid_speaks_to_the_reader(tmp_path: Path) -> None:
    # new confusion with diabetes not known: the low-sugar rule's first aid shows, said to the reader
    text = _text({**HASSAN, "findings": {**HASSAN["findings"], "confusion": True}}, tmp_path)
    assert "If you have diabetes, can swallow safely and have not had something sugary yet, have a sugary drink" in text
    assert "If they have diabetes" not in text
    # feeling sick alone with diabetes not known (Hassan): no sugar line (walkthrough Y, Peter)
    assert "sugary drink" not in _text(HASSAN, tmp_path)


def test_carols_not_sure_fever_is_said_back_on_her_urgent_result(tmp_path: Path) -> None:
    plan: dict[str, Any] = _plan(CAROL, tmp_path)
    assert plan["level"] == "urgent" and not plan["caution"]
    groups = [g for g in plan["unsure"] if g["level"] == "urgent"]
    assert groups and groups[0]["heading"] == "You were also not sure about these signs"
    assert any("fever" in u["text"] for u in groups[0]["items"]) and groups[0]["advice"] == ["Tell the doctor about them too."]
    # near miss: a fever answered no is not said back
    sure = {**CAROL, "unsure": [], "findings": {**CAROL["findings"], "fever": False}}
    assert not [g for g in _plan(sure, tmp_path)["unsure"] if g["level"] == "urgent"]


def test_carols_chest_rash_is_told_apart_from_heart_pain_and_her_no_keeps_its_words(tmp_path: Path) -> None:
    text = _text(CAROL, tmp_path)
    watch = text.split("Call your emergency number now if")[1]
    assert "deep in your chest, not just soreness of the rash" in watch
    assert "You have chest pain or pressure, or a cold sweat" not in watch
    assert "- You have no burning or electric pain in the numb areas." in text  # not "no pain", beside a painful rash
    no_rash = {**CAROL, "findings": {**CAROL["findings"], "rash_blisters_band": False}}
    assert "not just soreness of the rash" not in _text(no_rash, tmp_path)


def test_someone_vomiting_is_not_told_to_call_now_if_they_feel_sick(tmp_path: Path) -> None:
    """Hassan's variant (none ticked on the first screen): the watch list said "call now if ... sickness"."""
    quiet = {**HASSAN, "unsure": ["muscle_cramps_spasms"], "findings": {**HASSAN["findings"], "cold_sweat_nausea": False}}
    watch = _text(quiet, tmp_path).split("Call your emergency number now if")[1].split("What next")[0]
    assert "You get chest pain, pressure or tightness, or a cold sweat or light-headedness with the numbness." in watch
    assert "sickness" not in watch and "feel sick" not in watch
    not_vomiting = {**quiet, "findings": {**quiet["findings"], "vomiting_or_diarrhea": False}}
    assert "a cold sweat, sickness or light-headedness" in _text(not_vomiting, tmp_path)


def test_hassans_not_sure_cramps_take_one_path_today(tmp_path: Path) -> None:
    """He could not choose between "if it is there: today" and "if none: book a visit within two weeks". (His kidney
    disease now makes it a doctor today anyway, below; without it the not-sure cramps alone take the one path.)"""
    quiet = {**HASSAN, "unsure": ["muscle_cramps_spasms"],
             "findings": {**HASSAN["findings"], "cold_sweat_nausea": False, "kidney_disease": False}}
    text = _text(quiet, tmp_path)
    banner = text.split("By when:")[0]
    assert "SEE A DOCTOR TODAY" in banner and "two weeks" not in banner and "If none" not in text
    assert text.split("By when: ")[1].startswith("Today.")
    plan = _plan(quiet, tmp_path)
    assert plan["level"] == "routine" and plan["caution_level"] == "urgent" and not plan["do"]
    # near miss: cramps answered no: the routine level speaks for itself, no caution
    sure = {**quiet, "unsure": [], "findings": {**quiet["findings"], "muscle_cramps_spasms": False}}
    assert "SEE A DOCTOR TODAY" not in _text(sure, tmp_path) and not _plan(sure, tmp_path)["caution"]


# Nadia, 29: her usual aura spread slowly over 20 minutes from her fingers up her arm to her face, then her usual
# migraine headache; it is gone now.
NADIA = {"age": 29, "sex": "female", "unsure": [],
         "findings": {"one_hand": True, "onset_sudden": True, "spreads_over_minutes": True, "migraine_history": True,
                      "aura_like_usual": True, "headache_follows": True, "episode_resolved_within_hour": True,
                      "numb_face_same_side": True, "face_drooping": False, "speech_difficulty": False,
                      "arm_or_leg_weakness_sudden": False, "atrial_fibrillation": False, "blood_thinners": False,
                      "previous_stroke_or_tia": False, "spreading_within_hours": False}}


def test_an_aura_that_spread_over_minutes_is_not_told_to_call_if_it_spreads(tmp_path: Path) -> None:
    """Her home-care result said "call now if it spreads to other parts of your body", which she had reported."""
    text = _text(NADIA, tmp_path)
    assert "URGENCY: CARE FOR IT AT HOME" in text
    assert "spreads" not in text.split("By when:")[0]  # walkthrough L: "see a doctor if it spreads" beside call now
    watch = text.split("Call your emergency number now if")[1].split("What next")[0]
    assert "spreads to other parts of your body within hours" not in watch
    assert "keeps spreading over hours, up your legs or to your other arm" in watch  # walkthrough N: not "an hour"
    # a sentence, like the other lines (walkthrough N: under "See a doctor today if", apart from the spread)
    assert "- Your aura lasts more than an hour, or does not go away fully, but does not spread further." in text
    # near miss: a person who reported no spread over minutes keeps the general line (Carol's shingles)
    assert "spreads to other parts of your body within hours" in _text(CAROL, tmp_path)


def test_heavy_vomiting_with_kidney_disease_is_a_doctor_today_even_without_cramps(tmp_path: Path) -> None:
    """Walkthroughs K and L (Hassan): 'no' to cramps gave 'book a visit within two weeks'; NHS advice is 111."""
    no_cramps = {**HASSAN, "findings": {**HASSAN["findings"], "cold_sweat_nausea": False, "muscle_cramps_spasms": False}}
    plan = _plan(no_cramps, tmp_path)
    assert plan["level"] == "urgent" and "two weeks" not in plan["action"]
    assert any("kidney disease can upset the salts in your blood" in w for w in plan["why"])
    # near miss: the same without kidney disease stays with the policy (routine)
    no_kidney = {**no_cramps, "findings": {**no_cramps["findings"], "kidney_disease": False}}
    assert _plan(no_kidney, tmp_path)["level"] == "routine"


# Walkthrough L. Lily, 12: woke with her arm numb after sleeping on it, fine after 5 minutes; start "not sure".
LILY = {"age": 12, "sex": "female", "unsure": ["onset_sudden"],
        "findings": {"one_hand": True, "after_pressure_on_arm": True, "episode_resolved_within_hour": True,
                     "face_drooping": False, "speech_difficulty": False, "arm_or_leg_weakness_sudden": False}}
# Fatima, 45, vegan: feet then hands, slowly over months; memory worse; tired and pale.
FATIMA = {"age": 45, "sex": "female", "unsure": [],
          "findings": {"both_hands": True, "numb_feet": True, "onset_gradual": True, "vegan_or_vegetarian": True,
                       "memory_or_mood_change": True, "fatigue_pallor": True, "diabetes": False}}
# Joe, 52: vibrating tools for 20 years, fingers white in the cold, numb fingertips for years.
JOE = {"age": 52, "sex": "male", "unsure": [],
       "findings": {"both_hands": True, "vibrating_tools": True, "skin_white_then_blue": True,
                    "triggered_by_cold_or_stress": True, "lasting_over_6_weeks": True}}


def test_a_start_after_sleeping_on_the_arm_is_not_a_start_nobody_knows(tmp_path: Path) -> None:
    """Lily: "call now ... numbness whose start you do not know" beside "most likely: my arm fell asleep"."""
    plan = _plan(LILY, tmp_path)
    assert not plan["caution_now"] and "emergency number now" not in plan["title"].lower()
    # near miss: the same girl with no pressure story (start not known, one hand, not sure it was sudden): call now
    no_story = {**LILY, "findings": {**LILY["findings"], "after_pressure_on_arm": False}}
    assert _plan(no_story, tmp_path)["caution_now"]


def test_memory_trouble_is_not_watched_for_as_confusion(tmp_path: Path) -> None:
    watch = _text(FATIMA, tmp_path).split("Call your emergency number now if")[1].split("What next")[0]
    assert "You suddenly get confused, much more than your usual memory trouble, or suddenly lose your balance." in watch
    assert "You get confused, or suddenly lose your balance." not in watch
    plain = {**FATIMA, "findings": {**FATIMA["findings"], "memory_or_mood_change": False}}
    assert "You get confused, or suddenly lose your balance." in _text(plain, tmp_path)


def test_the_raynaud_check_reason_applies_to_the_person_it_fires_for(tmp_path: Path) -> None:
    why = " ".join(_plan(JOE, tmp_path)["why"])
    assert "if any of these is true: you are 30 or over" in why and "Another condition may be behind them" in why
    assert "that start after age 30" not in why


def test_the_ulnar_plan_is_not_only_for_the_elbow() -> None:
    """Walkthrough L (Ben, a cyclist): "- Keeping your elbow bent does not bring it on" beside a night elbow splint."""
    from numbwise.assess.result import _advice

    said_no = _advice("ulnar_neuropathy", True, {"worse_elbow_bent": False}, "male", 24)
    steps = " ".join(s.do for s in said_no.steps)
    assert "handlebars" in steps and "splint" not in steps and "wrist" in said_no.summary
    not_asked = _advice("ulnar_neuropathy", True, {}, "male", 24)
    assert any("splint" in s.do for s in not_asked.steps)  # near miss: not asked, the step stands, worded "if"


def test_the_aura_story_does_not_say_no_emergency_beside_a_doubt_it_cannot_rule_out(tmp_path: Path) -> None:
    """Nadia's variant: not sure whether it spread within hours; "we can't rule that out" and "so here it does not
    need emergency help" stood in one "Why this level"."""
    doubt = {**NADIA, "unsure": ["spreading_within_hours"],
             "findings": {k: v for k, v in NADIA["findings"].items() if k != "spreading_within_hours"}}
    plan = _plan(doubt, tmp_path)
    assert plan["caution"] and not any("does not need emergency help" in w for w in plan["why"])
    sure = _plan(NADIA, tmp_path)  # near miss: nothing in doubt, the aura story says why the sudden start is fine
    assert not sure["caution"] and any("aura" in w.lower() for w in sure["why"])
