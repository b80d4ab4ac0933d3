"""A rule's own advice (act:) replaces its level's generic advice only where every rule that set the level has one.

The walkthrough found a pre-eclampsia result told to call a GP or 111 while its reason said "contact your
maternity unit now", and a tight-cast result given the stroke advice about swallowing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from numbwise.assess import assess
from numbwise.assess.result import result_plan
from numbwise.kb import KnowledgeError, load, load_from
from tests.conftest import assess_cli, edit_file

PREGNANCY = {"age": 31, "sex": "female", "findings": {"pregnant": True, "pregnancy_warning_signs": True,
                                                      "numb_thumb": True, "numb_index": True, "one_hand": True}}
CAST = {"age": 40, "sex": "male", "findings": {"recent_arm_injury_or_cast": True, "cast_tight_or_severe_pain": True}}
STROKE = {"age": 70, "sex": "male", "findings": {"face_drooping": True, "onset_sudden": True, "one_hand": True}}
MIXED = {"age": 70, "sex": "male", "findings": {"face_drooping": True, "cast_tight_or_severe_pain": True}}
SWALLOWING = "Do not eat or drink if you have trouble swallowing."


def _levels() -> Any:
    return load().triage.levels


def _act(rule_id: str) -> Any:
    return next(r.act for r in load().triage.rules if r.id == rule_id)


def _assess_text(case: dict[str, Any], tmp_path: Path) -> str:
    """The terminal result of `numbwise assess --case FILE --format text`, one line per wrapped item."""
    return assess_cli(case, tmp_path)


def test_the_pregnancy_result_sends_to_the_maternity_team_not_the_generic_gp_line(tmp_path: Path) -> None:
    plan = result_plan(assess(PREGNANCY))
    urgent = _levels()["urgent"]
    assert plan.level == "urgent"
    assert plan.action == _act("ur_pregnancy_signs").action and "maternity unit" in plan.action
    assert plan.action != urgent.action and not set(urgent.do) & set(plan.do)
    text = _assess_text(PREGNANCY, tmp_path)
    assert "maternity unit or midwife now" in text and "CONTACT YOUR MATERNITY TEAM NOW" in text
    assert urgent.action not in text and "Call your doctor's office or an urgent care clinic today." not in text


def test_the_tight_cast_result_has_no_stroke_lines_and_says_not_to_cut_the_cast(tmp_path: Path) -> None:
    plan = result_plan(assess(CAST))
    assert plan.level == "emergency" and plan.numbers  # still an emergency, with the call links
    assert SWALLOWING not in plan.do_not and "A&E" in plan.action
    text = _assess_text(CAST, tmp_path)
    assert "trouble swallowing" not in text and "Note the time your symptoms started" not in text
    assert "If you have a cast or bandage, do not cut, loosen or take it off yourself." in text and "GO TO A&E (THE EMERGENCY DEPARTMENT) NOW" in text


def test_a_stroke_result_keeps_the_generic_emergency_advice(tmp_path: Path) -> None:
    plan = result_plan(assess(STROKE))
    emergency = _levels()["emergency"]
    heart = {o.line for o in emergency.only_for if o.rules == ["em_heart"]}  # a heart attack's aspirin, not a stroke's
    assert (plan.title, plan.action, plan.do, plan.do_not) == (
        emergency.title, emergency.action, tuple(d for d in emergency.do if d not in heart), tuple(emergency.do_not))
    text = _assess_text(STROKE, tmp_path)
    assert emergency.action in text and SWALLOWING in text


def test_stroke_and_tight_cast_keep_the_stroke_advice_and_add_the_cast_lines(tmp_path: Path) -> None:
    plan = result_plan(assess(MIXED))
    emergency, cast = _levels()["emergency"], _act("em_tight_cast")
    assert plan.title == emergency.title and plan.action == emergency.action  # the generic level leads
    heart = {o.line for o in emergency.only_for if o.rules == ["em_heart"]}  # a heart attack's aspirin, not a stroke's
    assert plan.do == (*(d for d in emergency.do if d not in heart), cast.also)
    assert plan.do_not == (*emergency.do_not, *cast.do_not)
    text = _assess_text(MIXED, tmp_path)
    assert SWALLOWING in text and cast.also in text and "If you have a cast or bandage, do not cut, loosen or take it off yourself." in text
    assert "GO TO A&E (THE EMERGENCY DEPARTMENT) NOW" not in text


def test_two_rules_with_acts_merge_without_repeating_a_line() -> None:
    """Chemotherapy with fever and a tight cast: both acts, both actions, each line once."""
    case = {"age": 50, "sex": "female", "findings": {"chemotherapy": True, "fever": True, "cast_tight_or_severe_pain": True}}
    plan = result_plan(assess(case))
    chemo, cast = _act("em_chemo_fever"), _act("em_tight_cast")
    assert chemo.action in plan.action and cast.action in plan.action
    assert plan.title == _levels()["emergency"].title  # the two acts' titles differ: the level's
    # a fever said yes: its lines worded for a fever (not the feet's: her feet were not asked, walkthrough Z)
    said = {r.line: r.instead for r in chemo.reworded if "numb_feet" not in r.when.finding_ids()}
    assert len(set(plan.do)) == len(plan.do) and {said.get(d, d) for d in chemo.do} | set(cast.do) == set(plan.do)


def test_a_level_raised_by_the_coherence_rule_alone_keeps_the_generic_advice() -> None:
    """No rule of that level fired (the ranking raised it), so there is no act to use (holdout case h2-059)."""
    case = {"age": 69, "sex": "male", "findings": {
        "onset_sudden": True, "lasting_over_6_weeks": True, "constant": True, "one_hand": True, "numb_face_same_side": True,
        "vascular_risk": True, "face_drooping": False, "speech_difficulty": False, "arm_or_leg_weakness_sudden": False}}
    result = assess(case)
    assert result.triage == "urgent" and "coherence" in result.rules
    plan = result_plan(result)
    assert (plan.action, plan.do) == (_levels()["urgent"].action, tuple(_levels()["urgent"].do))


def test_an_act_on_a_routine_rule_is_refused(kb_copy: Path) -> None:
    edit_file(kb_copy / "triage_rules.yaml", "    when: constant\n    sources: [nhs_pins_needles]\n",
          "    when: constant\n    act:\n      action: Book a visit.\n      sources: [nhs_pins_needles]\n    sources: [nhs_pins_needles]\n")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "triage_rules.yaml: entry 'ro_constant': only emergency and urgent rules carry an act" in exc.value.problems


def test_an_act_needs_known_sources_and_known_keys(kb_copy: Path) -> None:
    edit_file(kb_copy / "triage_rules.yaml", "      sources: [nhs_pre_eclampsia, uhliverpool_maternity_concerns]",
          "      sources: [no_such_source]")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "triage_rules.yaml: entry 'ur_pregnancy_signs.act': unknown source 'no_such_source'" in exc.value.problems
    edit_file(kb_copy / "triage_rules.yaml", "      sources: [no_such_source]", "      colour: red\n      sources: [nhs_pre_eclampsia]")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any(p.startswith("triage_rules.yaml: field 'rules.") and "act.colour" in p for p in exc.value.problems)


ARM = {"age": 40, "sex": "male", "findings": {"recent_arm_injury_or_cast": True}}
TIGHT_CAST_LINE = "You have a cast or bandage and it feels too tight, or the pain or swelling keeps getting worse."


def test_the_arm_injury_result_leaves_a_tight_cast_to_the_emergency_watch_line(tmp_path: Path) -> None:
    """The walkthrough: the urgent act said 'Go to A&E now if the cast feels too tight' under a watch-for list
    that says 'call your emergency number now', and 'at or above the heart' next to em_tight_cast's 'level with'."""
    plan = result_plan(assess(ARM))
    assert plan.level == "urgent"
    assert not any("tight" in line for line in plan.do + plan.do_not)
    emergency = next(g for g in plan.watch_for if g.level == "emergency")
    assert TIGHT_CAST_LINE in [w.text for w in emergency.items]
    text = _assess_text(ARM, tmp_path)
    assert "Go to A&E now if the cast" not in text
    assert text.index("Call your emergency number now if") < text.index(TIGHT_CAST_LINE)
    urgent, tight = _act("ur_after_arm_injury"), _act("em_tight_cast")
    assert not any("above" in line for line in urgent.do + tight.do)
    assert any("level with your heart" in line for line in urgent.do)
    assert any("level with your heart" in line for line in tight.do)


