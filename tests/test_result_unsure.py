"""A result beside 'not sure' answers (walkthrough D): what the person reads through `numbwise assess --case FILE`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, run_cli

# A 70-year-old unsure whether his words came out funny yesterday: speech answered "not sure".
SPEECH_UNSURE = {"age": 70, "sex": "male", "unsure": ["speech_difficulty"],
                 "findings": {"one_hand": True, "numb_thumb": True, "numb_index": True, "comes_and_goes": True,
                              "onset_sudden": False, "face_drooping": False, "arm_or_leg_weakness_sudden": False}}


def _assess(case: dict[str, Any], tmp_path: Path, fmt: str = "text") -> str:
    """`numbwise --plain assess --case FILE --format text` (one line per wrapped item), or the plan as JSON text."""
    return assess_cli(case, tmp_path, fmt)


def test_a_case_file_takes_the_not_sure_answers_and_refuses_a_finding_also_answered(tmp_path: Path) -> None:
    plan = json.loads(_assess(SPEECH_UNSURE, tmp_path, "plan"))
    assert [u["finding"] for g in plan["unsure"] for u in g["items"]] == ["speech_difficulty"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(SPEECH_UNSURE | {"unsure": ["face_drooping"]}))
    run = run_cli("assess", "--case", str(path))
    assert run.code == 2 and "unsure" in run.err


def test_a_stroke_sign_not_sure_of_that_may_have_come_and_gone_means_help_today(tmp_path: Path) -> None:
    text = _assess(SPEECH_UNSURE, tmp_path)
    # a sign that came and went in the last days can be a mini-stroke (TIA): help today, not in two weeks
    assert "GET MEDICAL HELP TODAY" in text and "BOOK A DOCTOR'S VISIT" not in text
    assert "may have happened and then gone away" in text
    assert "get medical help today" in text.lower()
    assert "strange speech comes back, call your emergency number now" in text.lower()


# Cramps after thyroid surgery answered "not sure": an emergency sign that no stroke check covers.
CRAMPS_UNSURE = {"age": 45, "sex": "female", "unsure": ["muscle_cramps_spasms"],
                 "findings": {"both_hands": True, "numb_thumb": True, "neck_surgery_thyroid_parathyroid": True,
                              "onset_sudden": False}}


def test_the_not_sure_group_says_not_sure_not_that_no_answer_was_given(tmp_path: Path) -> None:
    text = _assess(SPEECH_UNSURE, tmp_path)
    assert "You were not sure about these emergency signs" in text
    assert "did not say yes or no" not in text


def test_a_not_sure_sign_no_stroke_check_covers_says_what_it_looks_like(tmp_path: Path) -> None:
    from numbwise.kb import load

    text = _assess(CRAMPS_UNSURE, tmp_path)
    group = text.split("You were not sure about these emergency signs")[1].split("Why this level")[0]
    assert "Does one side droop?" not in group  # the stroke checks do not cover cramps ...
    help_text = " ".join(load().findings["muscle_cramps_spasms"].help.split())  # ... its own picture does
    assert help_text[1:].rstrip(".") in group
    assert "mini-stroke" not in text


# Chemotherapy, not sure about a fever: the helpline leads the banner (lead_if_unsure).
CHEMO_FEVER_UNSURE = {"age": 55, "sex": "female", "unsure": ["fever"],
                      "findings": {"both_hands": True, "numb_feet": True, "chemotherapy": True, "onset_sudden": False,
                                   "onset_gradual": True}}


def test_a_rule_that_leads_from_a_not_sure_gives_its_reason_and_nothing_that_waits_or_presumes_a_yes(tmp_path: Path) -> None:
    plan = json.loads(_assess(CHEMO_FEVER_UNSURE, tmp_path, "plan"))
    assert plan["title"] == "Call your cancer helpline now"
    assert plan["why"][0].startswith("If you have a fever or feel unwell during chemotherapy")  # its reason, first
    assert not any("the fever goes away" in d for d in plan["do_not"])  # she is not sure she has one
    # the do-not line is worded for not knowing (walkthrough N, Maria): said to her too
    assert any("if you get a fever or if it goes away" in d for d in plan["do_not"]), plan["do_not"]
    assert plan["next_steps"] == []  # a diary and a report wait: not beside "call now"
    watched = [w for g in plan["watch_for"] for w in g["items"]]
    assert not any(w["rule_id"] == "em_chemo_fever" for w in watched)  # already in the not-sure group, with its action
    text = _assess(CHEMO_FEVER_UNSURE, tmp_path)
    assert "If you have a fever or feel unwell during chemotherapy" in text and "numbwise log" not in text


# Not sure whether it gets worse day by day (a yes would be "see a doctor today").
WORSE_UNSURE = {"age": 50, "sex": "female", "unsure": ["getting_worse"],
                "findings": {"one_hand": True, "numb_thumb": True, "numb_index": True, "comes_and_goes": True,
                             "onset_sudden": False}}


def test_a_watch_line_about_a_sign_already_in_the_not_sure_group_is_not_repeated(tmp_path: Path) -> None:
    plan = json.loads(_assess(WORSE_UNSURE, tmp_path, "plan"))
    assert [u["finding"] for g in plan["unsure"] for u in g["items"]] == ["getting_worse"]
    watched = [w["text"] for g in plan["watch_for"] for w in g["items"]]
    assert "The numbness gets worse day by day." not in watched
    # a sign she was sure of stays when it is sooner than her banner ("see a doctor today", the one path for a
    # 'not sure' that needs a doctor today); a "see a doctor today if" line is no sooner, so it goes (walkthrough N)
    assert plan["caution_today"] and [g["level"] for g in plan["watch_for"]] == ["emergency"]
    assert any(w.startswith("Your face droops") for w in watched)
    assert "The numbness slowly spreads to your other arm or your legs, over days or weeks." not in watched


def test_a_first_cause_with_nothing_pointing_to_it_says_why_it_is_listed(tmp_path: Path) -> None:
    from numbwise.assess.result import COMMON_AWAY_NOTE, COMMON_NOTE

    plan = json.loads(_assess({"age": 45, "sex": "female", "findings": {}}, tmp_path, "plan"))
    first = plan["causes"][0]
    assert first["towards"] == [] and first["away"] == []  # nothing said: listed for how common it is
    assert first["note"] == COMMON_NOTE
    assert COMMON_NOTE in _assess({"age": 45, "sex": "female", "findings": {}}, tmp_path)
    # only "your thumb is not numb" against it (walkthrough O): says so, and that it is not ruled out (walkthrough Y)
    plan = json.loads(_assess({"age": 45, "sex": "female", "findings": {"numb_thumb": False}}, tmp_path, "plan"))
    cts = next(c for c in plan["causes"] if c["id"] == "carpal_tunnel")
    assert cts["towards"] == [] and cts["away"] and cts["note"] == COMMON_AWAY_NOTE
    led = json.loads(_assess(WORSE_UNSURE, tmp_path, "plan"))["causes"][0]
    assert led["towards"] and led["note"] == ""  # answers point to it: no such note


OVER_BREATHING = {"age": 30, "sex": "male", "findings": {
    "both_hands": True, "anxiety_history": True, "rapid_breathing_anxiety": True, "numb_around_mouth": True,
    "episode_resolved_within_hour": True, "chest_pain": False, "onset_sudden": True}}
B12_NOT_UNSTEADY = {"age": 60, "sex": "female", "findings": {
    "both_hands": True, "numb_feet": True, "vegan_or_vegetarian": True, "unsteady_walking": False, "diabetes": False,
    "onset_gradual": True}}


def test_a_reason_claims_only_what_its_rule_checked(tmp_path: Path) -> None:
    text = _assess(OVER_BREATHING, tmp_path)
    why = text.split("Why this level")[1].split("What may be causing it")[0]
    assert "over-breathing" in why and "when breathing settles" not in why  # he said only: gone within an hour
    text = _assess(B12_NOT_UNSTEADY, tmp_path)
    why = text.split("Why this level")[1].split("What may be causing it")[0]
    assert "vitamin B12" in why and "unsteady walk" not in why  # she said no to an unsteady walk
    assert "nerve damage from diabetes" not in why  # not her cause: examples of the many causes


def test_beside_a_reported_weakness_the_stroke_watch_line_says_a_new_weakness(tmp_path: Path) -> None:
    weak = {"age": 50, "sex": "male", "findings": {"one_hand": True, "numb_thumb": True, "numb_index": True,
                                                   "hand_weakness": True, "onset_sudden": False}}
    text = _assess(weak, tmp_path)
    assert "an arm or leg suddenly goes weak" not in text and "a new weakness" in text
    assert "an arm or leg suddenly goes weak" in _assess({**weak, "findings": {**weak["findings"], "hand_weakness": False}},
                                                        tmp_path)


def test_a_not_sure_drop_must_be_one_of_the_acts_own_lines(kb_copy: Path) -> None:
    import pytest

    from numbwise.kb import KnowledgeError, load_from
    from tests.conftest import edit_file

    # the chemotherapy act's do-not line now fits a doubt too (walkthrough N, Maria), so no rule drops one: add one
    edit_file(kb_copy / "triage_rules.yaml", "      lead_if_unsure: true\n",
              "      lead_if_unsure: true\n      unsure_drops:\n        - Do not wait for anything.\n")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    # the first rule that leads from a doubt (the injury's or the chemotherapy's) names the line it cannot drop
    assert any("unsure_drops" in p and "Do not wait for anything." in p for p in exc.value.problems), exc.value.problems


def test_a_question_whose_yes_would_be_more_urgent_is_not_offered_as_homework_for_the_visit() -> None:
    """Walkthrough E: a 70-year-old unsure of his speech and of how it started was given 'Is your speech slurred?'
    and 'Did it start suddenly?' to think about before a visit in two weeks, beside 'call now if that might be true'."""
    from numbwise.assess import assess
    from numbwise.assess.result import result_plan
    from numbwise.assess.triage import LEVELS, triage
    from numbwise.kb import load

    findings = {"one_hand": True, "numb_whole_hand": True, "constant": True, "comes_and_goes": False,
                "face_drooping": False, "arm_or_leg_weakness_sudden": False, "numb_face_same_side": False}
    plan = result_plan(assess({"age": 70, "sex": "male", "findings": findings}), ("speech_difficulty", "onset_sudden"))
    kb = load()
    asked = {f for f, spec in kb.findings.items() if spec.question in plan.questions}
    assert plan.level in ("routine", "urgent")
    raising = {f for f in asked if LEVELS.index(triage({**findings, f: True}, 70).level) < LEVELS.index(plan.level)}
    assert raising == set(), raising
    assert kb.findings["speech_difficulty"].question not in plan.questions


# Walkthrough F: a 70-year-old, numb thumb and index finger for weeks, not sure whether his speech was funny.
SPEECH_MAYBE_YESTERDAY = {"age": 70, "sex": "male", "unsure": ["speech_difficulty"], "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "worse_at_night": True, "face_drooping": False,
    "arm_or_leg_weakness_sudden": False, "onset_gradual": True, "onset_sudden": False}}
# After thyroid surgery, tingling around the mouth, not sure about cramps: an emergency doubt beside an urgent level.
THYROID_CRAMPS_UNSURE = {"age": 50, "sex": "female", "unsure": ["muscle_cramps_spasms"],
                         "findings": {"neck_surgery_thyroid_parathyroid": True, "numb_around_mouth": True}}


def test_a_not_sure_sign_more_urgent_than_the_result_leads_the_banner_in_the_terminal(tmp_path: Path) -> None:
    """He read 'URGENCY: BOOK A DOCTOR'S VISIT ... within days to two weeks' under 'get medical help today'."""
    from numbwise.kb import load

    lead = load().triage.unsure_lead["emergency"]
    text = _assess(SPEECH_MAYBE_YESTERDAY, tmp_path)
    tri = load().triage
    named = tri.unsure_caution_names.format(signs="your speech is slurred, or you have trouble finding or understanding words")
    caution = " ".join(f"{named} {tri.unsure_caution['emergency']}".split())
    # one path, help today: the level first, then the doubt under it with its buttons (walkthrough Q)
    assert text.startswith(f"URGENCY: {lead.past_title.upper()} {lead.heading} {caution} >> Call 911")
    assert "URGENCY: BOOK A DOCTOR'S VISIT" not in text  # the level never heads it ...
    # ... nor stands beside today as an equal path: a speech sign that may have come and gone means today (walkthrough J)
    assert ">> Call 112 (Europe) One of those signs may have happened and then gone away." in text
    assert "When you see the doctor, tell them about the numbness too." in text  # one time frame (walkthrough K)
    assert "two weeks" not in text.split("By when:")[0]
    assert "By when: Today." in text
    assert "Book an appointment" not in text  # no to-do list to repeat the after-that-check words (page length)
    assert text.count("This could be an emergency") == 1


