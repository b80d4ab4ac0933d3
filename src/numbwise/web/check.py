"""The symptom check in the browser: one question per screen, driven by assess.interview (no JS needed).

The interview's plain data travels in a signed hidden field, so the server keeps nothing between steps
and the browser's own back button stays harmless. Form fields are turned into the same yes / no /
not-sure updates the terminal's parser makes; every decision is the core's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from numbwise.web.security import CSRF_FIELD, csrf_ok

if TYPE_CHECKING:
    from starlette.datastructures import FormData

    from numbwise.assess.interview import ActStep, Interview, Question
    from numbwise.assess.lists import Others

router = APIRouter(include_in_schema=False)
SIDES = (("L", "left"), ("R", "right"))
DIGITS = ((1, "thumb"), (2, "index finger"), (3, "middle finger"), (4, "ring finger"), (5, "little finger"))
HANDS_FINE = "hands:fine"  # the finger page's "My hands are fine: only somewhere else is numb"
HAND_ONLY = "hand:"  # the finger page's "Right hand (hand:R) / Left hand (hand:L) / Both hands (hand:LR), not sure which fingers"
PICK = "pick:"  # prefill keys that remember the hand-diagram picks (R1, LP ...) for the Katz class on the result
RUN_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # a check's id, kept as the diary's uid of the finished check


class FormProblem(ValueError):
    """What the person sent cannot be used; the message says what to do instead. `status` 400 is for a value no page
    offers (a forged or broken form), 422 for an answer the person can fix."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def _serializer(request: Request) -> Any:
    from itsdangerous import URLSafeSerializer

    return URLSafeSerializer(request.app.state.settings.secret_key, salt="numbwise-check")


def _run(request: Request) -> str:
    """The id of the check in progress: read from its signed state, or made when a check starts.

    Every step's state carries it, so the browser's Back keeps it, and the diary keeps the finished check under
    it: finishing the same check again replaces that one instead of saving a second.
    """
    run = getattr(request.state, "check_run", None)
    if not (isinstance(run, str) and RUN_ID.fullmatch(run)):
        import uuid

        run = uuid.uuid4().hex
        request.state.check_run = run
    return run


def _pack(request: Request, iv: Interview, about: bool, pending: Question | None, prefill: dict[str, bool],
          mode: str | None = None, done: bool = False) -> str:
    from numbwise.assess.interview import to_data

    data = {"iv": to_data(iv), "about": about, "prefill": prefill, "mode": mode, "run": _run(request),
            "pending": [pending.id, pending.kind, list(pending.findings)] if pending else None}
    if done:  # the person chose to see the emergency advice now: its address shows the result, not a question
        data["done"] = True
    return str(_serializer(request).dumps(data))


def _done(request: Request, token: object) -> bool:
    """Did the person stop at the emergency advice ("See what to do now")? The state says so (see _pack)."""
    return bool(_serializer(request).loads(token).get("done"))


def _mode(request: Request, token: object) -> str | None:
    """On an any-first screen: None (the list), "yes" (which do you have) or "unsure" (which are you unsure of)."""
    data = _serializer(request).loads(token)
    mode = data.get("mode")
    return mode if mode in ("yes", "unsure") else None


def _unpack(request: Request, token: object) -> tuple[Interview, bool, Question | None, dict[str, bool]]:
    from itsdangerous import BadSignature

    from numbwise.assess.interview import from_data, question, worded

    if not isinstance(token, str):
        raise FormProblem("missing state")
    try:
        data = _serializer(request).loads(token)
    except BadSignature:
        raise FormProblem("bad state") from None
    iv = from_data(data["iv"])
    pending = worded(question(*data["pending"]), iv) if data.get("pending") else None  # as it was shown
    if isinstance(data.get("run"), str) and RUN_ID.fullmatch(data["run"]):
        request.state.check_run = data["run"]  # the same check, whichever step the browser went back to
    return iv, bool(data.get("about")), pending, dict(data.get("prefill") or {})


