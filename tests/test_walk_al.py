"""Walkthrough AL: what independent reviewers found on the final round of issue 11, each with a hit, a near miss and
an unknown case.

Lena, 31, 30 weeks pregnant, carpal tunnel at night: asked about zigzags, flashes or blind spots (the migraine
question), the result said "A yes would not make this more urgent" under a top that said "problems seeing ... call
your maternity unit or midwife now"; a yes left the level and its words as they were. Flashing lights are one of the
NHS's pre-eclampsia vision problems, so in pregnancy the yes is one of those warning signs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import json

from tests.conftest import assess_cli, care_command, parse_json, run_cli, with_findings

LENA = {"age": 31, "sex": "female", "findings": {"pregnant": True, "both_hands": True, "worse_at_night": True,
                                                 "numb_thumb": True, "numb_index": True}}
MATERNITY_NOW = "CONTACT YOUR MATERNITY TEAM NOW"


def _flags(case: dict[str, Any], tmp_path: Path) -> tuple[str, list[str]]:
    """The level and red flags `numbwise assess --format json` gives these answers (the not-sure ones too)."""
    out = json.loads(assess_cli(case, tmp_path, "json"))
    return out["triage"], out["red_flags"]


def test_hit_flashes_in_pregnancy_send_to_the_maternity_team_now(tmp_path: Path) -> None:
    case = with_findings(LENA, ("pregnancy_warning_signs",), visual_aura=True)
    assert _flags(case, tmp_path) == ("urgent", ["pregnant", "visual_aura"])
    text = assess_cli(case, tmp_path)
    assert MATERNITY_NOW in text and "You see zigzags, flashes or blind spots with it." in text
    assert "You were not sure about the warning signs in pregnancy" not in text  # the yes says them


def test_near_miss_flashes_when_not_pregnant_are_not_a_pregnancy_sign(tmp_path: Path) -> None:
    case = with_findings(LENA, pregnant=False, visual_aura=True)
    assert "visual_aura" not in _flags(case, tmp_path)[1]
    assert MATERNITY_NOW not in assess_cli(case, tmp_path)


def test_unknown_pregnancy_with_flashes_is_never_calmer_than_the_pregnancy_doubt(tmp_path: Path) -> None:
    """Not sure she is pregnant: the flashes are not counted as a pregnancy sign, and the level is not lowered."""
    case = with_findings({**LENA, "findings": {k: v for k, v in LENA["findings"].items() if k != "pregnant"}},
                 ("pregnant",), visual_aura=True)
    level, flags = _flags(case, tmp_path)
    assert "visual_aura" not in flags and level in ("routine", "urgent")
    assert MATERNITY_NOW not in assess_cli(case, tmp_path)


ANYONE = "It does not know your answers. If a check or a doctor told you to get help first, do that first."


def test_hit_the_care_command_with_no_answers_says_it_does_not_know_them() -> None:
    """Lena's terminal face: `numbwise care carpal_tunnel`, as Learn names it, says the note above its home steps."""
    run = run_cli("--plain", "care", "carpal_tunnel")
    out = " ".join(run.out.split())
    assert run.code == 0 and ANYONE in out and out.index(ANYONE) < out.index("Wear a wrist splint at night"), out


def test_near_miss_a_results_care_command_says_that_result_instead(tmp_path: Path) -> None:
    from tests.web.test_walk_af_care_web import ZOE

    case = {"age": 34, "sex": "female", "findings": ZOE["findings"]}
    cmd = care_command(assess_cli(case, tmp_path))
    run = run_cli("--plain", *cmd)
    out = " ".join(run.out.split())
    assert run.code == 0 and "YOUR RESULT SAID" in out and ANYONE not in out, out


# --- own words: a part said is not the whole ------------------------------------------------------------------------

def _read(text: str) -> tuple[dict[str, Any], list[Any], list[Any]]:
    out = parse_json(text)
    return out["findings"], out["unsure"], out["partial"]  # type: ignore[return-value]


LUCY = ("I'm a 30 year old woman. I've had tingling in my feet and hands for about three months. I'm really tired all "
        "the time and I get out of breath on the stairs.")


