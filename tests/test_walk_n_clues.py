"""Walkthrough N (reviewers N2 and N3): clues the result missed or misread.

Dev (40, types all day; thumb, index and middle fingers tingle at night and wake him, for 3 weeks) picked "I woke up
with it, or I don't know how fast it came" because it wakes him at night: an unknown start, so "get medical help today
... it may have been a mini-stroke" beside carpal tunnel more than 9 in 10. The answer is about the very first time.

Grace (70, vegan for 20 years, no supplements; both hands and feet tingle, slow over months; unsteady in the dark;
forgetful) got "see a doctor today" whose only reason was pressure on the spinal cord in the neck, a cause the list
left out, while low vitamin B12 led at 9 in 10 with no word of a blood test and without her strongest clue (vegan).
Grace and Maria (chemotherapy) both read "Diabetic peripheral neuropathy (about 1 in 10)" with "You do not have
diabetes" under it. Their answers are the ones `numbwise check --save` wrote for them (tests/fixtures/walk_n_*.json).
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from numbwise.assess.interview import choice_answer, next_question, start
from numbwise.assess.interview import answer as give
from tests.conftest import FIXTURES, assess_cli, run_cli

WOKE = "I don't know how fast it came, for example I first noticed it on waking"
GRACE: dict[str, Any] = json.loads((FIXTURES / "walk_n_grace.json").read_text())
MARIA: dict[str, Any] = json.loads((FIXTURES / "walk_n_maria.json").read_text())
# Maria without her not-sure fever (which sends her to the cancer helpline, a result that lists no causes)
MARIA_NO_FEVER: dict[str, Any] = {**MARIA, "unsure": [], "findings": {**MARIA["findings"], "fever": False}}


def _onset() -> Any:
    """The start question as the interview asks it (after the emergency screen, answered not sure)."""
    iv = start(40, "male")
    q = next_question(iv)
    assert q is not None
    iv = give(iv, q, {})
    q = next_question(iv)
    if q is not None and q.id == "how_long":  # first after the call-now screen those doubts give (walkthrough S)
        iv = give(iv, q, {})
        q = next_question(iv)
    assert q is not None and q.id == "onset"
    return q


# --- 1. Dev: the woke-up answer is about the very first time -------------------------------------------------------


def test_the_woke_up_answer_says_it_is_about_the_first_time_and_still_records_not_sure() -> None:
    q = _onset()
    assert WOKE in q.labels
    assert "I woke up with it, or I don't know how fast it came" not in q.labels
    help_ = " ".join(q.help.split())
    assert "wakes you at night again and again" in help_ and "first night" in help_
    assert "built up over days or weeks" in help_
    assert choice_answer(q, q.labels.index(WOKE)) == {}  # what Not sure records, unchanged


def test_the_terminal_shows_the_first_time_words(tmp_path: Path) -> None:
    run = run_cli("--plain", "check", "--no-diary", input="\n40\nm\nq\n")
    out = " ".join(run.out.split())
    assert f"{_onset().labels.index(WOKE) + 1}. {WOKE}" in out
    assert "If it wakes you at night again and again, think of the first night" in out


def test_the_web_shows_the_first_time_words(tmp_path: Path) -> None:
    import html

    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.test_result_answers_http import SECRET, Check

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key=SECRET))
    c = Check(app)
    c.post([("answer", "none")])
    for _ in range(6):
        if "How did the numbness start?" in c.page:
            break
        if 'name="age"' in c.page:
            c.post([("answer", "about"), ("age", "40"), ("sex", "male")])
        elif 'value="emergency_go_on"' in c.page:
            c.post([("answer", "emergency_go_on")])
        else:
            c.post([("answer", "go_on")])
    page = " ".join(html.unescape(c.page).split())
    assert "How did the numbness start?" in page
    assert WOKE in page and "If it wakes you at night again and again, think of the first night" in page


# --- 2. Grace: why this level names low B12 too, and the list shows the causes it names ------------------------------


def _why(text: str) -> str:
    return text.split("Why this level")[1].split("What may be causing it")[0]


def test_graces_reason_names_low_b12_beside_the_neck_and_says_it_plainly(tmp_path: Path) -> None:
    text = assess_cli(GRACE, tmp_path)
    assert text.startswith("URGENCY: SEE A DOCTOR TODAY")
    why = _why(text)
    assert "spinal cord in the neck" in why and "vitamin B12" in why
    assert "blood test" in why
    assert "We asked only about" not in why
    assert "bladder or bowels" in why  # the call-now sign is still said


def test_the_unsteady_rule_names_both_causes_so_the_list_shows_them(tmp_path: Path) -> None:
    from numbwise.assess.triage import rule_causes

    assert set(rule_causes(["ur_clumsy_unsteady"])) == {"cervical_myelopathy", "b12_deficiency"}
    plan = json.loads(assess_cli(GRACE, tmp_path, "plan"))
    shown = [c["cause"] if "cause" in c else c["id"] for c in plan["causes"]]
    assert shown[0] == "b12_deficiency" and "cervical_myelopathy" in shown


# --- 3. Grace: her strongest clue is a reason, and a blood test is said ----------------------------------------------


def _card(text: str, name: str) -> str:
    return text.split(f"* {name}")[1].split("Learn more")[0]


def test_a_vegan_diet_said_yes_is_a_reason_for_low_b12(tmp_path: Path) -> None:
    card = _card(assess_cli(GRACE, tmp_path), "Vitamin B12 deficiency")
    assert "+ You eat a vegan or vegetarian diet." in card
    assert "+ Your walking is unsteady." in card  # the symptoms stay


def test_a_weak_history_answer_is_not_pushed_in() -> None:
    """Only a strong risk factor is added: a yes whose lift is small stays out (near miss)."""
    from numbwise.assess.explain import cause_reasons

    f = {**GRACE["findings"], "vegan_or_vegetarian": False, "autoimmune_disease": True}
    r = cause_reasons(f, "b12_deficiency", 0.8)
    assert ("autoimmune_disease", True) not in r.towards


# --- 4. Diabetic nerve damage after "no diabetes" --------------------------------------------------------------------


@pytest.mark.parametrize("case", [GRACE, MARIA_NO_FEVER], ids=["grace", "maria"])
def test_no_diabetes_keeps_diabetic_nerve_damage_off_the_list(case: dict[str, Any], tmp_path: Path) -> None:
    text = assess_cli(case, tmp_path)
    assert "Diabetic peripheral neuropathy" not in text.split("Call your emergency number now if")[0]


def test_a_no_to_diabetes_weighs_as_its_sourced_chance() -> None:
    """The defining condition is weighed in full (not tempered): 3 in 100 with this nerve damage say no."""
    from numbwise.assess.ranking import model

    m = model()
    i = m.causes.index("diabetic_neuropathy")
    base = load_default("diabetes")
    assert math.exp(m.absent["diabetes"][i] - math.log(1 - base)) < 0.05


def test_with_diabetes_it_still_leads(tmp_path: Path) -> None:
    text = assess_cli({**MARIA_NO_FEVER, "findings": {**MARIA_NO_FEVER["findings"], "diabetes": True, "chemotherapy": False,
                                              "cancer_history": False}}, tmp_path)
    assert re.search(r"Most likely: Diabetic peripheral neuropathy", text)


def load_default(fid: str) -> float:
    """The finding's rate among people whose numbness has another cause."""
    from numbwise.kb import load

    return load().likelihoods.defaults[fid]
