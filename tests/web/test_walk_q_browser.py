"""Walkthrough Q in a real browser (Chromium): Ella's help-today result is in the urgent colour, not the call-now red,
and every text in its banner, and the calm reminder's call links on a later question, pass WCAG AA contrast."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from tests.web.flows import axe_violations, small_targets
from tests.web.test_check_faces_agree import _item
from tests.web.test_walk_q_calm import FACE, _ella

# The contrast of each element's text against the nearest background colour behind it (WCAG 2 relative luminance).
CONTRAST_JS = """
(sel) => {
  const rgb = (s) => s.match(/[0-9.]+/g).slice(0, 4).map(Number);
  const lum = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
                               return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const bg = (el) => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                       if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
  return [...document.querySelectorAll(sel)].map((el) => {
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
    return [el.textContent.trim().slice(0, 40), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
  });
}
"""


def test_ellas_banner_is_the_urgent_colour_with_readable_text(page: Any) -> None:
    from itsdangerous import URLSafeSerializer

    data, _, _ = _ella()
    at = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": data, "about": True, "prefill": {}, "mode": None, "pending": None, "done": True})
    page.goto("/check?" + urlencode({"at": at}))
    banner = page.locator("section.banner")
    assert banner.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(138, 59, 0)"  # urgent, not #a50e0e
    assert page.locator("#level-title").inner_text().strip() == "Get medical help today"
    ratios = page.evaluate(CONTRAST_JS, "section.banner h1, section.banner h2, section.banner p")
    assert ratios and all(r >= 4.5 for _, r in ratios), ratios
    assert axe_violations(page) == []


def test_the_calm_reminder_links_are_readable_and_big_enough(page: Any) -> None:
    page.goto("/check")
    page.get_by_role("button", name="Yes, one or more").click()
    page.locator(f"input[name=item{_item(FACE)}][value=yes]").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Answer a few questions").click()
    page.locator("p.still").wait_for()
    assert page.locator("a.call-link").count() == 0 and page.locator("a.call-small").count() >= 2
    ratios = page.evaluate(CONTRAST_JS, "p.still, a.call-small")
    assert all(r >= 4.5 for _, r in ratios), ratios
    assert not [t for t in small_targets(page) if "call" in t.lower()], small_targets(page)
    assert axe_violations(page) == []
