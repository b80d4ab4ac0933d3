"""Walkthrough AC/AD (independent reviewer, Uma, 55: her right hand tingles, she cannot say which fingers): the terminal
refused "R?" ("I could not read 'r?'"), so she could say neither the hand nor "not sure". R? (or L?) now means that
hand, its fingers not sure: the hand is known, no finger is answered, and the hand is not asked again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from numbwise.cli.answers import AnswerError, _parse_fingers
from tests.conftest import run_cli

FINGERS = ("numb_thumb", "numb_index", "numb_middle", "numb_ring", "numb_little")


def test_r_question_mark_is_the_right_hand_with_no_finger_answered() -> None:
    parsed = _parse_fingers("r?")
    assert parsed.updates == {"one_hand": True, "both_hands": False}
    assert "right hand, not sure which fingers" in parsed.summary


def test_both_hands_not_sure_and_a_picked_finger_beside_a_hand_not_sure() -> None:
    assert _parse_fingers("r? l?").updates == {"one_hand": False, "both_hands": True}
    mixed = _parse_fingers("r1 l?").updates
    assert mixed["numb_thumb"] is True and mixed["both_hands"] is True
    assert not any(mixed.get(f) is False for f in FINGERS)  # the left hand's fingers are not known: no "no"


def test_near_miss_plain_fingers_keep_their_nos_and_bad_tokens_are_refused() -> None:
    plain = _parse_fingers("r1").updates
    assert plain["numb_thumb"] is True and plain["numb_little"] is False and plain["one_hand"] is True
    with pytest.raises(AnswerError, match="R\\? = right hand"):
        _parse_fingers("x?")


def test_in_the_terminal_uma_says_r_question_mark_and_the_hand_is_kept(tmp_path: Path) -> None:
    save = tmp_path / "uma.json"
    # the first list none, 55 f, how it started not sure, how long not sure, R?, the call-now screen's "answer a few
    # questions", then not sure to the rest
    run = run_cli("--plain", "check", "--no-diary", "--save", str(save), input="\n55\nf\n?\n?\nR?\n2\n" + "?\n" * 40)
    assert run.code == 0, run.out[-1500:]
    assert "You said: right hand, not sure which fingers." in run.out and "could not read" not in run.out
    assert "Is only one of your hands numb or tingling?" not in run.out
    case = json.loads(save.read_text())
    assert case["findings"]["one_hand"] is True and not any(f in case["findings"] for f in FINGERS)
