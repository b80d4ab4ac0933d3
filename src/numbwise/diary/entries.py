"""Diary entry types: plain pydantic data that the store returns and every face and the report read."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

KINDS = ("symptom", "treatment", "check", "score", "activity")
Kind = Literal["symptom", "treatment", "check", "score", "activity"]
Hand = Literal["left", "right", "both"]
TreatmentKind = Literal[
    "splint_night", "splint_day", "exercise", "b12_dose", "b12_meal", "medicine", "injection", "surgery",
]
TREATMENT_KINDS: tuple[str, ...] = TreatmentKind.__args__  # type: ignore[attr-defined]
ActivityKind = Literal["session", "break"]
Outcome = Literal["done", "partial", "snoozed", "skipped"]

# Finger codes as in the check's finger picker: hand letter, 1 = thumb .. 5 = little, 0 = whole hand.
FINGER_CODE = re.compile(r"[lr][0-5]")
FINGER_ORDER = tuple(f"{side}{n}" for side in "rl" for n in range(6))
TREATMENT_LABELS: dict[str, str] = {
    "splint_night": "splint worn at night",
    "splint_day": "splint worn in the day",
    "exercise": "exercise session",
    "b12_dose": "vitamin B12 dose",
    "b12_meal": "meal rich in vitamin B12",
    "medicine": "medicine taken",
    "injection": "injection",
    "surgery": "surgery",
}
TRIGGERS = ("typing", "phone", "driving", "sleep", "cycling", "gripping", "vibration", "cold", "reading", "other")


EARLIEST_YEAR = 1900  # no diary entry is older; a browser's "26" for 2026 must not save 0026-11-30


def time_problem(value: datetime) -> str | None:
    """Why a time cannot be a diary time (no zone, before 1900, out of range), or None."""
    if value.tzinfo is None or value.utcoffset() is None:
        return "the time needs a time zone (for example 2026-03-01T08:00:00+00:00)"
    try:
        utc = value.astimezone(timezone.utc)
    except OverflowError:
        return f"the date must be in {EARLIEST_YEAR} or later"
    if utc.year < EARLIEST_YEAR:
        return f"the date {value.date().isoformat()} is before {EARLIEST_YEAR}; check the year (like 2026, not 26)"
    return None


def _aware_utc(value: datetime) -> datetime:
    """Times must say their zone and be from 1900 on; they are kept in UTC so sorting and comparing are exact."""
    problem = time_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value.astimezone(timezone.utc)


UTCTime = Annotated[datetime, AfterValidator(_aware_utc)]


def normalise_fingers(codes: Any) -> tuple[str, ...]:
    """Accept 'r1,r2' or ['R1', 'r2']; return sorted unique lower-case codes, or raise ValueError."""
    if codes is None:
        return ()
    items = re.split(r"[\s,]+", codes.strip()) if isinstance(codes, str) else list(codes)
    out: set[str] = set()
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"finger code {item!r} is not text")
        code = item.strip().lower()
        if not code:
            continue
        if not FINGER_CODE.fullmatch(code):
            raise ValueError(f"'{item}' is not a finger code: use r or l and 1-5 (1 = thumb, 5 = little), or 0 for the whole hand")
        out.add(code)
    return tuple(c for c in FINGER_ORDER if c in out)


class _Model(BaseModel):
    """Strict, frozen plain data: wrong types are refused rather than guessed."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, defer_build=True)  # built on first use: start-up


class SymptomIn(_Model):
    """One moment of numbness or tingling, as the person logs it."""

    at: UTCTime
    severity: int = Field(ge=0, le=10)
    hand: Hand | None = None
    fingers: tuple[str, ...] = ()
    minutes: int | None = Field(default=None, ge=0, le=60 * 24 * 7)
    trigger: str | None = Field(default=None, max_length=200)
    woke: bool = False
    notes: str = Field(default="", max_length=5000)

    @field_validator("fingers", mode="before")
    @classmethod
    def _fingers(cls, value: Any) -> tuple[str, ...]:
        return normalise_fingers(value)


UID = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


class SymptomData(SymptomIn):
    """A symptom entry as exported: uid names it across databases (so importing twice adds nothing)."""

    uid: UID


class Symptom(SymptomData):
    """A stored symptom entry; id is local to this database."""

    id: int


class TreatmentIn(_Model):
    """Something done to help: splint, exercise, B12, medicine, injection or surgery."""

    at: UTCTime
    kind: TreatmentKind
    detail: str = Field(default="", max_length=500)
    notes: str = Field(default="", max_length=5000)


class TreatmentData(TreatmentIn):
    """A treatment entry as exported."""

    uid: UID


class TreatmentEntry(TreatmentData):
    """A stored treatment entry."""

    id: int


class CheckData(_Model):
    """A finished `numbwise check`: the answers (case) and the result, as JSON objects."""

    uid: UID
    at: UTCTime
    case: dict[str, Any]
    result: dict[str, Any]


class ScoreData(_Model):
    """One filled-in outcome questionnaire: item answers and the computed values."""

    uid: UID
    at: UTCTime
    instrument: str = Field(min_length=1, max_length=100)
    answers: dict[str, int | None]
    values: dict[str, float | str | None]


class ActivityData(_Model):
    """An exercise session or a break, recorded by the exercise player or the reminders."""

    uid: UID
    at: UTCTime
    kind: ActivityKind
    name: str = Field(min_length=1, max_length=200)
    outcome: Outcome
    seconds: int = Field(ge=0)




class CheckRecord(CheckData):
    """A stored check."""

    id: int


class ScoreRecord(ScoreData):
    """A stored score."""

    id: int


class Activity(ActivityData):
    """A stored activity."""

    id: int


Entry = Symptom | TreatmentEntry | CheckRecord | ScoreRecord | Activity
FORMAT: Literal["numbwise-diary"] = "numbwise-diary"
FORMAT_VERSION: Literal[1] = 1


class Batch(_Model):
    """Everything in a diary without local ids: the JSON export and import format."""

    format: Literal["numbwise-diary"] = FORMAT
    version: Literal[1] = FORMAT_VERSION
    symptoms: tuple[SymptomData, ...] = ()
    treatments: tuple[TreatmentData, ...] = ()
    checks: tuple[CheckData, ...] = ()
    scores: tuple[ScoreData, ...] = ()
    activities: tuple[ActivityData, ...] = ()

    def count(self) -> int:
        """How many entries the batch holds."""
        return len(self.symptoms) + len(self.treatments) + len(self.checks) + len(self.scores) + len(self.activities)
