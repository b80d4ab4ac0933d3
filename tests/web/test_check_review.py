"""The check in a real browser, after the 375 px review: errors show, Back is clean, safety screens."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from tests.web.flows import button, cause_name, continue_, emergency_title, heading, mark, mark_yes, on_result, press


def _path(page: Any) -> str:
    return urlparse(page.url).path


def _soon(page: Any, condition: str, seconds: float = 5.0) -> bool:
    """Whether a page condition becomes true within a few seconds (polled: the CSP forbids wait_for_function's eval)."""
    for _ in range(int(seconds * 20)):
        if page.evaluate(condition):
            return True
        page.wait_for_timeout(50)
    return False


def test_bad_age_shows_the_message_beside_the_field_and_focuses_it(page: Any) -> None:
    page.goto("/check")
    button(page, "None of these")
    assert heading(page) == "About you"
    page.get_by_label("Your age in years (you can leave this empty)").fill("abc")
    continue_(page)  # a 422 reply is swapped in (htmx ignores 4xx by default)
    alert = page.locator("#age-err")
    assert alert.is_visible() and "whole years" in alert.inner_text()
    assert _soon(page, "document.activeElement.id === 'age'")  # focus moves after htmx settles
    assert page.locator("#age").input_value() == "abc"


def test_no_finger_picked_shows_the_message(page: Any) -> None:
    page.goto("/check")
    button(page, "None of these")
    continue_(page)
    button(page, "Slowly, over weeks or months")
    assert "fingers" in heading(page).lower()
    continue_(page)
    assert "fingers" in heading(page).lower()
    err = page.locator(".error[role=alert]")
    assert err.is_visible() and "at least one finger" in err.inner_text()
    assert _soon(page, "document.activeElement.classList.contains('error')")  # focus moves after htmx settles


def _back(page: Any) -> None:
    """The browser's Back button: htmx fetches the address it pushed; wait until the page shown has changed."""
    import time

    before = (page.url, heading(page))
    page.evaluate("setTimeout(() => history.back(), 0)")
    for _ in range(100):
        time.sleep(0.1)
        try:
            page.wait_for_load_state()
            now = (page.url, heading(page))
        except Exception:  # the old page went away mid-read: a real navigation, try again
            continue
        if now[0] != before[0] and now[1] != before[1]:
            return
    raise AssertionError(f"Back did not change the page from {before[1]!r}")


def test_browser_back_steps_back_one_question_and_keeps_the_answers(page: Any, live: Any) -> None:
    page.goto("/")
    page.goto("/check")
    button(page, "None of these")
    page.get_by_label("Your age in years (you can leave this empty)").fill("61")
    continue_(page)
    onset = heading(page)
    button(page, "Slowly, over weeks or months")
    fingers = heading(page)
    assert fingers != onset and "/check?at=" in page.url
    _back(page)  # the signed state in the address: the previous question, with the earlier answers kept
    assert heading(page) == onset
    button(page, "Over hours or a few days")
    assert heading(page) == fingers
    _back(page)
    _back(page)
    assert heading(page) == "About you"
    assert page.get_by_label("Your age in years (you can leave this empty)").input_value() in ("", "61")
    _back(page)
    assert _path(page) == "/check"
    _back(page)
    assert _path(page) == "/"
    from numbwise.diary.store import open_store

    with open_store(live.db) as store:
        assert store.latest_check() is None or store.latest_check().case.get("age") != 61  # nothing half-kept


def test_browser_back_shows_the_step_with_the_answers_given_there(page: Any) -> None:
    """Walkthrough 4: Back returned a 27-item checklist with nothing chosen, so changing one meant all again."""
    page.goto("/check")
    button(page, "None of these")
    page.get_by_label("Your age in years (you can leave this empty)").fill("61")
    continue_(page)
    button(page, "Slowly, over weeks or months")
    page.get_by_label("Right thumb", exact=True).check()
    page.get_by_label("Right index finger", exact=True).check()
    continue_(page)
    where = heading(page)
    mark_yes(page, "Numbness or tingling in your feet or toes too")
    button(page, "No to all I left blank")
    _back(page)
    assert heading(page) == where
    assert page.get_by_role("group", name="Numbness or tingling in your feet or toes too").get_by_label("Yes", exact=True).is_checked()
    assert page.get_by_role("group", name="Numbness or tingling in your forearm, on the thumb side").get_by_label("No", exact=True).is_checked()
    text = page.locator("main").inner_text()
    assert "Your answers from before are filled in" in text and "Nothing is filled in for you" not in text
    _back(page)
    assert page.get_by_label("Right thumb", exact=True).is_checked() and page.get_by_label("Right index finger", exact=True).is_checked()
    assert not page.get_by_label("Right little finger", exact=True).is_checked()  # only what was picked
    _back(page)
    _back(page)
    assert heading(page) == "About you"
    assert page.get_by_label("Your age in years (you can leave this empty)").input_value() == "61"


def _face_droop_to_result(page: Any) -> None:
    """From the check's first page: a drooping face ticked, then 'Not sure' to anything asked until the result."""
    button(page, "Yes, one or more")
    mark_yes(page, "One side of your face droops")
    continue_(page)
    while not on_result(page):
        button(page, "Not sure")


def test_back_from_the_emergency_result_returns_to_the_question_without_errors(page: Any) -> None:
    page.goto("/")
    page.goto("/check")
    _face_droop_to_result(page)
    assert heading(page) == emergency_title()
    _back(page)
    assert not on_result(page) and _path(page) == "/check"


def test_a_tampered_address_is_refused(live: Any) -> None:
    from tests.web.conftest import fetch

    reply = fetch(live.url + "/check?at=abc.def")
    assert reply.status == 400 and b"start it again" in reply.body


def test_emergency_result_shows_no_percentages_and_names_as_written(page: Any) -> None:
    page.goto("/check")
    _face_droop_to_result(page)
    assert page.locator("ol.causes").count() == 0 and page.locator("meter").count() == 0
    text = page.locator("main").inner_text()
    assert "%" not in text
    page.get_by_text("Read more later").click()
    assert page.get_by_role("link", name=f"Learn about {cause_name('stroke_tia')}").is_visible()


def test_not_sure_about_an_emergency_sign_shows_how_to_check_and_call(page: Any) -> None:
    from numbwise.kb import load

    advice = load().interview.steps[0].if_unsure
    assert advice is not None
    page.goto("/check")
    button(page, "Not sure")
    assert page.locator("main input:checked").count() == 0  # nothing pre-answered
    mark(page, "One side of your face droops", "Not sure")
    continue_(page)
    assert heading(page) == advice.title
    assert advice.act in page.locator("main").inner_text()
    calls = page.locator("a.call-link")
    assert calls.count() == 3 and calls.first.get_attribute("href") == "tel:911"
    for box in (calls.nth(i).bounding_box() for i in range(3)):
        assert box is not None and box["width"] >= 44 and box["height"] >= 44
    press(page, page.get_by_role("button", name="Carry on, still not sure"))
    how_long = load().interview.how_long
    assert how_long is not None  # how long first: it decides whether a start not known means call now (walkthrough S)
    assert heading(page) == how_long.text


def test_emergency_numbers_are_large_call_links(page: Any) -> None:
    page.goto("/check")
    button(page, "Yes, one or more")
    mark_yes(page, "Your arm or leg suddenly feels weak")
    continue_(page)
    while not on_result(page):
        button(page, "Not sure")
    hrefs = page.locator("section.banner a.call-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs == ["tel:911", "tel:999", "tel:112"]
    # they read as buttons at 375 px: inside the banner, white on red, "Call 911" on one line, 44 px or more
    banner = page.locator("section.banner").bounding_box()
    assert banner is not None
    for i in range(3):
        link = page.locator("section.banner a.call-link").nth(i)
        box, number = link.bounding_box(), link.locator("strong").bounding_box()
        assert box is not None and number is not None and box["height"] >= 44
        assert banner["x"] <= box["x"] and box["x"] + box["width"] <= banner["x"] + banner["width"]
        assert number["height"] < 2 * 30  # one line of the big number
        colours = link.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]")
        assert colours[0] == "rgb(255, 255, 255)" and colours[1] != colours[0]
    from tests.web.flows import axe_violations

    assert axe_violations(page) == []


def test_yes_with_nothing_ticked_asks_again(page: Any) -> None:
    page.goto("/check")
    button(page, "Yes, one or more")
    calls = page.locator("main a.call-link")  # a person who has a sign sees the numbers before any more questions
    assert calls.count() == 3 and calls.first.get_attribute("href") == "tel:911" and calls.first.is_visible()
    continue_(page)
    err = page.locator(".error[role=alert]")
    assert err.is_visible() and "Choose Yes for each one you have" in err.inner_text()
    button(page, "Back to the list")
    button(page, "None of these")
    assert heading(page) == "About you"


def _post(live: Any, cookie: str, fields: list[tuple[str, str]], htmx: bool = False) -> Any:
    from urllib.parse import urlencode

    from tests.web.conftest import fetch

    headers = {"Cookie": cookie} | ({"HX-Request": "true"} if htmx else {})
    return fetch(live.url + "/check", urlencode(fields).encode(), headers)


def _fields(html: str) -> tuple[str, str]:
    import re

    csrf = re.search(r'name="csrf" value="([^"]+)"', html)
    state = re.search(r'name="state" value="([^"]+)"', html)
    assert csrf and state
    return csrf.group(1), state.group(1)


def _findings(live: Any, html: str) -> dict[str, bool]:
    """The findings carried in a page's signed state (what the interview core was sent)."""
    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import from_data

    _, state = _fields(html)
    data = URLSafeSerializer("test-secret", salt="numbwise-check").loads(state)
    return dict(from_data(data["iv"]).answers)


def test_emergency_answers_reach_the_core_as_before(live: Any) -> None:
    from numbwise.kb import load

    signs = list(load().interview.steps[0].items)
    first = fetch_check(live)
    cookie, html = first
    csrf, state = _fields(html)
    none = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "none")])
    assert none.status == 200 and _findings(live, none.body.decode()) == {f: False for f in signs}
    which = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "unsure")])
    csrf2, state2 = _fields(which.body.decode())
    plain = _post(live, cookie, [("csrf", csrf2), ("state", state2), ("answer", "done")])
    assert plain.status == 200  # nothing marked after "Not sure": not sure about them all, as the terminal's "?"
    assert _findings(live, plain.body.decode()) == {}
    unsure = _post(live, cookie, [("csrf", csrf2), ("state", state2), ("answer", "done"), ("item0", "unsure"),
                                  ("item1", "no")])
    assert _findings(live, unsure.body.decode()) == {signs[1]: False}  # face_drooping: not sure; the rest not known
    rest = _post(live, cookie, [("csrf", csrf2), ("state", state2), ("answer", "none"), ("item0", "unsure")])
    assert _findings(live, rest.body.decode()) == {f: False for f in signs[1:]}  # "No to all I left blank"


