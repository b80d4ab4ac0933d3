"""A home plan's escalation answers ("thin thumb muscles: see your doctor soon") are asked before its home steps are
shown, and a 'not sure' to one is said on the result with what to do if it is true (reviewers' findings 1 and 2)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from numbwise.assess.interview import Interview, answer, describe, next_question, outcome, start
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import run_cli

HAIRDRESSER = ("my right thumb, pointer and middle finger go numb at night and wake me up, I have to shake my hand "
               "out and then it goes. been going on about 6 months. Im a hairdresser so holding scissors all day")
THUMB_QUESTION = "Does the muscle at the base of your thumb look flat or shrunken?"
THUMB_ITEM = "The muscle at the base of your thumb looks flat or thin"
SPLINT = "Wear a wrist splint at night."
ASK_SURGERY = "Book a doctor's visit. Ask about surgery."  # the weakness rule's level title (walkthrough Y)
UNSURE_PLAN = "You were not sure about these signs that would change what to do"
WEAK_GRIP = "Your grip is weak, your hands are clumsy, or you drop things"
# The 38-year-old who leaned on his elbow: no emergency sign, over hours or days, left ring and little finger, nothing
# else; in the pattern list 'comes and goes' and 'after leaning on your elbow' (and none of the others); 'not sure'
# about a weak grip (and none of the others); no health history; no tingling when he taps his elbow (asked since a no
# to pressure on the arm counts in full and a yes weighs more, walkthrough AD, Amir: the tap tells the two apart).
ELBOW = "\n38\nm\n2\nL4 L5\n\n\n2 7\n\n?1\n\n\nn\n"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _escalation_then(cause: str, finding: str) -> str:
    return next(e.then for e in load().care.plans[cause].escalate if finding in e.said)


def test_words_then_no_thin_thumb_muscles_gives_the_splint_plan_after_asking_once() -> None:
    """Finding 1: with a description the check never asked about thin thumb muscles and gave the splint plan."""
    r = run_cli("--plain", "check", "--no-diary", "--describe", HAIRDRESSER, input="\n\n52\nf\n3\n\n2 6\n\n\nn\n")
    assert r.code == 0, r.err
    asked = THUMB_QUESTION if THUMB_QUESTION in r.out else THUMB_ITEM  # on its own, or in the other-signs list
    assert r.out.count(THUMB_QUESTION) + r.out.count(THUMB_ITEM) == 1  # asked once, either way
    before, after = r.out.split(asked)
    assert SPLINT not in before and "What you can do at home for Carpal tunnel syndrome" in after and SPLINT in after


def test_words_then_thin_thumb_muscles_sends_to_the_doctor_instead_of_home_steps() -> None:
    r = run_cli("--plain", "check", "--no-diary", "--describe", HAIRDRESSER, input="\n\n52\nf\n3\n\n2 6\n\n2\n\n\n\n\n")
    assert r.code == 0, r.err
    assert THUMB_ITEM in r.out  # item 2 of the other-signs list: thin thumb muscles, yes
    said = _flat(r.out.split("URGENCY:")[1])
    assert ASK_SURGERY in said and SPLINT not in said


def _sure(iv: Interview, story: dict[str, bool]) -> Interview:
    """Answer every question from the story, no to anything else."""
    while (q := next_question(iv)) is not None:
        if q.kind == "fingers":
            iv = answer(iv, q, {f: story[f] for f in q.findings if f in story})
        elif q.kind == "choice":  # one option picked answers the others no, as the faces do
            iv = answer(iv, q, {f: story.get(f, False) for f in q.findings} if set(q.findings) & set(story) else {})
        else:
            iv = answer(iv, q, {f: story.get(f, False) for f in q.findings})
    return iv


CTS_WORDS = {"numb_thumb": True, "numb_index": True, "numb_middle": True, "worse_at_night": True, "wakes_from_sleep": True,
             "shaking_relieves": True, "repetitive_hand_work": True, "lasting_over_6_weeks": True, "one_hand": True}


def test_the_escalation_question_costs_only_itself() -> None:
    """The same words with the thumb muscles already said: one question fewer, never more."""
    story = {**CTS_WORDS, "onset_gradual": True, "comes_and_goes": True}
    asked = _sure(describe(start(52, "female"), CTS_WORDS), story)
    told = _sure(describe(start(52, "female"), {**CTS_WORDS, "thumb_muscle_wasting": False}), story)
    assert "thumb_muscle_wasting" in {f for q, _, _ in asked.history if q.kind != "text" for f in q.findings}
    assert asked.count <= told.count + 1
    plan = result_plan(outcome(asked), asked.unsure)
    assert plan.advice is not None and plan.advice.cause == "carpal_tunnel" and plan.advice.steps


def test_every_plan_asks_its_escalation_answers_before_its_home_steps() -> None:
    """The rule is the interview's, not carpal tunnel's: any plan with `said` answers, even past the question limit."""
    plans = {cid: [f for e in p.escalate for f in e.said] for cid, p in load().care.plans.items()}
    assert plans["ulnar_neuropathy"] == ["hand_weakness", "hand_muscle_wasting_other"]  # weak, clumsy or thinner
    elbow = {"numb_ring": True, "numb_little": True, "one_hand": True, "onset_over_days": True,
             "comes_and_goes": True, "after_pressure_on_arm": True}
    for limit in (20, 3):
        iv = describe(start(38, "male"), elbow)
        while (q := next_question(iv, limit=limit)) is not None:
            iv = answer(iv, q, {f: elbow.get(f, False) for f in q.findings if f != "hand_weakness"})  # unsure: weak?
        plan = result_plan(outcome(iv), iv.unsure)
        if plan.advice is not None and plan.advice.steps:
            assert "hand_weakness" in iv.asked, limit


def test_not_sure_about_a_weak_grip_is_said_beside_the_elbow_home_steps() -> None:
    """Finding 2: 'not sure' to a weak grip left no trace on the ulnar nerve result."""
    r = run_cli("--plain", "check", "--no-diary", input=ELBOW)
    assert r.code == 0, r.err
    result = _flat(r.out.split("URGENCY:")[1])
    assert "Most likely: Ulnar nerve entrapment" in result
    assert "Do not lean on your elbow." in result  # the home steps stay: safe to try meanwhile
    assert f"{UNSURE_PLAN} ? {WEAK_GRIP}" in result
    # filed at the result's own level ("book a doctor's visit"): said as telling the doctor, never that level again
    # (walkthrough BH, Ibrahim)
    assert f"If this might be true: Tell your doctor at your visit. {_flat(_escalation_then('ulnar_neuropathy', 'hand_weakness'))}" in result
    assert r.out.count("Is your grip weak") == 0  # asked once, on the checklist: 'not sure' counts as asked


def test_the_report_lists_the_weak_grip_the_check_was_not_sure_about(tmp_path: Any) -> None:
    from numbwise.diary.store import open_store
    from numbwise.report.data import CheckRow

    url = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    r = run_cli("--db", url, "--plain", "check", input=ELBOW)
    assert r.code == 0, r.err
    with open_store(url) as store:
        (check,) = store.checks()
    causes = tuple((c["id"], c["probability"]) for c in check.result["causes"])
    row = CheckRow(check.at, check.result["triage"], causes, (), check.case)
    assert (UNSURE_PLAN, (WEAK_GRIP,)) in row.unsure()
    old = CheckRow(dt.datetime(2026, 1, 1), check.result["triage"], (), (), check.case)  # no causes kept: none named
    assert all(heading != UNSURE_PLAN for heading, _ in old.unsure())
