"""Walkthrough AW's last two people, each with a hit, a near miss and an unknown case.

Omar, 62, smokes, high blood pressure: his left arm aches and tingles when he walks uphill and eases when he stops, for a
month; he was not sure how it started and is newly short of breath. "See a doctor today" for angina, and below it
"Heart attack, about 1 in 10" with no word why that is not a call now, under a stroke's note ("If new numbness starts
suddenly ... call your emergency number at once"). The heart attack's note now says why (its `not_now`) and its own
signs, which include discomfort that comes at rest or does not ease within minutes; how it started is a stroke's sign.

Frank, 59, drinks six pints a day; his feet have tingled and burned for a year, his hands are fine. The finger picker had
no answer for "none", and a no to "Is only one of your hands numb?" read as both hands ("it is in both hands"), with
carpal tunnel ranked first. Both faces now have "my hands are fine" (the terminal's 0, the web's button): neither hand
is numb, the tests of a numb hand are not asked, and the ranking reads no numb hand for what it is (likelihoods.yaml
`hands_fine`).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from numbwise.assess.interview import HANDS_FINE_WORDS, fits, hands_fine_answer
from numbwise.assess.ranking import rank
from numbwise.assess.result import emergency_cause_note
from numbwise.kb import load
from tests.conftest import assess_cli, check_cli
from tests.web.test_result_answers_http import SECRET, Check

CO = load().triage.coherence
NOT_NOW = " ".join(CO.causes["heart_attack"].not_now[0].text.split())
STROKE_NOTE = " ".join((CO.cause_note_onset_long or "").split())
assert NOT_NOW and STROKE_NOTE

OMAR: dict[str, Any] = {"age": 62, "sex": "male", "days_so_far": 30, "findings": {
    "smoker": True, "vascular_risk": True, "one_hand": True, "arm_discomfort_on_exertion": True, "shortness_of_breath": True,
    "comes_and_goes": True, "onset_gradual": False, "lasting_over_6_weeks": False, "chest_pain": False, "cold_sweat_nausea": False,
    "face_drooping": False, "speech_difficulty": False, "arm_or_leg_weakness_sudden": False, "vision_loss_sudden": False,
    "balance_loss_sudden": False}, "unsure": ["onset_sudden"]}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _heart_card(text: str) -> str:
    start = text.index("* Heart attack")
    return text[start:text.index("Learn more", start)]


def test_hit_omars_heart_attack_says_why_not_now_in_its_own_signs(tmp_path: Path) -> None:
    text = _flat(assess_cli(OMAR, tmp_path))
    assert text.startswith("URGENCY: SEE A DOCTOR TODAY"), text[:200]
    card = _heart_card(text)
    assert NOT_NOW in card and "does not ease within a few minutes of resting" in card, card
    assert "If new numbness starts suddenly" not in card, card  # a stroke's words, not a heart's


def test_near_miss_the_stroke_keeps_its_onset_note_and_no_effort_ache_keeps_no_why() -> None:
    from numbwise.assess.result import _cause_note

    fs = {**OMAR["findings"], "arm_discomfort_on_exertion": False}
    assert NOT_NOW not in emergency_cause_note("heart_attack", fs)
    assert emergency_cause_note("heart_attack", fs).startswith("This cause can get worse quickly.")
    doubts = _onset_doubt()
    assert _flat(_cause_note("stroke_tia", doubts, True, OMAR["findings"])) == STROKE_NOTE
    assert NOT_NOW in _cause_note("heart_attack", doubts, True, OMAR["findings"])


def test_unknown_chest_pain_not_asked_says_no_why() -> None:
    fs = {k: v for k, v in OMAR["findings"].items() if k != "chest_pain"}
    assert NOT_NOW not in emergency_cause_note("heart_attack", fs)
    fs = {**OMAR["findings"]}
    del fs["arm_discomfort_on_exertion"]
    assert NOT_NOW not in emergency_cause_note("heart_attack", fs)


def _onset_doubt() -> tuple[Any, ...]:
    """How it started, not sure: the one doubt of Omar's result that could call now."""
    from numbwise.assess.result import Unsure

    return (Unsure("onset_sudden", "How fast it started", "emergency"),)