def test_the_plan_and_api_say_which_caution_leads_and_word_the_level_as_if_none(tmp_path: Path) -> None:
    plan = json.loads(_assess(SPEECH_MAYBE_YESTERDAY, tmp_path, "plan"))
    assert plan["level"] == "routine" and plan["caution_level"] == "emergency"
    assert plan["caution_title"] == "Not sure about some emergency signs"
    assert plan["title"] == "Get medical help today" and plan["caution_today"]  # walkthrough J: one path, today
    assert plan["numbers"]  # the call buttons go with the emergency doubt
    thyroid = json.loads(_assess(THYROID_CRAMPS_UNSURE, tmp_path, "plan"))
    # an urgent result's own advice holds either way (walkthrough H); its rule's own act, set by a yes, leads, and the
    # doubt says when to call the emergency number under it (walkthrough AC, Aisha)
    assert thyroid["level"] == "urgent" and thyroid["rule_leads"] and thyroid["caution_title"] == ""
    assert thyroid["heading"] == thyroid["title"] == "Call your surgical team or doctor today"
    assert "call your emergency number now" in thyroid["caution"] and thyroid["numbers"]
    sure = json.loads(_assess({**SPEECH_MAYBE_YESTERDAY, "unsure": []}, tmp_path, "plan"))
    assert sure["caution"] == sure["caution_title"] == "" and sure["title"] == "Book a doctor's visit"


