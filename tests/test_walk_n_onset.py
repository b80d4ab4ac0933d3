"""Walkthrough N: the start question ("How did the numbness start?") offers an answer to everyone.

Sam woke up with his left hand tingling: none of Suddenly / Over hours or a few days / Slowly fitted, and a fair
pick of "Over hours" recorded a known start that was false. Nadia's usual aura creeps from her fingers up her arm
over about 20 minutes: the help told her to call that "Suddenly", while a later question says a slow creep fits a
migraine aura. Kofi fell on his hand and nothing said what to pick when it began with a fall.

"I woke up with it, or I don't know how fast it came" records what Not sure records (the start stays unknown and
is listed among the not-sure answers, never a no); "It crept or spread ... over several minutes" records a sudden
start (as cautious as Suddenly: the policy counts a start within minutes as sudden) and the spread over minutes,
which is then not asked again. Both through the core, the terminal (`numbwise check`) and the web (ASGI).
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from numbwise.assess.interview import (Interview, Question, answer, choice_answer, describe, from_data, next_question,
                                      outcome, start)
from tests.conftest import run_cli
from tests.web.test_interview_flow_http import _state
from tests.web.test_result_answers_http import SECRET, Check

ONSET = ("onset_sudden", "onset_over_days", "onset_gradual")
CREPT = "It crept or spread from one place to another over several minutes"
WOKE = "I don't know how fast it came, for example I first noticed it on waking"


def _onset() -> Question:
    """The start question as the interview asks it."""
    iv = start(40, "male")
    iv = answer(iv, next_question(iv) or _no(), {})  # the emergency screen: not sure about them all
    q = next_question(iv)
    if q is not None and q.id == "how_long":  # first after the call-now screen those doubts give (walkthrough S)
        iv = answer(iv, q, {})
        q = next_question(iv)
    assert q is not None and q.id == "onset", q
    return q


def _no() -> Question:
    raise AssertionError("no question")


def _pick(label: str) -> int:
    """The option's place on the list (0-based)."""
    return _onset().labels.index(label)


# --- the question and what each option records ------------------------------------------------------------------


def test_the_start_question_offers_the_two_new_answers_and_no_longer_calls_a_slow_spread_sudden() -> None:
    q = _onset()
    assert CREPT in q.labels and WOKE in q.labels
    assert "still counts as the first answer" not in q.help  # Nadia's 20-minute creep was to be answered Suddenly
    assert "fall" in q.help and "injury" in q.help  # Kofi: what to pick when it began with a fall
    assert "woke up" in q.help.lower()


def test_woke_up_records_what_not_sure_records_never_a_no() -> None:
    q = _onset()
    assert choice_answer(q, _pick(WOKE)) == {}
    iv = answer(start(40, "male"), q, choice_answer(q, _pick(WOKE)))
    assert set(ONSET) <= iv.unsure and not set(ONSET) & set(iv.answers)
    assert iv.unsure == answer(start(40, "male"), q, {}).unsure  # the same as Not sure


def test_crept_over_minutes_records_a_sudden_start_and_the_spread() -> None:
    q = _onset()
    got = choice_answer(q, _pick(CREPT))
    assert got == {"onset_sudden": True, "onset_over_days": False, "onset_gradual": False, "spreads_over_minutes": True}
    assert choice_answer(q, 0) == {"onset_sudden": True, "onset_over_days": False, "onset_gradual": False}  # Suddenly


def _walk(onset: int | None, story: Mapping[str, bool], age: int = 30, sex: str = "female") -> Interview:
    """The whole check: the start question answered with option `onset` (None: Not sure), the rest from the story:
    yes or no where it says, not sure to anything else (a checklist's other items answered no)."""
    iv = start(age, sex)
    while (q := next_question(iv)) is not None:
        if q.id == "onset":
            iv = answer(iv, q, {} if onset is None else choice_answer(q, onset))
        elif q.kind in ("screen", "sweep"):
            iv = answer(iv, q, {f: story.get(f, False) for f in q.findings})
        else:
            iv = answer(iv, q, {f: story[f] for f in q.findings if f in story})
    return iv


# Nadia, 30: known migraine, her usual aura creeping from her fingers up her arm, the usual headache after, gone
# within the hour.
NADIA = {"migraine_history": True, "aura_like_usual": True, "headache_follows": True, "spreads_over_minutes": True,
         "episode_resolved_within_hour": True, "one_hand": True, "numb_arm": True, "numb_index": True,
         "numb_middle": True, "numb_thumb": True}
SAM = {"one_hand": True, "numb_index": True, "numb_middle": True, "numb_ring": True}


