"""The check in a real browser (Debian's Chromium): emergency, carpal tunnel on the hand diagram, keyboard only."""

from __future__ import annotations

from typing import Any

from tests.web.flows import (axe_violations, button, cause_name, continue_, emergency_title, heading, mark_yes,
                             on_result, press, small_targets)


def checked_page(page: Any, seen: list[str]) -> None:
    """Every step of a check gets axe and the target-size check; problems are collected per page."""
    title = heading(page)
    for v in axe_violations(page):
        seen.append(f"[{title}] axe {v}")
    for t in small_targets(page):
        seen.append(f"[{title}] small target {t}")


def test_emergency_sign_ends_on_the_emergency_screen(page: Any) -> None:
    page.goto("/check")
    assert "With the numbness, do you have any of these now" in heading(page)
    assert page.locator("main input[type=radio], main input[type=checkbox]").count() == 0  # nothing pre-answered
    button(page, "Yes, one or more")
    assert page.locator("main input:checked").count() == 0  # nothing pre-answered
    mark_yes(page, "One side of your face droops")
    continue_(page)
    while not on_result(page):  # a settled emergency stops at once; clarifying questions are answered 'Not sure'
        if page.get_by_role("button", name="Not sure", exact=True).count():
            button(page, "Not sure")
        else:
            continue_(page)
    assert heading(page) == emergency_title()
    assert page.locator("section.banner.level-emergency").is_visible()
    assert axe_violations(page) == []
    assert small_targets(page) == []


def test_carpal_tunnel_on_the_hand_diagram(page: Any, live: Any) -> None:
    problems: list[str] = []
    page.goto("/check")
    checked_page(page, problems)
    button(page, "None of these")  # no emergency signs
    assert heading(page) == "About you"
    checked_page(page, problems)
    page.get_by_label("Your age in years (you can leave this empty)").fill("52")
    page.get_by_label("Female", exact=True).check()
    continue_(page)
    checked_page(page, problems)
    button(page, "Slowly, over weeks or months")
    assert "fingers" in heading(page).lower()
    checked_page(page, problems)
    for name in ("Right thumb", "Right index finger", "Right middle finger", "Right palm at the base of the thumb"):
        page.get_by_label(name, exact=True).check()
    assert page.get_by_label("Right index finger", exact=True).is_checked()
    continue_(page)
    # The palm picked on the diagram is the picker's answer: the "where else" screen does not ask it again.
    assert page.get_by_role("group", name="Numbness or tingling in the palm at the base of your thumb").count() == 0
    from numbwise.assess.interview import checklist_label

    yes_to = {checklist_label(f) for f in ("worse_at_night", "wakes_from_sleep", "shaking_relieves", "comes_and_goes",
                                           "worse_with_gripping", "lasting_over_6_weeks")}
    while not on_result(page):
        checked_page(page, problems)
        groups = page.locator("fieldset.yn legend").all_inner_texts()
        for label in groups:
            if label.strip() in yes_to:
                mark_yes(page, label.strip())
        assert page.locator("fieldset.yn input:checked").count() == len([g for g in groups if g.strip() in yes_to])
        if page.get_by_role("button", name="No to all I left blank", exact=True).count():
            button(page, "No to all I left blank")
        else:
            button(page, "Not sure")
    checked_page(page, problems)
    level = page.locator("section.banner").get_attribute("class") or ""
    assert "level-routine" in level or "level-self_care" in level, level
    first = page.locator("ol.causes > li h3").first.inner_text()
    assert first.startswith(cause_name("carpal_tunnel")), first
    katz = page.locator("ul.katz").inner_text()  # thumb, index, middle and palm, rated by the scores core
    assert katz.startswith("Right hand: Probable"), katz
    assert problems == []
    from numbwise.diary.store import open_store

    with open_store(live.db) as store:  # the finished check is in the diary, as `numbwise check` keeps it
        saved = store.latest_check()
    assert saved is not None and saved.result["causes"][0]["id"] == "carpal_tunnel"
    assert saved.case["findings"]["numb_index"] is True and saved.case["age"] == 52


def test_back_goes_to_the_previous_question(page: Any) -> None:
    page.goto("/check")
    button(page, "None of these")
    continue_(page)  # about you, skipped
    first = heading(page)
    button(page, "Not sure")
    assert heading(page) != first
    button(page, "Back to the previous question")
    assert heading(page) == first


def _tab_to(page: Any, text: str, limit: int = 250) -> None:
    """Press Tab until the focused control's name (its text or its label) is `text`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        name = page.evaluate("""() => { const e = document.activeElement; if (!e) return '';
            const l = e.labels && e.labels.length ? e.labels[0].textContent : e.textContent; return (l || '').trim(); }""")
        if name == text:
            return
    raise AssertionError(f"could not reach '{text}' with the Tab key")


def test_keyboard_only_check(page: Any) -> None:
    page.goto("/check")
    assert page.evaluate("document.querySelectorAll('main button, main input:not([type=hidden]), main summary').length") <= 6
    _tab_to(page, "None of these")
    press(page, None, "Enter")
    assert heading(page) == "About you"
    _tab_to(page, "Your age in years (you can leave this empty)")
    page.keyboard.type("45")
    press(page, None, "Enter")  # Enter in the field submits the form
    _tab_to(page, "Slowly, over weeks or months")
    press(page, None, "Enter")
    _tab_to(page, "Left index finger")
    page.keyboard.press("Space")
    assert page.get_by_label("Left index finger", exact=True).is_checked()
    _tab_to(page, "Continue")
    press(page, None, "Enter")
    for _ in range(40):
        if on_result(page):
            break
        has_continue = page.get_by_role("button", name="Continue", exact=True).count() > 0
        _tab_to(page, "Continue" if has_continue else "Not sure")
        press(page, None, "Enter")
    assert on_result(page)
    assert page.locator("ol.causes > li").count() >= 1