def _list_marks(q: Question, form: FormData, mode: str | None = None) -> tuple[dict[str, bool | None], Others]:
    """A list's radios as marks (yes, no, None for not sure) and what its buttons make of the items left unmarked,
    in the core's words (assess.lists): "No to all I left blank" is "no", Continue "blank" (not known, never 'no')."""
    choice = form.get("answer")
    if q.any_first and mode is None:  # the list first: "none of these" answers them all; yes or not sure shows each
        if choice != "none":
            raise FormProblem("Choose None of these, Yes or Not sure.")
        return {}, "no"
    marked: dict[str, bool | None] = {}
    for i, fid in enumerate(q.findings):
        value = form.get(f"item{i}")
        if value in ("yes", "no", "unsure"):
            marked[fid] = None if value == "unsure" else value == "yes"
        elif value is not None:
            raise FormProblem("Each sign takes Yes, No or Not sure.")
    if choice not in ("done", "none"):
        raise FormProblem("Press Continue, or No to all I left blank.")
    # a Not sure is an answer after "Yes, one or more" too (the terminal takes ?6 alone): on to its checks
    if mode == "yes" and all(v is False for v in marked.values()):
        raise FormProblem("You said you have one or more of these. Choose Yes for each one you have, or Not sure, "
                          "or go back to the list and choose None of these.")
    if choice == "none":  # "No to all I left blank": the blanks become No; a Yes or Not sure given stays
        return marked, "no"
    # "Not sure" to the list and nothing chosen: not sure about them all, as the terminal's "?"
    return marked, "unsure" if mode == "unsure" and not marked else "blank"


def _updates(q: Question, form: FormData) -> tuple[dict[str, bool], dict[str, bool]]:
    """A one-answer question's or the finger picker's fields to findings answered yes or no (the rest 'not sure'),
    plus hints for later screens; a list's go through _list_marks."""
    from numbwise.assess.interview import choice_answer, fingers_answer, hand_only_answer, hands_fine_answer

    choice = form.get("answer")
    if q.kind == "finding":
        if choice not in ("yes", "no", "unsure"):
            raise FormProblem("Choose Yes, No or Not sure.")
        return ({} if choice == "unsure" else {q.findings[0]: choice == "yes"}), {}
    if q.kind == "choice":
        if choice == "unsure":
            return {}, {}
        if not (isinstance(choice, str) and choice.isdigit() and 1 <= int(choice) <= len(q.labels)):
            raise FormProblem("Choose one of the answers, or Not sure.")
        return choice_answer(q, int(choice) - 1), {}
    # the finger picker (the hand diagram)
    if choice == "unsure":
        return {}, {}
    if choice == HANDS_FINE:  # neither hand: the terminal's 0, read by the one core mapping
        return hands_fine_answer(), {}
    picks = {p for p in form.getlist("pick") if isinstance(p, str)}
    valid = {f"{s}{d}" for s, _ in SIDES for d in range(0, 6)} | {"LP", "RP"}
    if not picks <= valid:
        raise FormProblem("Pick fingers on the hand pictures.")
    left = {int(p[1]) for p in picks if p[0] == "L" and p[1].isdigit()}
    right = {int(p[1]) for p in picks if p[0] == "R" and p[1].isdigit()}
    palm = {p[0] for p in picks if p[1:] == "P"}
    remembered = {PICK + p: True for p in sorted(picks)}
    if isinstance(choice, str) and choice.startswith(HAND_ONLY):  # "Right hand, not sure which fingers": the R? of
        sides = choice[len(HAND_ONLY):]  # the terminal, read by the one core mapping
        if sides not in ("L", "R", "LR"):
            raise FormProblem("Pick fingers on the hand pictures, or choose a hand, not sure which fingers.", 400)
        return hand_only_answer(set(sides), left, right, palm), remembered
    if not left and not right and not palm:
        raise FormProblem("Pick at least one finger or a whole hand, or press Not sure.")
    # the palm is the picker's to answer, as in the terminal (RP): "Where else" does not ask it again
    return fingers_answer(left, right, palm), remembered


def _pushed(request: Request, response: Response, state: str) -> Response:
    """After an htmx step, put the step in the address (signed state) so the browser's Back returns to it."""
    if request.method == "POST" and request.headers.get("HX-Request") == "true" and response.status_code == 200:
        response.headers["HX-Push-Url"] = "/check?at=" + state
    return response