@pytest.mark.parametrize("story", [NADIA, {k: v for k, v in NADIA.items() if k != "migraine_history"}, SAM])
def test_crept_is_as_cautious_as_suddenly_with_the_spread_said(story: Mapping[str, bool]) -> None:
    crept = _walk(_pick(CREPT), story)
    sudden = _walk(0, {**story, "spreads_over_minutes": True})
    assert outcome(crept).triage == outcome(sudden).triage
    assert crept.unsure == sudden.unsure
    assert crept.answers["onset_sudden"] is True and crept.answers["spreads_over_minutes"] is True
    # the spread is not asked again after the start question
    asked_after = [f for q, _, _ in crept.history[1:] if q.id != "onset" for f in q.findings]
    assert "spreads_over_minutes" not in asked_after


@pytest.mark.parametrize("story", [SAM, NADIA])
def test_woke_up_gives_the_level_and_not_sure_list_of_not_sure(story: Mapping[str, bool]) -> None:
    woke, unsure = _walk(_pick(WOKE), story, 45, "male"), _walk(None, story, 45, "male")
    assert outcome(woke).triage == outcome(unsure).triage
    assert woke.unsure == unsure.unsure and "onset_sudden" in woke.unsure
    assert woke.answers == unsure.answers
    assert "onset_over_days" not in woke.answers  # Sam's fair pick before: a known start that was false


def test_the_own_words_i_woke_up_with_it_leave_the_start_to_be_asked() -> None:
    from numbwise.parse import parse

    said = parse("I woke up with my left hand tingling")
    assert not set(ONSET) & set(said.findings)
    iv = describe(start(45, "male"), said.findings)
    seen = []
    while (q := next_question(iv)) is not None and q.id != "onset" and len(seen) < 5:
        seen.append(q.id)
        iv = answer(iv, q, {f: False for f in q.findings} if q.kind in ("screen", "sweep") else {})
    assert q is not None and q.id == "onset"


def test_a_saved_check_with_the_new_answers_reloads() -> None:
    from numbwise.assess.interview import to_data

    q = _onset()
    iv = answer(start(30, "female"), q, choice_answer(q, _pick(CREPT)))
    again = from_data(json.loads(json.dumps(to_data(iv))))
    assert again.answers == iv.answers and again.asked == iv.asked


def test_the_answers_list_names_the_crept_answer() -> None:
    from numbwise.assess.summary import answered

    q = _onset()
    iv = answer(start(30, "female"), q, choice_answer(q, _pick(CREPT)))
    assert dict(answered(iv.history))[q.text] == CREPT
    iv = answer(start(30, "female"), q, choice_answer(q, 0))
    assert dict(answered(iv.history))[q.text] == "Suddenly, within seconds or minutes"


# --- the terminal ---------------------------------------------------------------------------------------------------


def _finished(tmp_path: Path, name: str, onset: str) -> tuple[dict[str, Any], str, str]:
    """`numbwise check` with piped answers: no emergency sign, 52, male, the start answer, three fingers of the right
    hand, then Not sure to the end. The saved answers, the result as shown and the whole output (joined)."""
    save = tmp_path / f"{name}.json"
    # a start not known: how long (not sure), then the hands, then the list with pressure on the arm, then the call-now
    # screen (walkthrough S; walkthrough X: both hands would take the call-now away; walkthrough Z, Zoe: so would
    # pressure on the arm, so the screen waits for both): none of the list, then a few questions (2)
    length, screen = ("?\n", "\n2\n") if onset in ("?", str(_pick(WOKE) + 1)) else ("", "")
    run = run_cli("--plain", "check", "--no-diary", "--save", str(save),
                  input=f"\n52\nm\n{onset}\n{length}R1 R2 R3\n{screen}" + "?\n" * 40)
    assert run.code == 0, run.out[-2000:] + run.err
    case = json.loads(save.read_text())
    del case["id"]
    out = " ".join(run.out.split())
    return case, out[out.index("URGENCY:"):out.index("Saved your answers")], out


def test_the_terminal_lists_the_new_answers_and_woke_up_saves_what_not_sure_saves(tmp_path: Path) -> None:
    woke, woke_result, out = _finished(tmp_path, "woke", str(_pick(WOKE) + 1))
    assert f"{_pick(CREPT) + 1}. {CREPT}" in out and f"{_pick(WOKE) + 1}. {WOKE}" in out
    assert f"You said: {WOKE}." in out
    unsure, unsure_result, _ = _finished(tmp_path, "unsure", "?")
    assert woke == unsure and not {"onset_sudden", "onset_over_days", "onset_gradual"} & set(woke["findings"])
    # the same result, its not-sure list and call-now path too
    assert woke_result.split("Your answers")[0] == unsure_result.split("Your answers")[0]
    assert "You were not sure about: how fast it started" in woke_result  # what is not known (walkthrough O, Sam)
    assert "even if you do not know how it started" in woke_result  # Sam: when he last felt normal, when he went to sleep


