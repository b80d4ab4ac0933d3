"""One assessment from one case: triage first, then the ranked causes and the reasons."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any

from numbwise.assess.case import Case, parse_case
from numbwise.assess.explain import reason_lines
from numbwise.assess.ranking import rank, shortlist
from numbwise.assess.triage import UNCONFIRMED_RULE, UNSURE_RULE, Triage, coherent, compiled_rules, rule_causes, triage
from numbwise.kb import load


@dataclass(frozen=True)
class Assessment:
    """The result of a symptom check: never a diagnosis."""

    triage: str
    causes: tuple[tuple[str, float], ...]
    red_flags: tuple[str, ...]
    reasons: tuple[str, ...]
    rules: tuple[str, ...]
    case: Case

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object (with the case's id when it has one)."""
        out: dict[str, Any] = {}
        if self.case.id is not None:
            out["id"] = self.case.id
        out["triage"] = self.triage
        out["causes"] = [{"id": c, "probability": round(p, 4)} for c, p in self.causes]
        out["red_flags"] = list(self.red_flags)
        out["reasons"] = list(self.reasons)
        return out


def assess_case(case: Case) -> Assessment:
    """Assess a validated case."""
    full = rank(case.findings, case.age, case.sex)
    ranked = shortlist(full)
    level: Triage = coherent(triage(case.findings, case.age), ranked, case.findings)
    # a cause a reason names ("can go with low vitamin B12") stays on the list, however unlikely (ranked order kept)
    named = set(rule_causes(level.rules)) - {c for c, _ in ranked}
    ranked += [(c, p) for c, p in full if c in named]
    reasons = reason_lines(case.findings, level, ranked)
    return Assessment(level.level, tuple(ranked), level.red_flags, tuple(reasons), level.rules, case)


def home_care_unless_unsure(result: Assessment, unsure: Collection[str]) -> Assessment:
    """No self-care when the person was not sure about a sign whose yes would make it urgent or an emergency.

    "Care for it at home" under "we can't tell yet how urgent this is" would contradict itself: the level is
    routine instead (the routine rules the pattern replaced, or the default), and the reasons say why.
    """
    if result.triage != "self_care" or not unsure_sign_matters(result.case.findings, result.case.age, unsure):
        return result
    return _without_home_care(result, UNSURE_RULE)


def unsure_sign_matters(findings: Mapping[str, bool], age: int | None, unsure: Collection[str]) -> bool:
    """Was the person not sure about a sign whose yes would make it urgent or an emergency (home care gives way)?"""
    return any(triage({**findings, f: True}, age).level in ("emergency", "urgent") for f in unsure
               if f not in findings and not moot(f, findings))


def moot(fid: str, findings: Mapping[str, bool]) -> bool:
    """Is a 'not sure' about this finding moot, as it only applies after a yes the person answered no (its `follows`:
    "during pregnancy: ..." beside "You are pregnant" left as no on the same list; or every one of `follows_one_of`:
    a test of the hand when neither hand is numb)? Then it raises nothing."""
    f = load().findings.get(fid)
    return f is not None and (any(findings.get(g) is False for g in f.follows)
                              or bool(f.follows_one_of) and all(findings.get(g) is False for g in f.follows_one_of))


def home_care_confirmed(result: Assessment, answered: Mapping[str, bool]) -> Assessment:
    """Self-care only when a self-care pattern holds on what the person answered to questions (`answered`).

    When words a person wrote completed the pattern and no question confirmed it, the level is routine
    instead (the routine rules the pattern would have replaced, or the default), and the reasons say that
    the words alone cannot confirm home care. Any other result is returned unchanged.
    """
    if result.triage != "self_care":
        return result
    rules = compiled_rules()
    age = result.case.age
    if any(c.rule.id in result.rules and c.rule.level == "self_care" and c.when(answered, age) is not None for c in rules):
        return result
    return _without_home_care(result, UNCONFIRMED_RULE)


def _without_home_care(result: Assessment, why: str) -> Assessment:
    """The level without the self-care patterns (the routine rules they replaced, or the default), marked with the
    reason home care gave way (`why`: a marker rule whose sentence the reasons then say)."""
    findings = result.case.findings
    level = triage(findings, result.case.age, [c for c in compiled_rules() if c.rule.level != "self_care"])
    level = Triage(level.level, level.red_flags, level.rules + (why,))
    reasons = reason_lines(findings, level, list(result.causes))
    return replace(result, triage=level.level, red_flags=level.red_flags, rules=level.rules, reasons=tuple(reasons))


def assess_words(case: Case) -> Assessment:
    """Assess a partial case read from a person's own words, with no question answered: never self-care."""
    return home_care_confirmed(assess_case(case), {})


def assess(case: Mapping[str, Any] | Case) -> Assessment:
    """Assess a case given as a dict (the JSON case format) or a Case; raises CaseError on bad input."""
    return assess_case(case if isinstance(case, Case) else parse_case(case))
