"""The JSON API under /api: the same contract as `numbwise assess` (validation is the core's parse_case)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel
from starlette.responses import Response

from numbwise.kb import load

router = APIRouter(prefix="/api", tags=["api"])


class CauseOut(BaseModel):
    """One ranked cause."""

    id: str
    probability: float


class AssessOut(BaseModel):
    """The result of one case, as `numbwise assess --format json` prints it."""

    id: str | None = None
    triage: Literal["emergency", "urgent", "routine", "self_care"]
    causes: list[CauseOut]
    red_flags: list[str]
    reasons: list[str]


class ProblemItem(BaseModel):
    """Where the body is wrong (`loc` names the field) and what is wrong with it."""

    loc: list[str]
    msg: str
    type: str


class Problem(BaseModel):
    """A rejected request: nothing was done."""

    detail: list[ProblemItem]


class TokenOut(BaseModel):
    """The value for the X-CSRF-Token header."""

    csrf: str


@router.get("/token", summary="A token for the X-CSRF-Token header", response_model=TokenOut)
def token(request: Request) -> TokenOut:
    """State-changing diary calls (POST, PATCH, DELETE) need this in the X-CSRF-Token header; only this site can read it."""
    import secrets

    from numbwise.web.security import csrf_token

    return TokenOut(csrf=csrf_token(request.app.state.settings.secret_key, secrets.token_urlsafe(16)))


def case_schema() -> dict[str, Any]:
    """The case JSON schema (docs/cases.md), with the known finding IDs spelled out."""
    findings = sorted(load().vocabulary.findings)
    return {
        "type": "object",
        "required": ["findings"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": ["string", "null"]},
            "age": {"type": ["integer", "null"], "minimum": 0, "maximum": 120},
            "sex": {"enum": ["female", "male", None]},
            "findings": {
                "type": "object",
                "propertyNames": {"enum": findings},
                "additionalProperties": {"type": "boolean"},
                "description": "Finding ID -> true (yes) or false (no); leave a finding out when it is not known.",
            },
            "narrative": {"description": "Ignored: documents the case."},
            "expect": {"description": "Ignored: documents the case."},
            "rationale": {"description": "Ignored: documents the case."},
            "source": {"description": "Ignored: documents the case."},
        },
        "example": {"age": 52, "sex": "female", "findings": {"numb_thumb": True, "numb_index": True, "worse_at_night": True}},
    }


def problem(loc: list[str], msg: str, status: int = 422) -> Response:
    """A 422 naming the field, shaped like FastAPI's own validation errors."""
    body = {"detail": [{"loc": loc, "msg": msg, "type": "value_error"}]}
    return Response(json.dumps(body), status_code=status, media_type="application/json")


@router.post(
    "/assess",
    summary="Assess one case",
    response_model=None,
    responses={200: {"model": AssessOut, "description": "Urgency level, ranked causes, red flags and reasons."},
               422: {"model": Problem, "description": "The body is not a valid case; `loc` names the field."}},
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": case_schema()}}}},
)
async def assess_endpoint(request: Request) -> Response:
    """Assess one case (age, sex, findings): the same JSON as `numbwise assess --case FILE`. Not a diagnosis."""
    return assess_body(await request.body())


def assess_body(raw: bytes) -> Response:
    """Validate a request body with the core's parse_case and assess it; 422 names the field."""
    from numbwise.assess.case import CaseError, decode_json, parse_case
    from numbwise.assess.engine import assess_case

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return problem(["body"], "is not UTF-8 text")
    try:
        case = parse_case(decode_json(text, "body"), "body")
    except CaseError as exc:
        return problem(["body", *exc.key.split(".", 1)] if exc.key and exc.key != "(top)" else ["body"], exc.message)
    return Response(json.dumps(assess_case(case).to_dict()), media_type="application/json")


