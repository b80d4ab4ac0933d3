"""Scores in the browser: each questionnaire as one form, scored by `numbwise.scores`, saved, with the trend.

The hand diagram (Katz and Stirrat) uses the check's clickable hand partial; its marks become the codes
`scores.parse_codes` reads. Every number, band and meaning comes from the scores core and the knowledge base.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from numbwise.dates import day_of
from numbwise.web.security import CSRF_FIELD, csrf_ok

if TYPE_CHECKING:
    from starlette.datastructures import FormData

    from numbwise.kb.models import Instrument
    from numbwise.scores import ScoreResult
    from numbwise.scores.trend import ScaleTrend

router = APIRouter(include_in_schema=False)
SIDES = (("L", "left"), ("R", "right"))
DIGITS = ((1, "thumb"), (2, "index finger"), (3, "middle finger"), (4, "ring finger"), (5, "little finger"))
W, H, LEFT, RIGHT, TOP, BOTTOM = 360, 200, 36, 16, 14, 36  # chart drawing box (SVG user units)


class FormProblem(ValueError):
    """The answers sent cannot be scored; the message says what to fix."""


def _instrument(iid: str) -> Instrument | None:
    from numbwise.scores import instrument_ids

    if iid not in instrument_ids():
        return None
    from numbwise.scores import instrument

    return instrument(iid)


def _not_found(request: Request, iid: str) -> Response:
    from numbwise.scores import instrument_ids
    from numbwise.web.app import render

    return render(request, "problem.html", {
        "title": "Page not found", "back": ("/scores", "See all scores"),
        "message": f"There is no score called '{iid}'. Scores: {', '.join(instrument_ids())}."}, 404)


def _rows(request: Request, iid: str) -> list[tuple[Any, dict[str, float | str | None]]]:
    from numbwise.web.store import store_of

    return [(r.at, dict(r.values)) for r in store_of(request.app).scores(iid)]


def chart(t: ScaleTrend) -> dict[str, Any] | None:
    """The geometry of a simple line chart of one scale (SVG user units), or None when there is nothing to draw."""
    pts = [p for p in t.points if p.value is not None]
    if not pts:
        return None
    span_y = t.highest - t.lowest
    first, last = pts[0].at, pts[-1].at
    span_x = (last - first).total_seconds()
    inner_w, inner_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(at: Any) -> float:
        return round(LEFT + (inner_w / 2 if span_x <= 0 else inner_w * (at - first).total_seconds() / span_x), 1)

    def y(v: float) -> float:
        v = min(max(v, t.lowest), t.highest)
        return round(TOP + inner_h * (1 - (v - t.lowest) / span_y), 1)

    ticks = [t.lowest + span_y * i / 4 for i in range(5)]
    band = None
    if t.mic is not None and pts[0].value is not None:
        hi, lo = y(pts[0].value + t.mic), y(pts[0].value - t.mic)
        band = {"x": LEFT, "y": hi, "w": inner_w, "h": round(lo - hi, 1)}
    return {
        "w": W, "h": H, "left": LEFT, "right": W - RIGHT, "top": TOP, "bottom": H - BOTTOM,
        "ticks": [{"y": y(v), "label": f"{v:g}"} for v in ticks],
        "points": [{"x": x(p.at), "y": y(p.value), "label": p.text} for p in pts if p.value is not None],
        "path": " ".join(f"{x(p.at)},{y(p.value)}" for p in pts if p.value is not None),
        "start": day_of(pts[0].at), "end": day_of(pts[-1].at), "band": band,
    }


def trend_context(request: Request, iid: str, ins: Instrument) -> list[dict[str, Any]]:
    """Each scale's saved results, its chart and the change from the first, for the template."""
    from numbwise.scores.trend import trends

    return [{"t": t, "chart": chart(t)} for t in trends(ins, _rows(request, iid))]


def _answers(ins: Instrument, form: FormData) -> dict[str, int | None]:
    """The radio answers, as item values (missing = skipped); the scores core checks them against the options."""
    out: dict[str, int | None] = {}
    known = {i.id for i in ins.items}
    for key in form.keys():
        if key == CSRF_FIELD or key == "hand" and ins.per_hand:
            continue
        if key not in known:
            raise FormProblem(f"'{key}' is not a question of {ins.short}.")
    for item in ins.items:
        raw = form.get(item.id)
        if raw is None or raw == "":
            out[item.id] = None
            continue
        if not isinstance(raw, str) or not raw.lstrip("-").isdigit():
            raise FormProblem(f"The answer to '{item.text}' is not one of its choices.")
        out[item.id] = int(raw)
    return out


def _katz_codes(ins: Instrument, form: FormData) -> list[str]:
    """The hand partial's picks (R1, LP, RB ...) as the codes the scores core reads (r1, lp, rb ...)."""
    for key in form.keys():
        if key not in (CSRF_FIELD, "pick"):
            raise FormProblem(f"'{key}' is not part of the hand diagram.")
    return [p.lower() for p in form.getlist("pick") if isinstance(p, str)]


def _hand(ins: Instrument, form: FormData) -> str | None:
    """The hand a per-hand questionnaire is about; the form must say, so results of each hand stay apart."""
    if not ins.per_hand:
        return None
    raw = form.get("hand")
    if raw not in ("left", "right"):
        raise FormProblem("Please choose the hand these answers are about (right or left).")
    return str(raw)


