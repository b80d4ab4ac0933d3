"""Walkthrough Z (independent reviewers): Zoe, Grace and Helen, the call-now screen and its words.

1. HIGH (Zoe, 16): pins and needles in her whole left hand on waking after sleeping on her arm, gone within 5 minutes
   of shaking it. Step by step, the call-now screen came right after the fingers, before the list with "It started
   after ... sleeping on your arm, and eased within minutes": "Answer a few questions" gave home care, "See what to do
   now" gave call now. The screen now waits (two questions at most) for a question some answer to which takes the
   call-now away, and while it waits that list comes first (`interview._now_waits`, `_now_step`).
2. MEDIUM (Zoe, Grace): "even if you feel fine otherwise" and "Do not wait to see if it goes away" said to someone
   whose numbness has gone: said in the words of a spell that has gone.
3. MEDIUM (Helen): under a call-now banner, the not-sure group of a lower level said "see a doctor today".
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from numbwise.assess.interview import (Interview, answer, choice_answer, fingers_answer, next_question, now_first,
                                       outcome, start, still_line)
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import check_cli

NOW_TITLE = load().triage.unsure_lead["emergency"].now_title or ""
CHOICE = "Type 1 to see what to do now, or 2 to answer a few questions"
WOKE = 4  # "I don't know how fast it came, for example I first noticed it on waking"
PRESSURE = "after_pressure_on_arm"
ZOE_YES = {PRESSURE, "episode_resolved_within_hour", "shaking_relieves"}
CALM = " ".join((load().interview.emergency_first.still if load().interview.emergency_first else "").split())
assert NOW_TITLE and CALM


def _walk(yes: Collection[str] = (), unsure: Collection[str] = ()) -> tuple[Interview, list[str], list[int], list[str]]:
    """Zoe's step by step as both faces drive it: 16, female (About you first), the first list none, woke with it,
    less than a day, the whole left hand, then yes to `yes`, not sure of `unsure`, no to the rest. Returns the
    interview, the question ids, after which question numbers (1-based) the call-now screen came, and the findings
    each question asked."""
    iv = start(16, "female")
    asked: list[str] = []
    screens: list[int] = []
    items: list[str] = []
    while (q := next_question(iv)) is not None and len(asked) < 40:
        asked.append(q.id)
        items.append(",".join(q.findings))
        if q.id == "onset":
            iv = answer(iv, q, choice_answer(q, WOKE))
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({0}, set()))
        else:
            iv = answer(iv, q, {f: f in yes for f in q.findings if f not in unsure})
        if now_first(iv):
            screens.append(len(asked))
    return iv, asked, screens, items


def _pressure_at(asked: list[str], items: list[str]) -> int:
    """The question number (1-based) that asked about pressure on the arm."""
    return next(i + 1 for i, found in enumerate(items) if PRESSURE in found.split(","))


def test_zoe_step_by_step_no_call_now_screen_before_the_pressure_question() -> None:
    """The hit: the list with the pressure story comes right after the fingers (question 5, not 7), while the screen
    waits; her yes takes the call-now away, so no screen says it, and the result is home care."""
    iv, asked, screens, items = _walk(ZOE_YES)
    assert asked[:4] == ["screen_emergency", "onset", "how_long", "fingers"]
    assert _pressure_at(asked, items) == 5 and asked[4] == "screen_pattern"
    assert screens == []
    plan = result_plan(outcome(iv), iv.unsure)
    assert outcome(iv).triage == "self_care" and not plan.caution_now


def test_zoe_keeps_the_calm_call_line_above_each_question_while_the_screen_waits() -> None:
    """The fingers and the pressure list, asked while the result would call now, carry the calm call line."""
    iv = start(16, "female")
    lines = []
    for _ in range(5):
        q = next_question(iv)
        assert q is not None
        lines.append(still_line(iv))
        if q.id == "onset":
            iv = answer(iv, q, choice_answer(q, WOKE))
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({0}, set()))
        else:
            iv = answer(iv, q, {f: False for f in q.findings})
    assert lines[2:5] == [CALM, CALM, CALM]  # how long, the fingers, the pattern list


def test_zoe_in_the_terminal_no_choice_screen_and_home_care() -> None:
    """The terminal as she used it: none, 16 f, woke with it, less than a day, whole left hand, then shaking helps,
    the pressure story and gone within an hour, no to the rest."""
    out = check_cli("\n16\nf\n5\n1\nL0\n5 6 7\n" + "\n" * 6 + "n\n" * 12, codes=(0, 1))
    assert CHOICE not in out and NOW_TITLE not in out.split("URGENCY")[0]
    assert out.index("sleeping on your arm") < out.index("Where else do you feel it?")
    assert "CARE FOR IT AT HOME" in out


def test_near_miss_no_pressure_the_screen_still_comes_within_the_cap() -> None:
    """Woke with it in one hand, still there, no pressure story: the screen comes once, after the pattern list (question 5):
    at most two questions after how long (question 3), the cap."""
    iv, asked, screens, _ = _walk({"constant"})  # still there
    assert screens == [5] and asked[4] == "screen_pattern"
    assert result_plan(outcome(iv), iv.unsure).caution_now


def test_near_miss_in_the_terminal_the_screen_follows_the_pattern_list() -> None:
    out = check_cli("\n16\nf\n5\n1\nL0\n\n", codes=(0, 1, 130))
    assert CHOICE in out and NOW_TITLE in out
    assert out.index("Which of these fit your numbness?") < out.index(CHOICE)


def test_unknown_pressure_not_sure_keeps_the_call_now() -> None:
    """Not sure about the pressure story never takes the call-now away: the screen still comes, within the cap."""
    iv, asked, screens, _ = _walk({"constant"}, unsure=(PRESSURE,))
    assert screens == [5]
    assert result_plan(outcome(iv), iv.unsure).caution_now


# --- 2. numbness that has gone is told why the call still stands ------------------------------------------------------

LEAD = load().triage.unsure_lead["emergency"]
GONE = "episode_resolved_within_hour"
FINE = "even if you feel fine otherwise"
WAIT = "Do not wait to see if it goes away. Even if it gets better or has already gone, you still need help now."
HAS_GONE = "It has gone, but you still need to call"


def _plan_of(age: int, findings: dict[str, bool], unsure: Collection[str] = ()) -> Any:
    """The result plan for these answers, as `numbwise assess --case` builds it."""
    from numbwise.assess.case import parse_unsure
    from numbwise.assess.engine import assess_case

    parsed, doubts = parse_unsure({"age": age, "sex": "female", "findings": findings, "unsure": list(unsure)})
    return result_plan(assess_case(parsed), doubts)


GRACE = {"onset_sudden": True, "one_hand": True, "hand_weakness": True, "vascular_risk": True, "face_drooping": False,
         "speech_difficulty": False}
ZOE_NOW = {"one_hand": True, "after_pressure_on_arm": False, "lasting_over_6_weeks": False, "comes_and_goes": False,
           "face_drooping": False, "speech_difficulty": False}


def test_grace_gone_within_20_minutes_is_told_it_has_gone_but_still_call() -> None:
    """The hit (Grace, 67: a sudden spell, gone): the emergency's do-not line in the words of a spell that has gone."""
    plan = _plan_of(67, {**GRACE, GONE: True})
    assert plan.level == "emergency" and WAIT not in plan.do_not
    assert any(HAS_GONE in d for d in plan.do_not)


