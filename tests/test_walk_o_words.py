"""Walkthrough O, words (reviewers O1 and O2: Priya, Sam, Tom).

Priya ticked neither "there all the time" nor "comes and goes" on "Which of these fit your numbness?" ("none of
these"), then was asked "Is the numbness there all the time?" and "Does the numbness come and go?" as if for the first
time: it read as the same question again. Sam picked "I don't know how fast it came, for example I first noticed it on waking"
and was told "You were not sure about: ... it started suddenly". Step by step, Sam's first cause was "Carpal tunnel
syndrome (about 4 in 10)" with only points against it under "We can't tell yet". Tom (16) read "Your care plan for
raynaud's phenomenon".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.assess.interview import (Interview, Question, answer, choice_answer, finding_question, fingers_answer,
                                       next_question, start)
from numbwise.kb.loader import load
from numbwise.kb.models import in_sentence
from tests.conftest import assess_cli, assess_plan, run_cli

GROUP = ("constant", "comes_and_goes")
LEAD = "You did not pick 'there all the time' or 'comes and goes'"


def _walk(person: dict[str, bool], unsure: set[str], single: dict[str, bool | None],
          fingers: dict[str, bool] | None = None, age: int = 35, sex: str = "female") -> tuple[Interview, list[Question]]:
    """The real interview as the terminal records it: a list's unticked items are a no, `unsure` ones not sure; a
    single question answered from `single` (None: not sure), else from `person`; onset "on waking / don't know",
    how long not sure."""
    iv, asked = start(age, sex), []
    while (q := next_question(iv)) is not None:
        asked.append(q)
        if q.kind == "fingers":
            updates = fingers or fingers_answer({0}, {0})
        elif q.kind == "choice":  # how it started: on waking; how long (walkthrough R): not sure
            updates = choice_answer(q, 4) if q.id == "onset" else {}
        elif q.kind == "finding" and q.findings[0] in single:
            value = single[q.findings[0]]
            updates = {} if value is None else {q.findings[0]: value}
        else:
            updates = {f: person.get(f, False) for f in q.findings if f not in unsure}
        iv = answer(iv, q, updates)
    return iv, asked


PRIYA = {"leg_weakness": True, "diabetes": True, "insulin_or_sulfonylurea": True}


def _after_list(asked: list[Question]) -> list[Question]:
    """The single questions about 'there all the time' or 'comes and goes' after the pattern list."""
    at = next(i for i, q in enumerate(asked) if q.id == "screen_pattern")
    return [q for q in asked[at + 1:] if set(q.findings) & set(GROUP)]


def test_neither_ticked_asks_one_follow_up_that_says_why_and_its_answer_settles_both() -> None:
    """Priya: one follow-up only, whatever she answers, and it says she picked neither; yes or no answers the other
    (one of the two is always true), not sure leaves both not sure."""
    for value in (True, False, None):
        iv, asked = _walk(PRIYA, {"confusion"}, {"constant": value, "comes_and_goes": value})
        follow = _after_list(asked)
        assert len(follow) == 1, [q.id for q in follow]
        fid = follow[0].id
        other = GROUP[1] if fid == GROUP[0] else GROUP[0]
        assert follow[0].text.startswith(LEAD) and follow[0].text.endswith(load().findings[fid].question)
        if value is None:
            assert set(GROUP) <= iv.unsure
        else:
            assert iv.answers.get(fid) is value and iv.answers.get(other) is (not value)


def test_the_engine_asking_the_other_of_the_two_says_why_too() -> None:
    """A weak grip in one whole hand: whichever of the two is asked (the engine may ask "Does the numbness come and
    go?" first), it says she picked neither, and the other is not asked after it."""
    iv, asked = _walk({"hand_weakness": True}, set(), {"comes_and_goes": True, "constant": False},
                      fingers_answer({0}, set()))
    follow = _after_list(asked)
    assert len(follow) == 1 and follow[0].text.startswith(LEAD), [q.id for q in follow]
    assert iv.answers.get("constant") is False and iv.answers.get("comes_and_goes") is True


def test_one_of_the_two_ticked_asks_no_follow_up_and_a_plain_question_has_no_lead() -> None:
    """Near miss: "comes and goes" ticked answers both; nothing is asked again, and the question on its own (no list
    before it) is the plain one."""
    iv, asked = _walk({**PRIYA, "comes_and_goes": True}, {"confusion"}, {})
    assert _after_list(asked) == [] and iv.answers.get("constant") is False
    assert not next(q for q in [*asked] if q.id == "screen_pattern").text.startswith(LEAD)
    assert finding_question("constant").text == load().findings["constant"].question


def test_the_terminal_list_says_to_pick_one_of_the_two_and_the_follow_up_says_why() -> None:
    """`numbwise check`: the list's help names the two, the follow-up starts with why it is asked, and "Does the
    numbness come and go?" is never asked after a no to "there all the time"."""
    run = run_cli("--plain", "check", "--no-diary",
                  input="\n52\nf\n3\nR1 R2 R3\n" + "\n" * 5 + "n\n" + "?\n" * 40)
    out = " ".join(run.out.split())
    assert "Most people mark" in out and "happened only once" in out
    assert f"{LEAD} in the list. Is the numbness there all the time?" in out
    assert "Does the numbness come and go?" not in out.split("Is the numbness there all the time?")[1]


def _sam_step() -> dict[str, Any]:
    """Sam step by step, as the reviewer answered: not sure his arm suddenly went weak, "on waking / don't know" to how
    it started, the whole left hand, "there all the time" and nothing else."""
    iv, _ = _walk({"constant": True}, {"arm_or_leg_weakness_sudden"}, {}, fingers_answer({0}, set()), 45, "male")
    return {"age": 45, "sex": "male", "findings": dict(iv.answers), "unsure": sorted(iv.unsure)}



def test_a_start_not_known_is_said_as_how_fast_it_started(tmp_path: Path) -> None:
    """Sam: the not-sure line and list say what is not known ("how fast it started"), never "it started suddenly"."""
    plan = assess_plan(_sam_step(), tmp_path)
    items = [u["text"] for g in plan["unsure"] for u in g["items"] if u["finding"] == "onset_sudden"]
    # ... and what a yes would be, as "A yes would ..." follows it (walkthrough Y, Zoe)
    assert len(items) == 1 and items[0].startswith("How fast it started (whether it came on suddenly"), items
    text = assess_cli(_sam_step(), tmp_path)
    assert "how fast it started" in text and "started suddenly, within seconds or minutes" not in text.split(
        "Why this level")[0]


def test_under_cant_tell_a_cause_with_only_points_against_it_says_why_it_is_listed(tmp_path: Path) -> None:
    """Sam step by step: carpal tunnel leads the ranking with no point for it; under "We can't tell yet" it keeps its
    place by chance (walkthrough Y, Helen: listed last at the highest chance read as a contradiction) and says it is
    listed for how common it is, with answers against it that do not rule it out (walkthroughs O to Q)."""
    from numbwise.assess.result import COMMON_AWAY_NOTE

    plan = assess_plan(_sam_step(), tmp_path)
    # under his call-now banner the stroke comes first as what to rule out, with no chances (walkthrough AC, Frank)
    assert plan["headline"].startswith("A stroke must be ruled out first") and plan["causes"][0]["id"] == "stroke_tia"
    causes = plan["causes"]
    cts = next(c for c in causes if c["id"] == "carpal_tunnel")
    assert not cts["towards"] and cts["away"] and cts["note"] == COMMON_AWAY_NOTE
    assert all(c["value"] == 0 and c["short"] == "" for c in causes)
    # near miss: a result that names its cause keeps the ranking's order
    named = assess_plan({"age": 40, "sex": "female", "findings": {
        "one_hand": True, "both_hands": False, "numb_thumb": True, "numb_index": True, "numb_middle": True,
        "comes_and_goes": True, "constant": False, "worse_at_night": True, "wakes_from_sleep": True,
        "shaking_relieves": True, "onset_gradual": True, "onset_sudden": False, "onset_over_days": False}}, tmp_path)
    assert named["causes"][0]["id"] == "carpal_tunnel" and named["headline"].startswith("Most likely")


def test_a_cause_named_mid_sentence_keeps_its_proper_name(tmp_path: Path) -> None:
    """Tom: "Your care plan for Raynaud's phenomenon", never "raynaud's"; a plain name still reads in lower case."""
    tom = {"age": 16, "sex": "male", "findings": {
        "both_hands": True, "triggered_by_cold_or_stress": True, "skin_white_then_blue": True, "comes_and_goes": True,
        "episode_resolved_within_hour": True, "fingertip_sores": False, "joint_pain_swelling": False,
        "autoimmune_disease": False}}
    text = assess_cli(tom, tmp_path)
    assert "Your care plan for Raynaud's phenomenon" in text and "raynaud's" not in text
    kb = load()
    assert in_sentence(kb.causes["carpal_tunnel"]) == "carpal tunnel syndrome"
    assert in_sentence(kb.causes["guillain_barre"]) == "Guillain-Barre syndrome"
    assert in_sentence(kb.causes["stroke_tia"]) == "stroke or mini-stroke (TIA)"
