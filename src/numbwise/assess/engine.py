"""One assessment from one case: triage first, then the ranked causes and the reasons."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from numbwise.assess.case import Case, parse_case
from numbwise.assess.explain import reason_lines
from numbwise.assess.ranking import rank, shortlist
from numbwise.assess.triage import Triage, coherent, triage


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
    ranked = shortlist(rank(case.findings, case.age, case.sex))
    level: Triage = coherent(triage(case.findings, case.age), ranked, case.findings)
    reasons = reason_lines(case.findings, level, ranked)
    return Assessment(level.level, tuple(ranked), level.red_flags, tuple(reasons), level.rules, case)


def assess(case: Mapping[str, Any] | Case) -> Assessment:
    """Assess a case given as a dict (the JSON case format) or a Case; raises CaseError on bad input."""
    return assess_case(case if isinstance(case, Case) else parse_case(case))
