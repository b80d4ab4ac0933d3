"""People's own words in walkthrough U (Anne, Grace): a doubt said after a sign in its own sentence or after a
semicolon is kept as not sure, a daughter's phone call after the words it heard is not a phone held to the ear, a
plain "no headache" is not "no headache comes after the numbness", and "for 20 minutes, it's fine now" is a spell
that went away within the hour, its clumsy hand still read, so a sudden start is still the emergency."""

from __future__ import annotations

import pytest

from numbwise.parse import emergency, parse
from tests.conftest import run_cli

ANNE = ("Since yesterday evening my right hand and the right side of my face feel numb. My daughter on the phone "
        "thought my speech sounded a bit funny, I'm not sure. No headache.")
GRACE = ("this morning my left hand and fingers went numb and clumsy for about 20 minutes while I was making tea, "
         "it's fine now")


def test_anne_her_speech_not_sure_no_phone_trigger_and_no_headache_is_not_a_headache_after() -> None:
    p = parse(ANNE)
    assert "speech_difficulty" in p.unsure and "speech_difficulty" not in p.findings, p.findings
    assert "worse_elbow_bent" not in p.understood and "worse_elbow_bent" not in p.unsure
    assert "headache_follows" not in p.understood, p.understood
    assert p.understood.get("severe_sudden_headache") is False
    assert "severe_sudden_headache" not in p.findings  # a denied warning sign is left to its question
    assert emergency(p), "her numb face on the hand's side is still an emergency"


@pytest.mark.parametrize(("text", "speech"), [
    # hits: her own doubt after the words, however she ends them
    ("My daughter thought my speech sounded a bit funny; I'm not sure.", None),
    ("My daughter thought my speech sounded a bit funny. I'm not sure.", None),
    ("My daughter thought my speech sounded a bit funny. Not sure.", None),
    ("My daughter thought my speech sounded a bit funny on the phone, I'm not sure.", None),
    ("my right hand is numb. My daughter thought my speech sounded a bit funny on the phone, I'm not sure", None),
    # near misses: a doubt that leads what follows, or a sentence of its own about something else
    ("My daughter thought my speech sounded a bit funny. I'm not sure what to do.", True),
    ("My daughter thought my speech sounded funny. I'm not sure why my hand is numb.", True),
    ("My daughter thought my speech sounded a bit funny on the phone.", True),
    # unknown: the speech not said at all
    ("My daughter rang me on the phone. I'm not sure.", "absent"),
])
def test_a_doubt_after_the_words_in_its_own_sentence_or_after_a_semicolon(text: str, speech: bool | str | None) -> None:
    p = parse(text)
    if speech == "absent":
        assert "speech_difficulty" not in p.understood and "speech_difficulty" not in p.unsure, text
        return
    assert p.findings.get("speech_difficulty") is speech, (text, p.findings)
    assert ("speech_difficulty" in p.unsure) is (speech is None), (text, p.unsure)


@pytest.mark.parametrize(("text", "phone"), [
    # hits: the daughter's call, wherever it is said in her sentence, with or without a doubt after
    ("My daughter thought my speech sounded a bit funny on the phone, I'm not sure.", "none"),
    ("my hand went numb and my daughter thought my speech sounded funny on the phone", "none"),
    # near misses: the numbness tied to being on the phone is still read, a doubt after it still doubts it
    ("my wife says my little finger goes numb on the phone", "yes"),
    ("my pinky goes dead on the phone, I think", "unsure"),
])
def test_a_call_said_after_what_the_caller_heard_is_not_the_phone_that_brings_it_on(text: str, phone: str) -> None:
    p = parse(text)
    got = "yes" if p.understood.get("worse_elbow_bent") else "unsure" if "worse_elbow_bent" in p.unsure else "none"
    assert got == phone, (text, p.understood, p.unsure)


@pytest.mark.parametrize(("text", "follows"), [
    ("No headache.", None),  # unknown: a plain no says nothing of a headache after the numbness
    ("my hand is numb, no headache", None),
    ("I don't have a headache", None),
    # near misses: said of the headache after, or after a spell that has gone, it is still read
    ("my hand went numb for 20 minutes, it is all gone now, no headache", False),
    ("zigzag lines, then my fingers tingled, no headache afterwards", False),
    ("my fingers tingled for 20 minutes, no headache after", False),
    ("my fingers tingled for 20 minutes, then a headache", True),
])
def test_a_plain_no_headache_is_not_no_headache_after_the_numbness(text: str, follows: bool | None) -> None:
    assert parse(text).understood.get("headache_follows") is follows, text


def test_grace_a_spell_that_went_away_within_the_hour_keeps_its_clumsy_hand() -> None:
    p = parse(GRACE)
    assert p.findings.get("episode_resolved_within_hour") is True, p.findings
    assert p.findings.get("hand_weakness") is True  # it came with the spell: the sudden-weakness rule needs it
    assert p.findings.get("one_hand") is True
    sudden = parse(GRACE.replace("went numb", "suddenly went numb"))
    assert emergency(sudden), "a sudden clumsy numb hand that went away is still the emergency (a mini-stroke)"


def test_graces_clumsy_hand_is_not_said_to_be_clumsy_now() -> None:
    r = run_cli("--plain", "parse", "--text", GRACE, "--format", "text")
    assert r.code == 0, r.err
    out = " ".join(r.out.split())
    assert "It went away completely within an hour." in out
    assert "hands feel clumsy" not in out  # present tense, though it has gone
    assert "Your hands have been weak or clumsy." in out  # true of a spell that has gone, and of one now


@pytest.mark.parametrize(("text", "gone"), [
    # hits: the clause after the length says it has gone
    ("my hand went numb for about 20 minutes, it's fine now", True),
    ("my left hand tingled for 10 minutes, then it went away", True),
    ("my fingers went numb for 15 minutes, all gone now", True),
    # near misses: the next clause is about something else, or says it has not gone
    ("my hand has been numb for 20 minutes, my face is fine", None),
    ("my hand has been numb for 20 minutes, it's not gone", False),  # said not gone: denied, as before
    ("my hand has been numb for 20 minutes, nothing makes it better", False),
    # unknown: a doubt whether it has gone
    ("my hand went numb for 20 minutes, not sure if it's gone", None),
])
def test_gone_said_just_after_a_length_under_an_hour(text: str, gone: bool | None) -> None:
    assert parse(text).understood.get("episode_resolved_within_hour") is gone, text
