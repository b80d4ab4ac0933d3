"""Walkthrough AF (AF4), Zoe on the web: her result's care link opened a plan that said "If you are pregnant", "If the
numb hand belongs to a child" and "Book a doctor's visit if" under "Your result said: Book a doctor's visit". Now the
link carries her age and her no to pregnant, and the page leaves those lines out; the page for anyone keeps them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.asgi_call import call
from tests.web.test_walk_z_care_web import SECRET, _care_link, _flat, _result

ZOE: dict[str, Any] = {"age": 34, "sex": "female", "days_so_far": None, "unsure": [], "findings": {
    "onset_sudden": False, "onset_gradual": True, "numb_thumb": True, "numb_index": True, "numb_middle": True,
    "numb_ring": False, "numb_little": False, "one_hand": True, "both_hands": False, "comes_and_goes": True,
    "constant": False, "lasting_over_6_weeks": True, "worse_at_night": True, "wakes_from_sleep": True,
    "shaking_relieves": True, "worse_with_gripping": True, "hand_weakness": False, "thumb_muscle_wasting": False,
    "getting_worse": False, "pregnant": False, "diabetes": False, "numb_feet": False}}
PREGNANT: dict[str, Any] = {**ZOE, "findings": {**ZOE["findings"], "pregnant": True, "pregnancy_warning_signs": False}}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("afcare") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def test_hit_zoes_care_link_leaves_out_lines_her_answers_rule_out(app: Any) -> None:
    """Hit: the link carries her age and no to pregnant; the page has no pregnancy or child line and no "Book a
    doctor's visit if" heading under her result's "Book a doctor's visit"."""
    page = _result(app, ZOE)
    link = _care_link(page)
    assert "age=34" in link and "no=pregnant" in link, link
    r = call(app, "GET", link)
    assert r.status == 200
    care = _flat(r.body)
    assert "Your result said: Book a doctor's visit" in care, care
    assert "If you are pregnant" not in care and "midwife" not in care, care
    assert "child or a teenager under 16" not in care, care
    assert "Book a doctor's visit if" not in care and "there all the time, not just at night" not in care, care


def test_near_miss_the_page_for_anyone_keeps_them(app: Any) -> None:
    """Near miss: /care/carpal_tunnel with no answers keeps the pregnancy, child and watch lines."""
    care = _flat(call(app, "GET", "/care/carpal_tunnel").body)
    assert "If you are pregnant" in care and "child or a teenager under 16" in care, care
    assert "Book a doctor's visit if" in care and "there all the time, not just at night" in care, care


def test_near_miss_a_pregnant_adults_link_keeps_the_midwife_line(app: Any) -> None:
    """Near miss: pregnant at 34: the page says the midwife line for someone who is, and no child line."""
    care = _flat(call(app, "GET", _care_link(_result(app, PREGNANT))).body)
    assert "As you are pregnant, tell your midwife" in care, care
    assert "child or a teenager under 16" not in care, care


def test_a_bad_sex_value_is_a_clear_400(app: Any) -> None:
    """A link whose sex is not female or male is refused, as a bad age is, without echoing it."""
    bad = call(app, "GET", "/care/carpal_tunnel?sex=%3Cb%3Eother")
    assert bad.status == 400 and b"<b>other" not in bad.body
