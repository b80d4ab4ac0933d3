"""Walkthrough R (Diego, Leo): the ulnar nerve plan fits where the nerve is pressed (the palm on the handlebars, or the
elbow), names the warning sign of this nerve (a weak, clumsy or thinner hand), and a child's A&E result speaks to a
child and names the nerve a knock to the funny bone hits, through `numbwise assess --case FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, assess_plan, run_cli, with_findings

# Diego, 30, a cyclist: ring and little fingers of both hands numb for a day or two after rides of 3 hours or more,
# for 2 weeks since training; 'bike rides' read as gripping; keeping the elbow bent: no (as the terminal check saved it).
DIEGO: dict[str, Any] = {
    "age": 30, "sex": "male", "unsure": ["tinel_elbow_positive"],
    "findings": {"worse_with_gripping": True, "numb_ring": True, "numb_little": True, "both_hands": True,
                 "lasting_over_6_weeks": False, "onset_over_days": True, "comes_and_goes": True, "constant": False,
                 "worse_elbow_bent": False, "numb_thumb": False, "numb_index": False, "numb_middle": False,
                 "hand_weakness": False, "hand_muscle_wasting_other": False, "numb_feet": False, "numb_arm": False,
                 "worse_at_night": False, "neck_pain": False, "diabetes": False, "after_pressure_on_arm": False,
                 "getting_worse": False, "recent_arm_injury_or_cast": False, "onset_sudden": False,
                 "numb_around_mouth": False, "episode_resolved_within_hour": False, "rapid_breathing_anxiety": False,
                 "anxiety_history": False, "kidney_disease": False, "vomiting_or_diarrhea": False},
}
# Leo, 14: knocked his funny bone an hour ago; little and ring fingers still tingle.
LEO: dict[str, Any] = {
    "age": 14, "sex": "male",
    "findings": {"recent_arm_injury_or_cast": True, "onset_sudden": True, "one_hand": True, "numb_ring": True,
                 "numb_little": True},
}


def _home(case: dict[str, Any], tmp_path: Path) -> tuple[dict[str, Any], str]:
    """The result plan, and its home steps as one text (the summary above them names both places as general facts)."""
    plan = assess_plan(case, tmp_path)
    advice = plan["advice"]
    assert advice is not None and advice["cause"] == "ulnar_neuropathy", plan["headline"]
    return plan, " ".join(s["do"] + " " + (s["how_long"] or "") for s in advice["steps"])


def test_diegos_handlebar_numbness_gets_steps_for_the_palm_not_the_elbow(tmp_path: Path) -> None:
    """'Do not lean on your elbow ... pad on the elbow' and the elbow routine beside '- Keeping your elbow bent does not
    bring it on', and 'Does it come on when you lean on ... bike handlebars?' after he wrote 'bike rides'."""
    plan, home = _home(DIEGO, tmp_path)
    assert plan["level"] == "routine"
    assert "padded gloves" in home and "handlebar" in home and "long rides" in home, home
    assert "elbow" not in home.lower(), home
    assert "Does it come on" not in home
    assert plan["advice"]["routine"] is None
    text = assess_cli(DIEGO, tmp_path)
    assert "numbwise exercise ulnar_daily" not in text and "elbow nerve routine" not in text


def test_an_elbow_story_keeps_the_elbow_steps_and_no_handlebars(tmp_path: Path) -> None:
    """Near miss: bending the elbow brings it on, gripping does not: today's elbow steps and routine."""
    elbow = with_findings(DIEGO, worse_elbow_bent=True, worse_with_gripping=False)
    plan, home = _home(elbow, tmp_path)
    assert "Do not lean on your elbow" in home and "elbow nerve routine" in home and "splint" in home
    assert "handlebar" not in home and "padded gloves" not in home
    assert plan["advice"]["routine"] == "ulnar_daily"


def test_neither_trigger_known_keeps_both_places(tmp_path: Path) -> None:
    """Near miss: not asked about the elbow or gripping: the steps for both places, the palm's worded 'if'."""
    unknown = {**DIEGO, "findings": {k: v for k, v in DIEGO["findings"].items()
                                     if k not in ("worse_elbow_bent", "worse_with_gripping")}}
    plan, home = _home(unknown, tmp_path)
    assert "Do not lean on your elbow" in home and "padded gloves" in home and "Does it come on" in home
    assert plan["advice"]["routine"] == "ulnar_daily"


def test_the_ulnar_home_plan_names_a_weak_clumsy_or_thinner_hand(tmp_path: Path) -> None:
    """The key warning sign of this nerve was in no list of Diego's result: his home plan says what to do if it comes."""
    plan, _ = _home(DIEGO, tmp_path)
    summary = plan["advice"]["summary"]
    assert "weak or clumsy" in summary and "thinner" in summary and "do not wait" in summary, summary
    # near miss: already weak, the plan's next step, and only the steps that take the pressure off, for the wait
    # (walkthrough Y, George: "do not wait for home care" with none given); no routine
    weak = with_findings(DIEGO, hand_weakness=True)
    plan = assess_plan(weak, tmp_path)
    advice = plan["advice"]
    assert advice is not None and advice["routine"] is None
    assert [s["treatment"] for s in advice["steps"]] == ["hand_therapy"] and "padded gloves" in advice["steps"][0]["do"]
    assert f"{plan['title']}. Your doctor can check the nerve" in advice["summary"]  # the banner's speed
    assert "While you wait for the visit" in advice["summary"] and "Do not wait for home care" not in advice["summary"]


def test_the_care_page_still_shows_every_ulnar_step() -> None:
    """With no answers, `numbwise care` shows the steps for both places and the elbow routine."""
    run = run_cli("--plain", "care", "ulnar_neuropathy")
    assert run.code == 0, run.err
    out = " ".join(run.out.split())
    assert "Do not lean on your elbow" in out and "padded gloves" in out and "ELBOW NERVE DAILY" in out, out
    assert "thinner" in out


def test_leos_ae_result_speaks_to_a_child_about_getting_there(tmp_path: Path) -> None:
    """'If you are the one who is hurt, do not drive yourself' to a 14-year-old: ask an adult to take you."""
    text = assess_cli(LEO, tmp_path)
    assert "do not drive yourself" not in text.lower(), text
    assert "do not go on your own. Ask an adult to take you." in text
    adult = {**LEO, "age": 34}  # near miss: an adult keeps the driving line
    assert "If you are the one who is hurt, do not drive yourself." in assess_cli(adult, tmp_path)


def test_leos_result_names_the_nerve_the_funny_bone_knock_hits(tmp_path: Path) -> None:
    """The A&E result never named the nerve: the ring and little fingers' feeling comes from the ulnar nerve."""
    why = " ".join(assess_plan(LEO, tmp_path)["why"])
    assert "ulnar nerve" in why and "ring and little fingers" in why, why
    thumb = with_findings(LEO, numb_ring=False, numb_little=False, numb_thumb=True)  # near miss: not those fingers
    assert "ulnar nerve" not in " ".join(assess_plan(thumb, tmp_path)["why"])