def fetch_check(live: Any) -> tuple[str, str]:
    from tests.web.conftest import fetch

    r = fetch(live.url + "/check")
    return r.headers["set-cookie"].split(";")[0], r.body.decode()


def test_katz_class_takes_the_where_else_palm_answer() -> None:
    from numbwise.assess.result import hand_classes

    picks = ("r1", "r2", "r3")
    drawn_only = hand_classes(picks)[0].label
    with_palm = hand_classes(picks, {"numb_thenar_palm": True})[0].label
    drawn_palm = hand_classes((*picks, "rp"))[0].label
    assert with_palm == drawn_palm != drawn_only
    assert hand_classes((*picks, "rp"), {"numb_thenar_palm": False})[0].label == drawn_only


def _section(text: str, heading: str, next_heading: str) -> str:
    return " ".join(text.split(heading, 1)[1].split(next_heading, 1)[0].split())


def test_the_terminal_and_the_web_show_the_same_hand_diagram_for_the_same_fingers(live: Any, tmp_path: Any) -> None:
    """The walkthrough: the web result rated the fingers picked ("Right hand: Classic"), the terminal said nothing."""
    import html
    import json
    import re

    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import simulate, to_data
    from tests.conftest import run_cli
    from tests.test_interview import CTS_ANSWERS
    from tests.web.conftest import fetch

    save = tmp_path / "cts.json"
    run = run_cli("--plain", "check", "--no-diary", "--save", str(save), input=CTS_ANSWERS)  # types r1 r2 r3
    assert run.code == 0, run.err
    terminal = _section(run.out, "Your hand diagram", "Call your emergency number now if")
    case = json.loads(save.read_text())
    iv = simulate(case["findings"], case["age"], case["sex"])
    picks = {"pick:R1": True, "pick:R2": True, "pick:R3": True}  # the same fingers picked on the web's hand pictures
    state = URLSafeSerializer("test-secret", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": picks, "mode": None, "pending": None})
    page = fetch(live.url + "/check?at=" + state)
    assert page.status == 200
    web = _section(html.unescape(re.sub(r"<[^>]+>", " ", page.body.decode())), "Your hand diagram",
                   "Call your emergency number now if")
    assert "Right hand: Classic." in web and "most typical of carpal tunnel syndrome." in web
    assert "Points to it:" in page.body.decode() and "Points away:" in page.body.decode()  # the words the terminal uses
    # the same words; the terminal marks each hand with a bullet and gives a command where the web links
    assert terminal.replace(" * ", " ").replace(": numbwise score katz", "") == web


def test_result_has_the_date_and_the_answers_given_also_in_print(page: Any) -> None:
    from numbwise.kb import load

    page.goto("/check")
    button(page, "None of these")
    page.get_by_label("Your age in years (you can leave this empty)").fill("40")
    continue_(page)
    for _ in range(40):
        if on_result(page):
            break
        if page.get_by_role("button", name="Not sure", exact=True).count():
            button(page, "Not sure")
        elif page.get_by_role("button", name="Answer a few questions").count():  # a start not known: call now first
            button(page, "Answer a few questions")
        else:
            continue_(page)
    assert on_result(page)
    assert page.locator("main time[datetime]").count() == 1
    page.emulate_media(media="print")
    given = page.locator("dl.answers-given")
    assert given.is_visible()
    text = given.inner_text()
    assert load().interview.steps[0].text in text and "None of these" in text
    assert "How did the numbness start?" in text and "Not sure" in text


def test_about_you_has_back(page: Any) -> None:
    page.goto("/check")
    first = heading(page)
    button(page, "None of these")
    assert heading(page) == "About you"
    button(page, "Back to the previous question")
    assert heading(page) == first


def test_a_checklist_left_blank_reaches_the_core_as_not_known(live: Any) -> None:
    """Continue with one Yes: the rest stay not known (and may be asked again); 'No to all I left blank' makes them No."""
    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import from_data

    def interview(html: str) -> Any:
        return from_data(URLSafeSerializer("test-secret", salt="numbwise-check").loads(_fields(html)[1])["iv"])

    cookie, html = fetch_check(live)
    csrf, state = _fields(html)
    page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "none")]).body.decode()  # About you
    csrf, state = _fields(page)
    page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "about"), ("age", "40")]).body.decode()
    for _ in range(20):  # answer 'not sure' until the first checklist of signs (past a call-now screen: go on)
        if 'name="item0"' in page:
            break
        csrf, state = _fields(page)
        go = "emergency_go_on" if 'value="emergency_go_on"' in page else "unsure"
        page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", go)]).body.decode()
    assert 'name="item0"' in page
    assert "checked" not in page.split('<ol class="items">')[1].split("</ol>")[0]  # nothing preset
    csrf, state = _fields(page)
    step = URLSafeSerializer("test-secret", salt="numbwise-check").loads(state)["pending"]
    findings = step[2]
    kept = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "done"), ("item0", "yes")]).body.decode()
    iv = interview(kept)
    assert iv.answers[findings[0]] is True
    assert all(f not in iv.answers and f not in iv.asked for f in findings[1:])  # blank: not known, not asked
    nos = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "none"), ("item0", "yes")]).body.decode()
    iv = interview(nos)
    assert iv.answers[findings[0]] is True and all(iv.answers[f] is False for f in findings[1:])


