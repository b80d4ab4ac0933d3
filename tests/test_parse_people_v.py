"""People's own words in walkthrough V (Chris, a cyclist): a bout that wears off over a few hours is how long the bout
lasts, not numbness that keeps spreading over hours, so no emergency is raised from it. A length of hours reads as
spreading only when its sentence says it spreads, creeps, moves up or gets worse, and never when its clause says it
wears off, goes, eases, settles, fades, clears, passes or gets better."""

from __future__ import annotations

import pytest

from numbwise.parse import emergency, parse
from tests.conftest import run_cli

CHRIS = ("After long rides the ring and little fingers of both my hands go numb and my grip feels a bit weak; it wears "
         "off over a few hours. No neck pain.")


def test_chris_a_bout_that_wears_off_over_hours_is_not_spreading_and_not_an_emergency() -> None:
    p = parse(CHRIS)
    assert "spreading_within_hours" not in p.understood, p.understood
    assert not emergency(p), emergency(p)
    # what he did say is still read
    assert p.findings.get("numb_ring") is True and p.findings.get("numb_little") is True
    assert p.findings.get("both_hands") is True and p.findings.get("hand_weakness") is True
    assert p.findings.get("worse_with_gripping") is True  # "after long rides": gripping the bars brings it on
    assert p.understood.get("neck_pain") is False
    # a few hours is not within an hour: it is asked, never read as gone within the hour
    assert p.understood.get("episode_resolved_within_hour") is not True


def test_chris_check_describe_raises_no_emergency_before_any_question() -> None:
    r = run_cli("--plain", "check", "--no-diary", "--describe", CHRIS, input="q\n")
    out = " ".join(r.out.split())
    assert "your words point to an emergency" not in out, out
    assert "Call emergency services now" not in out, out
    assert "keeps spreading over hours" not in out, out


def test_chris_parse_text_face_does_not_say_spreading() -> None:
    r = run_cli("--plain", "parse", "--text", CHRIS, "--format", "text")
    assert r.code == 0, r.err
    out = " ".join(r.out.split())
    assert "keeps spreading over hours" not in out and "WARNING" not in out, out
    assert "Your ring finger is numb or tingling." in out


@pytest.mark.parametrize("text", [
    # hits: the span is how long a bout takes to go
    "my fingers go numb after a long ride and it wears off over a few hours",
    "my hands go numb after cycling, it goes away over a few hours",
    "my fingers tingle after riding and it eases over a few hours",
    "it settles down within a few hours",
    "the numbness fades over the next few hours",
    "it gets better within hours",
    "my pinky goes numb after a ride, it passes within a few hours",
    "it clears up over a few hours",
    "my hands have been numb over the last few hours but it's wearing off",
])
def test_a_span_said_of_it_wearing_off_is_not_spreading(text: str) -> None:
    p = parse(text)
    assert "spreading_within_hours" not in p.understood, (text, p.understood)
    assert "spreading_within_hours" not in [c.finding for c in emergency(p)], text


@pytest.mark.parametrize("text", [
    # near misses: the same span tied to spreading, creeping, moving up or getting worse is still the emergency
    "the numbness has been spreading over a few hours",
    "it has spread over a few hours",
    "my feet went numb this morning and over the last few hours it has moved up to my knees",
    "it's crept up my arm within a few hours",
    "the tingling is getting worse over the past few hours",
    "my legs are getting weaker and it is spreading, within hours it was in both arms",
    "it's getting worse hour by hour",
    "it spread to my elbow in hours",
])
def test_a_span_tied_to_spreading_still_reads_spreading(text: str) -> None:
    p = parse(text)
    assert p.findings.get("spreading_within_hours") is True, (text, p.understood)
    assert "spreading_within_hours" in [c.finding for c in emergency(p)], text


@pytest.mark.parametrize("text", [
    # unknown: something about hours that says nothing of a spread
    "my hands have been numb for a few hours",
    "I ride for a few hours and my fingers go numb",
    "within a few hours of a long ride my fingers tingle",
    "it comes on over a few hours",
    "my fingers go numb after gaming hour by hour",
    "it's worse at night, in hours of sleep",
])
def test_a_span_of_hours_alone_says_nothing_of_spreading(text: str) -> None:
    p = parse(text)
    assert "spreading_within_hours" not in p.understood, (text, p.understood)
    assert "spreading_within_hours" not in p.unsure, text


# --- Walkthrough X, Fatima: "my memory is getting worse" is not the numbness getting worse --------------------------

FATIMA = ("Over 6 months tingling in both feet and now both hands, I feel unsteady walking in the dark, my memory is "
          "getting worse, I am tired and pale")


def test_fatimas_memory_getting_worse_is_not_the_numbness_getting_worse() -> None:
    p = parse(FATIMA)
    assert "getting_worse" not in p.findings
    assert p.findings.get("memory_or_mood_change") is True  # the memory itself is still read


@pytest.mark.parametrize("text", ["the tingling in my hands is getting worse", "my numb fingers keep getting worse",
                                  "it is getting worse every week"])
def test_near_miss_the_numbness_getting_worse_still_reads(text: str) -> None:
    assert parse(text).findings.get("getting_worse") is True, text


def test_unknown_a_clause_about_nothing_else_keeps_its_reading() -> None:
    assert parse("numb hands, getting worse").findings.get("getting_worse") is True
