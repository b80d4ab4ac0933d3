"""Walkthrough F (three independent reviewers, ten people): what they found contradicting itself, as tests."""

from __future__ import annotations

from pathlib import Path

from numbwise.assess import assess
from numbwise.assess.interview import describe, start, still_line
from numbwise.assess.result import result_plan
from numbwise.kb import load
from tests.conftest import run_cli

WALTER = {"age": 70, "sex": "male", "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "worse_at_night": True, "shaking_relieves": True,
    "face_drooping": False, "arm_or_leg_weakness_sudden": False, "onset_gradual": True, "onset_sudden": False,
    "lasting_over_6_weeks": True, "diabetes": False}}
PRIYA = {"age": 31, "sex": "female", "findings": {
    "both_hands": True, "numb_thumb": True, "numb_index": True, "worse_at_night": True, "shaking_relieves": True,
    "pregnant": True, "pregnancy_warning_signs": True, "onset_gradual": True}}
LEO = {"age": 12, "sex": "male", "findings": {
    "one_hand": True, "numb_ring": True, "numb_little": True, "recent_arm_injury_or_cast": True, "onset_sudden": True,
    "head_or_neck_injury": False}}


def test_no_home_plan_beside_a_possible_stroke_and_the_reason_says_why() -> None:
    """Walter was not sure his speech went strange yesterday: a 6-week splint plan beside that was unsafe."""
    plan = result_plan(assess(WALTER), unsure=["speech_difficulty"])
    assert plan.caution and plan.numbers and plan.advice is None
    assert not any(s.id == "care" for s in plan.next_steps)
    assert plan.title == "Get medical help today" and plan.caution_today  # one path, today (walkthrough J)
    assert "can mean an emergency" in plan.why[0]
    assert "get medical help today" in plan.action and "went away" not in plan.caution
    sure = result_plan(assess({**WALTER, "findings": {**WALTER["findings"], "speech_difficulty": False}}))
    assert sure.advice is not None and sure.advice.steps  # with the sign ruled out, the home plan is back


def test_an_urgent_result_keeps_its_own_now_beside_an_unsure_emergency_sign() -> None:
    """Priya (pre-eclampsia signs, not sure about her sight) read 'get medical help today' beside 'call now'."""
    plan = result_plan(assess(PRIYA), unsure=["vision_loss_sudden"])
    assert plan.level == "urgent" and "maternity" in plan.action.lower()
    assert "today" not in plan.caution and "call your emergency number now" in plan.caution
    # walkthrough H: her maternity call holds whatever the doubt is, never "only if none of them"; walkthrough AC
    # (Aisha): the rule her yes set leads, as it is, and the doubt says its own line under it
    assert plan.title == "Contact your maternity team now" and plan.rule_leads and plan.do_heading == "What to do"
    assert "Even if" not in plan.action and "only if none" not in plan.caution
    assert "This could be an emergency" not in plan.caution


def test_the_line_above_each_question_says_the_results_own_call() -> None:
    """Leo fell off his bike: 'call your emergency number' above the questions, then 'Go to A&E' as the result."""
    iv = describe(start(12, "male"), LEO["findings"], {})
    line = still_line(iv)
    assert line is not None and "go to A&E" in line and "call your emergency number now" not in line
    stroke = describe(start(70, "male"), {"face_drooping": True}, {})
    first = load().interview.emergency_first
    line = still_line(stroke)
    # a drooping face is settled: nothing left can undo it, so no usual cause and no "if you are worried" (walkthrough Z)
    assert first is not None and line is not None and line.endswith(first.still_settled) and first.still_why_settled in line
    assert still_line(describe(start(40, "female"), {"face_drooping": False}, {})) is None


def test_the_injury_is_shown_as_a_warning_sign_beside_the_sudden_start() -> None:
    plan = result_plan(assess(LEO))
    assert [s.finding for s in plan.signs] == ["onset_sudden", "recent_arm_injury_or_cast"]
    smoker = result_plan(assess({"age": 60, "findings": {"chest_pain": True, "smoker": True}}))
    assert "smoker" not in [s.finding for s in smoker.signs]  # a risk factor is still not a warning sign


