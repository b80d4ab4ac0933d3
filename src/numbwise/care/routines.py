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


def single_exercise(kb: HasExercises, exercise_id: str) -> Routine:
    """A one-exercise routine, so a break reminder or a learn page can start just that exercise."""
    e = kb.exercises.exercises[exercise_id]
    return Routine(name=e.name, summary=e.summary, exercises=[exercise_id], for_causes=list(e.helps), sources=list(e.sources))


def named_routine(kb: HasExercises, name: str) -> Choice:
    """A routine (or a single exercise) by its ID or name, ignoring case; UnknownRoutine lists the known IDs."""
    ex = kb.exercises
    if name in ex.routines:
        return Choice(name, ex.routines[name], "named")
    wanted = name.strip().casefold()
    for rid, routine in ex.routines.items():
        if routine.name.casefold() == wanted:
            return Choice(rid, routine, "named")
    for eid, exercise in ex.exercises.items():
        if eid == name or exercise.name.casefold() == wanted:
            return Choice(eid, single_exercise(kb, eid), "named")
    known = ", ".join(sorted(ex.routines))
    raise UnknownRoutine(
        f"no routine or exercise called '{name}'. Known routines: {known}; exercises: numbwise learn")
