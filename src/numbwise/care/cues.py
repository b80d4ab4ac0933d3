"""What a player shows and says at each phase: one wording for the terminal, the web page and speech."""

from __future__ import annotations

from numbwise.care.session import Phase
from numbwise.kb.models import ExercisesFile

HANDS: dict[str | None, str] = {"left": "LEFT hand", "right": "RIGHT hand", None: "Both hands"}
HEADLINES = {"ready": "Get ready", "hold": "Hold", "move": "Move", "timed": "Keep going", "rest": "Rest",
             "switch": "Switch hands"}


def side_label(phase: Phase) -> str:
    """Which hand the phase is for, as the prompt shows it."""
    return HANDS[phase.side]


def headline(phase: Phase) -> str:
    """The big word over the countdown."""
    return HEADLINES[phase.kind]


def cue(phase: Phase, exercises: ExercisesFile) -> str:
    """What is said (or printed in plain mode) when a phase starts."""
    ex = exercises.exercises[phase.exercise_id]
    step = ex.steps[phase.step_index]
    hand = "" if phase.side is None else f"{side_label(phase)}. "
    if phase.kind == "ready":
        return f"Get ready: {ex.name}. {hand}{step.say}."
    if phase.kind == "switch":
        return f"Switch hands. Now the {side_label(phase)}. {step.say}."
    if phase.kind == "rest":
        return "Rest."
    if phase.kind == "hold":
        return f"{step.say}. Hold for {phase.seconds} seconds."
    if phase.kind == "timed":
        return f"{step.say}. Keep going for {phase.seconds} seconds."
    return f"{step.say}."
