"""Diary files: JSON (export and import), CSV for spreadsheets, and FHIR R4 for health records.

Pure functions from a Batch to text and back; no SQL, no click. The FHIR output is checked with
fhir.resources (R4B models, which hold R4 resources) and our own status codes, which that library
does not enforce.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any, Final, Literal

from pydantic import ValidationError

from numbwise.diary.entries import Batch, ScoreData, SymptomData
from numbwise.diary.store import ImportRefused

Format = Literal["json", "csv", "fhir"]
FORMATS: tuple[Format, ...] = ("json", "csv", "fhir")

# Local code systems: numbness severity has no standard code (LOINC 72514-3 is pain, not numbness).
CODE_SYSTEM: Final = "urn:numbwise:fhir:diary"
UID_SYSTEM: Final = "urn:numbwise:fhir:uid"
QUESTIONNAIRE: Final = "urn:numbwise:fhir:questionnaire:"
UCUM: Final = "http://unitsofmeasure.org"
OBSERVATION_STATUS: Final = "final"  # a required binding in R4 (registered|preliminary|final|amended|...)
RESPONSE_STATUS: Final = "completed"  # a required binding in R4 (in-progress|completed|amended|...)
BUNDLE_TYPE: Final = "collection"
CSV_COLUMNS = (
    "kind", "uid", "at", "severity", "hand", "fingers", "minutes", "trigger", "woke", "treatment",
    "detail", "notes", "instrument", "name", "outcome", "seconds", "data",
)
MAX_PROBLEMS = 20


def to_json(batch: Batch) -> str:
    """The JSON export: stable key order, so the same diary always gives the same bytes."""
    return json.dumps(batch.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def read_json(text: str, source: str = "the file", now: datetime | None = None) -> Batch:
    """Parse and check a whole JSON export; raise ImportRefused naming every problem (nothing is written).

    Beyond the shapes, the content is checked against the knowledge base (`content_problems`): a file cannot bring
    made-up warning signs, causes, levels, instruments or routines into the diary and the doctor's report.
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRefused(f"{source} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ImportRefused(f"{source} is nested too deeply to be a numbwise diary export") from None
    if not isinstance(raw, dict) or raw.get("format") != "numbwise-diary":
        raise ImportRefused(f"{source} is not a numbwise diary export (it needs \"format\": \"numbwise-diary\")")
    if raw.get("version") != 1:
        raise ImportRefused(f"{source} is version {raw.get('version')!r} of the diary format; this numbwise reads version 1")
    try:
        batch = Batch.model_validate_json(text)
    except ValidationError as exc:
        from numbwise.diary.fields import explain_error

        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "the file"
            problems.append(f"{where}: {explain_error(err)}")
        _refuse(source, problems)
    _refuse(source, content_problems(batch, now or datetime.now(timezone.utc)))
    return batch


def _refuse(source: str, problems: list[str]) -> None:
    """Raise ImportRefused listing the problems (the first MAX_PROBLEMS, and how many more), if there are any."""
    if not problems:
        return
    shown = problems[:MAX_PROBLEMS]
    if len(problems) > MAX_PROBLEMS:
        shown.append(f"... and {len(problems) - MAX_PROBLEMS} more")
    raise ImportRefused(f"{source} has {len(problems)} problem{'s' if len(problems) != 1 else ''}; nothing was imported",
                        shown) from None


FUTURE_SLACK = timedelta(minutes=5)  # clock skew allowed, as for entries typed in


def content_problems(batch: Batch, now: datetime) -> list[str]:
    """What in a well-formed batch the knowledge base does not know, or that lies in the future; [] when all is known."""
    from numbwise.kb import load

    kb = load()
    findings = set(kb.vocabulary.findings)
    causes = set(kb.causes)
    levels: set[str] = set(kb.triage.levels)
    warning_signs = findings | {rule.id for rule in kb.triage.rules}
    routines = set(kb.exercises.routines) | set(kb.exercises.exercises)
    problems: list[str] = []
    for part in ("symptoms", "treatments", "checks", "scores", "activities"):
        for i, entry in enumerate(getattr(batch, part)):
            if entry.at > now + FUTURE_SLACK:
                problems.append(f"{part}.{i}.at: {entry.at.isoformat()} is in the future")
    for i, check in enumerate(batch.checks):
        problems += [f"checks.{i}.{p}" for p in _check_problems(check.case, check.result, findings, causes, levels,
                                                                 warning_signs)]
    for i, score in enumerate(batch.scores):
        problems += [f"scores.{i}.{p}" for p in _score_problems(score)]
    for i, act in enumerate(batch.activities):
        if act.name not in routines:
            problems.append(f"activities.{i}.name: '{_short(act.name)}' is not a routine or exercise numbwise knows")
    return problems


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "..."


def _check_problems(case: dict[str, Any], result: dict[str, Any], findings: set[str], causes: set[str],
                    levels: set[str], warning_signs: set[str]) -> list[str]:
    problems: list[str] = []
    answered = case.get("findings", {})
    if not isinstance(answered, dict):
        problems.append("case.findings: is not an object of finding: true/false")
    else:
        problems += [f"case.findings.{_short(k)}: is not a finding numbwise knows" for k in answered if k not in findings]
        problems += [f"case.findings.{_short(k)}: must be true or false" for k, v in answered.items()
                     if k in findings and not isinstance(v, bool)]
    unsure = case.get("unsure", [])  # findings answered 'not sure' (checks saved before they were kept have none)
    if not isinstance(unsure, list):
        problems.append("case.unsure: is not a list of findings")
    else:
        problems += [f"case.unsure.{j}: '{_short(f)}' is not a finding numbwise knows"
                     for j, f in enumerate(unsure) if f not in findings]
    from numbwise.assess.case import CaseError, parse_told

    try:  # what the interview told its result (the taken-back line ...), as a check saves it
        parse_told(case, "case")
    except CaseError as exc:
        problems.append(f"case.{exc.key}: {exc.message}")
    if result.get("triage") not in levels:
        problems.append(f"result.triage: '{_short(result.get('triage'))}' is not a level ({', '.join(sorted(levels))})")
    ranked = result.get("causes", [])
    if not isinstance(ranked, list):
        problems.append("result.causes: is not a list")
    else:
        for j, cause in enumerate(ranked):
            cid = cause.get("id") if isinstance(cause, dict) else None
            p = cause.get("probability") if isinstance(cause, dict) else None
            if cid not in causes:
                problems.append(f"result.causes.{j}.id: '{_short(cid)}' is not a cause numbwise knows")
            if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 <= p <= 1:
                problems.append(f"result.causes.{j}.probability: must be a number from 0 to 1")
    flags = result.get("red_flags", [])
    if not isinstance(flags, list):
        problems.append("result.red_flags: is not a list")
    else:
        problems += [f"result.red_flags.{j}: '{_short(f)}' is not a warning sign numbwise knows"
                     for j, f in enumerate(flags) if f not in warning_signs]
    return problems


def _score_problems(score: ScoreData) -> list[str]:
    """An unknown instrument or item, or kept values that differ from what the answers score (made-up results)."""
    from numbwise.scores import ScoreInputError
    from numbwise.scores import score as rescore
    from numbwise.scores.core import instrument, resolve

    try:
        key = resolve(score.instrument)
        ins = instrument(key)
    except ScoreInputError:
        return [f"instrument: '{_short(score.instrument)}' is not a questionnaire numbwise knows"]
    if ins.diagram is not None:
        return []  # the hand diagram keeps marks, not item answers: its class comes from the report's own drawing
    hand = score.values.get("hand")
    try:
        result = rescore(key, score.answers, hand=hand if isinstance(hand, str) else None)
    except ScoreInputError as exc:
        return [f"answers: {exc}"]
    expected = result.values()
    wrong = [k for k in set(expected) | set(score.values)
             if not _same(expected.get(k), score.values.get(k))]
    return [f"values.{_short(k)}: does not match the answers (the answers score {expected.get(k)!r})" for k in sorted(wrong)]


def _same(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool):
        return abs(float(a) - float(b)) < 1e-6
    return a == b


def to_csv(batch: Batch) -> str:
    """One row per entry, oldest first; checks and scores keep their details as JSON in the data column."""
    rows: list[dict[str, Any]] = []
    for s in batch.symptoms:
        rows.append({"kind": "symptom", "uid": s.uid, "at": s.at, "severity": s.severity, "hand": s.hand or "",
                     "fingers": " ".join(s.fingers), "minutes": "" if s.minutes is None else s.minutes,
                     "trigger": s.trigger or "", "woke": "yes" if s.woke else "no", "notes": s.notes})
    for t in batch.treatments:
        rows.append({"kind": "treatment", "uid": t.uid, "at": t.at, "treatment": t.kind, "detail": t.detail, "notes": t.notes})
    for c in batch.checks:
        rows.append({"kind": "check", "uid": c.uid, "at": c.at, "data": _compact({"case": c.case, "result": c.result})})
    for q in batch.scores:
        rows.append({"kind": "score", "uid": q.uid, "at": q.at, "instrument": q.instrument,
                     "data": _compact({"answers": q.answers, "values": q.values})})
    for a in batch.activities:
        rows.append({"kind": "activity", "uid": a.uid, "at": a.at, "treatment": a.kind, "name": a.name,
                     "outcome": a.outcome, "seconds": a.seconds})
    rows.sort(key=lambda r: (r["at"], CSV_COLUMNS.index("kind"), r["kind"], r["uid"]))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()} | {"at": _iso(row["at"])})
    return out.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: one starting like a formula gets a leading ' (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_fhir(batch: Batch, now: datetime) -> str:
    """A FHIR R4 Bundle (collection) without a patient: Observations for symptoms, QuestionnaireResponses for scores."""
    entries = [_observation(s) for s in batch.symptoms] + [_response(q) for q in batch.scores]
    doc: dict[str, Any] = {"resourceType": "Bundle", "type": BUNDLE_TYPE, "timestamp": _iso(now)}
    if entries:  # FHIR JSON has no empty arrays
        doc["entry"] = entries
    validate_fhir(doc)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


