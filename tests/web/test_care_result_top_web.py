"""Walkthroughs AB (AB3) and AC (AC1), Tariq on the web: the result said "See a GP within a few days" under "Not sure
how fast it started", and the care page its link opened dropped both, said "Its warning signs are sorted by the
answers in your result" and "for the next 4 to 6 weeks". Now the page opens with the result's own top (composed by
the core from the answers the link carries), says the visit comes before its steps, and where the full call-now
list is; the page for anyone reads as before."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from tests.test_care_result_top import SURE
from tests.test_walk_z_care import TARIQ
from tests.web.asgi_call import call
from tests.web.test_walk_z_care_web import SECRET, _care_link, _flat, _result

NOT_SURE = "Not sure how fast it started"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("caretop") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key=SECRET))


def _title(page: str) -> str:
    """The result banner's title."""
    m = re.search(r'<h1 id="level-title"[^>]*>(.+?)</h1>', page, re.S)
    assert m is not None, page
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))).split())


def test_hit_tariqs_care_page_opens_with_his_results_level_and_not_sure_line(app: Any) -> None:
    """Hit: the care page his result links to says "Your result said: See a GP within a few days", the result's own
    not-sure heading and line, the visit before the steps, and that the result lists 7 signs to call for."""
    page = _result(app, TARIQ)
    result = _flat(page.encode())
    assert _title(page) == "See a GP within a few days" and NOT_SURE in result, result
    link = _care_link(page)
    assert "days=" in link and "onset_gradual" not in link, link
    care = _flat(call(app, "GET", link).body)
    top = care[care.index("Your result said: See a GP within a few days"):care.index("A pinched nerve in the neck")]
    assert NOT_SURE in top and "By when: Within a few days." in top, care
    action = re.search(r"(We can't tell how fast .+? call your emergency number now\.)", result)
    assert action is not None and action.group(1) in top, (result, top)
    steps = care[care.index("What to try first"):]
    assert steps.index("See a GP within a few days, as your result says.") < steps.index("For the next 4 to 6 weeks")
    assert "Your result lists 7 signs to call your emergency number for" in care, care
    assert "sorted by the answers" not in care


def test_near_miss_the_care_page_opened_with_nothing_reads_as_before(app: Any) -> None:
    """Near miss: /care/CAUSE with no answers has no result to repeat."""
    care = _flat(call(app, "GET", "/care/cervical_radiculopathy").body)
    assert "Care plan: Pinched nerve in the neck" in care
    for new in ("Your result said", "as your result says", "Your result lists", "sorted by the answers"):
        assert new not in care, care


def test_unknown_a_not_sure_that_is_no_warning_sign_gives_the_same_level(app: Any) -> None:
    """Unknown: not sure about burning pain only: the care page's top is the result's own level, with no not-sure
    start line."""
    page = _result(app, SURE)
    care = _flat(call(app, "GET", _care_link(page)).body)
    assert f"Your result said: {_title(page)}" in care, care
    assert NOT_SURE not in care


def test_a_bad_days_value_is_a_clear_400(app: Any) -> None:
    """A link with days that are not a number is refused, as a bad age is, without echoing it."""
    bad = call(app, "GET", "/care/cervical_radiculopathy?days=%3Cb%3Elots")
    assert bad.status == 400 and b"<b>lots" not in bad.body
