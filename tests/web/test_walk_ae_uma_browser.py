"""Walkthrough AE at 375 px in a real browser (Uma): the finger page's "Right / Left / Both hands, not sure which
fingers" are real buttons in a labelled group, each one full width and at least 44 px tall, with no sideways scroll."""

from __future__ import annotations

from typing import Any

from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import answer, next_question, start, to_data
from tests.web.flows import axe_violations

WORDS = ("Right hand, not sure which fingers", "Left hand, not sure which fingers", "Both hands, not sure which fingers")


def _fingers_address() -> str:
    """The finger page's address for a 55-year-old woman who was not sure of everything before it."""
    iv = start(55, "female")
    while (q := next_question(iv)) is not None and q.kind != "fingers":
        iv = answer(iv, q, {f: False for f in q.findings} if q.kind in ("screen", "sweep") else {})
    assert q is not None
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "run": "aeuma",
         "pending": [q.id, q.kind, list(q.findings)]})
    return f"/check?at={state}"


def test_the_hand_buttons_fit_a_phone_and_take_her_to_the_next_question(page: Any) -> None:
    page.goto(_fingers_address())
    fingers = page.locator("h1").inner_text()
    group = page.get_by_role("group", name="Know the hand but not the fingers?")
    for words in WORDS:
        box = group.get_by_role("button", name=words, exact=True).bounding_box()
        assert box is not None and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 375, words
    assert int(page.evaluate("document.documentElement.scrollWidth")) <= 375
    assert axe_violations(page) == []
    page.screenshot(path="/tmp/lead19/webhand_fingers_375.png", full_page=True)
    group.get_by_role("button", name=WORDS[0], exact=True).click()
    page.wait_for_function("h => document.querySelector('h1').innerText !== h", arg=fingers)
    assert page.locator('[role="alert"]').count() == 0, page.locator("h1").inner_text()
    assert "Is only one of your hands numb or tingling?" not in page.content()
    assert page.locator('input[name="pick"]').count() == 0  # on to the next question, not the finger page again