def test_the_terminal_result_has_no_home_plan_beside_an_unsure_stroke_sign(tmp_path: object) -> None:
    import json
    from pathlib import Path

    case = Path(str(tmp_path)) / "walter.json"
    case.write_text(json.dumps({**WALTER, "unsure": ["speech_difficulty"]}))
    r = run_cli("--plain", "assess", "--case", str(case), "--format", "text")
    assert r.code == 0, r.err
    assert "What you can do at home" not in r.out and "Not sure about some emergency signs" in r.out


RUTH = {"age": 62, "sex": "female", "findings": {
    "both_hands": True, "numb_thumb": True, "numb_index": True, "numb_middle": True, "numb_ring": True,
    "numb_little": True, "numb_feet": True, "onset_gradual": True, "onset_sudden": False, "onset_over_days": False,
    "lasting_over_6_weeks": True, "constant": True, "getting_worse": True, "diabetes": True, "takes_metformin": True,
    "fatigue_pallor": True, "sore_red_tongue": True, "vegan_or_vegetarian": False, "burning_pain": False}}


def test_metformin_counts_for_low_b12_not_again_for_diabetes() -> None:
    """Ruth (diabetes, metformin 10 years) read '+ You take metformin' under diabetic nerve damage: diabetes twice."""
    from numbwise.assess.ranking import model

    m = model()
    lift = dict(zip(m.causes, m.lift_present["takes_metformin"]))
    assert lift["diabetic_neuropathy"] == 0.0 and lift["low_blood_sugar"] == 0.0
    assert lift["b12_deficiency"] > 0.5
    untold = {**RUTH, "findings": {k: v for k, v in RUTH["findings"].items() if k != "sore_red_tongue"}}
    plan = result_plan(assess(untold))
    lines = {c.id: c for c in plan.causes}
    assert "takes_metformin" not in [r.finding for r in lines["diabetic_neuropathy"].towards]
    assert "takes_metformin" in [r.finding for r in lines["b12_deficiency"].towards]


def test_the_guided_path_lists_low_b12_when_its_reason_is_given_and_asks_the_tongue() -> None:
    """'Something in your answers can go with low vitamin B12' stood beside a list with no B12 cause in it."""
    from numbwise.assess.interview import outcome, simulate

    iv = simulate(RUTH["findings"], RUTH["age"], RUTH["sex"])
    assert "sore_red_tongue" in iv.asked  # the answer that tells low B12 from diabetic nerve damage is asked
    plan = result_plan(outcome(iv), unsure=list(iv.unsure))
    assert "b12_deficiency" in [c.id for c in plan.causes]
    b12 = next(w for w in plan.why if "vitamin B12" in w and "blood test" in w)
    assert "metformin" in b12 and "tired" in b12  # the answers, not "something in your answers"
    assert "Something in your answers" not in b12


def test_a_rule_that_names_a_cause_lists_it_even_when_it_is_unlikely() -> None:
    """A change in memory or mood sets off the low-B12 reason: the list then shows low B12, whatever its chance."""
    case = {"age": 55, "sex": "male", "findings": {
        "one_hand": True, "memory_or_mood_change": True, "onset_gradual": True, "shaking_relieves": True,
        "numb_thumb": True, "numb_index": True, "numb_middle": True, "worse_at_night": True}}
    a = assess(case)
    assert "ro_b12" in a.rules
    assert "b12_deficiency" in [c.id for c in result_plan(a).causes]


def test_nerve_pain_medicines_are_not_offered_to_someone_without_nerve_pain() -> None:
    """'For nerve pain, a doctor can offer ...' sat beside '- You have no burning or electric pain.'"""
    no_b12 = {**RUTH, "findings": {**RUTH["findings"], "takes_metformin": False, "fatigue_pallor": False,
                                   "sore_red_tongue": False}}
    plan = result_plan(assess(no_b12))
    assert plan.advice is not None and plan.advice.cause == "diabetic_neuropathy" and plan.advice.steps
    assert not any("nerve pain" in x for x in plan.advice.ask_doctor)
    pain = result_plan(assess({**no_b12, "findings": {**no_b12["findings"], "burning_pain": True}}))
    assert pain.advice is not None and any("nerve pain" in x for x in pain.advice.ask_doctor)
    r = run_cli("--plain", "care", "diabetic_neuropathy")
    assert r.code == 0, r.err
    assert "amitriptyline" in r.out  # the care plan page itself still offers it