def test_the_terminal_crept_answer_records_a_sudden_start_and_the_spread(tmp_path: Path) -> None:
    crept, crept_result, out = _finished(tmp_path, "crept", str(_pick(CREPT) + 1))
    assert f"You said: {CREPT}." in out
    assert crept["findings"]["onset_sudden"] is True and crept["findings"]["spreads_over_minutes"] is True
    sudden, sudden_result, _ = _finished(tmp_path, "sudden", "1")
    assert crept_result.split(">>")[0] == sudden_result.split(">>")[0]  # the same level and its first words
    assert {k: v for k, v in crept["findings"].items() if k != "spreads_over_minutes"} == sudden["findings"]
    # a fact given, never a doubt, in the words of what was picked (walkthrough U, Nadia: not "within seconds")
    assert "! It came on within minutes, creeping from one place to another." in crept_result
    assert "within seconds or minutes" not in crept_result.split("Warning signs in your answers")[1]
    assert "? The tingling creeps" not in crept_result and "? It started suddenly" not in crept_result
    assert "? How fast it started" not in crept_result


# --- the web --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("onset") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def _web(app: Any, onset: str) -> tuple[Interview, str, str]:
    """The web check to its result: none of the emergency signs, 52 and male, `onset` at the start question, three
    right fingers, every other answer Not sure. The answers as recorded, the start page and the level's title."""
    c = Check(app)
    c.post([("answer", "none")])
    onset_page, last = "", from_data(_state(c.page)["iv"])
    for _ in range(60):
        if 'id="level-title"' in c.page:
            title = re.search(r'id="level-title"[^>]*>(.*?)<', c.page, re.S)
            assert title
            return last, onset_page, title.group(1).strip()
        last = from_data(_state(c.page)["iv"])
        if 'value="emergency_go_on"' in c.page:
            c.post([("answer", "emergency_go_on")])
        elif 'value="go_on"' in c.page:
            c.post([("answer", "go_on")])
        elif 'name="age"' in c.page:
            c.post([("answer", "about"), ("age", "52"), ("sex", "male")])
        else:
            step = _state(c.page)["pending"]
            if step[0] == "onset":
                onset_page = c.page
                c.post([("answer", onset)])
            elif step[1] == "fingers":
                c.post([("answer", "done"), ("pick", "R1"), ("pick", "R2"), ("pick", "R3")])
            elif 'name="item0"' in c.page:
                c.post([("answer", "done")])
            else:
                c.post([("answer", "unsure")])
    raise AssertionError("no result after 60 steps")


def test_the_web_offers_the_new_answers_and_woke_up_is_recorded_as_not_sure(app: Any) -> None:
    woke, page, level = _web(app, str(_pick(WOKE) + 1))
    assert html.escape(WOKE, quote=False) in page or WOKE.replace("'", "&#39;") in page
    assert CREPT in page
    unsure, _, unsure_level = _web(app, "unsure")
    assert level == unsure_level
    assert woke.unsure == unsure.unsure and "onset_sudden" in woke.unsure
    assert woke.answers == unsure.answers


def test_the_web_crept_answer_is_as_cautious_as_suddenly(app: Any) -> None:
    crept, _, level = _web(app, str(_pick(CREPT) + 1))
    assert crept.answers["onset_sudden"] is True and crept.answers["spreads_over_minutes"] is True
    sudden, _, sudden_level = _web(app, "1")
    assert level == sudden_level
    assert crept.unsure == sudden.unsure - {"spreads_over_minutes"}


def test_random_paths_stay_whole_with_the_new_answers() -> None:
    """A few generated paths pick the new options (the path generator knows them)."""
    from tests.result_paths import problems, walk

    picked = 0
    for i in range(60):
        rng = random.Random(i)
        iv = walk(rng.choice, rng.choice([None, 12, 30, 70]), rng.choice([None, "female", "male"]))
        picked += any(q.id == "onset" and dict(u).get("spreads_over_minutes") for q, u, _ in iv.history)
        broken = problems(iv)[1]
        assert not broken, (i, broken)
    assert picked


def test_a_saved_check_keeps_its_not_sure_answers_so_assess_gives_the_same_level(tmp_path: Path) -> None:
    """`check --save` wrote the answers without the not-sure list, and `assess --case` on that file gave a calm
    result for Sam's unknown start (walkthrough N): the file keeps the list, and re-assessing it agrees."""
    case, shown, _ = _finished(tmp_path, "saved", "?")
    assert "onset_sudden" in case["unsure"]
    saved = json.loads((tmp_path / "saved.result.json").read_text())
    again = run_cli("assess", "--case", str(tmp_path / "saved.json"), "--format", "json")
    assert again.code == 0, again.err
    assert json.loads(again.out)["triage"] == saved["triage"]
    text = run_cli("--plain", "assess", "--case", str(tmp_path / "saved.json"), "--format", "text")
    assert "even if you do not know how it started" in " ".join(text.out.split())
