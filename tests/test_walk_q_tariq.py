"""Walkthrough Q (independent reviewer): Tariq, 41, numbness there for three weeks, start not known.

His own words: "Neck pain and tingling down my right arm to my thumb for 3 weeks, since lifting boxes. Worse when I
turn my head." To "How did the numbness start?" he answered "not sure". The result said "CALL YOUR EMERGENCY NUMBER
NOW" beside "Most likely: pinched nerve in the neck, more than 9 in 10", and "The rest of this advice is for the
numbness itself, after a stroke is ruled out" with no rest after it. Numbness known to have been there for more than
about a week is not a stroke happening now: he reads that it is not an emergency now, and that a doctor should see him
within a few days in case it did start suddenly; the pinched-nerve advice follows.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import assess_cli, check_cli, run_cli

TARIQ_WORDS = ("Neck pain and tingling down my right arm to my thumb for 3 weeks, since lifting boxes. "
               "Worse when I turn my head.")
# keep the readings, no emergency sign, About you (41, man), "not sure" how it started, none of the five lists, and
# "yes" if asked whether it is there all the time (then no to anything else)
NOT_SURE_START = "\n\n41\nm\n?\n" + "\n" * 5 + "y\n" + "n\n\n" * 3


def _check(words: str, typed: str = NOT_SURE_START) -> str:
    """`numbwise --plain check --describe WORDS` with these keys typed: the printed text, one space between words."""
    return check_cli(typed, "--describe", words)


def _result(text: str) -> str:
    """The result part of a check's output (after the last question)."""
    return text[text.index("URGENCY:"):]


def test_three_weeks_of_numbness_with_a_start_not_known_is_not_call_now() -> None:
    shown = _result(_check(TARIQ_WORDS))
    assert "CALL YOUR EMERGENCY NUMBER NOW" not in shown  # the banner's title (plain text prints it in capitals)
    assert "after a stroke is ruled out" not in shown
    assert "not an emergency now" in shown and "about 3 weeks" in shown
    assert "within a few days" in shown.lower()
    assert "Call 999 (UK)" not in shown  # no call buttons over "not an emergency now"
    # the rest of the advice follows: the pinched nerve's own plan
    assert "Most likely: Pinched nerve in the neck" in shown
    assert "What you can do at home for" in shown or "What to do about" in shown


@pytest.mark.parametrize(("words", "days"), [("My right thumb has been tingling for a month.", 30),
                                             ("My right thumb has been tingling for 10 days.", 10),
                                             ("My right thumb has been tingling since last week.", 7)])
def test_other_ways_of_saying_a_week_or_more_are_read_and_are_not_call_now(words: str, days: float,
                                                                          tmp_path: Path) -> None:
    from numbwise.parse import parse

    assert parse(words).days_so_far == days
    plan = json.loads(assess_cli({**TARIQ, "days_so_far": days}, tmp_path, "plan"))
    assert not plan["caution_now"] and "not an emergency now" in plan["caution"]


def test_a_month_in_own_words_through_the_check_is_not_call_now() -> None:
    shown = _result(_check("My right thumb has been tingling for a month."))
    assert "not an emergency now" in shown and "about 4 weeks" in shown
    assert "CALL YOUR EMERGENCY NUMBER NOW" not in shown


HOW_LONG = "How long have you had this numbness or tingling?"  # asked last when nothing said (walkthrough R)


def _now_start(length: str) -> str:
    """NOT_SURE_START where "not sure" how it started asks how long at once (it decides the call-now path), answered
    with `length`, then the two lists whose answers could take the call-now away (none of them: walkthrough Z, Zoe),
    then the call-now screen (walkthrough S): "answer a few questions" (2)."""
    return NOT_SURE_START.replace("?\n" + "\n" * 2, f"?\n{length}\n\n\n2\n", 1)


