"""Scores over real HTTP: the forms, the form token, bad answers (422, nothing saved), the result and the trend."""

from __future__ import annotations

from typing import Any

import pytest
from markupsafe import escape

from numbwise.scores import instrument, instrument_ids, score
from tests.web.conftest import Live, fetch
from tests.web.test_exercises_http import post, token


def saved(live: Live, iid: str) -> list[Any]:
    from numbwise.diary.store import open_store

    with open_store(live.db) as store:
        return store.scores(iid)


def bctq_answers(value: int = 2, hand: str = "right") -> dict[str, str]:
    return {item.id: str(value) for item in instrument("bctq").items} | {"hand": hand}


def test_scores_page_lists_every_instrument_and_marks_the_examiner_one(live: Live) -> None:
    html = fetch(live.url + "/scores").body.decode()
    for iid in instrument_ids():
        assert f'href="/scores/{iid}"' in html and str(escape(instrument(iid).name)) in html
    assert "Needs an examiner" in html
    assert "Needs an examiner" in fetch(live.url + "/scores/cts6").body.decode()


def test_each_questionnaire_is_one_form_of_radio_groups(live: Live) -> None:
    for iid in instrument_ids():
        ins = instrument(iid)
        html = fetch(live.url + f"/scores/{iid}").body.decode()
        for item in ins.items:
            assert f'name="{item.id}"' in html and str(escape(item.text)) in html
        if ins.diagram:
            assert 'name="pick" value="R1"' in html and 'value="LB"' in html


def test_bctq_is_scored_saved_and_shown_with_its_band_and_trend(live: Live) -> None:
    cookie, csrf = token(live, "/scores/bctq")
    before = len(saved(live, "bctq"))
    answers = bctq_answers(3) | {"sss_2": ""}  # one skipped item is allowed
    r = post(live, "/scores/bctq", {"csrf": csrf, **answers}, cookie)
    body = r.body.decode()
    expected = score("bctq", {k: (int(v) if v else None) for k, v in answers.items() if k != "hand"}, "right")
    assert r.status == 200 and "Your BCTQ result" in body
    for s in expected.scales:
        assert f"{s.value:g}" in body and str(escape(s.meaning)) in body
    assert "1 question skipped" in body
    rows = saved(live, "bctq")
    assert len(rows) == before + 1 and rows[-1].values == expected.values()
    post(live, "/scores/bctq", {"csrf": csrf, **bctq_answers(1)}, cookie)
    trend = fetch(live.url + "/scores/bctq").body.decode()
    assert "Your results over time" in trend and "<svg" in trend and "smallest change people feel as real" in trend
    assert "-2" in trend  # 3 -> 1: the change from the first result


@pytest.mark.parametrize("fields, message", [
    ({"sss_1": "9"}, "is not one of its choices"),
    ({"sss_1": "two"}, "is not one of its choices"),
    ({"colour": "red"}, "is not a question of BCTQ"),
    ({"hand": ""}, "choose the hand"),
    ({"hand": "both"}, "choose the hand"),
])
def test_bad_bctq_answers_are_422_and_save_nothing(live: Live, fields: dict[str, str], message: str) -> None:
    cookie, csrf = token(live, "/scores/bctq")
    before = len(saved(live, "bctq"))
    r = post(live, "/scores/bctq", {"csrf": csrf, **bctq_answers(), **fields}, cookie)
    assert r.status == 422 and message in r.body.decode() and "Nothing was saved" in r.body.decode()
    assert len(saved(live, "bctq")) == before


def test_too_many_skipped_is_422_keeping_the_answers(live: Live) -> None:
    cookie, csrf = token(live, "/scores/bctq")
    before = len(saved(live, "bctq"))
    answers = bctq_answers(4) | {"sss_1": "", "sss_2": ""}
    r = post(live, "/scores/bctq", {"csrf": csrf, **answers}, cookie)
    body = r.body.decode()
    assert r.status == 422 and "No score" in body and 'name="sss_3" value="4" checked' in body
    assert len(saved(live, "bctq")) == before