def _status(request: Request, status: int) -> int:
    """422 for a plain form post; htmx gets 200 so the page with the message swaps in with no console error."""
    return 200 if status == 422 and request.headers.get("HX-Request") == "true" else status


def _about(form: FormData) -> tuple[int | None, str | None]:
    raw_age = str(form.get("age") or "").strip()
    age: int | None = None
    if raw_age:
        if not raw_age.isdigit() or not 0 <= int(raw_age) <= 120:
            raise FormProblem("Type your age in whole years, like 47, or leave it empty.")
        age = int(raw_age)
    sex = str(form.get("sex") or "") or None
    if sex not in (None, "female", "male"):
        raise FormProblem("Choose female, male, or rather not say.")
    return age, sex


def _question_page(request: Request, iv: Interview, q: Question, prefill: dict[str, bool], about: bool,
                   error: str | None = None, status: int = 200, mode: str | None = None) -> Response:
    from numbwise.web.app import render

    from numbwise.assess.interview import asked_back, still_calls, still_line, still_loud

    state = _pack(request, iv, about, q, prefill, mode)
    # a blank on the list asking back blanks, or on the one asking back the words that decide an emergency, is not
    # asked again: both are shown once (the page's hint says so)
    left_blank = _is_left_blank(q) or _is_confirm_emergency(q)
    back_to = _step(iv.count, q.id, None) if mode else _before(iv)
    heading = _heading(q)
    return _pushed(request, render(request, "check_question.html", {
        "q": q, "heading": heading, "left_blank": left_blank,
        # the person's own picks on the hand pictures, shown again on the way back (each side's palm its own)
        "picks": {k[len(PICK):] for k, v in prefill.items() if k.startswith(PICK) and v},
        "number": iv.count + 1, "state": state, "error": error,
        "mode": mode, "numbers": _numbers(), "still": still_line(iv), "still_calls": still_calls(iv),
        "loud": still_loud(iv, request.app.state.settings.max_questions),
        "asked_back": asked_back(iv, q),
        "prefill": prefill, "sides": SIDES, "digits": DIGITS, "first": iv.count == 0,
        "step": _step(iv.count, q.id, mode), "back_to": back_to,
        "title": f"Question {iv.count + 1}",
    }, _status(request, status)), state)


def _step(count: int, page: str, mode: str | None = None) -> str:
    """Where a page stands in the check (questions answered, the question or page, the any-first mode): app.js
    keeps it in the browser's history, so the in-page Back goes back through the same entries as the browser's."""
    return f"{count}:{page}:{mode or ''}"


def _before(iv: Interview, mode: str | None = None) -> str:
    """The step the in-page Back shows (the last question answered, in `mode`), as check_step's 'back' does."""
    return _step(iv.count - 1, iv.history[-1][0].id, mode) if iv.count > 0 else ""


def _is_left_blank(q: Question) -> bool:
    from numbwise.kb import load

    spec = load().interview.left_blank
    return spec is not None and q.id == spec.id


def _is_confirm_emergency(q: Question) -> bool:
    from numbwise.kb import load

    spec = load().interview.confirm_emergency
    return spec is not None and q.id == spec.id


def _heading(q: Question) -> str:
    """A question's heading; the list asking blanks back says how many it holds ("some" reads vaguely over a long
    list), on its screen and in the result's "Your answers" alike. The knowledge's words otherwise."""
    if not _is_left_blank(q):
        return q.text
    many = f" {len(q.findings)} of these " if len(q.findings) > 1 else " one of these "
    return q.text.replace(" some of these ", many, 1)


def _about_page(request: Request, iv: Interview, prefill: dict[str, bool], error: str | None = None,
                status: int = 200, typed: str | None = None) -> Response:
    from numbwise.assess.interview import ABOUT_HELP, FOR_SOMEONE_ELSE
    from numbwise.web.app import render

    state = _pack(request, iv, False, None, prefill)
    return _pushed(request, render(request, "check_about.html", {
        "state": state, "error": error, "iv": iv, "title": "About you", "typed": typed,
        "help": ABOUT_HELP, "someone_else": FOR_SOMEONE_ELSE, "step": _step(iv.count, "~about"), "back_to": _before(iv),
    }, _status(request, status)), state)


