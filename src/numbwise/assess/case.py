"""Parse and validate one case (age, sex, findings), refusing anything it would have to guess."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from numbwise.kb import load

if TYPE_CHECKING:
    from numbwise.assess.interview import Interview

# Keys that document a case and are never read by the assessment.
DOC_KEYS = frozenset({"narrative", "expect", "rationale", "source"})
CASE_KEYS = frozenset({"id", "age", "sex", "findings"}) | DOC_KEYS
SEXES = ("female", "male")
# What a finished check's result said that its answers alone cannot rebuild (they come from the interview: the order it
# asked in, the lists answered "none of these", the spots marked on the finger picker). A check saves them beside its
# answers, only when there is something to say, so a result re-opened later (the diary, the report, `assess --case`,
# POST /api/result) reads as the one the person saw; a case without them (older saves) is read as before.
TOLD_KEYS = ("taken_back", "listed_none", "marks")
# a finger-picker spot: hand, then 0 (whole hand), 1 thumb .. 5 little, or an area letter (p: the palm), as scores.katz
MARK = re.compile(r"[lr][0-5a-z]")


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
    # how long the numbness has been there so far, in days, as the person's own words said it ("for 3 weeks": 21);
    # None when not said. Not a finding: it tells numbness weeks old from a stroke happening now (walkthrough Q)
    days_so_far: float | None = None
    # a sore, cut, blister or wound on the foot now (True), none (False), not known (None): from the words or the
    # interview's foot_sore question. Not a finding (the vocabulary has none): with diabetes it leads the result with
    # a foot check today (walkthrough T, Ben)
    foot_sore: bool | None = None
    # the foot-sore question answered 'not sure' (foot_sore stays None): the result says it back and asks the person
    # to look at their feet today (walkthrough BN, Maya); saved as "foot_sore": "unsure"
    foot_unsure: bool = False


FOOT_UNSURE = "unsure"  # a saved case's "foot_sore" for the question answered 'not sure'


@dataclass(frozen=True)
class Told:
    """What a check's result said that its answers cannot rebuild (TOLD_KEYS): the line for an early call screen it
    took back (takeback.taken_back_line), the list items answered "none of these" (interview.listed_none) and the
    spots marked on the finger picker; empty for a case typed by hand or saved before checks kept them."""

    taken_back: str = ""
    listed_none: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()

    def saved(self) -> dict[str, Any]:
        """The keys a check saves beside its answers: only those with something to say."""
        out: dict[str, Any] = {"taken_back": self.taken_back} if self.taken_back else {}
        out |= {"listed_none": sorted(self.listed_none)} if self.listed_none else {}
        return out | ({"marks": list(self.marks)} if self.marks else {})


def parse_told(data: Any, origin: str = "case") -> Told:
    """The TOLD_KEYS of a saved case, checked (a missing key: nothing was said), or raise CaseError."""
    if not isinstance(data, Mapping):
        return Told()
    line = data.get("taken_back", "")
    if type(line) is not str or _has_surrogate(line) or len(line) > 2000:
        raise CaseError(origin, "taken_back", "must be text of at most 2000 characters")
    known = load().vocabulary.findings
    none = data.get("listed_none", [])
    if not isinstance(none, list) or not all(isinstance(f, str) and f in known for f in none) or len(set(none)) != len(none):
        raise CaseError(origin, "listed_none", "must be a list of distinct finding IDs")
    marks = data.get("marks", [])
    if not isinstance(marks, list) or not all(isinstance(m, str) and MARK.fullmatch(m.lower()) for m in marks):
        raise CaseError(origin, "marks", "must be a list of finger-picker spots like r1, l0 or rp")
    return Told(" ".join(line.split()), tuple(none), tuple(dict.fromkeys(m.lower() for m in marks)))


def told_by(iv: Interview, marks: tuple[str, ...] = (), limit: int | None = None) -> Told:
    """What this finished interview tells its result beyond the answers (the faces pass it to result_plan and save
    it): the taken-back line within the question `limit` (None: the interview's default), the lists answered "none
    of these", and the finger-picker `marks`."""
    from numbwise.assess.interview import listed_none
    from numbwise.assess.takeback import taken_back_line

    line = taken_back_line(iv) if limit is None else taken_back_line(iv, limit)
    return Told(line, tuple(sorted(listed_none(iv))), tuple(m.lower() for m in marks if MARK.fullmatch(m.lower())))


def saved_check(iv: Interview, told: Told) -> dict[str, Any]:
    """The case a finished check keeps (the diary, `check --save`): the answers, those answered 'not sure' (the
    result and the report show what they could change), how long the words said, a foot sore, and `told`: re-opened
    later it gives the result the person saw."""
    case: dict[str, Any] = {"age": iv.age, "sex": iv.sex, "findings": dict(iv.answers), "unsure": sorted(iv.unsure)}
    case |= {"days_so_far": iv.days_so_far} if iv.days_so_far is not None else {}
    case |= {"foot_sore": iv.foot_sore} if iv.foot_sore is not None else {"foot_sore": FOOT_UNSURE} if iv.foot_unsure else {}
    return case | told.saved()


def _show(value: Any, limit: int = 60) -> str:
    """A short, printable picture of any value, for error messages (never raises, never huge)."""
    try:
        text = json.dumps(value, ensure_ascii=True)
    except (TypeError, ValueError, RecursionError):
        text = f"a {type(value).__module__}.{type(value).__qualname__} value"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _printable(text: str) -> str:
    """Text safe to print: lone surrogates and control characters (neither is printable) are escaped."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json object hook: a key given twice is an error (one key could silently erase an emergency sign)."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Duplicate(key)
        out[key] = value
    return out


class _Duplicate(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def decode_json(text: str, origin: str) -> Any:
    """Decode JSON strictly: duplicate keys, NaN/Infinity, huge numbers and deep nesting are input errors."""
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except _Duplicate as exc:
        raise CaseError(origin, None, f"{origin}: the key '{_printable(exc.key)}' is given more than once") from None
    except json.JSONDecodeError as exc:
        raise CaseError(origin, None, f"{origin} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise CaseError(origin, None, f"{origin}: it is nested too deeply to be a case") from None
    except ValueError as exc:  # NaN, Infinity, or an integer with thousands of digits
        raise CaseError(origin, None, f"{origin}: not a valid case: {str(exc)[:120]}") from None


def _closest(word: str, options: list[str]) -> str:
    import difflib

    near = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
    return f" (did you mean {', '.join(near)}?)" if near else ""


def parse_case(data: Any, origin: str = "case") -> Case:
    """Validate a decoded case object and return a Case, or raise CaseError."""
    if not isinstance(data, Mapping):
        raise CaseError(origin, "(top)", f"a case must be a JSON object, not {type(data).__name__}")
    for key in data:
        if not isinstance(key, str):
            raise CaseError(origin, "(top)", f"keys must be text, got {_show(key)}")
        if key not in CASE_KEYS:
            raise CaseError(origin, _printable(key)[:60], f"unknown key{_closest(key, sorted(CASE_KEYS))}")
    case_id = data.get("id")
    if case_id is not None and (type(case_id) is not str or _has_surrogate(case_id) or len(case_id) > 200):
        raise CaseError(origin, "id", "must be a string of at most 200 characters of valid text")
    age = data.get("age")
    if age is not None:
        if type(age) is not int:  # bool, float, numpy integers and other look-alikes are refused
            raise CaseError(origin, "age", f"must be a whole number of years or null, got {_show(age)}")
        if not 0 <= age <= 120:
            raise CaseError(origin, "age", f"must be between 0 and 120, got {_show(age)}")
    sex = data.get("sex")
    if sex is not None and (type(sex) is not str or sex not in SEXES):
        raise CaseError(origin, "sex", f"must be \"female\", \"male\" or null, got {_show(sex)}")
    if "findings" not in data:
        raise CaseError(origin, "findings", "is missing (use {} when nothing is known)")
    raw = data["findings"]
    if not isinstance(raw, Mapping):
        raise CaseError(origin, "findings", "must be an object of finding IDs to true or false")
    vocabulary = load().vocabulary.findings
    findings: dict[str, bool] = {}
    for fid, value in raw.items():
        if type(fid) is not str or fid not in vocabulary:
            name = _printable(fid)[:60] if isinstance(fid, str) else _show(fid)
            hint = _closest(fid, list(vocabulary)) if isinstance(fid, str) else ""
            raise CaseError(origin, f"findings.{name}", f"unknown finding{hint}")
        if type(value) is not bool:  # 1, "true" and numpy.bool_ are refused: the engine never guesses
            raise CaseError(origin, f"findings.{fid}", f"must be true or false, got {_show(value)}")
        findings[fid] = value
    return Case(findings=findings, age=age, sex=sex, id=case_id)


def parse_unsure(data: Any, origin: str = "case") -> tuple[Case, tuple[str, ...]]:
    """A case with its "unsure" list (the findings answered 'not sure', not the same as left out), as a check saves
    it and POST /api/result takes it: the result then shows what a 'not sure' could change. A check's saved answers
    may also hold "days_so_far" (how long its words said the numbness has been there) and "foot_sore" (a sore on the
    foot, true, false, null, or "unsure" for the question answered 'not sure'), and what its interview told the result (TOLD_KEYS, read by parse_told), so the
    result is the same."""
    unsure: Any = []
    days: Any = None
    foot: Any = None
    parse_told(data, origin)  # what the interview told the result (TOLD_KEYS): checked here, read by read_saved
    if isinstance(data, Mapping) and any(k in data for k in TOLD_KEYS):
        data = {k: v for k, v in data.items() if k not in TOLD_KEYS}
    if isinstance(data, Mapping) and ("unsure" in data or "days_so_far" in data or "foot_sore" in data):
        unsure = data.get("unsure", [])
        days = data.get("days_so_far")
        foot = data.get("foot_sore")
        data = {k: v for k, v in data.items() if k not in ("unsure", "days_so_far", "foot_sore")}
    if days is not None and (type(days) not in (int, float) or not 0 <= days <= 36500):
        raise CaseError(origin, "days_so_far", f"must be a number of days from 0 to 36500, or null, got {_show(days)}")
    if foot is not None and type(foot) is not bool and foot != FOOT_UNSURE:
        raise CaseError(origin, "foot_sore", f'must be true, false, null or "unsure", got {_show(foot)}')
    known = load().vocabulary.findings
    if not isinstance(unsure, list) or not all(isinstance(f, str) and f in known for f in unsure) \
            or len(set(unsure)) != len(unsure):
        raise CaseError(origin, "unsure", "must be a list of distinct finding IDs")
    case = parse_case(data, origin)
    both = [f for f in unsure if f in case.findings]
    if both:
        raise CaseError(origin, "unsure", f"{both[0]} is also answered in findings")
    case = replace(case, days_so_far=float(days)) if days is not None else case
    if foot == FOOT_UNSURE:
        return replace(case, foot_unsure=True), tuple(unsure)
    return (replace(case, foot_sore=foot) if foot is not None else case), tuple(unsure)


def read_case(path: Path | str) -> Case:
    """Read one case from a JSON file ('-' reads standard input)."""
    origin, data = _read_json(path)
    return parse_case(data, origin)


def read_case_unsure(path: Path | str) -> tuple[Case, tuple[str, ...]]:
    """Read one case and its "unsure" list from a JSON file ('-' reads standard input)."""
    origin, data = _read_json(path)
    return parse_unsure(data, origin)


def read_saved(path: Path | str) -> tuple[Case, tuple[str, ...], Told]:
    """Read one case as a check saves it: the answers, the "unsure" list and what the interview told the result."""
    origin, data = _read_json(path)
    case, unsure = parse_unsure(data, origin)
    return case, unsure, parse_told(data, origin)


def _read_json(path: Path | str) -> tuple[str, Any]:
    """The decoded JSON of a case file, with the name errors give it."""
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
    return origin, decode_json(text, origin)
