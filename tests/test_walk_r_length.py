"""Walkthrough R (independent reviewer): the step-by-step check must learn how long the numbness has been there
before it says "call now" for a start or a stroke sign not sure of.

Tariq, 41, neck pain and tingling down his right arm to his thumb for 3 weeks. From his own words ("for 3 weeks") he
got "See a GP within a few days"; step by step (start "not sure") he got "CALL YOUR EMERGENCY NUMBER NOW ... New
numbness on one side of the body can itself be a sign of a stroke", though nothing had asked whether it was new.
Same story, two levels. Now one short question, "how long", comes before that result (interview.yaml `how_long`),
and its answer is kept with the case as `days_so_far`, as a length in the words is.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import replace
from pathlib import Path
from typing import Any

from tests.conftest import check_cli, run_cli

TARIQ_YES = frozenset({"neck_pain", "numb_arm", "worse_neck_movement", "constant"})
TARIQ_WORDS = ("Neck pain and tingling down my right arm to my thumb for 3 weeks, since lifting boxes. "
               "Worse when I turn my head.")
NOT_SURE = "?"  # how it started: "not sure"
SLOWLY = "3"  # "Slowly, over weeks or months"
ON_WAKING = "5"  # "I don't know how fast it came, for example I first noticed it on waking" (records not sure)


def _length_text() -> str:
    from numbwise.kb import load

    q = load().interview.how_long
    assert q is not None
    return q.text


def _keys(yes: Collection[str], onset: str, fingers: str, length: str | None = None,
          unsure: Collection[str] = ()) -> tuple[str, list[str]]:
    """The keys a person types at a step-by-step `check` (41, man): the numbers of the signs in `yes` on each list
    (? before those in `unsure`), Enter (no) for the rest, `onset` at how it started, `fingers` at the picker, the
    option labelled `length` at how long, n at any single question. Worked out from the core's own questions, in the
    order the terminal asks them; also the ids of the questions asked."""
    from numbwise.assess.interview import about_due, answer, emergency_first, fingers_answer, next_question, start

    iv, typed, ids, about = start(), [], [], False
    warned: tuple[object, ...] = ()
    while True:
        if iv.history != warned and emergency_first(iv):  # the call-now screen (walkthrough S): answer a few questions
            typed.append("2")
            warned = iv.history
        if not about and about_due(iv):
            typed += ["41", "m"]
            iv, about = replace(iv, age=41, sex="male"), True
        q = next_question(iv)
        if q is None:
            return "\n".join(typed) + "\n", ids
        ids.append(q.id)
        updates: dict[str, bool] = {}
        if q.kind in ("screen", "sweep"):
            picked = [f"{'?' if f in unsure else ''}{i}" for i, f in enumerate(q.findings, 1) if f in yes or f in unsure]
            typed.append(" ".join(picked))
            updates = {f: f in yes for f in q.findings if f not in unsure}
            if picked and len(picked) < len(q.findings):
                typed.append("")  # Enter: no to all the others
        elif q.kind == "choice" and q.id == "onset":
            typed.append(onset)
            # as the terminal records it: "Slowly" is also no to "Suddenly", never "not sure" of it
            from numbwise.assess.interview import choice_answer

            updates = {} if onset == "?" or onset == ON_WAKING else choice_answer(q, int(onset) - 1)
        elif q.kind == "choice":
            assert length is not None, f"asked how long: {q.text}"
            pick = q.labels.index(length)
            typed.append(str(pick + 1))
            from numbwise.assess.interview import choice_answer

            updates = choice_answer(q, pick)
        elif q.kind == "fingers":
            typed.append(fingers)
            digits = {int(d) for d in fingers.replace("R", "").split()}
            updates = fingers_answer(set(), digits)
        else:
            typed.append("n")
            updates = {q.findings[0]: False}
        iv = answer(iv, q, updates)


def _check(typed: str, *args: str) -> str:
    """`numbwise --plain check --no-diary` with these keys typed: the printed text, one space between words."""
    return check_cli(typed, *args)


def _result(text: str) -> str:
    return text[text.index("URGENCY:"):]


def test_tariq_step_by_step_is_asked_how_long_and_gets_what_his_words_get() -> None:
    typed, ids = _keys(TARIQ_YES, NOT_SURE, "R1", "8 days to 6 weeks")
    # once, first after the call-now screen that "not sure" how it started gives (walkthrough S), before the result
    assert ids.count("how_long") == 1 and ids[ids.index("onset") + 1] == "how_long"
    text = _check(typed)
    assert _length_text() in text
    shown = _result(text)
    assert "CALL YOUR EMERGENCY NUMBER NOW" not in shown and "can itself be a sign of a stroke" not in shown
    assert "not an emergency now" in shown and "within a few days" in shown.lower()
    assert "It has been there for more than a week" in shown  # what he picked, not "about a week"
    words = _check("\n\n41\nm\n?\n" + "\n" * 5 + "y\n" + "n\n\n" * 3, "--describe", TARIQ_WORDS)
    assert _length_text() not in words  # his words said how long: never asked
    for result in (shown, _result(words)):  # the same level and banner, step by step and from his words
        assert result.startswith("URGENCY: SEE A GP WITHIN A FEW DAYS Not sure how fast it started"), result[:200]


def test_more_than_six_weeks_answers_the_six_weeks_finding_too(tmp_path: Path) -> None:
    """Not sure on the list whether it began more than six weeks ago, then "More than six weeks": that answers it yes.
    (An earlier no on the list stays, as every explicit answer does: the length is kept beside it.)"""
    typed, _ = _keys(TARIQ_YES, NOT_SURE, "R1", "More than six weeks", unsure={"lasting_over_6_weeks"})
    path = tmp_path / "tariq.json"
    shown = _result(_check(typed, "--save", str(path)))
    assert "CALL YOUR EMERGENCY NUMBER NOW" not in shown
    case = json.loads(path.read_text())
    assert case["days_so_far"] == 42 and case["findings"]["lasting_over_6_weeks"] is True


def test_the_length_is_saved_with_the_case_as_plain_data_and_assess_agrees(tmp_path: Path) -> None:
    """`check --save`: days_so_far beside the findings, never a finding of its own; `assess --case` on the file
    gives the same banner."""
    from numbwise.kb import load

    typed, _ = _keys(TARIQ_YES, NOT_SURE, "R1", "8 days to 6 weeks")
    path = tmp_path / "tariq.json"
    _check(typed, "--save", str(path))
    case = json.loads(path.read_text())
    assert case["days_so_far"] == 8 and case["findings"]["lasting_over_6_weeks"] is False
    assert set(case["findings"]) <= set(load().vocabulary.findings) and "onset_sudden" in case["unsure"]
    saved = json.loads(path.with_name("tariq.result.json").read_text())
    run = run_cli("--plain", "assess", "--case", str(path), "--format", "plan")
    assert run.code == 0, run.err
    plan = json.loads(run.out)
    assert plan["title"] == "See a GP within a few days" and not plan["caution_now"]
    assert saved["triage"] == "routine" or saved.get("level", saved["triage"]) == "routine"


def test_sam_less_than_a_day_still_says_call_now() -> None:
    """Near miss: Sam woke this morning with one hand tingling, not sure his leg went weak: asked, "Less than a day",
    and still call now."""
    typed, ids = _keys({"constant"}, ON_WAKING, "R1 R2", "Less than a day", unsure={"arm_or_leg_weakness_sudden"})
    assert "how_long" in ids
    shown = _result(_check(typed))
    assert "CALL YOUR EMERGENCY NUMBER NOW" in shown


def test_one_to_seven_days_still_says_call_now() -> None:
    typed, _ = _keys(TARIQ_YES, NOT_SURE, "R1", "1 to 7 days")
    assert "CALL YOUR EMERGENCY NUMBER NOW" in _result(_check(typed))


def test_no_doubt_is_never_asked_how_long() -> None:
    """A start answered (slowly) leaves no call-now path to check: the question is never asked."""
    typed, ids = _keys(TARIQ_YES, SLOWLY, "R1")
    assert "how_long" not in ids
    assert _length_text() not in _check(typed)


def test_the_question_is_in_the_core_and_its_answer_survives_the_webs_plain_data() -> None:
    """The faces keep the interview as plain data (to_data) and replay it: the length answered comes back, Back
    (undo) takes it away again, and it is never an answer to a finding of its own."""
    from numbwise.assess.interview import answer, choice_answer, from_data, next_question, to_data, undo

    iv = _tariq_before_length()
    q = next_question(iv)
    assert q is not None and q.id == "how_long" and q.kind == "choice"
    done = answer(iv, q, choice_answer(q, q.labels.index("8 days to 6 weeks")))
    assert done.days_so_far == 8 and done.case().days_so_far == 8
    assert set(done.answers) <= set(_vocabulary()) and set(done.asked) <= set(_vocabulary())
    again = from_data(json.loads(json.dumps(to_data(done))))
    after = next_question(again)
    assert again.days_so_far == 8 and (after is None or after.id != "how_long")
    assert undo(done).days_so_far is None and next_question(undo(done)) == q
    unsure = answer(iv, q, {})  # Not sure: nothing known, call now stays, asked once
    after = next_question(unsure)
    assert unsure.days_so_far is None and (after is None or after.id != "how_long")


def _vocabulary() -> Collection[str]:
    from numbwise.kb import load

    return load().vocabulary.findings


def _tariq_before_length() -> Any:
    from numbwise.assess.interview import about_due, answer, fingers_answer, next_question, start

    iv = start()
    while (q := next_question(iv)) is not None and q.id != "how_long":
        if about_due(iv) and iv.age is None:
            iv = replace(iv, age=41, sex="male")
            continue
        if q.kind == "fingers":
            iv = answer(iv, q, fingers_answer(set(), {1}))
        elif q.kind == "choice":
            iv = answer(iv, q, {})
        else:
            iv = answer(iv, q, {f: f in TARIQ_YES for f in q.findings})
    return iv


def test_the_web_asks_it_and_shows_the_same_result(tmp_path: Path) -> None:
    """Through the ASGI app: the same question (its labels as choices), and "See a GP within a few days" after
    "8 days to 6 weeks"; the result page's kept state carries the length."""
    import html
    import re

    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.test_interview_flow_http import _iv, _state
    from tests.web.test_result_answers_http import SECRET, Check

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key=SECRET))
    c = Check(app)
    c.post([("answer", "none")])
    asked: list[str] = []
    for _ in range(40):
        if 'id="level-title"' in c.page:
            break
        if 'name="age"' in c.page:
            c.post([("answer", "about"), ("age", "41"), ("sex", "male")])
            continue
        if 'value="emergency_go_on"' in c.page:  # the call-now screen "not sure" how it started gives (walkthrough S)
            c.post([("answer", "emergency_go_on")])
            continue
        qid, kind, findings = _state(c.page)["pending"][:3]
        asked.append(qid)
        if kind == "fingers":
            c.post([("answer", "done"), ("pick", "R1")])
        elif qid == "onset":
            c.post([("answer", "unsure")])
        elif kind == "choice":
            assert _length_text() in html.unescape(c.page) and "8 days to 6 weeks" in c.page
            labels = list(_iv_question_labels())
            c.post([("answer", str(labels.index("8 days to 6 weeks") + 1))])
        elif 'name="item0"' in c.page:
            c.post([*[(f"item{i}", "yes" if f in TARIQ_YES else "no") for i, f in enumerate(findings)],
                    ("answer", "done")])
        else:
            c.post([("answer", "no")])
    assert asked.count("how_long") == 1 and asked[asked.index("onset") + 1] == "how_long"  # first after the screen
    h1 = re.search(r'<h1 id="level-title">(.*?)</h1>', c.page)
    assert h1 is not None and html.unescape(h1.group(1)) == "See a GP within a few days"
    assert _iv(c.page).days_so_far == 8


def _iv_question_labels() -> tuple[str, ...]:
    from numbwise.kb import load

    q = load().interview.how_long
    assert q is not None
    return tuple(o.label for o in q.options)


def test_the_diary_keeps_the_length_with_the_check() -> None:
    """A check kept in the diary (the default) holds the length answered, as `--save` does."""
    typed, _ = _keys(TARIQ_YES, NOT_SURE, "R1", "8 days to 6 weeks")
    run = run_cli("--plain", "check", input=typed)
    assert run.code == 0 and "Kept in your diary" in run.out, run.err + run.out
    listed = run_cli("--plain", "history", "--json")
    assert listed.code == 0, listed.err
    checks = [e for e in json.loads(listed.out) if "days_so_far" in json.dumps(e)]
    assert checks and '"days_so_far": 8' in json.dumps(checks[-1])
