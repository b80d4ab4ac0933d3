"""Shared field rules for diary entries, used by every face: build checked entries, short ids, one-line descriptions.

Plain functions over plain data (no click, no web): a bad field raises EntryProblem naming it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import ValidationError

    from numbwise.diary.entries import Entry, SymptomIn, TreatmentIn

In = TypeVar("In", "SymptomIn", "TreatmentIn")  # the entry models people write

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


def _bounds() -> dict[str, tuple[Any, Any]]:
    """Lowest and highest allowed value of each bounded number field, read from the entry models themselves."""
    from numbwise.diary.entries import ActivityData, SymptomIn, TreatmentIn

    out: dict[str, tuple[Any, Any]] = {}
    for model in (SymptomIn, TreatmentIn, ActivityData):
        for name, info in model.model_fields.items():
            ge = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
            le = next((m.le for m in info.metadata if hasattr(m, "le")), None)
            if ge is not None or le is not None:
                out[name] = (ge, le)
    return out


def _shown(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def explain_error(err: Any) -> str:
    """One pydantic error in plain words, naming the field and what was given: 'severity must be ... (you gave 11)'."""
    loc = [str(p) for p in err.get("loc", ())]
    names = [p for p in loc if not p.isdigit()]
    if len(names) > 1 and names[0] in ("symptoms", "treatments", "checks", "scores", "activities"):
        names = names[1:]  # an import's list name; its problems say which list and entry
    field = ".".join(names) if names else "the entry"
    kind, ctx, given = err.get("type", ""), err.get("ctx") or {}, err.get("input")
    if kind in ("less_than_equal", "greater_than_equal", "less_than", "greater_than", "int_type", "int_parsing",
                "int_from_float"):
        low, high = _bounds().get(names[-1] if names else "", (ctx.get("ge"), ctx.get("le")))
        if low is not None and high is not None:
            rule = f"a whole number from {low} to {high}"
        elif low is not None:
            rule = f"a whole number, {low} or more"
        elif high is not None:
            rule = f"a whole number, {high} or less"
        else:
            rule = "a whole number"
        return f"{field} must be {rule} (you gave {_shown(given)})"
    if kind == "string_too_long":
        size = len(given) if isinstance(given, str) else "more"
        return f"{field} is too long: at most {ctx.get('max_length')} characters (you gave {size})"
    if kind == "string_too_short":
        return f"{field} cannot be empty"
    if kind == "literal_error":
        return f"{field} must be one of {str(ctx.get('expected', '')).replace(chr(39), '')} (you gave {_shown(given)})"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"{field} must be true or false (you gave {_shown(given)})"
    if kind == "missing":
        return f"{field} is missing"
    if kind == "extra_forbidden":
        return f"{field} is not something a diary entry holds"
    if kind.startswith(("datetime", "date_")):
        return f"{field} must be a date and time with a time zone, like 2026-03-01T08:30:00+00:00 (you gave {_shown(given)})"
    if kind == "string_pattern_mismatch":
        return f"{field} must be 1 to 64 letters, digits, _ or - (you gave {_shown(given)})" if field == "uid" else \
            f"{field} is not in the right form (you gave {_shown(given)})"
    if kind in ("string_type", "dict_type", "tuple_type", "list_type", "float_type"):
        what = {"string_type": "text", "dict_type": "an object", "tuple_type": "a list", "list_type": "a list",
                "float_type": "a number"}[kind]
        return f"{field} must be {what} (you gave {_shown(given)})"
    message = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
    return f"{field}: {message}"


def explain_errors(exc: ValidationError) -> str:
    """Every error of a pydantic ValidationError in plain words, joined with '; ' (the one translation all faces use)."""
    return "; ".join(explain_error(err) for err in exc.errors())


def not_future(at: datetime, now: datetime, shown: str | None = None) -> None:
    """Diary entries record what has happened: refuse a time later than now (beyond a little clock skew)."""
    from numbwise.diary.when import FUTURE_MARGIN

    if at > now + FUTURE_MARGIN:
        value = shown or at.astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")
        raise EntryProblem(f"not saved: the time {value} is in the future; a diary entry is for something that has "
                           f"happened (it is now {now.strftime('%Y-%m-%d %H:%M')})", "at")


def symptom_from(fields: dict[str, Any], *, now: datetime) -> SymptomIn:
    """A checked SymptomIn from typed fields; the hand is worked out from the fingers when not given."""
    from numbwise.diary.entries import SymptomIn, normalise_fingers

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
    return _checked(SymptomIn, fields, now)


def treatment_from(fields: dict[str, Any], *, now: datetime) -> TreatmentIn:
    """A checked TreatmentIn from typed fields."""
    from numbwise.diary.entries import TreatmentIn

    return _checked(TreatmentIn, fields, now)


def _checked(model: type[In], fields: dict[str, Any], now: datetime) -> In:
    """Validate fields into an entry model, in plain words, and refuse a time in the future."""
    from pydantic import ValidationError

    try:
        entry = model.model_validate(fields)
    except ValidationError as exc:
        raise EntryProblem(f"not saved: {explain_errors(exc)}", _first_field(exc)) from None
    not_future(entry.at, now)
    return entry


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
        parts = [describe_check(entry.result, entry.case)]
    elif isinstance(entry, ScoreRecord):
        parts = [describe_score(entry.instrument, entry.values)]
    else:
        parts = [f"{entry.kind} {entry.name}", entry.outcome, f"{entry.seconds} s"]
    notes = getattr(entry, "notes", "")
    if notes:
        parts.append(f'"{notes}"')
    return ", ".join(parts)


def _lower(text: str) -> str:
    """Lower-case the first letter to fit mid-sentence, unless the word is an acronym like CTS-6."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def describe_check(result: dict[str, Any], case: dict[str, Any] | None = None) -> str:
    """A saved check in plain words: the banner title its result showed, and the cause it named, if any.

    The title is the result's own (a rule's "Go to A&E (the emergency department) now", not the level's generic words), rebuilt from the
    answers in `case`. A cause is named only when the result named it (`assess.result.named_cause`): an emergency
    shows no causes, and a result that could not tell the causes apart says so.
    """
    from numbwise.assess.result import named_cause, saved_act, saved_level
    from numbwise.kb import load

    kb = load()
    level = saved_level(result)
    if level is None:
        return "symptom check: no urgency given"
    words = saved_act(level, case or {})
    title = words[0] if words is not None else kb.triage.levels[level].title
    if level == "emergency":
        return f"symptom check: {_lower(title.rstrip('.'))}"
    top = named_cause(result, case)
    name = None if top is None else kb.causes[top].name if top in kb.causes else kb.vocabulary.causes.get(top)
    cause = f"most likely {_lower(name)}" if name else "cause not clear yet"
    return f"symptom check: {_lower(title.rstrip('.'))}; {cause}"


def describe_score(instrument: str, values: dict[str, Any]) -> str:
    """A saved questionnaire in plain words: the instrument's and scales' names from the knowledge base."""
    from numbwise.kb import load

    ins = load().instruments.get(instrument)
    if ins is None:
        return f"{instrument} score: " + (", ".join(f"{k} {'no score' if v is None else v}" for k, v in values.items())
                                          or "no values")
    scales = {s.id: s.name for s in ins.scales}
    classes = {c.id: c.label for c in ins.classes}
    shown = []
    for key, value in values.items():
        name = _lower(scales.get(key, key.replace("_", " ")))
        text = "no score" if value is None else _lower(classes.get(value, value)) if isinstance(value, str) else value
        shown.append(f"{name} {text}")
    return f"{ins.name}: {', '.join(shown) or 'no values'}"


def entry_json(entry: Entry) -> dict[str, Any]:
    """An entry as JSON data: its short id, its type (symptom, treatment ...) and its fields."""
    from numbwise.diary.store import kind_of

    return {"ref": entry_ref(entry), "type": kind_of(entry)} | entry.model_dump(mode="json")