def _score(ins: Instrument, iid: str, form: FormData) -> ScoreResult:
    from numbwise.scores import ScoreInputError, parse_codes, require_score, score, score_katz

    try:
        if ins.diagram is not None:
            return score_katz(parse_codes(_katz_codes(ins, form), ins.diagram), ins)
        result = require_score(score(iid, _answers(ins, form), _hand(ins, form)))
    except ScoreInputError as exc:
        item = next((i for i in ins.items if i.id == exc.item), None)
        if item is not None:
            raise FormProblem(f"The answer to '{item.text}' is not one of its choices.") from None
        raise FormProblem(str(exc)[:1].upper() + str(exc)[1:] + ".") from None
    missing = [s for s in result.scales if s.value is None and s.band is None]
    if missing:
        raise FormProblem(" ".join(s.meaning for s in missing))
    return result


def _form_page(request: Request, iid: str, ins: Instrument, error: str | None = None, status: int = 200,
               given: dict[str, str] | None = None, picks: list[str] | None = None) -> Response:
    from numbwise.web.app import render

    notes = {n.before: n.text for n in ins.sections}
    # after a refused form, the questions left blank are marked and listed at the top, each a link to its question
    unanswered = [(n, item) for n, item in enumerate(ins.items, 1) if not (given or {}).get(item.id)] if error and given else []
    areas = [a for a in ins.diagram.areas if a.code != "p"] if ins.diagram else []
    return render(request, "score_form.html", {
        "title": ins.short if ins.short != ins.name else ins.name, "iid": iid, "ins": ins, "notes": notes,
        "error": error, "given": given or {}, "picks": set(picks or []), "sides": SIDES, "digits": DIGITS,
        "prefill": {}, "katz_areas": areas, "trends": trend_context(request, iid, ins), "unanswered": unanswered,
        "blank": {item.id for _, item in unanswered},
    }, status)


@router.get("/scores")
def scores_index(request: Request) -> Response:
    """Every instrument, who fills it in, and your latest result."""
    from numbwise.scores import instrument, instrument_ids
    from numbwise.scores.trend import trends
    from numbwise.web.app import render

    rows: list[dict[str, Any]] = []
    for iid in instrument_ids():
        ins = instrument(iid)
        latest = [(t.name, t.points[-1]) for t in trends(ins, _rows(request, iid))]
        rows.append({"id": iid, "ins": ins, "latest": latest})
    return render(request, "scores.html", {"title": "Scores", "rows": rows})


@router.get("/scores/{iid}")
def score_form(request: Request, iid: str) -> Response:
    """One questionnaire as a single form (or the hand diagram), with your results so far."""
    ins = _instrument(iid)
    if ins is None:
        return _not_found(request, iid)
    return _form_page(request, iid, ins)


@router.post("/scores/{iid}")
async def score_submit(request: Request, iid: str) -> Response:
    """Score the answers with the scores core and save them; a bad answer saves nothing."""
    from numbwise.web.app import render
    from numbwise.web.store import store_of

    ins = _instrument(iid)
    if ins is None:
        return _not_found(request, iid)
    form = await request.form()
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return render(request, "problem.html", {
            "title": "Something went wrong", "back": (f"/scores/{iid}", "Back to the form"),
            "message": "This form has expired or came from another site. Nothing was saved. Please fill it in again."},
            403)
    try:
        result = _score(ins, iid, form)
    except FormProblem as exc:
        given = {k: str(v) for k, v in form.items() if k != CSRF_FIELD and isinstance(v, str)}
        picks = [p for p in form.getlist("pick") if isinstance(p, str)]
        return _form_page(request, iid, ins, f"{exc} Nothing was saved.", 422, given, picks)
    record = store_of(request.app).add_score(request.app.state.settings.clock(), iid, result.answers, result.values())
    return RedirectResponse(f"/scores/{iid}/{record.id}", 303)


@router.get("/scores/{iid}/{sid}")
def score_result(request: Request, iid: str, sid: int) -> Response:
    """One saved result: each scale's value, band and meaning, and the trend."""
    from numbwise.diary.entries import ScoreRecord
    from numbwise.diary.store import NotFound
    from numbwise.scores import parse_codes, score, score_katz
    from numbwise.web.app import render
    from numbwise.web.store import store_of

    ins = _instrument(iid)
    try:
        rec = store_of(request.app).get("score", sid)
    except NotFound:
        rec = None
    if ins is None or not isinstance(rec, ScoreRecord) or rec.instrument != iid:
        from starlette.exceptions import HTTPException

        raise HTTPException(404)
    if ins.diagram is not None:
        result = score_katz(parse_codes(list(rec.answers), ins.diagram), ins)
    else:
        hand = rec.values.get("hand")
        result = score(iid, rec.answers, hand if isinstance(hand, str) else None)
    mic = {s.id: s.minimal_change for s in ins.scales}
    return render(request, "score_result.html", {
        "title": f"Your {ins.short} result", "iid": iid, "ins": ins, "r": result, "rec": rec, "mic": mic,
        "readings": {s.id: s.reading for s in ins.scales}, "trends": trend_context(request, iid, ins),
    })
