"""Exercises in the browser: the routines, a player page that reads without JavaScript, and the session record.

Every dose comes from `numbwise.care.session.timeline` (sent to static/player.js as JSON); the script only
counts down the phases it is given. The routine suggested (or none, when the latest check said to get
medical help first or named no cause) comes from `care.routines.suggestion_for`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response

from numbwise.care.cues import HANDS, HEADLINES, cue
from numbwise.web.security import CSRF_FIELD, csrf_ok

if TYPE_CHECKING:
    from numbwise.care.routines import Choice, NoSuggestion
    from numbwise.kb.models import Exercise

router = APIRouter(include_in_schema=False)
OUTCOMES = {"done": "Done", "partial": "Partly", "skipped": "Not done"}
HEADINGS = {"level": "Your last check said to get medical help first",  # why no routine is suggested (NoSuggestion.reason)
            "doctor_first": "Your last check said to get medical help first",
            "no_routine": "No routine is made for what your last check found",
            "cant_tell": "Your last check could not tell yet what is causing it"}
MAX_TEST_SPEED = 1000


def test_speed(request: Request) -> float:
    """How many times faster than real time the page's timers run: 1, unless the app allows ?test_speed= (tests)."""
    if not request.app.state.settings.allow_test_speed:
        return 1.0
    try:
        speed = float(request.query_params.get("test_speed", "1"))
    except ValueError:
        return 1.0
    return min(float(MAX_TEST_SPEED), speed) if speed >= 1 else 1.0


def minutes_text(seconds: int) -> str:
    """About how long, for people: '45 s', '2 min', '2 min 30 s'."""
    if seconds < 60:
        return f"{seconds} s"
    m, s = divmod(seconds, 60)
    return f"{m} min {s} s" if s else f"{m} min"


def dose_text(ex: Exercise) -> str:
    """The dose in words, from the exercise's numbers."""
    if ex.duration_seconds is not None:
        what = f"Keep going for {ex.duration_seconds} seconds"
    elif ex.hold_seconds > 0:
        what = f"Hold each position {ex.hold_seconds} seconds"
    else:
        what = "Move slowly through the steps"
    parts = [what, f"{ex.reps} time{'s' if ex.reps != 1 else ''}"]
    if ex.sets > 1:
        parts.append(f"{ex.sets} sets")
    if ex.per_side:
        parts.append("each hand")
    every = f"every {ex.every_minutes} minutes" if ex.every_minutes else f"{ex.times_per_day} times a day"
    if not ex.every_minutes and ex.times_per_day == 1:
        every = "once a day"
    return ", ".join(parts) + f"; {every}."


def picture_url(name: str) -> str:
    """Where the browser fetches a step's picture."""
    return f"/exercises/pictures/{name}"


def timeline_data(rid: str) -> dict[str, Any]:
    """The routine's timeline as plain JSON for the player script (numbers from care.session, words for the screen)."""
    from numbwise.care.routines import named_routine
    from numbwise.care.session import timeline
    from numbwise.kb import load

    kb = load()
    choice = named_routine(kb, rid)
    exs = kb.exercises
    phases = timeline(exs, choice.routine)
    return {
        "routine": choice.routine_id,
        "name": choice.routine.name,
        "total_seconds": sum(p.seconds for p in phases),
        "exercises": [
            {"id": eid, "name": exs.exercises[eid].name,
             "steps": [{"say": st.say, "text": st.text, "picture": picture_url(st.picture), "alt": st.alt}
                       for st in exs.exercises[eid].steps]}
            for eid in choice.routine.exercises
        ],
        "phases": [
            {"kind": p.kind, "seconds": p.seconds, "exercise": p.exercise_index, "step": p.step_index,
             "side": p.side, "rep": p.rep, "reps": p.reps, "set": p.set, "sets": p.sets, "work": p.is_work,
             "beep": p.kind in ("hold", "timed"), "headline": HEADLINES[p.kind], "hand": HANDS[p.side],
             "cue": cue(p, exs)}
            for p in phases
        ],
    }


def _choice(request: Request, rid: str) -> Choice | None:
    from numbwise.care.routines import UnknownRoutine, named_routine
    from numbwise.kb import load

    try:
        choice = named_routine(load(), rid)
    except UnknownRoutine:
        return None
    return choice if choice.routine_id == rid else None


