"""Walkthrough N (independent review, Tom, Sara, Maria): watch lines that name the same change at two levels say
different speeds, the pregnancy line tells sudden swelling from slow swelling, a pregnant person with carpal tunnel
is told to mention it to her midwife, and the chemotherapy fever texts fit someone who finished treatment and is not
sure about a fever; through `numbwise assess --case FILE` (the real entry point)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from numbwise.assess.result import WatchGroup
from numbwise.assess.warnings import WatchFor
from tests.conftest import assess_cli
from tests.conftest import result_groups, with_findings
from tests.test_walk_n_watch import SARA

# Tom, 16: in the cold his fingers on both hands go white, tingle for 10-20 minutes, then turn red; two winters.
# Not sure how fast each attack starts.
TOM: dict[str, Any] = {"age": 16, "sex": "male", "unsure": ["onset_sudden"], "findings": {
    "both_hands": True, "one_hand": False, "triggered_by_cold_or_stress": True, "skin_white_then_blue": True,
    "comes_and_goes": True, "constant": False, "lasting_over_6_weeks": True, "fingertip_sores": False,
    "hand_cold_pale_painful": False, "numb_feet": False, "getting_worse": False, "hand_weakness": False}}
# Maria, 58: finished chemotherapy two months ago; fingertips and feet tingle, slowly worse; shivery, not sure of a
# fever.
MARIA: dict[str, Any] = {"age": 58, "sex": "female", "unsure": ["fever"], "findings": {
    "chemotherapy": True, "cancer_history": True, "both_hands": True, "numb_feet": True, "onset_gradual": True,
    "getting_worse": True, "constant": True, "diabetes": False}}

_NOW = "Call your emergency number now if"
_TODAY = "See a doctor today if"


def _spread_lines(lines: list[str]) -> list[str]:
    """The lines about the numbness spreading (not a red skin that spreads)."""
    return [x for x in lines if "spread" in x and "skin" not in x]


def test_toms_spread_lines_say_within_hours_and_over_days(tmp_path: Path) -> None:
    for case in (TOM, with_findings(TOM, lasting_over_6_weeks=False)):
        groups = result_groups(case, tmp_path)
        now, today = _spread_lines(groups.get(_NOW, [])), _spread_lines(groups.get(_TODAY, []))
        assert now and today, groups
        assert all("within hours" in x for x in now), now
        # the today line is the slow spread: over days or weeks, never the hours of the call-now line
        assert all("over days or weeks" in x and "hour" not in x for x in today), today
    # near miss: one hand only gets the other-arm line, worded as slow too
    one = result_groups(with_findings(TOM, both_hands=False, one_hand=True), tmp_path)
    assert all("over days or weeks" in x for x in _spread_lines(one.get(_TODAY, []))), one


def test_the_invariant_catches_one_change_at_two_levels_without_speeds() -> None:
    """The result-path check names two shown lines about the same change at two levels whose words name no different
    speeds (Tom's two spread lines before the fix), and lets the reworded pair through."""
    from tests.result_paths import same_change_at_two_levels

    def plan(now: str, today: str) -> tuple[WatchGroup, ...]:
        return (WatchGroup("emergency", _NOW, (WatchFor("emergency", _NOW, now, "em_rapid_spread",
                                                        ("spreading_within_hours",)),)),
                WatchGroup("urgent", _TODAY, (WatchFor("urgent", _TODAY, today, "ur_fast_worsening",
                                                       ("spreading_to_other_limbs",)),)))

    old = plan("It spreads to other parts of your body within hours.",
               "The numbness spreads to your legs or other parts of your body.")
    assert same_change_at_two_levels(old)
    new = plan("It spreads to other parts of your body within hours.",
               "The numbness slowly spreads to your legs or other parts of your body, over days or weeks.")
    assert not same_change_at_two_levels(new)
    same = plan("It spreads within hours.", "It spreads to your legs within hours.")
    assert same_change_at_two_levels(same)


def test_saras_swelling_line_says_now_only_for_sudden_swelling(tmp_path: Path) -> None:
    groups = result_groups(SARA, tmp_path)
    heading = next(h for h in groups if "maternity" in h)
    line = next(x for x in groups[heading] if "swell" in x)
    now_part = line.split("Swelling that builds up slowly")[0]
    # now: sudden swelling, or swelling that quickly gets much worse, a very bad headache, eyes, pain below the ribs
    assert "suddenly" in now_part and "much worse" in now_part, line
    assert "below your ribs" in now_part and "headache" in now_part, line
    assert "is new" not in line and "new swelling" not in line, line  # new-and-slow fitted both halves
    # slow swelling: the next check, said apart from the now signs, in her care plan's pregnancy note (walkthrough O:
    # not under the "now" heading)
    assert "next check" not in line, line
    assert re.search(r"slowly.*next check|next check.*slowly", " ".join(assess_cli(SARA, tmp_path).split()))


def test_saras_carpal_tunnel_care_tells_her_to_tell_the_midwife(tmp_path: Path) -> None:
    text = " ".join(assess_cli(SARA, tmp_path).split())
    assert "midwife about the tingling" in text, text
    assert "after your baby is born" in text, text
    # near miss: not pregnant, no midwife in her home care
    calm = " ".join(assess_cli(with_findings(SARA, pregnant=False), tmp_path).split())
    assert "midwife" not in calm


def test_marias_fever_texts_fit_finished_treatment_and_not_knowing(tmp_path: Path) -> None:
    text = " ".join(assess_cli(MARIA, tmp_path).split())
    top = text.split("What to do")[0]
    assert "During chemotherapy, 37.5" not in top, top
    assert "after" in top and "37.5" in top, top  # during or after chemotherapy, one cut-off
    assert "38 °C" not in top
    assert "Do not wait to see if the fever goes away" not in text
    # the temperature she is told first is the chemotherapy one; 38 °C is said only as the number for anyone else
    assert text.index("37.5") < text.index("38 °C") if "38 °C" in text else True
    for sentence in re.findall(r"[^.]*38 °C[^.]*\.", text):
        assert "anyone else" in sentence or "not had chemotherapy" in sentence, sentence
    # near miss: a fever she is sure of is told not to wait either, in words that fit
    sure = " ".join(assess_cli({**MARIA, "unsure": [], "findings": {**MARIA["findings"], "fever": True}},
                               tmp_path).split())
    assert "Do not wait to see if" in sure and "CALL YOUR CANCER HELPLINE NOW" in sure