def _numbers() -> list[Any]:
    """The emergency numbers the knowledge base lists (shown as call links)."""
    from numbwise.kb import load

    return list(load().triage.levels["emergency"].numbers)




def _emergency_page(request: Request, iv: Interview, prefill: dict[str, bool], about: bool,
                    sugar: ActStep | None = None) -> Response:
    """The call advice at once after a yes that makes an emergency a few questions could still explain
    (interview.emergency_first), or the low-sugar first aid or another sign's advice that says "now" (`sugar`,
    interview.act_first: warning signs in pregnancy, with no emergency numbers beside a maternity unit): see what
    to do now, or answer those questions."""
    from numbwise.assess.interview import EarlyCall, call_advice
    from numbwise.kb import load
    from numbwise.web.app import render

    first = load().interview.emergency_first
    # a rule with its own act (the cancer helpline, A&E) is said as the result's banner will say it: its own call's
    # where and the intro to the numbers, which then stand second (walkthrough U, Kim)
    call = call_advice(iv)
    if sugar is not None:
        call = EarlyCall(sugar.title, sugar.lines[0])
    state = _pack(request, iv, about, None, prefill)
    return _pushed(request, render(request, "check_emergency.html", {
        "e": first, "call": call, "numbers": _numbers() if sugar is None or sugar.call_numbers else [], "state": state,
        "more": sugar.lines[1:] if sugar else (), "go_on": sugar.go_on if sugar else first.go_on if first else "",
        "title": call.title if call else first.title if first else "",
        "step": _step(iv.count, "~emergency"), "back_to": _before(iv),
    }), state)


def _unsure_page(request: Request, iv: Interview, advice: Any, prefill: dict[str, bool], about: bool,
                 mode: str | None = None) -> Response:
    """Before going on after 'not sure' about an emergency sign: how to check, and call now if it might be.

    The person changes the answer (back to the same signs, in the same `mode`) or carries on still not sure.
    """
    from numbwise.web.app import render

    state = _pack(request, iv, about, None, prefill, mode)
    return _pushed(request, render(request, "check_unsure.html", {
        "a": advice, "numbers": _numbers(), "state": state, "title": advice.title,
        "step": _step(iv.count, "~unsure"), "back_to": _before(iv, mode),
    }), state)


def picked_marks(prefill: Mapping[str, bool]) -> tuple[str, ...]:
    """The spots marked on the finger picker (codes like r1, lp), as remembered in the signed state for the result."""
    return tuple(sorted(k[len(PICK):].lower() for k, v in prefill.items() if k.startswith(PICK) and v))


def _picked_words(marks: tuple[str, ...]) -> tuple[str, ...]:
    """The hand-picture picks in the words the pictures use ("Right thumb", "The whole left hand"), right hand first."""
    names = dict(DIGITS)
    out = []
    for side, word in sorted(SIDES, key=lambda s: s[0] != "R"):
        for mark in marks:
            if mark[:1].upper() != side:
                continue
            what = mark[1:].upper()
            if what == "0":
                out.append(f"The whole {word} hand")
            elif what == "P":
                out.append(f"{word.capitalize()} palm at the base of the thumb")
            elif what.isdigit() and int(what) in names:
                out.append(f"{word.capitalize()} {names[int(what)]}")
    return tuple(out)


def _answers(iv: Interview, marks: tuple[str, ...]) -> list[tuple[str, str]]:
    """The result's "Your answers": age and sex, then each step with its heading as shown, the hand side included."""
    from numbwise.assess.summary import ABOUT, answered

    from numbwise.assess.interview import settled_emergency

    rows = answered(iv.history, iv.age, iv.sex, _picked_words(marks), settled_emergency(iv))
    steps = iter(iv.history)
    return [(text, given) if text == ABOUT else (_heading(next(steps)[0]), given) for text, given in rows]


