"""Shared steps for the browser tests: drive the check as a person would, and check a page with axe."""

from __future__ import annotations

from typing import Any

from numbwise.kb import load

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Every interactive element a finger or a pointer can hit, measured where it is drawn.
TARGETS_JS = """
() => {
  const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const out = [];
  for (const el of document.querySelectorAll(sel)) {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (r.width === 0 && r.height === 0) continue;            // not rendered (closed details, display:none)
    if (style.visibility === 'hidden') continue;
    if (el.classList.contains('skip') && r.bottom < 0) continue; // the skip link is measured when focused
    if (r.width < 44 || r.height < 44) {
      out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
  }
  return out;
}
"""


def axe_violations(page: Any) -> list[str]:
    """WCAG 2.2 AA violations on the current page, one readable line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return [f"{v['id']}: {v['help']} -> " + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                                                   for n in v["nodes"][:5])
            for v in results.response["violations"]]


def small_targets(page: Any) -> list[str]:
    """Interactive elements smaller than 44 x 44 CSS px."""
    return list(page.evaluate(TARGETS_JS))


def heading(page: Any) -> str:
    """The main heading of the page now shown."""
    return str(page.locator("main h1").first.inner_text()).strip()


def press(page: Any, target: Any, key: str | None = None) -> None:
    """Click a button (or press a key) and wait until the next step has replaced <main> (htmx or a full load)."""
    page.evaluate("document.getElementById('main').dataset.old = '1'")
    if key is None:
        target.click()
    else:
        page.keyboard.press(key)
    page.wait_for_function("() => { const m = document.getElementById('main'); return m && !m.dataset.old; }")
    page.wait_for_load_state()


def continue_(page: Any) -> None:
    """Press the main Continue button and wait for the next step."""
    press(page, page.get_by_role("button", name="Continue", exact=True))


def button(page: Any, name: str) -> None:
    """Press the answer button with this name and wait for the next step."""
    press(page, page.get_by_role("button", name=name, exact=True))


def mark_yes(page: Any, label: str) -> None:
    """On a screen of signs, answer Yes to the one with this label."""
    mark(page, label, "Yes")


def mark(page: Any, label: str, answer: str) -> None:
    """On a screen of signs, give this answer (Yes, No or Not sure) to the one with this label."""
    page.get_by_role("group", name=label, exact=True).get_by_label(answer, exact=True).check()


def emergency_title() -> str:
    """The banner title of the emergency level, from the knowledge base."""
    return load().triage.levels["emergency"].title


def cause_name(cid: str) -> str:
    """A cause's display name."""
    return load().causes[cid].name


def on_result(page: Any) -> bool:
    """True when the result banner is showing."""
    return page.locator("section.banner").count() > 0


# ---- the three stories of the docs' result screenshots (scripts/screenshots.py) and the result-height test ----------

def finish_check(page: Any, yes_to: tuple[str, ...] = (), blank_is_no: bool = False) -> None:
    """Answer until the result: Yes to the signs named, then No to the rest (`blank_is_no`) or Not sure."""
    while not on_result(page):
        for label in page.locator("fieldset.yn legend").all_inner_texts():
            if label.strip() in yes_to:
                mark_yes(page, label.strip())
        if page.get_by_role("button", name="No to all I left blank", exact=True).count():
            button(page, "No to all I left blank" if blank_is_no else "Continue")
        elif page.get_by_role("button", name="No", exact=True).count() and blank_is_no:
            button(page, "No")
        else:
            button(page, "Not sure")


def carpal_story(page: Any) -> None:
    """A 52-year-old woman, slow onset, right thumb to middle finger, worse at night: the carpal tunnel result."""
    page.goto("/check")
    button(page, "None of these")
    page.get_by_label("Your age in years (you can leave this empty)").fill("52")
    page.get_by_label("Female", exact=True).check()
    continue_(page)
    button(page, "Slowly, over weeks or months")
    for name in ("Right thumb", "Right index finger", "Right middle finger"):
        page.get_by_label(name, exact=True).check()
    continue_(page)
    finish_check(page, ("It is worse at night", "It wakes you from sleep", "Shaking or flicking your hand makes it better",
                        "The numbness comes and goes"), True)


def nearly_unsure_story(page: Any) -> None:
    """Not sure of two stroke signs (the rest left blank), no age, onset not sure, two left fingers, then not sure."""
    page.goto("/check")
    button(page, "Not sure")
    for name in ("One side of your face droops",
                 "Your speech is slurred, or you have trouble finding or understanding words"):
        mark(page, name, "Not sure")
    continue_(page)
    button(page, "Carry on, still not sure")
    button(page, "Not sure")  # how long (first: it decides whether the not-sure signs mean call now)
    button(page, "Not sure")  # how it started (then the hands: both hands would take the call-now away)
    for name in ("Left index finger", "Left middle finger"):
        page.get_by_label(name, exact=True).check()
    continue_(page)
    button(page, "Answer a few questions")  # past the call-now screen those signs give (walkthrough Y, Priya)
    continue_(page)  # about you, left empty
    finish_check(page)


def all_unsure_story(page: Any) -> None:
    """Every question answered Not sure (each sign on a list too); About you left empty."""
    page.goto("/check")
    button(page, "Not sure")
    for _ in range(60):
        if on_result(page):
            return
        if page.get_by_label("Your age in years (you can leave this empty)").count():
            continue_(page)
        elif page.locator("fieldset.yn").count():
            for label in page.locator("fieldset.yn legend").all_inner_texts():
                mark(page, label.strip(), "Not sure")
            continue_(page)
        elif page.get_by_role("button", name="Carry on, still not sure", exact=True).count():
            button(page, "Carry on, still not sure")
        elif page.get_by_role("button", name="Answer a few questions", exact=True).count():
            button(page, "Answer a few questions")  # the call-now screen a not-sure stroke sign gives
        else:
            button(page, "Not sure")
    raise AssertionError("no result after 60 steps")


def emergency_story(page: Any) -> None:
    """One side of the face droops: the emergency result at once."""
    page.goto("/check")
    button(page, "Yes, one or more")
    mark_yes(page, "One side of your face droops")
    continue_(page)
    finish_check(page)
