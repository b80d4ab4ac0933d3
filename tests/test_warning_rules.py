"""Every "get help if" line of a cause or care plan names the triage rule it comes from, and shows
under the heading of that rule's level; a text whose own words disagree with its rule is refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from numbwise.kb import KnowledgeError, load, load_from
from numbwise.kb.headings import grouped, heading_of, level_of
from numbwise.kb.loader import KNOWLEDGE_DIR, ruled_warnings, urgency_in_text
from tests.conftest import run_cli

HEADINGS = {"emergency": "Call your emergency number now if", "urgent": "See a doctor today if", "routine": "Book a doctor's visit if"}


def test_every_line_names_a_rule_that_raises_the_level_and_shows_under_its_heading() -> None:
    kb = load()
    rules = {r.id: r for r in kb.triage.rules}
    lines = ruled_warnings(kb)
    assert len(lines) > 100
    for where, line in lines:
        rule = rules[line.rule]
        assert rule.level in HEADINGS, (where, line.rule)
        assert heading_of(kb, line) == HEADINGS[rule.level], where
        said = urgency_in_text(line.text)
        assert said in (None, rule.level), (where, line.text)
        assert set(line.findings) <= rule.when.finding_ids() | (rule.unless.finding_ids() if rule.unless else set())


def test_groups_put_the_most_urgent_heading_first() -> None:
    kb = load()
    for cid, cause in kb.causes.items():
        groups = grouped(kb, cause.watch_for)
        order = [g.level for g in groups]
        assert order == sorted(order, key=("emergency", "urgent", "routine").index), cid
        assert sum(len(g.lines) for g in groups) == len(cause.watch_for)
        assert all(level_of(kb, w) == g.level for g in groups for w in cause.watch_for if w.text in g.lines)


@pytest.mark.parametrize("text, level", [
    ("Chest pain that does not stop (emergency).", "emergency"),
    ("Call 999 or go to A&E.", "emergency"),
    ("New numbness after an injury (see a doctor today).", "urgent"),
    ("Get help the same day.", "urgent"),
    ("The numbness is there all the time.", None),
])
def test_urgency_words_are_read_from_the_text(text: str, level: str | None) -> None:
    assert urgency_in_text(text) == level


def test_the_reviews_cases_sit_under_the_right_headings() -> None:
    """Bladder or bowel loss is an emergency in the neck-nerve plan; hands and feet over days is same-day for GBS."""
    kb = load()
    radic = {g.heading: g.lines for g in grouped(kb, kb.care.plans["cervical_radiculopathy"].warnings)}
    assert any("bladder or bowels" in line for line in radic[HEADINGS["emergency"]])
    assert not any("bladder" in line for line in radic.get(HEADINGS["routine"], ()))
    gbs = {g.heading: g.lines for g in grouped(kb, kb.care.doctor_first["guillain_barre"].warnings)}
    assert any("both hands and both feet" in line for line in gbs[HEADINGS["urgent"]])
    assert not any("both hands and both feet" in line for line in gbs[HEADINGS["emergency"]])
    plan = json.loads(run_cli("care", "cervical_radiculopathy", "--json").out)
    assert [g["heading"] for g in plan["warnings"]] == [HEADINGS["emergency"], HEADINGS["urgent"]]
    text = run_cli("--plain", "care", "cervical_radiculopathy").out
    assert text.index("CALL YOUR EMERGENCY NUMBER NOW IF") < text.index("bladder or bowels")


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, folder)
    return folder


def _set_line(folder: Path, cause: str, index: int, **change: object) -> None:
    path = folder / "causes.yaml"
    data = yaml.safe_load(path.read_text())
    data[cause]["watch_for"][index].update(change)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def _problems(folder: Path) -> str:
    with pytest.raises(KnowledgeError) as exc:
        load_from(folder)
    return "\n".join(exc.value.problems)


def test_a_text_whose_words_disagree_with_its_rule_is_refused(kb_copy: Path) -> None:
    # The myelopathy bladder line says "emergency"; pointing it at a routine rule must fail the check.
    _set_line(kb_copy, "cervical_myelopathy", 0, text="Any change in bladder control (emergency).", rule="ro_weakness",
              findings=["hand_weakness"])
    assert "says emergency, but its rule 'ro_weakness' is routine" in _problems(kb_copy)


def test_an_unknown_or_self_care_rule_is_refused(kb_copy: Path) -> None:
    _set_line(kb_copy, "carpal_tunnel", 0, rule="ro_no_such_rule")
    _set_line(kb_copy, "carpal_tunnel", 1, rule="sc_pressure", findings=["after_pressure_on_arm"])
    text = _problems(kb_copy)
    assert "causes.yaml: entry 'carpal_tunnel': watch_for: unknown triage rule 'ro_no_such_rule'" in text
    assert "rule 'sc_pressure' is a self-care rule" in text


def test_a_finding_the_rule_does_not_test_is_refused(kb_copy: Path) -> None:
    _set_line(kb_copy, "guillain_barre", 2, rule="ro_constant")  # hands-and-feet line pointed at the wrong rule
    assert "finding 'numb_feet' is not tested by rule 'ro_constant'" in _problems(kb_copy)


def test_a_care_warning_without_a_rule_is_refused(kb_copy: Path) -> None:
    path = kb_copy / "care.yaml"
    data = yaml.safe_load(path.read_text())
    data["plans"]["raynaud"]["warnings"] = ["A sore or ulcer appears on a fingertip."]
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert "care.yaml" in _problems(kb_copy)
