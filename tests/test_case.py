"""Case input: valid cases parse; every kind of malformed case is refused, naming the file and key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from numbwise.assess import CaseError, parse_case, read_case
from tests.conftest import run_cli, run_process

GOOD = {"id": "x", "age": 47, "sex": "female", "findings": {"numb_thumb": True, "face_drooping": False}}


def test_a_valid_case_parses() -> None:
    case = parse_case(GOOD)
    assert case.age == 47 and case.sex == "female" and case.findings == {"numb_thumb": True, "face_drooping": False}


def test_documentation_keys_are_allowed_and_ignored() -> None:
    case = parse_case(GOOD | {"narrative": "a story", "expect": {"triage": "routine"}, "rationale": "r", "source": "s"})
    assert case.findings == GOOD["findings"]


def test_unknown_age_and_sex_are_allowed() -> None:
    case = parse_case({"age": None, "sex": None, "findings": {}})
    assert case.age is None and case.sex is None


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        ({"colour": "blue"}, "colour", "unknown key"),
        ({"findings": {"numb_thumbs": True}}, "findings.numb_thumbs", "did you mean numb_thumb"),
        ({"findings": {"numb_thumb": "yes"}}, "findings.numb_thumb", "must be true or false"),
        ({"findings": {"numb_thumb": 1}}, "findings.numb_thumb", "must be true or false"),
        ({"findings": ["numb_thumb"]}, "findings", "must be an object"),
        ({"age": 130}, "age", "between 0 and 120"),
        ({"age": -1}, "age", "between 0 and 120"),
        ({"age": 47.5}, "age", "whole number"),
        ({"age": True}, "age", "whole number"),
        ({"age": "47"}, "age", "whole number"),
        ({"sex": "f"}, "sex", "\"female\", \"male\" or null"),
        ({"id": 7}, "id", "must be a string"),
    ],
)
def test_malformed_cases_name_the_key(change: dict[str, object], key: str, words: str) -> None:
    with pytest.raises(CaseError) as exc:
        parse_case(GOOD | change, "my.json")
    assert exc.value.key == key
    assert words in str(exc.value)
    assert str(exc.value).startswith("my.json: key")


def test_missing_findings_and_non_objects_are_refused() -> None:
    with pytest.raises(CaseError, match="findings"):
        parse_case({"age": 3})
    with pytest.raises(CaseError, match="JSON object"):
        parse_case([1, 2])


def test_files_that_are_not_json_or_missing_are_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CaseError, match="bad.json is not valid JSON: .* at line 1 column 2"):
        read_case(bad)
    with pytest.raises(CaseError) as exc:
        read_case(tmp_path / "missing.json")
    assert str(exc.value) == f"cannot read {tmp_path / 'missing.json'}: no such file"
    with pytest.raises(CaseError, match="it is a folder"):
        read_case(tmp_path)


def test_a_missing_case_file_is_said_in_plain_words() -> None:
    run = run_cli("assess", "--case", "nofile.json")
    assert run.code == 2
    assert run.err.strip() == "Error: cannot read nofile.json: no such file"


def test_cli_exits_2_names_file_and_key_and_prints_nothing(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(GOOD))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(GOOD | {"age": 200}))
    run = run_cli("assess", "--case", str(good), "--case", str(bad), "--format", "jsonl")
    assert run.code == 2
    assert run.out == ""  # nothing half-written: the good case is not printed either
    assert f"{bad}: key 'age'" in run.err


def test_the_installed_entry_point_exits_2_on_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(GOOD | {"findings": {"no_such_finding": True}}))
    run = run_process("assess", "--case", str(bad))
    assert run.code == 2
    assert "key 'findings.no_such_finding': unknown finding" in run.err
