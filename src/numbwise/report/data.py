"""Plain snapshot of a diary for one period: what the report reads, with no database behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
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
    """A finished symptom check: its level, ranked causes, any red flags, and the answers it was given (findings,
    age, sex: the report rebuilds from them what the result said, its own title and whether it named a cause)."""

    at: dt.datetime
    level: str
    causes: tuple[tuple[str, float], ...] = ()
    red_flags: tuple[str, ...] = ()
    case: Mapping[str, Any] = field(default_factory=dict)

    def signs(self) -> tuple[str, ...]:
        """Its warning signs, exactly as its result showed them: on an emergency or urgent result, the red flags a
        rule of that level names (`signs_shown`, as the result plan uses it), never one that only stopped an exception
        ("it comes and goes"); a routine or self-care result showed no warning signs, so none here either (its
        reasons, "it is there all the time", were why that level, not warning signs)."""
        from numbwise.assess.triage import signs_shown, triage, urgent_signs
        from numbwise.kb import load

        if self.level not in ("emergency", "urgent"):
            return ()
        kb = load()
        found = self.case.get("findings") if isinstance(self.case, Mapping) else None
        known = {str(f): v for f, v in (found or {}).items() if f in kb.vocabulary.findings and isinstance(v, bool)}
        if not known:
            return self.red_flags  # an older check without its answers: as it was saved
        age = self.case.get("age")
        again = triage(known, age if isinstance(age, int) and not isinstance(age, bool) else None)
        if again.level != self.level:
            return self.red_flags
        own = signs_shown(self.red_flags, again.rules)  # and on an emergency the urgent rules' signs, as the result
        years = age if isinstance(age, int) and not isinstance(age, bool) else None
        return own + (urgent_signs(known, years, own) if self.level == "emergency" else ())

    def said(self, finding: str) -> bool | None:
        """What the person answered about one finding in this check: True, False, or None (not asked, not known)."""
        found = self.case.get("findings") if isinstance(self.case, Mapping) else None
        value = found.get(finding) if isinstance(found, Mapping) else None
        return value if isinstance(value, bool) else None

    def fingers(self) -> tuple[str, ...]:
        """The fingers the check's answers said are numb, as plain words ('thumb', 'index' ...), thumb first."""
        return tuple(f for f in FINGERS if self.said(f"numb_{f}") is True)

    def taken_back(self) -> str:
        """The line its result said for an early call-now screen its later answers took back, as the check saved it
        (assess.case.TOLD_KEYS); "" when there was none, or for a check saved before checks kept it."""
        from numbwise.assess.case import CaseError, parse_told

        try:
            return parse_told(self.case).taken_back
        except CaseError:  # a value no check saves: not shown, never guessed
            return ""

    def unsure(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The warning signs the person was not sure about, as its result listed them: (the result's heading, the
        signs), most urgent first, then the named cause's own escalation answers (a weak grip beside the elbow plan).
        None for a check saved before the diary kept its 'not sure' answers."""
        from numbwise.assess.result import saved_unsure

        return tuple((g.heading, tuple(u.text for u in g.items))
                     for g in saved_unsure(self.level, self.case if isinstance(self.case, Mapping) else {}, self.causes))


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


@lru_cache(maxsize=16384)
def local_date(at: dt.datetime) -> dt.date:
    """The calendar date a person saw when they logged this (their local time zone); cached, as a report asks often."""
    return at.astimezone().date() if at.tzinfo else at.date()


def _aware(day: dt.date, end: bool) -> dt.datetime:
    """Start or end of a local calendar day, as an aware time."""
    t = dt.time(23, 59, 59, 999999) if end else dt.time(0)
    return dt.datetime.combine(day, t).astimezone()


def snapshot(store: Any, start: dt.date, end: dt.date) -> ReportData:
    """Read one period from a diary store (numbwise.diary.store.Store) into a ReportData.

    Checks are read in full, so a warning sign raised before the period still shows. Age and sex come
    from the newest check that gave them.
    """
    since, until = _aware(start, False), _aware(end, True)
    every_symptom = store.symptoms(until=until)  # read once: the period's entries and the first entry ever
    symptoms = tuple(
        SymptomRow(s.at, s.severity, s.hand, tuple(s.fingers), s.minutes, s.trigger, bool(s.woke), s.notes or None)
        for s in every_symptom if s.at >= since
    )
    every_treatment = store.treatments(until=until)
    treatments = tuple(TreatmentRow(t.at, t.kind, t.detail or None, t.notes or None) for t in every_treatment)
    checks: list[CheckRow] = []
    age: int | None = None
    sex: str | None = None
    for c in store.checks(until=until):
        result = c.result or {}
        causes = tuple((str(x["id"]), float(x.get("probability", 0.0))) for x in result.get("causes", []) if "id" in x)
        case = c.case or {}
        checks.append(CheckRow(c.at, str(result.get("triage", "routine")), causes, tuple(result.get("red_flags", [])), case))
        age = case.get("age", age) if isinstance(case.get("age"), int) else age
        sex = case.get("sex", sex) if isinstance(case.get("sex"), str) else sex
    scores = tuple(ScoreRow(r.at, r.instrument, dict(r.values)) for r in store.scores(since=since, until=until))
    activities = tuple(ActivityRow(a.at, a.kind, a.name, a.outcome, a.seconds) for a in store.activities(since=since, until=until))
    firsts = [x[0].at for x in (every_symptom[:1], every_treatment[:1]) if x]
    first = min(firsts) if firsts else None
    return ReportData(
        start=start,
        end=end,
        symptoms=symptoms,
        treatments=treatments,
        checks=tuple(checks),
        scores=scores,
        activities=activities,
        age=age,
        sex=sex,
        first_entry=local_date(first) if first else None,
    )


def fill_store(store: Any, data: ReportData) -> None:
    """Write a snapshot's entries into a diary store through its API (used for the demo diary)."""
    from numbwise.diary.entries import SymptomIn, TreatmentIn

    for s in data.symptoms:
        store.add_symptom(SymptomIn.model_validate({"at": s.at, "severity": s.severity, "hand": s.hand, "fingers": s.fingers,
                                                    "minutes": s.minutes, "trigger": s.trigger, "woke": s.woke, "notes": s.notes or ""}))
    for t in data.treatments:
        store.add_treatment(TreatmentIn.model_validate({"at": t.at, "kind": t.kind, "detail": t.detail or "", "notes": t.notes or ""}))
    for c in data.checks:
        case = {k: v for k, v in (("age", data.age), ("sex", data.sex)) if v is not None} | dict(c.case)
        result = {"triage": c.level, "causes": [{"id": i, "probability": p} for i, p in c.causes], "red_flags": list(c.red_flags)}
        store.add_check(c.at, case, result)
    for r in data.scores:
        store.add_score(r.at, r.instrument, {}, dict(r.values))
    for a in data.activities:
        store.add_activity(a.at, a.kind, a.name, a.outcome, a.seconds)
