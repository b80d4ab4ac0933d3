"""Walkthrough U in a real browser (Chromium): Kim's helpline result leads with the helpline line in a white box; the
emergency buttons under their intro are outlined (not the big white primary), readable and big enough to tap."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import to_data
from tests.test_walk_r_banner import KIM
from tests.web.flows import axe_violations, small_targets
from tests.web.test_result_faces import _unsure_of
from tests.web.test_walk_q_browser import CONTRAST_JS


def test_kims_emergency_buttons_are_the_second_style_and_readable(page: Any) -> None:
    iv = _unsure_of(KIM["findings"], set(), KIM["age"], KIM["sex"])
    at = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None, "done": True})
    page.goto("/check?" + urlencode({"at": at}))
    assert page.locator("#level-title").inner_text().strip() == "Call your cancer helpline now"
    helpline = page.locator("section.banner p.helpline")
    assert helpline.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 255, 255)"
    links = page.locator("section.banner ul.call-second a.call-link")
    assert links.count() == 3
    assert links.first.evaluate("el => getComputedStyle(el).backgroundColor") == "rgba(0, 0, 0, 0)"  # outlined
    top = page.evaluate("s => [...document.querySelectorAll(s)].map(e => e.getBoundingClientRect().top)",
                        "#helpline, #call-intro, section.banner a.call-link")
    assert top == sorted(top)  # the helpline line, the intro, then the buttons
    ratios = page.evaluate(CONTRAST_JS, "section.banner p, section.banner a.call-link")
    assert ratios and all(r >= 4.5 for _, r in ratios), ratios
    assert not [t for t in small_targets(page) if "call" in t.lower()], small_targets(page)
    assert axe_violations(page) == []
