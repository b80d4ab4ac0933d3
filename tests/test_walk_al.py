"""Walkthrough AL: what independent reviewers found on the final round of issue 11, each with a hit, a near miss and
an unknown case.

Lena, 31, 30 weeks pregnant, carpal tunnel at night: asked about zigzags, flashes or blind spots (the migraine
question), the result said "A yes would not make this more urgent" under a top that said "problems seeing ... call
your maternity unit or midwife now"; a yes left the level and its words as they were. Flashing lights are one of the
NHS's pre-eclampsia vision problems, so in pregnancy the yes is one of those warning signs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import json

from tests.conftest import assess_cli, care_command, run_cli

LENA = {"age": 31, "sex": "female", "findings": {"pregnant": True, "both_hands": True, "worse_at_night": True,
                                                 "numb_thumb": True, "numb_index": True}}
MATERNITY_NOW = "CONTACT YOUR MATERNITY TEAM NOW"


def _flags(case: dict[str, Any], tmp_path: Path) -> tuple[str, list[str]]:
    """The level and red flags `numbwise assess --format json` gives these answers (the not-sure ones too)."""
    out = json.loads(assess_cli(case, tmp_path, "json"))
    return out["triage"], out["red_flags"]


def _with(case: dict[str, Any], unsure: tuple[str, ...] = (), **findings: bool) -> dict[str, Any]:
    return {**case, "findings": {**case["findings"], **findings}, "unsure": list(unsure)}


def test_hit_flashes_in_pregnancy_send_to_the_maternity_team_now(tmp_path: Path) -> None:
    case = _with(LENA, ("pregnancy_warning_signs",), visual_aura=True)
    assert _flags(case, tmp_path) == ("urgent", ["pregnant", "visual_aura"])
    text = assess_cli(case, tmp_path)
    assert MATERNITY_NOW in text and "You see zigzags, flashes or blind spots with it." in text
    assert "You were not sure about the warning signs in pregnancy" not in text  # the yes says them


def test_near_miss_flashes_when_not_pregnant_are_not_a_pregnancy_sign(tmp_path: Path) -> None:
    case = _with(LENA, pregnant=False, visual_aura=True)
    assert "visual_aura" not in _flags(case, tmp_path)[1]
    assert MATERNITY_NOW not in assess_cli(case, tmp_path)


def test_unknown_pregnancy_with_flashes_is_never_calmer_than_the_pregnancy_doubt(tmp_path: Path) -> None:
    """Not sure she is pregnant: the flashes are not counted as a pregnancy sign, and the level is not lowered."""
    case = _with({**LENA, "findings": {k: v for k, v in LENA["findings"].items() if k != "pregnant"}},
                 ("pregnant",), visual_aura=True)
    level, flags = _flags(case, tmp_path)
    assert "visual_aura" not in flags and level in ("routine", "urgent")
    assert MATERNITY_NOW not in assess_cli(case, tmp_path)


ANYONE = "It does not know your answers. If a check or a doctor told you to get help first, do that first."


def test_hit_the_care_command_with_no_answers_says_it_does_not_know_them() -> None:
    """Lena's terminal face: `numbwise care carpal_tunnel`, as Learn names it, says the note above its home steps."""
    run = run_cli("--plain", "care", "carpal_tunnel")
    out = " ".join(run.out.split())
    assert run.code == 0 and ANYONE in out and out.index(ANYONE) < out.index("Wear a wrist splint at night"), out


def test_near_miss_a_results_care_command_says_that_result_instead(tmp_path: Path) -> None:
    from tests.web.test_walk_af_care_web import ZOE

    case = {"age": 34, "sex": "female", "findings": ZOE["findings"]}
    cmd = care_command(assess_cli(case, tmp_path))
    run = run_cli("--plain", *cmd)
    out = " ".join(run.out.split())
    assert run.code == 0 and "YOUR RESULT SAID" in out and ANYONE not in out, out
