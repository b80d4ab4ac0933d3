"""Walkthrough T (two independent reviewers, T2): Ben, 70, type 2 diabetes for 15 years, feet numb for years,
fingertips tingling for 6 months, and a sore on the sole of his foot he never felt.

Both faces, his words and step by step, said "BOOK A DOCTOR'S VISIT ... few days to two weeks", and lower down "See a
doctor today if: You have or find a sore ... on your foot". He has one and had no way to say so. NICE NG19: a diabetic
foot ulcer is seen within a working day. Now a foot sore is plain data beside the findings (the case's `foot_sore`, as
`days_so_far` is): read from the words, asked once (interview.yaml `foot_sore`) of a person with diabetes and numb
feet, saved with the case; with diabetes it leads the banner, "Get your foot checked today", in the urgent colour, and
the level's own advice for the numbness follows it.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assess_cli, assess_plan, check_cli, run_cli
from tests.test_walk_s_foot import BEN, BEN_WORDS, FOOT_LINE, TODAY, _section

FOOT_TITLE = "GET YOUR FOOT CHECKED TODAY"
BEN_YES = frozenset({"diabetes", "numb_feet", "both_hands", "lasting_over_6_weeks", "constant"})
SLOWLY = 3  # "Slowly, over weeks or months"


def _foot_text() -> str:
    from numbwise.kb import load

    q = load().interview.foot_sore
    assert q is not None
    return q.text


def _banner(text: str) -> str:
    """The banner of a flattened plain result: from URGENCY to the first list heading after it."""
    return text[text.index("URGENCY:"):].split("Why this level", 1)[0]


# --- the parser ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("words", [BEN_WORDS, "there is an ulcer on my heel", "a blister on my toe", "sores on my feet",
                                   "I have a cut on the sole of my foot that won't heal", "my toe has a blister"])
def test_a_sore_said_of_the_foot_is_read_as_a_foot_sore(words: str) -> None:
    from numbwise.parse import parse

    assert parse(words).foot_sore is True


@pytest.mark.parametrize(("words", "said"), [("my feet are sore", None), ("I have sores on my fingertips", None),
                                             ("my wife has a sore on her foot", None), ("no sores on my feet", False),
                                             ("numb feet and diabetes", None)])
def test_near_misses_are_no_foot_sore(words: str, said: bool | None) -> None:
    """Sore feet (pain), a fingertip sore, someone else's sore: not said; a denied one is a no."""
    from numbwise.parse import parse

    assert parse(words).foot_sore is said


# --- the result ----------------------------------------------------------------------------------------------------

def test_assess_with_foot_sore_leads_with_a_foot_check_today(tmp_path: Path) -> None:
    """`assess --case` with "foot_sore": true: the banner leads with the foot today, in the urgent colour, heading
    first; the level's own advice for the numbness follows; the watch line about a foot sore is not shown."""
    case = {**BEN, "foot_sore": True}
    out = assess_cli(case, tmp_path)
    assert out.startswith(f"URGENCY: {FOOT_TITLE} You told us about a sore on your foot, or a foot that is red, hot or swollen."), out[:200]
    assert "BOOK A DOCTOR'S VISIT" not in _banner(out) and "two weeks" not in out.split("For the numbness itself")[0]
    assert "For the numbness itself: book a doctor's visit, within days to two weeks" in out
    assert "Go to A&E or urgent care now if redness spreads up your foot or leg" in out
    assert FOOT_LINE not in out  # "warn about what you reported"
    plan = assess_plan(case, tmp_path)
    assert plan["heading"] == "Get your foot checked today" and plan["banner_level"] == "urgent"
    assert plan["foot_today"] is True and plan["level"] == "routine" and plan["do"]


def test_near_miss_diabetes_and_numb_feet_without_a_sore_is_unchanged(tmp_path: Path) -> None:
    for case in (BEN, {**BEN, "foot_sore": False}):
        out = assess_cli(case, tmp_path)
        assert out.startswith("URGENCY: BOOK A DOCTOR'S VISIT") and FOOT_TITLE not in out
        assert FOOT_LINE in _section(out, TODAY)


