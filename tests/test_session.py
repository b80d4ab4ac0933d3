"""The session core: phase order and durations, pause, skip, quit, and the dose arithmetic (fake clock)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from numbwise.care.routines import named_routine, routine_for
from numbwise.care.session import Pacing, Player, start, timeline
from numbwise.kb.models import ExercisesFile

import pytest


def step(sid: str, hold: int | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {"id": sid, "say": f"Do {sid}", "text": f"Text for {sid}.", "picture": f"{sid}.svg", "alt": f"Picture of {sid}."}
    if hold is not None:
        d["hold_seconds"] = hold
    return d


def exercise(steps: list[dict[str, Any]], **dose: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"name": "Test", "summary": "A test.", "steps": steps, "hold_seconds": 10, "reps": 2,
                            "times_per_day": 1, "per_side": False, "helps": ["carpal_tunnel"],
                            "cautions": ["Stop if it hurts."], "sources": ["src"]}
    base.update(dose)
    return base


def kb_file(exercises: dict[str, dict[str, Any]], routines: dict[str, list[str]] | None = None,
            causes: dict[str, list[str]] | None = None) -> ExercisesFile:
    routines = routines or {"r": list(exercises)}
    causes = causes or {}
    return ExercisesFile.model_validate({
        "exercises": exercises,
        "routines": {rid: {"name": rid.title(), "summary": "S.", "exercises": ex, "for_causes": causes.get(rid, []),
                           "sources": ["src"]} for rid, ex in routines.items()},
        "default_routine": next(iter(routines)),
    })


PACE = Pacing(ready_seconds=5, switch_seconds=4, move_seconds=3)


def shape(xf: ExercisesFile, rid: str = "r") -> list[tuple[str, int, str | None, int, int, int]]:
    return [(p.kind, p.seconds, p.side, p.set, p.rep, p.step_index) for p in timeline(xf, xf.routines[rid], PACE)]


def test_per_side_hold_exact_order_and_durations() -> None:
    xf = kb_file({"a": exercise([step("s1")], hold_seconds=15, reps=2, rest_seconds=5, per_side=True)})
    assert shape(xf) == [
        ("ready", 5, "left", 1, 1, 0),
        ("hold", 15, "left", 1, 1, 0), ("rest", 5, "left", 1, 2, 0), ("hold", 15, "left", 1, 2, 0),
        ("switch", 4, "right", 1, 1, 0),
        ("hold", 15, "right", 1, 1, 0), ("rest", 5, "right", 1, 2, 0), ("hold", 15, "right", 1, 2, 0),
    ]


def test_sets_steps_movements_and_step_holds() -> None:
    xf = kb_file({"b": exercise([step("open"), step("fist", hold=2)], hold_seconds=0, reps=1, sets=2, rest_seconds=7)})
    assert shape(xf) == [
        ("ready", 5, None, 1, 1, 0),
        ("move", 3, None, 1, 1, 0), ("hold", 2, None, 1, 1, 1),
        ("rest", 7, None, 2, 1, 0),
        ("move", 3, None, 2, 1, 0), ("hold", 2, None, 2, 1, 1),
    ]


def test_timed_activity_and_no_rest() -> None:
    xf = kb_file({"c": exercise([step("shake")], duration_seconds=60, reps=1, rest_seconds=0),
                  "d": exercise([step("x")], reps=2, rest_seconds=0)})
    assert shape(xf) == [("ready", 5, None, 1, 1, 0), ("timed", 60, None, 1, 1, 0),
                         ("ready", 5, None, 1, 1, 0), ("hold", 10, None, 1, 1, 0), ("hold", 10, None, 1, 2, 0)]
    assert [p.exercise_index for p in timeline(xf, xf.routines["r"], PACE)] == [0, 0, 1, 1, 1]


def test_the_seed_routine_from_the_real_knowledge() -> None:
    from numbwise.kb import load

    kb = load()
    choice = routine_for(kb, None)
    phases = timeline(kb.exercises, choice.routine)
    assert phases[0].kind == "ready"
    assert any(p.is_work for p in phases)


def seed_player(now: float = 100.0) -> Player:
    xf = kb_file({"a": exercise([step("s1")], hold_seconds=15, reps=2, rest_seconds=5, per_side=True)})
    return start(timeline(xf, xf.routines["r"], PACE), now)


def test_clock_drives_countdown_and_phase_changes() -> None:
    p = seed_player(100.0)
    assert (p.phase and p.phase.kind, p.seconds_left, p.progress) == ("ready", 5, 0.0)
    assert p.tick(102.5) == []
    assert p.seconds_left == 3 and p.progress == 0.5
    entered = p.tick(105.0)
    assert [e.kind for e in entered] == ["hold"] and p.seconds_left == 15
    entered = p.tick(125.0)  # 15 s hold, then 5 s rest: both pass in one tick
    assert [e.kind for e in entered] == ["rest", "hold"]
    assert p.counters.work_done == 1
    p.tick(100 + p.total_seconds)
    assert p.finished and p.outcome == "done" and p.counters.work_done == 4
    assert p.counters.active_seconds == p.total_seconds


def test_pause_freezes_time() -> None:
    p = seed_player(0.0)
    p.tick(2.0)
    p.pause(2.0)
    assert p.tick(500.0) == [] and p.seconds_left == 3 and p.paused
    p.resume(500.0)
    p.tick(501.0)
    assert p.seconds_left == 2
    p.toggle_pause(501.0)
    p.tick(900.0)
    p.toggle_pause(900.0)
    p.tick(902.0)  # 2 + 1 + 2 active seconds: the 5 s get-ready is over
    assert p.phase is not None and p.phase.kind == "hold" and p.seconds_left == 15
    assert p.counters.active_seconds == 5.0


def test_skip_moves_on_and_counts() -> None:
    p = seed_player(0.0)
    nxt = p.skip(1.0)
    assert nxt is not None and nxt.kind == "hold" and p.seconds_left == 15
    p.tick(3.0)
    assert p.seconds_left == 13
    p.skip(3.0)  # skip a hold: not done
    assert p.counters.work_skipped == 1 and p.counters.phases_skipped == 2
    while not p.finished:
        p.skip(3.0)
    assert p.outcome == "skipped"  # nothing was held the full time


def test_skip_exercise_leaves_the_whole_exercise_in_one_tap() -> None:
    from numbwise.kb import load

    kb = load()
    phases = timeline(kb.exercises, kb.exercises.routines["carpal_tunnel_daily"])
    exercises = len(kb.exercises.routines["carpal_tunnel_daily"].exercises)
    assert len(phases) > 100  # one tap a step would take hundreds of taps
    p = start(phases, 0.0)
    p.tick(6.0)  # get ready is over, the first hold has begun
    taps = 0
    while not p.finished:
        before = p.phase.exercise_index if p.phase else -1
        nxt = p.skip_exercise(6.0)
        taps += 1
        assert nxt is None or (nxt.exercise_index == before + 1 and nxt.kind == "ready")
    assert taps == exercises and p.outcome == "skipped" and p.counters.work_done == 0
    assert p.counters.work_skipped == p.work_total


def test_quit_gives_partial_and_skipping_work_is_partial() -> None:
    p = seed_player(0.0)
    p.tick(20.0)  # ready and the first hold
    assert p.quit(21.0) == "partial" and p.finished and p.phase is None
    q = seed_player(0.0)
    assert q.quit(1.0) == "skipped"
    r = seed_player(0.0)
    r.tick(20.0)
    r.skip(20.0)  # the rest
    r.skip(20.0)  # the second hold
    r.tick(10_000.0)
    assert r.finished and r.outcome == "partial"


def test_routine_choice() -> None:
    xf = kb_file({"a": exercise([step("s")])}, routines={"base": ["a"], "ct": ["a"], "ct2": ["a"]},
                 causes={"ct": ["carpal_tunnel"], "ct2": ["carpal_tunnel"]})

    class K:
        exercises = xf

    assert routine_for(K(), "carpal_tunnel").routine_id == "ct"
    assert routine_for(K(), "carpal_tunnel").why == "cause"
    assert routine_for(K(), "b12_deficiency").routine_id == "base"
    assert routine_for(K(), None).why == "default"
    assert named_routine(K(), "CT2").routine_id == "ct2"
    with pytest.raises(ValueError, match="Known routines: base, ct, ct2"):
        named_routine(K(), "nope")


dose = st.fixed_dictionaries({
    "hold": st.integers(0, 60), "reps": st.integers(1, 6), "sets": st.integers(1, 3), "rest": st.integers(0, 20),
    "per_side": st.booleans(), "duration": st.none() | st.integers(1, 90),
    "steps": st.lists(st.none() | st.integers(1, 30), min_size=1, max_size=3),
})


@settings(max_examples=60, deadline=None)
@given(doses=st.lists(dose, min_size=1, max_size=3), pace=st.tuples(st.integers(0, 9), st.integers(0, 9), st.integers(1, 9)))
def test_total_time_is_the_dose_arithmetic(doses: list[dict[str, Any]], pace: tuple[int, int, int]) -> None:
    pacing = Pacing(*pace)
    exs: dict[str, dict[str, Any]] = {}
    expected = 0
    for i, d in enumerate(doses):
        exs[f"e{i}"] = exercise([step(f"s{j}", h) for j, h in enumerate(d["steps"])], hold_seconds=d["hold"],
                                reps=d["reps"], sets=d["sets"], rest_seconds=d["rest"], per_side=d["per_side"],
                                duration_seconds=d["duration"])
        default = d["duration"] if d["duration"] is not None else (d["hold"] or pacing.move_seconds)
        one_rep = sum(h if h is not None else default for h in d["steps"])
        sides = 2 if d["per_side"] else 1
        rounds = d["reps"] * d["sets"]
        expected += pacing.ready_seconds + sides * (rounds * one_rep + (rounds - 1) * d["rest"]) + (sides - 1) * pacing.switch_seconds
    xf = kb_file(exs)
    phases = timeline(xf, xf.routines["r"], pacing)
    assert sum(p.seconds for p in phases) == expected
    assert sum(1 for p in phases if p.is_work) == sum(
        (2 if d["per_side"] else 1) * d["reps"] * d["sets"] * len(d["steps"]) for d in doses)
    player = start(phases, 0.0)
    player.tick(float(expected))
    assert player.finished and player.outcome == "done"


def test_a_single_exercise_can_be_named_like_a_routine() -> None:
    from numbwise.care.routines import UnknownRoutine, named_routine
    from numbwise.kb import load

    kb = load()
    eid = next(iter(kb.exercises.exercises))
    choice = named_routine(kb, eid)
    assert choice.routine.exercises == [eid] and choice.why == "named"
    assert named_routine(kb, kb.exercises.exercises[eid].name.upper()).routine_id == eid
    import pytest

    with pytest.raises(UnknownRoutine):
        named_routine(kb, "no_such_thing")
