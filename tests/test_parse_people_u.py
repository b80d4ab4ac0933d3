"""Own words from walkthrough U: how a symptom other than the numbness comes and goes is not the numbness's course
(Mei: her headache "won't go away", she "sometimes" sees flashing lights), and a mouth said with the hands, or spells
that "happened a few times", are read (Hana)."""

from __future__ import annotations

import pytest

from numbwise.parse import parse
from tests.conftest import run_cli

MEI = ("32 weeks pregnant, for 3 weeks the thumb, index and middle fingers of both hands tingle at night. Today I also "
       "have a bad headache that won't go away, my face and hands look puffy, and I sometimes see flashing lights.")
HANA = ("when I panic I breathe fast and my hands and mouth tingle, it passes within 20 minutes when I calm down, it has "
        "happened a few times this past year")


# Mei: "won't go away" was her headache and "sometimes" her flashing lights: neither is how the tingling runs.

def test_mei_reads_neither_constant_nor_comes_and_goes() -> None:
    p = parse(MEI)
    assert "constant" not in p.understood
    assert "comes_and_goes" not in p.understood
    assert p.understood.get("pregnancy_warning_signs") is True
    assert p.understood.get("worse_at_night") is True


@pytest.mark.parametrize("text", [
    "I have a headache that won't go away",
    "30 weeks pregnant, my hands tingle, I have a headache that won't go away",
    "my hands tingle at night. My neck pain is there all the time",
    "my fingers tingle at night and I sometimes see flashing lights",
    "numb fingers at night and I get headaches sometimes",
    "my pinky is numb, the pain in my elbow never goes away",
    "my thumb tingles, my ankles have been swollen all the time",
])
def test_the_course_of_another_symptom_is_not_the_numbness(text: str) -> None:
    p = parse(text)
    assert "constant" not in p.understood, text
    assert "comes_and_goes" not in p.understood, text


@pytest.mark.parametrize("text", [
    "the tingling won't go away",
    "my fingers are numb all the time",
    "I have a headache and the tingling won't go away",
    "it's there all the time",
    "my hand tingles all the time and my neck hurts",
])
def test_the_numbness_said_constant_still_is(text: str) -> None:
    assert parse(text).understood.get("constant") is True, text


@pytest.mark.parametrize("text", [
    "the tingling comes and goes sometimes",
    "sometimes my fingers go numb",
    "it comes and goes",
    "my headache is gone but the tingling comes and goes",
    "pins and needles on and off, with some neck pain",
])
def test_the_numbness_said_to_come_and_go_still_does(text: str) -> None:
    assert parse(text).understood.get("comes_and_goes") is True, text


def test_an_unrelated_constancy_alone_reads_nothing_of_the_numbness() -> None:
    p = parse("my back pain is constant")
    assert "constant" not in p.understood
    assert "comes_and_goes" not in p.understood


def test_mei_parse_text_lists_neither_reading() -> None:
    r = run_cli("--plain", "parse", "--format", "text", "--text", MEI)
    assert r.code == 0, r.err
    assert "It is there all the time" not in r.out
    assert "It comes and goes" not in r.out
    assert "severe headache, vision problems or sudden swelling" in r.out


def test_mei_check_describe_lists_neither_reading() -> None:
    r = run_cli("--plain", "check", "--no-diary", "--describe", MEI, input="\n")
    understood = r.out.split("we understood:")[1].split("Type the numbers of any")[0]
    assert "all the time" not in understood
    assert "comes and goes" not in understood
    assert "severe headache, vision problems or sudden swelling" in understood


# Hana: her mouth said with her hands, and spells that "happened a few times", are read.

def test_hana_reads_her_mouth_and_spells_that_come_back() -> None:
    p = parse(HANA)
    assert p.understood.get("numb_around_mouth") is True
    assert p.understood.get("comes_and_goes") is True
    assert p.understood.get("both_hands") is True
    assert "onset_gradual" not in p.understood


@pytest.mark.parametrize("text", [
    "when I panic I breathe fast and my mouth and hands tingle",
    "my mouth and both hands tingle when I panic",
    "my hands and mouth go tingly when I have a panic attack",
    "my mouth goes tingly and so do my fingers",
])
def test_a_mouth_said_with_the_tingling_hands_is_read(text: str) -> None:
    assert parse(text).understood.get("numb_around_mouth") is True, text


@pytest.mark.parametrize("text", [
    "my hands tingle, it has happened a few times this past year",
    "my fingers went numb, it's happened several times",
    "I've had this a few times before, my hands tingle",
    "it happened 3 or 4 times last year, my hands go numb",
])
def test_spells_that_happened_several_times_come_and_go(text: str) -> None:
    assert parse(text).understood.get("comes_and_goes") is True, text


@pytest.mark.parametrize("text", [
    "my hands tingle, no tingling in my mouth",
    "my mouth is dry and my hands tingle",
    "the corner of my mouth and my right hand tingle",
    "I checked my sugar a few times today, my hands tingle",
    "I've fallen a few times, my feet are numb",
])
def test_near_misses_read_neither(text: str) -> None:
    p = parse(text)
    if "mouth" in text:
        assert p.understood.get("numb_around_mouth") is not True, text
    else:
        assert "comes_and_goes" not in p.understood, text


def test_blisters_that_bring_the_numbness_back_still_come_and_go() -> None:
    text = "blisters on my pointer finger keep coming back and the finger goes numb and tingly when they do"
    assert parse(text).understood.get("comes_and_goes") is True


@pytest.mark.parametrize(("text", "course"), [
    ("32 weeks pregnant. Tingling in my fingers at night. Bad headache today, won't go away.", None),
    ("I get headaches, and it comes and goes", None),
    ("my hands tingle with some neck pain, it comes and goes", True),
    ("I have a headache. My fingers tingle, it won't go away.", True),
])
def test_a_clause_with_no_word_of_its_own_speaks_of_the_one_before(text: str, course: bool | None) -> None:
    p = parse(text)
    got = p.understood.get("constant", p.understood.get("comes_and_goes"))
    assert got is course, text


@pytest.mark.parametrize(("text", "finding", "value"), [
    ("thumb muscles look normal, it's not constant, my thumb tingles", "constant", False),
    ("Not weak, not constant, no diabetes", "constant", False),
    ("both hands go tingly and my arms ache, goes off when I put them down", "comes_and_goes", True),
])
def test_a_denied_symptom_or_the_tingling_before_the_comma_keeps_the_course(text: str, finding: str, value: bool) -> None:
    assert parse(text).understood.get(finding) is value, text
