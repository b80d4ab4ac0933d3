"""A checklist's "Why we ask" never names an item the screen does not show (review iv3 item 3), and a checklist
item in medical words says what they mean."""

from __future__ import annotations

import re

from numbwise.kb import load
from tests.conftest import run_cli


def _why(out: str, heading: str) -> str:
    flat = " ".join(out.split())
    return flat.split(heading, 1)[1].split("Why we ask:", 1)[1].split(" 1. ", 1)[0]


def test_a_man_is_not_told_pregnancy_is_why_we_ask() -> None:
    soon = next(s for s in load().interview.steps if s.id == "screen_soon")
    run = run_cli("--plain", "check", "--no-diary", input="\n60\nm\n3\nR1 R2 R3\n\nq\n")
    why = _why(run.out, soon.text)
    assert "pregnan" not in " ".join(run.out.split()).split(soon.text, 1)[1].split("Type the numbers", 1)[0].lower()
    assert not re.search(r"pregnan|injury|cast\b", why, re.I), why  # items a screen may leave out are not named


def test_every_screen_why_names_no_item_the_screen_can_leave_out() -> None:
    """An item a screen can drop (for one sex or age, or asked already on its own) is not named in its why."""
    kb = load()
    droppable = {"pregnan": ["pregnancy_warning_signs", "pregnant"], "alcohol": ["heavy_alcohol"],
                 "cast": ["recent_arm_injury_or_cast"], "injury": ["recent_arm_injury_or_cast"]}
    for step in kb.interview.steps:
        for word, items in droppable.items():
            if any(f in step.items for f in items):
                assert word not in step.why.lower(), (step.id, word)


def test_pernicious_anaemia_says_what_it_is_on_a_checklist() -> None:
    from numbwise.assess.interview import checklist_label

    assert "B12" in checklist_label("pernicious_anemia")