def test_a_tight_cast_line_is_only_for_someone_with_an_arm_injury_or_cast(tmp_path: Path) -> None:
    case = {"age": 40, "sex": "female", "findings": {"numb_thumb": True, "numb_index": True, "worse_at_night": True}}
    plan = result_plan(assess(case))
    assert TIGHT_CAST_LINE not in [w.text for g in plan.watch_for for w in g.items]
    assert TIGHT_CAST_LINE not in _assess_text(case, tmp_path)


def test_the_tight_cast_reason_asks_for_care_now_like_its_banner(tmp_path: Path) -> None:
    """The walkthrough: 'It needs care within hours' under a banner saying 'Now. Do not wait'."""
    text = _assess_text(CAST, tmp_path)
    why = next(r.why for r in load().triage.rules if r.id == "em_tight_cast")
    assert why.endswith("needs care now.") and " ".join(why.split()) in text
    assert "within hours" not in text and "Now. Do not wait" in text


FALL = {"age": 9, "sex": "female", "findings": {"onset_sudden": True, "recent_arm_injury_or_cast": True, "one_hand": True,
                                                "numb_thumb": True, "numb_index": True}}


def test_sudden_numbness_with_an_arm_injury_is_a_broken_arm_emergency_not_a_stroke(tmp_path: Path) -> None:
    """A walkthrough: a 9-year-old whose fingers went numb as she fell on her hand was told it 'can be a
    mini-stroke' and to note the time for the stroke team. Still an emergency; the injury's own advice."""
    plan = result_plan(assess(FALL))
    injury = _act("em_sudden_after_arm_injury")
    assert plan.level == "emergency" and plan.numbers
    assert (plan.title, plan.action) == (injury.title, injury.action)
    text = _assess_text(FALL, tmp_path)
    assert "mini-stroke" not in text and SWALLOWING not in text and "GO TO A&E (THE EMERGENCY DEPARTMENT) NOW" in text
    assert "Do not eat or drink until a doctor has checked the arm" in text
    stroke = {**FALL, "findings": {**FALL["findings"], "face_drooping": True}}
    plan = result_plan(assess(stroke))  # a stroke sign with it: the stroke advice leads, the injury adds its line
    assert plan.action == _levels()["emergency"].action and injury.also in plan.do