def test_score_form_needs_the_token(live: Live) -> None:
    cookie, csrf = token(live, "/scores/mnsi")
    before = len(saved(live, "mnsi"))
    answers = {item.id: "0" for item in instrument("mnsi").items}
    assert post(live, "/scores/mnsi", answers, cookie).status == 403
    assert post(live, "/scores/mnsi", {"csrf": csrf, **answers}, None).status == 403
    assert len(saved(live, "mnsi")) == before


def test_katz_from_the_hand_diagram(live: Live) -> None:
    cookie, csrf = token(live, "/scores/katz")
    from urllib.parse import urlencode

    data = urlencode([("csrf", csrf), ("pick", "R1"), ("pick", "R2"), ("pick", "R3"), ("pick", "L5")]).encode()
    r = fetch(live.url + "/scores/katz", data, {"Cookie": cookie})
    body = r.body.decode()
    assert r.status == 200 and "Right hand" in body and "Classic" in body and "Left hand" in body and "Unlikely" in body
    assert saved(live, "katz")[-1].values == {"right": "classic", "left": "unlikely"}
    bad = post(live, "/scores/katz", {"csrf": csrf}, cookie)
    assert bad.status == 422 and "mark at least one finger" in bad.body.decode().lower()
    odd = fetch(live.url + "/scores/katz", urlencode([("csrf", csrf), ("pick", "R9")]).encode(), {"Cookie": cookie})
    assert odd.status == 422


def test_cts6_needs_all_six_and_says_it_needs_an_examiner(live: Live) -> None:
    cookie, csrf = token(live, "/scores/cts6")
    answers = {item.id: "1" for item in instrument("cts6").items}
    r = post(live, "/scores/cts6", {"csrf": csrf, **answers}, cookie)
    assert r.status == 200 and "26" in r.body.decode() and "needs an examiner" in r.body.decode()
    short = post(live, "/scores/cts6", {"csrf": csrf, **answers, "tinel": ""}, cookie)
    assert short.status == 422


def test_unknown_score_and_result_are_404(live: Live) -> None:
    assert fetch(live.url + "/scores/bctqq").status == 404
    assert fetch(live.url + "/scores/bctq/999999").status == 404


def test_score_pages_have_no_inline_script_or_style(live: Live) -> None:
    import re

    for path in ["/scores", "/exercises"] + [f"/scores/{iid}" for iid in instrument_ids()]:
        html = fetch(live.url + path).body.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html) and "<style" not in html and " style=" not in html, path


def test_bctq_trends_keep_each_hand_apart(live: Live) -> None:
    cookie, csrf = token(live, "/scores/bctq")
    post(live, "/scores/bctq", {"csrf": csrf, **bctq_answers(4, "left")}, cookie)
    post(live, "/scores/bctq", {"csrf": csrf, **bctq_answers(1, "right")}, cookie)
    rows = saved(live, "bctq")
    assert [r.values["hand"] for r in rows[-2:]] == ["left", "right"]
    page = fetch(live.url + "/scores/bctq").body.decode()
    assert "Symptom severity, left hand" in page and "Symptom severity, right hand" in page
    assert "-3" not in page  # a right-hand 1 is never compared with a left-hand 4


def test_a_bctq_with_too_few_answers_lists_and_marks_the_blank_questions_at_the_top(live: Live) -> None:
    cookie, csrf = token(live, "/scores/bctq")
    items = instrument("bctq").items
    answers = {item.id: "2" for item in items[:3]} | {"hand": "right"}  # 3 of 19 answered
    r = post(live, "/scores/bctq", {"csrf": csrf, **answers}, cookie)
    body = r.body.decode()
    assert r.status == 422 and body.lower().count("nothing was saved") == 1
    assert body.index('id="err"') < body.index("<form")  # the message comes first, above the questions
    assert "16 questions are not answered yet" in body and f'href="#q-{items[3].id}"' in body
    assert body.count("Not answered yet") == 16 and f'<li id="q-{items[3].id}" class="blank">' in body
    import re

    assert "sss_" not in re.sub(r"<[^>]+>", "", body.split("<form")[0])  # no internal ids in what is read
