"""The diary and scores in the JSON API: strict request models (booleans are not numbers, bounds hold), 422 naming
the field, 404 for a missing entry, and every write one transaction in the store.

    GET    /api/entries                 every kind, oldest first (kind, since, until)
    GET    /api/entries/{ref}           one entry by its short id (S12, T3, C1, Q2, A5)
    DELETE /api/entries/{ref}           delete it
    POST   /api/symptoms                add numbness (the hand follows from the fingers)
    PATCH  /api/symptoms/{id}           change some of its fields
    POST   /api/treatments              add a treatment
    PATCH  /api/treatments/{id}         change some of its fields
    POST   /api/scores/{instrument}     score a questionnaire and keep it
    GET    /api/scores                  kept scores (instrument, since, until)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from numbwise.diary.entries import Hand, TreatmentKind, time_problem
from numbwise.web.api import Problem

router = APIRouter(prefix="/api", tags=["diary"])
MAX_ID = 2**63 - 1
REF = r"^[STCQAstcqa][0-9]{1,18}$"


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("the time needs a time zone, for example 2026-03-01T08:00:00+00:00")
    return value


# ISO 8601 text is read as a time (lax for this one field); the rest of each model is strict.
Time = Annotated[dt.datetime, Field(strict=False), AfterValidator(_aware)]
Finger = Annotated[str, Field(pattern=r"^[LRlr][0-5]$")]


class _Body(BaseModel):
    """Strict JSON bodies: unknown fields are refused, true is not 1."""

    model_config = ConfigDict(strict=True, extra="forbid")


class SymptomBody(_Body):
    """Numbness or tingling now (or at `at`). Fingers: R or L then 1 = thumb .. 5 = little, 0 = whole hand."""

    at: Time | None = Field(default=None, description="When; default now. Needs a time zone.")
    severity: int = Field(ge=0, le=10, description="0 none, 10 worst")
    hand: Hand | None = Field(default=None, description="Worked out from the fingers when left out")
    fingers: list[Finger] = Field(default_factory=list, max_length=12)
    minutes: int | None = Field(default=None, ge=0, le=60 * 24 * 7)
    trigger: str | None = Field(default=None, max_length=200)
    woke: bool = False
    notes: str = Field(default="", max_length=5000)


class SymptomPatch(_Body):
    """Some fields of a symptom entry; the ones left out stay as they are."""

    at: Time | None = None
    severity: int | None = Field(default=None, ge=0, le=10)
    hand: Hand | None = None
    fingers: list[Finger] | None = Field(default=None, max_length=12)
    minutes: int | None = Field(default=None, ge=0, le=60 * 24 * 7)
    trigger: str | None = Field(default=None, max_length=200)
    woke: bool | None = None
    notes: str | None = Field(default=None, max_length=5000)


class TreatmentBody(_Body):
    """Something done to help."""

    at: Time | None = Field(default=None, description="When; default now. Needs a time zone.")
    kind: TreatmentKind
    detail: str = Field(default="", max_length=500)
    notes: str = Field(default="", max_length=5000)


class TreatmentPatch(_Body):
    """Some fields of a treatment entry."""

    at: Time | None = None
    kind: TreatmentKind | None = None
    detail: str | None = Field(default=None, max_length=500)
    notes: str | None = Field(default=None, max_length=5000)


class ScoreBody(_Body):
    """Answers by item id (null = skipped) for a questionnaire, or marks like ["r1", "rp"] for the hand diagram (katz)."""

    at: Time | None = None
    answers: dict[Annotated[str, Field(max_length=50)], int | None] | None = Field(default=None, max_length=200)
    marks: list[Annotated[str, Field(max_length=10)]] | None = Field(default=None, max_length=40)
    hand: Literal["left", "right"] | None = None  # per-hand questionnaires (bctq): the hand the answers are about


class EntryOut(BaseModel):
    """One diary entry: its short id (S12), its type and its fields (as `numbwise history --json` prints them)."""

    model_config = ConfigDict(extra="allow")

    ref: str
    type: Literal["symptom", "treatment", "check", "score", "activity"]
    id: int
    uid: str
    at: dt.datetime


ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "The request is not valid; `loc` names the field. Nothing was saved."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem, "description": "No entry has that id."}}


def _problem(loc: list[str | int], msg: str, status: int = 422) -> JSONResponse:
    return JSONResponse({"detail": [{"loc": loc, "msg": msg, "type": "value_error"}]}, status_code=status)


def _store(request: Request) -> Any:
    from numbwise.web.store import store_of

    return store_of(request.app)


def _now(request: Request) -> dt.datetime:
    now: dt.datetime = request.app.state.settings.clock()
    return now


def _json(entry: Any) -> dict[str, Any]:
    from numbwise.diary.fields import entry_json

    return entry_json(entry)


def _symptom(fields: dict[str, Any], now: dt.datetime) -> Any:
    from numbwise.diary.fields import symptom_from

    return symptom_from(fields, now=now)


def _entry_problem(exc: Exception) -> JSONResponse:
    field = getattr(exc, "field", None)
    return _problem(["body", *(field.split(".") if field else [])], str(exc).removeprefix("not saved: "))


@router.get("/entries", summary="List diary entries", response_model=list[EntryOut], responses=ERRORS)
def list_entries(
    request: Request,
    kind: Annotated[list[Literal["symptom", "treatment", "check", "score", "activity"]] | None,
                    Query(description="Only these kinds (repeat for more)")] = None,
    since: Annotated[dt.datetime | None, Query(description="From this time on (with a time zone)")] = None,
    until: Annotated[dt.datetime | None, Query(description="Up to this time (with a time zone)")] = None,
) -> Response:
    """Every entry, oldest first, like `numbwise history --json`."""
    for name, value in (("since", since), ("until", until)):
        problem = None if value is None else time_problem(value)
        if problem is not None:
            return _problem(["query", name], problem)
    entries = _store(request).entries(list(kind) if kind else None, since, until)
    return JSONResponse([_json(e) for e in entries])


def _find(request: Request, ref: str) -> Any:
    from numbwise.diary.fields import parse_ref
    from numbwise.diary.store import NotFound

    kind, entry_id = parse_ref(ref)
    if entry_id > MAX_ID:
        return None
    try:
        return _store(request).get(kind, entry_id)
    except NotFound:
        return None


@router.get("/entries/{ref}", summary="One diary entry", response_model=EntryOut, responses=ERRORS | NOT_FOUND)
def get_entry(request: Request, ref: Annotated[str, Path(pattern=REF, description="Like S12 or T3")]) -> Response:
    """One entry by its short id: S symptom, T treatment, C check, Q score, A activity."""
    entry = _find(request, ref)
    if entry is None:
        return _problem(["path", "ref"], f"there is no entry {ref}", 404)
    return JSONResponse(_json(entry))


@router.delete("/entries/{ref}", summary="Delete a diary entry", status_code=204, response_class=Response,
               responses=ERRORS | NOT_FOUND)
def delete_entry(request: Request, ref: Annotated[str, Path(pattern=REF, description="Like S12 or T3")]) -> Response:
    """Delete one entry (one transaction); 404 when it is not there."""
    from numbwise.diary.fields import parse_ref
    from numbwise.diary.store import NotFound

    kind, entry_id = parse_ref(ref)
    try:
        if entry_id > MAX_ID:
            raise NotFound(ref)
        _store(request).delete(kind, entry_id)
    except NotFound:
        return _problem(["path", "ref"], f"there is no entry {ref}", 404)
    return Response(status_code=204)


@router.post("/symptoms", summary="Add numbness or tingling", status_code=201, response_model=EntryOut, responses=ERRORS)
def add_symptom(request: Request, body: SymptomBody) -> Response:
    """Save one symptom entry; the hand follows from the fingers when it is left out."""
    from numbwise.diary.fields import EntryProblem

    fields = body.model_dump()
    now = _now(request)
    fields["at"] = fields["at"] or now
    try:
        entry = _symptom(fields, now)
    except EntryProblem as exc:
        return _entry_problem(exc)
    return JSONResponse(_json(_store(request).add_symptom(entry)), status_code=201)


@router.patch("/symptoms/{entry_id}", summary="Change a symptom entry", response_model=EntryOut,
              responses=ERRORS | NOT_FOUND)
def patch_symptom(request: Request, entry_id: Annotated[int, Path(ge=1, le=MAX_ID)], body: SymptomPatch) -> Response:
    """Change the fields given; the others stay. Changing the fingers works out the hand again unless it is given."""
    given = body.model_dump(exclude_unset=True)

    def merged(old: dict[str, Any]) -> dict[str, Any]:
        if given.get("fingers") and "hand" not in given:
            old["hand"] = None  # worked out again from the new fingers; clearing them keeps the hand
        return old | given

    return _patch(request, "symptom", entry_id, given, ("at", "severity", "woke", "notes", "fingers"), merged)


@router.post("/treatments", summary="Add a treatment", status_code=201, response_model=EntryOut, responses=ERRORS)
def add_treatment(request: Request, body: TreatmentBody) -> Response:
    """Save one treatment entry."""
    from numbwise.diary.fields import EntryProblem, treatment_from

    fields = body.model_dump()
    now = _now(request)
    fields["at"] = fields["at"] or now
    try:
        entry = treatment_from(fields, now=now)
    except EntryProblem as exc:
        return _entry_problem(exc)
    return JSONResponse(_json(_store(request).add_treatment(entry)), status_code=201)


@router.patch("/treatments/{entry_id}", summary="Change a treatment entry", response_model=EntryOut,
              responses=ERRORS | NOT_FOUND)
def patch_treatment(request: Request, entry_id: Annotated[int, Path(ge=1, le=MAX_ID)], body: TreatmentPatch) -> Response:
    """Change the fields given; the others stay."""
    given = body.model_dump(exclude_unset=True)
    return _patch(request, "treatment", entry_id, given, tuple(given), lambda old: old | given)


def _patch(request: Request, kind: str, entry_id: int, given: dict[str, Any], not_null: tuple[str, ...],
           merge: Callable[[dict[str, Any]], dict[str, Any]]) -> Response:
    """The one way an entry is changed: 404 when missing, no nulls where a value is needed, then checked and saved."""
    from numbwise.diary.fields import EntryProblem, symptom_from, treatment_from
    from numbwise.diary.store import NotFound

    store = _store(request)
    missing = f"there is no {kind} entry {entry_id}"
    try:
        old = store.get(kind, entry_id)
    except NotFound:
        return _problem(["path", "entry_id"], missing, 404)
    null = next((k for k in not_null if k in given and given[k] is None), None)
    if null is not None:
        return _problem(["body", null], "cannot be null")
    fields = merge(old.model_dump(exclude={"id", "uid"}))
    try:
        if kind == "symptom":
            return JSONResponse(_json(store.update_symptom(entry_id, symptom_from(fields, now=_now(request)))))
        return JSONResponse(_json(store.update_treatment(entry_id, treatment_from(fields, now=_now(request)))))
    except EntryProblem as exc:
        return _entry_problem(exc)
    except NotFound:
        return _problem(["path", "entry_id"], missing, 404)


def _instrument_ids() -> list[str]:
    from numbwise.scores import instrument_ids

    return instrument_ids()


@router.post("/scores/{instrument}", summary="Score a questionnaire and keep it", status_code=201,
             responses=ERRORS | {404: {"model": Problem, "description": "No such instrument."}})
def add_score(request: Request, body: ScoreBody,
              instrument: Annotated[str, Path(max_length=40, description="bctq, katz, cts6, mnsi ...")]) -> Response:
    """Score it like `numbwise score INSTRUMENT --json` and keep it in the diary (one transaction)."""
    from numbwise.diary.fields import entry_ref
    from numbwise.scores import (ScoreInputError, instrument as get_instrument, parse_codes, require_score, resolve,
                                 score, score_katz)

    try:
        key = resolve(instrument)
    except ScoreInputError as exc:
        return _problem(["path", "instrument"], str(exc), 404)
    ins = get_instrument(key)
    try:
        if ins.diagram is not None:
            if body.answers is not None:
                raise ScoreInputError("the hand diagram takes marks, like [\"r1\", \"rp\"], not answers", "answers")
            if body.marks is None:
                raise ScoreInputError("give the marked fingers and areas, like [\"r1\", \"r2\", \"rp\"]", "marks")
            try:
                result = score_katz(parse_codes(body.marks, ins.diagram), ins)
            except ScoreInputError as exc:
                raise ScoreInputError(str(exc), "marks") from None
        else:
            if body.marks is not None:
                raise ScoreInputError(f"{ins.short} takes answers by item id, not marks", "marks")
            if body.answers is None:
                raise ScoreInputError(f"give the answers by item id, like {{\"{ins.items[0].id}\": 1}}", "answers")
            try:
                result = require_score(score(key, body.answers, body.hand))
            except ScoreInputError as exc:
                raise ScoreInputError(str(exc), exc.item or ("hand" if body.hand else "answers")) from None
    except ScoreInputError as exc:
        where: list[str | int] = ["body"]
        if exc.item in ("answers", "marks", "hand"):
            where.append(exc.item)
        elif exc.item is not None:
            where += ["answers", exc.item]
        return _problem(where, str(exc))
    record = _store(request).add_score(body.at or _now(request), result.instrument, dict(result.answers), result.values())
    out = result.to_dict() | {"ref": entry_ref(record), "saved": record.id}
    return JSONResponse(out, status_code=201)


@router.get("/scores", summary="Kept scores", response_model=list[EntryOut], responses=ERRORS)
def list_scores(
    request: Request,
    instrument: Annotated[str | None, Query(max_length=40)] = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> Response:
    """Kept questionnaire scores, oldest first."""
    from numbwise.scores import ScoreInputError, resolve

    for name, value in (("since", since), ("until", until)):
        problem = None if value is None else time_problem(value)
        if problem is not None:
            return _problem(["query", name], problem)
    try:
        key = resolve(instrument) if instrument else None
    except ScoreInputError as exc:
        return _problem(["query", "instrument"], str(exc))
    return JSONResponse([_json(r) for r in _store(request).scores(key, since, until)])