def test_a_rule_stands_in_only_for_one_of_its_own_level(kb_copy: Path) -> None:
    edit_file(kb_copy / "triage_rules.yaml", "    supersedes: [em_sudden_one_side, em_sudden_both_hands, em_sudden_weakness]",
              "    supersedes: [em_sudden_one_side, ro_constant]")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("em_sudden_after_arm_injury" in p and "'ro_constant'" in p for p in exc.value.problems)


def test_a_head_injury_beside_a_stroke_rule_never_says_unlock_the_door(tmp_path: Path) -> None:
    """Walkthrough 5: a fall onto the head with sudden numbness read 'unlock the door and sit or lie down' beside
    'do not get up and walk about', and 'do not drive yourself' twice."""
    case = {"age": 45, "sex": "male", "findings": {"onset_sudden": True, "head_or_neck_injury": True, "one_hand": True}}
    plan = result_plan(assess(case))
    assert set(assess(case).rules) >= {"em_injury", "em_sudden_one_side"}
    lines = plan.do + plan.do_not
    assert not any("unlock the door" in line for line in lines)
    assert sum("drive yourself" in line for line in lines) == 1


def test_an_act_may_drop_only_its_levels_own_lines(kb_copy: Path) -> None:
    edit_file(kb_copy / "triage_rules.yaml", "        - If you can, unlock the door and sit or lie down in a safe place.\n        - Do not drive yourself to the hospital.\n      sources: [stelizabeth",
              "        - Unlock nothing.\n      sources: [stelizabeth")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert any("em_injury" in p and "drops a line its level does not have" in p for p in exc.value.problems)