def test_the_call_now_path_for_numbness_gone_says_so_in_the_banner_and_the_screen() -> None:
    """The hit (a start not known, one hand, gone): the call-now action never says "even if you feel fine otherwise",
    and its to-do list never "do not wait to see if it goes away"."""
    plan = _plan_of(30, {**ZOE_NOW, GONE: True}, ("onset_sudden",))
    assert plan.caution_now and FINE not in plan.action and HAS_GONE in plan.action and "mini-stroke" in plan.action
    assert WAIT not in plan.do_not and any(HAS_GONE in d for d in plan.do_not)


def test_near_miss_still_there_keeps_the_usual_words() -> None:
    """Numbness still there (gone answered no): the usual call-now words and do-not line."""
    plan = _plan_of(30, {**ZOE_NOW, GONE: False, "constant": True}, ("onset_sudden",))
    assert plan.caution_now and FINE in plan.action and HAS_GONE not in plan.action and WAIT in plan.do_not
    grace = _plan_of(67, {**GRACE, GONE: False})
    assert grace.level == "emergency" and WAIT in grace.do_not


def test_unknown_gone_not_sure_keeps_the_usual_words() -> None:
    """Not sure whether it has gone: never told it has."""
    plan = _plan_of(30, ZOE_NOW, ("onset_sudden", GONE))
    assert plan.caution_now and HAS_GONE not in plan.action and WAIT in plan.do_not
    grace = _plan_of(67, GRACE, (GONE,))
    assert WAIT in grace.do_not and not any(HAS_GONE in d for d in grace.do_not)