LEFT_OUT_OF_FHIR = {"treatments": "treatments", "checks": "checks", "activities": "exercise records"}


def fhir_coverage(batch: Batch) -> tuple[int, list[str]]:
    """How many entries the FHIR export holds, and the kinds it leaves out that this diary has (in plain words)."""
    held = len(batch.symptoms) + len(batch.scores)
    return held, [words for part, words in LEFT_OUT_OF_FHIR.items() if getattr(batch, part)]


def export_summary(batch: Batch, fmt: Format, target: str | None = None) -> str:
    """What an export wrote, said plainly: FHIR names the kinds it leaves out rather than counting them as written."""
    total = batch.count()
    to = f" to {target}" if target else ""
    if fmt != "fhir":
        return f"Wrote {total} entr{'y' if total == 1 else 'ies'}{to} ({fmt})."
    held, left = fhir_coverage(batch)
    if not left:
        return f"Wrote {held} entr{'y' if held == 1 else 'ies'} as FHIR{to}."
    names = ", ".join(left[:-1]) + (" and " if len(left) > 1 else "") + left[-1]
    return (f"Wrote {held} of {total} entries as FHIR{to}; {names} are not part of the FHIR export "
            "(use --format json).")


def validate_fhir(doc: dict[str, Any]) -> None:
    """Check a Bundle with fhir.resources (R4B) plus the required status codes it does not check."""
    from fhir.resources.R4B.bundle import Bundle

    Bundle.model_validate(doc)
    if doc.get("type") != BUNDLE_TYPE:
        raise ValueError(f"Bundle.type must be {BUNDLE_TYPE}")
    for entry in doc.get("entry", []):
        resource = entry["resource"]
        wanted = {"Observation": OBSERVATION_STATUS, "QuestionnaireResponse": RESPONSE_STATUS}[resource["resourceType"]]
        if resource.get("status") != wanted:
            raise ValueError(f"{resource['resourceType']}.status must be {wanted}, not {resource.get('status')!r}")


