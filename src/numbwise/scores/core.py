"""Score a questionnaire from its answers, following the scoring rules in knowledge/instruments.yaml."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from numbwise.kb.models import Instrument, InstrumentScale

ALIASES = {"boston": "bctq", "cts-6": "cts6", "cts_6": "cts6", "hand-diagram": "katz", "hand_diagram": "katz",
           "katz-stirrat": "katz", "michigan": "mnsi"}


HAND_KEY = "hand"  # in saved values: which hand a per-hand result is for
HANDS = ("right", "left")


class ScoreInputError(ValueError):
    """An answer cannot be used; `item` names the item (or is None when the whole input is wrong)."""

    def __init__(self, message: str, item: str | None = None) -> None:
        super().__init__(message)
        self.item = item


@dataclass(frozen=True)
class ScaleResult:
    """One scale's value (None when too few items were answered), its band and a plain-words meaning."""

    id: str
    name: str
    value: float | None
    answered: int
    needed: int
    total: int
    missing: tuple[str, ...]
    band: str | None
    band_label: str | None
    meaning: str
    lowest: float
    highest: float

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output and the web app."""
        return {
            "id": self.id, "name": self.name, "value": self.value, "answered": self.answered,
            "needed": self.needed, "total": self.total, "missing": list(self.missing), "band": self.band,
            "band_label": self.band_label, "meaning": self.meaning, "range": [self.lowest, self.highest],
        }


@dataclass(frozen=True)
class ScoreResult:
    """A finished instrument: the answers given, each scale's result and notes to show with them."""

    instrument: str
    name: str
    filled_by: str
    answers: dict[str, int | None]
    scales: tuple[ScaleResult, ...]
    notes: tuple[str, ...] = field(default=())
    hand: str | None = None  # per-hand instruments: the hand these answers are about

    @property
    def scored(self) -> bool:
        """True when at least one scale has a value or a class, so there is something worth keeping."""
        return any(s.value is not None or s.band is not None for s in self.scales)

    def values(self) -> dict[str, float | str | None]:
        """What the diary keeps: each scale's value (or class, for the hand diagram), and the hand when given."""
        out: dict[str, float | str | None] = {s.id: s.value if s.value is not None else s.band for s in self.scales}
        if self.hand is not None:
            out[HAND_KEY] = self.hand
        return out

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output and the web app."""
        return {
            "instrument": self.instrument, "name": self.name, "filled_by": self.filled_by,
            "answers": dict(self.answers), "scales": [s.to_dict() for s in self.scales],
            "values": self.values(), "notes": list(self.notes), "hand": self.hand,
        }


def _instruments() -> dict[str, Instrument]:
    from numbwise.kb import load

    return load().instruments


def instrument_ids() -> list[str]:
    """The instruments numbwise can score, in file order."""
    return list(_instruments())


def resolve(name: str) -> str:
    """An instrument ID from what a person typed (case and a few common names forgiven)."""
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in _instruments():
        raise ScoreInputError(f"unknown instrument '{name}'; choose one of: {', '.join(instrument_ids())}")
    return key


def instrument(iid: str) -> Instrument:
    """The knowledge entry of one instrument."""
    return _instruments()[resolve(iid)]


def check_hand(ins: Instrument, hand: str | None) -> str | None:
    """The hand a result is for, checked: only per-hand instruments take one, and it is left or right."""
    if hand is None:
        return None
    h = hand.strip().lower()
    h = {"r": "right", "l": "left"}.get(h, h)
    if not ins.per_hand:
        raise ScoreInputError(f"{ins.short} is not filled in per hand, so it takes no hand")
    if h not in HANDS:
        raise ScoreInputError(f"'{hand}' is not a hand; use left or right")
    return h


def question_start(text: str, words: int = 8) -> str:
    """The start of a question, to name it in a message."""
    parts = text.split()
    return " ".join(parts[:words]) + ("..." if len(parts) > words else "")


def require_score(result: ScoreResult) -> ScoreResult:
    """Refuse a result that holds no score at all, so an empty result is never saved."""
    if not result.scored:
        counts = "; ".join(f"{s.name}: {s.answered} of {s.total} answered, {s.needed} needed" for s in result.scales)
        raise ScoreInputError(f"too few questions were answered to give any score ({counts})")  # each face says nothing was saved
    return result


def describe_values(ins: Instrument, values: Mapping[str, float | str | None]) -> str:
    """Saved values in words: scale names, class names and 'no score', led by the hand when one was given."""
    names = {s.id: s.name for s in ins.scales}
    labels = {c.id: c.label.lower() for c in ins.classes}
    parts: list[str] = []
    for key, value in values.items():
        if key == HAND_KEY:
            continue
        name = names.get(key) or (f"{key.capitalize()} hand" if key in HANDS else key)
        if value is None:
            text = "no score"
        elif isinstance(value, str):
            text = labels.get(value, value)
        else:
            text = f"{value:g}"
        parts.append(f"{name} {text}")
    hand = values.get(HAND_KEY)
    lead = f"{hand} hand: " if isinstance(hand, str) else ""
    return lead + (", ".join(parts) if parts else "no score")


def skippable(ins: Instrument, item_id: str, skipped: Collection[str] = ()) -> bool:
    """Whether leaving this item out (after `skipped`) still lets every scale be scored, so a form may offer 'skip'."""
    for scale in ins.scales:
        counted = counted_items(scale)
        if item_id in counted:
            left = len(counted) - len({i for i in skipped if i in counted} | {item_id})
            if left < scale.min_answered:
                return False
    return True


def counted_items(scale: InstrumentScale) -> list[str]:
    """The items that can change this scale (a count scale ignores items it gives no points for)."""
    return [i for i in scale.items if scale.method != "count" or i in scale.points_for]


def _check_answers(ins: Instrument, answers: Mapping[str, int | None]) -> dict[str, int | None]:
    items = {i.id: i for i in ins.items}
    for key in answers:
        if key not in items:
            raise ScoreInputError(f"'{key}' is not an item of {ins.short}", key)
    out: dict[str, int | None] = {}
    for n, (iid, item) in enumerate(items.items(), 1):
        value = answers.get(iid)
        named = f"answer {n} ({question_start(item.text)})"  # people know the question, not its internal id
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ScoreInputError(f"{named}: the answer must be a whole number, got {value!r}", iid)
            allowed = [o.value for o in item.options]
            if value not in allowed:
                raise ScoreInputError(f"{named}: {value} is not an answer; use one of {', '.join(map(str, allowed))}", iid)
        out[iid] = value
    return out


def _raw(scale: InstrumentScale, given: dict[str, int]) -> float:
    if scale.method == "mean":
        return sum(given.values()) / len(given)
    if scale.method == "count":
        return float(sum(1 for iid, v in given.items() if v in scale.points_for.get(iid, [])))
    return float(sum(scale.weights[iid] for iid, v in given.items() if v == 1))


def score_scale(scale: InstrumentScale, answers: Mapping[str, int | None]) -> ScaleResult:
    """One scale: its value when enough items are answered, else no value and why."""
    counted = counted_items(scale)
    given = {i: v for i in counted if (v := answers.get(i)) is not None}
    missing = tuple(i for i in counted if i not in given)
    value: float | None = None
    band = label = None
    if len(given) >= scale.min_answered:
        value = round(_raw(scale, given), scale.decimals)
        if scale.decimals == 0:
            value = float(int(value))
        hit = [b for b in scale.bands if value >= b.at_least]
        if hit:
            band, label, meaning = hit[-1].id, hit[-1].label, hit[-1].meaning
        else:
            meaning = scale.reading
    else:
        meaning = (f"No score: {len(given)} of {len(counted)} items answered, and at least {scale.min_answered} "
                   f"are needed. {scale.missing_rule}")
    return ScaleResult(scale.id, scale.name, value, len(given), scale.min_answered, len(counted), missing, band,
                       label, meaning, scale.lowest, scale.highest)


def score(iid: str, answers: Mapping[str, int | None] | Sequence[int | None], hand: str | None = None) -> ScoreResult:
    """Score a questionnaire; answers by item ID, or a list in item order (None = skipped); `hand` for per-hand ones."""
    ins = instrument(iid)
    key = resolve(iid)
    side = check_hand(ins, hand)
    if ins.diagram is not None:
        raise ScoreInputError(f"{ins.short} is scored from marked fingers and areas, not answers")
    if not isinstance(answers, Mapping):
        if len(answers) != len(ins.items):
            raise ScoreInputError(f"{ins.short} has {len(ins.items)} items; got {len(answers)} answers")
        answers = {item.id: a for item, a in zip(ins.items, answers)}
    checked = _check_answers(ins, answers)
    scales = tuple(score_scale(s, checked) for s in ins.scales)
    notes: list[str] = []
    if ins.filled_by == "examiner":
        notes.append(f"{ins.short} needs an examiner: {ins.instructions}")
    return ScoreResult(key, ins.name, ins.filled_by, checked, scales, tuple(notes), side)
