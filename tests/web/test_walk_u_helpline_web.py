"""Walkthrough U on the web (Kim, after chemotherapy, a fever of 38.2 C): under "Call your cancer helpline now" the
banner's only buttons were the big white "Call 911 / 999 / 112". The helpline line now leads, the intro stands right
above the emergency buttons, and those are the outlined second style; a stroke's banner keeps its buttons as they were.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import outcome, to_data
from numbwise.assess.result import result_plan
from tests.test_walk_r_banner import KIM
from tests.test_walk_u_helpline import INTRO, STROKE, WHERE
from tests.web.asgi_call import call
from tests.web.test_result_faces import _unsure_of


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db = tmp_path_factory.mktemp("walkuh") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key="s"))


def _banner(app: Any, case: dict[str, Any], unsure: set[str] = frozenset()) -> tuple[str, Any]:  # type: ignore[assignment]
    """The result page's banner for an interview answered from the case, and the plan it shows."""
    iv = _unsure_of(case["findings"], set(unsure), case["age"], case["sex"])
    plan = result_plan(outcome(iv), iv.unsure)
    state = URLSafeSerializer("s", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = call(app, "GET", "/check?at=" + state).body.decode()
    return page[page.index('<section class="banner'):page.index("</section>")], plan


def _flat(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_kims_result_page_leads_with_the_helpline_and_introduces_the_buttons(app: Any) -> None:
    banner, plan = _banner(app, KIM)
    assert plan.call_intro == INTRO and plan.numbers
    assert '<h1 id="level-title">Call your cancer helpline now</h1>' in banner
    flat = _flat(banner)
    assert flat.index("By when:") < flat.index(WHERE) < flat.index(INTRO) < flat.index("Call 911") < flat.index("Call 999")
    assert banner.index('id="helpline"') < banner.index('id="call-intro"') < banner.index('href="tel:999"')
    assert '<ul class="call call-second">' in banner  # the outlined second style, not the big white primary
    assert banner.count('href="tel:') == 3  # every emergency button stays


def test_a_fever_not_sure_keeps_the_buttons_on_the_web(app: Any) -> None:
    case = {**KIM, "findings": {k: v for k, v in KIM["findings"].items() if k != "fever"}}
    banner, plan = _banner(app, case, {"fever"})
    assert plan.heading == "Call your cancer helpline now" and "fever" in plan.caution
    assert banner.count('href="tel:') == 3 and '<ul class="call call-second">' in banner
    assert _flat(banner).index(INTRO) < _flat(banner).index("Call 911")


def test_a_stroke_banner_keeps_its_primary_buttons_without_an_intro(app: Any) -> None:
    banner, plan = _banner(app, STROKE)
    assert plan.level == "emergency" and plan.call_intro == ""
    assert '<ul class="call">' in banner and "call-second" not in banner
    assert 'id="call-intro"' not in banner and 'id="helpline"' not in banner and banner.count('href="tel:') == 3
