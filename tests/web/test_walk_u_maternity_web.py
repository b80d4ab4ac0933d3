"""Walkthrough U on the web (Mei, 32 weeks pregnant): right after her yes to the warning signs in pregnancy, the next
page is the maternity rule's own advice (no emergency numbers: the call is to her maternity unit), with the choice to
see what to do now or answer a few questions; each later question keeps the still line, as in the terminal."""

from __future__ import annotations

from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import next_question, to_data
from tests.test_walk_u_maternity import _before_soon, _entry
from tests.web.conftest import Live, fetch
from tests.web.test_describe_http import _form, _hidden, _session
from tests.web.test_result_faces import _flat


def _soon_page(live: Live) -> tuple[str, str, str]:
    """The soon list as the web shows it after Mei's earlier answers, with a session: (page, cookie, csrf)."""
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(_before_soon()), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = fetch(live.url + "/check?at=" + state)
    assert page.status == 200
    _, cookie, csrf = _session(live)
    return page.body.decode(), cookie, csrf


def _answer_soon(live: Live, sign: str) -> str:
    """Post the soon list: the pregnancy warning signs as `sign` (yes or unsure), the rest no."""
    page, cookie, csrf = _soon_page(live)
    q = next_question(_before_soon())
    assert q is not None and q.id == "screen_soon"
    item = q.findings.index("pregnancy_warning_signs")
    return _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", "none"),
                                  (f"item{item}", sign)], cookie).body.decode()


def test_the_yes_shows_the_maternity_advice_on_the_next_page_then_the_still_line(live: Live) -> None:
    title, action, go_on, still = _entry()
    page = _answer_soon(live, "yes")
    shown = _flat(page)
    assert title.lower() in shown and action.lower() in shown and go_on.lower() in shown
    assert "see what to do now" in shown and "answer a few questions" in shown
    assert 'href="tel:' not in page  # no emergency numbers beside a maternity unit's advice
    _, cookie, csrf = _session(live)
    state = _hidden(page, "state")
    nxt = _form(live, "/check", [("csrf", csrf), ("state", state), ("answer", "emergency_go_on")], cookie).body.decode()
    assert still.lower() in _flat(nxt) and 'id="q"' in nxt and "call-small" not in nxt
    result = _form(live, "/check", [("csrf", csrf), ("state", state), ("answer", "emergency_now")], cookie).body.decode()
    assert 'id="level-title"' in result and "contact your maternity team now" in _flat(result)


def test_not_sure_shows_no_act_now_page(live: Live) -> None:
    title, _, go_on, still = _entry()
    shown = _flat(_answer_soon(live, "unsure"))
    assert go_on.lower() not in shown and still.lower() not in shown and title.lower() not in shown
