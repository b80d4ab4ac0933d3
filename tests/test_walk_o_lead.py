"""Walkthrough O (reviewers O1, Kofi, and O2, Ella): the reasons and the banner under a lead from a 'not sure' must
say one thing, through `numbwise assess --case FILE` (plan and text).

Kofi, 33, fell on his hand yesterday, wrist swollen, fingers tingle, no cast; not sure how fast the tingling came,
not sure his grip is weak. The banner is the injury's "Go to A&E now" (a yes to the start sets it), yet "Why this
level" went on "A doctor should check it today" (the urgent injury rule's own reason), told an adult "If a child is
hurt, ask someone else to drive" and listed "Your cast or bandage feels too tight" though he has no cast.

Ella, 8 (her father answers): after playing in the snow her fingers on both hands went white and tingly, gone when
she warmed up, the first time; the father does not know how fast it started. The banner said "if you think a sign
... might be true now, call your emergency number now ... if none: book a doctor's visit" while the start's own check
said "tell your doctor how fast each attack starts"; and "not easing the way your usual cold attacks do" followed
"first time"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan
from tests.test_walk_n_child import _NO, LILY

KOFI: dict[str, Any] = {"age": 33, "sex": "male", "unsure": ["onset_sudden", "hand_weakness"], "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "numb_middle": True, "recent_arm_injury_or_cast": True,
    "constant": True, "cast_tight_or_severe_pain": False, "face_drooping": False, "speech_difficulty": False,
    "arm_or_leg_weakness_sudden": False, "onset_gradual": False, "onset_over_days": False,
    "joint_pain_swelling": True}}
_ELLA_YES = ("both_hands", "numb_thumb", "numb_index", "numb_middle", "numb_ring", "numb_little",
             "episode_resolved_within_hour", "triggered_by_cold_or_stress", "skin_white_then_blue")
ELLA: dict[str, Any] = {"age": 8, "sex": "female", "unsure": ["onset_sudden"],
                        "findings": {**dict.fromkeys(_NO, False), **dict.fromkeys(_ELLA_YES, True)}}
CHILD_DRIVE = "If a child is hurt, ask someone else to drive"
STROKE_WORDS = ("mini-stroke", "may have happened and then gone away")



def _why(text: str) -> str:
    """The terminal's "Why this level" section."""
    return text.split("Why this level")[1].split("What may be causing it")[0]


def _rule_why(rule_id: str) -> str:
    return " ".join(next(r.why for r in load().triage.rules if r.id == rule_id).split())


def test_kofis_reasons_under_a_and_e_now_never_say_today(tmp_path: Path) -> None:
    """Finding 1: the urgent injury rule's reason is about the same injury the leading A&E rule covers (its trigger
    is within the leading rule's): under "Go to A&E now" it is not said; the leading reason is."""
    plan = assess_plan(KOFI, tmp_path)
    assert plan["title"] == "Go to A&E (the emergency department) now" and plan["level"] == "urgent"
    assert _rule_why("ur_after_arm_injury") not in plan["why"]
    assert "It needs checking now." in plan["why"][0]
    assert not any("today" in w for w in plan["why"]), plan["why"]
    why = _why(assess_cli(KOFI, tmp_path))
    assert "It needs checking now." in why and "A doctor should check it today" not in why


def test_a_reason_about_something_else_stays_under_the_injurys_lead(tmp_path: Path) -> None:
    """Near miss: pregnancy warning signs beside Kofi's story (a pregnant woman who fell on her hand) are not the
    injury's: their reason is still said; the injury's today reason is not."""
    case = {**KOFI, "sex": "female", "findings": {**KOFI["findings"], "pregnant": True, "pregnancy_warning_signs": True}}
    plan = assess_plan(case, tmp_path)
    assert plan["title"] == "Go to A&E (the emergency department) now"
    assert _rule_why("ur_pregnancy_signs") in plan["why"]
    assert _rule_why("ur_after_arm_injury") not in plan["why"]


def test_the_child_drive_line_is_for_a_child_or_an_age_not_known(tmp_path: Path) -> None:
    """Finding 1, low: "If a child is hurt, ask someone else to drive" to a 33-year-old; a child (or an age not
    given) keeps it, and the adult's own "do not drive yourself" stays."""
    plan = assess_plan(KOFI, tmp_path)
    assert not any(CHILD_DRIVE in d for d in plan["do"]), plan["do"]
    assert any("do not drive yourself" in d for d in plan["do_not"])
    assert CHILD_DRIVE not in assess_cli(KOFI, tmp_path)
    for case in ({**KOFI, "age": 9}, {k: v for k, v in KOFI.items() if k != "age"}):
        assert any(CHILD_DRIVE in d for d in assess_plan(case, tmp_path)["do"]), case