def test_a_foot_sore_without_diabetes_does_not_lead(tmp_path: Path) -> None:
    case = {**BEN, "findings": {**BEN["findings"], "diabetes": False}, "foot_sore": True}  # type: ignore[dict-item]
    assert FOOT_TITLE not in assess_cli(case, tmp_path)


def test_a_bad_foot_sore_value_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**BEN, "foot_sore": "yes"}))
    run = run_cli("--plain", "assess", "--case", str(path))
    assert run.code != 0 and "foot_sore" in run.err + run.out


# --- his own words -------------------------------------------------------------------------------------------------

def test_bens_own_words_lead_with_the_foot_and_never_ask_it_again(tmp_path: Path) -> None:
    """His words, readings kept, no signs, man, slowly, Enter to the rest: foot today first, never asked about a foot
    sore (he said it), and `--save` keeps it beside the findings so `assess --case` agrees."""
    path = tmp_path / "ben.json"
    run = run_cli("--plain", "check", "--no-diary", "--save", str(path), "--describe", BEN_WORDS,
                  input="\n\nm\n3\n" + "\n" * 80)
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert _foot_text() not in out
    shown = out[out.index("URGENCY:"):]
    assert shown.startswith(f"URGENCY: {FOOT_TITLE}") and FOOT_LINE not in shown
    case = json.loads(path.read_text())
    assert case["foot_sore"] is True and "foot_sore" not in case["findings"]
    again = assess_cli(case, tmp_path)  # ("Case ben" first: the saved case's id)
    assert again[again.index("URGENCY:"):].startswith(f"URGENCY: {FOOT_TITLE}")


# --- step by step --------------------------------------------------------------------------------------------------

def _keys(foot: int | None) -> tuple[str, list[str]]:
    """The keys Ben types step by step (70, man): his signs on each list, slowly, every fingertip, option `foot` (1
    yes, 2 no, None: ?) at the foot question, n to any other single question; and the ids of the questions asked."""
    from numbwise.assess.interview import about_due, answer, choice_answer, emergency_first, fingers_answer, next_question, start

    iv, typed, ids, about = start(), [], [], False
    warned: tuple[object, ...] = ()
    while True:
        if iv.history != warned and emergency_first(iv):
            typed.append("2")
            warned = iv.history
        if not about and about_due(iv):
            typed += ["70", "m"]
            iv, about = replace(iv, age=70, sex="male"), True
        q = next_question(iv)
        if q is None:
            return "\n".join(typed) + "\n", ids
        ids.append(q.id)
        updates: dict[str, bool] = {}
        if q.kind in ("screen", "sweep"):
            picked = [str(i) for i, f in enumerate(q.findings, 1) if f in BEN_YES]
            typed.append(" ".join(picked))
            updates = {f: f in BEN_YES for f in q.findings}
            if picked and len(picked) < len(q.findings):
                typed.append("")
        elif q.kind == "choice" and q.id == "onset":
            typed.append(str(SLOWLY))
            updates = choice_answer(q, SLOWLY - 1)
        elif q.kind == "choice" and q.id == "foot_sore":
            typed.append("?" if foot is None else str(foot))
            updates = {} if foot is None else choice_answer(q, foot - 1)
        elif q.kind == "choice":
            raise AssertionError(f"asked {q.id}")
        elif q.kind == "fingers":
            typed.append("R1 R2 R3 R4 R5 L1 L2 L3 L4 L5")
            updates = fingers_answer({1, 2, 3, 4, 5}, {1, 2, 3, 4, 5})
        else:
            typed.append("n")
            updates = {q.findings[0]: False}
        iv = answer(iv, q, updates)


def _check(typed: str, *args: str) -> str:
    return check_cli(typed, *args)


def test_ben_step_by_step_is_asked_about_a_foot_sore_once_and_a_yes_leads(tmp_path: Path) -> None:
    typed, ids = _keys(1)
    assert ids.count("foot_sore") == 1 and ids[-1] == "foot_sore"  # last, before the result
    path = tmp_path / "ben.json"
    text = _check(typed, "--save", str(path))
    assert _foot_text() in text
    shown = text[text.index("URGENCY:"):]
    assert shown.startswith(f"URGENCY: {FOOT_TITLE}") and FOOT_LINE not in shown
    assert "For the numbness itself: book a doctor's visit" in shown
    case = json.loads(path.read_text())
    assert case["foot_sore"] is True
    plan = json.loads(run_cli("--plain", "assess", "--case", str(path), "--format", "plan").out)
    assert plan["heading"] == "Get your foot checked today"


