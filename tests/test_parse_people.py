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


def test_tariqs_grip_feels_fine_is_read_but_only_a_question_clears_a_warning_sign() -> None:
    p = parse(TARIQ)
    assert p.understood.get("hand_weakness") is False
    assert "hand_weakness" not in p.findings  # docs/parser.md, Safety: a denied warning sign never enters the case
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


_NADIA_ASKED_AGAIN = ("How did the numbness start?", "Have you had migraines before?",
                      "Is this episode just like your usual migraine aura?", "Does a headache come after the numbness?")


def _questions_after(words: str) -> list[str]:
    """The questions the interview asks after these words (every reading kept), each answered no or not sure."""
    from numbwise.assess.interview import answer, describe, next_question, start

    told = parse(words)
    iv = describe(start(29, "female"), told.findings, unsure=told.unsure)
    asked = []
    while (q := next_question(iv)) is not None and len(asked) < 40:
        asked.append(q.text)
        iv = answer(iv, q, {} if q.kind in ("fingers", "choice") else {f: False for f in q.findings})
    return asked


def test_nadias_words_answer_how_it_started_and_her_migraine_questions() -> None:
    """A spread over minutes is the onset answer "It crept or spread ... over several minutes" (a start within
    minutes, as cautious as Suddenly), so the onset is not asked; her migraine, usual aura and headache are not asked."""
    from numbwise.assess.interview import describe, start

    no_face = NADIA.replace(" to my face", "")
    asked = _questions_after(no_face)
    assert not set(_NADIA_ASKED_AGAIN) & set(asked), asked
    iv = describe(start(29, "female"), parse(no_face).findings)
    assert iv.answers.get("onset_sudden") is True and iv.answers.get("spreads_over_minutes") is True


@pytest.mark.parametrize("words", [
    "my fingers tingle, it started slowly over weeks, and it spreads up my arm over 20 minutes",  # a slow start said
    "my right hand tingles",  # no spread: the onset is asked
])
def test_the_onset_is_still_asked_when_no_spread_or_another_start_is_said(words: str) -> None:
    from numbwise.assess.interview import describe, start

    told = parse(words)
    iv = describe(start(40, "female"), told.findings)
    assert iv.answers.get("onset_sudden") is not True or told.findings.get("onset_sudden") is True, (words, iv.answers)


def test_nadia_in_the_terminal_after_not_what_i_meant_is_not_asked_what_her_words_said() -> None:
    from tests.conftest import run_cli

    run = run_cli("--plain", "check", "--no-diary", "--describe", NADIA, input="n\n\n2\nn\n?\ny\n29\nf\n" + "n\n" * 30 + "\n" * 10)
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert "The tingling spreads slowly over several minutes" in out  # the reading is shown and kept
    assert "Did the numbness start after a recent injury" in out  # the check went on past the call advice ("2")
    for q in _NADIA_ASKED_AGAIN:
        assert q not in out, q
