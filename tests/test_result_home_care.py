"""The result's home care is for this person and only home care: the walkthrough found a pregnancy line shown to
men and to women who said they are not pregnant, and a first check's summary naming steroid shots and surgery."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from numbwise.assess import assess
from numbwise.assess.result import result_plan
from numbwise.kb import KnowledgeError, load, load_from
from tests.conftest import edit_file, run_cli

# dev-003: early carpal tunnel, a self-care result with home steps
CTS = {"one_hand": True, "numb_thumb": True, "numb_index": True, "numb_middle": True, "comes_and_goes": True,
       "constant": False, "worse_at_night": True, "shaking_relieves": True, "worse_with_gripping": True,
       "repetitive_hand_work": True, "hand_weakness": False, "thumb_muscle_wasting": False,
       "lasting_over_6_weeks": False, "diabetes": False}
NSAID = "If you are pregnant, do not take ibuprofen"


def _plan_json(case: dict[str, Any], tmp_path: Path) -> Any:
    """`numbwise assess --case FILE --format plan`: the plan every face renders, from the command line."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    run = run_cli("assess", "--case", str(path), "--format", "plan")
    assert run.code == 0, run.err
    return json.loads(run.out)


def _steps_text(plan: Any) -> str:
    assert plan["level"] == "self_care" and plan["advice"]["steps"], plan["level"]
    return " ".join(" ".join(s["do"].split()) for s in plan["advice"]["steps"])


@pytest.mark.parametrize("sex,pregnant,shown", [
    ("male", None, False), (None, False, False), ("female", False, False),  # cannot apply
    ("female", None, True), (None, None, True),  # might apply: kept
])
def test_the_pregnancy_line_shows_only_where_it_can_apply(tmp_path: Path, sex: str | None, pregnant: bool | None,
                                                         shown: bool) -> None:
    findings = dict(CTS, **({} if pregnant is None else {"pregnant": pregnant}))
    plan = _plan_json({"age": 34, "sex": sex, "findings": findings}, tmp_path)
    assert (NSAID in _steps_text(plan)) is shown
    assert "As you are pregnant" not in _steps_text(plan)
    assert "paracetamol or ibuprofen may ease the pain" in _steps_text(plan)  # the step itself stays


def test_a_woman_who_said_she_is_pregnant_is_told_plainly_not_if(tmp_path: Path) -> None:
    """Walkthrough 4: 34 weeks pregnant, she read 'If you are pregnant, do not take ibuprofen'."""
    plan = _plan_json({"age": 30, "sex": "female", "findings": dict(CTS, pregnant=True)}, tmp_path)
    text = _steps_text(plan)
    assert NSAID not in text and "As you are pregnant, do not take ibuprofen" in text and "Paracetamol is usually the safer" in text
    # the step itself stays, worded without ibuprofen for her (walkthrough Q: never offered and then forbidden)
    assert "a painkiller may ease the pain" in text and "paracetamol or ibuprofen may ease the pain" not in text


def test_the_care_command_has_no_person_and_keeps_the_pregnancy_line() -> None:
    run = run_cli("--plain", "care", "carpal_tunnel")
    assert run.code == 0 and NSAID in " ".join(run.out.split())


def test_the_terminal_result_leaves_the_line_out_for_a_man(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({"age": 34, "sex": "male", "findings": CTS}))
    text = " ".join(run_cli("--plain", "assess", "--case", str(path), "--format", "text").out.split())
    assert "Wear a wrist splint at night." in text and NSAID not in text


def test_a_first_check_shows_the_home_summary_not_the_doctor_treatments(tmp_path: Path) -> None:
    plan = _plan_json({"age": 34, "sex": "female", "findings": CTS}, tmp_path)
    summary = plan["advice"]["summary"]
    entry = load().care.plans["carpal_tunnel"]
    assert summary == entry.home_summary
    assert not any(w in summary.lower() for w in ("steroid", "surgery", "shot", "injection"))
    path = tmp_path / "case.json"  # written by _plan_json
    text = " ".join(run_cli("--plain", "assess", "--case", str(path), "--format", "text").out.split()).lower()
    assert "steroid" not in text and "surgery" not in text
    care = " ".join(run_cli("--plain", "care", "carpal_tunnel").out.split())
    assert " ".join(entry.summary.split()) in care and "steroid shot or surgery" in care  # the full plan keeps them


def test_a_plan_without_home_summary_shows_its_summary() -> None:
    result = assess({"age": 35, "sex": "female", "findings": {
        "after_pressure_on_arm": True, "episode_resolved_within_hour": True, "hand_weakness": False}})
    plan = result_plan(result)
    assert plan.advice is not None and plan.advice.summary == load().care.plans["positional_compression"].summary


def test_a_step_note_about_an_unknown_finding_is_refused(kb_copy: Path) -> None:
    edit_file(kb_copy / "care.yaml", "            about: pregnant\n", "            about: expecting\n")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "care.yaml: entry 'carpal_tunnel': a step note is about unknown finding 'expecting'" in exc.value.problems


def test_a_doctor_first_plan_has_no_home_summary(kb_copy: Path) -> None:
    edit_file(kb_copy / "care.yaml", "doctor_first:\n  stroke_tia:\n", "doctor_first:\n  stroke_tia:\n    home_summary: Rest.\n")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("stroke_tia" in p and "home summary" in p for p in exc.value.problems)


def test_a_cause_without_a_home_plan_lists_its_own_changes_to_watch_for() -> None:
    """`numbwise care drug_neuropathy` says what to do about a fever during chemotherapy, as the check does."""
    from numbwise.care.plan import care_plan

    lines = [line for g in care_plan(None, "drug_neuropathy").warnings for line in g.lines]
    assert any("37.5 °C" in t and "cancer helpline" in t for t in lines), lines
    assert not any("there all the time" in t for t in lines), lines