def _not_found(request: Request, rid: str) -> Response:
    from numbwise.kb import load
    from numbwise.web.app import render

    known = ", ".join(r.name for r in load().exercises.routines.values())
    return render(request, "problem.html", {"title": "Page not found",
                                            "message": f"There is no routine at this address. The routines are: {known}.",
                                            "back": ("/exercises", "See all routines")}, 404)


def _suggested(request: Request) -> tuple[Choice | NoSuggestion, str]:
    """What `care.routines.suggestion_for` says after the latest check (a routine or none), and a sentence saying why."""
    from numbwise.care.routines import Choice, suggestion_for
    from numbwise.kb import load
    from numbwise.kb.models import in_sentence
    from numbwise.web.store import store_of

    kb = load()
    check = store_of(request.app).latest_check()
    result = suggestion_for(kb, check.result if check is not None else None, check.case if check is not None else None)
    if check is None:
        return result, "You have no saved check yet, so this is the everyday routine."
    from numbwise.dates import day_of

    when = day_of(check.at)
    top = result.cause_id  # only ever the cause the check's result named
    name = in_sentence(kb.causes[top]) if top in kb.causes else "a cause"  # "Raynaud's" keeps its capital
    if not isinstance(result, Choice):
        what = (result.level_title or "get medical help").rstrip(".")
        if result.reason == "level":
            return result, f"Your check of {when} said: {what}. Please do that before starting any exercises."
        if result.reason == "cant_tell":
            return result, (f"Your check of {when} said: {what}. It could not tell yet what is causing the numbness, "
                            "and no routine is made for that.")
        if result.reason == "no_routine":
            return result, f"Your check of {when} put {name} first, and no routine here is made for it."
        return result, (f"Your check of {when} put {name} first. Exercises are not the first step for it: "
                        "please see a doctor before starting any.")
    return result, f"Your check of {when} put {name} first, and this routine is made for it."


def _cause_page(choice: Choice | NoSuggestion) -> tuple[str, str] | None:
    """The Learn page (link, name) of the cause behind a NoSuggestion, when there is one."""
    from numbwise.care.routines import NoSuggestion
    from numbwise.kb import load
    from numbwise.kb.models import in_sentence

    if not isinstance(choice, NoSuggestion) or choice.cause_id is None:
        return None
    kb = load()
    cause = kb.causes.get(choice.cause_id)
    return (f"/learn/{choice.cause_id}", in_sentence(cause)) if cause is not None else None  # said mid-sentence


def _interval_minutes() -> int:
    from numbwise.care.remind_settings import RemindSettings, SettingsError, load

    try:
        return load().interval_minutes
    except (SettingsError, OSError, ValueError):
        return RemindSettings().interval_minutes


@router.get("/exercises")
def exercises_index(request: Request) -> Response:
    """The routines (the suggested one first, with why), every exercise, and break reminders while the page is open."""
    from numbwise.care.session import timeline
    from numbwise.kb import load
    from numbwise.web.app import render

    kb = load()
    exs = kb.exercises
    choice, why = _suggested(request)
    suggested_id = getattr(choice, "routine_id", None)
    routines = [{"id": rid, "r": r, "time": minutes_text(sum(p.seconds for p in timeline(exs, r))),
                 "names": [exs.exercises[e].name for e in r.exercises], "suggested": rid == suggested_id}
                for rid, r in exs.routines.items()]
    routines.sort(key=lambda x: not x["suggested"])
    items = [{"id": eid, "e": e, "dose": dose_text(e), "picture": picture_url(e.steps[0].picture)}
             for eid, e in exs.exercises.items()]
    return render(request, "exercises.html", {
        "title": "Exercises", "routines": routines, "why": why, "items": items,
        "suggested": choice if suggested_id is not None else None, "medical_first": choice if suggested_id is None else None,
        "medical_heading": HEADINGS.get(getattr(choice, "reason", ""), HEADINGS["level"]),
        "cause_page": _cause_page(choice),
        "interval": _interval_minutes(), "speed": test_speed(request),
    })


@router.get("/exercises/pictures/{name}")
def exercise_picture(name: str) -> Response:
    """A step's picture (only files the knowledge base names)."""
    from numbwise.kb import load

    kb = load()
    known = {st.picture for e in kb.exercises.exercises.values() for st in e.steps}
    if name not in known:
        from starlette.exceptions import HTTPException

        raise HTTPException(404)
    return FileResponse(kb.folder / "pictures" / name, media_type="image/svg+xml",
                        headers={"Cache-Control": "max-age=3600"})


