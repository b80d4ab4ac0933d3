"""Screenshots of the web app at 375 px wide for the docs (docs/img): the home page, the check, the hand diagram,
three results (a carpal tunnel story, a person unsure of most answers, an emergency),
the exercise player mid-hold, a score result, the diary with its charts (a made-up 90-day diary) and the report page.

Run: .venv/bin/python scripts/screenshots.py   (needs /usr/bin/chromium; serves the app on a free loopback port)
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _diary_shots(page: object, db: str, out: Path) -> None:
    """Fill the diary with the made-up 90 days, then shoot /diary (charts open) and /report."""
    import datetime as dt
    import random

    from numbwise.diary.store import open_store
    from numbwise.report.data import fill_store
    from numbwise.report.demo import demo_data

    with open_store(db) as store:
        fill_store(store, demo_data(random.Random(1993), end=dt.date.today()))
    page.goto("/diary")  # type: ignore[attr-defined]
    page.locator("details.data summary").first.click()  # type: ignore[attr-defined]
    top = page.evaluate("document.getElementById('history').getBoundingClientRect().top + window.scrollY")  # type: ignore[attr-defined]
    clip = {"x": 0, "y": 0, "width": 375, "height": top + 900}  # the form, the charts and the newest entries
    page.screenshot(path=str(out / "diary-375.png"), full_page=True, clip=clip)  # type: ignore[attr-defined]
    page.goto("/report")  # type: ignore[attr-defined]
    page.screenshot(path=str(out / "report-375.png"), full_page=True)  # type: ignore[attr-defined]
def exercise_shot(page: object, out: Path) -> None:
    """The player paused in the middle of a hold (the timer runs 10x so the shot comes quickly)."""
    pg: Any = page
    pg.goto("/exercises/carpal_tunnel_daily?test_speed=10")
    pg.wait_for_selector("#player[data-ready=true]")
    pg.get_by_role("button", name="Start", exact=True).click()
    pg.wait_for_selector("#player[data-kind=hold]")
    pg.wait_for_function("() => Number(document.getElementById('p-count').textContent) <= 9")
    pg.get_by_role("button", name="Pause", exact=True).click()
    pg.evaluate("document.getElementById('player').scrollIntoView({block: 'start'})")
    pg.screenshot(path=str(out / "exercise-375.png"))


def score_shot(page: object, out: Path) -> None:
    """A BCTQ result with a trend of two results."""
    from numbwise.scores import instrument

    pg: Any = page
    items = instrument("bctq").items
    for round_ in (0, 1):
        pg.goto("/scores/bctq")
        pg.get_by_label("Right hand", exact=True).check()  # which hand the answers are about
        for i, item in enumerate(items):
            option = item.options[min(len(item.options) - 1, (3 if round_ == 0 else 1) + (i % 2))]
            pg.locator("fieldset.options:not(.hand-choice)").nth(i).get_by_label(option.label, exact=True).click()
        pg.get_by_role("button", name="See my score", exact=True).click()
        pg.wait_for_selector("text=Your BCTQ result")
    pg.screenshot(path=str(out / "score-375.png"), full_page=True)


def result_shots(page: object, out: Path) -> None:
    """The result at 375 px for three people: a carpal tunnel story, a person unsure of nearly everything, an emergency."""
    from tests.web.flows import carpal_story, emergency_story, nearly_unsure_story

    pg: Any = page
    for story, name in ((carpal_story, "carpal"), (nearly_unsure_story, "unsure"), (emergency_story, "emergency")):
        story(pg)
        pg.screenshot(path=str(out / f"result-{name}-375.png"), full_page=True)


def main() -> None:
    """Serve the app, walk a carpal tunnel check at phone width, and save full-page PNGs."""
    import uvicorn
    from playwright.sync_api import sync_playwright

    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.conftest import ARGS, free_port
    from tests.web.flows import button, continue_

    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp()
    app = create_app(settings=WebSettings(store_url=f"sqlite:///{home}/n.sqlite3", allow_test_speed=True))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 375, "height": 812}, base_url=f"http://127.0.0.1:{port}")
        result_shots(page, out)
        page.goto("/")
        page.screenshot(path=str(out / "home-375.png"))
        if "--results" in sys.argv:  # only the home page and the three results
            browser.close()
            server.should_exit = True
            return
        page.goto("/check")
        page.screenshot(path=str(out / "check-375.png"), full_page=True)
        button(page, "None of these")
        page.get_by_label("Your age in years (you can leave this empty)").fill("52")
        continue_(page)
        button(page, "Slowly, over weeks or months")
        for name in ("Right thumb", "Right index finger", "Right middle finger", "Right palm at the base of the thumb"):
            page.get_by_label(name, exact=True).check()
        page.screenshot(path=str(out / "hands-375.png"), full_page=True)
        exercise_shot(page, out)
        score_shot(page, out)
        _diary_shots(page, f"sqlite:///{home}/n.sqlite3", out)
        browser.close()
    server.should_exit = True
    print(f"saved screenshots in {out}")


if __name__ == "__main__":
    main()
