"""Walkthrough AF (AF4), Zoe: 34, a typist, numb right thumb, index and middle fingers for two months, wakes at night
and shakes the hand. Her result said "Book a doctor's visit"; the care plan its command opened
(`numbwise care carpal_tunnel --yes lasting_over_6_weeks`) said "Book a doctor's visit if ! The numbness is there all
the time" under "Your result said: Book a doctor's visit" (a watch line at the level she is already at reads as a
contradiction), and "If you are pregnant, tell your midwife" (she said she is not) and "If the numb hand belongs to a
child or a teenager under 16" (she said 34), as the command carried only one of her answers.

Now the command and link carry the answers the plan's own lines read (`--no pregnant --age 34`), the plan opened with
them leaves out the lines those answers rule out (care.plan.plan_for), and a plan whose top already says a level lists
no watch heading at that level or a calmer one (care.plan.said_by_result)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import care_command, run_without_diary, check_cli, run_cli

# none of the emergency signs; 34, female; slowly; R1 R2 R3; nowhere else; none; comes and goes, more than six weeks,
# worse at night, wakes her, shaking helps, typing brings it on, no to the others; none; none of the health list
ZOE_KEYS = "\n".join(["", "34", "f", "3", "R1 R2 R3", "", "", "2 3 4 5 6 10", "", "", ""]) + "\n" + "\n" * 3
PREGNANT_KEYS = "\n".join(["", "34", "f", "3", "R1 R2 R3", "", "", "2 3 4 5 6 10", "", "", "18"]) + "\n" + "\n" * 3
# the same story under six weeks: a self-care result (memory or mood, and the home-care checks, answered no)
EARLY_KEYS = "\n".join(["", "34", "f", "3", "R1 R2 R3", "", "", "2 4 5 6 10", "", "", ""]) + "\n" + "n\n" * 3
TOP = "YOUR RESULT SAID: BOOK A DOCTOR'S VISIT"
WATCH_ROUTINE = "BOOK A DOCTOR'S VISIT IF"
CONSTANT_LINE = "The numbness is there all the time, not just at night."
MIDWIFE = "tell your midwife about the tingling"
IF_PREGNANT = "If you are pregnant"
CHILD = "numb hand belongs to a child or a teenager under 16"




def _watch(care: str) -> str:
    """The plan's warning signs, after its exercise routine."""
    return care[care.index("Stop any exercise that makes"):care.index("SOURCES")]


def test_hit_zoes_care_command_carries_her_age_and_no_to_pregnant(tmp_path: Path) -> None:
    """Hit: the command her result prints carries what the plan's lines read, and stays short."""
    result = check_cli(ZOE_KEYS)
    assert "URGENCY: BOOK A DOCTOR'S VISIT" in result, result[-2000:]
    command = care_command(result)
    assert " ".join(command) == "care carpal_tunnel --yes lasting_over_6_weeks --no pregnant --age 34", command


def test_hit_zoes_care_plan_has_no_pregnancy_child_or_same_level_watch_line(tmp_path: Path) -> None:
    """Hit: the plan her result opens says her result's top, then no "if you are pregnant", no child line and no
    "Book a doctor's visit if" heading under a top that already says to book one."""
    care = run_without_diary(tmp_path, *care_command(check_cli(ZOE_KEYS)))
    assert TOP in care, care
    assert IF_PREGNANT not in care and MIDWIFE not in care and "NSAIDs" not in care, care
    assert CHILD not in care, care
    assert WATCH_ROUTINE not in care and CONSTANT_LINE not in care, care
    # the filing note speaks of signs below it: none are left, so no note either
    assert "is set for your answers" not in care, care
    # the steps and the escalation lines that do fit her stay
    assert "Wear a wrist splint at night." in care and "Ask to see a hand surgeon." in care, care
    assert "If your fingers stay numb all the time" in care, care


def test_near_miss_the_plan_for_anyone_keeps_every_line(tmp_path: Path) -> None:
    """Near miss: `numbwise care carpal_tunnel` with nothing given and nothing stored is for anyone: the pregnancy
    lines, the child line and the "Book a doctor's visit if" watch lines all stay."""
    care = run_without_diary(tmp_path, "care", "carpal_tunnel")
    assert "YOUR RESULT SAID" not in care, care
    assert IF_PREGNANT in care and MIDWIFE in care and CHILD in care, care
    watch = _watch(care)
    assert WATCH_ROUTINE in watch and CONSTANT_LINE in watch, watch


def test_near_miss_a_pregnant_adult_still_reads_the_midwife_line(tmp_path: Path) -> None:
    """Near miss: the same story from a woman of 34 who is pregnant: her plan keeps the midwife line, worded for
    someone who is ("As you are pregnant"), and the painkiller step that says no ibuprofen; no child line."""
    result = check_cli(PREGNANT_KEYS)
    assert "URGENCY: BOOK A DOCTOR'S VISIT" in result, result[-2000:]
    command = care_command(result)
    assert "pregnant" in " ".join(command), command
    care = run_without_diary(tmp_path, *command)
    assert f"As you are pregnant, {MIDWIFE}" in care, care
    assert "do not take ibuprofen" in care, care
    assert CHILD not in care and WATCH_ROUTINE not in care, care


def test_near_miss_a_calmer_top_keeps_its_more_urgent_watch_lines(tmp_path: Path) -> None:
    """Near miss: under six weeks her result says to care for it at home; its plan's "Book a doctor's visit if" lines
    are more urgent than that top and stay."""
    result = check_cli(EARLY_KEYS)
    assert "URGENCY: CARE FOR IT AT HOME" in result, result[-2000:]
    care = run_without_diary(tmp_path, *care_command(result))
    assert "YOUR RESULT SAID: CARE FOR IT AT HOME" in care, care
    watch = _watch(care)
    assert WATCH_ROUTINE in watch and CONSTANT_LINE in watch, watch
    assert IF_PREGNANT not in care and CHILD not in care, care


def test_low_the_printed_care_command_is_never_split_across_lines() -> None:
    """LOW: the terminal wraps the "What next" item so the command stays on one line, as a URL does."""
    run = run_cli("--plain", "check", "--no-diary", input=ZOE_KEYS)
    assert run.code == 0, run.err
    command = "numbwise care carpal_tunnel --yes lasting_over_6_weeks --no pregnant --age 34"
    assert any(command in line for line in run.out.splitlines()), run.out[-1500:]


def test_a_sex_that_is_not_female_or_male_exits_2(tmp_path: Path) -> None:
    run = run_cli("--plain", "--db", f"sqlite:///{tmp_path / 'none.sqlite3'}", "care", "carpal_tunnel", "--sex", "x")
    assert run.code == 2 and "female or male" in run.err, run.err
