"""The Katz and Stirrat hand-diagram class (classic / probable / possible / unlikely) from marked fingers and areas."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from numbwise.kb.models import Diagram, Instrument
from numbwise.scores.core import ScaleResult, ScoreInputError, ScoreResult, instrument

HANDS = {"r": "right", "l": "left"}
WHOLE = 0  # R0 / L0: the whole hand, as in `numbwise check`


@dataclass(frozen=True)
class HandMap:
    """What one hand has marked: fingers 1 (thumb) to 5 (little) and area codes from the diagram (p, u, b, w)."""

    fingers: frozenset[int] = frozenset()
    areas: frozenset[str] = frozenset()

    def codes(self, hand: str) -> list[str]:
        """The marks as codes like r1 or rp, for saving and showing."""
        letter = hand[0]
        return [f"{letter}{f}" for f in sorted(self.fingers)] + [f"{letter}{a}" for a in sorted(self.areas)]

    @property
    def empty(self) -> bool:
        """Nothing marked on this hand."""
        return not self.fingers and not self.areas


def katz_class(hand: HandMap, diagram: Diagram) -> str:
    """The class of one hand: the rules of Katz and Stirrat 1990, with the numbers taken from the diagram entry."""
    median = len(hand.fingers & set(diagram.median_fingers))
    if median == 0:
        return "unlikely"
    palm_main = "p" in hand.areas  # palm marked beyond the little-finger side
    palm_any = palm_main or "u" in hand.areas
    back = "b" in hand.areas
    if median >= diagram.classic_min_fingers and not back:
        if not palm_any:
            return "classic"
        if palm_main:
            return "probable"
    return "possible"


def parse_codes(codes: Iterable[str], diagram: Diagram) -> dict[str, HandMap]:
    """Codes like r1 r2 rp lb (hand letter, then finger 1-5, 0 for the whole hand, or an area letter) per hand."""
    area_codes = {a.code for a in diagram.areas}
    fingers: dict[str, set[int]] = {"right": set(), "left": set()}
    areas: dict[str, set[str]] = {"right": set(), "left": set()}
    pattern = re.compile(rf"([lr])([0-5]|[{''.join(sorted(area_codes))}])")
    for raw in codes:
        token = raw.strip().lower()
        if not token:
            continue
        m = pattern.fullmatch(token)
        if not m:
            names = ", ".join(f"{a.code} = {a.name}" for a in diagram.areas)
            raise ScoreInputError(
                f"mark '{raw}' is not a finger or area; use R or L and 1-5 (thumb to little finger), 0 for the whole "
                f"hand, or an area letter ({names}), like r1,r2,rp", raw)
        hand, what = HANDS[m.group(1)], m.group(2)
        if what == str(WHOLE):
            fingers[hand] |= set(range(1, 6))
            areas[hand] |= {"p", "u", "b"} & area_codes
        elif what.isdigit():
            fingers[hand].add(int(what))
        else:
            areas[hand].add(what)
    return {h: HandMap(frozenset(fingers[h]), frozenset(areas[h])) for h in ("right", "left")}


def score_katz(maps: Mapping[str, HandMap], ins: Instrument | None = None) -> ScoreResult:
    """Rate each hand that has marks; the result has one 'scale' per hand whose band is the class."""
    ins = ins or instrument("katz")
    diagram = ins.diagram
    if diagram is None:
        raise ScoreInputError("the katz entry has no diagram")
    marked = {h: m for h, m in maps.items() if not m.empty}
    if not marked:
        raise ScoreInputError("mark at least one finger or area, like r1,r2 (right thumb and index finger)")
    classes = {c.id: c for c in ins.classes}
    ranks = [c.rank for c in ins.classes]
    scales = []
    answers: dict[str, int | None] = {}
    for hand in ("right", "left"):
        if hand not in marked:
            continue
        cid = katz_class(marked[hand], diagram)
        cls = classes[cid]
        scales.append(ScaleResult(hand, f"{hand.capitalize()} hand", None, 1, 1, 1, (), cid, cls.label, cls.meaning,
                                  float(min(ranks)), float(max(ranks))))
        answers.update({code: 1 for code in marked[hand].codes(hand)})
    return ScoreResult("katz", ins.name, ins.filled_by, answers, tuple(scales))
