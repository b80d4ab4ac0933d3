"""Walkthrough Y (independent reviewer, W): Tariq, 41, neck pain and tingling down the right arm to the thumb for 3
weeks after lifting boxes, grip fine, not sure how fast it started.

His result said "See a doctor today if ... Your hand slowly gets weak or clumsy over days or weeks", and the care plan
it pointed to (`numbwise care cervical_radiculopathy`) "If your arm or hand slowly gets weaker ... See a GP soon": two
speeds for one sign. Now a care plan's "when to get more help" line that restates a triage sign (care.yaml `rule`)
writes no speed of its own: it starts with the title of the level the sign is filed at, by the same filing as the
result's watch lines (`assess.warnings.filed_level`), for anyone or for the person whose latest check named the cause.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli

TARIQ: dict[str, Any] = {"age": 41, "sex": "male", "days_so_far": 21, "unsure": ["onset_sudden"], "findings": {
    "one_hand": True, "numb_thumb": True, "neck_pain": True, "worse_neck_movement": True, "hand_weakness": False}}
SLOW_WEAKER = "slowly gets weak"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _result(case: dict[str, Any], tmp_path: Path) -> tuple[str, dict[str, Any], str]:
    """The printed result, the result plan and the stored-check result for these answers."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    out = {fmt: run_cli("--plain", "assess", "--case", str(path), "--format", fmt) for fmt in ("text", "plan", "json")}
    assert all(r.code == 0 for r in out.values()), [r.err for r in out.values()]
    return _flat(out["text"].out), json.loads(out["plan"].out), out["json"].out


def _kept(case: dict[str, Any], result_json: str, tmp_path: Path) -> str:
    """A diary holding this check as its latest, as `numbwise check` keeps it: its URL."""
    import datetime as dt

    from numbwise.diary.store import open_store

    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    with open_store(url) as store:
        store.add_check(dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.timezone.utc), case, json.loads(result_json))
    return url


def _care(*args: str) -> str:
    run = run_cli("--plain", *args)
    assert run.code == 0, run.err + run.out
    return _flat(run.out)


def _weakness_speed(care_text: str) -> str:
    """The speed the care plan gives after its slow-weakness line (the first sentence of its answer)."""
    m = re.search(r"If your arm or hand slowly gets weaker, or stays weak\. (.+?)\.", care_text)
    assert m is not None, care_text
    return m.group(1)


def test_tariqs_care_plan_and_result_give_slow_weakness_one_speed(tmp_path: Path) -> None:
    """Hit: his result files the slow weakness under "See a doctor today if"; the care plan for the cause his check
    named says "See a doctor today" for it too, not "see a GP soon"."""
    text, plan, result_json = _result(TARIQ, tmp_path)
    today = [i["text"] for g in plan["watch_for"] if g["level"] == "urgent" for i in g["items"]]
    assert any(SLOW_WEAKER in line for line in today), today
    assert "numbwise care cervical_radiculopathy" in text
    url = _kept(TARIQ, result_json, tmp_path)
    care = _care("--db", url, "care", "cervical_radiculopathy")
    assert "See a GP soon. They will check" not in care, care
    assert _weakness_speed(care) == "See a doctor today", care
    assert _care("--db", url, "care") == care  # the latest check's cause, named or not: one page


def test_near_miss_the_plan_for_anyone_gives_the_weakness_rules_own_level(tmp_path: Path) -> None:
    """With no check (or one that named another cause) the slow weakness is its rule's level, routine, in that
    level's own title; after a slow start Tariq's result does not list it above routine either."""
    care = _care("care", "cervical_radiculopathy")
    assert _weakness_speed(care) == "Book a doctor's visit", care
    slow = {**TARIQ, "unsure": [], "findings": {**TARIQ["findings"], "onset_sudden": False, "onset_gradual": True}}
    _, plan, result_json = _result(slow, tmp_path)
    assert not any(SLOW_WEAKER in i["text"] for g in plan["watch_for"] if g["level"] in ("urgent", "emergency")
                   for i in g["items"])
    assert _weakness_speed(_care("--db", _kept(slow, result_json, tmp_path), "care", "cervical_radiculopathy")) \
        == "Book a doctor's visit"


