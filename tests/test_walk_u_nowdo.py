"""Walkthrough U (Jon, 50): the call-now banner from a 'not sure' stroke sign has the emergency level's own to-do list.

After a heavy night's drinking Jon fell asleep in a chair with his arm over the back; he woke 6 hours ago unable to
lift his right hand at the wrist. Step by step he was not sure whether his arm suddenly went weak and did not know how
fast it started. Both faces said "CALL YOUR EMERGENCY NUMBER NOW / Not sure about some emergency signs" with no "What
to do" at all: a hungover man was never told "Do not drive yourself to the hospital", while a yes (his own words) had
the emergency level's full list. The call-now path now shows that list (less any line that presumes a yes), never the
lower level's "see a doctor today" or "within two weeks" steps. Near miss: the sign answered no keeps the lower level's
own to-do. Unknown: several doubts still give one path with the emergency list. Through `numbwise assess --case`,
the terminal's step-by-step `numbwise check`, and the web result page (ASGI).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan, with_findings
from tests.test_walk_s_sam import LEG_WEAK, _check

# Jon as the step-by-step check records him: one hand, the wrist will not lift (a weak grip), he drinks heavily;
# "not sure" his arm went suddenly weak, "I first noticed it on waking" (how fast it started: not known)
JON: dict[str, Any] = {"age": 50, "sex": "male", "unsure": ["arm_or_leg_weakness_sudden", "onset_sudden"],
                       "findings": {"one_hand": True, "hand_weakness": True, "heavy_alcohol": True, "constant": True}}
# the same Jon with a yes to the signs he was not sure of (his own words read "can't lift" as sudden weakness)
JON_YES: dict[str, Any] = {**with_findings(JON, arm_or_leg_weakness_sudden=True, onset_sudden=True), "unsure": []}
# near miss: the sign answered no and the start known not to be sudden: the lower level's own to-do
JON_NO: dict[str, Any] = {**with_findings(JON, arm_or_leg_weakness_sudden=False, onset_sudden=False), "unsure": []}
# unknown: several stroke signs in doubt, and no weak grip (a routine result below the call-now banner)
MANY: dict[str, Any] = {"age": 50, "sex": "male", "findings": {"one_hand": True, "constant": True},
                        "unsure": ["arm_or_leg_weakness_sudden", "onset_sudden", "face_drooping", "speech_difficulty"]}

EMERGENCY = load().triage.levels["emergency"]
CALL = EMERGENCY.do[0]  # "Call your emergency number now, or ask someone near you to call."
NO_DRIVE = "Do not drive yourself to the hospital."
SLOWER = ("today", "two weeks", "appointment", "diary", "if none")


def _presumes_yes() -> set[str]:
    """Lines a rule says only to a yes (`unsure_drops`): never under a banner led by a doubt."""
    return {d for r in load().triage.rules if r.act is not None for d in r.act.unsure_drops}


def _todo(text: str) -> str:
    """The terminal's "What to do" section (up to the next heading the result prints after it)."""
    start = text.index("What to do ")
    ends = [i for h in ("You were not sure about these", "You were also not sure", "Why this level")
            if (i := text.find(h, start)) > 0]
    return text[start:min(ends)]


def test_jons_call_now_result_has_the_emergency_to_do_list(tmp_path: Path) -> None:
    """The hit: one path, call now, and under it what to do while help comes, in both the plan and the terminal."""
    plan = assess_plan(JON, tmp_path)
    assert plan["caution_now"] and plan["title"] == load().triage.unsure_lead["emergency"].now_title
    assert CALL in plan["do"] and NO_DRIVE in plan["do_not"]
    assert plan["do_heading"] == "What to do"  # never "what to do if none of the signs ... is true"
    lines = " ".join(plan["do"] + plan["do_not"]).lower()
    assert not any(w in lines for w in SLOWER), lines
    assert plan["next_steps"] == [] and plan["watch_for"] == []  # still nothing that waits
    text = assess_cli(JON, tmp_path)
    todo = _todo(text)
    assert CALL in todo and NO_DRIVE in todo and "note when you last felt normal" in todo
    assert text.index("By when: Now.") < text.index("What to do ")
    assert not any(w in todo.lower() for w in SLOWER), todo