# ---------------------------------------------------------------------------------------------------- Frank

# none of the first list, 59 m, slowly, my hands are fine, feet yes (others no), none, there all the time and more
# than six weeks (others no), burning pain (others no), alcohol (others no), then no to whatever else is asked
FRANK_KEYS = "\n59\nm\n3\n{hands}\n3\n\n\n1 3\n\n5\n\n2\n\n" + "n\n" * 8
HAND_TESTS = ("phalen_positive", "tinel_wrist_positive", "tinel_elbow_positive", "shaking_relieves", "worse_with_gripping")


def test_hit_frank_types_0_for_my_hands_are_fine_in_the_terminal() -> None:
    out = _flat(check_cli(FRANK_KEYS.format(hands="0")))
    assert "You said: my hands are fine: only somewhere else is numb." in out
    result = out[out.index("URGENCY:"):]
    assert "Most likely: Alcohol-related neuropathy." in result, result[:1500]
    assert "Carpal tunnel" not in result and "both of your hands" not in result.lower(), result
    for asked in ("Is only one of your hands numb", "tapping your inner elbow", "tapping the palm side of your wrist",
                  "holding your wrists bent down"):
        assert asked not in out, asked


def test_near_miss_a_numb_finger_keeps_the_hand_tests_and_the_hand_causes() -> None:
    one = {"one_hand": True, "both_hands": False, "numb_index": True}
    assert all(fits(f, "male", 59, one) for f in HAND_TESTS)
    fine = hands_fine_answer()
    assert not any(fits(f, "male", 59, fine) for f in HAND_TESTS)
    story = {"numb_feet": True, "heavy_alcohol": True, "onset_gradual": True}
    top_fine = rank({**story, **fine}, 59, "male")[0][0]
    top_hand = rank({**story, **one, "numb_thumb": True, "numb_middle": True}, 59, "male")
    assert top_fine == "alcohol_neuropathy"
    assert "carpal_tunnel" in [c for c, _ in top_hand[:3]]


def test_unknown_not_sure_which_fingers_still_asks_the_hand() -> None:
    out = _flat(check_cli(FRANK_KEYS.format(hands="?")))
    assert "Is only one of your hands numb or tingling?" in out
    assert "If neither hand is, answer not sure." in out  # the plain question's own help for hands that are fine


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("frank_ax") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


YES = ("feet or toes", "there all the time", "more than six weeks", "burning or electric pain", "14 units of alcohol")


def _frank_on_the_web(app: Any, hands: list[tuple[str, str]]) -> tuple[Check, list[str]]:
    """Frank's answers on the web: the same as his terminal keys; the questions and list items asked, in words."""
    c = Check(app)
    asked: list[str] = []
    c.post([("answer", "none")])
    for _ in range(30):
        if 'id="level-title"' in c.page:
            return c, asked
        q = re.search(r'<h1 id="q">(.*?)</h1>', c.page, re.S)
        asked.append(html.unescape(q.group(1)).strip() if q else "")
        if 'name="age"' in c.page:
            c.post([("answer", "about"), ("age", "59"), ("sex", "male")])
        elif 'name="pick"' in c.page:
            c.post(hands)
        elif legends := re.findall(r"<legend>(.*?)</legend>", c.page, re.S):
            asked += [html.unescape(t) for t in legends]
            c.post([*[(f"item{i}", "yes" if any(y in html.unescape(t) for y in YES) else "no")
                      for i, t in enumerate(legends)], ("answer", "done")])
        elif "Slowly, over weeks or months" in c.page:
            c.post([("answer", "3")])
        else:
            c.post([("answer", "no")])
    raise AssertionError("no result after 30 steps")


