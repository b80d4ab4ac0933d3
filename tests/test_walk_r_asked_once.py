"""Walkthrough R (Hana): readings of her own words that decide an emergency are asked back once, in one list, saying
which of her answers made them matter; a web check shows the low-sugar first aid once; each screen's instructions
match its controls; a question's help names only options it shows; a follow-up on panic reads on from the first."""

from __future__ import annotations

import re
from typing import Any

from numbwise.kb import load
from tests.conftest import run_cli

HANA = ("when i panic i breathe really fast and get tingling around my mouth and in both hands, it goes away in 20 "
        "minutes, it has happened several times over the last year")
CONFIRM = " ".join(load().interview.confirm_emergency.text.split())  # type: ignore[union-attr]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _hana(confirm: str) -> str:
    """Hana keeps every reading (her words no longer say how it came on, so the start is asked), is not sure of face
    numbness, says it started suddenly; the list asked back comes next ("when i panic" is her panic attacks), then no
    injury."""
    run = run_cli("--plain", "check", "--no-diary", "--describe", HANA,
                  input="\n?4\n\n24\nf\n1\n" + confirm + "n\nL0 R0\n" + "\nn\n" * 30)
    return _flat(run.out)


def test_hana_is_asked_back_her_words_once_in_one_list_saying_why() -> None:
    out = _hana("1 2 3 4 5 6\n")
    assert "URGENCY:" in out, out[-1500:]
    assert out.count("Is each of these true for you?") == 1, re.findall(r"Question \d+: (.*?\?)", out)
    head = out.split(CONFIRM)[0][-400:]
    assert "You answered that it started suddenly" in head, head  # the answer that made her words matter
    screen = out.split(CONFIRM)[1].split("You said yes to")[0]
    for item in ("Both of your hands", "more than six weeks ago", "went away completely within an hour",
                 "breathe fast", "Tingling around your lips"):
        assert item in screen, item  # every reading that could lower it, in the one list
    questions = re.findall(r"Question \d+: (.*?\?)", out)
    assert not any("lips" in q or "both of your hands" in q.lower() or "within an hour" in q for q in questions)
    # her face is still not sure, so the level stays at help today, with her words counted
    assert "URGENCY: GET MEDICAL HELP TODAY" in out, out[-2000:]
    assert "Over-breathing" in out.split("URGENCY:")[1]


def test_hana_saying_no_on_the_list_keeps_the_emergency() -> None:
    """Safety: the one asking back answered with nothing ticked: her words do not undo the sudden start."""
    out = _hana("\n")
    assert out.count(CONFIRM) == 1
    assert "URGENCY: CALL EMERGENCY SERVICES NOW" in out, out[-1500:]


SAM = ("woke up this morning with my left hand tingling, still there. i think my left leg felt weak for a few minutes "
       "when i got up but not sure")


def test_a_list_trimmed_of_an_item_the_words_answered_does_not_quote_it() -> None:
    """Walkthrough R (Sam): "still there" answered 'there all the time', so the pattern list leaves it out; its help
    said "Most people mark 'The numbness is there all the time'", an item not on the list. The help names only what
    the list shows, in the core (both faces) and in the terminal."""
    from numbwise.assess.interview import _still_open, _step_questions, describe, question, start

    iv = describe(start(45, "male"), {"one_hand": True, "constant": True})
    full = next(q for q in _step_questions() if q.id == "screen_pattern")
    trimmed = _still_open(full, iv)
    assert "constant" not in trimmed.findings
    for q in (trimmed, question(trimmed.id, trimmed.kind, trimmed.findings)):  # the web rebuilds it from plain data
        quoted = re.findall(r'"([^"]+)"', q.help)
        assert all(any(label.startswith(t) for label in q.labels) for t in quoted), (quoted, q.labels)
        assert "there all the time" not in q.help and q.help.startswith("Mark each one")
    assert "Most people mark" in full.help  # the full list still says which one most people mark
    run = run_cli("--plain", "check", "--no-diary", "--describe", SAM, input="\n" + "\nn\n" * 40)
    out = _flat(run.out)
    assert "Which of these fit your numbness?" not in out or "there all the time\" or" not in out


def test_kb_check_finds_a_help_quoting_an_option_a_list_may_not_show(tmp_path: Any) -> None:
    """`numbwise kb check`: a screen's help (always shown) may not quote one of its items by its words, since a list
    drops what was answered already; quoting is for the text said only while its items are all on the list."""
    import shutil
    from pathlib import Path

    src = Path(__file__).resolve().parents[1] / "src" / "numbwise" / "knowledge"
    folder = tmp_path / "knowledge"
    shutil.copytree(src, folder)
    path = folder / "interview.yaml"
    text = path.read_text()
    assert text.count("help: Mark each one that is true for you.\n    group_help:") == 1
    path.write_text(text.replace("help: Mark each one that is true for you.\n    group_help:",
                                 "help: Mark each one that is true for you, like \"It gets worse at night\".\n    group_help:"))
    run = run_cli("kb", "check", "--folder", str(folder))
    assert run.code != 0 and "It gets worse at night" in run.out, run.out[-800:]


# none of the signs, 24 f, suddenly, no injury, both whole hands, no signs of low blood sugar now (asked first of the
# emergency's questions since walkthrough W), no pressure
STEP_HANA = "\n24\nf\n1\nn\nL0 R0\nn\nn\n"


def test_a_no_to_panic_attacks_is_not_followed_by_panic_during_the_episodes() -> None:
    """Walkthrough R (Hana, step by step): "Do you have panic attacks or anxiety?" was followed at once by "During the
    episodes ... panic or anxiety?". After a no the second is not asked; after a yes it reads on from the first."""
    from numbwise.kb import load

    second = " ".join(load().findings["rapid_breathing_anxiety"].question.split())
    first = load().findings["anxiety_history"].question
    yes = _flat(run_cli("--plain", "check", "--no-diary", input=STEP_HANA + "y\n" + "q\n").out)
    assert first in yes, yes[-1500:]
    after = yes.split(first)[1]
    follow = re.search(r"Question \d+: (.*?\?)", after)
    assert follow is not None and "breathe fast" in follow.group(1), after[:800]
    assert follow.group(1).startswith("You said you have panic attacks or anxiety."), follow.group(1)
    no = _flat(run_cli("--plain", "check", "--no-diary", input=STEP_HANA + "n\n" + "\nn\n" * 40).out)
    assert first in no and "URGENCY:" in no, no[-1500:]
    assert second not in no and "breathe fast" not in " ".join(re.findall(r"Question \d+: (.*?\?)", no))
