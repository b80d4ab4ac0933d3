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


# ---------------------------------------------------------------- hostile input (written as attacks first)


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "case.json"
    p.write_text(text, encoding="utf-8")
    return p


def test_a_duplicate_key_is_an_input_error_not_a_silent_erase(tmp_path: Path) -> None:
    """{"face_drooping": true, "face_drooping": false} would otherwise erase the emergency sign."""
    text = '{"age": 70, "sex": null, "findings": {"face_drooping": true, "face_drooping": false}}'
    with pytest.raises(CaseError, match="face_drooping.*more than once"):
        read_case(_write(tmp_path, text))
    run = run_cli("assess", "--case", str(_write(tmp_path, text)), "--format", "json")
    assert run.code == 2 and run.out == "" and "more than once" in run.err


@pytest.mark.parametrize("text,words", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"age": ' + "9" * 5000 + ', "findings": {}}', "not a valid case"),
    ('{"age": NaN, "findings": {}}', "not a valid case"),
    ('{"age": 40, "findings": {"onset_sudden": Infinity}}', "not a valid case"),
], ids=["deep", "huge-int", "nan", "infinity"])
def test_deep_nesting_huge_numbers_and_nan_exit_2_without_a_traceback(tmp_path: Path, text: str, words: str) -> None:
    run = run_process("assess", "--case", str(_write(tmp_path, text)), "--format", "json")
    assert run.code == 2 and words in run.err and "Traceback" not in run.err and run.out == ""


def test_a_lone_surrogate_is_refused_and_printed_safely(tmp_path: Path) -> None:
    for text in ('{"id": "\\ud800", "age": 40, "findings": {}}', '{"age": 40, "findings": {"\\udfff": true}}',
                 '{"\\ud83d": 1, "age": 40, "findings": {}}'):
        run = run_process("assess", "--case", str(_write(tmp_path, text)), "--format", "json")
        assert run.code == 2 and "Traceback" not in run.err and run.out == "", text


def test_numpy_and_other_look_alike_values_are_refused() -> None:
    import numpy as np

    for case in ({"age": np.int64(40), "findings": {}}, {"age": 40, "findings": {"fever": np.bool_(True)}},
                 {"age": 40.0, "findings": {}}, {"age": 40, "findings": {"fever": 1}}, {"age": 10**400, "findings": {}},
                 {"age": 40, "findings": {1: True}}, {1: 2, "findings": {}}):
        with pytest.raises(CaseError):
            parse_case(case)