def test_near_miss_numbness_that_began_this_morning_in_one_hand_still_says_call_now() -> None:
    """"This morning" is read as less than a day so far (walkthrough Y, Helen): how long is not asked again, and the
    call-now screen and result stay."""
    text = _check("My right hand went numb this morning and my thumb is tingling.", NOT_SURE_START.replace(
        "?\n" + "\n" * 2, "?\n\n\n2\n", 1))  # the two lists that could take the call-now away, then the screen
    shown = _result(text)
    assert HOW_LONG not in text
    assert "CALL YOUR EMERGENCY NUMBER NOW" in shown
    assert "not an emergency now" not in shown


def test_with_no_length_said_the_start_not_known_still_says_call_now() -> None:
    """No length in the words: asked how long, and "not sure" keeps call now."""
    text = _check("Neck pain and tingling down my right arm to my thumb since lifting boxes. Worse when I turn my head.",
                  _now_start("?"))
    shown = _result(text)
    assert HOW_LONG in text and text.count(HOW_LONG) == 1
    assert "CALL YOUR EMERGENCY NUMBER NOW" in shown
    assert "not an emergency now" not in shown


TARIQ = {"age": 41, "sex": "male", "findings": {
    "neck_pain": True, "numb_arm": True, "one_hand": True, "both_hands": False, "numb_thumb": True,
    "lasting_over_6_weeks": False, "worse_neck_movement": True}, "unsure": ["onset_sudden"]}


def test_the_saved_case_carries_how_long_it_has_been_there(tmp_path: Path) -> None:
    """`assess --case` on a check's saved answers gives the same result: the length read is kept with them."""
    plan = json.loads(assess_cli({**TARIQ, "days_so_far": 21}, tmp_path, "plan"))
    assert plan["title"] != "Call your emergency number now" and not plan["caution_now"] and plan["caution_soon"]
    assert plan["numbers"] == [] and plan["caution_level"] == "urgent"  # soon, not an emergency: never the red banner
    assert plan["advice"] is not None and plan["advice"]["steps"]
    near = json.loads(assess_cli({**TARIQ, "days_so_far": 2}, tmp_path, "plan"))
    assert near["caution_now"]


def test_a_stroke_sign_in_doubt_beside_old_numbness_gets_help_today_not_a_few_days(tmp_path: Path) -> None:
    """Not sure whether his face drooped: the sign itself may have come and gone whatever the numbness's age, so
    the help-today path (as for Walter, slow over weeks, walkthrough J), never "within a few days"."""
    case = {**TARIQ, "unsure": ["onset_sudden", "face_drooping"], "days_so_far": 21}
    plan = json.loads(assess_cli(case, tmp_path, "plan"))
    assert plan["caution_today"] and not plan["caution_now"]
    assert "a few days" not in plan["action"]


def test_the_length_must_be_a_number_of_days(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps({**TARIQ, "days_so_far": "3 weeks"}))
    run = run_cli("--plain", "assess", "--case", str(path))
    assert run.code != 0 and "days_so_far" in run.err


def test_the_interview_keeps_the_length_only_beside_its_reading_and_across_pages() -> None:
    """Both faces hand the parser's length to the core's `describe`; the web keeps the interview between requests as
    plain data (to_data), and a reading the person dropped or turned round takes its length with it."""
    from numbwise.assess.interview import describe, from_data, start, to_data, undo

    kept = describe(start(41, "male"), {"one_hand": True, "lasting_over_6_weeks": False}, days_so_far=21.0)
    assert kept.days_so_far == 21.0 and kept.case().days_so_far == 21.0
    assert from_data(json.loads(json.dumps(to_data(kept)))).days_so_far == 21.0
    assert undo(kept).days_so_far == 21.0
    assert describe(start(), {"one_hand": True}, days_so_far=21.0).days_so_far is None  # the reading was dropped
    assert describe(start(), {"lasting_over_6_weeks": True}, days_so_far=21.0).days_so_far is None  # turned round
    with pytest.raises(ValueError):
        from_data({**to_data(kept), "days_so_far": "three weeks"})


TARIQ_ANSWERED = {**TARIQ, "findings": {**TARIQ["findings"], "hand_weakness": False, "pain_shooting_down_arm": False},
                  "days_so_far": 21}