def test_hit_lucys_breath_on_the_stairs_is_not_read_as_new() -> None:
    """Lucy: the "I'm" was her tiredness's and the stairs say when, not since when: the question asks."""
    findings, _, _ = _read(LUCY)
    assert "shortness_of_breath" not in findings


def test_near_miss_new_words_in_the_breaths_own_clause_or_after_it_still_count() -> None:
    assert _read("My hands tingle and I'm short of breath")[0].get("shortness_of_breath") is True
    assert _read("I get out of breath walking now, more than before")[0].get("shortness_of_breath") is True


def test_unknown_a_breathless_word_with_no_new_words_is_asked_not_denied() -> None:
    findings, _, _ = _read("Lately, my hands tingle. I get out of breath on the stairs.")
    assert "shortness_of_breath" not in findings  # neither yes nor no: the emergency screen asks it


HELEN = ("My mum is 80. About 30 minutes ago the left side of her face and her left arm went numb and it is still "
         "there. I think her smile looks a bit lopsided but I'm not sure.")


def test_hit_helens_numb_side_of_the_face_is_not_a_droop_and_the_doubt_stands() -> None:
    findings, unsure, _ = _read(HELEN)
    assert findings.get("numb_face_same_side") is True and "face_drooping" not in findings
    assert "face_drooping" in unsure


def test_near_miss_a_weak_side_of_the_face_is_still_a_droop() -> None:
    assert _read("Since this morning the left side of his face is weak and his left hand is numb.")[0].get(
        "face_drooping") is True


SARA = ("I'm 45. Both my hands tingle at night, it's been about two months. I'm tired all the time and I've put on "
        "weight. My thyroid has never been tested.")


def test_hit_saras_weight_alone_is_not_cold_weight_and_slow() -> None:
    findings, _, partial = _read(SARA)
    assert "cold_intolerance_weight_gain" not in findings and "cold_intolerance_weight_gain" in partial


def test_near_miss_feeling_the_cold_with_weight_is_the_sign() -> None:
    assert _read("Always freezing, put on weight, and my hands tingle at night.")[0].get(
        "cold_intolerance_weight_gain") is True


def test_unknown_weight_and_slowness_without_the_cold_are_asked() -> None:
    findings, _, partial = _read("I've put on weight and feel sluggish, and my hands tingle at night.")
    assert "cold_intolerance_weight_gain" not in findings and "cold_intolerance_weight_gain" in partial


def test_the_b12_test_step_never_says_a_slower_time_than_a_result_for_today() -> None:
    """Lucy: "See a doctor today" above "How long: Book the test in the next week or two"; the step now says the next
    visit, which under a result for today is today's."""
    run = run_cli("--plain", "care", "b12_deficiency", "--yes", "vegan_or_vegetarian,both_hands,numb_feet",
                  "--unsure", "shortness_of_breath")
    out = " ".join(run.out.split())
    assert run.code == 0 and "YOUR RESULT SAID: SEE A DOCTOR TODAY" in out, out
    assert "Ask for it when you see your doctor about the numbness" in out and "Book the test in the next week or two" not in out


# --- the result's words ---------------------------------------------------------------------------------------------

OMAR = {"age": 48, "sex": "male", "findings": {"heavy_alcohol": True, "numb_feet": True, "both_hands": True,
                                               "unsteady_walking": True, "onset_gradual": True,
                                               "lasting_over_6_weeks": True, "constant": True}}


def test_hit_omars_causes_say_which_fits_best_beside_we_cannot_tell_yet(tmp_path: Path) -> None:
    """Omar: "We can't tell yet what is causing it." above "Alcohol-related neuropathy (about 7 in 10)"."""
    text = assess_cli(OMAR, tmp_path)
    assert "We can't tell yet for sure what is causing it. So far, alcohol-related neuropathy fits your answers best." in text
    assert "We can't tell yet what is causing it." not in text


def test_near_miss_causes_told_apart_still_say_most_likely(tmp_path: Path) -> None:
    from tests.web.test_walk_af_care_web import ZOE

    text = assess_cli({"age": 34, "sex": "female", "findings": ZOE["findings"]}, tmp_path)
    assert "Most likely: Carpal tunnel syndrome." in text and "We can't tell yet" not in text


