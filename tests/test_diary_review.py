"""Fixes from the diary review in the entry rules: times in the future, JSON-only stdout, plain descriptions,
clearing fingers, plain field errors."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from numbwise.diary.fields import EntryProblem, describe_check, describe_score, symptom_from, treatment_from
from numbwise.diary.store import open_store
from numbwise.diary.when import WhenError, read_when
from tests.conftest import run_cli

NOW = datetime(2026, 3, 2, 2, 36, tzinfo=timezone(timedelta(hours=1)))


# 1. times in the future ----------------------------------------------------------------------------------------

def test_a_bare_time_later_than_now_is_yesterday_and_says_so() -> None:
    when = read_when("07:30", NOW)
    assert when.at == datetime(2026, 3, 1, 7, 30, tzinfo=NOW.tzinfo)
    assert "taken as yesterday, 2026-03-01 07:30" in when.note
    assert read_when("02:00", NOW).note == "" and read_when("02:00", NOW).at.day == 2
    assert read_when("02:39", NOW).at.day == 2  # within the clock-skew margin: still today


@pytest.mark.parametrize("text", ["2099-01-01", "2026-03-02T03:00", "today 07:30"])
def test_an_explicit_time_later_than_now_is_refused(text: str) -> None:
    with pytest.raises(WhenError, match=f"'{text}'.*is in the future"):
        read_when(text, NOW)


def test_the_core_refuses_future_entries_for_every_face() -> None:
    with pytest.raises(EntryProblem, match="2099-01-01 00:00 is in the future") as caught:
        symptom_from({"at": datetime(2099, 1, 1, tzinfo=NOW.tzinfo), "severity": 3}, now=NOW)
    assert caught.value.field == "at"
    with pytest.raises(EntryProblem, match="in the future"):
        treatment_from({"at": NOW + timedelta(minutes=6), "kind": "surgery"}, now=NOW)
    assert treatment_from({"at": NOW + timedelta(minutes=4), "kind": "surgery"}, now=NOW).kind == "surgery"


@pytest.mark.parametrize("args", [["log", "-s", "3", "--at", "2099-01-01"],
                                  ["log", "--treatment", "surgery", "--at", "2030-01-01"]])
def test_the_cli_refuses_future_times(args: list[str]) -> None:
    run = run_cli(*args)
    assert run.code == 2 and "is in the future" in run.err and args[-1] in run.err
    assert json.loads(run_cli("history", "--json").out) == []


def test_history_edit_refuses_a_future_time_and_log_says_when_a_time_meant_yesterday(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import numbwise.cli.log_cmd as log_cmd

    monkeypatch.setattr(log_cmd, "now_local", lambda: NOW)
    run = run_cli("log", "-s", "3", "--at", "07:30")
    assert run.code == 0 and "taken as yesterday, 2026-03-01 07:30" in run.out
    run = run_cli("history", "edit", "S1", "--at", "2099-05-05")
    assert run.code == 2 and "'2099-05-05'" in run.err
    assert json.loads(run_cli("history", "--json").out)[0]["at"] == "2026-03-01T06:30:00Z"


# 5. --json keeps stdout for JSON -------------------------------------------------------------------------------

def test_interactive_log_with_json_prints_only_json_on_stdout() -> None:
    run = run_cli("log", "-i", "--json", input="1\n\n7\n\n\n\n\n\n")
    assert run.code == 0, run.err
    assert json.loads(run.out)["severity"] == 7
    assert "How bad is it" in run.err


# 10. plain descriptions ----------------------------------------------------------------------------------------

def test_checks_and_scores_are_described_in_plain_words() -> None:
    text = describe_check({"triage": "self_care", "causes": [{"id": "carpal_tunnel"}]})
    assert text == "symptom check: care for it at home; most likely carpal tunnel syndrome"
    assert describe_score("bctq", {"sss": 2.09, "fss": None}) == \
        "Boston Carpal Tunnel Questionnaire: symptom severity 2.09, function no score"


def test_history_shows_plain_words_for_checks_and_scores() -> None:
    with open_store() as store:
        store.add_check(NOW, {}, {"triage": "self_care", "causes": [{"id": "carpal_tunnel"}]})
        store.add_score(NOW, "bctq", {}, {"sss": 2.09, "fss": 1.38})
    run = run_cli("--plain", "history")
    assert "most likely carpal tunnel syndrome" in run.out and "self_care" not in run.out
    assert "Boston Carpal Tunnel Questionnaire: symptom severity 2.09, function 1.38" in run.out


# 13. clearing the fingers keeps the hand -----------------------------------------------------------------------

def test_clearing_the_fingers_keeps_the_hand_and_the_severity() -> None:
    assert run_cli("log", "-s", "6", "--hand", "right", "--fingers", "r1,r2,r3").code == 0
    run = run_cli("--plain", "history", "edit", "S1", "--fingers", "")
    assert run.code == 0, run.err
    assert "Now: " in run.out and "numbness 6/10, right hand" in run.out
    entry = json.loads(run_cli("history", "--json").out)[0]
    assert (entry["hand"], entry["fingers"], entry["severity"]) == ("right", [], 6)


# 22. plain words for field errors ------------------------------------------------------------------------------

@pytest.mark.parametrize("fields, message", [
    ({"severity": 11}, "severity must be a whole number from 0 to 10 (you gave 11)"),
    ({"severity": 3, "minutes": -1}, "minutes must be a whole number from 0 to 10080 (you gave -1)"),
    ({"severity": 3, "hand": "up"}, "hand must be one of left, right or both (you gave 'up')"),
    ({"severity": 3, "notes": "x" * 5001}, "notes is too long: at most 5000 characters (you gave 5001)"),
])
def test_field_errors_are_in_plain_words(fields: dict[str, object], message: str) -> None:
    with pytest.raises(EntryProblem) as caught:
        symptom_from({"at": NOW} | fields, now=NOW)
    assert message in str(caught.value) and "Input should" not in str(caught.value)
