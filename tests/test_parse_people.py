"""People's own words read without answering for them (walkthrough Q: Anne, Nadia, Mei, Tariq).

Anne's doubt about her speech ("my daughter ... thought my speech sounded a bit funny, I am not sure") is kept as not
sure, never a firm yes, and her daughter's phone call is not a phone that brings the numbness on. Nadia's usual aura,
usual migraine headache and spread over minutes are read from her words, and "not like my usual aura" never is. Tariq's
"Grip feels fine" is read.
"""

from __future__ import annotations

import pytest

from numbwise.parse import emergency, parse

ANNE = ("I'm 81, woman. Since yesterday evening my right hand and the right side of my face feel numb. My daughter on "
        "the phone thought my speech sounded a bit funny, I am not sure.")
NADIA = ("tingling spread slowly over 20 minutes from my fingers up my arm to my face, then my usual migraine headache, "
         "it is gone now, same as my usual aura")
TARIQ = ("Neck pain and tingling down my right arm to my thumb for 3 weeks, since lifting boxes. Worse when I turn my "
         "head or look up. Grip feels fine.")


def test_annes_not_sure_about_her_speech_is_kept_as_not_sure_and_her_face_still_raises_the_emergency() -> None:
    p = parse(ANNE)
    assert "speech_difficulty" in p.unsure and "speech_difficulty" not in p.findings, p.findings
    assert p.findings.get("numb_face_same_side") is True
    assert emergency(p), "her numb face on the hand's side is still an emergency"


@pytest.mark.parametrize(("text", "speech"), [
    ("my speech sounded a bit funny, I'm not sure", None),
    ("my speech sounded a bit funny, im not sure", None),
    ("my speech sounded a bit funny but I'm not sure", None),
    ("my speech sounded a bit funny, I don't know", None),
    ("my speech sounded a bit funny, maybe", None),
    # near misses: a doubt that leads what follows, or is about something else, leaves the sign said
    ("my speech sounded a bit funny, I'm not sure what to do", True),
    ("my speech sounded a bit funny, I'm not sure if I should call", True),
    ("my wife thought my speech sounded a bit funny", True),  # what someone saw is said; only the person's doubt is kept
    ("my speech is slurred. I am not sure why my hand is numb", True),
])
def test_a_doubt_after_a_comma_reaches_back_over_i_am(text: str, speech: bool | None) -> None:
    p = parse(text)
    assert p.findings.get("speech_difficulty") is speech, (text, p.findings)
    assert ("speech_difficulty" in p.unsure) is (speech is None), (text, p.unsure)


@pytest.mark.parametrize(("text", "phone"), [
    (ANNE, None),
    ("my son on the phone said I sounded odd and my hand is numb", None),
    ("I spoke to my GP on the phone and my hand is numb", None),
    # near misses: the numbness tied to being on the phone is still read
    ("my pinky goes numb when I'm on the phone", True),
    ("my ring and little fingers go dead on the phone", True),
    ("on the phone my little finger tingles", True),
    ("it's worse on the phone", True),
    ("my little finger tingles if I'm on the phone for long", True),
])
def test_the_phone_brings_it_on_only_when_the_words_tie_the_numbness_to_it(text: str, phone: bool | None) -> None:
    assert parse(text).understood.get("worse_elbow_bent") is phone, text


def test_nadias_usual_aura_migraine_and_spread_are_read_from_her_words() -> None:
    p = parse(NADIA)
    for fid in ("migraine_history", "aura_like_usual", "headache_follows", "spreads_over_minutes"):
        assert p.findings.get(fid) is True, (fid, p.findings)
    assert "onset_gradual" not in p.understood  # "slowly" over 20 minutes is a spread, not weeks


@pytest.mark.parametrize("text", [
    "tingling spread up my arm over 20 minutes, not like my usual aura, then my usual migraine headache",
    "I get migraines but this is not like my usual aura",
    "I get migraines, this was different from my usual aura",
    "I get migraines, this isn't the same as my usual aura",
    "I get migraines. It is nothing like my usual aura",
])
def test_not_like_my_usual_aura_is_never_read_as_usual(text: str) -> None:
    p = parse(text)
    assert p.understood.get("aura_like_usual") is not True, (text, p.understood)
    assert "aura_like_usual" not in p.findings or p.findings["aura_like_usual"] is False


def test_tariqs_grip_feels_fine_is_his_own_no() -> None:
    p = parse(TARIQ)
    assert p.understood.get("hand_weakness") is False
    # docs/parser.md, Safety: a weakness stated normal enters the case (walkthrough AC: he was asked his grip again)
    assert p.findings.get("hand_weakness") is False
    assert parse("Grip is fine").understood.get("hand_weakness") is False
    assert parse("my grip feels fine but I keep dropping things").findings.get("hand_weakness") is True


MEI = ("I'm 67, woman, I have AF and take warfarin. This morning my left hand went numb and clumsy suddenly for about "
       "10 minutes; it is fine now.")


def test_meis_clumsy_hand_is_not_called_only_weak_in_why_this_level() -> None:
    """hand_weakness is a weak grip, clumsiness or dropping things: the emergency rule's reason fits all three."""
    from tests.conftest import run_cli

    r = run_cli("--plain", "assess", "--text", MEI, "--format", "text")
    assert r.code == 0, r.err
    out = " ".join(r.out.split())
    assert "CALL EMERGENCY SERVICES NOW" in out
    assert "A hand that suddenly becomes weak or clumsy, along with numbness, can be a stroke." in out
    assert "suddenly becomes weak, along" not in out


def test_when_i_panic_is_her_panic_attacks_and_a_denial_is_not() -> None:
    """Walkthrough S (Hana): "when i panic i breathe really fast" was asked again as "Do you have panic attacks or
    anxiety?"; near miss: "I don't panic" says nothing of the kind."""
    from numbwise.parse import parse

    assert parse("when i panic i breathe really fast and my hands tingle").findings.get("anxiety_history") is True
    assert "anxiety_history" not in parse("I don't panic, my hand just goes numb").findings
