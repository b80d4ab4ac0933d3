"""Walkthrough AA (independent reviewers): Mia, Bob and Carla.

1. HIGH (Mia, 12, a fall on her outstretched hand; her mum does not know how fast it came): the call-now screen for a
   stroke came before the list with the arm injury, which turns the call into A&E now. For a child the wait now asks
   that list first (interview.yaml `now_wait_first`), within the same cap of two questions.
2. HIGH (Bob, 80): "It did not go away fully within an hour" was listed as a point against a stroke, which does not go
   away (findings.yaml `no_is_no_reason_for`).
3. HIGH (Carla, thyroid surgery 2 days ago, cramps): the stroke's "on one side" reason and steps led, with the hands
   not known; the calcium reason and line now lead (triage rule `leads`), and "on one side" needs one hand (`why_unless`).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from numbwise.assess.explain import cause_reasons
from numbwise.assess.interview import Interview, answer, choice_answer, next_question, now_first, outcome, start
from tests.conftest import assess_cli

WOKE = 4  # "I don't know how fast it came, for example I first noticed it on waking"
INJURY = "recent_arm_injury_or_cast"
FINGERS = {"one_hand": True, "both_hands": False, "numb_thumb": True, "numb_index": True, "numb_middle": False,
           "numb_ring": False, "numb_little": False}


def _walk(age: int, yes: Collection[str] = (), unsure: Collection[str] = ()) -> tuple[Interview, list[str], list[int]]:
    """Mia's step by step as both faces drive it: the first list none, start not known, less than a day, thumb and
    index of one hand, then yes to `yes`, not sure of `unsure`, no to the rest. Returns the interview, the question
    ids and after which question numbers (1-based) the call-now screen came."""
    iv = start(age, "female")
    asked: list[str] = []
    screens: list[int] = []
    while (q := next_question(iv)) is not None and len(asked) < 40:
        asked.append(q.id)
        if q.id == "onset":
            iv = answer(iv, q, choice_answer(q, WOKE))
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, dict(FINGERS))
        else:
            iv = answer(iv, q, {f: f in yes for f in q.findings if f not in unsure})
        if now_first(iv):
            screens.append(len(asked))
    return iv, asked, screens


def test_mia_injury_list_before_any_call_now_screen_and_a_and_e() -> None:
    """The hit: 12, the injury list comes right after how long, her yes makes it A&E now and no stroke screen shows."""
    iv, asked, screens = _walk(12, {INJURY})
    assert asked[:4] == ["screen_emergency", "onset", "how_long", "screen_soon"]
    assert screens == []
    assert outcome(iv).triage == "urgent"


def test_mia_injury_no_keeps_the_wait_cap() -> None:
    """Unknown story, no injury: the screen still comes within the cap (question 5, as before)."""
    _, asked, screens = _walk(12)
    assert asked[3] == "screen_soon" and screens and screens[0] <= 5


def test_mia_injury_not_sure_does_not_delay_the_screen() -> None:
    """Not sure of the injury: the screen comes no later than the cap allows."""
    _, _, screens = _walk(12, unsure={INJURY})
    assert screens and screens[0] <= 5


def test_sixteen_keeps_the_usual_order() -> None:
    """Near miss: at 16 the list with the most answers that take the call away comes first, as today."""
    _, asked, screens = _walk(16, {INJURY})
    assert asked[3] != "screen_soon" and asked.index("screen_soon") > 3


BOB = {"blood_thinners": True, "atrial_fibrillation": True, "onset_sudden": True, "one_hand": True, "both_hands": False,
       "hand_weakness": True, "recent_arm_injury_or_cast": False}


def test_bob_not_gone_within_an_hour_is_no_reason_against_stroke() -> None:
    """The hit: numbness still there is no point against a stroke."""
    reasons = cause_reasons(BOB | {"episode_resolved_within_hour": False}, "stroke_tia", 0.5)
    assert ("episode_resolved_within_hour", False) not in reasons.away


def test_not_gone_within_an_hour_still_counts_against_raynaud() -> None:
    """Near miss: against a cause whose attacks clear (Raynaud's) the no still counts."""
    reasons = cause_reasons({"both_hands": True, "episode_resolved_within_hour": False}, "raynaud", 0.5)
    assert ("episode_resolved_within_hour", False) in reasons.away


def test_bob_gone_within_an_hour_not_known_is_no_reason() -> None:
    """Unknown: not asked, named neither way."""
    reasons = cause_reasons(BOB, "stroke_tia", 0.5)
    assert all(f != "episode_resolved_within_hour" for f, _ in reasons.away + reasons.towards)


CARLA = {"numb_around_mouth": True, "muscle_cramps_spasms": True, "neck_surgery_thyroid_parathyroid": True,
         "onset_sudden": True}
CALCIUM_WHY = "Muscle spasms or cramps after thyroid or parathyroid surgery can mean your calcium is low"
CALCIUM_DO = "Tell them you had thyroid or parathyroid surgery"
ONE_SIDE = "Numbness that starts suddenly on one side can be a stroke"


def _section(text: str, head: str, end: str) -> str:
    return text.split(head, 1)[1].split(end, 1)[0]


def test_carla_calcium_leads_and_no_one_side(tmp_path: Path) -> None:
    """The hit: hands not known; the calcium reason is first, its line right after the call, no "on one side"."""
    out = assess_cli({"age": 38, "sex": "female", "findings": CARLA, "unsure": []}, tmp_path)
    assert out.startswith("URGENCY: CALL EMERGENCY SERVICES NOW")
    why = _section(out, "Why this level", "Note:").strip()
    assert why.startswith(CALCIUM_WHY) and ONE_SIDE not in out
    todo = _section(out, "What to do", " x ").split(" - ")
    assert CALCIUM_DO in todo[2] and "Call your emergency number now" in todo[1]


def test_one_hand_said_keeps_one_side(tmp_path: Path) -> None:
    """Near miss: one hand said, the reason says one side; the calcium reason still leads."""
    out = assess_cli({"age": 38, "sex": "female", "findings": CARLA | {"one_hand": True, "both_hands": False},
                      "unsure": []}, tmp_path)
    why = _section(out, "Why this level", "Note:").strip()
    assert why.startswith(CALCIUM_WHY) and ONE_SIDE in why


def test_surgery_not_sure_stroke_reason_without_one_side(tmp_path: Path) -> None:
    """Unknown: surgery not sure, the calcium rule does not fire; the stroke reason leads, without "on one side"."""
    findings = {k: v for k, v in CARLA.items() if k != "neck_surgery_thyroid_parathyroid"}
    out = assess_cli({"age": 38, "sex": "female", "findings": findings,
                      "unsure": ["neck_surgery_thyroid_parathyroid"]}, tmp_path)
    assert out.startswith("URGENCY: CALL EMERGENCY SERVICES NOW") and ONE_SIDE not in out
    assert "We do not know yet if it is in one hand or both" in out
