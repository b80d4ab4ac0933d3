"""Walkthrough AZ and the medium findings left from AY, each with a hit, a near miss and an unknown case.

Mo, 24: his ring and little fingers tingle when he keeps his elbow bent on the phone. "It comes on when you grip, type,
drive or hold a phone" is a yes for him, and his ulnar plan told him to "pad the handlebars" and rest from long rides:
advice for the wrist's pressure (Guyon's canal), not for his elbow. With a bent elbow that brings it on, the wrist step
keeps its question form ("Does it come on when you lean on the heel of your hand ...? Then ease that pressure.").

Elena, 45 (walkthrough AZ, the round's one HIGH): "I'd been lying on it" was read as a hypothetical ("I would"), so her
sleeping on the arm was lost, and after "It came back within about 15 minutes" she was asked "Is the numbness there all
the time?"; a yes stood beside "It went away completely within an hour". "I'd" before a past participle is "I had"
(language.yaml `pseudo_hypothetical`); an episode gone within the hour, or pressure that eased within minutes, is not
there all the time (findings.yaml `implies`), so the list's group asks "Does the numbness come and go?" instead, where the answer could change the advice.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from numbwise.kb import KnowledgeError, load_from
from tests.conftest import assess_cli, check_cli, edit_file, parse_json, run_cli

MO: dict[str, Any] = {"age": 24, "sex": "male", "days_so_far": 60, "findings": {
    "one_hand": True, "numb_little": True, "numb_ring": True, "comes_and_goes": True,
    "worse_elbow_bent": True, "worse_with_gripping": True, "onset_gradual": True, "hand_weakness": False}}

ASKED = "Does it come on when you lean on the heel of your hand"
TOLD = "Ease the pressure on the heel of your hand when you ride or grip"


def _mo(tmp_path: Path, **findings: bool | None) -> str:
    answered = {k: v for k, v in MO["findings"].items() if k not in findings}
    case = {**MO, "findings": {**answered, **{k: v for k, v in findings.items() if v is not None}}}
    case["unsure"] = [k for k, v in findings.items() if v is None]
    return assess_cli(case, tmp_path)


def _care(*args: str) -> str:
    return " ".join(run_cli("--plain", "care", "ulnar_neuropathy", *args).out.split())


def test_hit_a_bent_elbow_keeps_the_wrist_step_a_question(tmp_path: Path) -> None:
    text = _mo(tmp_path)
    assert "Ulnar nerve" in text and ASKED in text, text
    assert TOLD not in text and "pad the handlebars" not in text, text
    care = _care("--yes", "worse_with_gripping,worse_elbow_bent")
    assert ASKED in care and TOLD not in care


def test_near_miss_gripping_without_the_elbow_is_told_straight() -> None:
    care = _care("--yes", "worse_with_gripping", "--no", "worse_elbow_bent")
    assert TOLD in care and "pad the handlebars" in care, care
    assert ASKED not in care


def test_unknown_elbow_with_gripping_is_told_straight() -> None:
    # not sure the elbow brings it on: gripping is the trigger he named, so its advice is said to him
    care = _care("--yes", "worse_with_gripping", "--unsure", "worse_elbow_bent")
    assert TOLD in care, care


def test_a_yes_gets_the_step_worded_for_it_not_a_question() -> None:
    # hit: bending the elbow brings it on, so the splint step says so instead of asking
    yes = _care("--yes", "worse_elbow_bent")
    assert "Bending your elbow brings it on, so wear a splint" in yes and "Does bending your elbow" not in yes
    # unknown: the question stays
    unsure = _care("--unsure", "worse_elbow_bent")
    assert "Does bending your elbow bring it on? Then wear a splint" in unsure
    # near miss: a no leaves the step out
    no = _care("--no", "worse_elbow_bent")
    assert "wear a splint or brace at night" not in no


def test_numb_feet_said_yes_drops_the_if(tmp_path: Path) -> None:
    case = {"age": 66, "sex": "female", "days_so_far": 700, "findings": {
        "diabetes": True, "numb_feet": True, "both_hands": True, "onset_gradual": True, "constant": True,
        "lasting_over_6_weeks": True, "getting_worse": False, "hand_weakness": False}}
    text = assess_cli(case, tmp_path)
    assert "Numb feet may not feel a cut or a blister" in text and "If your feet are numb too" not in text, text


def test_a_do_if_yes_without_about_is_refused(kb_copy: Path) -> None:
    edit_file(kb_copy / "care.yaml", "        do_if_yes: Stop smoking. It helps the blood flow to your fingers.\n        about: smoker",
              "        do_if_yes: Stop smoking. It helps the blood flow to your fingers.")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("do_if_yes but no `about`" in p for p in exc.value.problems)


ELENA = ("I woke up this morning and my whole left arm was numb and tingly - I'd been lying on it. It came back within "
         "about 15 minutes and it's been fine since.")
ALWAYS = "Is the numbness there all the time?"
COMES = "Does the numbness come and go?"


def test_hit_id_been_is_a_past_not_a_would() -> None:
    assert parse_json(ELENA)["findings"] == {
        "one_hand": True, "numb_arm": True, "after_pressure_on_arm": True, "episode_resolved_within_hour": True,
        "lasting_over_6_weeks": False, "onset_gradual": False}


def test_near_miss_id_before_a_plain_verb_is_still_a_would() -> None:
    out = parse_json("My arm went numb this morning. If it comes back I'd lie on my other arm and it went away in 5 minutes.")
    assert "after_pressure_on_arm" not in out["findings"]


def test_unknown_maybe_id_been_lying_on_it_is_not_sure() -> None:
    out = parse_json("My arm went numb. Maybe I'd been lying on it, not sure.")
    assert "after_pressure_on_arm" in out["unsure"] and "after_pressure_on_arm" not in out["findings"]


# Her words, kept; no emergency sign; on waking; then "none of these" to everything.
ELENA_KEYS = "\n\n45\nf\n5\n" + "\n" * 14


def test_hit_gone_within_the_hour_never_asks_if_it_is_always_there() -> None:
    # "there all the time" keeps the list's no; how often it comes could not change home care for pressure on the arm,
    # so it is not asked either
    out = check_cli(ELENA_KEYS, "--describe", ELENA)
    assert ALWAYS not in out and COMES not in out, out
    result = out[out.index("URGENCY:"):]
    assert result.startswith("URGENCY: CARE FOR IT AT HOME"), result[:200]
    assert "It is there all the time" not in result and "It went away completely within an hour" in result


def test_near_miss_words_that_say_nothing_of_its_going_ask_if_it_is_always_there() -> None:
    words = "My left hand has been numb and tingly for two weeks."
    # came on slowly; the whole left hand; "none of these" until a yes-or-no question waits for its answer
    out = check_cli("\n\n45\nf\n3\nL0\n" + "\n" * 30, "--describe", words, codes=(130,))
    assert ALWAYS in out and COMES not in out, out


def test_hit_her_first_flow_a_list_tick_after_words_that_it_went() -> None:
    # her words as first read (no pressure in them), then the list's "sleeping on your arm ... eased within minutes":
    # she was asked "You did not pick 'there all the time' ... Is the numbness there all the time?"
    words = "I woke up with my left arm numb and tingly. It came back within about 15 minutes."
    keys = "\n\n45\nf\n5\n1\nL0\n\n2\n6\n" + "\n" * 30  # on waking, less than a day, the whole left hand
    out = check_cli(keys, "--describe", words)
    assert "You said yes to: It started after leaning on your elbow" in out, out
    assert ALWAYS not in out and "URGENCY: CARE FOR IT AT HOME" in out, out


def test_unknown_pressure_not_sure_of_rules_nothing_out() -> None:
    words = "My left arm went numb this morning."
    start = "\n\n45\nf\n5\nL0\n\n2\n"  # on waking, the whole left hand, then "answer a few questions"
    out = check_cli(start + "q\n", "--describe", words, codes=(130,))
    picked = re.search(r"(\d+)\. It started after leaning on your elbow or sleeping on your arm", out)
    assert picked is not None, out
    out = check_cli(start + "?" + picked.group(1) + "\n\n" + "\n" * 30, "--describe", words, codes=(130,))
    assert ALWAYS in out, out


# Aisha, 33, vegetarian for ten years (walkthrough AZ): "vegan or strict vegetarian" left her unsure it meant her, and
# her B12 step began "If you eat a vegan diet". Vegetarians run low too (ODS): the question and the step say both.
AISHA: dict[str, Any] = {"age": 33, "sex": "female", "days_so_far": 120, "findings": {
    "both_hands": True, "numb_feet": True, "onset_gradual": True, "constant": True, "lasting_over_6_weeks": True,
    "fatigue_pallor": True, "sore_red_tongue": True, "hand_weakness": False, "unsteady_walking": False}}


def test_hit_a_vegetarian_is_told_what_fits_her(tmp_path: Path) -> None:
    text = assess_cli({**AISHA, "findings": {**AISHA["findings"], "vegan_or_vegetarian": True}}, tmp_path)
    assert "Plant foods give you no B12 unless it is added" in text and "If you eat a vegan" not in text, text
    assert "Milk, cheese, yogurt and eggs have some B12 too" in text


def test_near_miss_a_meat_eater_gets_no_plant_food_step(tmp_path: Path) -> None:
    text = assess_cli({**AISHA, "findings": {**AISHA["findings"], "vegan_or_vegetarian": False}}, tmp_path)
    assert "Plant foods give you no B12" not in text and "plant foods give you no B12" not in text


def test_unknown_diet_keeps_the_if_for_vegans_and_vegetarians(tmp_path: Path) -> None:
    text = assess_cli(AISHA, tmp_path)
    assert "If you eat a vegan or vegetarian diet, plant foods give you no B12" in text, text


# Hugo, 55 (walkthrough AZ): "I sweat at night" was read as "night sweats that soak your bedding" and listed as a reason.
def test_hit_soaked_in_sweat_is_a_drenching_night_sweat() -> None:
    assert parse_json("I wake up soaked in sweat most nights.")["findings"].get("night_sweats") is True  # type: ignore[union-attr]


def test_near_miss_sweating_at_night_is_asked_not_read_as_soaking() -> None:
    out = parse_json("My right hand is numb and weak and I sweat at night.")
    assert "night_sweats" not in out["findings"] and "night_sweats" in out["partial"]  # type: ignore[operator]


def test_unknown_maybe_night_sweats_is_not_sure() -> None:
    out = parse_json("My hand is numb. Maybe I have night sweats, I'm not sure.")
    assert "night_sweats" in out["unsure"] and "night_sweats" not in out["findings"]  # type: ignore[operator]
