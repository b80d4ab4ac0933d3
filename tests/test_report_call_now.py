"""The doctor's report lists a saved check's causes as its result page did, from the one plan (walkthrough AC, Frank).

Under a call-now banner the result page lists the stroke the call is for first, as what must be ruled out, and the
other causes after under their own heading with no chances. The report kept its own ranking ("carpal tunnel, about
5 in 10" first) and so disagreed with the page. Hit: Helen and Frank, call now (stroke first, no chances). Near miss:
a routine result keeps its causes by chance, with chances. Unknown: a check saved without its answers keeps the
ranking (the plan cannot be rebuilt).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from numbwise.kb import load
from numbwise.report.data import CheckRow, ReportData, SymptomRow
from numbwise.report.pdf import report_view
from numbwise.report.summary import Summary, summarize
from tests.conftest import assess_cli
from tests.test_walk_ac_frank import CALM, FRANK
from tests.test_walk_y_helen import HELEN_STEP

UTC = dt.timezone.utc
DAY = dt.date(2026, 3, 2)
AT = dt.datetime.combine(DAY, dt.time(9), tzinfo=UTC)
LEAD = load().triage.unsure_lead["emergency"]


def _saved(case: dict[str, Any], tmp_path: Path) -> tuple[dict[str, Any], CheckRow]:
    """The result plan for these answers, and the check as the diary keeps it (level, ranked causes, answers)."""
    plan = json.loads(assess_cli(case, tmp_path, "plan"))
    ranked = json.loads(assess_cli(case, tmp_path, "json"))["causes"]
    row = CheckRow(AT, plan["level"], tuple((c["id"], c["probability"]) for c in ranked), (), case)
    return plan, row


def _summary(row: CheckRow) -> tuple[Summary, dict[str, Any]]:
    """The report's summary and view of one day with one diary entry and this check."""
    kb = load()
    data = ReportData(DAY, DAY, (SymptomRow(AT, 4, "left", ("l1",), 10, None, False),), (), (row,), (), (),
                      age=row.case.get("age"), sex=row.case.get("sex"))
    s = summarize(data, kb)
    return s, report_view(data, kb, s, [], DAY)


def test_the_report_lists_a_call_now_results_causes_in_the_pages_order_without_chances(tmp_path: Path) -> None:
    """Helen (walkthrough Y) and Frank (AC): the page lists stroke first; the report did carpal tunnel first."""
    for case in (HELEN_STEP, FRANK):
        plan, row = _saved(case, tmp_path)
        assert plan["caution_now"] and plan["others_heading"], plan["headline"]
        s, view = _summary(row)
        assert [n for n, _ in s.latest_causes] == [c["name"] for c in plan["causes"]]
        assert s.latest_others_heading == plan["others_heading"]
        said = " ".join(view["check"])
        assert plan["causes"][0]["name"] in said and plan["others_heading"] in said, said
        assert said.index(plan["causes"][0]["name"]) < said.index(plan["others_heading"]) < said.index(
            plan["causes"][1]["name"])
        assert " in 10" not in said and "likelihoods" not in said, said  # no chance, as on the page


def test_near_miss_a_routine_result_keeps_its_chances_in_the_pages_order(tmp_path: Path) -> None:
    plan, row = _saved(CALM, tmp_path)
    assert not plan["caution_now"] and not plan["others_heading"]
    s, view = _summary(row)
    assert [n for n, _ in s.latest_causes] == [c["name"] for c in plan["causes"]] and not s.latest_others_heading
    said = " ".join(view["check"])
    assert f"{plan['causes'][0]['name']} ({plan['causes'][0]['short']})" in said, said


def test_unknown_a_check_saved_without_its_answers_keeps_the_ranking(tmp_path: Path) -> None:
    _, row = _saved(HELEN_STEP, tmp_path)
    s, view = _summary(CheckRow(AT, row.level, row.causes, (), {}))
    assert s.latest_causes and s.latest_causes[0][0] == load().causes[row.causes[0][0]].name
    assert not s.latest_others_heading and " in 10" in " ".join(view["check"])
