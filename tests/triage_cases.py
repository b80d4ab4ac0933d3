"""Cases for the triage properties: generated answer sets, the checker, and the pinned cases.

Pinned cases are the dev cases, the independent probe set and one hit, one near miss and one
exception case made for every rule (tests/fixtures/triage_pinned.json, regenerated with
`python -m tests.triage_cases --write` and then read through by a person before it is committed).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from numbwise.assess.case import Case
from numbwise.assess.engine import assess_case
from numbwise.assess.triage import RANK, RANKING_RULES, Triage
from numbwise.kb import load
from numbwise.kb.models import Cond

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PINNED = FIXTURES / "triage_pinned.json"
AGES: tuple[int | None, ...] = (None, 5, 15, 16, 22, 29, 30, 45, 49, 50, 54, 55, 70, 90)


def _rule_findings() -> tuple[str, ...]:
    tri = load().triage
    out: set[str] = set()
    for r in tri.rules:
        out |= r.when.finding_ids() | (r.unless.finding_ids() if r.unless else set())
    return tuple(sorted(out))


RULE_FINDINGS = _rule_findings()
ALL_FINDINGS = tuple(sorted(load().vocabulary.findings))


def urgency(level: str) -> int:
    """Bigger is more urgent."""
    return -RANK[level]


def level_of(findings: Mapping[str, bool], age: int | None) -> Triage:
    """The level of the whole assessment (rules, then the coherence rule over the ranking)."""
    a = assess_case(Case(findings=dict(findings), age=age))
    return Triage(a.triage, a.red_flags, a.rules)


def lowers(findings: Mapping[str, bool], age: int | None, level: Callable[[Mapping[str, bool], int | None], Triage],
           which: tuple[str, ...] = RULE_FINDINGS, allow_coherence: bool = False) -> list[str]:
    """Every way a not-known finding or age gives a lower level than a known one, for this case.

    With `allow_coherence`, a known answer may give a higher level through the coherence rule alone
    (the ranking, and so the chances shown, moved with it; see docs/triage.md).
    """
    problems = []

    def worse(low: Triage, high: Triage) -> bool:
        if urgency(low.level) >= urgency(high.level):
            return False
        return not (allow_coherence and set(RANKING_RULES) & set(high.rules) and urgency(low.level) >= urgency(rules_level(high)))

    for fid in which:
        base = {k: v for k, v in findings.items() if k != fid}
        unknown = level(base, age)
        no = level({**base, fid: False}, age)
        yes = level({**base, fid: True}, age)
        if worse(unknown, no):
            problems.append(f"{fid}: unknown gives {unknown.level}, no gives {no.level} ({sorted(base.items())}, age {age})")
        if worse(unknown, yes) and fid not in yes.red_flags:
            problems.append(f"{fid}: unknown gives {unknown.level}, yes gives {yes.level} ({sorted(base.items())}, age {age})")
    if age is not None:
        return problems
    for a in AGES[1:]:
        known = level(findings, a)
        unknown = level(findings, None)
        if worse(unknown, known):
            problems.append(f"age: unknown gives {unknown.level}, {a} gives {known.level} ({sorted(findings.items())})")
    return problems


def rules_level(t: Triage) -> str:
    """The level the rules alone gave, before the coherence rule raised it."""
    from numbwise.kb import load

    levels = {r.id: r.level for r in load().triage.rules}
    fired = [levels[r] for r in t.rules if r in levels]
    replaced = {x for r in load().triage.rules if r.id in t.rules for x in r.replaces}
    fired = [levels[r] for r in t.rules if r in levels and r not in replaced]
    return min(fired, key=lambda lv: RANK[lv]) if fired else "routine"


def dev_and_probe() -> list[dict[str, Any]]:
    """The dev cases and the independent probe cases (fixtures), with their expected triage."""
    out = []
    for folder in ("dev", "probe"):
        for p in sorted((FIXTURES / "cases" / folder).glob("*.json")):
            out.append(json.loads(p.read_text()))
    return out


@st.composite
def case_strategy(draw: st.DrawFn) -> tuple[dict[str, bool], int | None]:
    """An answer set: random findings the rules read, or a fixture case with a few answers changed."""
    age = draw(st.sampled_from(AGES))
    if draw(st.booleans()):
        base = draw(st.sampled_from(dev_and_probe()))
        findings = dict(base["findings"])
        for fid in draw(st.lists(st.sampled_from(RULE_FINDINGS), max_size=3)):
            findings[fid] = draw(st.booleans())
        age = draw(st.sampled_from((base.get("age"), age)))
    else:
        keys = draw(st.lists(st.sampled_from(RULE_FINDINGS), max_size=10, unique=True))
        findings = {k: draw(st.booleans()) for k in keys}
    return findings, age


# ---------------------------------------------------------------- pinned cases


def satisfy(cond: Cond, findings: dict[str, bool], age: list[int | None], raising: bool) -> None:
    """Fill `findings` (and age) so that `cond` holds, taking the first option of every 'any'."""
    if cond.present:
        findings[cond.present] = True
    elif cond.absent:
        findings[cond.absent] = False
    elif cond.not_present:
        findings[cond.not_present] = False
    elif cond.unknown:
        findings.pop(cond.unknown, None)
    elif cond.age_at_least is not None:
        age[0] = max(cond.age_at_least, age[0] or 0)
    elif cond.age_below is not None:
        age[0] = min(cond.age_below - 1, age[0] if age[0] is not None else 200)
    elif cond.age_known is not None:
        age[0] = (age[0] if age[0] is not None else 40) if cond.age_known else None
    elif cond.all:
        for c in cond.all:
            satisfy(c, findings, age, raising)
    elif cond.any:
        satisfy(cond.any[0], findings, age, raising)


def _first_present(cond: Cond) -> str | None:
    if cond.present:
        return cond.present
    for c in (cond.all or []) + (cond.any or [])[:1]:
        got = _first_present(c)
        if got:
            return got
    return None


# Stories that isolate one branch of a rule, where the made-up hit is also caught by another rule.
EXTRA: list[tuple[str, dict[str, bool], int | None]] = [
    # a start over days in numbness over six weeks old: slow worsening, routine (walkthrough AT, George)
    ("ur_fast_worsening over days, long-standing", {"onset_over_days": True, "getting_worse": True, "lasting_over_6_weeks": True}, 40),
    ("ur_fast_worsening over days, length not known", {"onset_over_days": True, "getting_worse": True}, 40),
    ("ur_ms_worsening slow onset", {"known_ms": True, "getting_worse": True, "onset_gradual": True}, 35),
    ("ur_ms_worsening without MS", {"known_ms": False, "getting_worse": True, "onset_gradual": True}, 35),
    ("em_sudden_face_or_leg both hands", {"onset_sudden": True, "both_hands": True, "numb_leg_same_side": True,
                                          "after_pressure_on_arm": True, "episode_resolved_within_hour": True,
                                          "hand_weakness": False, "numb_face_same_side": False, "speech_difficulty": False}, 40),
    ("em_sudden_on_blood_thinner with a pressure story", {"onset_sudden": True, "blood_thinners": True, "one_hand": True,
                                                          "after_pressure_on_arm": True, "episode_resolved_within_hour": True,
                                                          "hand_weakness": False, "numb_face_same_side": False,
                                                          "numb_leg_same_side": False, "speech_difficulty": False}, 40),
    ("em_sudden_weakness with a pressure story", {"onset_sudden": True, "hand_weakness": True, "one_hand": True,
                                                  "after_pressure_on_arm": True, "episode_resolved_within_hour": True,
                                                  "arm_or_leg_weakness_sudden": False, "numb_face_same_side": False,
                                                  "numb_leg_same_side": False, "speech_difficulty": False}, 40),
]

# A complete self-care story that replaces only 'comes and goes': a routine rule added to it shows.
PRESSURE_STORY = {"after_pressure_on_arm": True, "episode_resolved_within_hour": True, "one_hand": True}


def derive() -> list[dict[str, Any]]:
    """For every rule: a hit, a near miss (its first finding answered no) and its exception, as now.

    Routine rules are also tried on top of a self-care story, where they must change the level.
    """
    from numbwise.assess.triage import triage

    stories: list[tuple[str, dict[str, bool], int | None]] = []
    for rule in load().triage.rules:
        findings: dict[str, bool] = {}
        age: list[int | None] = [40]
        satisfy(rule.when, findings, age, True)
        stories.append((f"{rule.id} hit", dict(findings), age[0]))
        first = _first_present(rule.when)
        if first:
            stories.append((f"{rule.id} near miss", {**findings, first: False}, age[0]))
        if rule.unless is not None:
            f2 = dict(findings)
            a2: list[int | None] = [age[0]]
            satisfy(rule.unless, f2, a2, False)
            stories.append((f"{rule.id} exception", f2, a2[0]))
        if rule.level == "routine":
            stories.append((f"{rule.id} on a pressure story", PRESSURE_STORY | findings, age[0]))
        if rule.level == "self_care":  # the same pattern with the age not known is routine at most
            stories.append((f"{rule.id} age unknown", findings, None))
    out = []
    for why, f, a in stories + EXTRA:
        t = triage(f, a)
        out.append({"why": why, "findings": f, "age": a, "expect": t.level, "rules": sorted(t.rules)})
    return out


@functools.cache
def pinned_cases() -> list[dict[str, Any]]:
    """The pinned cases: the frozen per-rule cases plus the dev and probe cases."""
    frozen = json.loads(PINNED.read_text())
    from tests.test_triage import MORE_CAUTIOUS

    fixtures = [{"why": c["id"], "findings": c["findings"], "age": c.get("age"),
                 "expect": MORE_CAUTIOUS.get(c["id"], c["expect"]["triage"]), "rules": None} for c in dev_and_probe()]
    return frozen + fixtures


if __name__ == "__main__":
    if "--write" in sys.argv:
        PINNED.write_text(json.dumps(derive(), indent=1) + "\n")
        print(f"wrote {PINNED}")
    else:
        print(json.dumps(derive(), indent=1))
