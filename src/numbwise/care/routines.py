"""Choose a routine: the one suggested for the likely cause, else the knowledge base's default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from numbwise.kb.models import ExercisesFile, Routine


class HasExercises(Protocol):
    """Anything carrying the exercises file (the loaded Knowledge, or a small test fixture)."""

    @property
    def exercises(self) -> ExercisesFile: ...


@dataclass(frozen=True)
class Choice:
    """The routine picked, and why: asked for by name, for a cause, or the default (no cause, or none suggested for it)."""

    routine_id: str
    routine: Routine
    why: Literal["named", "cause", "default"]
    cause_id: str | None = None


class UnknownRoutine(ValueError):
    """A routine name that is not in the knowledge base."""


def routine_for(kb: HasExercises, cause_id: str | None) -> Choice:
    """The first routine (in file order) suggested for `cause_id`, else the default routine."""
    ex = kb.exercises
    if cause_id is not None:
        for rid, routine in ex.routines.items():
            if cause_id in routine.for_causes:
                return Choice(rid, routine, "cause", cause_id)
    return Choice(ex.default_routine, ex.routines[ex.default_routine], "default", cause_id)


def named_routine(kb: HasExercises, name: str) -> Choice:
    """A routine by its ID (or its name, ignoring case); UnknownRoutine lists the known IDs."""
    ex = kb.exercises
    if name in ex.routines:
        return Choice(name, ex.routines[name], "named")
    for rid, routine in ex.routines.items():
        if routine.name.casefold() == name.strip().casefold():
            return Choice(rid, routine, "named")
    known = ", ".join(sorted(ex.routines))
    raise UnknownRoutine(f"no routine called '{name}'. Known routines: {known}")