DEV = {"age": 45, "sex": "male", "findings": {"after_pressure_on_arm": True, "episode_resolved_within_hour": True,
                                              "one_hand": True}, "unsure": ["arm_or_leg_weakness_sudden"]}


def test_hit_devs_emergency_doubt_says_it_could_be_one_not_that_the_level_is_unknown(tmp_path: Path) -> None:
    """Dev: "We can't tell yet how urgent this is." under "GET MEDICAL HELP TODAY" read as a contradiction."""
    text = assess_cli(DEV, tmp_path)
    assert "This could be an emergency. If you think a sign you were not sure about might be true now" in text, text
    assert "can't tell yet how urgent" not in text


def test_one_hand_or_both_is_asked_after_words_that_do_not_say_whatever_the_sampled_answers() -> None:
    """Rosa's words name no hand; whether the finger picker came next hung on the draw of the sampled answers (a new
    rule's findings shifted the draw, and her headline changed). Now it is asked for every draw."""
    import random
    from dataclasses import replace

    from numbwise.assess.interview import answer, next_question
    from tests.test_walk_ad_rosa_length import ROSA_WORDS, _start

    iv = _start(ROSA_WORDS)
    q = next_question(iv)
    assert q is not None and q.id == "screen_emergency"
    iv = replace(answer(iv, q, {f: False for f in q.findings}), age=60, sex="female")
    q = next_question(iv)
    assert q is not None and q.id == "onset"
    iv = answer(iv, q, {})  # not sure how it started
    asked = {getattr(next_question(iv, random.Random(seed)), "kind", None) for seed in range(12)}
    assert asked == {"fingers"}, asked


# --- "Your answers" -------------------------------------------------------------------------------------------------

def test_hit_pauls_unasked_signs_are_not_left_blank_after_no_to_all_i_left_blank() -> None:
    """Paul: a yes to chest pain settled the call; "No to all I left blank" did not make the rest noes (they were
    never asked), and the list said "Left blank (not known)" of 17 signs he had answered with that button."""
    from numbwise.assess.interview import answer, next_question, settled_emergency, start
    from numbwise.assess.lists import list_step
    from numbwise.assess.summary import NOT_NEEDED, answered

    iv = start(55, "male")
    q = next_question(iv)
    assert q is not None and q.id == "screen_emergency"
    marks = {"chest_pain": True, "cold_sweat_nausea": True}
    iv = answer(iv, q, *list_step(iv, q, marks, "no", 12))
    assert settled_emergency(iv)
    rows = dict(answered(iv.history, iv.age, iv.sex, settled=True))
    said = rows[q.text]
    assert said.startswith("Yes: ") and NOT_NEEDED in said and "Left blank" not in said, said
    # near miss: not settled (a face that did not say so) keeps the plain words
    assert "Left blank (not known)" in dict(answered(iv.history, iv.age, iv.sex))[q.text]


def test_hit_kens_none_of_these_says_the_signs_in_his_words_were_not_asked_again() -> None:
    from numbwise.assess.interview import answer, describe, next_question, start
    from numbwise.assess.summary import NONE_OF_THE_REST, answered

    iv = describe(start(58, "male"), {"both_hands": True}, None, ("speech_difficulty",))
    q = next_question(iv)
    assert q is not None and q.id == "screen_emergency" and "speech_difficulty" not in q.findings
    iv = answer(iv, q, {f: False for f in q.findings})
    assert dict(answered(iv.history, iv.age, iv.sex))[q.text] == NONE_OF_THE_REST
    # near miss: step by step, the whole list answered none is plain "None of these"
    iv2 = start(58, "male")
    q2 = next_question(iv2)
    assert q2 is not None
    iv2 = answer(iv2, q2, {f: False for f in q2.findings})
    assert dict(answered(iv2.history, iv2.age, iv2.sex))[q2.text] == "None of these"


# --- walkthrough AM -------------------------------------------------------------------------------------------------

KOFI = {"age": 58, "sex": "male", "foot_sore": True, "findings": {
    "diabetes": True, "numb_feet": True, "both_hands": True, "onset_gradual": True, "lasting_over_6_weeks": True,
    "constant": True, "getting_worse": True}, "unsure": ["fever"]}
