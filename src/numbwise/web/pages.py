"""Plain pages: home, Learn (every cause and treatment with numbered sources), the B12 table, and errors."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from starlette.responses import Response

if TYPE_CHECKING:
    from fastapi import FastAPI

router = APIRouter(include_in_schema=False)

# Sections whose cores are still being built elsewhere; each becomes a real page when its core lands.
PENDING: dict[str, tuple[str, str]] = {}  # every section is built now; kept for the next one


@router.get("/")
def home(request: Request) -> Response:
    """Start here: what numbwise does and the way into each part."""
    from numbwise.web.app import render

    return render(request, "home.html", {"title": "Numb or tingling hands"})


@router.get("/learn")
def learn_index(request: Request) -> Response:
    """Every cause and every treatment, with a one-line summary."""
    from numbwise.pages import topics
    from numbwise.web.app import render

    causes, treatments = topics()
    return render(request, "learn_index.html", {"title": "Learn", "causes": causes, "treatments": treatments})


LEARN_REF = re.compile(r"\s*\(numbwise learn ([a-z0-9_]+)\)")


def topic_names() -> dict[str, str]:
    """Every Learn page's ID and its name (causes, treatments, exercises)."""
    from numbwise.pages import exercise_topics, topics

    causes, treatments = topics()
    return {tid: name for tid, name, _ in causes + treatments + exercise_topics()}


def linked(text: str, names: dict[str, str]) -> list[tuple[str, str | None]]:
    """A text's cross-references '(numbwise learn ID)' as links: [(words, href or None)], named as the page is.

    'Surgery (numbwise learn surgery)' becomes one link 'Surgery'; a reference inside a sentence becomes a link
    with the page's name.
    """
    whole = LEARN_REF.search(text)
    if whole and whole.end() == len(text) and whole.group(1) in names and LEARN_REF.search(text[:whole.start()]) is None:
        return [(text[:whole.start()], f"/learn/{whole.group(1)}")]
    out: list[tuple[str, str | None]] = []
    at = 0
    for m in LEARN_REF.finditer(text):
        if m.group(1) not in names:
            continue
        out.append((text[at:m.start()] + " (see ", None))
        out.append((names[m.group(1)], f"/learn/{m.group(1)}"))
        out.append((")", None))
        at = m.end()
    out.append((text[at:], None))
    return [(t, h) for t, h in out if t]


@router.get("/learn/{topic}")
def learn_page(request: Request, topic: str) -> Response:
    """One cause or treatment page, ending with its numbered sources."""
    from numbwise.pages import UnknownTopic, cite, page
    from numbwise.web.app import render

    try:
        found = page(topic)
    except UnknownTopic as exc:
        names = topic_names()
        suggestions = [(sid, names.get(sid, sid)) for sid in dict.fromkeys(exc.suggestions)]  # each page once, by its name
        return render(request, "problem.html", {"title": "Page not found", "message": f"There is no Learn page called '{topic}'.",
                                                "suggestions": suggestions, "back": ("/learn", "See every topic")}, 404)
    names = topic_names()
    blocks = [{"heading": b.heading, "paragraphs": [linked(x, names) for x in b.paragraphs],
               "bullets": [linked(x, names) for x in b.items]} for b in found.blocks]
    see_also = [(sid, names.get(sid, sid.replace("_", " ").capitalize())) for sid in found.see_also]
    return render(request, "learn_page.html", {"title": found.title, "p": found, "blocks": blocks, "see_also": see_also,
                                               "cites": [(cite(s).removesuffix(f" {s.url}"), str(s.url)) for s in found.sources]})


@router.get("/care/{cause}")
def care_page(request: Request, cause: str, yes: str | None = None, no: str | None = None, unsure: str | None = None,
              age: str | None = None, days: str | None = None, sex: str | None = None) -> Response:
    """A cause's care plan, the one `numbwise care` prints (care.plan.care_plan), with numbered sources; with the answers
    a result's link carries, its warning signs are filed as that result files them (walkthrough Z, Tariq) and that
    result's top comes first (walkthroughs AB and AC, Tariq)."""
    from numbwise.assess.result import ASK_DOCTOR_HEADING
    from numbwise.care.plan import BadAnswers, UnknownCause, plan_for, read_care_for
    from numbwise.pages import cite
    from numbwise.web.app import render

    try:
        given = read_care_for(yes, no, unsure, age, days=days, sex=sex)
    except BadAnswers:  # not echoed back (tests/web/test_security.py)
        return render(request, "problem.html", {"title": "We could not read this link", "message": (
            "We could not read the answers in this link. Open the care plan from your result again, or read the "
            "plan for anyone."),
            "back": (f"/care/{cause}" if re.fullmatch(r"[a-z0-9_]{1,64}", cause) else "/learn", "See the care plan")}, 400)
    try:
        plan = plan_for(None, cause, given)  # as `numbwise care` opens it (walkthrough AF, Zoe)
    except UnknownCause as exc:
        names = topic_names()
        suggestions = [(sid, names.get(sid, sid)) for sid in dict.fromkeys(exc.suggestions)]
        return render(request, "problem.html", {"title": "Page not found", "message": f"There is no care plan called '{cause}'.",
                                                "suggestions": suggestions, "suggest_base": "/care/",
                                                "back": ("/learn", "See every cause")}, 404)
    return render(request, "care_plan.html", {
        "title": f"Care plan: {plan.cause_name}", "plan": plan, "given": given, "ask_doctor_heading": ASK_DOCTOR_HEADING,
        "has_page": plan.cause in topic_names(),
        "cites": [(cite(s).removesuffix(f" {s.url}"), str(s.url)) for s in plan.sources]})


@router.get("/foods")
def foods(request: Request) -> Response:
    """Vitamin B12 in everyday foods, daily needs, and who may run low."""
    from numbwise.foods import b12_table
    from numbwise.web.app import render

    return render(request, "foods.html", {"title": "Vitamin B12 in food", "t": b12_table()})


def _pending_page(path: str) -> object:
    title, what = PENDING[path]

    def view(request: Request) -> Response:
        from numbwise.web.app import render

        return render(request, "pending.html", {"title": title, "what": what})

    view.__doc__ = f"The {title} section (its core is still being built)."
    return view


for _path in PENDING:
    router.add_api_route(_path, _pending_page(_path), methods=["GET"])  # type: ignore[arg-type]


def install_error_pages(app: FastAPI) -> None:
    """Friendly HTML for 404 / 405 on pages (the API keeps FastAPI's JSON errors)."""
    from fastapi.exception_handlers import http_exception_handler
    from starlette.exceptions import HTTPException

    from numbwise.web.app import render

    async def handler(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if request.url.path.startswith("/api/") or exc.status_code not in (404, 405):
            return await http_exception_handler(request, exc)
        message = "There is no page at this address." if exc.status_code == 404 else "This page cannot be used that way."
        return render(request, "problem.html", {"title": "Page not found" if exc.status_code == 404 else "Not allowed",
                                                "message": message}, exc.status_code)

    app.add_exception_handler(HTTPException, handler)