def _result_page(request: Request, iv: Interview, prefill: dict[str, bool] | None = None, about: bool = True,
                 done: bool = False, forgotten: bool = False) -> Response:
    from numbwise.assess.interview import outcome
    from numbwise.assess.result import ASK_DOCTOR_HEADING, POINTS_AWAY, POINTS_TO, result_plan
    from numbwise.assess.summary import answers_heading, count_line
    from numbwise.web.app import render
    from numbwise.web.store import save_check

    from numbwise.assess.case import saved_check, told_by

    result = outcome(iv)
    told = told_by(iv, picked_marks(prefill or {}), request.app.state.settings.max_questions)
    plan = result_plan(result, iv.unsure, told.marks, told.taken_back, told.listed_none)
    # the signs answered 'not sure' are kept too (the doctor's report lists them as the result did), and what the
    # interview told the result (the taken-back line): the diary, the report and the API read as this page did
    case = saved_check(iv, told)
    # kept when the last answer is posted, under the check's id: posted again after the browser's Back (the same
    # check, changed answers) it replaces the check it kept; coming back to the result's address only shows it again
    # `forgotten`: the person took it out of the diary ("Remove this check from my diary"): shown again, not kept
    saved = save_check(request.app.state.settings, case, result.to_dict(), _run(request)) \
        if request.method == "POST" and not forgotten else None
    state = _pack(request, iv, about, None, prefill or {}, done=done)
    return _pushed(request, render(request, "check_result.html", {
        "p": plan, "count_line": count_line(iv.count, iv.described), "answers_heading": answers_heading(iv.count, iv.described),
        "saved": saved, "title": plan.heading,
        "answers": _answers(iv, picked_marks(prefill or {})), "iv": iv, "when": request.app.state.settings.clock().astimezone(),
        "numbers": _numbers(), "points_to": POINTS_TO, "points_away": POINTS_AWAY, "step": _step(iv.count, "~result"),
        "ask_doctor_heading": ASK_DOCTOR_HEADING, "forgotten": forgotten, "state": state,
    }), state)


def _next(request: Request, iv: Interview, about: bool, prefill: dict[str, bool], warned: bool = False) -> Response:
    """The call advice first when a yes just made an emergency questions could still explain (unless `warned`:
    the person chose to answer them); then age and sex once the emergency screen is behind us; then the core's
    next question."""
    from numbwise.assess.interview import about_due, act_first, emergency_first, next_question

    limit = request.app.state.settings.max_questions
    # the low-sugar first aid, or a sign's advice that says "now" (warning signs in pregnancy), as the call advice is
    sugar = None if warned else act_first(iv, limit)
    if sugar is not None or not warned and emergency_first(iv, limit):
        return _emergency_page(request, iv, prefill, about, sugar)
    if not about and about_due(iv):
        return _about_page(request, iv, prefill)
    q = next_question(iv, limit=request.app.state.settings.max_questions)
    if q is None:
        return _result_page(request, iv, prefill, about)
    return _question_page(request, iv, q, prefill, about)


def _problem(request: Request, message: str, status: int) -> Response:
    from numbwise.web.app import render

    return render(request, "problem.html", {"title": "Something went wrong", "message": message}, status)


@router.post("/check/forget")
async def check_forget(request: Request) -> Response:
    """Take the finished check out of the diary (private health data: the web's --no-diary) and show its result again.

    Only this site's own form can: the CSRF token must match the cookie, and the check is named by the signed state
    of its result page (its run id), never by a number a page elsewhere could guess."""
    from numbwise.web.store import forget_check

    form = await request.form()
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return _problem(request, "This form has expired or came from another site. Nothing was removed.", 403)
    try:
        iv, about, _, prefill = _unpack(request, form.get("state"))
    except (FormProblem, ValueError, KeyError, TypeError, IndexError):
        return _problem(request, "We could not tell which check to remove. Nothing was removed.", 400)
    run = getattr(request.state, "check_run", None)
    if isinstance(run, str) and RUN_ID.fullmatch(run):
        forget_check(request.app.state.settings, run)
    return _result_page(request, iv, prefill, about, done=True, forgotten=True)


