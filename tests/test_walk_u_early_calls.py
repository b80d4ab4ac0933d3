"""Walkthrough U follow-up (Kim, Leo): the result now leads with where the banner's own call goes (`call_where`) and
introduces the emergency buttons as the second call (`call_intro`), but the early screens shown before it (the
describe step's warning, the emergency-first screen) still put "Call your cancer helpline now" or "Go to A&E now"
right above the bare ">> Call 999" lines. The core's early call (`call_advice`, `emergency_call`) now carries the
act's where and intro, and every face says them before the buttons, as the result will. A stroke's early screen
keeps its buttons right under its call advice, with no intro.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from rich.console import Console

from numbwise.assess.interview import EarlyCall, after_emergency, call_advice, describe, emergency_beside, start
from numbwise.kb import load
from numbwise.parse import emergency_answers, emergency_call, parse
from tests.conftest import run_cli

KIM = ("45 f, finished chemotherapy (oxaliplatin) 2 months ago, my fingers and feet still tingle, today I have a "
       "temperature of 38.2 and feel shivery")
KIM_NOT_SURE = ("45 f, finished chemotherapy (oxaliplatin) 2 months ago, my fingers and feet still tingle, not sure "
                "if I have a fever")
LEO = "14 m, hit my funny bone on a door frame in PE an hour ago, my ring and little fingers still tingle"
LEO_SUDDEN = "14 m, hit my funny bone on a door frame in PE an hour ago, suddenly my ring and little fingers went numb"
STROKE = "70 m, suddenly my face is drooping and my right hand is numb"


def _act(rule: str) -> tuple[str, str]:
    """The rule's own where and intro, as the knowledge base words them (one line each)."""
    act = next(r.act for r in load().triage.rules if r.id == rule)
    assert act is not None and act.call_where and act.call_intro
    return " ".join(act.call_where.split()), " ".join(act.call_intro.split())


CHEMO_WHERE, CHEMO_INTRO = _act("em_chemo_fever")
AE_WHERE, AE_INTRO = _act("em_sudden_after_arm_injury")


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_the_core_early_call_carries_where_and_intro() -> None:
    """One core for every face: the describe warning and the emergency-first screen get the act's where and intro."""
    words = parse(KIM)
    call = emergency_call(words)
    assert isinstance(call, EarlyCall) and call.title == "Call your cancer helpline now"
    assert (call.call_where, call.call_intro) == (CHEMO_WHERE, CHEMO_INTRO)
    signs = emergency_answers(words)  # the fever; her chemotherapy is shown beside it for a check (walkthrough AS)
    iv = describe(start(45, "female"), after_emergency(words.findings, signs, emergency_beside(words.findings, signs)),
                  {})
    assert call_advice(iv) == call
    stroke = emergency_call(parse(STROKE))
    assert stroke.call_where == "" and stroke.call_intro == ""


def test_kims_early_screen_says_where_and_intro_before_the_buttons() -> None:
    """Kim's own words: the helpline line, then the intro, then ">> Call 999", before she is asked if we read her right."""
    out = _flat(run_cli("--plain", "check", "--no-diary", "--describe", KIM, input="q\n").out)
    warning = out[out.index("WARNING: your words point to an emergency"):out.index("Did we read you right?")]
    assert "Call your cancer helpline now" in warning
    assert warning.index("Call your cancer helpline now") < warning.index(CHEMO_WHERE) < warning.index(CHEMO_INTRO) \
        < warning.index(">> Call 911") < warning.index(">> Call 999")


def test_an_a_and_e_early_screen_says_where_and_intro_before_the_buttons() -> None:
    """Leo, had he written "suddenly": "Go to A&E now", someone to take him, then when to call instead."""
    out = _flat(run_cli("--plain", "check", "--no-diary", "--describe", LEO_SUDDEN, input="q\n").out)
    warning = out[out.index("WARNING: your words point to an emergency"):out.index("Did we read you right?")]
    assert warning.index("Go to A&E (the emergency department) now") < warning.index(AE_WHERE) \
        < warning.index(AE_INTRO) < warning.index(">> Call 999")


def test_leos_own_words_show_no_early_warning() -> None:
    """Leo's own words say no sign that is an emergency by itself: no early warning at all, questions first."""
    out = run_cli("--plain", "check", "--no-diary", "--describe", LEO, input="q\n").out
    assert "WARNING: your words point to an emergency" not in out and AE_INTRO not in _flat(out)


def test_a_stroke_early_screen_is_unchanged() -> None:
    """Near miss: a stroke's early screen keeps ">> Call 999" right under its call advice, with no intro."""
    out = _flat(run_cli("--plain", "check", "--no-diary", "--describe", STROKE, input="q\n").out)
    warning = out[out.index("WARNING: your words point to an emergency"):out.index("Did we read you right?")]
    first = load().interview.emergency_first
    assert first is not None and _flat(first.act) in warning
    assert ">> Call 999 (UK)" in warning and "call your emergency number:" not in warning
    assert CHEMO_WHERE not in warning and AE_WHERE not in warning
    assert warning.index(_flat(first.act)) + len(_flat(first.act)) + 1 == warning.index(">> Call 911")


def test_a_fever_not_sure_keeps_its_buttons() -> None:
    """Unknown: a fever not sure after chemotherapy is no early emergency; the result leads with the helpline and
    keeps every emergency button, introduced as the second call."""
    typed = "\n\n3\nR0 L0\n" + "n\n\n" * 40  # words kept, no signs on the list, slowly, both hands, no to the rest
    out = _flat(run_cli("--plain", "check", "--no-diary", "--describe", KIM_NOT_SURE, input=typed).out)
    assert "WARNING: your words point to an emergency" not in out
    result = out[out.index("URGENCY:"):]
    assert result.startswith("URGENCY: CALL YOUR CANCER HELPLINE NOW")
    assert result.index(CHEMO_INTRO) < result.index(">> Call 911") < result.index(">> Call 999") \
        < result.index(">> Call 112")


@pytest.mark.parametrize("call, said", [
    (EarlyCall("Call your cancer helpline now", "Call it now.", CHEMO_WHERE, CHEMO_INTRO), True),
    (EarlyCall("Call your emergency number now", "Call now."), False),
])
def test_the_terminal_emergency_first_screen_says_where_and_intro(monkeypatch: pytest.MonkeyPatch, call: EarlyCall,
                                                                  said: bool) -> None:
    """The emergency-first screen (1 = what to do now, 2 = a few questions) words the early call the same way."""
    from numbwise.cli import check_cmd

    monkeypatch.setattr(check_cmd, "read_line", lambda console, prompt: "1")
    buf = io.StringIO()
    console = Console(file=buf, width=200, color_system=None)
    assert check_cmd._emergency_first(console, True, False, call) is False
    out: Any = _flat(buf.getvalue())
    if said:
        assert out.index(call.title) < out.index(CHEMO_WHERE) < out.index(CHEMO_INTRO) < out.index(">> Call 911")
    else:
        assert "call your emergency number:" not in out and out.index("Call now.") < out.index(">> Call 911")
