"""The free-text start of the web check in a real browser at phone width: reachable, accessible, safe."""

from __future__ import annotations

from typing import Any

from tests.web.flows import axe_violations, button, continue_, heading, press, small_targets


def _describe(page: Any, text: str) -> None:
    page.goto("/check")
    press(page, page.get_by_role("link", name="Describe it in your own words (optional)"))
    assert heading(page) == "Describe it in your own words"
    assert axe_violations(page) == [] and small_targets(page) == []
    page.get_by_label("Your words").fill(text)
    button(page, "Read my words")


def test_words_become_chips_and_the_check_goes_on_with_the_rest(page: Any) -> None:
    _describe(page, "My right thumb and pointer tingle at night for 3 months, shaking helps. No fever.")
    assert heading(page) == "Is this right?"
    assert axe_violations(page) == []
    assert small_targets(page) == []
    assert page.locator("input[name=keep][value=fever]").count() == 0  # "no fever" is left to its question
    page.locator("input[name=keep][value=shaking_relieves]").uncheck()
    page.locator("input[name=flip][value=one_hand]").check()  # the person turns one chip round
    continue_(page)
    assert "With the numbness, do you have any of these now" in heading(page)


def test_an_emergency_in_the_words_comes_first_with_a_way_back(page: Any) -> None:
    _describe(page, "suddenly my face is drooping and my hand is numb")
    assert heading(page) == "Your words point to an emergency"
    assert "face is drooping" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    button(page, "That's not what I meant")
    assert heading(page) == "Is this right?"


def test_yes_to_an_emergency_in_the_words_shows_the_rest_of_them_then_the_call_advice(page: Any) -> None:
    """Walkthrough R (Anne, on warfarin): "Yes, that is right" keeps the rest of the words, shown back to check."""
    from numbwise.assess.interview import ALSO_UNDERSTOOD

    _describe(page, "I take warfarin. My right hand and the right side of my face went numb 2 hours ago")
    button(page, "Yes, that is right")
    assert heading(page) == "Is this right?" and ALSO_UNDERSTOOD in page.locator("main").inner_text()
    assert page.locator("input[name=keep][value=blood_thinners]").is_checked()
    assert axe_violations(page) == [] and small_targets(page) == []
    continue_(page)
    assert "See what to do now" in page.locator("main").inner_text()


def test_an_age_and_sex_from_the_words_are_shown_back_and_a_wrong_one_is_asked(page: Any) -> None:
    """A walkthrough: the words' age and sex were used without being shown, and About you was skipped."""
    _describe(page, "I'm a 52 year old woman and my right thumb tingles at night")
    assert page.get_by_label("Age: 52. (you wrote “52”)").is_checked()
    assert page.get_by_label("Sex: female. (you wrote “woman”)").is_checked()
    page.get_by_label("Age: 52. (you wrote “52”)").uncheck()  # read wrong: it is asked instead
    continue_(page)
    button(page, "None of these")
    assert heading(page) == "About you"
    assert page.get_by_label("Your age in years (you can leave this empty)").input_value() == ""


def test_an_age_and_sex_kept_skip_about_you(page: Any) -> None:
    _describe(page, "I'm a 52 year old woman and my right thumb tingles at night")
    continue_(page)
    button(page, "None of these")
    assert heading(page) != "About you"
