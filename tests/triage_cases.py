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
from numbwise.assess.triage import RANK, Triage
from numbwise.kb import load
from numbwise.kb.models import Cond, Rule

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
           which: tuple[str, ...] = RULE_FINDINGS) -> list[str]:
    """Every way a not-known finding or age gives a lower level than a known one, for this case."""
    problems = []
    for fid in which:
        base = {k: v for k, v in findings.items() if k != fid}
        unknown = level(base, age)
        no = level({**base, fid: False}, age)
        yes = level({**base, fid: True}, age)
        if urgency(unknown.level) < urgency(no.level):
            problems.append(f"{fid}: unknown gives {unknown.level}, no gives {no.level} ({sorted(base.items())}, age {age})")
        if urgency(unknown.level) < urgency(yes.level) and fid not in yes.red_flags:
            problems.append(f"{fid}: unknown gives {unknown.level}, yes gives {yes.level} ({sorted(base.items())}, age {age})")
    if age is not None:
        return problems
    for a in AGES[1:]:
        known = level(findings, a)
        unknown = level(findings, None)
        if urgency(unknown.level) < urgency(known.level):
            problems.append(f"age: unknown gives {unknown.level}, {a} gives {known.level} ({sorted(findings.items())})")
    return problems


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


def derive() -> list[dict[str, Any]]:
    """For every rule: a hit, a near miss (its first finding answered no) and its exception, levels as now."""
    from numbwise.assess.triage import triage

    out = []
    for rule in load().triage.rules:
        findings: dict[str, bool] = {}
        age: list[int | None] = [40]
        satisfy(rule.when, findings, age, True)
        stories = [("hit", dict(findings))]
        first = _first_present(rule.when)
        if first:
            stories.append(("near miss", {**findings, first: False}))
        if rule.unless is not None:
            f2 = dict(findings)
            a2: list[int | None] = [age[0]]
            satisfy(rule.unless, f2, a2, False)
            stories.append(("exception", f2))
            age_for_exception = a2[0]
        for kind, f in stories:
            a = age_for_exception if kind == "exception" else age[0]
            out.append({"why": f"{rule.id} {kind}", "findings": f, "age": a, "expect": triage(f, a).level})
        if rule.level == "self_care":  # the same pattern with the age not known is routine at most
            out.append({"why": f"{rule.id} age unknown", "findings": findings, "age": None, "expect": triage(findings, None).level})
    return out


@functools.cache
def pinned_cases() -> list[dict[str, Any]]:
    """The pinned cases: the frozen per-rule cases plus the dev and probe cases."""
    frozen = json.loads(PINNED.read_text())
    fixtures = [{"why": c["id"], "findings": c["findings"], "age": c.get("age"), "expect": c["expect"]["triage"]}
                for c in dev_and_probe()]
    return frozen + fixtures


def _rule_by_id(rid: str) -> Rule:
    return next(r for r in load().triage.rules if r.id == rid)


if __name__ == "__main__":
    if "--write" in sys.argv:
        PINNED.write_text(json.dumps(derive(), indent=1) + "\n")
        print(f"wrote {PINNED}")
    else:
        print(json.dumps(derive(), indent=1))