def result_schema() -> dict[str, Any]:
    """The /api/result body: a case, plus the findings the person answered 'not sure'."""
    schema = case_schema()
    schema["properties"] = dict(schema["properties"]) | {
        "unsure": {"type": "array", "items": {"enum": sorted(load().vocabulary.findings)}, "uniqueItems": True,
                   "description": "Findings the person answered 'not sure' (not the same as left out)."},
        "days_so_far": {"type": ["number", "null"], "minimum": 0, "maximum": 36500,
                        "description": "How long the person's own words said the numbness has been there, in days."},
        "foot_sore": {"enum": [True, False, None, "unsure"],
                      "description": "A sore, cut, blister or wound on the foot now (not a finding: with diabetes the "
                                     "result leads with a foot check today); \"unsure\": the question answered "
                                     "'not sure' (the result asks the person to look today)."},
        "taken_back": {"type": "string", "maxLength": 2000,
                       "description": "As a check saves it: the line its result said for an early call-now screen "
                                      "that later answers took back (shown again as it was)."},
        "listed_none": {"type": "array", "items": {"enum": sorted(load().vocabulary.findings)}, "uniqueItems": True,
                        "description": "As a check saves it: list items answered 'none of these'."},
        "marks": {"type": "array", "items": {"type": "string", "pattern": "^[lrLR][0-5a-zA-Z]$"},
                  "description": "As a check saves it: the spots marked on the finger picker (r1, l0, rp)."}}
    return schema


@router.post(
    "/result",
    summary="The result plan for one case",
    response_model=None,
    responses={200: {"description": "The result plan every face shows: level, action, what was unsure, causes with "
                                    "chances in words, the leading cause's own home steps, warnings, next steps.",
                     "content": {"application/json": {"schema": {"type": "object"}}}},
               422: {"model": Problem, "description": "The body is not a valid case; `loc` names the field."}},
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": result_schema()}}}},
)
async def result_endpoint(request: Request) -> Response:
    """The result plan for one case, exactly as `numbwise assess --format plan` prints it. Not a diagnosis."""
    from numbwise.assess.case import FOOT_UNSURE, TOLD_KEYS, CaseError, decode_json, parse_case, parse_told
    from numbwise.assess.engine import assess_case, home_care_unless_unsure
    from numbwise.assess.result import result_plan

    try:
        data = decode_json((await request.body()).decode("utf-8"), "body")
    except UnicodeDecodeError:
        return problem(["body"], "is not UTF-8 text")
    except CaseError as exc:
        return problem(["body"], exc.message)
    try:  # a saved check's taken-back line and the like (as `check` saves them): the result it showed
        told = parse_told(data, "body")
    except CaseError as exc:
        return problem(["body", exc.key or ""], exc.message)
    data = {k: v for k, v in data.items() if k not in TOLD_KEYS} if isinstance(data, dict) else data
    unsure: Any = data.pop("unsure", []) if isinstance(data, dict) else []
    known = load().vocabulary.findings
    if not isinstance(unsure, list) or not all(isinstance(f, str) and f in known for f in unsure) or len(set(unsure)) != len(unsure):
        return problem(["body", "unsure"], "must be a list of distinct finding IDs")
    days: Any = data.pop("days_so_far", None) if isinstance(data, dict) else None  # as a check saves it
    if days is not None and (type(days) not in (int, float) or not 0 <= days <= 36500):
        return problem(["body", "days_so_far"], "must be a number of days from 0 to 36500, or null")
    foot: Any = data.pop("foot_sore", None) if isinstance(data, dict) else None  # as a check saves it
    if foot is not None and type(foot) is not bool and foot != FOOT_UNSURE:
        return problem(["body", "foot_sore"], 'must be true, false, null or "unsure"')
    try:
        case = parse_case(data, "body")
    except CaseError as exc:
        return problem(["body", *exc.key.split(".", 1)] if exc.key and exc.key != "(top)" else ["body"], exc.message)
    if days is not None:
        case = replace(case, days_so_far=float(days))
    if foot is not None:
        case = replace(case, foot_unsure=True) if foot == FOOT_UNSURE else replace(case, foot_sore=foot)
    result = home_care_unless_unsure(assess_case(case), frozenset(unsure))  # as the check itself decides
    plan = result_plan(result, frozenset(unsure), told.marks, told.taken_back, told.listed_none)
    return Response(json.dumps(plan.to_dict()), media_type="application/json")


