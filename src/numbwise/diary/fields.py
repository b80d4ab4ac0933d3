"""Shared field rules for diary entries, used by every face: build checked entries, short ids, one-line descriptions.

Plain functions over plain data (no click, no web): a bad field raises EntryProblem naming it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from numbwise.diary.entries import Entry, SymptomIn, TreatmentIn

PREFIX = {"symptom": "S", "treatment": "T", "check": "C", "score": "Q", "activity": "A"}
KIND_OF_PREFIX = {v: k for k, v in PREFIX.items()}


class EntryProblem(ValueError):
    """An entry cannot be saved as given; `field` names the field (None when it is the whole entry)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def hand_from(fingers: tuple[str, ...]) -> str | None:
    """Which hand a set of finger codes is on: left, right, both, or None when no finger is given."""
    sides = {f[0] for f in fingers}
    if not sides:
        return None
    return "both" if len(sides) == 2 else {"r": "right", "l": "left"}[sides.pop()]


def _first_field(exc: Any) -> str | None:
    errors = exc.errors()
    return ".".join(str(p) for p in errors[0]["loc"]) if errors and errors[0]["loc"] else None


def symptom_from(fields: dict[str, Any]) -> SymptomIn:
    """A checked SymptomIn from typed fields; the hand is worked out from the fingers when not given."""
    from pydantic import ValidationError

    from numbwise.diary.entries import SymptomIn, normalise_fingers
    from numbwise.diary.store import describe as describe_error

    fields = dict(fields)
    try:
        fields["fingers"] = normalise_fingers(fields.get("fingers"))
    except ValueError as exc:
        raise EntryProblem(f"not saved: {exc}", "fingers") from None
    if fields.get("hand") is None:
        fields["hand"] = hand_from(fields["fingers"])
    hand = fields["hand"]
    if hand in ("left", "right") and any(f[0] != hand[0] for f in fields["fingers"]):
        raise EntryProblem(f"not saved: the fingers {' '.join(fields['fingers'])} are not all on the {hand} hand", "fingers")
    try:
        return SymptomIn.model_validate(fields)
    except ValidationError as exc:
        raise EntryProblem(f"not saved: {describe_error(exc)}", _first_field(exc)) from None


def treatment_from(fields: dict[str, Any]) -> TreatmentIn:
    """A checked TreatmentIn from typed fields."""
    from pydantic import ValidationError

    from numbwise.diary.entries import TreatmentIn
    from numbwise.diary.store import describe as describe_error

    try:
        return TreatmentIn.model_validate(fields)
    except ValidationError as exc:
        raise EntryProblem(f"not saved: {describe_error(exc)}", _first_field(exc)) from None


def entry_ref(entry: Entry) -> str:
    """The short id people type: S12 for symptom 12, T3 for treatment 3, and so on."""
    from numbwise.diary.store import kind_of

    return f"{PREFIX[kind_of(entry)]}{entry.id}"


def parse_ref(text: str) -> tuple[str, int]:
    """'S12' -> ('symptom', 12); raise EntryProblem for anything else."""
    t = text.strip().upper()
    if len(t) >= 2 and t[0] in KIND_OF_PREFIX and t[1:].isdigit() and len(t) <= 19:
        return KIND_OF_PREFIX[t[0]], int(t[1:])
    raise EntryProblem(f"'{text}' is not an entry id; ids look like S12 (symptom), T3 (treatment), C1 (check), "
                       "Q2 (score), A5 (activity)", "ref")


def describe(entry: Entry) -> str:
    """One plain line saying what an entry holds."""
    from numbwise.diary.entries import TREATMENT_LABELS, CheckRecord, ScoreRecord, Symptom, TreatmentEntry

    if isinstance(entry, Symptom):
        parts = [f"numbness {entry.severity}/10"]
        if entry.hand:
            parts.append(f"{entry.hand} hand" if entry.hand != "both" else "both hands")
        if entry.fingers:
            parts.append("fingers " + " ".join(f.upper() for f in entry.fingers))
        if entry.minutes is not None:
            parts.append(f"{entry.minutes} min")
        if entry.trigger:
            parts.append(f"after {entry.trigger}")
        if entry.woke:
            parts.append("woke me")
    elif isinstance(entry, TreatmentEntry):
        parts = [TREATMENT_LABELS.get(entry.kind, entry.kind)]
        if entry.detail:
            parts.append(entry.detail)
    elif isinstance(entry, CheckRecord):
        causes = entry.result.get("causes") or []
        top = causes[0]["id"] if causes else "no clear cause"
        parts = [f"symptom check: {entry.result.get('triage', '?')}", f"top cause {top}"]
    elif isinstance(entry, ScoreRecord):
        shown = ", ".join(f"{k} {v}" for k, v in entry.values.items() if v is not None)
        parts = [f"{entry.instrument} score", shown or "no values"]
    else:
        parts = [f"{entry.kind} {entry.name}", entry.outcome, f"{entry.seconds} s"]
    notes = getattr(entry, "notes", "")
    if notes:
        parts.append(f'"{notes}"')
    return ", ".join(parts)


def entry_json(entry: Entry) -> dict[str, Any]:
    """An entry as JSON data: its short id, its type (symptom, treatment ...) and its fields."""
    from numbwise.diary.store import kind_of

    return {"ref": entry_ref(entry), "type": kind_of(entry)} | entry.model_dump(mode="json")
