"""Walkthrough S (independent reviewer, S11): Ben, 70, type 2 diabetes for 15 years, numb feet for years, fingertips
tingling for 6 months, and last week a sore on the sole of his foot that he had not felt.

He got "BOOK A DOCTOR'S VISIT" (days to two weeks). The same day advice for a foot sore sat deep in a home step, the
check never asked about a foot sore (the vocabulary has no finding for one), and his own words "a sore on the bottom
of my foot" were read as sores on the fingertips (the wrong reason: poor blood flow in the fingers). NICE NG19 and
Diabetes UK want a diabetic foot sore seen within a day. Now the foot line is a "See a doctor today if" line on every
result with diabetes below that level, worded for someone who already has one, and no home step says a pace of its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import assess_cli, run_cli

BEN_WORDS = ("I'm 70 and have had type 2 diabetes for 15 years. My feet have been numb for years, and for 6 months the "
             "fingertips of both hands tingle all the time. Last week I found a sore on the bottom of my foot that I "
             "had not felt.")
BEN = {"age": 70, "sex": "male", "findings": {"diabetes": True, "numb_feet": True, "both_hands": True,
                                              "lasting_over_6_weeks": True, "constant": True, "onset_gradual": True}}
FOOT_LINE = "You have or find a sore, cut, blister or a change of colour on your foot, even if it does not hurt."
TODAY = "See a doctor today if"


def _section(text: str, heading: str) -> str:
    """The words under one heading of a flattened text result, up to the next heading the result uses."""
    after = text.split(heading, 1)[1]
    return re.split(r"Call your emergency number now if|See a doctor today if|Book a doctor's visit if|What next", after)[0]


@pytest.mark.parametrize("words", [BEN_WORDS, "there is an ulcer on my heel", "a blister on my toe",
                                   "sores on my feet", "I have a cut on the sole of my foot that won't heal"])
def test_a_sore_on_the_foot_is_never_a_fingertip_sore(words: str) -> None:
    """A sore, ulcer, blister or cut on the foot, sole, heel or toe is not a fingertip sore nor a finger blister."""
    from numbwise.parse import parse

    got = parse(words).findings
    assert "fingertip_sores" not in got and "finger_blisters" not in got, got


@pytest.mark.parametrize(("words", "fid"), [("I have sores on my fingertips", "fingertip_sores"),
                                            ("ulcers on my fingers that won't heal", "fingertip_sores"),
                                            ("my feet are numb and I have sores on my fingertips", "fingertip_sores"),
                                            ("a painful blister on my finger", "finger_blisters")])
def test_near_misses_on_the_fingers_still_count(words: str, fid: str) -> None:
    """The fingers' own sores still read as theirs, even beside numb feet."""
    from numbwise.parse import parse

    assert parse(words).findings.get(fid) is True


def test_bens_answers_put_the_foot_sore_under_see_a_doctor_today(tmp_path: Path) -> None:
    """Diabetes with numb feet: the foot line sits under the "today" heading, and no home step says it at a slower
    pace under the two-weeks banner."""
    out = assess_cli(BEN, tmp_path)
    assert "BOOK A DOCTOR'S VISIT" in out
    assert FOOT_LINE in _section(out, TODAY)
    home = out.split("What you can do at home", 1)[1].split("Why this level", 1)[0]
    assert "same day" not in home and "today" not in home


def test_the_foot_line_is_for_diabetes_only(tmp_path: Path) -> None:
    """With diabetes, numb feet or not (NICE: any active diabetic foot problem within a day); without, no foot line."""
    feet_fine = {**BEN, "findings": {**BEN["findings"], "numb_feet": False}}  # type: ignore[dict-item]
    assert FOOT_LINE in _section(assess_cli(feet_fine, tmp_path), TODAY)
    no_diabetes = {**BEN, "findings": {**BEN["findings"], "diabetes": False}}  # type: ignore[dict-item]
    assert FOOT_LINE not in assess_cli(no_diabetes, tmp_path)


def test_the_care_page_keeps_the_same_day_pace() -> None:
    """`numbwise care diabetic_neuropathy` has no banner and no watch lines: its foot step keeps "the same day"."""
    run = run_cli("--plain", "care", "diabetic_neuropathy")
    assert run.code == 0, run.err
    assert "foot team the same day" in " ".join(run.out.split())


def test_bens_own_words_give_the_foot_line_today_and_no_fingertip_reason() -> None:
    """His own words, it started slowly, every other question answered with Enter: no fingertip sore read or given as the reason, and the
    foot sore he said leads the banner, today (walkthrough T: the "See a doctor today if" line for one he already has
    read as a contradiction; test_walk_t_foot_sore)."""
    run = run_cli("--plain", "check", "--no-diary", "--describe", BEN_WORDS, input="\n\nm\n3\n" + "\n" * 80)  # readings kept, no signs, man, slowly
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert "sores or ulcers on your fingertips" not in out.split("Type the numbers of any we got wrong", 1)[0]
    assert "Sores or ulcers on the fingertips" not in out
    assert "URGENCY: GET YOUR FOOT CHECKED TODAY" in out and FOOT_LINE not in out


def test_a_home_step_that_says_the_same_day_is_refused(kb_copy: Path) -> None:
    """A pace belongs to a watch line under its level's heading: a home step or safety step that says "the same day"
    would sit under a "days to two weeks" banner (kb check)."""
    from numbwise.kb.loader import KnowledgeError, load_from

    path = kb_copy / "care.yaml"
    text = path.read_text()
    for old in ("your weight off that foot and contact your GP or foot team. If they are closed, use an",
                "your GP or foot team. If they are closed, use an out-of-hours service."):
        assert old in text
        text = text.replace(old, old.replace("foot team.", "foot team the same day."), 1)
    path.write_text(text)
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    said = [p for p in exc.value.problems if "says urgent in words" in p]
    assert any("entry 'diabetic_neuropathy': a home step" in p for p in said) and any("safety[0]" in p for p in said)
