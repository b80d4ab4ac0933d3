"""Walkthrough U (independent reviewer): Ben, 70, type 2 diabetes for 15 years, feet numb for years, fingertips
tingling for 6 months, and last week a sore on the sole of his foot he had not felt.

His result led with "GET YOUR FOOT CHECKED TODAY ... You told us you have a sore on your foot", but the list read back
from his words ("What we understood") never showed the sore: it was answered for him without his seeing it, and he
could not correct it. And under the foot banner his home steps still said "If you find a sore, cut or blister on your
foot ... contact your GP or foot team", as if he had none. Now the sore is its own line in that list (removing it asks
the foot-sore question instead), and with the foot banner shown the foot step is worded for a sore already reported
(care.yaml `with_foot_sore`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.conftest import assess_plan, check_cli, run_cli
from tests.test_walk_j_care import RUTH

WORDS = ("70 m, type 2 diabetes for 15 years, my feet have been numb for years, for 6 months my fingertips tingle too, "
         "last week I found a sore on the sole of my foot I had not felt")
NO_SORE = "70 m, type 2 diabetes for 15 years, my feet have been numb for years, for 6 months my fingertips tingle too"
FOOT_TITLE = "GET YOUR FOOT CHECKED TODAY"
IF_YOU_FIND = "If you find a sore"
FINGERS = "R1 R2 R3 R4 R5 L1 L2 L3 L4 L5"
# after the list: no signs, slowly, every fingertip (asked at once: the words name no hand), no other signs; Enter
# through the rest
STEPS = f"\n3\n{FINGERS}\n\n"


def _said() -> tuple[str, str]:
    """The foot line's words (interview.yaml `foot_sore` said_yes) and the foot question."""
    from numbwise.kb import load

    q = load().interview.foot_sore
    assert q is not None and q.said_yes
    return q.said_yes, q.text


def _foot_step() -> Any:
    from numbwise.kb import load

    return next(s for s in load().care.plans["diabetic_neuropathy"].steps if s.about == "numb_feet")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _listed(out: str) -> str:
    """The 'From what you wrote, we understood' list of a flattened terminal run."""
    return out.split("we understood:", 1)[1].split("Type the numbers", 1)[0]


def _home(out: str) -> str:
    """The home steps and safety lines of a flattened result, up to the reasons."""
    shown = out[out.index("URGENCY:"):]
    return shown.split("Why this level", 1)[0]


# --- the core -------------------------------------------------------------------------------------------------------

def test_the_foot_line_comes_from_the_core_with_his_words() -> None:
    from numbwise.parse import FOOT_SORE, foot_chips, parse

    said, _ = _said()
    [chip] = foot_chips(parse(WORDS))
    assert chip.finding == FOOT_SORE and chip.value is True and chip.label == said
    assert chip.words == ("a sore on the sole",) and chip.warning  # never turned round to "no" on the list
    assert foot_chips(parse(NO_SORE)) == []
    [no] = foot_chips(parse("no sores on my feet, diabetes"))
    assert no.value is False and no.words == ("no sores on my feet",)


# --- hit: his words -------------------------------------------------------------------------------------------------

def test_his_words_show_the_sore_in_the_list_and_the_home_step_is_worded_for_it() -> None:
    said, question = _said()
    out = check_cli("\n" + STEPS + "\n" * 60, "--describe", WORDS)
    listed = _listed(out)
    assert re.search(rf"\d+\. {re.escape(said)} \('a sore on the sole'\)", listed), listed
    assert question not in out  # he said it: not asked again
    shown = out[out.index("URGENCY:"):]
    assert shown.startswith(f"URGENCY: {FOOT_TITLE}")
    home = _home(out)
    assert _flat(_foot_step().with_foot_sore) in home, home
    assert IF_YOU_FIND not in shown


def test_the_safety_foot_line_is_worded_for_a_sore_already_reported(tmp_path: Path) -> None:
    """Ruth (the causes cannot be told apart: the safety line, not the plan's step) with a sore said."""
    from numbwise.kb import load

    safety = next(s for s in load().care.safety if s.when == ["diabetes", "numb_feet"])
    assert safety.with_foot_sore
    plan = assess_plan({**RUTH, "foot_sore": True}, tmp_path)
    assert plan["foot_today"] is True
    assert _flat(safety.with_foot_sore) in plan["safety"] and not any(IF_YOU_FIND in s for s in plan["safety"])
    plain = assess_plan(RUTH, tmp_path)  # near miss: no sore, the step as it was
    assert _flat(safety.do) in plain["safety"]


# --- near miss: no sore ---------------------------------------------------------------------------------------------

def test_no_sore_in_the_words_no_foot_line_and_the_original_step() -> None:
    said, question = _said()
    out = check_cli("\n" + STEPS + "\n\n\n2\n" + "\n" * 60, "--describe", NO_SORE)
    assert said not in _listed(out)
    assert question in out  # asked instead, answered no
    shown = out[out.index("URGENCY:"):]
    assert FOOT_TITLE not in shown and "You told us about a sore" not in shown
    assert _flat(_foot_step().do_if_yes) in _home(out)  # feet numb: said, no "if" and _flat(_foot_step().with_foot_sore) not in shown


# --- unknown: the sore taken off the list, then not sure --------------------------------------------------------------

def test_the_sore_removed_from_the_list_is_asked_and_not_sure_never_claims_it(tmp_path: Path) -> None:
    import json

    said, question = _said()
    listed = _listed(check_cli("q\n", "--describe", WORDS, codes=(130,)))
    number = re.search(rf"(\d+)\. {re.escape(said)}", listed)
    assert number is not None, listed
    path = tmp_path / "ben.json"
    out = check_cli(f"{number.group(1)}\n" + STEPS + "\n\n\n?\n" + "\n" * 60, "--describe", WORDS, "--save", str(path))
    assert question in out  # the question asks it instead
    shown = out[out.index("URGENCY:"):]
    assert FOOT_TITLE not in shown and "You told us about a sore" not in shown
    assert _flat(_foot_step().do_if_yes) in _home(out)  # feet numb: said, no "if" and _flat(_foot_step().with_foot_sore) not in shown
    assert json.loads(path.read_text())["foot_sore"] == "unsure"  # not sure: never saved as said (walkthrough BN)
    assert "You were not sure about your feet" in shown


def test_the_care_page_keeps_its_own_wording() -> None:
    """`numbwise care` has no person and no banner: never the reported-sore wording."""
    run = run_cli("--plain", "care", "diabetic_neuropathy")
    assert run.code == 0 and _flat(_foot_step().with_foot_sore) not in _flat(run.out)
