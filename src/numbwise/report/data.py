"""Plain snapshot of a diary for one period: what the report reads, with no database behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Hand = Literal["left", "right", "both"]
FINGERS: tuple[str, ...] = ("thumb", "index", "middle", "ring", "little")
_FINGER_ALIASES = {"pinky": "little", "small": "little", "pointer": "index", "long": "middle"}


def finger_id(name: str) -> str | None:
    """One of FINGERS for a finger name as the diary may spell it, or None when unknown."""
    key = name.strip().lower().replace("_finger", "").replace(" finger", "")
    key = _FINGER_ALIASES.get(key, key)
    return key if key in FINGERS else None


@dataclass(frozen=True)
class SymptomRow:
    """One logged episode of numbness or tingling."""

    at: dt.datetime
    severity: int  # 0-10
    hand: str = "both"
    fingers: tuple[str, ...] = ()
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
