"""Every page in Chromium at 375 px: axe (WCAG 2.2 AA) finds nothing, every target is at least 44 x 44 px."""

from __future__ import annotations

from typing import Any

from numbwise.kb import load
from numbwise.pages import topics
from numbwise.scores import instrument_ids
from tests.web.flows import axe_violations, small_targets


def all_pages() -> list[str]:
    """Every page the app serves by GET (Learn pages for every cause and treatment included)."""
    causes, treatments = topics()
    return (["/", "/check", "/learn", "/foods", "/exercises", "/diary", "/scores", "/report",
             "/report/pdf?from=1990-01-01&to=1990-03-31", "/diary/S999999/edit", "/no-such-page",
             "/learn/no-such-topic"] + [f"/learn/{t[0]}" for t in causes + treatments]
            + [f"/exercises/{rid}" for rid in load().exercises.routines] + [f"/scores/{iid}" for iid in instrument_ids()])


def test_every_page_passes_axe_and_target_size(page: Any) -> None:
    problems: list[str] = []
    for path in all_pages():
        page.goto(path)
        problems += [f"{path}: axe {v}" for v in axe_violations(page)]
        problems += [f"{path}: small target {t}" for t in small_targets(page)]
    assert problems == [], "\n".join(problems)


def test_desktop_width_shows_both_hands_side_by_side(browser: Any, live: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live.url)
    pg = context.new_page()
    pg.goto("/check")
    pg.get_by_role("button", name="None of these", exact=True).click()
    pg.wait_for_selector("text=About you")
    pg.get_by_role("button", name="Continue", exact=True).click()
    pg.get_by_role("button", name="Slowly, over weeks or months", exact=True).click()
    pg.wait_for_selector("fieldset.hand-R")
    left = pg.locator("fieldset.hand-L").bounding_box()
    right = pg.locator("fieldset.hand-R").bounding_box()
    assert left and right and abs(left["y"] - right["y"]) < 5 and right["x"] > left["x"]
    assert axe_violations(pg) == []
    context.close()


def test_skip_link_is_first_and_big_when_focused(page: Any) -> None:
    page.goto("/learn")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    box = page.locator("a.skip").bounding_box()
    assert box and box["y"] >= 0 and box["width"] >= 44 and box["height"] >= 44


def test_b12_table_fits_a_phone_with_every_column_labelled(page: Any) -> None:
    from numbwise.foods import b12_table

    t = b12_table()
    page.goto("/foods")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert "mcg = micrograms" in page.locator("main").inner_text()
    rows = page.locator("table.stack tbody tr")
    assert rows.count() == len(t.rows)
    for i in range(rows.count()):
        box = rows.nth(i).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375
        dv = rows.nth(i).locator("td[data-label='% daily value']")
        assert dv.is_visible() and dv.inner_text() == t.rows[i].percent_dv
        cell = dv.bounding_box()
        assert cell and cell["x"] + cell["width"] <= 375
    notes = [r.note for r in t.rows if r.note]
    table_text = page.locator("table.stack").inner_text()
    assert all(n not in table_text for n in notes)
    assert page.locator(".food-notes li").count() == len(notes)
    assert axe_violations(page) == [] and small_targets(page) == []