FOOT_TEAM = "You told us about a sore on your foot, or a foot that is red, hot or swollen. Contact your GP, practice nurse or foot team today"


def test_hit_kofis_sore_still_leads_beside_a_not_sure_fever(tmp_path: Path) -> None:
    """Kofi (AM): with fever not sure, the foot team, weight off the foot and A&E-if-unwell left the top, and the
    home step said "If you find a sore" of the sore he had reported."""
    text = assess_cli(KOFI, tmp_path)
    top = " ".join(text[:text.index("By when:")].split())
    assert "You told us about a sore on your foot, or a foot that is red, hot or swollen." in top and "Keep your weight off that foot" in top, top
    assert "Contact your GP, practice nurse or foot team today" in top and "whether you have a fever" in top, top
    assert "Get the foot you told us about checked" in text and "If you find a sore" not in text


def test_near_miss_no_sore_no_foot_words(tmp_path: Path) -> None:
    text = assess_cli({**KOFI, "foot_sore": False}, tmp_path)
    assert FOOT_TEAM not in text and "The sore you told us about" not in text


def test_unknown_fever_answered_no_keeps_the_foot_banner_itself(tmp_path: Path) -> None:
    text = assess_cli({**KOFI, "unsure": [], "findings": {**KOFI["findings"], "fever": False}}, tmp_path)
    assert text.startswith("URGENCY: GET YOUR FOOT CHECKED TODAY") and text.count("practice nurse or foot team") == 1


def test_hit_helens_daughter_typing_for_her_is_no_trigger_and_no_job() -> None:
    findings, _, _ = _read("I'm typing for my mum, she is 80. About half an hour ago the left side of her face and her "
                           "left arm went numb.")
    assert "worse_with_gripping" not in findings and "repetitive_hand_work" not in findings


def test_near_miss_typing_for_hours_still_brings_it_on() -> None:
    findings, _, _ = _read("typing for hours makes my fingers tingle")
    assert findings.get("worse_with_gripping") is True


def test_hit_lucys_doubt_about_new_breathlessness_confirms_nothing() -> None:
    findings, _, _ = _read("I'm tired and I get out of breath on the stairs, but I'm not sure that's new.")
    assert "shortness_of_breath" not in findings


def test_unknown_no_supplements_that_she_is_sure_of_is_no_firm_no() -> None:
    assert "b6_supplements" not in _read("I take no supplements that I'm sure of. My hands tingle.")[0]
    assert _read("I take no supplements. My hands tingle.")[0].get("b6_supplements") is False  # near miss


def test_hit_lenas_not_sure_pregnancy_signs_say_call_the_maternity_unit_now_not_today(tmp_path: Path) -> None:
    """Lena (AM): "If any of these might be true, see a doctor today" under a top that said "call your maternity unit
    or midwife now" for the same signs."""
    text = assess_cli(with_findings(LENA, ("pregnancy_warning_signs", "visual_aura")), tmp_path)
    group = text[text.index("You were not sure about these signs, which need help now"):]  # no "today" (AP)
    group = group[:group.index("Why this level")]
    assert "If any of these might be true: Call your maternity unit or midwife now." in group, group
    assert "see a doctor today" not in group, group


def test_near_miss_a_not_sure_fever_still_says_today(tmp_path: Path) -> None:
    text = assess_cli({**KOFI, "foot_sore": False}, tmp_path)
    assert "If any of these might be true, see a doctor today." in text and "maternity" not in text


def test_unknown_both_kinds_of_doubt_say_each_its_own_speed(tmp_path: Path) -> None:
    text = assess_cli(with_findings(LENA, ("pregnancy_warning_signs", "fever")), tmp_path)
    assert "If one of the warning signs in pregnancy might be true: Call your maternity unit or midwife now." in text
    assert "If any of the others might be true, see a doctor today." in text


def test_devs_waking_answer_is_said_as_he_picked_it_in_your_answers() -> None:
    """Dev picked "I don't know how fast it came, for example I first noticed it on waking" and the printed answers said
    "Not sure"; the two are saved alike, so both are said."""
    from numbwise.assess.interview import answer, next_question, start
    from numbwise.assess.summary import answered

    iv = start(45, "male")
    q = next_question(iv)
    assert q is not None
    iv = answer(iv, q, {f: False for f in q.findings})
    q = next_question(iv)
    assert q is not None and q.id == "onset"
    iv = answer(iv, q, {})
    assert dict(answered(iv.history))[q.text] == "Not sure, or: I don't know how fast it came, for example I first noticed it on waking"


