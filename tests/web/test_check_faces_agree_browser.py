"""The same walkthrough in Chromium at 375 px: not-sure checks, the honest buttons, and Back that stays in step."""

from __future__ import annotations

from typing import Any

from numbwise.kb import load
from tests.web.flows import button, continue_, heading, mark
from tests.web.test_check_review import _back, _path

SCREEN = load().interview.steps[0]
ADVICE = SCREEN.if_unsure
assert ADVICE is not None
AGE = "Your age in years (you can leave this empty)"


def test_yes_one_or_more_with_only_not_sure_goes_to_the_checks_then_change_or_carry_on(page: Any) -> None:
    page.goto("/check")
    button(page, "Yes, one or more")
    mark(page, "New loss of control of your bladder or bowels", "Not sure")
    continue_(page)
    assert heading(page) == ADVICE.title  # not "You said you have one or more of these ..."
    button(page, "Change my answer")  # back to the same signs, the Not sure still marked
    assert heading(page) == SCREEN.text
    group = page.get_by_role("group", name="New loss of control of your bladder or bowels", exact=True)
    assert group.get_by_label("Not sure", exact=True).is_checked()
    continue_(page)
    assert heading(page) == ADVICE.title
    button(page, "Carry on, still not sure")
    assert heading(page) == "About you"


def test_browser_back_after_the_in_page_back_goes_further_back_not_forward(page: Any) -> None:
    """Walkthrough: in-page Back, then the browser's Back, showed the later question again."""
    page.goto("/")
    page.goto("/check")
    button(page, "None of these")
    page.get_by_label(AGE).fill("61")
    continue_(page)
    onset = heading(page)
    button(page, "Slowly, over weeks or months")
    fingers = heading(page)
    assert fingers != onset
    button(page, "Back to the previous question")
    assert heading(page) == onset
    assert "You answered" in page.locator("main").inner_text()  # the answer given there is shown
    _back(page)
    assert heading(page) == "About you"  # one step further back, never forward to the fingers
    assert page.get_by_label(AGE).input_value() == "61"
    button(page, "Back to the previous question")
    assert heading(page) == SCREEN.text
    _back(page)
    assert _path(page) == "/"


def test_a_face_numb_yes_shows_the_call_advice_first_accessible_and_the_browser_back_returns_to_it(page: Any) -> None:
    """Review iv3: the emergency screen promises the advice before any other question; the page passes axe."""
    from tests.web.flows import axe_violations, small_targets

    first = load().interview.emergency_first
    assert first is not None
    page.goto("/check")
    button(page, "Yes, one or more")
    mark(page, load().findings["numb_face_same_side"].checklist or "", "Yes")
    button(page, "No to all I left blank")
    assert heading(page) == first.title
    assert page.get_by_role("link", name="Call 911").count() == 1 or "Call 911" in page.locator("main").inner_text()
    assert axe_violations(page) == [] and small_targets(page) == []
    button(page, "Answer a few questions")
    assert heading(page) == load().interview.steps[1].text
    assert first.still in page.locator("main").inner_text()
    _back(page)
    assert heading(page) == first.title
    button(page, "See what to do now")
    assert heading(page) == "Call emergency services now"