@pytest.mark.parametrize("hands, fine", [([("answer", "hands:fine")], True), ([("pick", "R2"), ("answer", "done")], False)])
def test_frank_on_the_web_hit_and_near_miss(app: Any, hands: list[tuple[str, str]], fine: bool) -> None:
    c, asked = _frank_on_the_web(app, hands)
    page = _flat(html.unescape(re.sub(r"<[^>]+>", " ", c.page)))
    assert "Most likely: Alcohol-related neuropathy." in page, page[:2000]
    assert ("Carpal tunnel" in page) is not fine and "Both of your hands" not in page
    assert any("Shaking or flicking your hand" in q or "tapping" in q for q in asked) is not fine, asked
    # "Your answers" says what was pressed, never "Not sure" (walkthrough AY, Frank)
    fingers = dict(c.answers())["Which fingers are numb or tingling?"]
    assert (fingers == HANDS_FINE_WORDS) is fine and fingers != "Not sure", fingers


# ------------------------------------------------------------------------------------------ the fingers not sure

SPOTS = ["numb_thumb", "numb_index", "numb_middle", "numb_ring", "numb_little", "numb_whole_hand", "numb_thenar_palm"]
UMA: dict[str, Any] = {"age": 45, "sex": "female", "findings": {
    "one_hand": True, "both_hands": False, "comes_and_goes": True, "lasting_over_6_weeks": True, "worse_at_night": True,
    "onset_gradual": True, "onset_sudden": False, "onset_over_days": False}, "unsure": SPOTS}


@pytest.mark.parametrize("unsure", [SPOTS, ["worse_with_gripping"], []])
def test_a_noted_doubt_never_speaks_of_a_yes_the_finger_picker_has_not(tmp_path: Path, unsure: list[str]) -> None:
    """Walkthrough AX (Omar, Beatrice): "A yes would not make this more urgent" under "Which fingers are numb or
    tingling". Hit: the fingers left open; near miss: a yes/no answer not sure, said the same way; unknown: none."""
    text = _flat(assess_cli({**UMA, "unsure": unsure}, tmp_path))
    assert "A yes would not make this more urgent" not in text
    assert ("Knowing would not make this more urgent" in text) is bool(unsure), text
    assert ("Which fingers" in text) is (unsure == SPOTS)


# ------------------------------------------------------------------------------------------ Sophie's mother's words

@pytest.mark.parametrize("words, said", [
    ("My daughter's little finger and ring finger tingled after she leaned on her elbow in class. It went away within "
     "minutes once she moved her arm.", True),
    ("Her hand tingled when she leaned over to pick up a book.", None),
    ("I'm not sure if she leaned on her elbow before it started.", "unsure"),
])
def test_a_parent_telling_of_pressure_on_the_arm_is_read(words: str, said: object) -> None:
    """Walkthrough AX, Sophie, 14: her mother's "after she leaned on her elbow" was not read (the phrases were first
    person only), so the check never heard the pressure that explains a sudden start. Near miss: leaning over is no
    pressure on the arm; unknown: not sure whether she leaned is not sure."""
    from tests.conftest import parse_json

    parsed = parse_json(words)
    if said == "unsure":
        assert "after_pressure_on_arm" in parsed["unsure"] and "after_pressure_on_arm" not in parsed["findings"]
    else:
        assert parsed["findings"].get("after_pressure_on_arm") is said, parsed


# ------------------------------------------------------------------------------------------ Ruth's care steps

HANDS_STEP = "Numb hands do not feel heat or cuts well."


@pytest.mark.parametrize("cause", ["diabetic_neuropathy", "b12_deficiency"])
@pytest.mark.parametrize("hands, shown", [
    (hands_fine_answer(), False),  # hit: "my hands are fine" (walkthrough AY, Ruth, 58: her feet only)
    ({"both_hands": True, "one_hand": False}, True),  # near miss: both hands numb
    ({}, True),  # unknown: the hands not asked
])
def test_a_step_for_numb_hands_is_left_out_when_the_hands_are_fine(cause: str, hands: dict[str, bool], shown: bool) -> None:
    from numbwise.care.plan import care_plan

    answers = {"numb_feet": True, "diabetes": True, **hands}
    plan = care_plan(load(), cause, answers, age=58, sex="female", person=answers)
    assert any(HANDS_STEP in s.do for s in plan.steps) is shown, [s.do for s in plan.steps]
    assert all("the pedals" in s.do for s in plan.steps if "steering wheel" in s.do)
