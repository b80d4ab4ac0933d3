"""Walkthrough AL, Lena on the web: her result said "we cannot suggest caring for this at home. See a doctor", and its
Learn link led to the care plan for anyone, which offered splints and "tell your midwife at your next check" as if
nothing came first. A plan opened with no answers now says it does not know them, and that a check's or a doctor's
"get help first" comes first; a plan a result's link opens says that result's own top instead."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.asgi_call import call
from tests.web.test_walk_af_care_web import ZOE
from tests.web.test_walk_z_care_web import SECRET, _care_link, _flat, _result

ANYONE = "It does not know your answers. If a check or a doctor told you to get help first, do that first."


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("alcare") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def test_hit_the_plan_for_anyone_says_a_result_that_asked_for_a_doctor_comes_first(app: Any) -> None:
    care = _flat(call(app, "GET", "/care/carpal_tunnel").body)
    assert "This plan is for anyone with carpal tunnel syndrome. " + ANYONE in care, care
    assert care.index(ANYONE) < care.index("Wear a wrist splint at night"), care


def test_near_miss_a_results_own_link_says_that_result_not_the_note_for_anyone(app: Any) -> None:
    care = _flat(call(app, "GET", _care_link(_result(app, ZOE))).body)
    assert "Your result said: Book a doctor's visit" in care and ANYONE not in care, care


def test_unknown_a_plan_that_starts_with_a_doctor_has_no_note_over_steps_it_has_not(app: Any) -> None:
    """A doctor-first plan with no home steps keeps its own words: the note is only said above home steps."""
    r = call(app, "GET", "/care/stroke_tia")
    care = _flat(r.body)
    assert r.status == 200 and "needs emergency care, not home care" in care and ANYONE not in care, care


def test_pats_vegan_care_page_on_the_web_lists_no_meat_or_fish(app: Any) -> None:
    """Walkthrough AR: the care plan page for a vegan (its link's answers) says why meat and fish are left out."""
    care = _flat(call(app, "GET", "/care/b12_deficiency?yes=onset_gradual,vegan_or_vegetarian").body)
    assert "so meat and fish are left out" in care and "Beef liver" not in care, care
    assert "Beef liver" in _flat(call(app, "GET", "/care/b12_deficiency").body)