def export_text(batch: Batch, fmt: Format, now: datetime | None = None) -> str:
    """The batch in one of the export formats."""
    if fmt == "json":
        return to_json(batch)
    if fmt == "csv":
        return to_csv(batch)
    return to_fhir(batch, now or datetime.now(timezone.utc))


def _iso(value: datetime) -> str:
    return value.astimezone(timezone.utc).isoformat()


def _compact(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _urn(uid: str) -> str:
    """A urn:uuid for an entry: its uid when it is a UUID, else a stable UUID made from it."""
    try:
        return f"urn:uuid:{uuid.UUID(hex=uid)}"
    except ValueError:
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'numbwise:' + uid)}"


def _code(code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": CODE_SYSTEM, "code": code, "display": display}], "text": display}


def _observation(s: SymptomData) -> dict[str, Any]:
    components: list[dict[str, Any]] = [
        {"code": _code("woke-from-sleep", "Woke from sleep"), "valueBoolean": s.woke},
    ]
    if s.minutes is not None:
        components.append({"code": _code("episode-duration", "How long it lasted"),
                           "valueQuantity": {"value": s.minutes, "unit": "min", "system": UCUM, "code": "min"}})
    if s.trigger:
        components.append({"code": _code("trigger", "What brought it on"), "valueString": s.trigger})
    if s.fingers:
        components.append({"code": _code("fingers", "Fingers (r/l + 1 thumb to 5 little, 0 whole hand)"),
                           "valueString": " ".join(s.fingers)})
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "identifier": [{"system": UID_SYSTEM, "value": s.uid}],
        "status": OBSERVATION_STATUS,
        "code": _code("numbness-severity", "Numbness or tingling severity (0-10, self-reported)"),
        "effectiveDateTime": _iso(s.at),
        "valueInteger": s.severity,
        "component": components,
    }
    if s.hand:
        resource["bodySite"] = {"text": {"left": "left hand", "right": "right hand", "both": "both hands"}[s.hand]}
    if s.notes:
        resource["note"] = [{"text": s.notes}]
    return {"fullUrl": _urn(s.uid), "resource": resource}


def _response(q: ScoreData) -> dict[str, Any]:
    answers = []
    for link, value in q.answers.items():
        item: dict[str, Any] = {"linkId": link}
        if value is not None:
            item["answer"] = [{"valueInteger": value}]
        answers.append(item)
    values = []
    for link, v in q.values.items():
        item = {"linkId": link}
        if isinstance(v, str):
            item["answer"] = [{"valueString": v}]
        elif v is not None:
            item["answer"] = [{"valueDecimal": v}]
        values.append(item)
    items = [{"linkId": "answers", "text": "Answers", "item": answers}] if answers else []
    if values:
        items.append({"linkId": "scores", "text": "Scores worked out from the answers", "item": values})
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "identifier": {"system": UID_SYSTEM, "value": q.uid},
        "questionnaire": QUESTIONNAIRE + q.instrument,
        "status": RESPONSE_STATUS,
        "authored": _iso(q.at),
    }
    if items:
        resource["item"] = items
    return {"fullUrl": _urn(q.uid), "resource": resource}