def test_an_urgent_doubt_leads_with_its_own_words() -> None:
    """Not sure whether it gets worse day by day: one path, see a doctor today (walkthrough K: "if none of the signs
    you were not sure about: book a visit" gave a person who cannot know no path, and read as a double negative)."""
    from numbwise.assess import assess
    from numbwise.assess.result import result_plan

    plan = result_plan(assess({k: v for k, v in WORSE_UNSURE.items() if k != "unsure"}), ("getting_worse",))
    assert plan.caution_level == "urgent" and plan.banner_level == "urgent" and not plan.numbers
    assert plan.title == "See a doctor today" and plan.by_when == "Today." and plan.caution_today
    assert "If none" not in plan.title + plan.action and "two weeks" not in plan.action


def test_the_caution_beside_call_buttons_fits_every_country(tmp_path: Path) -> None:
    text = _assess(SPEECH_MAYBE_YESTERDAY, tmp_path)
    assert "call your doctor or an urgent-care line (NHS 111 in the UK)" in text
    assert "NHS 111 (or your local urgent-care line)" not in text


def test_a_stroke_sign_not_sure_of_is_not_repeated_as_a_call_now_watch_line(tmp_path: Path) -> None:
    """Walkthrough E: 'not sure' about speech, then 'Call your emergency number now if ... your speech is slurred'."""
    plan = json.loads(_assess(SPEECH_MAYBE_YESTERDAY, tmp_path, "plan"))
    watched = [w for g in plan["watch_for"] for w in g["items"]]
    # only as the stroke line worded for it coming back, beside the help-today banner (walkthrough J)
    assert [w["text"] for w in watched if "speech_difficulty" in w["findings"]] == [
        w["again"] for w in watched if "speech_difficulty" in w["findings"] and w["again"]] != []
    assert any("chest_pain" in w["findings"] for w in watched)  # a sign the stroke checks do not cover stays


