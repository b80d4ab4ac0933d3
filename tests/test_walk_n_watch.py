"""Walkthrough N (independent review): a watch line's words agree with its heading, the salts story names its
dangerous signs and where blood can be checked today, and a hurt wrist without a cast gets its own route, through
`numbwise assess --case FILE` (the real entry point)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assess_cli, edit_file, result_groups, with_findings

# Sara, 31, 34 weeks pregnant: both hands tingle on the thumb side at night, shaking helps; puffy hands in the morning.
SARA: dict[str, Any] = {"age": 31, "sex": "female", "unsure": [], "findings": {
    "pregnant": True, "pregnancy_warning_signs": False, "both_hands": True, "one_hand": False, "numb_thumb": True,
    "numb_index": True, "numb_middle": True, "worse_at_night": True, "shaking_relieves": True, "comes_and_goes": True,
    "constant": False, "hand_weakness": False, "thumb_muscle_wasting": False, "lasting_over_6_weeks": False,
    "diabetes": False, "onset_sudden": False}}
# Hassan, 63: kidney disease, two days of vomiting, tingling around the mouth and in the fingers, no cramps.
HASSAN: dict[str, Any] = {"age": 63, "sex": "male", "unsure": [], "findings": {
    "kidney_disease": True, "vomiting_or_diarrhea": True, "numb_around_mouth": True, "both_hands": True,
    "muscle_cramps_spasms": False, "onset_over_days": True}}
# Kofi, 40: fell on his hand; the wrist is swollen and his fingers tingle. No cast, no worsening pain.
KOFI: dict[str, Any] = {"age": 40, "sex": "male", "unsure": [], "findings": {
    "recent_arm_injury_or_cast": True, "cast_tight_or_severe_pain": False, "onset_sudden": False}}




def test_saras_maternity_line_sits_under_a_heading_that_says_now(tmp_path: Path) -> None:
    groups = result_groups(SARA, tmp_path)
    today = groups.get("See a doctor today if", [])
    assert not any("maternity" in line or re.search(r"\bnow\b", line) for line in today), today
    heading, lines = next((h, ls) for h, ls in groups.items() if any("maternity" in h + x for x in ls))
    assert re.search(r"\bnow\b", heading) and "today" not in heading, heading
    line = next(x for x in lines if "swelling" in x)
    # her puffy morning hands: sudden swelling is the sign; slow swelling is for the next check, said in her care
    # plan, never under this "now" heading (walkthrough O)
    assert "sudden" in line and "next check" not in line, line
    # near miss: not pregnant, no maternity line anywhere
    calm = result_groups(with_findings(SARA, pregnant=False), tmp_path)
    assert not any("maternity" in h or "midwife" in h or any("midwife" in x for x in ls) for h, ls in calm.items())


def test_hassan_is_told_the_dangerous_salt_signs_and_where_blood_is_checked_today(tmp_path: Path) -> None:
    text = assess_cli(HASSAN, tmp_path)
    assert "SEE A DOCTOR TODAY" in text
    now = text.split("Call your emergency number now if")[1].split("What next")[0]
    assert "heartbeat" in now and "uneven" in now and "faint" in now, now
    assert "fit (seizure)" in now and "breathing gets noisy" in now, now
    # hands that cramp and lock are the salts rule's own sign (see a doctor today), never a call-now line beside it
    assert "cramp" not in now, now
    top = text.split("Why this level")[0]
    assert "blood test today" in top and "urgent treatment centre or A&E" in top, top
    assert "nurse helpline" not in top  # a helpline cannot test blood
    # near miss: the vomiting without kidney disease sets no salts rule: none of these lines
    calm = assess_cli(with_findings(HASSAN, kidney_disease=False), tmp_path)
    assert "heartbeat" not in calm and "blood test today" not in calm


def test_the_salt_signs_show_for_the_calcium_rule_too_and_not_twice_after_thyroid_surgery(tmp_path: Path) -> None:
    """Lip tingling with cramps on water pills sets only the calcium rule: the same call-now signs. After thyroid
    surgery that rule's own line says the throat and the fit already: said once."""
    pills = {"age": 70, "sex": "female", "unsure": [], "findings": {
        "takes_diuretic": True, "numb_around_mouth": True, "muscle_cramps_spasms": True, "both_hands": True}}
    text = assess_cli(pills, tmp_path)
    assert "SEE A DOCTOR TODAY" in text, text[:200]
    now = text.split("Call your emergency number now if")[1].split("What next")[0]
    assert "heartbeat races" in now and "fit (seizure)" in now, now
    # the calcium rule's own act since walkthrough BK (Fern): a blood test today, the kidney team only "if you have one"
    assert "Get a blood test today. Call your GP surgery, or your kidney team or dialysis unit if you have one." in text
    both = assess_cli(with_findings(HASSAN, neck_surgery_thyroid_parathyroid=True, muscle_cramps_spasms=False), tmp_path)
    assert both.count("you have a fit (seizure)") == 1, both


def test_kofis_hurt_wrist_without_a_cast_gets_an_x_ray_route(tmp_path: Path) -> None:
    text = assess_cli(KOFI, tmp_path)
    top = text.split("Why this level")[0]
    assert "may be broken" in top and "X-ray" in top and "urgent treatment centre or A&E" in top, top
    assert "x If you have a cast" not in text  # no cast-only line on its own
    assert "rings" in top, top
    # near miss: no injury, none of the injury route
    calm = assess_cli(with_findings(KOFI, recent_arm_injury_or_cast=False), tmp_path)
    assert "X-ray" not in calm and "rings" not in calm


def test_the_invariant_catches_a_now_line_under_a_today_heading() -> None:
    """The result-path check names a line whose words disagree with its heading (so it can fail)."""
    from tests.result_paths import heading_disagrees

    assert heading_disagrees("See a doctor today if", "You get a fever. Call your midwife now.")
    assert heading_disagrees("See a doctor today if", "Contact them straight away.")
    assert heading_disagrees("Call your emergency number now if", "See your GP today.")
    assert not heading_disagrees("See a doctor today if", "You get a fever.")
    assert not heading_disagrees("Call your emergency number now if", "Your face droops, now or if it comes back.")
    assert not heading_disagrees("See a doctor today if", "You know it is getting worse.")  # "know" is not "now"


def test_the_knowledge_check_refuses_a_line_that_says_now_under_a_today_heading(kb_copy: Path) -> None:
    """The old pre-eclampsia line (no heading of its own, "now" under "See a doctor today if") fails the check."""
    from numbwise.kb import KnowledgeError, load_from

    edit_file(kb_copy / "triage_rules.yaml", "    heading: Call your maternity unit or midwife now if\n", "")
    edit_file(kb_copy / "triage_rules.yaml", "problems seeing (blurring or flashing lights) or pain just below your ribs.",
              "problems seeing (blurring or flashing lights) or pain just below your ribs. Contact your maternity unit or"
              " midwife now.")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("disagrees with its heading 'See a doctor today if'" in p for p in exc.value.problems), exc.value.problems
