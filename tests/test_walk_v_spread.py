"""Walkthrough V (reviewer V2, Nadia, not her usual aura): the spread over minutes said once, with the right reason.

She picked "It crept or spread ... over several minutes" (not "Suddenly"), and said it was not like her usual aura.
The call-now result then said "That still counts as a sudden start" against the choice the question gave her, and
listed the spread twice ("It came on within minutes, creeping ..." and "The tingling spreads slowly over several
minutes"). Now the note gives the reason (only an aura just like one had before is treated as one) and a sign whose
words another shown sign already says is not listed again. Near miss: "Suddenly" lists only the sudden start.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, assess_plan

NADIA: dict[str, Any] = json.loads(
    '{"age":29,"sex":"female","findings":{"spreads_over_minutes":true,"onset_sudden":true,"migraine_history":true,'
    '"aura_like_usual":false,"one_hand":true,"numb_face_same_side":true,"episode_resolved_within_hour":true,'
    '"headache_follows":true,"atrial_fibrillation":false,"blood_thinners":false,"previous_stroke_or_tia":false},'
    '"unsure":[]}')


def test_not_her_usual_aura_gives_the_reason_and_says_the_spread_once(tmp_path: Path) -> None:
    plan = assess_plan(NADIA, tmp_path)
    assert plan["level"] == "emergency"
    signs = [s["finding"] for s in plan["signs"]]
    assert "onset_sudden" in signs and "spreads_over_minutes" not in signs, signs
    text = assess_cli(NADIA, tmp_path)
    assert "still counts as a sudden start" not in text
    # the reason is the aura not like her usual one (walkthrough Y), never "counts as a sudden start"
    assert "an aura that is new or not like your usual one can be a mini-stroke" in text


def test_near_miss_suddenly_has_no_spread_note(tmp_path: Path) -> None:
    case = {**NADIA, "findings": {**NADIA["findings"], "spreads_over_minutes": False}}
    text = assess_cli(case, tmp_path)
    assert "It started suddenly, within seconds or minutes" in text and "crept" not in text