def test_the_helpline_lead_carries_no_line_that_presumes_no_fever(tmp_path: Path) -> None:
    """Compare with a yes to fever: no 'if you are sure you have no fever', no 'see a doctor to find out what is
    behind it' plan for the cause, only the helpline."""
    text = _assess(CHEMO_FEVER_UNSURE, tmp_path)
    assert "sure you have no fever" not in text and "in the next few days to two weeks" not in text
    named = {**CHEMO_FEVER_UNSURE, "findings": {**CHEMO_FEVER_UNSURE["findings"], "diabetes": False,
                                                "neuropathy_drug": True}}
    plan = json.loads(_assess(named, tmp_path, "plan"))
    assert plan["told_apart"] and plan["causes"][0]["id"] == "drug_neuropathy"  # the cause is still named ...
    assert plan["advice"] is None and plan["caution_title"] == ""  # ... but no slower plan beside "call now"
    assert "behind your numbness" not in _assess(named, tmp_path)
    sure = json.loads(_assess({**named, "unsure": []}, tmp_path, "plan"))
    assert sure["advice"] is not None  # without the doubt the cause's own plan is there


def test_the_face_or_leg_rule_says_why_also_when_the_onset_was_never_asked(tmp_path: Path) -> None:
    plan = json.loads(_assess({"age": 60, "sex": "male", "findings": {"one_hand": True, "numb_face_same_side": True}},
                              tmp_path, "plan"))
    assert plan["level"] == "emergency"
    # never "unless it clearly came on slowly" (walkthrough P, Anne: hers built up over hours, also a stroke's way)
    assert any("can be a stroke, even when you are not sure how fast" in w for w in plan["why"])
    assert not any("not clear how it started" in w for w in plan["why"])


