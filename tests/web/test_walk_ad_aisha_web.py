"""Walkthrough AD on the web (AD2, D6 Aisha, 375 px): the result page puts her maternity team's action and by-when
right under its title, then the doubt's line and the call links; a caution that leads keeps them first; and the
'not sure' about a sudden headache says what is not known, as the terminal does (tests/test_walk_ad_aisha.py)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assess_cli
from tests.test_result_unsure import THYROID_CRAMPS_UNSURE
from tests.test_walk_ad_aisha import AISHA, LIST_WORDS, SUDDEN_WORDS
from tests.web.test_walk_z_care_web import _result


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings

    db: Path = tmp_path_factory.mktemp("adaisha") / "d.sqlite3"
    return create_app(settings=WebSettings(store_url=f"sqlite:///{db}", secret_key="test-secret"))


def _banner(page: str) -> str:
    """The result banner's HTML."""
    m = re.search(r'<section class="banner[^"]*"[^>]*>(.+?)</section>', page, re.S)
    assert m is not None, page[:500]
    return m.group(1)


def _flat(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _order(banner: str) -> list[str]:
    """The banner's parts in the order the page shows them: title, caution, call links, action, by-when."""
    marks = {"title": 'id="level-title"', "caution": 'id="caution"', "calls": 'class="call-link"',
             "action": 'class="action', "by_when": "<strong>By when:</strong>"}
    return [k for k, _ in sorted(((k, banner.index(m)) for k, m in marks.items() if m in banner), key=lambda x: x[1])]


def test_her_maternity_action_comes_before_the_doubts_line_and_call_links(app: Any) -> None:
    """HIGH 1, hit: title, action, by-when, then the caution and its call links, as in the terminal."""
    banner = _banner(_result(app, {**AISHA, "days_so_far": 8.0}))
    assert _order(banner) == ["title", "action", "by_when", "caution", "calls"], _order(banner)
    assert "the advice above still holds" in _flat(banner)


def test_thyroid_surgery_team_leads_the_same_way(app: Any) -> None:
    """HIGH 1, hit: another rule's own act over a doubt, the same order."""
    banner = _banner(_result(app, {**THYROID_CRAMPS_UNSURE, "days_so_far": None}))
    assert _order(banner) == ["title", "action", "by_when", "caution", "calls"], _order(banner)


def test_near_miss_a_caution_that_leads_keeps_its_line_and_links_first(app: Any) -> None:
    """HIGH 1, near miss: shingles with a doubt: the caution and its links before the level's action."""
    case = {"age": 50, "sex": "male", "days_so_far": None, "findings": {"rash_blisters_band": True, "both_hands": True},
            "unsure": ["vision_loss_sudden"]}
    order = _order(_banner(_result(app, case)))
    assert order.index("calls") < order.index("action"), order


def test_the_sudden_headache_doubt_says_what_is_not_known_on_both_faces(app: Any, tmp_path: Path) -> None:
    """HIGH 2, hit: the page and the terminal name the doubt in the same words, never the list's 'You have a ...'."""
    page = _flat(_result(app, {**AISHA, "days_so_far": 8.0}))
    text = assess_cli(AISHA, tmp_path)
    assert SUDDEN_WORDS and SUDDEN_WORDS in page and SUDDEN_WORDS in text
    assert LIST_WORDS not in page and LIST_WORDS not in text
