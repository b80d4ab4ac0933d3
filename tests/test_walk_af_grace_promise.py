"""Walkthrough AF (independent reviewer, Grace, 29, known anxiety, in her own words): her chest tightness not sure and
a sudden start, the line above the questions said "A few more answers can tell whether it comes from breathing fast",
but no such question came: over-breathing can only explain a sudden start with no chest pain (triage_rules.yaml
`em_sudden_both_hands`), so the interview rightly stopped, and the result said "call now" for the spinal cord or the
brain with no word on her panic. The named line now promises a usual cause only while its story could still hold
(interview.still_line), and the result says why panic does not explain it away (the rule's `but`)."""

from __future__ import annotations

from pathlib import Path

from numbwise.kb import load
from tests.conftest import assess_plan, check_cli

FIRST = load().interview.emergency_first
assert FIRST is not None
BREATHING = " ".join(next(w.text for w in FIRST.still_why_for if "rapid_breathing_anxiety" in w.findings).split())
WORDS = ("When I panic my fingers and lips go tingly, I get short of breath and my chest feels tight. It happened "
         "again about an hour ago and it has eased off now. I have anxiety.")
FINGERS = "R1 R2 R3 R4 R5 L1 L2 L3 L4 L5"
# "that's not what I meant", keep the rest; the emergency list: chest pain not sure, no to the others; 29, female;
# "Suddenly"; no arm injury; every finger of both hands; no low-sugar signs; no pressure on the arm; not for more than
# six weeks and not there all the time (her "again an hour ago" is the latest spell, no length: walkthrough AS, Ruth);
# stress brings it on; fingers do not change colour
GRACE = f"n\n\n?10\n\n29\nf\n1\nn\n{FINGERS}\nn\nn\nn\nn\ny\nn\n"
# the same, chest pain answered no (none on the emergency list); she breathes fast in the spells; gone within the
# hour; the readings of her words confirmed; none of the lists; not there all the time; none before home care
NO_CHEST = f"n\n\n\n29\nf\n1\nn\n{FINGERS}\nn\nn\ny\ny\n1 2\n\n\n\n\n\nn\n\n"
ASKS_BREATHING = "do you breathe fast or feel panicky"
PANIC_BUT = "We only call a sudden start over-breathing"


def test_grace_not_sure_of_chest_pain_is_never_promised_the_breathing_questions() -> None:
    out = check_cli(GRACE, "--describe", WORDS)
    assert ASKS_BREATHING not in out
    assert BREATHING not in out, "the line promises questions about breathing fast that never come"
    result = out.split("URGENCY:", 1)[1]
    assert result.startswith(" CALL EMERGENCY SERVICES NOW")  # a not-sure chest pain keeps the call now
    why = result.split("Why this level", 1)[1].split("Note:", 1)[0]
    assert PANIC_BUT in why and "chest pain" in why, why  # why her panic does not explain it away
    assert "You were not sure about:" in why, why


def test_near_miss_no_chest_pain_is_asked_about_breathing_fast_and_explained() -> None:
    out = check_cli(NO_CHEST, "--describe", WORDS)
    before = out.split("Question 7:", 1)[0]
    assert BREATHING in before  # the promise ...
    assert ASKS_BREATHING in out.split("Question 7:", 1)[1].split("Question 8:", 1)[0]  # ... kept at once
    result = out.split("URGENCY:", 1)[1]
    assert result.startswith(" CARE FOR IT AT HOME") and "That fits over-breathing" in result
    assert PANIC_BUT not in result


def test_near_miss_a_chest_pain_said_yes_says_panic_once_as_the_heart_attack_note(tmp_path: Path) -> None:
    """Chest pain answered yes beside panic attacks: the heart-attack rule's own note says why panic does not explain
    it; the sudden start's 'but' about over-breathing is not said again beside it."""
    case = {"age": 29, "sex": "female", "findings": {
        "onset_sudden": True, "both_hands": True, "chest_pain": True, "anxiety_history": True,
        "numb_around_mouth": True, "episode_resolved_within_hour": True, "rapid_breathing_anxiety": True}}
    plan = assess_plan(case, tmp_path)
    why = " ".join(plan["why"])
    assert plan["level"] == "emergency" and "a heart attack can feel the same" in why
    assert PANIC_BUT not in why and why.count("You said you have panic attacks") == 1, why
