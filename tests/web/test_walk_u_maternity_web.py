"""Walkthrough U on the web (Mei, 32 weeks pregnant): her yes to the warning signs in pregnancy reaches the maternity
rule's own advice at once. Since walkthrough AR (Lena) the signs are asked right after "You are pregnant", on her
health list, the last list: the next page is the result, leading with her maternity team, with no question between."""

from __future__ import annotations

from itsdangerous import URLSafeSerializer

from numbwise.assess.interview import next_question, to_data
from tests.test_walk_u_maternity import _before_history, _entry
from tests.web.conftest import Live, fetch
from tests.web.test_describe_http import _form, _hidden, _session
from tests.web.test_result_faces import _flat


def _history_page(live: Live) -> tuple[str, str, str]:
    """Her health list as the web shows it after Mei's earlier answers, with a session: (page, cookie, csrf)."""
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(_before_history()), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = fetch(live.url + "/check?at=" + state)
    assert page.status == 200
    _, cookie, csrf = _session(live)
    return page.body.decode(), cookie, csrf


def _answer_history(live: Live, sign: str) -> str:
    """Post her health list: pregnant, and the pregnancy warning signs as `sign` (yes or unsure), the rest no."""
    page, cookie, csrf = _history_page(live)
    q = next_question(_before_history())
    assert q is not None and q.id == "screen_history"
    shown = _flat(page)
    assert shown.index("you are pregnant") < shown.index("during pregnancy: a severe headache")  # never before it
    pregnant, item = q.findings.index("pregnant"), q.findings.index("pregnancy_warning_signs")
    return _form(live, "/check", [("csrf", csrf), ("state", _hidden(page, "state")), ("answer", "none"),
                                  (f"item{pregnant}", "yes"), (f"item{item}", sign)], cookie).body.decode()


def test_the_yes_leads_to_the_maternity_result_at_once(live: Live) -> None:
    title, action, go_on, _ = _entry()
    page = _answer_history(live, "yes")
    shown = _flat(page)
    assert 'id="level-title"' in page and title.lower() in shown and action.lower() in shown, shown[:600]
    assert go_on.lower() not in shown and 'id="q"' not in page  # no question, no act-first page between


def test_not_sure_shows_no_act_now_page(live: Live) -> None:
    """A not sure never shows a page saying she has the signs: the check goes on (its result leads with the call to
    check, as tests/test_walk_u_maternity.py shows in the terminal)."""
    title, _, go_on, still = _entry()
    page = _answer_history(live, "unsure")
    shown = _flat(page)
    assert go_on.lower() not in shown and still.lower() not in shown and title.lower() not in shown
    assert 'id="q"' in page