async def _fast_assess(request: Request) -> Response:
    return assess_body(await request.body())


def fast_route() -> Any:
    """The same endpoint as a plain Starlette route, placed first so requests skip FastAPI's dependency
    machinery (the FastAPI declaration above stays for the OpenAPI schema and behaves the same)."""
    from starlette.routing import Route

    return Route("/api/assess", _fast_assess, methods=["POST"], include_in_schema=False)


PARSE_BODY_LIMIT = 16_384  # bytes: a description is a few sentences (MAX_CHARS characters at most)


class ParseIn(BaseModel):
    """A description in the person's own words."""

    text: str


class SpanOut(BaseModel):
    """Where in the text a finding (or age, sex) was read, and what the words made of it."""

    start: int
    end: int
    text: str
    finding: str | None = None
    field: Literal["age", "sex"] | None = None
    value: bool | int | str | None
    status: Literal["said", "denied", "inferred", "hypothetical", "unsure", "past", "someone_else", "conflict", "partial"]
    confidence: float


class ParseOut(BaseModel):
    """The partial case the words give, with the words behind each part."""

    age: int | None
    sex: Literal["female", "male"] | None
    findings: dict[str, bool]
    unsure: list[str] = []  # said with a hedge ("maybe", "not sure if"): a check carries them as "not sure"
    partial: list[str] = []  # said only in part ("I'm tired" of tired and pale): a check asks them
    foot_sore: bool | None = None  # a sore said of the foot (not a finding); left out when not said
    spans: list[SpanOut]
    emergency: list[str]
    assessment: AssessOut


@router.post(
    "/parse",
    summary="Read a description in the person's own words",
    response_model=None,
    responses={200: {"model": ParseOut, "description": "Age, sex, findings and the spans they came from; `emergency` "
                                                       "lists the warning signs the words raise; `assessment` "
                                                       "is `numbwise assess --text` (never self-care from words alone)."},
               413: {"model": Problem, "description": "The body is too large."},
               422: {"model": Problem, "description": "The body is not {\"text\": \"...\"}; `loc` names the field."}},
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "required": ["text"], "additionalProperties": False,
        "properties": {"text": {"type": "string", "minLength": 1, "maxLength": 4000}},
        "example": {"text": "my pinky and ring finger go dead when I'm on the phone"}}}}}},
)
async def parse_endpoint(request: Request) -> Response:
    """The same reading as `numbwise parse --text`: a partial case, never a diagnosis."""
    return parse_body(await request.body())


def parse_body(raw: bytes) -> Response:
    """Validate {"text": "..."} and parse it; 413 past the size limit, 422 naming the field otherwise."""
    from numbwise.parse import MAX_CHARS, assessed, emergency, parse

    if len(raw) > PARSE_BODY_LIMIT:
        return problem(["body"], f"is too large (at most {PARSE_BODY_LIMIT} bytes)", 413)
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return problem(["body"], f"is not valid JSON: {str(exc)[:200]}")
    except RecursionError:  # 16 KB of "[" is within the size limit (bench/api_fuzz.py found it)
        return problem(["body"], "is nested too deeply")
    if not isinstance(data, dict):
        return problem(["body"], "must be an object like {\"text\": \"...\"}")
    extra = sorted(set(data) - {"text"})
    if extra:
        return problem(["body", extra[0]], "unknown key")
    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        return problem(["body", "text"], "must be a non-empty string")
    if len(text) > MAX_CHARS:
        return problem(["body", "text"], f"must be at most {MAX_CHARS} characters")
    parsed = parse(text)
    out = parsed.to_dict() | {"emergency": [c.finding for c in emergency(parsed)], "assessment": assessed(parsed).to_dict()}
    return Response(json.dumps(out), media_type="application/json")