def test_the_routine_diary_line_fits_numbness_that_is_there_all_the_time(tmp_path: Path) -> None:
    case = {"age": 50, "sex": "female", "findings": {"one_hand": True, "numb_thumb": True, "onset_gradual": True,
                                                     "constant": True, "comes_and_goes": False}}
    plan = json.loads(_assess(case, tmp_path, "plan"))
    assert plan["level"] == "routine"
    assert "Keep a short diary of how bad it is each day and what helps. Bring it with you." in plan["do"]
    assert not any("when it happens" in d for d in plan["do"])
    spells = json.loads(_assess({**case, "findings": {**case["findings"], "constant": False, "comes_and_goes": True}},
                                tmp_path, "plan"))
    assert "Keep a short diary of when it happens and what helps. Bring it with you." in spells["do"]


# Walkthrough F (P5): Sam, 17, whose fingers go white then blue in the cold, answered "not sure" to a hand or arm that
# suddenly turned cold, pale and painful: the check showed only the face, arm and speech checks.
RAYNAUD_COLD_HAND_UNSURE = {"age": 17, "unsure": ["hand_cold_pale_painful"], "findings": {
    "skin_white_then_blue": True, "triggered_by_cold_or_stress": True, "both_hands": True, "one_hand": False,
    "fingertip_sores": False, "joint_pain_swelling": False, "autoimmune_disease": False, "comes_and_goes": True,
    "onset_sudden": False, "face_drooping": False, "speech_difficulty": False, "arm_or_leg_weakness_sudden": False}}


def test_a_cold_pale_hand_not_sure_of_says_how_it_differs_from_a_raynauds_attack(tmp_path: Path) -> None:
    """Its own check (findings.yaml how_to_check): a blocked artery leaves the hand cold, pale and painful even at rest
    and warm, maybe numb or weak (Health NZ); a Raynaud's attack comes back, often red, as the hand warms (NHS)."""
    text = _assess(RAYNAUD_COLD_HAND_UNSURE, tmp_path)
    group = text.split("You were not sure about these emergency signs")[1].split("Why this level")[0]
    assert "Does one side droop?" not in group, group  # not a stroke sign: the stroke checks do not cover it ...
    assert "Cold, pale and painful hand" in group and "even at rest" in group, group  # ... its own check does
    assert "does not come back as you warm up" in group and "Raynaud's attack" in group, group
    assert "numb or weak" in group, group
    assert "call your emergency number now" in group  # and the call-now line follows it
    plan = json.loads(_assess(RAYNAUD_COLD_HAND_UNSURE, tmp_path, "plan"))
    advice = [a for g in plan["unsure"] if g["level"] == "emergency" for a in g["advice"]]
    assert advice and advice[0].startswith("Cold, pale and painful hand"), advice