def test_hit_joans_normal_temperature_is_no_fever_said() -> None:
    assert "fever" not in _read("My hands tingle. I checked my temperature, it was normal, 36.5")[0]


def test_near_miss_a_high_temperature_is_still_a_fever() -> None:
    assert _read("My hands tingle. I have a temperature of 38.2")[0].get("fever") is True
    # 37.6 is a fever only during or after chemotherapy (CRUK); otherwise the question asks (NHS: 38 or more)
    assert "fever" not in _read("My hands tingle. temperature was 37.6 this morning, I feel fine")[0]
    assert _read("On chemo. My hands tingle. temperature was 37.6 this morning")[0].get("fever") is True


LEO_WORDS = "My son banged his funny bone at football yesterday, since then his ring and little fingers tingle on and off"


def test_leos_screen_before_a_result_of_go_to_a_and_e_never_said_call_now_plainly() -> None:
    """Leo, 9 (AN): "Call your emergency number now" on the screen before a result of "Go to A&E now" read as the
    advice lowered; the screen now says the questions left may change where to go, and to call if in doubt."""
    from tests.conftest import check_cli

    out = check_cli("\n\n9\nm\n1\ny\n" + "\n" * 12, "--describe", LEO_WORDS)
    before, result = out.split("URGENCY:", 1)
    assert "If you are not sure what to do, call your emergency number now." in before
    assert "Call your emergency number now if you have not yet" not in before
    assert result.startswith(" GO TO A&E (THE EMERGENCY DEPARTMENT) NOW"), result[:80]


AMIR: dict[str, Any] = {"age": 14, "sex": "male", "findings": {
    "one_hand": True, "numb_thumb": True, "numb_index": True, "comes_and_goes": True, "worse_with_gripping": True,
    "repetitive_hand_work": True, "onset_gradual": True, "lasting_over_6_weeks": False, "constant": False}}
CHILD_FIRST = "See a doctor before you try these steps. Carpal tunnel syndrome is rare in children"


def test_hit_amirs_care_plan_from_his_saved_check_knows_he_is_a_boy_of_14(tmp_path: Path) -> None:
    """Amir (AN): `numbwise care` for his latest check said "If you are pregnant, tell your midwife" and offered a
    splint first, then "if the numb hand belongs to a child ... see a doctor before you try these steps"."""
    from tests.test_walk_y_care_speed import _care, _kept, _result

    _, _, result_json = _result(AMIR, tmp_path)
    care = _care("--db", _kept(AMIR, result_json, tmp_path), "care")
    assert "pregnant" not in care and "midwife" not in care, care
    steps = care[care.index("WHAT TO TRY FIRST"):]
    assert steps.index(CHILD_FIRST) < steps.index("Wear a wrist splint"), steps[:400]
    assert "If the numb hand belongs to a child" not in care and "These steps are for while you wait" not in care


def test_near_miss_an_adults_plan_keeps_while_you_wait_and_no_child_line(tmp_path: Path) -> None:
    out = " ".join(run_cli("--plain", "care", "carpal_tunnel", "--age", "34", "--sex", "female", "--no",
                           "pregnant").out.split())
    assert "These steps are for while you wait" in out and CHILD_FIRST not in out


def test_rosas_year_in_her_words_is_not_asked_again_as_how_long() -> None:
    """Rosa (AO): "for the past year" said more than six weeks, then "How long have you had this numbness?" was asked
    with no word of it, and "8 days to 6 weeks" silently replaced it. Now it is not asked after a yes to six weeks."""
    from tests.test_walk_ad_rosa_length import NOT_SURE, ROSA_FINGERS, ROSA_YES, _keys

    words = ("I'm 55 with rheumatoid arthritis. For the past year, in the cold the fingers on both my hands go white, "
             "then blue, and tingle.")
    _, ids = _keys(words, ROSA_YES | {"lasting_over_6_weeks"}, NOT_SURE, ROSA_FINGERS, NOT_SURE, age=55)
    assert "how_long" not in ids, ids
    # near miss: words that say no length (the AD story) are still asked it once
    from tests.test_walk_ad_rosa_length import ROSA_WORDS

    assert _keys(ROSA_WORDS, ROSA_YES, NOT_SURE, ROSA_FINGERS, NOT_SURE)[1].count("how_long") == 1