def test_the_list_is_what_a_yes_shows_less_the_lines_that_presume_one(tmp_path: Path) -> None:
    """The same lines as the emergency result his own words gave (a yes), less any line that presumes a yes."""
    yes = assess_plan(JON_YES, tmp_path)
    plan = assess_plan(JON, tmp_path)
    assert yes["level"] == "emergency" and NO_DRIVE in yes["do_not"]
    drops = _presumes_yes()
    assert plan["do"] == [d for d in yes["do"] if d not in drops]
    assert plan["do_not"] == [d for d in yes["do_not"] if d not in drops]
    # the level's own lines, in its order (the blood thinner and swallowing lines belong to a possible stroke)
    # (the aspirin line is a heart attack's, never a possible stroke's: walkthrough Y, Raj)
    heart = {o.line for o in EMERGENCY.only_for if o.rules == ["em_heart"]}
    assert [d for d in EMERGENCY.do if d in plan["do"]] == plan["do"] and len(plan["do"]) == len(EMERGENCY.do) - len(heart)


def test_near_miss_the_sign_answered_no_keeps_the_lower_levels_own_to_do(tmp_path: Path) -> None:
    """No doubt, no call-now path: his own level (a doctor's visit: a weak grip that started slowly) and its to-do."""
    plan = assess_plan(JON_NO, tmp_path)
    assert not plan["caution_now"] and plan["level"] == "routine"
    routine = load().triage.levels["routine"]
    assert plan["do"][0] == routine.do[0] and len(plan["do"]) == len(routine.do)
    assert CALL not in plan["do"] and NO_DRIVE not in plan["do_not"]


def test_unknown_several_doubts_still_one_path_with_the_emergency_list(tmp_path: Path) -> None:
    """Four stroke signs in doubt on a routine result: still call now, the emergency list, no routine steps."""
    plan = assess_plan(MANY, tmp_path)
    assert plan["level"] == "routine" and plan["caution_now"] and not plan["caution_today"]
    assert CALL in plan["do"] and NO_DRIVE in plan["do_not"]
    routine = load().triage.levels["routine"]
    assert not set(plan["do"]) & set(routine.do) and not set(plan["do_not"]) & set(routine.do_not)
    assert not any(w in " ".join(plan["do"] + plan["do_not"]).lower() for w in SLOWER)


def test_the_terminal_step_by_step_shows_it_after_see_what_to_do_now() -> None:
    """`numbwise check`: not sure of a weak arm, less than a day, how it started not sure, the right thumb (the screen
    waits for the hands: walkthrough X), "see what to do now": the result has the list."""
    out = _check(f"?{LEG_WEAK}\n\n1\n?\nR1\n1\n", words=None)
    result = out[out.index("URGENCY: CALL YOUR EMERGENCY NUMBER NOW"):]
    todo = _todo(result)
    assert CALL in todo and NO_DRIVE in todo and not any(w in todo.lower() for w in SLOWER), todo


def test_the_web_result_page_has_the_do_not_drive_line(tmp_path: Path) -> None:
    """The web face renders the same plan: Jon's result page, step by step, has the list under "What to do"."""
    import re

    from itsdangerous import URLSafeSerializer

    from numbwise.assess.interview import outcome, to_data
    from numbwise.assess.result import result_plan
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call
    from tests.web.test_result_faces import _flat, _unsure_of

    iv = _unsure_of(JON["findings"], set(JON["unsure"]), 50, "male")
    assert result_plan(outcome(iv), iv.unsure).caution_now
    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key="s"))
    state = URLSafeSerializer("s", salt="numbwise-check").dumps(
        {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
    page = call(app, "GET", "/check?at=" + state).body.decode()
    assert re.search(r"<h2>What to do</h2>", page)
    todo = _flat(page[page.index("<h2>What to do</h2>"):])
    assert todo.index(CALL.lower()) < todo.index(NO_DRIVE.lower()) < todo.index("why this level")


CTS_NOW: dict[str, Any] = {"age": 60, "sex": "female", "unsure": ["onset_sudden", "face_drooping"], "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "numb_middle": True, "thumb_muscle_wasting": True,
    "worse_at_night": True, "shaking_relieves": True}}


def test_no_causes_own_see_a_doctor_advice_beside_call_now(tmp_path: Path) -> None:
    """Beside "call your emergency number now" for a possible stroke, "What to do about Carpal tunnel syndrome: see
    your doctor soon" read as a second, slower path. Since walkthrough AC (Frank) the stroke is listed first as what
    must be ruled out and no cause is named as the answer, so no cause's own advice is given at all. Near miss: the
    same hand with the stroke signs answered no keeps the plain heading."""
    plan = assess_plan(CTS_NOW, tmp_path)
    assert plan["title"].lower().startswith("call your emergency number now")
    assert plan["advice"] is None and plan["advice_heading"] == "" and plan["causes"][0]["id"] == "stroke_tia"
    calm = {**CTS_NOW, "unsure": [], "findings": {**CTS_NOW["findings"], "onset_sudden": False, "face_drooping": False}}
    assert assess_plan(calm, tmp_path)["advice_heading"] == "What to do about Carpal tunnel syndrome"