def test_about_you_presets_no_sex_and_a_blank_answer_is_not_given(live: Any) -> None:
    """The walkthrough: 'Rather not say' was checked for the person. Nothing is preset; left blank, sex is not given."""
    import re

    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import from_data

    cookie, html = fetch_check(live)
    csrf, state = _fields(html)
    page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "none")]).body.decode()
    assert "<h1>About you</h1>" in page and "Rather not say" in page
    assert not re.search(r'<input[^>]*name="sex"[^>]*checked', page)
    csrf, state = _fields(page)
    page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "about"), ("age", "40")]).body.decode()
    assert "<h1>About you</h1>" not in page
    iv = from_data(URLSafeSerializer("test-secret", salt="numbwise-check").loads(_fields(page)[1])["iv"])
    assert iv.age == 40 and iv.sex is None


def test_back_from_the_result_to_change_an_answer_keeps_one_check(page: Any, live: Any) -> None:
    """The reviewer finished, pressed Back, changed the last answer and finished again: the diary held both checks."""
    from numbwise.diary.store import open_store

    def kept() -> list[Any]:
        with open_store(live.db) as store:
            return store.checks()

    before = len(kept())
    page.goto("/")
    page.goto("/check")
    _face_droop_to_result(page)
    assert "This check is saved in your diary." in page.locator("main").inner_text()
    first = kept()
    assert len(first) == before + 1
    _back(page)  # the emergency signs again, as answered
    assert not on_result(page)
    mark_yes(page, "Your arm or leg suddenly feels weak")  # one more sign: other answers, the same check
    continue_(page)
    while not on_result(page):
        button(page, "Not sure")
    now = kept()
    assert len(now) == before + 1  # the same check, finished again: it replaced the one it kept
    assert now[-1].uid == first[-1].uid and now[-1].case != first[-1].case
    text = page.locator("main").inner_text()
    assert "This check is saved in your diary." in text and "It replaces the one you finished" in text


