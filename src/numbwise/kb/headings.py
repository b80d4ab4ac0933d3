"""Warning lines under their headings: each line's triage rule decides the heading (its level's words)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from numbwise.kb.loader import Knowledge
from numbwise.kb.models import RuledWarning

ORDER = ("emergency", "urgent", "routine")  # most urgent heading first


@dataclass(frozen=True)
class WarningGroup:
    """The lines of one urgency: 'Call your emergency number now if', 'See a doctor today if', 'Get help sooner if'."""

    level: str
    heading: str
    lines: tuple[str, ...]
    rules: tuple[str, ...]  # the rule of each line, in the same order


def level_of(kb: Knowledge, line: RuledWarning) -> str:
    """The level of the rule a warning line names (the loader has checked that it exists and is not self-care)."""
    return next(r.level for r in kb.triage.rules if r.id == line.rule)


def heading_of(kb: Knowledge, line: RuledWarning) -> str:
    """The heading a warning line shows under: its rule's level's watch_heading."""
    heading = kb.triage.levels[level_of(kb, line)].watch_heading  # type: ignore[index]
    assert heading is not None  # the knowledge check requires it
    return heading


def grouped(kb: Knowledge, lines: Iterable[RuledWarning],
            level_for: Callable[[RuledWarning], str] | None = None,
            text_for: Callable[[RuledWarning], str] | None = None) -> tuple[WarningGroup, ...]:
    """The lines under their headings, most urgent first, keeping the written order within a heading; `level_for`
    files a line for one person (a care plan for a latest check's answers), else its rule's level; `text_for` words a
    line (its own text with a not-known condition, on a page for anyone), else its text."""
    by_level: dict[str, list[RuledWarning]] = {}
    for line in lines:
        by_level.setdefault(level_for(line) if level_for else level_of(kb, line), []).append(line)
    return tuple(
        WarningGroup(level, kb.triage.levels[level].watch_heading or heading_of(kb, items[0]),  # type: ignore[index]
                     tuple(text_for(w) if text_for else w.text for w in items), tuple(w.rule for w in items))
        for level in ORDER
        if (items := by_level.get(level))
    )
