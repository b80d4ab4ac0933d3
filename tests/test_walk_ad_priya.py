"""Walkthrough AD (independent reviewer, Priya, 35, type 1 diabetes on insulin, in her own words): above the start
question the sugar line said "call your emergency number if the numbness came on suddenly"; once she answered
"Suddenly" the loud line under it said only "If you are worried, call your emergency number now". The loud line
right after a single answer that made the emergency now says the call plainly; the calm lines after it stay calm."""

from __future__ import annotations

from numbwise.kb import load
from tests.conftest import check_cli

FIRST = load().interview.emergency_first
assert FIRST is not None and FIRST.still_settled
WORDS = "35 f, feel shaky and sweaty, my fingers and lips are tingling, skipped lunch"
# her words kept; confusion not sure; go on; the emergency screen none; diabetes yes; insulin yes; "Suddenly"; no
# injury; then stop
KEYS = "\n?\n2\n\ny\ny\n1\nn\nq\n"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_after_suddenly_the_loud_line_says_call_now_plainly() -> None:
    out = _flat(check_cli(KEYS, "--describe", WORDS, codes=(0, 130)))
    after = out.split("You said: Suddenly", 1)[1]
    loud = after.split("Question 6:", 1)[0]
    assert _flat(FIRST.still_settled or "") in loud and FIRST.still not in loud


def test_near_miss_the_next_questions_line_is_calm_again() -> None:
    out = _flat(check_cli(KEYS, "--describe", WORDS, codes=(0, 130)))
    calm = out.split("You said: no", 1)[1].split("Question 7:", 1)[0]
    assert FIRST.still in calm