def test_the_gone_words_are_a_strokes_only() -> None:
    """A heart attack's numbness that went is not told a mini-stroke story (the reworded line is bound to the stroke
    rules)."""
    heart = _plan_of(60, {"chest_pain": True, GONE: True, "both_hands": True, "onset_sudden": False,
                          "onset_gradual": True})
    assert heart.level == "emergency" and WAIT in heart.do_not and not any(HAS_GONE in d for d in heart.do_not)


# --- 3. under a call-now banner, no "see a doctor today" -------------------------------------------------------------

HELEN = {"one_hand": True, "face_drooping": False, "speech_difficulty": False}
HELEN_UNSURE = ("onset_sudden", "onset_gradual", "onset_over_days", "getting_worse")
TODAY = "see a doctor today"


def _today_words(plan: Any) -> list[str]:
    """The not-sure groups' headings and lines that send the person to a doctor today."""
    return [t for g in plan.unsure for t in (g.heading, *g.advice) if "doctor today" in t.lower()]


def test_helen_under_the_call_now_banner_the_lower_group_says_tell_the_doctor_or_crew() -> None:
    """The hit (Helen, 40: not sure how it started, not sure it is getting worse): call now, and the doctor-today
    group is told to the doctor or crew, never "see a doctor today"."""
    plan = _plan_of(40, HELEN, HELEN_UNSURE)
    assert plan.caution_now and _today_words(plan) == []
    group = next(g for g in plan.unsure if g.level == "urgent")
    assert group.heading == LEAD.now_below_heading and group.advice[-1] == " ".join((LEAD.now_below_act or "").split())


def test_near_miss_no_call_now_keeps_see_a_doctor_today() -> None:
    """Both hands (no call-now path), the same doubts: the doctor-today group still says see a doctor today."""
    plan = _plan_of(40, {**{k: v for k, v in HELEN.items() if k != "one_hand"}, "both_hands": True}, HELEN_UNSURE)
    assert not plan.caution_now and any(TODAY in t.lower() for t in _today_words(plan))


def test_unknown_everything_not_sure_still_no_doctor_today_under_call_now() -> None:
    """Not sure of the stroke signs too: still call now, and the lower group still never says "doctor today"."""
    plan = _plan_of(40, {"one_hand": True}, (*HELEN_UNSURE, "face_drooping", "speech_difficulty"))
    assert plan.caution_now and _today_words(plan) == []
    assert any(g.heading == LEAD.now_below_heading for g in plan.unsure)


def test_helen_the_terminal_and_the_web_say_the_same(tmp_path: Any) -> None:
    """The face test: step by step as Helen (how it started not sure, the right thumb to middle, not sure whether it is
    getting worse, no to the rest), the terminal's result for those answers and the web's result page both say the
    new heading and line, and neither the old heading nor "If any of these might be true, see a doctor today"."""
    import html
    import json
    import re

    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import to_data
    from numbwise.assess.result import UNSURE_ANSWERS_URGENT, UNSURE_URGENT
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.conftest import run_cli
    from tests.web.test_result_answers_http import SECRET, call

    iv = start(40, "female")
    while (q := next_question(iv)) is not None and iv.count < 40:
        if q.id == "onset":
            iv = answer(iv, q, {})
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer(set(), {1, 2, 3}))
        else:
            iv = answer(iv, q, {f: f == "constant" for f in q.findings if f != "getting_worse"})
    plan = result_plan(outcome(iv), iv.unsure)
    assert plan.caution_now and any(g.heading == LEAD.now_below_heading for g in plan.unsure)
    path = tmp_path / "helen.json"
    path.write_text(json.dumps({"age": 40, "sex": "female", "findings": dict(iv.answers), "unsure": sorted(iv.unsure)}))
    terminal = " ".join(run_cli("--plain", "assess", "--case", str(path), "--format", "text").out.split())
    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key=SECRET))
    state = URLSafeSerializer(SECRET, salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = call(app, "GET", "/check?at=" + state)
    assert page.status == 200
    web = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.body.decode())).split())
    for face in (terminal, web):
        assert LEAD.now_below_heading in face and " ".join((LEAD.now_below_act or "").split()) in face
        assert UNSURE_ANSWERS_URGENT not in face and UNSURE_URGENT not in face