def test_the_emergency_screen_shows_the_cold_hand_check_not_the_stroke_checks_for_a_not_sure_cold_hand() -> None:
    """Walkthrough F: ?18 on the screen showed only the face, arm and speech checks; now its own check, as the result."""
    from numbwise.assess.interview import next_question, start, unsure_advice

    q = next_question(start(17, None))
    assert q is not None and q.if_unsure is not None and "hand_cold_pale_painful" in q.findings
    advice = unsure_advice(q, {f: False for f in q.findings if f != "hand_cold_pale_painful"})
    assert advice is not None and advice.check[0].startswith("Cold, pale and painful hand"), advice
    assert not any("Does one side droop?" in line for line in advice.check)

# Walkthrough F, Tom: 40, panic attacks, tingling hands and lips when he breathes fast, chest tight: "not sure" to pain.
TOM = {"both_hands": True, "one_hand": False, "numb_thumb": True, "numb_index": True, "numb_middle": True,
       "numb_ring": True, "numb_little": True, "numb_whole_hand": True, "numb_around_mouth": True,
       "rapid_breathing_anxiety": True, "anxiety_history": True, "comes_and_goes": True,
       "episode_resolved_within_hour": True}


def test_a_chest_pain_not_sure_of_is_checked_as_a_heart_attack_and_never_watched_for_again(tmp_path: Path) -> None:
    """The not-sure group names a heart attack and what its pain feels like; the call-now list no longer says
    "You have chest pain or pressure" (he read it as "watch for what you already told us") but keeps the cold sweat."""
    from numbwise.assess.interview import answer, next_question, start
    from tests.result_paths import problems

    iv = start(40, "male")
    while (q := next_question(iv)) is not None:  # he answers every question, chest pain "not sure"
        lists = q.kind not in ("fingers", "choice")
        iv = answer(iv, q, {f: TOM.get(f, False) for f in q.findings if f != "chest_pain" and (f in TOM or lists)})
    plan, broken = problems(iv)
    assert "chest_pain" in iv.unsure and broken == []
    watched = [w.text for g in plan.watch_for for w in g.items]
    assert not any("chest pain" in t for t in watched), watched
    assert any("cold sweat" in t for t in watched)  # a change he was asked and said no to stays on the list
    group = next(g for g in plan.unsure if g.level == "emergency")
    check = " ".join(group.advice)
    assert "heart attack" in check and "squeezing" in check and "jaw" in check
    text = _assess({"age": 40, "sex": "male", "findings": {**TOM, "cold_sweat_nausea": False, "onset_sudden": False},
                    "unsure": ["chest_pain"]}, tmp_path)
    watch = text.split("Call your emergency number now if")[1]
    assert "chest pain" not in watch and "cold sweat" in watch and "heart attack" in text


