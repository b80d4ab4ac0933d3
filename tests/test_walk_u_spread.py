"""Walkthrough U (independent reviewer, HIGH): Nadia's own answer quoted back wrongly.

Nadia, 29, known migraine, step by step: for "How did the numbness start?" she picked "It crept or spread from one
place to another over several minutes" (onset_sudden and spreads_over_minutes), then No to "just like your usual
migraine aura". CALL EMERGENCY SERVICES NOW is right (the usual-aura exception does not hold), but "Warning signs in
your answers" said "! It started suddenly, within seconds or minutes", which she had not picked. Now the sign is worded
for the spread (findings.yaml `said_yes_with`), and the reason, which says "starts suddenly", has a note saying why a
spread over minutes still counts. Near miss: "Suddenly" keeps the original line; unknown: a spread not sure of keeps
the original line and the emergency.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.kb.loader import load
from tests.conftest import assess_cli, assess_plan, check_cli, with_findings

# none of the first list; 29 f; the crept answer; no injury; right hand; no pressure; migraines yes; not the usual
# aura; not over six weeks
KEYS = "\n29\nf\n4\nn\nR1 R2 R3 R4 R5\nn\ny\nn\nn\n"
SUDDEN_KEYS = "\n29\nf\n1\nn\nR1 R2 R3 R4 R5\nn\ny\nn\nn\n"
CALL_NOW = "CALL EMERGENCY SERVICES NOW"
OLD_LINE = "within seconds or minutes"

NADIA: dict[str, Any] = {"age": 29, "sex": "female", "unsure": [], "findings": {
    "spreads_over_minutes": True, "onset_sudden": True, "migraine_history": True, "aura_like_usual": False,
    "one_hand": True, "numb_face_same_side": True, "episode_resolved_within_hour": True, "headache_follows": True}}


def _spread_line() -> str:
    """What the result says for a start that crept over minutes, not like her usual aura: that aura, the spread said
    as part of it (walkthrough Y)."""
    text = load().findings["onset_sudden"].said_yes_with_beside_no["spreads_over_minutes"]["aura_like_usual"]
    return " ".join(text.split())


def _note() -> str:
    """Why a spread over minutes, not like her usual aura, still needs a call now (the stroke rules' first note for it)."""
    rule = next(r for r in load().triage.rules if r.id == "em_sudden_one_side")
    return " ".join(next(n.text for n in rule.notes if n.said == "spreads_over_minutes").split())


def _signs(out: str) -> str:
    return out.split("Warning signs in your answers", 1)[1].split("What to do", 1)[0]


def _why(out: str) -> str:
    return out.split("Why this level", 1)[1].split("Note: numbwise", 1)[0]


def test_her_keys_quote_the_spread_she_picked_not_a_start_within_seconds() -> None:
    """The hit, in the terminal as she used it."""
    out = check_cli(KEYS)
    assert CALL_NOW in out
    assert "minutes" in _spread_line() and "creep" in _spread_line() and OLD_LINE not in _spread_line()
    signs = _signs(out)
    assert "! " + _spread_line() in signs, signs
    assert OLD_LINE not in out.split(CALL_NOW, 1)[1], signs
    # the reason says it came on within minutes, creeping (walkthrough Z, Nadia); a note says why it still counts
    why = _why(out)
    assert "starts suddenly" not in why and "came on within minutes, creeping" in why and _note() in why, why
    assert why.count(_note()) == 1, why


def test_the_plan_names_the_spread(tmp_path: Path) -> None:
    """The one plan every face renders, from her case (her face numb too: two stroke rules, one note)."""
    plan = assess_plan(NADIA, tmp_path)
    assert plan["level"] == "emergency"
    signs = {s["finding"]: s["text"] for s in plan["signs"]}
    assert signs["onset_sudden"] == _spread_line(), signs
    assert not [t for t in signs.values() if OLD_LINE in t], signs
    assert plan["why"].count(_note()) == 1, plan["why"]
    text = assess_cli(NADIA, tmp_path)
    assert OLD_LINE not in text and _spread_line() in _signs(text)


def test_near_miss_suddenly_keeps_the_original_line() -> None:
    out = check_cli(SUDDEN_KEYS)
    assert CALL_NOW in out
    said_yes = " ".join(load().findings["onset_sudden"].said_yes.split())
    assert "! " + said_yes in _signs(out)
    assert _spread_line() not in out and _note() not in out


def test_unknown_spread_keeps_the_original_line_and_the_emergency(tmp_path: Path) -> None:
    """A spread not sure of: never less urgent, and nothing says it crept."""
    findings = {k: v for k, v in NADIA["findings"].items() if k != "spreads_over_minutes"}
    case = {**NADIA, "findings": findings, "unsure": ["spreads_over_minutes"]}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "emergency"
    said_yes = " ".join(load().findings["onset_sudden"].said_yes.split())
    assert {s["finding"]: s["text"] for s in plan["signs"]}["onset_sudden"] == said_yes
    assert _note() not in plan["why"]
    text = assess_cli(case, tmp_path)
    assert text.startswith("URGENCY: " + CALL_NOW) and _spread_line() not in text
    # a spread answered no: the original line too
    no = assess_plan(with_findings(NADIA, spreads_over_minutes=False), tmp_path)
    assert no["level"] == "emergency" and _note() not in no["why"]
    assert {s["finding"]: s["text"] for s in no["signs"]}["onset_sudden"] == said_yes