def test_the_palm_picked_on_the_hands_is_the_pickers_answer(live: Any) -> None:
    """The walkthroughs: 'Right palm at the base of the thumb' ticked on the hand picker, then 'Where else do you feel
    it?' asked the palm again (blank, then pre-ticked). The picker answers the palm, as the terminal's RP does: it is
    never on a later screen, and "Your answers" names it with the fingers."""
    import html as markup
    import re

    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import from_data

    def pending(page: str) -> list[Any]:
        return list(URLSafeSerializer("test-secret", salt="numbwise-check").loads(_fields(page)[1])["pending"] or [])

    cookie, page = fetch_check(live)
    csrf, state = _fields(page)
    page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "none")]).body.decode()  # About you
    csrf, state = _fields(page)
    page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "about"), ("age", "50")]).body.decode()
    picked = False
    for _ in range(60):
        if 'name="state"' not in page:
            break
        if 'value="emergency_go_on"' in page:  # a start not known: the call-now screen first, then a few questions
            csrf, state = _fields(page)
            page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "emergency_go_on")]).body.decode()
            continue
        step = pending(page)
        if not step:
            break
        csrf, state = _fields(page)
        assert "numb_thenar_palm" not in step[2] or step[1] == "fingers", step[0]  # asked once, by the picker
        if step[1] == "fingers":
            page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "done"), ("pick", "R1"),
                                        ("pick", "R2"), ("pick", "RP")]).body.decode()
            iv = from_data(URLSafeSerializer("test-secret", salt="numbwise-check").loads(_fields(page)[1])["iv"])
            assert iv.answers.get("numb_thenar_palm") is True  # the person's own pick
            picked = True
            continue
        page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "none" if 'name="item0"' in page
                                                                             else "unsure")]).body.decode()
    assert picked
    text = " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "Which fingers are numb or tingling? Right thumb; right index finger; right palm at the base of the thumb." in text


