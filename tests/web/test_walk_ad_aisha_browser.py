"""Walkthrough AD at 375 px in a real browser (AD2, D6 Aisha): her maternity team's action is on the first screen of
a phone, above the not-sure line and its Call links, and the page is no taller than before the reorder."""

from __future__ import annotations

from typing import Any

from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import Interview, answer, question, to_data
from tests.test_walk_ad_aisha import AISHA

PHONE = 667  # px: the first screen of a small phone (375 x 667)
BEFORE = 5854  # px: her result's height at 375 px with the caution above the action (measured before the reorder)


def _address(case: dict[str, Any]) -> str:
    """The result page's address for these answers (the signed state the browser's Back keeps)."""
    iv = Interview(age=case["age"], sex=case["sex"], said_days=case["days_so_far"])
    for f, v in [*case["findings"].items(), *((u, None) for u in case["unsure"])]:
        iv = answer(iv, question(f, "finding", [f]), {} if v is None else {f: v})  # no update: 'not sure'
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "run": "adaisha", "pending": None, "done": True})
    return f"/check?at={state}"


def test_her_action_is_on_the_first_screen_above_the_call_links(page: Any) -> None:
    page.goto(_address(AISHA))
    action = page.locator("section.banner p.action").bounding_box()
    caution = page.locator("#caution").bounding_box()
    call = page.locator("section.banner ul.call a").first.bounding_box()
    assert action is not None and caution is not None and call is not None
    assert action["y"] + action["height"] <= PHONE, action
    assert action["y"] < caution["y"] < call["y"]
    height = int(page.evaluate("document.documentElement.scrollHeight"))
    assert height <= BEFORE, f"her result is {height} px tall at 375 px"