def test_a_person_unsure_of_emergency_and_today_signs_is_told_both_at_the_top() -> None:
    """Walkthrough F, Alex: 'call now if ..., if none: book a visit' led, while a later group said 'see a doctor
    today'. The leading caution now says the today part too, and the result's invariants check it."""
    from numbwise.assess.interview import answer, next_question, start
    from numbwise.kb import load
    from tests.result_paths import problems

    iv = start(50, "female")
    while (q := next_question(iv)) is not None:  # not sure of everything but the fingers: the whole right hand
        iv = answer(iv, q, {"one_hand": True, "both_hands": False, "numb_whole_hand": True, **{
            f: True for f in ("numb_thumb", "numb_index", "numb_middle", "numb_ring", "numb_little")}}
                    if q.kind == "fingers" else {})
    plan, broken = problems(iv)
    assert broken == []
    assert [g.level for g in plan.unsure][:2] == ["emergency", "urgent"]
    # walkthrough K: new numbness in one hand whose start she does not know, beside not-sure stroke signs, is itself
    # a possible stroke: the banner is one path, call now, and the caution only names the signs (no "if none")
    assert plan.caution.startswith("You were not sure about: ") and plan.caution_now and plan.numbers
    assert "more, listed below." in plan.caution.split(". ")[0] + "."  # two named, the rest left to the list
    assert plan.title == load().triage.unsure_lead["emergency"].now_title and plan.by_when == "Now."
    assert "If none" not in plan.title + plan.action + plan.caution


def test_the_caution_names_the_signs_it_is_about() -> None:
    """Walkthrough F, Dan (wrist drop, not sure of a sudden start): "if a sign you were not sure about is happening
    now" read as the numbness he has now; the banner never said which sign it meant."""
    from numbwise.assess import assess
    from numbwise.assess.result import result_plan

    dan = {"age": 45, "sex": "male", "findings": {"one_hand": True, "numb_thumb": True, "hand_weakness": True,
                                                  "after_pressure_on_arm": False, "constant": True}}
    plan = result_plan(assess(dan), unsure=["arm_or_leg_weakness_sudden"])
    # his weak hand is a yes: what is not known is how the weakness came on (walkthrough N, Sam)
    assert plan.caution.startswith("You were not sure about: whether the weakness came on suddenly, in your arm or your leg.")


def test_a_stroke_sign_that_may_have_come_and_gone_takes_one_path_today_in_the_terminal(tmp_path: Path) -> None:
    """Walkthrough J (Walter): not sure whether his words came out funny yesterday, he read 'if one of those signs
    happened ... get help today' beside 'if none ... days to two weeks', two paths of equal size, and could not know
    which was his. A sign he cannot rule out may have been a mini-stroke: one path, today."""
    text = _assess(SPEECH_MAYBE_YESTERDAY, tmp_path)
    banner, _, rest = text.partition("By when: ")
    assert "GET MEDICAL HELP TODAY" in banner and rest.startswith("Today.")
    assert "If none of the signs you were not sure about" not in text and "IF NONE OF THE SIGNS" not in text
    assert "If none of them" not in text
    # the level's weeks are no third time frame in the banner (walkthrough K: now, today and two weeks)
    assert "two weeks" not in banner and "tell them about the numbness too" in banner
    assert text.count("call your doctor or an urgent-care line") == 1  # said once, in the banner
    assert "strange speech comes back, call your emergency number now" in banner
    group = text.split("You were not sure about these emergency signs")[1].split("Why this level")[0]
    assert "These checks only show what is happening now, not whether a sign happened earlier" in group
    watch = text.split("Call your emergency number now if")[1].split("See a doctor today if")[0]
    assert "Your face droops, an arm or leg suddenly goes weak, or your speech is slurred or strange" in watch
    assert "comes back" in watch
    causes = text.split("What may be causing it (not a diagnosis)")[1]
    assert "These chances are about the hand numbness" in causes


def test_without_a_came_and_gone_doubt_the_lead_is_unchanged(tmp_path: Path) -> None:
    """A 'not sure' emergency sign that cannot have come and gone (a sudden start in both hands) keeps the if-none
    banner, and an urgent result keeps its own words (walkthrough H)."""
    both = {"age": 30, "sex": "female", "unsure": ["onset_sudden"], "findings": {
        "both_hands": True, "numb_thumb": True, "numb_index": True, "onset_gradual": False}}
    plan = json.loads(_assess(both, tmp_path, "plan"))
    if plan["caution_title"]:
        # (only how fast it started not known: the if-none banner said in the past tense, walkthrough U)
        assert plan["title"].startswith(("If none of the signs", "If it did not start suddenly")) \
            and plan["by_when"] != "Today"
    thyroid = json.loads(_assess(THYROID_CRAMPS_UNSURE, tmp_path, "plan"))
    assert thyroid["title"] == "Call your surgical team or doctor today" and thyroid["rule_leads"]


