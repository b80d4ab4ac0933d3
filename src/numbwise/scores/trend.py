"""A person's saved scores over time, per scale, with the change from the first and the minimal important change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from numbwise.kb.models import Instrument
from numbwise.scores.core import HAND_KEY, HANDS


@dataclass(frozen=True)
class Point:
    """One saved result of one scale: when, the number (None for a class), and how it reads."""

    at: datetime
    value: float | None
    text: str


@dataclass(frozen=True)
class ScaleTrend:
    """One scale's saved results, oldest first, and how the latest compares with the first."""

    id: str
    name: str
    points: tuple[Point, ...]
    lowest: float
    highest: float
    mic: float | None  # the first minimal important change the knowledge gives for this scale
    mic_text: str | None
    change: float | None  # latest minus first (numbers only, two results or more)
    felt: bool | None  # True when the change is at least the minimal important change
    hand: str | None = None  # per-hand instruments: the hand every point belongs to (None: not said)

    @property
    def numeric(self) -> bool:
        """True when the results are numbers that can be drawn on a chart."""
        return any(p.value is not None for p in self.points)


def _text(value: float | str | None, labels: Mapping[str, str]) -> str:
    if value is None:
        return "no score"
    if isinstance(value, str):
        return labels.get(value, value)
    return f"{value:g}"


def trends(ins: Instrument, rows: Iterable[tuple[datetime, Mapping[str, float | str | None]]]) -> list[ScaleTrend]:
    """Every scale of `ins` (or, for the hand diagram, each hand) with the results saved in `rows`.

    A per-hand instrument gets one trend per hand and scale, so a left-hand result is never compared with a
    right-hand one; results saved without a hand form their own trend.
    """
    ordered = sorted(rows, key=lambda r: r[0])
    if ins.per_hand:
        out: list[ScaleTrend] = []
        for hand in (*HANDS, None):
            mine = [r for r in ordered if r[1].get(HAND_KEY) == hand]
            for t in _trends(ins, mine):
                if hand is None:
                    out.append(t)
                else:
                    out.append(ScaleTrend(f"{hand}_{t.id}", f"{t.name}, {hand} hand", t.points, t.lowest, t.highest,
                                          t.mic, t.mic_text, t.change, t.felt, hand))
        return out
    return _trends(ins, ordered)


def _trends(ins: Instrument, ordered: list[tuple[datetime, Mapping[str, float | str | None]]]) -> list[ScaleTrend]:
    labels = {c.id: c.label for c in ins.classes}
    scales: list[tuple[str, str, float, float, float | None, str | None]]
    if ins.diagram is not None:
        scales = [("right", "Right hand", 1.0, 4.0, None, None), ("left", "Left hand", 1.0, 4.0, None, None)]
    else:
        scales = [(s.id, s.name, s.lowest, s.highest, s.minimal_change[0].value if s.minimal_change else None,
                   s.minimal_change[0].text if s.minimal_change else None) for s in ins.scales]
    out: list[ScaleTrend] = []
    for sid, name, lo, hi, mic, mic_text in scales:
        points: list[Point] = []
        for at, values in ordered:
            if sid not in values:
                continue
            raw = values[sid]
            number = float(raw) if isinstance(raw, (int, float)) and not isinstance(raw, bool) else None
            points.append(Point(at, number, _text(raw, labels)))
        numbers = [p.value for p in points if p.value is not None]
        change = round(numbers[-1] - numbers[0], 2) if len(numbers) >= 2 else None
        felt = None if change is None or mic is None else abs(change) >= mic - 1e-9
        if points:
            out.append(ScaleTrend(sid, name, tuple(points), lo, hi, mic, mic_text, change, felt))
    return out