@router.get("/check")
def check_start(request: Request, at: str | None = None) -> Response:
    """The first screen (the emergency signs), or, with `at`, the step whose signed state the address holds (browser Back)."""
    from numbwise.assess.interview import start

    if at is None:
        return _next(request, start(), False, {})
    try:
        iv, about, pending, prefill = _unpack(request, at)
        mode = _mode(request, at)
    except (FormProblem, ValueError, KeyError, TypeError, IndexError):
        return _problem(request, "We could not read where you were in the check. Please start it again.", 400)
    if pending is not None:
        return _question_page(request, iv, pending, prefill, about, mode=mode)
    if _done(request, at):
        return _result_page(request, iv, prefill, about, done=True)
    return _next(request, iv, about, prefill)


@router.post("/check")
async def check_step(request: Request) -> Response:
    """Take one answer (or 'back', or the about-you form) and show what comes next."""
    from numbwise.assess.interview import act_first, answer, check_now, emergency_first, from_data, to_data, undo, worded
    from numbwise.assess.lists import list_step

    form = await request.form()
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return _problem(request, "This form has expired or came from another site. Please start the check again.", 403)
    try:
        iv, about, pending, prefill = _unpack(request, form.get("state"))
    except (FormProblem, ValueError, KeyError, TypeError, IndexError):
        return _problem(request, "We could not read where you were in the check. Please start it again.", 400)
    mode = _mode(request, form.get("state"))
    if form.get("back") is not None:
        if pending is not None and mode is not None:  # from "which ones" back to the list
            return _question_page(request, iv, pending, prefill, about)
        if iv.count == 0:
            return _next(request, iv, about, prefill)
        last = iv.history[-1][0]
        iv = undo(iv)
        last = worded(last, iv)  # a rebuilt question says why it is asked, as it did
        # "Change my answer" on the check-now page: the same signs, as they were answered ("which ones" included)
        return _question_page(request, iv, last, prefill, about, mode=mode if pending is None else None)
    if form.get("answer") == "about":
        try:
            age, sex = _about(form)
        except FormProblem as exc:
            return _about_page(request, iv, prefill, str(exc), 422, str(form.get("age") or "")[:3])
        # the call advice or the low-sugar first aid was shown before "About you" when the last answer made it (the
        # page comes only after them): age and sex answer no question, so it is not shown again (walkthrough R,
        # Priya), as the terminal shows it once for the same answers
        limit = request.app.state.settings.max_questions
        shown = act_first(iv, limit) is not None or emergency_first(iv, limit)
        iv = from_data(to_data(iv) | {"age": age, "sex": sex})
        return _next(request, iv, True, prefill, warned=shown)
    if pending is None and form.get("answer") == "emergency_now":  # "See what to do now": the result, nothing more asked
        return _result_page(request, iv, prefill, about, done=True)
    if pending is None:  # "Answer a few questions" after the call advice, or "Carry on" after the checks
        return _next(request, iv, about, prefill, warned=form.get("answer") == "emergency_go_on")
    if pending.any_first and mode is None and form.get("answer") in ("yes", "unsure"):
        return _question_page(request, iv, pending, prefill, about, mode=str(form.get("answer")))
    limit = request.app.state.settings.max_questions
    hints: dict[str, bool] = {}
    try:
        if pending.kind in ("screen", "sweep"):  # the marks and the button, read by the core as the terminal's keys are
            marked, others = _list_marks(pending, form, mode)
            updates, blank = list_step(iv, pending, marked, others, limit)
        else:
            (updates, hints), blank = _updates(pending, form), ()
    except FormProblem as exc:
        return _question_page(request, iv, pending, prefill, about, str(exc), exc.status, mode)
    iv = answer(iv, pending, updates, blank)
    advice = check_now(iv, pending, updates, blank, limit)
    if advice is not None:
        return _unsure_page(request, iv, advice, prefill, about, mode)
    if pending.kind == "fingers":  # a new pick replaces the old one (after Back), the palm's with it
        prefill = {k: v for k, v in prefill.items() if not k.startswith(PICK)}
    return _next(request, iv, about, prefill | hints)