@router.get("/exercises/{rid}/timeline.json")
def exercise_timeline(request: Request, rid: str) -> Response:
    """The player's phases for one routine."""
    if _choice(request, rid) is None:
        return JSONResponse({"detail": f"no routine called '{rid}'"}, 404)
    return JSONResponse(timeline_data(rid))


def _player(request: Request, choice: Choice, error: str | None = None, status: int = 200) -> Response:
    from numbwise.care.session import timeline
    from numbwise.kb import load
    from numbwise.web.app import render

    exs = load().exercises
    total = sum(p.seconds for p in timeline(exs, choice.routine))
    items = [{"e": exs.exercises[eid], "dose": dose_text(exs.exercises[eid]),
              "steps": [(st, picture_url(st.picture)) for st in exs.exercises[eid].steps]}
             for eid in choice.routine.exercises]
    return render(request, "exercise_player.html", {
        "title": choice.routine.name, "rid": choice.routine_id, "r": choice.routine, "items": items,
        "time": minutes_text(total), "speed": test_speed(request), "outcomes": OUTCOMES, "error": error,
    }, status)


@router.get("/exercises/{rid}")
def exercise_player(request: Request, rid: str) -> Response:
    """One routine: every step with its picture, dose and cautions; the timed player when scripts run."""
    choice = _choice(request, rid)
    if choice is None:
        return _not_found(request, rid)
    return _player(request, choice)


@router.post("/exercises/{rid}")
async def exercise_done(request: Request, rid: str) -> Response:
    """Record the session the person says they did (done, partly, not done) and how long the timer ran."""
    from numbwise.care.session import timeline
    from numbwise.kb import load
    from numbwise.web.app import render
    from numbwise.web.store import store_of

    choice = _choice(request, rid)
    if choice is None:
        return _not_found(request, rid)
    form = await request.form()
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return render(request, "problem.html", {
            "title": "Something went wrong", "back": (f"/exercises/{rid}", "Back to the routine"),
            "message": "This form has expired or came from another site. Nothing was saved. Please try again."}, 403)
    outcome = form.get("outcome")
    if outcome not in OUTCOMES:
        return _player(request, choice, "Choose Done, Partly or Not done. Nothing was saved.", 422)
    planned = sum(p.seconds for p in timeline(load().exercises, choice.routine))
    raw = str(form.get("seconds") or "").strip()
    timer_ran = bool(str(form.get("timer") or "").strip())
    if timer_ran and not raw:
        return _player(request, choice, "The seconds the timer ran were not sent with the form. Nothing was saved.", 422)
    if raw:
        if not raw.isdigit() or int(raw) > 24 * 3600:
            return _player(request, choice, "The time sent with the form is not a number of seconds. Nothing was saved.",
                           422)
        seconds = int(raw)
    else:  # no timer ran (no JavaScript, so no timer field): the planned time for a finished session only
        seconds = planned if outcome == "done" else 0
    store = store_of(request.app)
    act = store.add_activity(request.app.state.settings.clock(), "session", rid, outcome, seconds)  # type: ignore[arg-type]
    return RedirectResponse(f"/exercises/{rid}/saved/{act.id}", 303)


@router.get("/exercises/{rid}/saved/{aid}")
def exercise_saved(request: Request, rid: str, aid: int) -> Response:
    """What was saved, with this week's count and the streak."""
    from numbwise.care.stats import compute
    from numbwise.diary.entries import Activity
    from numbwise.diary.store import NotFound
    from numbwise.web.app import render
    from numbwise.web.store import store_of

    choice = _choice(request, rid)
    store = store_of(request.app)
    try:
        act = store.get("activity", aid)
    except NotFound:
        act = None
    if choice is None or not isinstance(act, Activity) or act.name != rid:
        from starlette.exceptions import HTTPException

        raise HTTPException(404)
    now = request.app.state.settings.clock()
    tz = dt.datetime.now().astimezone().tzinfo
    stats = compute(store.activities(), now.astimezone(tz).date(), weeks=1, tz=tz)
    return render(request, "exercise_saved.html", {
        "title": "Session saved", "r": choice.routine, "rid": rid, "act": act, "outcome": OUTCOMES[act.outcome]
        if act.outcome in OUTCOMES else act.outcome, "time": minutes_text(act.seconds), "stats": stats,
        "week": stats.weeks[-1],
    })
