"""A list question's marks turned into answers: one mapping both faces call, so the same choice means the same thing.

On a list (a screen or a sweep of several findings) the person marks some items yes, no or not sure and says what
the items left unmarked mean: "no" (the terminal's Enter at "Press Enter for no to all the others", the web's "No to
all I left blank"), "unsure" (the terminal's "?" there, the web's Not sure to a whole list) or "blank" (the web's
Continue: not known, asked again if it matters). A blank the person was never shown as a no never becomes one.
See docs/interview.md ("Lists: what a blank means").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from numbwise.assess.interview import Interview, Question

Others = Literal["no", "unsure", "blank"]
Marked = Mapping[str, "bool | None"]  # finding -> True (yes), False (no), None (not sure); unmarked items are absent


def unmarked(q: Question, marked: Marked) -> tuple[str, ...]:
    """The list's items the person gave no mark of their own, in the list's order."""
    return tuple(f for f in q.findings if f not in marked)


def list_answer(q: Question, marked: Marked, others: Others) -> tuple[dict[str, bool], tuple[str, ...]]:
    """The answers for interview.answer (yes/no updates, items left blank) from the marks and what the unmarked mean;
    an item marked or left 'not sure' is in neither part, as the core reads 'not sure'."""
    unknown = [f for f in marked if f not in q.findings]
    if unknown:
        raise ValueError(f"{unknown} not on list '{q.id}'")
    updates = {f: v for f, v in marked.items() if v is not None}
    rest = unmarked(q, marked)
    if others == "no":
        return updates | {f: False for f in rest}, ()
    return updates, (rest if others == "blank" else ())


def rest_settled(iv: Interview, q: Question, marked: Marked, limit: int) -> bool:
    """Do the marks alone, the rest left blank, make an emergency no further question can change? Then the rest stay
    not known whatever the person would say of them (the terminal asks nothing about them; the web's "No to all I left
    blank" does not turn them into noes)."""
    from numbwise.assess.interview import answer, settled_emergency

    rest = unmarked(q, marked)
    return bool(rest) and settled_emergency(answer(iv, q, *list_answer(q, marked, "blank")), limit)


def list_step(iv: Interview, q: Question, marked: Marked, others: Others, limit: int) -> tuple[dict[str, bool], tuple[str, ...]]:
    """list_answer, with the rest left blank when the marks already settle an emergency (rest_settled)."""
    if others != "blank" and rest_settled(iv, q, marked, limit):
        others = "blank"
    return list_answer(q, marked, others)
