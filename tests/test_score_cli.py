"""`numbwise score` through the real entry point: answers on the command line, from a file and typed in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

BCTQ = "2,3,1,1,1,3,2,3,3,2,2,1,2,1,1,2,1,2,1"


def test_list_names_every_instrument_and_not_quickdash() -> None:
    r = run_cli("score", "--list")
    assert r.code == 0
    for key in ("bctq", "katz", "cts6", "mnsi"):
        assert key in r.out
    assert "quickdash" not in r.out.lower()
    data = json.loads(run_cli("score", "--list", "--json").out)
    assert {d["id"] for d in data} == {"bctq", "katz", "cts6", "mnsi"}


def test_bctq_answers_give_both_scales_as_json() -> None:
    r = run_cli("score", "bctq", "--answers", BCTQ, "--json", "--no-save")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["values"] == {"sss": 2.09, "fss": 1.38}
    assert data["saved"] is None


def test_bad_answer_exits_2_and_names_the_item() -> None:
    r = run_cli("score", "bctq", "--answers", BCTQ.replace("2,2,1,2", "2,9,1,2", 1), "--no-save")
    assert r.code == 2
    assert "answer 11 (" in r.err and "9 is not an answer" in r.err and "sss_" not in r.err  # the question, not its id
    assert r.err.lower().count("nothing was saved") == 1
    r = run_cli("score", "mnsi", "--answers", "y,n,maybe" + ",n" * 12, "--no-save")
    assert r.code == 2 and "answer 3 (" in r.err and "q3" not in r.err


def test_wrong_count_unknown_instrument_and_mixed_options_exit_2() -> None:
    assert run_cli("score", "bctq", "--answers", "1,2,3", "--no-save").code == 2
    r = run_cli("score", "quickdash")
    assert r.code == 2 and "unknown instrument" in r.err
    assert run_cli("score", "bctq", "--fingers", "r1").code == 2
    assert run_cli("score", "katz", "--answers", "1").code == 2


def test_mnsi_yes_no_answers_and_plain_text_result() -> None:
    # yes to 1-3, 5-6, 8-9, 11 (8 points) and no to 7 and 13 (2 points); 4 and 10 are not scored
    r = run_cli("--plain", "score", "mnsi", "--answers", "y,y,y,n,y,y,n,y,y,n,y,n,n,n,n", "--no-save")
    assert r.code == 0, r.err
    assert "Questionnaire score: 10 (Abnormal)" in r.out
    assert "Not saved (--no-save)." in r.out


def test_answers_file_as_object_and_as_list(tmp_path: Path) -> None:
    f = tmp_path / "exam.json"
    f.write_text(json.dumps({"numbness_median": 1, "nocturnal_numbness": "y", "thenar_atrophy_weakness": 0,
                             "phalen": 1, "two_point_loss": 0, "tinel": 0}))
    r = run_cli("score", "cts6", "--answers-file", str(f), "--json", "--no-save")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["values"] == {"total": 12.5} and data["filled_by"] == "examiner"
    assert any("examiner" in n for n in data["notes"])
    f.write_text(json.dumps([1, 1, 0, 0, 0, 1]))
    assert json.loads(run_cli("score", "cts6", "--answers-file", str(f), "--json", "--no-save").out)["values"] == {
        "total": 11.5}
    f.write_text(json.dumps({"phalen": 3}))
    r = run_cli("score", "cts6", "--answers-file", str(f), "--no-save")
    assert r.code == 2 and "answer 4 (Positive Phalen test)" in r.err
    f.write_text("{not json")
    assert run_cli("score", "cts6", "--answers-file", str(f), "--no-save").code == 2
    assert run_cli("score", "cts6", "--answers-file", str(tmp_path / "none.json"), "--no-save").code == 2


def test_katz_from_finger_codes() -> None:
    r = run_cli("--plain", "score", "katz", "--fingers", "r1,r2,r3,l4,l5", "--no-save")
    assert r.code == 0, r.err
    assert "Right hand: Classic" in r.out and "Left hand: Unlikely" in r.out
    r = run_cli("score", "katz", "--fingers", "r1,r9", "--no-save")
    assert r.code == 2 and "r9" in r.err


def test_interactive_bctq_with_back_skip_and_a_retyped_answer() -> None:
    # 2, then back to item 1 and answer 3; then a bad key, skip item 2, and 1 for the other 17 items.
    typed = ["2", "b", "3", "x", "s"] + ["1"] * 17
    r = run_cli("--plain", "score", "bctq", "--hand", "right", "--no-save", input="\n".join(typed) + "\n")
    assert r.code == 0, r.err
    assert "Question 19 of 19" in r.out
    assert f"Symptom severity: {round(12 / 10, 2):g}" in r.out  # items 1 (3) and 3-11 (1s), item 2 skipped
    assert "Function: 1 " in r.out


def test_interactive_refuses_a_second_skip_in_a_scale_and_can_stop() -> None:
    r = run_cli("--plain", "score", "bctq", "--no-save", input="1\ns\ns\nq\n")  # 1 = the right hand
    assert r.code == 130
    assert "needed for a score" in r.out and "Stopped. Nothing was saved." in r.out


def test_interactive_mnsi_and_katz() -> None:
    r = run_cli("--plain", "score", "mnsi", "--no-save", input="\n".join(["n"] * 6 + ["y"] + ["n"] * 5 + ["y", "n", "n"]) + "\n")
    assert r.code == 0, r.err
    assert "Questionnaire score: 0 (Below the cut-off)" in r.out
    r = run_cli("--plain", "score", "katz", "--no-save", input="R1 R2 R3 RP\n")
    assert r.code == 0, r.err
    assert "Right hand: Probable" in r.out


def test_cts6_interactive_says_it_needs_an_examiner() -> None:
    r = run_cli("--plain", "score", "cts6", "--no-save", input="q\n")
    assert r.code == 130 and "needs an examiner" in r.out


def test_a_score_says_where_it_was_saved() -> None:
    r = run_cli("--plain", "score", "bctq", "--answers", BCTQ)
    assert r.code == 0 and "Saved as Q1." in r.out
    assert "Not saved (--no-save)" in run_cli("--plain", "score", "bctq", "--answers", BCTQ, "--no-save").out


def test_scores_are_saved_and_listed() -> None:
    r = run_cli("score", "bctq", "--answers", BCTQ, "--json")
    assert r.code == 0, r.err
    assert json.loads(r.out)["saved"] == "Q1"
    assert run_cli("score", "bctq", "--answers", BCTQ.replace("2,2,1,2", "2,9,1,2", 1)).code == 2
    rows = json.loads(run_cli("score", "history", "bctq", "--json").out)
    assert len(rows) == 1 and rows[0]["values"] == {"sss": 2.09, "fss": 1.38} and rows[0]["id"] == "Q1"
    assert "bctq" in run_cli("score", "history").out


@pytest.mark.parametrize("args, typed", [
    (("mnsi",), "q\n"), (("katz", "--no-save"), "q\n"), (("bctq", "--no-save"), "q\n"),
    (("bctq", "--no-save"), "2\nq\n"),
])
def test_stopping_at_a_question_exits_130_and_saves_nothing(args: tuple[str, ...], typed: str) -> None:
    r = run_cli("--plain", "score", *args, input=typed)
    assert r.code == 130 and "Stopped. Nothing was saved." in r.out
    assert "No saved scores yet." in run_cli("score", "history").out


def test_score_without_an_instrument_lists_them_and_exits_2() -> None:
    r = run_cli("score")
    assert r.code == 2 and "name an instrument" in r.err and "bctq" in r.out
    assert run_cli("score", "--list").code == 0


def test_saved_id_is_the_one_history_delete_takes() -> None:
    saved = json.loads(run_cli("score", "bctq", "--answers", BCTQ, "--json").out)["saved"]
    assert saved == "Q1"
    r = run_cli("history", "delete", saved, "--yes")
    assert r.code == 0, r.err
    assert "No saved scores yet." in run_cli("score", "history").out


def test_history_names_scales_and_classes_in_words() -> None:
    run_cli("score", "bctq", "--hand", "left", "--answers", BCTQ)
    run_cli("score", "katz", "--fingers", "r1,r2,r3")
    out = run_cli("score", "history").out
    assert "left hand: Symptom severity 2.09, Function 1.38" in out
    assert "Right hand classic" in out and "None" not in out and "sss" not in out


def test_a_result_with_no_score_is_refused_and_not_saved() -> None:
    r = run_cli("score", "bctq", "--answers", "," * 18)
    assert r.code == 2 and "too few questions were answered" in r.err
    assert "No saved scores yet." in run_cli("score", "history").out


def test_bctq_hand_is_kept_asked_and_shown() -> None:
    r = run_cli("score", "bctq", "--hand", "left", "--answers", BCTQ, "--json")
    assert r.code == 0 and json.loads(r.out)["values"]["hand"] == "left"
    r = run_cli("--plain", "score", "bctq", input="\n".join(["3", "2"] + ["1"] * 19) + "\n")  # 3 is not a hand
    assert r.code == 0, r.err
    assert "Which hand" in r.out and "Boston Carpal Tunnel Questionnaire, left hand" in r.out
    rows = json.loads(run_cli("score", "history", "bctq", "--json").out)
    assert [row["hand"] for row in rows] == ["left", "left"]
    assert run_cli("score", "mnsi", "--hand", "left", "--answers", "n" + ",n" * 14).code == 2


def test_history_is_a_documented_form_with_one_instrument() -> None:
    r = run_cli("score", "--help")
    assert "Usage: numbwise score [OPTIONS] [INSTRUMENT]" in r.out and "--history" in r.out
    assert "score history bctq" in r.out
    r = run_cli("score", "history", "bctq", "mnsi")
    assert r.code == 2 and "name one instrument" in r.err
    run_cli("score", "bctq", "--answers", BCTQ)
    assert "Symptom severity" in run_cli("score", "bctq", "--history").out
