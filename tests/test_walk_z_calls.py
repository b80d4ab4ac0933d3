"""Walkthrough Z (reviewers Z4 and Z3): the call box and first-aid texts of emergency results, and the own-words
emergency step's line.

1. Kim, 45, oxaliplatin finished 2 months ago, fingers and feet still tingle, 38.2 C: CALL YOUR CANCER HELPLINE NOW
   (right), but (a) her lasting tingling was never mentioned: the helpline now hears of it, in her hands and feet when
   her feet tingle too; (b) "tell them your temperature if you have taken it" after she wrote 38.2 (the reading is not
   kept, so the line fits both); (c) where the helpline's number is was said twice in the red box: now once.
2. Walt, 72, on gliclazide, sweaty, shaky and muddled: (a) "above all a blood thinner" and "when you went to sleep"
   are a stroke's lines: with signs of low blood sugar and no stroke sign but the confusion, the call handler hears
   of the diabetes medicines and the time is when the signs started; (b) "give them one [a sugary drink]" beside "do
   not wait to see if it goes away, even if it gets better": the ambulance is still needed if the sugar helps.
3. Omar, 62, sudden numb hand and face, slurred speech, "Answer a few questions": "a usual cause, like ... breathing
   fast or pressure on the arm". Only causes that could still explain every sign are named; none, none offered.
4. Helen, "See what to do now", age never asked: the call-now result said "we can't suggest home care alone".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from numbwise.assess.interview import describe, start, still_line
from numbwise.kb import load
from tests.conftest import assess_plan, check_cli, with_findings

KIM: dict[str, Any] = {"age": 45, "sex": "female", "unsure": [], "findings": {
    "chemotherapy": True, "fever": True, "numb_feet": True, "both_hands": True}}
WALT: dict[str, Any] = {"age": 72, "sex": "male", "unsure": [], "findings": {
    "confusion": True, "low_sugar_symptoms": True, "diabetes": True, "insulin_or_sulfonylurea": True, "both_hands": True}}
HELEN: dict[str, Any] = {"findings": {"one_hand": True}, "unsure": ["onset_sudden", "numb_face_same_side"]}
SLEEP = "when you went to sleep"
THINNER_FIRST = "above all a blood thinner"
HOME = "home care"
NUMBER_WHERE = "alert card"
FIRST = load().interview.emergency_first
assert FIRST is not None


def _api(case: dict[str, Any], tmp_path: Path) -> dict[str, Any]:
    """The web's result plan for these answers (POST /api/result, the plan every web page renders)."""
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'w.sqlite3'}", secret_key="s"))
    r = call(app, "POST", "/api/result", json.dumps(case).encode(), {"Content-Type": "application/json"})
    assert r.status == 200, r.body
    plan: dict[str, Any] = json.loads(r.body)
    return plan


def _box(plan: dict[str, Any]) -> str:
    """The red box's words: banner, where the call goes and the intro to the emergency buttons."""
    return " ".join((plan["title"], plan["action"], plan["by_when"], plan.get("call_where", ""), plan.get("call_intro", "")))


# ---------------------------------------------------------------- 1. Kim


def test_kim_the_helpline_hears_of_her_tingling_hands_and_feet_and_her_temperature(tmp_path: Path) -> None:
    plan = assess_plan(KIM, tmp_path)
    assert plan["title"] == "Call your cancer helpline now"
    assert any("tingling in your hands and feet too" in d for d in plan["do"]), plan["do"]
    assert not any("if you have taken it" in d for d in plan["do"]), plan["do"]
    assert any(d.startswith("Tell them your temperature, or that you feel hot") for d in plan["do"]), plan["do"]
    assert _box(plan).count(NUMBER_WHERE) == 1 and "Call it first" not in _box(plan), _box(plan)
    web = _api(KIM, tmp_path)
    assert (web["do"], web["do_not"], _box(web)) == (plan["do"], plan["do_not"], _box(plan))


def test_kim_near_miss_hands_only_when_her_feet_are_not_numb(tmp_path: Path) -> None:
    plan = assess_plan(with_findings(KIM, numb_feet=False), tmp_path)
    tell = [d for d in plan["do"] if "numbness or tingling" in d]
    assert tell and "in your hands too" in tell[0] and "feet" not in tell[0], plan["do"]
    no_chemo = assess_plan(with_findings(KIM, chemotherapy=False), tmp_path)  # no chemotherapy: no helpline, no line
    assert not any("chemotherapy harms the nerves" in d for d in no_chemo["do"]), no_chemo["do"]


def test_kim_not_sure_of_a_fever_still_says_where_the_number_is_once(tmp_path: Path) -> None:
    case = {**KIM, "findings": {k: v for k, v in KIM["findings"].items() if k != "fever"}, "unsure": ["fever"]}
    plan = assess_plan(case, tmp_path)
    assert plan["title"] == "Call your cancer helpline now"
    assert _box(plan).count(NUMBER_WHERE) == 1, _box(plan)
    assert any("If you can, take your temperature" in d for d in plan["do"]), plan["do"]  # not known: take it


def test_kim_own_words_result_says_the_number_once_and_her_tingling() -> None:
    out = check_cli("y\n\n", "--describe", "I finished chemotherapy (oxaliplatin) for bowel cancer 2 months ago. My "
                    "fingers and feet still tingle. Today I have a temperature of 38.2 and feel shivery.")
    result = out[out.index("URGENCY:"):]
    assert "CALL YOUR CANCER HELPLINE NOW" in result
    assert result.count(NUMBER_WHERE) == 1 and "if you have taken it" not in result, result
    assert "tingling in your hands and feet too" in result, result


# ---------------------------------------------------------------- 2. Walt


