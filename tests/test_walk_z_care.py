"""Walkthrough Z (independent reviewer, Z4): Tariq, 41, neck pain and tingling down the right arm to the thumb for 3
weeks after lifting boxes, not sure how fast it started.

His result said "See a doctor today if ... Your hand slowly gets weak or clumsy over days or weeks" (his start is not
known), while `numbwise care cervical_radiculopathy` and the Learn page said "Book a doctor's visit" for a slowly
weakening hand whenever nothing was stored (`--no-diary`, the web). Now the care command a result prints carries the
answers its filing needs (`--unsure onset_sudden`), and a care or Learn page that knows nothing of the person says
both conditions: "Book a doctor's visit. If you are not sure whether the numbness started suddenly, see a doctor
today." (the rule's own words, triage_rules.yaml `if_not_known`). A page is never gentler than the result.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.conftest import care_command, run_without_diary, run_cli

TARIQ: dict[str, Any] = {"age": 41, "sex": "male", "days_so_far": 21, "unsure": ["onset_sudden"], "findings": {
    "one_hand": True, "numb_thumb": True, "neck_pain": True, "worse_neck_movement": True, "hand_weakness": False}}
SLOW = {**TARIQ, "unsure": [], "findings": {**TARIQ["findings"], "onset_sudden": False, "onset_gradual": True}}
SLOW_WEAKER = "slowly gets weak"
BOTH = ("Book a doctor's visit. If this happens, the numbness began less than six weeks ago and you are not sure "
        "whether it started suddenly, see a doctor today.")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _result(case: dict[str, Any], tmp_path: Path) -> tuple[str, dict[str, Any]]:
    """The printed result and the result plan for these answers."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    out = {fmt: run_cli("--plain", "assess", "--case", str(path), "--format", fmt) for fmt in ("text", "plan")}
    assert all(r.code == 0 for r in out.values()), [r.err for r in out.values()]
    return _flat(out["text"].out), json.loads(out["plan"].out)




def _weakness_line(care: str) -> str:
    """What the care plan says to do when the arm or hand slowly gets weaker (up to the doctor's check)."""
    m = re.search(r"If your arm or hand slowly gets weaker, or stays weak\. (.+?) They will check", care)
    assert m is not None, care
    return m.group(1)


def _today_lines(plan: dict[str, Any]) -> list[str]:
    return [i["text"] for g in plan["watch_for"] if g["level"] in ("urgent", "emergency") for i in g["items"]]


def test_hit_tariqs_result_and_the_care_plan_it_names_both_say_today(tmp_path: Path) -> None:
    """Hit: his result files a slowly weakening hand under "See a doctor today if"; the care command it prints
    carries his not-sure start, and that plan, run with nothing stored, says "See a doctor today" for it too."""
    text, plan = _result(TARIQ, tmp_path)
    assert any(SLOW_WEAKER in line for line in _today_lines(plan)), plan["watch_for"]
    command = care_command(text)
    assert command[:2] == ["care", "cervical_radiculopathy"] and "--unsure" in command, command
    care = run_without_diary(tmp_path, *command)
    assert _weakness_line(care) == "See a doctor today.", care
    assert plan["next_steps"][0]["command"] == "numbwise " + " ".join(command)


def test_near_miss_a_slow_start_gives_book_a_visit_in_both(tmp_path: Path) -> None:
    """Near miss: after a slow start his result does not list the slow weakness above routine, and the plan its
    command names says "Book a doctor's visit" with no not-sure condition (it knows the start)."""
    text, plan = _result(SLOW, tmp_path)
    assert not any(SLOW_WEAKER in line for line in _today_lines(plan)), plan["watch_for"]
    care = run_without_diary(tmp_path, *care_command(text))
    assert _weakness_line(care) == "Book a doctor's visit.", care


def test_unknown_a_plan_and_learn_page_for_anyone_say_both_conditions(tmp_path: Path) -> None:
    """Unknown: with nothing known of the person, the care plan and the Learn page say both speeds, each with its
    condition, never the gentler one alone."""
    care = run_without_diary(tmp_path, "care", "cervical_radiculopathy")
    assert _weakness_line(care) == BOTH, care
    learn = run_without_diary(tmp_path, "learn", "cervical_radiculopathy")
    assert "Your arm or hand slowly gets weaker. If this happens, the numbness began less than six weeks ago and you are " \
           "not sure whether it started suddenly, see a doctor today." in learn, learn


def test_bad_answers_are_refused_with_what_to_do(tmp_path: Path) -> None:
    """A finding ID that does not exist, or an age that is not a number, is bad input (exit 2) that says so."""
    run = run_cli("--plain", "care", "cervical_radiculopathy", "--unsure", "onset_sudenly")
    assert run.code == 2 and "onset_sudenly" in run.err, run.err
    run = run_cli("--plain", "care", "cervical_radiculopathy", "--age", "old")
    assert run.code == 2, run.err


def test_every_not_known_raise_of_a_care_line_has_words() -> None:
    """Completeness: every care or Learn line that a start (or other answer) not known would file above its rule's
    level names that condition in words, from the raising rule's `if_not_known`."""
    from numbwise.assess.triage import more_urgent, triage
    from numbwise.assess.warnings import if_not_known
    from numbwise.kb import load
    from numbwise.kb.headings import level_of

    kb = load()
    levels = {r.id: r.level for r in kb.triage.rules}
    lines: list[tuple[str, tuple[str, ...]]] = []
    for p in kb.care.plans.values():
        lines += [(levels[e.rule], tuple(e.said)) for e in p.escalate if e.rule and e.said]
        lines += [(level_of(kb, w), tuple(w.findings)) for w in p.warnings if w.change == "yes"]
    for c in kb.causes.values():
        lines += [(level_of(kb, w), tuple(w.findings)) for w in c.watch_for if w.change == "yes"]
    missing = []
    for level, change in lines:
        raised = triage({f: True for f in change}, None).level
        if more_urgent(raised, level) and raised != "emergency" and not if_not_known(level, change):
            missing.append((level, change, raised))
    assert not missing, missing
    assert if_not_known("routine", ("hand_weakness",)).startswith(
        "If this happens, the numbness began less than six weeks ago and you are not sure whether it started")