# Walkthrough K (Sam, 45): woke with his left hand tingling, still there; his left leg may have been weak for a few
# minutes when he got up. Onset "not sure" (no "woke up with it" option), sudden arm or leg weakness "not sure".
SAM_WOKE_WITH_IT = {"age": 45, "sex": "male", "unsure": ["arm_or_leg_weakness_sudden", "onset_sudden"], "findings": {
    "one_hand": True, "constant": True, "face_drooping": False, "speech_difficulty": False}}


def test_new_one_sided_numbness_of_unknown_start_beside_a_not_sure_stroke_sign_means_call_now(tmp_path: Path) -> None:
    """Walkthrough K: he read 'get medical help today' and 'make an appointment ... two weeks' in one banner, while his
    hand, numb on one side since he woke, may be a stroke now: one path, call now, and say when he last felt normal."""
    from numbwise.kb import load

    lead = load().triage.unsure_lead["emergency"]
    text = _assess(SAM_WOKE_WITH_IT, tmp_path)
    banner, _, rest = text.partition("By when: ")
    assert text.startswith(f"URGENCY: {lead.now_title.upper()} {lead.heading}") and ">> Call 999 (UK)" in banner
    assert "CALL YOUR EMERGENCY NUMBER NOW" in banner and rest.startswith("Now.")
    assert "when you last felt normal" in banner
    assert "two weeks" not in banner and "GET MEDICAL HELP TODAY" not in text and "make an appointment" not in text
    assert "If none of" not in text and "IF NONE OF" not in text
    assert "Book an appointment" not in text  # no to-do list for a slower path
    assert "in your diary" not in text  # nothing that waits beside a call now
    causes = text.split("What may be causing it (not a diagnosis)")[1]
    # no chances under "call now": the stroke is named first as what must be ruled out (walkthrough AC, Frank)
    assert causes.lstrip().startswith("A stroke must be ruled out first") and " in 10" not in causes
    plan = json.loads(_assess(SAM_WOKE_WITH_IT, tmp_path, "plan"))
    assert plan["title"] == lead.now_title and plan["by_when"] == "Now." and plan["numbers"]
    assert plan["caution_now"] and not plan["caution_today"] and plan["next_steps"] == []
    # its to-do list is the emergency level's own, never the routine level's (walkthrough U, Jon)
    assert plan["do"][0] == load().triage.levels["emergency"].do[0] and plan["do_heading"] == "What to do"


def test_old_or_slow_numbness_or_both_hands_keep_the_help_today_banner(tmp_path: Path) -> None:
    """The near misses: numbness known to have come on slowly over weeks (Walter), or in both hands, is not a stroke
    now, so a not-sure sign that may have come and gone keeps 'get medical help today' (or 'if none')."""
    old = {**SAM_WOKE_WITH_IT, "findings": {**SAM_WOKE_WITH_IT["findings"], "onset_gradual": True,
                                              "lasting_over_6_weeks": True}}
    plan = json.loads(_assess(old, tmp_path, "plan"))
    assert plan["title"] == "Get medical help today" and plan["caution_today"] and not plan["caution_now"]
    walter = json.loads(_assess(SPEECH_MAYBE_YESTERDAY, tmp_path, "plan"))
    assert walter["caution_today"] and not walter["caution_now"]
    attacks = {**SAM_WOKE_WITH_IT, "findings": {**SAM_WOKE_WITH_IT["findings"], "constant": False, "comes_and_goes": True}}
    assert json.loads(_assess(attacks, tmp_path, "plan"))["caution_today"]  # attacks: "if it comes back, call now"
    both = {**SAM_WOKE_WITH_IT, "findings": {**SAM_WOKE_WITH_IT["findings"], "one_hand": False, "both_hands": True}}
    plan = json.loads(_assess(both, tmp_path, "plan"))
    assert not plan["caution_now"] and plan["by_when"] != "Now."
