"""Walkthrough BG, each finding with a hit, a near miss and an unknown case.

Pablo: "sudden severe neck pain" after a neck manipulation, his hand tingling only since this morning, was warned as
"It started suddenly, within seconds or minutes (you wrote: 'sudden')": the sudden start was the pain's.
"""

from __future__ import annotations

from typing import Any

from tests.conftest import check_cli, parse_json

PABLO = ("Two days ago I had a neck manipulation and got sudden severe neck pain. Since this morning my left hand "
         "tingles and I feel dizzy and a bit unsteady.")


def test_hit_sudden_said_of_a_pain_is_not_the_numbness_start() -> None:
    out = parse_json(PABLO)
    assert "onset_sudden" not in out["findings"] and out["findings"]["neck_pain"] is True  # type: ignore[index,operator]


def test_near_miss_numb_suddenly_beside_neck_pain_is_sudden() -> None:
    for text in ("My hand went numb suddenly and my neck hurts.", "It came on suddenly with pain in my neck.",
                 "Sudden numbness in my left hand."):
        assert parse_json(text)["findings"]["onset_sudden"] is True, text  # type: ignore[index]


def test_unknown_a_sudden_movement_says_nothing_of_how_it_started() -> None:
    out = parse_json("When I make a sudden movement my fingers tingle.")
    assert "onset_sudden" not in out["findings"] and "onset_sudden" not in out["unsure"]  # type: ignore[operator]


# Tom: not sure of "Both your hands are clumsy and your walk is unsteady", then no to "Your grip is weak, your hands are
# clumsy, or you drop things": his result listed "? Whether both your hands are clumsy" beside "- Your grip is not weak
# or clumsy". A no to a part (findings.yaml `parts`) is a no to the whole.
COMBINED = "clumsy_hands_and_unsteady_walk"


def _unsure_then(part: str, value: bool | None) -> Any:
    from numbwise.assess.interview import answer, finding_question, start

    iv = answer(start(56, "male"), finding_question(COMBINED), {})
    return answer(iv, finding_question(part), {} if value is None else {part: value})


def test_hit_a_no_to_clumsy_hands_settles_the_unsure_combined_item() -> None:
    for part in ("hand_weakness", "unsteady_walking"):
        iv = _unsure_then(part, False)
        assert iv.answers[COMBINED] is False and COMBINED not in iv.unsure, part


def test_near_miss_a_yes_to_a_part_leaves_the_combined_item_not_sure() -> None:
    iv = _unsure_then("hand_weakness", True)
    assert COMBINED in iv.unsure and COMBINED not in iv.answers


def test_unknown_a_part_not_sure_leaves_the_combined_item_not_sure() -> None:
    iv = _unsure_then("hand_weakness", None)
    assert COMBINED in iv.unsure and "hand_weakness" in iv.unsure


def test_hit_toms_walk_no_longer_lists_both_hands_clumsy_as_not_sure() -> None:
    typed = "\n".join(["", "56", "m", "3", "L1 L2 L3 L4 L5 R1 R2 R3 R4 R5", "3", "", "7 ?6", "", "1 3 4", "", "5 14", "",
                       "2 ?1", "", "n", ""])
    text = check_cli(typed)
    assert "SEE A DOCTOR TODAY" in text and "Your grip is not weak or clumsy" in text, text
    assert "Whether both your hands are clumsy" not in text and "Both your hands are clumsy" not in text.split("URGENCY")[1]


def test_near_miss_a_combined_yes_is_never_undone_by_a_later_no() -> None:
    from numbwise.assess.interview import answer, finding_question, start

    iv = answer(start(56, "male"), finding_question(COMBINED), {COMBINED: True})
    iv = answer(iv, finding_question("hand_weakness"), {"hand_weakness": False})
    assert iv.answers[COMBINED] is True


# June, 76, unsure of most things: "The numbness is there all the time" ticked, '?' to the rest of the list, then read
# "You were not sure about: ... it went away completely within an hour" and "? The numbness comes and goes".
JUNE = ["", "76", "f", "?", "?", "R?", "1", "?", "1", ""]


def test_hit_there_all_the_time_is_never_also_not_sure_if_it_went_or_comes_and_goes() -> None:
    text = check_cli("\n".join(JUNE)).split("URGENCY")[1]
    assert "CALL YOUR EMERGENCY NUMBER NOW" in text and "It gets worse at night" in text, text
    assert "went away completely within an hour" not in text and "? The numbness comes and goes" not in text, text


def _course_list(ticked: str) -> Any:
    """The 'which of these fit your numbness?' list with one item ticked and '?' to the rest."""
    from numbwise.assess.interview import Question, answer, start

    items = ("constant", "comes_and_goes", "worse_at_night", "episode_resolved_within_hour")
    q = Question("course", "screen", "Which of these fit your numbness?", "", "", items, items)
    return answer(start(76, "female"), q, {ticked: True})


def test_hit_the_list_with_there_all_the_time_ticked_rules_out_the_other_two() -> None:
    iv = _course_list("constant")
    assert iv.answers["comes_and_goes"] is False and iv.answers["episode_resolved_within_hour"] is False
    assert iv.unsure == {"worse_at_night"}


def test_near_miss_comes_and_goes_ticked_leaves_within_an_hour_not_sure() -> None:
    iv = _course_list("comes_and_goes")
    assert iv.answers["constant"] is False and iv.unsure == {"worse_at_night", "episode_resolved_within_hour"}


def test_unknown_nothing_ticked_leaves_both_not_sure() -> None:
    from numbwise.assess.interview import answer, finding_question, start

    iv = answer(start(76, "female"), finding_question("constant"), {})
    assert {"constant", "comes_and_goes"} <= iv.unsure and "episode_resolved_within_hour" not in iv.answers