def test_a_reason_naming_an_unknown_cause_or_an_offer_about_an_unknown_finding_is_refused(kb_copy: Path) -> None:
    """`names:` and a doctor's offer's `about:` are checked like every other ID in the knowledge base."""
    import pytest

    from numbwise.kb import KnowledgeError, load_from
    from tests.conftest import edit_file

    edit_file(kb_copy / "triage_rules.yaml", "    names: [b12_deficiency]\n", "    names: [low_b12]\n")
    edit_file(kb_copy / "care.yaml", "        about: burning_pain  #", "        about: nerve_pain  #")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "triage_rules.yaml: entry 'ro_b12': names unknown cause 'low_b12'" in exc.value.problems
    assert "care.yaml: entry 'diabetic_neuropathy': a doctor's offer is about unknown finding 'nerve_pain'" in exc.value.problems


def test_walkthrough_g_dan_a_new_wrist_drop_of_unknown_start_is_seen_today() -> None:
    """Dan woke with his wrist hanging after sleeping with his arm over a chair: 'a GP within days' was called unsafe,
    and three deadlines (call now, a few days, two weeks) a contradiction. A new weakness of unknown start: today."""
    dan = {"age": 45, "sex": "male", "findings": {"one_hand": True, "numb_thumb": True, "hand_weakness": True,
                                                  "after_pressure_on_arm": False, "heavy_alcohol": True}}
    plan = result_plan(assess(dan), unsure=["arm_or_leg_weakness_sudden", "onset_sudden"])
    # not sure his arm went suddenly weak, one hand numb since he woke: a possible stroke now, as without the wrist
    # drop, so the banner is the one call-now path, never "today" (walkthrough N), and never a few days or two weeks
    assert plan.level == "urgent" and plan.caution_now and plan.by_when == "Now."
    assert result_plan(assess(dan)).by_when.lower().startswith("today")  # sure of no stroke sign: seen today
    slow = result_plan(assess({**dan, "findings": {**dan["findings"], "onset_gradual": True, "onset_sudden": False}}))
    assert slow.level == "routine"  # weakness that came on slowly stays the policy's routine line
    dropping = {**dan["findings"], "comes_and_goes": True, "worse_at_night": True}
    assert assess({**dan, "findings": dropping}).triage == "routine"  # dropping things now and then, for weeks


def test_walkthrough_g_the_line_above_each_question_says_so_far_not_a_verdict() -> None:
    """Ahmed leaned on his elbow: 'your answers point to an emergency' on three screens, then a self-care result."""
    first = load().interview.emergency_first
    # walkthrough Q kept it calm: "could still be", why the questions go on, and the call advice
    assert first is not None and first.still_why.startswith("This could still be an emergency")
    assert "A few more answers can tell" in first.still_why and "call your emergency number now" in first.still
    assert all(w.text.startswith("This could still be an emergency") for w in first.still_why_for)


def test_walkthrough_g_a_cold_attack_coming_back_is_not_told_to_call_999() -> None:
    """Kai's Raynaud's attacks come back every time she is cold: 'if it comes back, call your emergency number now'
    (about her not-sure sudden start) could not be followed. The call-if-it-comes-back line names the stroke signs."""
    kai = {"age": 9, "sex": "female", "findings": {"both_hands": True, "skin_white_then_blue": True,
                                                   "triggered_by_cold_or_stress": True, "comes_and_goes": True}}
    plan = result_plan(assess(kai), unsure=["onset_sudden"])
    assert plan.caution and "If it comes back" not in plan.caution and "comes back" not in plan.caution
    assert "went away, get medical help today" not in plan.caution  # walkthrough H: her attacks come back each winter
    one_hand = result_plan(assess({**kai, "findings": {**kai["findings"], "both_hands": False, "one_hand": True}}),
                           unsure=["onset_sudden"])
    # a possible TIA: one path, help today, said once in the banner (walkthrough J), not in the caution too
    # she had none of the stroke signs: "if ... happens", never "comes back" (walkthrough N)
    assert "if a drooping face, a weak arm or leg, or strange speech happens" in one_hand.action.lower()
    assert one_hand.title == "Get medical help today" and "comes back" not in one_hand.caution
    assert "stroke" not in plan.why[0]  # Beth (cramps after thyroid surgery): the lead's reason is not about a stroke


