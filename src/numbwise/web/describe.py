"""'Describe it in your own words (optional)': the free-text start of the web check (issue 13).

A separate small route set beside web/check.py: it reads the words with numbwise.parse, shows an
emergency sign at once with the words that raised it and a one-tap "that's not what I meant", shows
the rest back as chips the person can remove, then hands over to the check with only what is still
open. What was understood travels in a signed token, never trusted from the form.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from numbwise.web.security import CSRF_FIELD, csrf_ok

router = APIRouter(include_in_schema=False)


def _serializer(request: Request) -> Any:
    from itsdangerous import URLSafeSerializer

    return URLSafeSerializer(request.app.state.settings.secret_key, salt="numbwise-describe")


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    from numbwise.web.app import render

    return render(request, name, context, 200 if status == 422 and request.headers.get("HX-Request") == "true" else status)


def _chips_page(request: Request, told: dict[str, Any], text: str) -> Response:
    from numbwise.assess.interview import (ALSO_UNDERSTOOD, FOR_SOMEONE_ELSE_TOLD, PARTIAL_HEADING, PARTIAL_NOTE,
                                           EarlyCall, emergency_beside, words_check_now)
    from numbwise.parse import Chip
    from numbwise.web.check import _numbers

    signs = told.get("confirmed") or {}  # the emergency signs just confirmed: kept as read, not shown again
    beside = set(emergency_beside(told["findings"], signs))
    # the foot sore the words said, a line of its own like a finding's (walkthrough U, Ben): never turned round
    items = [Chip(**c) for c in told["chips"] if c["finding"] in beside] + [Chip(**c) for c in told.get("foot", [])]
    about = [Chip(**c) for c in told.get("about", [])]
    unsure = [Chip(**c) for c in told.get("unsure", [])]
    partial = [Chip(**c) for c in told.get("partial", [])]
    both = {"age", "sex"} <= {c.finding for c in about}  # About you is skipped, and with it its line for someone else
    # after a confirmed emergency its call line and buttons stay on this page too (walkthrough Y, Peter: none here)
    call = EarlyCall(**told["call"]) if signs and isinstance(told.get("call"), dict) else None
    return _page(request, "check_describe_chips.html", {
        "title": "What we understood", "chips": items, "text": text, "about": about, "unsure": unsure, "partial": partial,
        "partial_heading": PARTIAL_HEADING, "partial_note": PARTIAL_NOTE,
        "someone_else": FOR_SOMEONE_ELSE_TOLD if both else None, "also": ALSO_UNDERSTOOD if signs else None,
        # a warning sign the words left not sure: how to check it and when to call, now (as after the emergency screen);
        # after a confirmed emergency the call advice is already given, and the result lists these signs
        "check_now": None if signs else words_check_now([c.finding for c in unsure], told["findings"]),
        "numbers": _numbers(), "still_call": call,
        "token": str(_serializer(request).dumps(told)),
    })


def _handover(request: Request, findings: dict[str, bool], age: int | None, sex: str | None,
              told: dict[str, Any] | None = None, unsure: Collection[str] = (), confirmed: Collection[str] = ()) -> Response:
    """Start the check from what the words said: the core's next question, or the result. The chips' words go
    along, to be quoted when a reading is asked back (interview.asked_back); what the words hedged goes in as
    'not sure' (`unsure`, as the person kept it), and what they said only in part is asked (`partial`)."""
    from numbwise.assess.interview import describe, start
    from numbwise.web.check import _next

    chips = [*(told or {}).get("chips", []), *(told or {}).get("unsure", [])]
    words = {str(c["finding"]): tuple(str(w) for w in c["words"]) for c in chips
             if isinstance(c, dict) and "finding" in c and isinstance(c.get("words"), list)}
    partial = [str(c["finding"]) for c in (told or {}).get("partial", []) if isinstance(c, dict) and "finding" in c]
    days = (told or {}).get("days_so_far")  # how long the words said it has been there (parse.Parsed.days_so_far)
    days = float(days) if isinstance(days, (int, float)) and not isinstance(days, bool) else None
    foot = (told or {}).get("foot_sore")  # a sore on the foot, as the words said it (parse.Parsed.foot_sore)
    foot = foot if isinstance(foot, bool) else None
    iv = describe(start(age, sex), findings, words, unsure, partial, days, confirmed, foot) \
        if findings or unsure or partial \
        else start(age, sex)
    return _next(request, iv, age is not None and sex is not None, {})


@router.get("/check/describe")
def describe_form(request: Request) -> Response:
    """The optional box: say it in your own words, or skip to the questions."""
    from numbwise.parse import MAX_CHARS

    return _page(request, "check_describe.html", {"title": "Describe it in your own words", "max": MAX_CHARS,
                                                  "error": None, "text": ""})


@router.post("/check/describe")
async def describe_read(request: Request) -> Response:
    """Read the words: an emergency sign first (with its words), else the chips to check."""
    from dataclasses import asdict

    from numbwise.parse import (MAX_CHARS, about_chips, chips, emergency, emergency_answers, emergency_call, foot_chips, parse,
                                partial_chips, unsure_chips)

    form = await request.form()
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return _page(request, "problem.html", {"title": "Something went wrong",
                                               "message": "This form has expired. Please start the check again."}, 403)
    text = str(form.get("text") or "")
    if not text.strip() or len(text) > MAX_CHARS:
        error = "Type a few words about your hands, or skip to the questions." if not text.strip() else (
            f"Please keep it under {MAX_CHARS} characters.")
        return _page(request, "check_describe.html", {"title": "Describe it in your own words", "max": MAX_CHARS,
                                                      "error": error, "text": text[:MAX_CHARS]}, 422)
    words = parse(text)
    told = {"findings": dict(words.findings), "age": words.age, "sex": words.sex,
            "chips": [asdict(c) for c in chips(words)], "about": [asdict(c) for c in about_chips(words)],
            "unsure": [asdict(c) for c in unsure_chips(words)], "partial": [asdict(c) for c in partial_chips(words)],
            "days_so_far": words.days_so_far, "foot_sore": words.foot_sore,
            "foot": [asdict(c) for c in foot_chips(words)]}
    urgent = emergency(words)
    if urgent:
        from numbwise.web.check import _numbers

        call = emergency_call(words)  # a rule with its own act (the cancer helpline) is said as the result will say it,
        # with its own call's where and the intro to the numbers (walkthrough U, Kim)

        return _page(request, "check_describe_emergency.html", {
            "title": call.title, "signs": urgent,
            "call": call, "numbers": _numbers(),
            "token": str(_serializer(request).dumps(told | {"urgent": [c.finding for c in urgent],
                                                            "emergency_answers": emergency_answers(words),
                                                            "call": asdict(call)})),
        })
    return _chips_page(request, told, text)


@router.post("/check/describe/confirm")
async def describe_confirm(request: Request) -> Response:
    """'Yes, that is right' (the signs kept, the rest of the words shown to check), 'that's not what I meant', or the
    kept chips."""
    from itsdangerous import BadSignature

    from numbwise.parse import without

    form = await request.form()
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return _page(request, "problem.html", {"title": "Something went wrong",
                                               "message": "This form has expired. Please start the check again."}, 403)
    try:
        told = _serializer(request).loads(form.get("token"))
        findings = {str(k): bool(v) for k, v in dict(told["findings"]).items()}
        age, sex = told.get("age"), told.get("sex")
    except (BadSignature, KeyError, TypeError, ValueError):
        return _page(request, "problem.html", {"title": "Something went wrong",
                                               "message": "We could not read your description. Please start again."}, 400)
    choice = form.get("answer")
    if choice == "emergency":  # the signs confirmed; every other reading is shown next for a check (as in the terminal)
        from numbwise.assess.interview import emergency_beside

        urgent = {str(f) for f in told.get("urgent", [])}
        signs = {str(f): bool(v) for f, v in dict(told.get("emergency_answers") or
                                                  {f: v for f, v in findings.items() if f in urgent}).items()}
        told.pop("urgent", None)
        if not (emergency_beside(findings, signs) or told.get("unsure") or told.get("partial") or told.get("about")
                or told.get("foot")):
            return _handover(request, signs, age, sex, told, _unsure(told), signs)
        return _chips_page(request, told | {"confirmed": signs}, "")
    if choice == "not_meant":
        told["findings"] = without(findings, told.get("urgent", []))
        told.pop("urgent", None)
        return _chips_page(request, told, "")
    from numbwise.assess.interview import after_emergency
    from numbwise.parse import foot_kept

    kept = {str(v) for v in form.getlist("keep")}
    told["foot_sore"] = foot_kept(told.get("foot_sore"), kept)  # its line unticked (or never shown): asked instead
    flipped = {str(v) for v in form.getlist("flip")}
    about = {str(v) for v in form.getlist("keep_about")}  # an age or sex unticked is asked in About you
    doubts = {str(v) for v in form.getlist("keep_unsure")}  # an unticked 'not sure' is asked instead
    signs = {str(f): bool(v) for f, v in dict(told.get("confirmed") or {}).items()}  # from the signed token only
    return _handover(request, after_emergency(findings, signs, kept, flipped), age if "age" in about else None,
                     sex if "sex" in about else None, told, [f for f in _unsure(told) if f in doubts], signs)


def _unsure(told: dict[str, Any]) -> list[str]:
    """The findings the words hedged, from the signed token."""
    return [str(c["finding"]) for c in told.get("unsure", []) if isinstance(c, dict) and "finding" in c]