def test_near_miss_a_sign_with_no_triage_rule_keeps_its_care_wording() -> None:
    """Pain that cannot be controlled is no triage rule's sign: its line keeps the plan's own words."""
    care = _care("care", "cervical_radiculopathy")
    assert "If the pain cannot be controlled. See a GP soon." in care, care


def _escalations() -> list[tuple[str, Any]]:
    from numbwise.kb import load

    return [(pid, e) for pid, p in load().care.plans.items() for e in p.escalate]


# A line that names both speeds of its sign itself, each with its own condition ("today if it is new ..., or within
# the next few days if it came on slowly"): the wrist drop, where how it started decides.
OWN_CONDITIONS = {("radial_nerve_palsy", "hand_weakness")}


@pytest.mark.parametrize(("cause", "esc"), _escalations(), ids=lambda x: x if isinstance(x, str) else x.when[:30])
def test_every_care_line_naming_a_warning_sign_gives_its_rules_level(cause: str, esc: Any) -> None:
    """Completeness: every "when to get more help" line whose answers are a triage rule's signs (`said`) names that
    rule, writes no speed of its own, and reads with the title of the level the sign is filed at, for anyone and for
    Tariq (whose own rules file a weak hand at today)."""
    from numbwise.assess.warnings import filed_level
    from numbwise.care.plan import care_plan
    from numbwise.kb import load
    from numbwise.kb.loader import urgency_in_text

    kb = load()
    own = list(esc.files_with or esc.said)
    if not own or any((cause, f) in OWN_CONDITIONS for f in own):
        assert esc.rule is None or own, esc
        return
    assert esc.rule is not None, f"{cause}: '{esc.when}' restates a triage sign but names no rule"
    rule = next(r for r in kb.triage.rules if r.id == esc.rule)
    assert set(own) <= rule.when.finding_ids(), (own, rule.id)
    # filed with the answers of the plan's watch lines for the same sign (walkthrough AR: one speed in both places)
    signs = own + [f for w in kb.care.plans[cause].warnings if w.rule == esc.rule and set(w.findings) & set(own)
                   for f in w.findings]
    assert urgency_in_text(esc.then) is None and not re.search(r"\bsoon\b", esc.then, re.I), esc.then
    i = list(kb.care.plans[cause].escalate).index(esc)
    for person, age in ((None, None), (TARIQ["findings"], TARIQ["age"])):
        level = filed_level(rule.level, signs, person, age)
        shown = care_plan(kb, cause, person=person, age=age).escalation[i]
        assert shown.level == level and shown.then.startswith(f"{kb.triage.levels[level].title}."), shown


def test_the_knowledge_check_refuses_a_restated_sign_with_its_own_speed() -> None:
    """A speed written beside a rule ("See a GP soon") is refused by `numbwise kb check`, so the care text cannot
    drift from the rule again."""
    from dataclasses import replace

    from numbwise.kb import load
    from numbwise.kb.loader import _check_care

    def check(kb: Any) -> list[str]:
        problems: list[str] = []
        _check_care(kb, lambda *_: None, problems)
        return problems

    kb = load()
    plan = kb.care.plans["cervical_radiculopathy"]
    esc = next(e for e in plan.escalate if e.rule)
    bad = esc.model_copy(update={"then": f"See a GP soon. {esc.then}"})
    plans = {**kb.care.plans, "cervical_radiculopathy": plan.model_copy(update={
        "escalate": [bad if e is esc else e for e in plan.escalate]})}
    broken = replace(kb, care=kb.care.model_copy(update={"plans": plans}))
    assert any("says its own speed" in p for p in check(broken))
    assert not any("says its own speed" in p for p in check(kb))
