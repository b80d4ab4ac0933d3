"""Walkthrough AG (independent reviewer, Frank, 74): "My wife said my speech was slurred but I'm not sure it was" was
read back as "You have had slurred speech", a firm yes he never gave. A hedge whose clause only points back ("not sure
it was", "not sure that it did") doubts what came before it (parse.core `_doubts_after`), and "might have had" is a
hedge (language.yaml)."""

from __future__ import annotations

import pytest

from numbwise.parse.core import parse


@pytest.mark.parametrize("text, fid", [
    ("My wife said my speech was slurred but I'm not sure it was", "speech_difficulty"),
    ("my face drooped, I am not sure it did", "face_drooping"),
    ("I might have had slurred speech this morning", "speech_difficulty"),
])
def test_a_doubt_said_after_is_not_sure_never_yes(text: str, fid: str) -> None:
    p = parse(text)
    assert fid not in p.findings and fid in p.unsure, (p.findings, p.unsure)


@pytest.mark.parametrize("text", ["my speech was slurred. it was scary", "my speech was slurred and I'm sure it was"])
def test_near_miss_a_firm_statement_stays_yes(text: str) -> None:
    assert parse(text).findings.get("speech_difficulty") is True


def test_near_miss_a_hedge_that_leads_doubts_what_follows() -> None:
    p = parse("I am not sure it is getting worse but my hands tingle")
    assert "getting_worse" in p.unsure and p.findings.get("both_hands") is True


@pytest.mark.parametrize("text", ["The wife reckons I was slurring my words, I'm not so sure",
                                  "my speech was slurred, not too sure though",
                                  "My wife thinks my speech was slurred but I'm not so sure about that."])
def test_walk_ah_frank_other_ways_to_doubt(text: str) -> None:
    """Walkthroughs AH and AI, Frank: "I'm not so sure (about that)" and "not too sure though" are doubts too."""
    p = parse(text)
    assert "speech_difficulty" not in p.findings and "speech_difficulty" in p.unsure


def test_walk_ah_amir_a_long_gaming_bout_is_not_how_long_it_has_lasted() -> None:
    """Walkthrough AH, Amir, 14: "When I game for a long time ... for about a month" read as more than six weeks."""
    p = parse("When I game for a long time my right thumb and index finger tingle. It has been happening for about "
              "a month.")
    assert p.findings.get("lasting_over_6_weeks") is False and p.days_so_far == 30


def test_near_miss_tingling_for_a_long_time_is_still_long() -> None:
    assert parse("my hands have tingled for a long time").findings.get("lasting_over_6_weeks") is True
