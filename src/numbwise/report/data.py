"""Plain snapshot of a diary for one period: what the report reads, with no database behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FINGERS: tuple[str, ...] = ("thumb", "index", "middle", "ring", "little")
# Finger codes as the diary keeps them: hand letter, 1 = thumb .. 5 = little, 0 = the whole hand.
FINGER_CODES: tuple[str, ...] = tuple(f"{side}{n}" for side in "rl" for n in range(1, 6))


def expand_fingers(codes: tuple[str, ...]) -> set[str]:
    """The single-finger codes a list of codes covers ('r0', the whole right hand, is r1..r5)."""
    out: set[str] = set()
    for code in codes:
        c = code.strip().lower()
        if len(c) == 2 and c[0] in "rl" and c[1] == "0":
            out.update(f"{c[0]}{n}" for n in range(1, 6))
        elif c in FINGER_CODES:
            out.add(c)
    return out


@dataclass(frozen=True)
class SymptomRow:
    """One logged episode of numbness or tingling."""

    at: dt.datetime
    severity: int  # 0-10
    hand: str | None = None  # "left" | "right" | "both"
    fingers: tuple[str, ...] = ()  # codes such as "r1" (right thumb)
    minutes: int | None = None
    trigger: str | None = None
    woke: bool = False
    notes: str | None = None


@dataclass(frozen=True)
class TreatmentRow:
    """One logged use or start of a treatment (a night in a splint, a dose, an injection)."""

    at: dt.datetime
    kind: str
    detail: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class CheckRow:
    """A finished symptom check: its level, top causes and any red flags."""

    at: dt.datetime
    level: str
    causes: tuple[tuple[str, float], ...] = ()
    red_flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoreRow:
    """One questionnaire result; values holds each scale's score (e.g. {'sss': 3.1, 'fss': 2.4})."""

    at: dt.datetime
    instrument: str
    values: Mapping[str, float | str | None]


@dataclass(frozen=True)
class ActivityRow:
    """One exercise session or hand break, and whether it was done."""

    at: dt.datetime
    kind: str  # "session" | "break"
    name: str
    outcome: str  # "done" | "partial" | "snoozed" | "skipped"
    seconds: int = 0


@dataclass(frozen=True)
class ReportData:
    """Everything one report shows, oldest first; checks hold every check ever (red flags are never hidden)."""

    start: dt.date
    end: dt.date
    symptoms: tuple[SymptomRow, ...] = ()
    treatments: tuple[TreatmentRow, ...] = ()
    checks: tuple[CheckRow, ...] = ()
    scores: tuple[ScoreRow, ...] = ()
    activities: tuple[ActivityRow, ...] = ()
    age: int | None = None
    sex: str | None = None
    name: str | None = None
    first_entry: dt.date | None = None  # the earliest diary entry ever, also before the period
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def days(self) -> int:
        """Length of the period in days, both ends counted."""
        return (self.end - self.start).days + 1

    def is_empty(self) -> bool:
        """True when the period holds nothing to report."""
        return not (self.symptoms or self.treatments or self.scores or self.activities or self.checks)


def local_date(at: dt.datetime) -> dt.date:
    """The calendar date a person saw when they logged this (their local time zone)."""
    return at.astimezone().date() if at.tzinfo else at.date()