PRESSURE_STORY = {"onset_sudden": True, "one_hand": True, "numb_whole_hand": True, "after_pressure_on_arm": True,
                  "hand_weakness": False, "numb_face_same_side": False, "numb_leg_same_side": False, "speech_difficulty": False}


def test_a_pressure_story_that_has_not_gone_says_why_it_is_still_an_emergency() -> None:
    """He said he slept on his arm: the result says why that does not settle it, and never claims it has gone."""
    plan = result_plan(assess({"age": 28, "sex": "male", "findings": {**PRESSURE_STORY, "episode_resolved_within_hour": False}}))
    assert plan.level == "emergency"
    assert any(line.startswith("You said it began after pressure on your arm") for line in plan.why)
    assert not any("already gone away" in line for line in plan.why)


def test_no_but_line_for_someone_who_did_not_say_it_or_whose_exception_held() -> None:
    other = result_plan(assess({"age": 28, "findings": {**PRESSURE_STORY, "after_pressure_on_arm": False}}))
    assert other.level == "emergency" and not any("pressure on your arm" in line for line in other.why)
    held = result_plan(assess({"age": 28, "findings": {**PRESSURE_STORY, "episode_resolved_within_hour": True}}))
    assert held.level == "self_care" and not any("We only call that harmless" in line for line in held.why)
    # the exception held: its story says why the sudden start did not count (walkthrough J), never the 'but' line
    assert any(line.startswith("It came on suddenly, but after pressure") for line in held.why)


def test_a_but_line_must_explain_one_of_its_rules_exceptions(kb_copy: Path) -> None:
    edit_file(kb_copy / "triage_rules.yaml", "      - said: skin_white_then_blue\n", "      - said: fever\n")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "triage_rules.yaml: entry 'em_sudden_both_hands': 'but' answer 'fever' is not part of its 'unless'" in exc.value.problems


HYPO = {"age": 58, "sex": "male", "findings": {"diabetes": True, "insulin_or_sulfonylurea": True, "confusion": True,
                                               "cold_sweat_nausea": True, "low_sugar_symptoms": True}}
THYROID = {"age": 60, "sex": "female", "findings": {"neck_surgery_thyroid_parathyroid": True, "muscle_cramps_spasms": True,
                                                    "onset_over_days": True, "numb_around_mouth": True}}


def test_a_confused_sweating_person_on_insulin_is_told_about_sugar_beside_the_stroke_advice(tmp_path: Path) -> None:
    """Walkthrough 11: a hypo read only as stroke and heart attack ("note the time"), with no word of sugar."""
    plan = result_plan(assess(HYPO))
    assert plan.level == "emergency" and plan.numbers
    also = _act("em_low_sugar_signs").also
    # confused with signs of low blood sugar: that rule's line, first aid first and no "if you have diabetes" to
    # someone who said so (walkthrough O, Priya)
    assert plan.do[0] == _act("em_low_sugar_confused").also and "sugary drink" in plan.do[0]
    assert also not in plan.do and not any("If you have diabetes" in d for d in plan.do)
    assert any("low blood sugar" in w for w in plan.why)
    # the stroke advice stays (it may still be a stroke), and the two do-not lines agree about swallowing
    assert plan.action == _levels()["emergency"].action
    assert "Do not give food or drink to someone who is drowsy or cannot swallow safely." in plan.do_not
    text = _assess_text(HYPO, tmp_path)
    assert "sugary drink" in text
    no_diabetes = {**HYPO, "findings": {"confusion": True, "cold_sweat_nausea": True, "diabetes": False}}
    assert not any("sugar" in d for d in result_plan(assess(no_diabetes)).do)
    # the first screen can end the check before diabetes is asked: the partner reading it still learns what to do
    first_screen = {**HYPO, "findings": {"confusion": True, "cold_sweat_nausea": True}}
    assert also in result_plan(assess(first_screen)).do


def test_cramps_after_thyroid_surgery_get_the_calcium_advice_not_the_stroke_list() -> None:
    """Walkthrough 11: "note the time your symptoms started" and nothing about calcium after a thyroid operation."""
    plan = result_plan(assess(THYROID))
    assert plan.level == "emergency" and plan.numbers
    assert "calcium" in plan.action and SWALLOWING not in plan.do_not
    assert not any("time your symptoms started" in d for d in plan.do)
