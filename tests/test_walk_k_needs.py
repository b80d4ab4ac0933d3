"""Walkthrough K (issue 11): two results that left out what the person needed, through `numbwise assess --case FILE`:
Pete (about 120 units of alcohol a week, burning feet and hands) was not told that stopping all at once can be
dangerous, and was asked again whether he has diabetes, which he had answered 'not sure'; Ingrid, who already has
MS, was told MS is "most likely", never that it may be a relapse, and her 'no' to a past spell of blurred vision
was counted against the MS she has."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.test_walk_j import _plan, _text

PETE: dict[str, Any] = {"age": 58, "sex": "male", "unsure": ["diabetes"], "findings": {
    "both_hands": True, "numb_feet": True, "burning_pain": True, "worse_at_night": True, "lasting_over_6_weeks": True,
    "heavy_alcohol": True}}
INGRID: dict[str, Any] = {"age": 41, "sex": "female", "unsure": [], "findings": {
    "one_hand": True, "both_hands": False, "known_ms": True, "onset_over_days": True, "getting_worse": True,
    "past_vision_episode": False, "electric_shock_neck_bend": False, "numb_band_trunk": False, "neck_pain": False,
    "hand_weakness": False, "constant": True}}


def test_pete_is_told_not_to_stop_drinking_all_at_once_whatever_the_cause(tmp_path: Path) -> None:
    text = _text(PETE, tmp_path)
    assert "We can't tell yet" in text
    safe = text.split("To keep safe, whatever the cause")[1]
    assert "do not stop all at once on your own" in safe and "Ask your doctor for help to cut down safely" in safe
    assert "vitamin B1 (thiamine)" in safe
    plan = _plan(PETE, tmp_path)
    assert any("do not stop all at once" in s for s in plan["safety"])
    # near miss: no heavy drinking, no such line
    light = {**PETE, "findings": {**PETE["findings"], "heavy_alcohol": False}}
    assert "do not stop all at once" not in _text(light, tmp_path)


def test_the_safety_line_stays_when_alcohol_is_named(tmp_path: Path) -> None:
    """The web's route (diabetes counted as no): alcohol-related nerve damage about 9 in 10, and only 'no home plan'."""
    sure = {**PETE, "unsure": [], "findings": {**PETE["findings"], "diabetes": False}}
    plan = _plan(sure, tmp_path)
    assert plan["told_apart"] and plan["causes"][0]["id"] == "alcohol_neuropathy"
    assert any("do not stop all at once" in s for s in plan["safety"])


def test_a_not_sure_answer_is_not_asked_again_as_a_plain_question(tmp_path: Path) -> None:
    text = _text(PETE, tmp_path)
    apart = text.split("What would tell the causes apart")[1].split("Call your emergency number now if")[0]
    assert "? Do you have diabetes? " not in apart
    assert "You were not sure whether you have diabetes. A simple blood sugar test can tell." in apart
    # near miss: diabetes never asked (no answer at all): the plain question is still the one to think about
    unasked = {**PETE, "unsure": []}
    apart = _text(unasked, tmp_path).split("What would tell the causes apart")[1]
    assert "? Do you have diabetes? " in apart and "blood test" not in apart


def test_ingrid_with_known_ms_is_told_it_may_be_a_relapse_and_that_an_infection_can_set_one_off(tmp_path: Path) -> None:
    plan = _plan(INGRID, tmp_path)
    ms = next(c for c in plan["causes"] if c["id"] == "multiple_sclerosis")
    assert "relapse" in ms["note"] and "infection" in ms["note"] and "urine" in ms["note"]
    text = _text(INGRID, tmp_path)
    assert "relapse (flare-up) of your MS" in text
    # near miss: the same story without known MS: no word of "your MS"
    new = {**INGRID, "findings": {**INGRID["findings"], "known_ms": False}}
    assert "of your MS" not in _text(new, tmp_path)


def test_ingrids_past_eye_answer_is_not_counted_against_the_ms_she_has(tmp_path: Path) -> None:
    plan = _plan(INGRID, tmp_path)
    ms = next(c for c in plan["causes"] if c["id"] == "multiple_sclerosis")
    assert "past_vision_episode" not in [r["finding"] for r in ms["away"]]
    assert "have not had a spell of blurred vision" not in _text(INGRID, tmp_path)
    # near miss: MS not known (and a tingling band round the trunk keeps MS on the list): the 'no' still counts
    new = {**INGRID, "findings": {**INGRID["findings"], "known_ms": False, "numb_band_trunk": True}}
    plan = _plan(new, tmp_path)
    ms = next(c for c in plan["causes"] if c["id"] == "multiple_sclerosis")
    assert "past_vision_episode" in [r["finding"] for r in ms["away"]]


def test_ingrids_to_do_says_her_ms_team(tmp_path: Path) -> None:
    plan = _plan(INGRID, tmp_path)
    assert plan["level"] == "urgent"
    todo = " ".join([plan["action"], *plan["do"]])
    assert "MS team" in todo
    text = _text(INGRID, tmp_path)
    assert "MS team" in text.split("What to do")[1].split("Why this level")[0]
