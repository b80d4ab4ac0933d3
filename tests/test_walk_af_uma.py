"""Walkthrough AF (independent reviewer, Uma, 45: only her right hand is numb, on and off for two months, mostly at night;
she cannot say which fingers). She typed R? in the terminal ("Right hand, not sure which fingers" on the web), and the
result's "You were not sure about these answers" then listed each spot of the hand apart, each with its own note: the
palm at the base of the thumb, the index, little, middle, ring finger, the thumb, the whole hand. One answer left them
all open: the result now says it once, "Which fingers are numb or tingling", with the finger question's own why. A
person unsure of one finger only (a case with just numb_index not sure) keeps that one item, in its own words."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from numbwise.assess.result import NOTED
from numbwise.kb import load
from tests.conftest import assess_plan, run_cli
from tests.web.asgi_call import call
from tests.web.test_result_answers_http import SECRET
from tests.web.test_walk_ae_uma_web import _to_the_fingers

STEP = next(s for s in load().interview.steps if s.id == "fingers")
assert STEP.unsure_text and STEP.unsure_text_palm
# "Which fingers are numb or tingling"; with the palm at the base of the thumb not sure too (as Uma's "Where else")
FINGERS_ONLY = " ".join(STEP.unsure_text.split())
ONE = " ".join(STEP.unsure_text_palm.split())  # "Which fingers, or the palm at the base of your thumb, are numb ..."
WHY = " ".join(STEP.why.split())  # "Which fingers are numb often points to which nerve is involved."
SPOTS = ("numb_thumb", "numb_index", "numb_middle", "numb_ring", "numb_little", "numb_whole_hand", "numb_thenar_palm")
APART = ("Your index finger is numb or tingling", "Your little finger is numb or tingling",
         "Your middle finger is numb or tingling", "Your ring finger is numb or tingling",
         "Your thumb is numb or tingling", "Your whole hand is numb, like wearing a glove",
         "Numbness or tingling in the palm at the base of your thumb")
# Uma in the terminal: none of the first list, 45 f, slowly, R?, "Where else" not sure, none of the next list, comes
# and goes / more than six weeks / worse at night (the others no), none, none, the elbow tap not sure, the wrist no
UMA_KEYS = "\n45\nf\n3\nR?\n?\n\n2 3 4\n\n\n\n?\nn\n" + "n\n" * 5
# what she said back in words, one line per item (the terminal wraps long lines)
ELBOW = "Tapping your inner elbow makes your little finger tingle"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _noted_items(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [u for g in plan["unsure"] if g["level"] == NOTED for u in g["items"]]


def test_uma_in_the_terminal_reads_one_item_for_the_fingers_she_could_not_name(tmp_path: Path) -> None:
    save = tmp_path / "uma.json"
    run = run_cli("--plain", "check", "--no-diary", "--save", str(save), input=UMA_KEYS)
    assert run.code == 0, run.out[-2000:]
    out = _flat(run.out)
    assert "You said: right hand, not sure which fingers." in out
    result = out.split("URGENCY:")[1]
    assert f"? {ONE} {WHY}" in result and result.count(f"? {ONE}") == 1
    for words in APART:  # none of the spots on its own any more
        assert f"? {words}" not in result, words
    # the other not-sure answers stay as they were, each apart
    assert f"? {ELBOW}" in result and "? Numbness or tingling in your forearm, on the thumb side" in result
    case = json.loads(save.read_text())
    assert set(SPOTS) <= set(case["unsure"])  # the answers are kept as given: only the result says them once
    # the saved check re-opened (assess --case, the report's source) says the same
    plan = assess_plan(case, tmp_path)
    texts = [u["text"] for u in _noted_items(plan)]
    assert texts.count(ONE) == 1 and not set(APART) & set(texts) and ELBOW in texts
    item = next(u for u in _noted_items(plan) if u["text"] == ONE)
    assert item["means"] == WHY


def test_a_case_with_every_finger_not_sure_but_the_palm_answered_names_the_fingers_only(tmp_path: Path) -> None:
    case = {"age": 45, "sex": "female", "unsure": list(SPOTS[:-1]),
            "findings": {"one_hand": True, "both_hands": False, "numb_thenar_palm": False, "comes_and_goes": True,
                         "worse_at_night": True, "onset_gradual": True}}
    plan = assess_plan(case, tmp_path)
    texts = [u["text"] for u in _noted_items(plan)]
    assert texts.count(FINGERS_ONLY) == 1 and ONE not in texts and not set(APART) & set(texts)
    # the API reads the same core: the same one item
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key=SECRET))
    r = call(app, "POST", "/api/result", json.dumps(case).encode(), {"Content-Type": "application/json"})
    assert r.status == 200, r.body[:300]
    assert [u["text"] for u in _noted_items(json.loads(r.body))] == texts


def test_near_miss_one_finger_not_sure_keeps_its_own_item(tmp_path: Path) -> None:
    case = {"age": 45, "sex": "female", "unsure": ["numb_index"],
            "findings": {"one_hand": True, "both_hands": False, "numb_thumb": True, "numb_middle": True,
                         "numb_ring": False, "numb_little": False, "numb_whole_hand": False, "comes_and_goes": True,
                         "worse_at_night": True, "onset_gradual": True}}
    texts = [u["text"] for u in _noted_items(assess_plan(case, tmp_path))]
    assert "Your index finger is numb or tingling" in texts and ONE not in texts and FINGERS_ONLY not in texts
    # two spots not sure, the other fingers known: each still said apart
    two = {**case, "unsure": ["numb_index", "numb_thenar_palm"]}
    texts = [u["text"] for u in _noted_items(assess_plan(two, tmp_path))]
    assert "Your index finger is numb or tingling" in texts and ONE not in texts and FINGERS_ONLY not in texts
    assert "Numbness or tingling in the palm at the base of your thumb" in texts


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("uma_af") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def _noted_text(page: str) -> str:
    sections = re.findall(rf'<section class="unsure unsure-{NOTED}".*?</section>', page, re.S)
    assert sections, page[:500]
    return " ".join(_flat(html.unescape(re.sub(r"<[^>]+>", " ", s))) for s in sections)


def test_uma_on_the_web_right_hand_not_sure_reads_one_item_too(app: Any) -> None:
    c = _to_the_fingers(app)
    c.post([("answer", "hand:R")])
    c.not_sure_to_the_end()
    assert 'id="level-title"' in c.page
    noted = _noted_text(c.page)
    assert f"{ONE} {WHY}" in noted and noted.count(ONE) == 1
    for words in APART:
        assert words not in noted, words
    assert ELBOW in noted or "Your grip is weak" in noted  # the other not-sure answers are still said


def test_near_miss_on_the_web_a_finger_picked_keeps_the_picker_as_it_was(app: Any) -> None:
    c = _to_the_fingers(app)
    c.post([("pick", "R2"), ("answer", "done")])
    c.not_sure_to_the_end()
    assert 'id="level-title"' in c.page
    noted = _noted_text(c.page)
    assert ONE not in noted and FINGERS_ONLY not in noted
