"""Exercises and scores in Chromium at 375 px: a routine runs to "Done?" and lands in the diary, reminders fire,
a BCTQ filled by clicking ends on its score, the hand diagram gives the Katz class; axe and 44 px targets on each."""

from __future__ import annotations

from typing import Any

from numbwise.scores import instrument, score
from tests.web.flows import axe_violations, heading, small_targets


def sessions(live: Any) -> list[Any]:
    from numbwise.diary.store import open_store

    with open_store(live.db) as store:
        return store.activities(kind="session")


def test_a_routine_runs_to_done_and_lands_in_the_diary(page: Any, live: Any) -> None:
    before = len(sessions(live))
    page.goto("/exercises/desk_break?test_speed=50")
    player = page.locator("#player")
    page.wait_for_selector("#player[data-ready=true]")
    assert page.locator("#p-pause").is_hidden()
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("#player[data-kind=hold], #player[data-kind=timed]")
    page.get_by_role("button", name="Pause", exact=True).click()
    assert player.get_attribute("data-paused") == "true"
    assert page.locator("#p-pause").get_attribute("aria-pressed") == "true"
    assert page.locator("#p-pic").get_attribute("src").startswith("/exercises/pictures/")
    assert axe_violations(page) == [] and small_targets(page) == []
    for control in ("#p-pause", "#p-skip", "#p-next"):
        box = page.locator(control).bounding_box()
        assert box and box["width"] >= 44 and box["height"] >= 44
    phase = int(player.get_attribute("data-phase"))
    page.get_by_role("button", name="Next step", exact=True).click()  # paused, so exactly one phase on
    assert int(player.get_attribute("data-phase")) == phase + 1
    page.keyboard.press("Shift+Tab")  # keyboard: back past Skip exercise to Resume, Space presses it
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert player.get_attribute("data-paused") == "false"
    page.wait_for_selector("#player[data-kind=finished]", timeout=30000)
    assert page.evaluate("document.activeElement.id") == "done-title"
    assert int(player.get_attribute("data-beeps") or 0) >= 2  # a beep at the end of each hold
    assert "Finished" in page.locator("#p-live").inner_text()
    seconds = int(page.locator("#done-seconds").input_value())
    assert 0 < seconds <= 235
    page.get_by_role("button", name="Done", exact=True).click()
    page.wait_for_selector("text=Session saved")
    assert axe_violations(page) == [] and small_targets(page) == []
    got = sessions(live)
    assert len(got) == before + 1 and (got[-1].name, got[-1].outcome, got[-1].seconds) == ("desk_break", "done", seconds)


def test_a_skipped_through_session_is_saved_as_partly_with_the_real_seconds(page: Any, live: Any) -> None:
    from numbwise.care.session import timeline
    from numbwise.kb import load

    kb = load()
    planned = sum(p.seconds for p in timeline(kb.exercises, kb.exercises.routines["desk_break"]))
    before = len(sessions(live))
    page.goto("/exercises/desk_break?test_speed=20")
    player = page.locator("#player")
    page.wait_for_selector("#player[data-ready=true]")
    page.get_by_role("button", name="Start", exact=True).click()
    page.wait_for_selector("#player[data-beeps]", timeout=30000)  # one hold ran its full time
    page.get_by_role("button", name="Pause", exact=True).click()
    assert page.locator("#done-timer").input_value() == "1"
    skip = page.get_by_role("button", name="Skip exercise", exact=True)
    taps = 0
    while player.get_attribute("data-kind") != "finished" and taps < 50:
        skip.click()
        taps += 1
    assert player.get_attribute("data-kind") == "finished"
    assert taps <= len(kb.exercises.routines["desk_break"].exercises)  # one tap an exercise, not one a step
    seconds = int(page.locator("#done-seconds").input_value())
    assert 0 < seconds < planned
    suggested = page.locator("#done-form button[data-suggested=true]")
    assert suggested.inner_text() == "Partly" and "primary" in (suggested.get_attribute("class") or "")
    assert "skipped, so \u201cPartly\u201d is suggested" in page.locator("#done-hint").inner_text()
    suggested.click()
    page.wait_for_selector("text=Session saved")
    got = sessions(live)
    assert len(got) == before + 1 and (got[-1].outcome, got[-1].seconds) == ("partial", seconds)