def test_the_tight_cast_line_reads_as_a_condition_for_someone_without_a_cast(tmp_path: Path) -> None:
    """Finding 1, low: the finding covers an injury or a cast, and he has no cast: the line says "if you have one"."""
    text = assess_cli(KOFI, tmp_path)
    assert "- Your cast or bandage feels too tight" not in text
    assert "You have a cast or bandage and it feels too tight, or the pain or swelling keeps getting worse." in text


def test_ellas_start_not_seen_in_the_cold_gets_one_path_today_in_her_storys_words(tmp_path: Path) -> None:
    """Finding 2: under 16 the only emergency doubt is how fast it started, and the story (fingers white in the cold)
    gives a usual reason: one path, medical help today, worded for the cold (never lying on the arm), with no "might
    be true now", no "if none: book a visit" and no mini-stroke."""
    plan = assess_plan(ELLA, tmp_path)
    assert plan["level"] == "routine" and plan["caution_level"] == "emergency" and plan["caution_today"]
    assert plan["title"] == "Get medical help today" and plan["by_when"] == "Today."
    # no call buttons above "get medical help today" (walkthrough P, Ella: they read as "call 999")
    assert not plan["numbers"]
    assert plan["caution_title"] == "Not sure how fast it started"
    said = " ".join([plan["caution_title"], plan["caution"], plan["action"], *plan["why"]])
    assert "cold" in plan["action"] and "under 16" in plan["action"] and "today" in plan["action"]
    assert "cold" in plan["why"][0] and "under 16" in plan["why"][0].lower()
    for words in (*STROKE_WORDS, "lying", "leaning", "pressure on the arm", "might be true now", "If none"):
        assert words not in said, words
    # the start's own check ("tell your doctor how fast each attack starts") without "call now if any of these might
    # be happening" under it: the banner's one path says when to call
    (group,) = [g for g in plan["unsure"] if g["level"] == "emergency"]
    assert any("each attack" in a for a in group["advice"])
    assert not any("might be happening" in a or "call your emergency number" in a for a in group["advice"])
    text = assess_cli(ELLA, tmp_path)
    banner = text.split("By when:")[0]
    assert "GET MEDICAL HELP TODAY" in banner and ">> Call 999 (UK)" not in banner  # today, not 999
    for words in ("might be true now", "IF NONE", "BOOK A DOCTOR'S VISIT", *STROKE_WORDS, "lying or leaning"):
        assert words not in text, words
    assert "See a doctor today if" not in text and "in your diary" not in text


def test_ellas_near_misses(tmp_path: Path) -> None:
    """A 17-year-old with the same story has no child path (the Raynaud's pattern: home care, no caution); a child
    not sure of a drooping face too keeps the stroke words; Lily keeps her pressure words."""
    older = assess_plan({**ELLA, "age": 17}, tmp_path)
    assert not older["caution_today"] and not older["caution_title"] and older["title"] != "Get medical help today"
    face = {**ELLA, "unsure": ["onset_sudden", "face_drooping"],
            "findings": {k: v for k, v in ELLA["findings"].items() if k != "face_drooping"}}
    plan = assess_plan(face, tmp_path)
    assert "how fast" not in plan["action"] and plan["caution_title"] != "Not sure how fast it started"
    assert any(w in " ".join([plan["caution"], plan["action"], *plan["why"]]) for w in ("stroke", "might be true now"))
    lily = assess_plan(LILY, tmp_path)
    assert lily["caution_today"] and "lying or leaning on the arm" in lily["action"] and "cold" not in lily["action"]
    assert "pressure on the arm" in lily["why"][0]


def test_the_cold_pale_hand_line_fits_a_first_episode(tmp_path: Path) -> None:
    """Finding 2, medium: "not easing the way your usual cold attacks do" after "first time": the line is worded for
    a first attack too (it eases when the hand is warmed), and still tells the blocked artery from an attack."""
    text = assess_cli(ELLA, tmp_path)
    assert "usual cold attacks" not in text
    line = next(w for w in text.split(" - ") if "cold, pale and painful" in w)
    assert "even at rest" in line and "warm" in line, line
