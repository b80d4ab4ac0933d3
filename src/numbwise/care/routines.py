"""Choose a routine: the one made for the cause a check named, else the default; none when a doctor comes first
or the check named no cause."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from numbwise.kb.models import CareFile, ExercisesFile, Routine, TriageFile


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


# --- the suggestion after a check ------------------------------------------------------------

MEDICAL_FIRST_LEVELS = ("emergency", "urgent")


class HasCareAndTriage(HasExercises, Protocol):
    """The knowledge a suggestion needs: routines, care plans (doctor-first causes) and triage levels."""

    @property
    def care(self) -> CareFile: ...

    @property
    def triage(self) -> TriageFile: ...


@dataclass(frozen=True)
class NoSuggestion:
    """No routine is suggested after the latest check (reason says why).

    "level": it said to get medical help first (emergency or urgent); "doctor_first": the cause it named needs a
    doctor first; "no_routine": no routine is made for the cause it named; "cant_tell": it named no leading cause
    (the answers could not tell the causes apart), and no routine is for anyone whatever the cause.
    `cause_id` is only ever the cause the check's result named (never one on an emergency).
    """

    reason: Literal["level", "doctor_first", "no_routine", "cant_tell"]
    level: str | None
    cause_id: str | None
    level_title: str | None = None
    level_action: str | None = None


def suggestion_for(kb: HasCareAndTriage, latest_result: Mapping[str, Any] | None,
                   latest_case: Mapping[str, Any] | None = None) -> Choice | NoSuggestion:
    """The routine to suggest after the latest check, or NoSuggestion when none should be.

    No check: the default routine. A routine made for a cause only when the check's result named that cause as the
    leading one (`assess.result.named_cause`, the result's own test). An emergency: nothing, and no cause (it
    showed none). Urgent, a doctor-first cause, or a named cause with no routine made for it: nothing, so nobody is
    steered into exercises when they need a doctor. A result that named no cause: nothing either, since no routine
    in the knowledge base is marked as being for anyone whatever the cause.
    """
    from numbwise.assess.result import named_cause, saved_act

    ex = kb.exercises
    if latest_result is None:
        return Choice(ex.default_routine, ex.routines[ex.default_routine], "default", None)
    raw_level = latest_result.get("triage", latest_result.get("level"))
    level = str(raw_level) if raw_level is not None else None
    lt = next((t for lid, t in kb.triage.levels.items() if lid == level), None)
    extra = {"level_title": lt.title if lt else None, "level_action": lt.action if lt else None}
    if lt is not None and level is not None and latest_case is not None:  # the check's own words (a rule's act)
        words = saved_act(level, latest_case)
        if words is not None:
            extra = {"level_title": words[0], "level_action": words[1]}
    if level == "emergency":
        return NoSuggestion("level", level, None, **extra)
    cause = named_cause(latest_result, latest_case)
    if level in MEDICAL_FIRST_LEVELS:
        return NoSuggestion("level", level, cause, **extra)
    if cause is None:
        return NoSuggestion("cant_tell", level, None, **extra)
    if cause in kb.care.doctor_first:
        return NoSuggestion("doctor_first", level, cause, **extra)
    plan = kb.care.plans.get(cause)
    if plan is not None and plan.routine is not None and plan.routine in ex.routines:
        return Choice(plan.routine, ex.routines[plan.routine], "cause", cause)
    choice = routine_for(kb, cause)
    if choice.why == "cause":
        return choice
    return NoSuggestion("no_routine", level, cause, **extra)