def test_skipping_everything_suggests_not_done_in_the_hint_and_the_buttons_alike(page: Any) -> None:
    page.goto("/exercises/desk_break?test_speed=1")
    player = page.locator("#player")
    page.wait_for_selector("#player[data-ready=true]")
    page.get_by_role("button", name="Start", exact=True).click()
    page.get_by_role("button", name="Pause", exact=True).click()
    while player.get_attribute("data-kind") != "finished":
        page.get_by_role("button", name="Skip exercise", exact=True).click()
    suggested = page.locator("#done-form button[data-suggested=true]")
    assert suggested.inner_text() == "Not done"
    assert "\u201cNot done\u201d is suggested" in page.locator("#done-hint").inner_text()


def test_hand_prompt_picture_and_countdown_stay_on_a_phone_screen_while_running(browser: Any, live: Any) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812}, base_url=live.url)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.goto("/exercises/carpal_tunnel_daily?test_speed=2")
    pg.wait_for_selector("#player[data-ready=true]")
    pg.get_by_role("button", name="Start", exact=True).click()
    pg.wait_for_selector("#p-hand:not([hidden])")
    pg.get_by_role("button", name="Pause", exact=True).click()
    assert pg.locator("#p-hand").inner_text() == "LEFT hand"
    for part in ("#p-hand", "#p-headline", "#p-pic", ".ring-box", "#p-say", "#p-pause", "#p-skip", "#p-next"):
        box = pg.locator(part).bounding_box()
        assert box, part
        assert box["y"] >= 0 and box["y"] + box["height"] <= 812, (part, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (part, box)
    assert errors == []
    context.close()


def test_break_reminder_shows_while_the_page_is_open(page: Any) -> None:
    page.goto("/exercises?test_speed=600")  # 5 minutes -> half a second
    assert page.locator(".nojs").is_hidden()
    page.get_by_label("Remind me every (minutes)").fill("2")
    page.get_by_role("button", name="Start reminders", exact=True).click()
    assert "from 5 to 480" in page.locator("#remind-status").inner_text()
    page.get_by_label("Remind me every (minutes)").fill("5")
    page.get_by_role("button", name="Start reminders", exact=True).click()
    assert "every 5 minutes" in page.locator("#remind-status").inner_text()
    page.wait_for_selector("#remind-banner:not([hidden])", timeout=10000)
    assert page.locator("#remind").get_attribute("data-notified") == "false"  # not allowed: the banner instead
    assert axe_violations(page) == [] and small_targets(page) == []
    page.get_by_role("button", name="Stop reminders", exact=True).click()
    page.get_by_role("button", name="Dismiss", exact=True).click()
    assert page.locator("#remind-banner").is_hidden()


def test_reminder_uses_a_notification_when_allowed(browser: Any, live: Any) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800}, base_url=live.url)
    context.grant_permissions(["notifications"], origin=live.url)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto("/exercises?test_speed=600")
    assert pg.locator("#remind-allow").is_hidden()  # already allowed
    pg.get_by_role("button", name="Start reminders", exact=True).click()
    pg.wait_for_selector("#remind[data-reminded]", timeout=10000)
    assert pg.locator("#remind").get_attribute("data-notified") == "true"
    assert errors == []
    context.close()


def test_bctq_filled_by_clicking_ends_on_its_score(page: Any, live: Any) -> None:
    ins = instrument("bctq")
    page.goto("/scores/bctq")
    page.get_by_label("Left hand", exact=True).click()
    picks: dict[str, int | None] = {}
    for i, item in enumerate(ins.items):
        option = item.options[(i % 3)]
        page.locator("fieldset").nth(i + 1).get_by_label(option.label, exact=True).click()
        picks[item.id] = option.value
    page.get_by_role("button", name="See my score", exact=True).click()
    page.wait_for_selector("text=Your BCTQ result")
    expected = score("bctq", picks)
    values = page.locator(".scale-result .value").all_inner_texts()
    for s, shown in zip(expected.scales, values):
        assert shown.startswith(f"{s.value:g}")
    assert axe_violations(page) == [] and small_targets(page) == []


def test_hand_diagram_score_by_clicking(page: Any) -> None:
    page.goto("/scores/katz")
    for name in ("Right thumb", "Right index finger", "Right middle finger"):
        page.get_by_label(name, exact=True).check()
    page.get_by_label("Right hand: Back of the hand").check()
    page.get_by_role("button", name="See my score", exact=True).click()
    page.wait_for_selector("text=Your Hand diagram result")
    assert heading(page) == "Your Hand diagram result"
    assert "Possible" in page.locator(".scale-result").first.inner_text()  # the back of the hand is marked
    assert axe_violations(page) == [] and small_targets(page) == []