def test_the_neck_movement_reason_does_not_claim_the_pain_he_denied(tmp_path: Path) -> None:
    """"+ Moving your neck ... sends pain down your arm" sat next to "- You have no shooting pain down your arm".
    Near miss: with the shooting pain said yes, the answer's own words stay."""
    text = assess_cli(TARIQ_ANSWERED, tmp_path)
    assert "You have no shooting pain down your arm" in text
    assert "sends pain down your arm" not in text and "Moving or turning your neck brings it on or makes it worse" in text
    said = {**TARIQ_ANSWERED, "findings": {**TARIQ_ANSWERED["findings"], "pain_shooting_down_arm": True}}
    assert "Moving your neck brings it on or sends pain down your arm" in assess_cli(said, tmp_path)


def test_an_arm_that_slowly_gets_weaker_is_on_his_watch_list(tmp_path: Path) -> None:
    """With the start not known, a hand that gets weak sets the urgent weakness rule for him, so the routine line
    "your hand slowly gets weak" is his to watch for, under "see a doctor today", though its own rule is routine.
    Near miss: a slow start, where weakness stays routine beside a routine result, keeps it off."""
    plan = json.loads(assess_cli(TARIQ_ANSWERED, tmp_path, "plan"))
    today = [i["text"] for g in plan["watch_for"] if g["level"] == "urgent" for i in g["items"]]
    assert any("slowly gets weak" in line for line in today), today
    slow = {**TARIQ_ANSWERED, "unsure": [], "findings": {**TARIQ_ANSWERED["findings"], "onset_sudden": False,
                                                        "onset_gradual": True}}
    plan = json.loads(assess_cli(slow, tmp_path, "plan"))
    assert not any("slowly gets weak" in i["text"] for g in plan["watch_for"] for i in g["items"])


def test_the_web_page_says_the_same_from_the_interview_it_keeps(tmp_path: Path) -> None:
    """The web keeps the interview between pages as plain data; the result page it shows from that state has the
    same banner: amber, no call buttons, one path (not the small 'if none' style), and the API takes the length."""
    import html
    import re

    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import answer, describe, next_question, outcome, start, to_data
    from numbwise.assess.result import result_plan
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call

    said = {"neck_pain": True, "numb_arm": True, "one_hand": True, "numb_thumb": True, "lasting_over_6_weeks": False,
            "worse_neck_movement": True}
    iv = describe(start(41, "male"), said, days_so_far=21.0)
    while (q := next_question(iv)) is not None:  # "not sure" how it started (left out), no to the rest
        iv = answer(iv, q, {f: False for f in q.findings if f != "onset_sudden"} if q.kind != "choice" else
                    {} if "onset_sudden" in q.findings else {q.findings[0]: True})
    assert "onset_sudden" in iv.unsure
    plan = result_plan(outcome(iv), iv.unsure)
    assert plan.caution_soon and not plan.caution_now
    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key="s"))
    state = URLSafeSerializer("s", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = call(app, "GET", "/check?at=" + state).body.decode()
    banner = page[page.index('<section class="banner'):page.index("</section>")]
    assert 'class="banner level-urgent"' in banner and "tel:999" not in banner
    assert 'class="action if-none"' not in banner and "not an emergency now" in html.unescape(banner)
    # one path: the level's words first ("See a GP within a few days"), the doubt under it, as every face orders it
    h1 = re.search(r'<h1 id="level-title">(.*?)</h1>', banner)
    h2 = re.search(r'<h2 class="doubt-title" id="doubt-title">(.*?)</h2>', banner)
    assert h1 is not None and html.unescape(h1.group(1)) == plan.title
    assert h2 is not None and html.unescape(h2.group(1)) == plan.caution_title
    api = json.loads(call(app, "POST", "/api/result", json.dumps(
        {"age": 41, "sex": "male", "findings": dict(iv.answers), "unsure": sorted(iv.unsure),
         "days_so_far": 21}).encode(), {"Content-Type": "application/json"}).body)
    assert api["caution_soon"] and api["title"] == plan.title