def test_ben_step_by_step_no_keeps_the_result_and_the_watch_line() -> None:
    typed, ids = _keys(2)
    assert ids.count("foot_sore") == 1
    shown = _check(typed)
    shown = shown[shown.index("URGENCY:"):]
    assert shown.startswith("URGENCY: BOOK A DOCTOR'S VISIT") and FOOT_LINE in _section(shown, TODAY)
    assert "You were not sure about your feet" not in shown


def test_ben_step_by_step_not_sure_keeps_the_level_and_says_look_today() -> None:
    """Walkthrough BN, Maya: a 'not sure' is said back, with look today atop and what to do if one is found; the
    watch line that says the same ("have or find a sore") gives way to it."""
    typed, ids = _keys(None)
    assert ids.count("foot_sore") == 1
    shown = _check(typed)
    shown = shown[shown.index("URGENCY:"):]
    banner = shown.split("What to do", 1)[0]
    assert shown.startswith("URGENCY: BOOK A DOCTOR'S VISIT Make an appointment")
    assert "By when: Within days to two weeks. NOT SURE: You were not sure whether you have a sore" in banner
    assert "Look at both feet today" in banner
    assert "You were not sure about your feet" in shown and FOOT_LINE not in shown


def test_no_diabetes_is_never_asked_about_a_foot_sore() -> None:
    from numbwise.assess.interview import answer, next_question, start

    iv = start(70, "male")
    seen = []
    while (q := next_question(iv)) is not None and len(seen) < 40:
        seen.append(q.id)
        if q.kind in ("screen", "sweep"):
            iv = answer(iv, q, {f: f in {"numb_feet", "both_hands", "constant"} for f in q.findings})
        elif q.kind == "finding":
            iv = answer(iv, q, {q.findings[0]: False})  # no diabetes, nothing else
        else:
            iv = answer(iv, q, {})
    assert "foot_sore" not in seen


def test_the_answer_is_plain_data_that_survives_the_faces_state_and_back() -> None:
    """The web keeps the interview as plain data (to_data) and replays it: the answer comes back, Back takes it away,
    and it never becomes a finding."""
    from numbwise.assess.interview import answer, choice_answer, from_data, next_question, to_data, undo
    from numbwise.kb import load

    iv = _before_foot()
    q = next_question(iv)
    assert q is not None and q.id == "foot_sore" and q.kind == "choice" and q.findings == ()
    done = answer(iv, q, choice_answer(q, 0))
    assert done.foot_sore is True and done.case().foot_sore is True
    assert set(done.answers) <= set(load().vocabulary.findings) and set(done.asked) <= set(load().vocabulary.findings)
    again = from_data(json.loads(json.dumps(to_data(done))))
    assert again.foot_sore is True and next_question(again) is None
    assert undo(done).foot_sore is None and next_question(undo(done)) == q
    said = from_data(json.loads(json.dumps(to_data(replace(iv, said_foot=True)))))
    assert said.foot_sore is True and next_question(said) is None  # the words said it: not asked
    no = answer(iv, q, choice_answer(q, 1))
    assert no.foot_sore is False and next_question(no) is None


def _before_foot() -> Any:
    from numbwise.assess.interview import about_due, answer, choice_answer, fingers_answer, next_question, start

    iv = start()
    while (q := next_question(iv)) is not None and q.id != "foot_sore":
        if about_due(iv) and iv.age is None:
            iv = replace(iv, age=70, sex="male")
            continue
        if q.kind in ("screen", "sweep"):
            iv = answer(iv, q, {f: f in BEN_YES for f in q.findings})
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, SLOWLY - 1) if q.id == "onset" else {})
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({1, 2, 3, 4, 5}, {1, 2, 3, 4, 5}))
        else:
            iv = answer(iv, q, {q.findings[0]: False})
    return iv