def test_walkthrough_g_ahmeds_watch_lines_say_what_they_mean() -> None:
    """Ahmed (elbow, sudden start, eased in minutes): 'call 999 if your hand gets weak' read as the slow weakness a
    GP sees, and 'pins and needles that are there all the time' beside 'not gone within an hour: call 999'."""
    ahmed = {"age": 26, "sex": "male", "findings": {
        "one_hand": True, "numb_ring": True, "numb_little": True, "onset_sudden": True, "after_pressure_on_arm": True,
        "episode_resolved_within_hour": True, "comes_and_goes": True, "face_drooping": False, "speech_difficulty": False,
        "arm_or_leg_weakness_sudden": False, "numb_face_same_side": False, "numb_leg_same_side": False,
        "hand_weakness": False, "worse_elbow_bent": True, "constant": False}}
    plan = result_plan(assess(ahmed))
    lines = {w.text: g.level for g in plan.watch_for for w in g.items}
    assert lines.get("Your hand suddenly gets weak or clumsy, or you suddenly start dropping things.") == "emergency"
    assert "Your hand slowly gets weak or clumsy over days or weeks, or you start to drop things." not in lines
    assert not any(t.startswith("Pins and needles that are there all the time") for t in lines)


def test_walkthrough_g_tingling_after_thyroid_surgery_calls_the_surgical_team_today() -> None:
    """Beth, 5 days after surgery: 'today or within 24 hours ... your doctor's office' let her wait overnight."""
    beth = {"age": 58, "sex": "female", "findings": {"both_hands": True, "numb_around_mouth": True,
                                                     "neck_surgery_thyroid_parathyroid": True, "onset_over_days": True,
                                                     "muscle_cramps_spasms": False}}
    plan = result_plan(assess(beth))
    assert plan.level == "urgent" and "team that did your operation" in plan.action
    assert "24 hours" not in plan.by_when and "Today" in plan.by_when


def test_walkthrough_h_george_is_not_asked_his_clumsy_hands_and_walk_again() -> None:
    """George said yes to 'both hands clumsy and walking unsteady', then was asked each part again, and the result
    counted it three times."""
    from numbwise.assess.interview import answer, next_question

    iv = start(66, "male")
    asked: list[str] = []
    while (q := next_question(iv)) is not None:
        asked += list(q.findings)
        iv = answer(iv, q, {f: f == "clumsy_hands_and_unsteady_walk" for f in q.findings})
        if len(asked) > 400:
            break
    assert "clumsy_hands_and_unsteady_walk" in asked
    after = asked[asked.index("clumsy_hands_and_unsteady_walk") + 1:]
    assert "unsteady_walking" not in after and "hand_weakness" not in after
    from numbwise.assess.interview import outcome

    plan = result_plan(outcome(iv), iv.unsure)
    said = [r.finding for c in plan.causes for r in c.towards]
    assert "unsteady_walking" not in said and "hand_weakness" not in said


def test_walkthrough_h_sara_effort_discomfort_has_its_heart_attack_safety_net() -> None:
    """Sara (arm and jaw on walking uphill, eases with rest, a smoker): nothing said when to call 999, and the
    result ranked 'my arm fell asleep' first although she said no to pressure on the arm."""
    sara = {"age": 44, "sex": "female", "findings": {
        "one_hand": True, "numb_arm": True, "arm_discomfort_on_exertion": True, "smoker": True, "comes_and_goes": True,
        "episode_resolved_within_hour": True, "after_pressure_on_arm": False, "chest_pain": False}}
    plan = result_plan(assess(sara), unsure=["onset_sudden"])
    lines = {w.text: g.level for g in plan.watch_for for w in g.items}
    assert lines.get("The arm, jaw or chest discomfort comes on at rest, or does not go away within a few minutes of "
                     "resting.") == "emergency"
    assert [c.id for c in plan.causes][0] == "angina"
    carpal = result_plan(assess({"age": 44, "findings": {"numb_thumb": True, "worse_at_night": True}}))
    assert not any("discomfort comes on at rest" in w.text for g in carpal.watch_for for w in g.items)
