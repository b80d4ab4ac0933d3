"""Parse and validate one case (age, sex, findings), refusing anything it would have to guess."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from numbwise.kb import load

# Keys that document a case and are never read by the assessment.
DOC_KEYS = frozenset({"narrative", "expect", "rationale", "source"})
CASE_KEYS = frozenset({"id", "age", "sex", "findings"}) | DOC_KEYS
SEXES = ("female", "male")


class CaseError(ValueError):
    """A case is malformed: names where (file), which key, and what is wrong.

    key "(top)" is the whole object; key None is a file that cannot be read, and the message says it all.
    """

    def __init__(self, origin: str, key: str | None, message: str) -> None:
        text = message if key is None else f"{origin}: {message}" if key == "(top)" else f"{origin}: key '{key}': {message}"
        super().__init__(text)
        self.origin, self.key, self.message = origin, key, message


@dataclass(frozen=True)
class Case:
    """One person's answers. A finding left out of `findings` is not known."""

    findings: Mapping[str, bool] = field(default_factory=dict)
    age: int | None = None
    sex: str | None = None
    id: str | None = None


def _closest(word: str, options: list[str]) -> str:
    import difflib

    near = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(near)}?)" if near else ""


def parse_case(data: Any, origin: str = "case") -> Case:
    """Validate a decoded case object and return a Case, or raise CaseError."""
    if not isinstance(data, Mapping):
        raise CaseError(origin, "(top)", f"a case must be a JSON object, not {type(data).__name__}")
    for key in data:
        if key not in CASE_KEYS:
            raise CaseError(origin, str(key), f"unknown key{_closest(str(key), sorted(CASE_KEYS))}")
    case_id = data.get("id")
    if case_id is not None and not isinstance(case_id, str):
        raise CaseError(origin, "id", "must be a string")
    age = data.get("age")
    if age is not None:
        if isinstance(age, bool) or not isinstance(age, int):
            raise CaseError(origin, "age", f"must be a whole number of years or null, got {json.dumps(age)}")
        if not 0 <= age <= 120:
            raise CaseError(origin, "age", f"must be between 0 and 120, got {age}")
    sex = data.get("sex")
    if sex is not None and sex not in SEXES:
        raise CaseError(origin, "sex", f"must be \"female\", \"male\" or null, got {json.dumps(sex)}")
    if "findings" not in data:
        raise CaseError(origin, "findings", "is missing (use {} when nothing is known)")
    raw = data["findings"]
    if not isinstance(raw, Mapping):
        raise CaseError(origin, "findings", "must be an object of finding IDs to true or false")
    vocabulary = load().vocabulary.findings
    findings: dict[str, bool] = {}
    for fid, value in raw.items():
        if fid not in vocabulary:
            raise CaseError(origin, f"findings.{fid}", f"unknown finding{_closest(str(fid), list(vocabulary))}")
        if not isinstance(value, bool):
            raise CaseError(origin, f"findings.{fid}", f"must be true or false, got {json.dumps(value)}")
        findings[fid] = value
    return Case(findings=findings, age=age, sex=sex, id=case_id)


def read_case(path: Path | str) -> Case:
    """Read one case from a JSON file ('-' reads standard input)."""
    import sys

    origin = "standard input" if str(path) == "-" else str(path)
    try:
        text = sys.stdin.read() if str(path) == "-" else Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseError(origin, None, f"cannot read {origin}: no such file") from None
    except IsADirectoryError:
        raise CaseError(origin, None, f"cannot read {origin}: it is a folder, not a file") from None
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is not UTF-8 text"
        raise CaseError(origin, None, f"cannot read {origin}: {why[0].lower() + why[1:]}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(origin, None, f"{origin} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    return parse_case(data, origin)