def test_walt_low_sugar_lines_name_his_diabetes_medicine_and_the_ambulance_still_comes(tmp_path: Path) -> None:
    plan = assess_plan(WALT, tmp_path)
    assert plan["level"] == "emergency" and "sugary drink" in plan["do"][0]
    lines = " ".join((*plan["do"], *plan["do_not"]))
    assert SLEEP not in lines and THINNER_FIRST not in lines, lines
    assert "Note the time the signs started. The hospital team needs it." in plan["do"]
    assert any("insulin or diabetes tablets such as gliclazide" in d and "blood thinner" in d for d in plan["do"])
    assert "Do not wait to see if it goes away. Even if it gets better or has already gone, you still need help now." not in plan["do_not"]
    assert any("If it helps, the ambulance is still needed" in d for d in plan["do_not"]), plan["do_not"]
    web = _api(WALT, tmp_path)
    assert (web["do"], web["do_not"]) == (plan["do"], plan["do_not"])


def test_walt_near_miss_a_drooping_face_keeps_the_stroke_lines_and_the_sugar_words(tmp_path: Path) -> None:
    plan = assess_plan(with_findings(WALT, face_drooping=True), tmp_path)
    lines = " ".join((*plan["do"], *plan["do_not"]))
    assert SLEEP in lines and THINNER_FIRST in lines, lines  # a stroke sign beyond the confusion: a stroke's lines
    assert any("If it helps, the ambulance is still needed" in d for d in plan["do_not"]), plan["do_not"]
    no_sugar = assess_plan(with_findings(WALT, low_sugar_symptoms=False), tmp_path)  # confused, diabetic, no signs
    assert SLEEP in " ".join(no_sugar["do"]) and THINNER_FIRST in " ".join(no_sugar["do"]), no_sugar["do"]


def test_walt_not_sure_of_the_low_sugar_signs_keeps_the_stroke_lines(tmp_path: Path) -> None:
    case = {**WALT, "findings": {k: v for k, v in WALT["findings"].items() if k != "low_sugar_symptoms"},
            "unsure": ["low_sugar_symptoms"]}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "emergency"
    assert SLEEP in " ".join(plan["do"]) and THINNER_FIRST in " ".join(plan["do"]), plan["do"]


def test_walt_own_words_read_by_his_wife() -> None:
    out = check_cli("y\n\n", "--describe", "He is sweaty, shaky and muddled, not making much sense, and his hands "
                    "tingle. He has not eaten since breakfast. He has type 2 diabetes and takes gliclazide.")
    result = out[out.index("URGENCY:"):]
    assert SLEEP not in result and THINNER_FIRST not in result and "the ambulance is still needed" in result, result


# ---------------------------------------------------------------- 3. Omar


OMAR_WORDS = ("40 minutes ago my right hand and the right side of my face went numb all at once and my words came out "
              "slurred. My wife says my speech is a little better now. I have type 2 diabetes, metformin only.")


def test_omar_face_and_speech_get_no_usual_cause_on_the_questions() -> None:
    iv = describe(start(62, "male"), {"onset_sudden": True, "numb_face_same_side": True, "speech_difficulty": True,
                                      "one_hand": True})
    line = still_line(iv)
    assert line is not None and "usual cause" not in line and "pressure on the arm" not in line, line
    assert line.startswith(" ".join(FIRST.still_why_settled.split())) and "If you are worried" not in line, line
    out = check_cli("y\n\n2\nn\nq\n", "--describe", OMAR_WORDS)
    assert "usual cause" not in out and "pressure on the arm" not in out.split("Question 1")[0].split("few questions")[-1]
    assert " ".join(FIRST.still_why_settled.split()) in out


def test_omar_near_miss_a_numb_face_without_speech_names_only_the_aura() -> None:
    face = describe(start(45, "male"), {"onset_sudden": True, "numb_face_same_side": True, "one_hand": True})
    line = still_line(face)
    assert line is not None and "a known migraine aura." in line, line
    assert "pressure on the arm" not in line and "breathing fast" not in line, line
    hand = describe(start(45, "male"), {"onset_sudden": True, "one_hand": True, "numb_face_same_side": False,
                                        "numb_leg_same_side": False, "speech_difficulty": False})
    line = still_line(hand)
    assert line is not None and "pressure on the arm" in line, line  # one hand alone: pressure can still explain it


def test_omar_face_not_known_keeps_pressure_on_the_arm_possible() -> None:
    iv = describe(start(), {"onset_sudden": True, "one_hand": True})  # face, speech and age not known yet
    line = still_line(iv)
    assert line is not None and "pressure on the arm" in line and "a known migraine aura" in line, line


# ---------------------------------------------------------------- 4. Helen


def test_helen_call_now_never_says_home_care_for_an_age_not_asked(tmp_path: Path) -> None:
    plan = assess_plan(HELEN, tmp_path)
    assert plan["caution_now"] is True
    assert not any(HOME in w for w in plan["why"]), plan["why"]
    web = _api(HELEN, tmp_path)
    assert web["why"] == plan["why"]


def test_helen_near_miss_no_call_now_keeps_the_age_reason(tmp_path: Path) -> None:
    plan = assess_plan({"findings": {"one_hand": True, "onset_sudden": False}, "unsure": []}, tmp_path)
    assert plan["level"] == "routine" and any(HOME in w for w in plan["why"]), plan["why"]


def test_helen_an_emergency_with_no_age_says_nothing_of_home_care(tmp_path: Path) -> None:
    plan = assess_plan({"findings": {"one_hand": True, "face_drooping": True}, "unsure": ["onset_sudden"]}, tmp_path)
    assert plan["level"] == "emergency" and not any(HOME in w for w in plan["why"]), plan["why"]