def test_the_filled_in_note_shows_only_when_something_is_filled_in(page: Any) -> None:
    """The walkthrough: 'Your answers from before are filled in. Change any, then continue.' on About you after
    'Carry on, still not sure' (age empty, no sex chosen), and after Back to a question answered
    with one press, which has no Continue button and nothing to fill in."""
    page.goto("/check")
    button(page, "Not sure")
    page.locator("fieldset.yn").first.get_by_label("Not sure", exact=True).check()
    continue_(page)
    button(page, "Carry on, still not sure")
    # how long first (it decides whether a start not known means call now), then how it started and the fingers (the
    # call-now screen waits for the hands, two questions at most: walkthrough X)
    for _ in range(3):
        if page.get_by_role("button", name="Answer a few questions").count() or heading(page) == "About you":
            break
        button(page, "Not sure")
    if page.get_by_role("button", name="Answer a few questions").count():
        button(page, "Answer a few questions")
    assert heading(page) == "About you"
    text = page.locator("main").inner_text()
    assert "filled in" not in text and page.locator(".kept").count() == 0
    assert page.get_by_label("Your age in years (you can leave this empty)").input_value() == ""
    page.goto("/check")  # a question answered with one press, reached by Back
    button(page, "None of these")
    continue_(page)
    onset = heading(page)
    button(page, "Slowly, over weeks or months")
    assert "fingers" in heading(page).lower()
    _back(page)
    assert heading(page) == onset
    note = page.locator(".kept").inner_text()
    assert "filled in" not in note and "\u201cSlowly, over weeks or months\u201d" in note, note
    assert "chosen" in (page.get_by_role("button", name="Slowly, over weeks or months").get_attribute("class") or "")
    button(page, "Slowly, over weeks or months")  # answerable as it stands: the answer buttons go on
    assert "fingers" in heading(page).lower()