def test_lenas_not_sure_pregnancy_signs_lead_with_the_maternity_call_not_today(tmp_path: Path) -> None:
    """Lena (AO): "By when: Today" above "If this might be true: Call your maternity unit or midwife now" for one doubt:
    the doubt now leads with the maternity team's call, as a yes does."""
    text = assess_cli(with_findings(LENA, ("pregnancy_warning_signs",)), tmp_path)
    assert text.startswith("URGENCY: CALL YOUR MATERNITY TEAM NOW TO CHECK"), text[:200]
    top = text[:text.index("What to do")]
    assert "By when: Now." in top and "see a doctor today" not in top.lower()
    # near miss: a yes says the same call, in its own title
    assert assess_cli(with_findings(LENA, pregnancy_warning_signs=True), tmp_path).startswith(
        "URGENCY: CONTACT YOUR MATERNITY TEAM NOW")


def test_a_reading_in_fahrenheit_and_a_low_one_during_chemotherapy_are_read_by_their_number() -> None:
    assert _read("My hands tingle. temp 101 F")[0].get("fever") is True
    assert "fever" not in _read("My hands tingle. temp 99.5F")[0]  # asked: 37.5 °C, a fever only beside chemotherapy
    assert _read("On chemo. My hands tingle. temp 99.5F")[0].get("fever") is True
    assert _read("On chemo. My hands tingle. temperature 35.5 this morning")[0].get("fever") is True  # below 36 °C
    assert "fever" not in _read("My hands tingle. temperature 35.5 this morning")[0]


def test_an_age_typed_alone_is_no_result_to_speak_for() -> None:
    """Amir (AP) typed `numbwise care carpal_tunnel --age 14 --sex male` and read "YOUR RESULT SAID: BOOK A DOCTOR'S
    VISIT" while his result said today: age and sex alone give the child's line first, and no result's top."""
    out = " ".join(run_cli("--plain", "care", "carpal_tunnel", "--age", "14", "--sex", "male").out.split())
    assert "YOUR RESULT SAID" not in out and CHILD_FIRST in out and "pregnant" not in out
    # near miss: with an answer the result carried, its top is said
    out = " ".join(run_cli("--plain", "care", "carpal_tunnel", "--age", "14", "--sex", "male", "--unsure",
                           "onset_sudden").out.split())
    assert "YOUR RESULT SAID" in out


def test_hit_kofis_sore_with_a_fever_goes_to_hospital_now(tmp_path: Path) -> None:
    """Kofi (AQ) with a fever said: "SEE A DOCTOR TODAY" beside "! You have a fever" (NICE NG19: a diabetic foot ulcer
    with fever is referred to hospital at once)."""
    text = assess_cli({**KOFI, "unsure": [], "findings": {**KOFI["findings"], "fever": True}}, tmp_path)
    assert text.startswith("URGENCY: GO TO A&E OR URGENT CARE NOW"), text[:200]
    assert "By when: Now." in text and "Call your doctor's office or an urgent care clinic today" not in text


def test_unknown_kofis_not_sure_fever_beside_the_sore_says_now_if_it_might_be(tmp_path: Path) -> None:
    text = assess_cli(KOFI, tmp_path)
    assert text.count("If it is 38 °C (100.4 °F) or more, or you feel unwell, go to A&E or urgent care now") == 2, text
    assert "If a sign you were not sure about might be true, see a doctor today" not in text
    assert "You were not sure about these signs, which need help now" in text


def test_near_miss_a_fever_without_a_sore_keeps_the_fever_rules_today(tmp_path: Path) -> None:
    text = assess_cli({**KOFI, "foot_sore": False, "unsure": [], "findings": {**KOFI["findings"], "fever": True}},
                      tmp_path)
    assert "GO TO A&E OR URGENT CARE NOW" not in text and "SEE A DOCTOR TODAY" in text