def test_the_palm_picked_on_the_hands_is_not_asked_again_and_the_hint_says_nothing_is_filled_in(page: Any) -> None:
    """The walkthroughs: the palm ticked on the hands was asked again on 'Where else do you feel it?' (pre-ticked, under
    a hint saying 'Nothing is filled in for you'). The picker answers it now, ticked or not, after Back too."""
    page.goto("/check")
    button(page, "None of these")
    continue_(page)
    button(page, "Slowly, over weeks or months")
    page.get_by_label("Right thumb", exact=True).check()
    page.get_by_label("Right palm at the base of the thumb", exact=True).check()
    continue_(page)
    assert heading(page) == "Where else do you feel it?"
    palm = "Numbness or tingling in the palm at the base of your thumb"
    assert page.get_by_role("group", name=palm).count() == 0
    assert "Nothing is filled in for you" in page.locator("p.hint").first.inner_text()
    button(page, "Back to the previous question")
    page.get_by_label("Right palm at the base of the thumb", exact=True).uncheck()
    continue_(page)
    assert page.get_by_role("group", name=palm).count() == 0  # unticked on the picker is its No


def test_the_left_blank_screen_says_how_many_and_what_a_blank_does_there(live: Any) -> None:
    """The walkthrough: 'You left a few of these blank' over a long list, its help saying 'We will not ask about them
    again' above a note saying a blank 'counts as not known, and we ask again if it matters'. On this screen a
    blank counts as Not sure and is not asked again (the core's rule): the words now say that, and the number."""
    import html as markup
    import re

    from itsdangerous import URLSafeSerializer

    from numbwise.kb import load

    spec = load().interview.left_blank
    assert spec is not None
    cookie, page = fetch_check(live)
    csrf, state = _fields(page)
    page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "unsure")]).body.decode()
    csrf, state = _fields(page)
    page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "done"), ("item0", "unsure")]).body.decode()
    for _ in range(60):  # on through the check, leaving every checklist blank
        csrf, state = _fields(page)
        step = URLSafeSerializer("test-secret", salt="numbwise-check").loads(state)["pending"]
        if step and step[0] == spec.id:
            break
        answer = "go_on" if "Carry on, still not sure" in page else "about" if "<h1>About you</h1>" in page else \
            "emergency_go_on" if 'value="emergency_go_on"' in page else "done" if 'name="item0"' in page else "unsure"
        page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", answer)]).body.decode()
    else:
        raise AssertionError("the left-blank screen never came")
    text = " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    count = len(step[2])
    assert f"You left {count} of these blank" in text or (count == 1 and "You left one of these blank" in text)
    assert "a few" not in text
    assert "One you leave blank here counts as Not sure, and we will not ask about it again." in text
    assert "we ask again if it matters" not in text
    # "Your answers" tells a blank from an explicit "Not sure": one marked Not sure, the rest left blank
    labels = re.findall(r"<legend>([^<]+)</legend>", page)
    page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", "done"), ("item0", "unsure")]).body.decode()
    for _ in range(30):
        if "Your answers" in page:
            break
        csrf, state = _fields(page)
        answer = "go_on" if "Carry on, still not sure" in page else "done" if 'name="item0"' in page else "unsure"
        page = _post(live, cookie, [("csrf", csrf), ("state", state), ("answer", answer)]).body.decode()
    given = markup.unescape(page.split('class="answers-given"', 1)[1].split("</dl>", 1)[0])
    asked_back = given.split(spec.text.split(".")[0].replace("some", str(count)), 1)[1].split("</dd>", 1)[0]
    assert f"Not sure: {markup.unescape(labels[0])}" in asked_back
    if count > 1:
        assert f"Left blank (counted as not sure): {markup.unescape(labels[1])}" in asked_back
        assert markup.unescape(labels[1]) not in asked_back.split("Left blank")[0]  # not among the explicit Not sure
    assert "Left blank (not known): " in given  # the earlier lists left blank, named as such


def test_change_my_answer_after_yes_one_or_more_never_says_nothing_is_filled_in(page: Any) -> None:
    """Walkthrough AX, Priya: "Yes, one or more", the headache Not sure, then "Change my answer" on the check-now page:
    "Your answers from before are filled in" sat above "Nothing is filled in for you" on the same list. Near miss: the
    list reached afresh still says nothing is filled in."""
    page.goto("/check")
    button(page, "Yes, one or more")
    text = page.locator("main").inner_text()
    assert "Nothing is filled in for you" in text and "Your answers from before are filled in" not in text
    mark(page, "You have a sudden, very bad headache", "Not sure")
    continue_(page)
    button(page, "Change my answer")
    assert page.get_by_role("group", name="You have a sudden, very bad headache").get_by_label("Not sure", exact=True).is_checked()
    text = page.locator("main").inner_text()
    assert "Your answers from before are filled in" in text and "Nothing is filled in for you" not in text, text
