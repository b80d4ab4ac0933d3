"""Walkthrough BA, each finding with a hit, a near miss and an unknown case.

Victor, 70, has AF and forgot his blood thinner this week; an hour ago his left hand suddenly went cold, pale, numb and
painful. His words were read as "You take a blood thinner", and typing "!2" (the wrong way round) kept it a yes, so
the only reason he read was a blood thinner's bleeding risk, with a stroke's link alone under "Read more later". Now:
missed or stopped doses leave the question to him (findings.yaml `undone_by`); a warning sign turned round is set aside
and asked, never kept as read (parse.corrected); the cold, pale hand's reason names AF's clot (triage_rules.yaml
`why_with`) and its read-more link is blocked arteries (`names`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, check_cli, parse_json

VICTOR: dict[str, Any] = {"age": 70, "sex": "male", "days_so_far": 0.04, "findings": {
    "hand_cold_pale_painful": True, "onset_sudden": True, "one_hand": True, "lasting_over_6_weeks": False,
    "onset_gradual": False, "atrial_fibrillation": True}}
AF_CLOT = "With AF, a blood clot from the heart that blocks an artery is a common cause."
ARTERIES_LINK = "numbwise learn peripheral_artery_disease"


def _victor(tmp_path: Path, af: bool | None) -> str:
    findings = {k: v for k, v in VICTOR["findings"].items() if k != "atrial_fibrillation"}
    if af is not None:
        findings["atrial_fibrillation"] = af
    return assess_cli({**VICTOR, "findings": findings, "unsure": ["atrial_fibrillation"] if af is None else []},
                      tmp_path)


def test_hit_af_and_a_cold_pale_hand_name_the_clot_and_link_to_blocked_arteries(tmp_path: Path) -> None:
    text = _victor(tmp_path, True)
    assert text.startswith("URGENCY: CALL EMERGENCY SERVICES NOW") and AF_CLOT in text and ARTERIES_LINK in text, text


def test_near_miss_no_af_keeps_the_plain_reason_and_the_link(tmp_path: Path) -> None:
    text = _victor(tmp_path, False)
    assert "may have lost its blood supply" in text and AF_CLOT not in text and ARTERIES_LINK in text, text


def test_unknown_af_not_sure_never_claims_af(tmp_path: Path) -> None:
    text = _victor(tmp_path, None)
    assert text.startswith("URGENCY: CALL EMERGENCY SERVICES NOW") and AF_CLOT not in text


WORDS = ("I have AF, an irregular heartbeat, and I forgot to take my blood thinner this week. About an hour ago my left "
         "hand suddenly went cold, pale, numb and painful.")


def test_hit_a_blood_thinner_forgotten_is_asked_not_read() -> None:
    out = parse_json(WORDS)
    assert "blood_thinners" not in out["findings"] and out["findings"]["atrial_fibrillation"] is True  # type: ignore[index]


def test_near_miss_a_blood_thinner_taken_is_read() -> None:
    assert parse_json("I take warfarin and my left hand is numb.")["findings"]["blood_thinners"] is True  # type: ignore[index]


def test_unknown_maybe_a_blood_thinner_is_not_sure() -> None:
    out = parse_json("My left hand is numb. I might be on a blood thinner, not sure.")
    assert "blood_thinners" in out["unsure"] and "blood_thinners" not in out["findings"]  # type: ignore[operator]


# "!1" on "You take a blood thinner", then the interview: the history list asks it again instead.
TURNED = "I take warfarin. My left hand has tingled for two weeks."
HISTORY_ITEM = "You take a blood thinner, such as warfarin, apixaban or rivaroxaban"


def _history_list(out: str) -> str:
    start = out.index("Do any of these apply to you?")
    return out[start:out.index("Type the numbers", start)]


def test_hit_a_warning_sign_turned_round_is_asked_again() -> None:
    out = check_cli("!1\n\n45\nm\n3\nL0\n" + "\n" * 40, "--describe", TURNED, codes=(130,))
    assert HISTORY_ITEM in _history_list(out), out


def test_near_miss_kept_it_is_not_asked_again() -> None:
    out = check_cli("\n\n45\nm\n3\nL0\n" + "\n" * 40, "--describe", TURNED, codes=(130,))
    assert HISTORY_ITEM not in _history_list(out)


def test_unknown_unticked_it_is_asked_again_too() -> None:
    out = check_cli("1\n\n45\nm\n3\nL0\n" + "\n" * 40, "--describe", TURNED, codes=(130,))
    assert HISTORY_ITEM in _history_list(out)


# Pete, 30 (walkthrough BA): a cut from glass, numb thumb and index finger since. The words never read the injury, and
# the reason he read spoke only of a fall, a blow and a break.
PETE = "I cut the inside of my wrist on broken glass yesterday. Since then my thumb and index finger are numb."


def test_hit_a_cut_told_in_more_words_is_an_injury_and_the_reason_names_cuts(tmp_path: Path) -> None:
    assert parse_json(PETE)["findings"]["recent_arm_injury_or_cast"] is True  # type: ignore[index]
    text = assess_cli({"age": 30, "sex": "male", "findings": {
        "recent_arm_injury_or_cast": True, "onset_sudden": True, "one_hand": True, "numb_thumb": True, "numb_index": True}},
        tmp_path)
    assert "such as a fall, a blow or a cut" in text and "a nerve that is cut" in text, text


def test_near_miss_cutting_bread_is_no_injury() -> None:
    assert "recent_arm_injury_or_cast" not in parse_json("I cut the bread and then my hand went numb.")["findings"]  # type: ignore[operator]


def test_unknown_maybe_a_cut_is_not_sure() -> None:
    out = parse_json("My thumb is numb. Maybe I cut my thumb on something, I'm not sure.")
    assert "recent_arm_injury_or_cast" in out["unsure"]  # type: ignore[operator]


# Aisha, 33 (walkthrough BA): "for four months ... it's slowly spreading up" was read as "spreads slowly over several
# minutes" (a migraine aura's mark), and "I'm tired all the time and get out of breath on the stairs" as new breathlessness.
AISHA = ("I've been vegetarian for ten years but I eat eggs and dairy. For about four months I've had pins and needles in "
         "both hands and both feet, and it's slowly spreading up. I'm tired all the time and get out of breath on the "
         "stairs. My tongue is sore and red.")


def test_hit_a_spread_over_months_is_not_over_minutes_and_stairs_breath_is_not_new() -> None:
    found = parse_json(AISHA)["findings"]
    assert "spreads_over_minutes" not in found and "shortness_of_breath" not in found, found  # type: ignore[operator]


def test_near_miss_a_spread_over_minutes_and_new_breathlessness_are_read() -> None:
    assert parse_json("The tingling slowly spread up my arm over 20 minutes.")["findings"]["spreads_over_minutes"] is True  # type: ignore[index]
    assert parse_json("I'm out of breath lately, even walking.")["findings"]["shortness_of_breath"] is True  # type: ignore[index]


def test_unknown_a_spread_not_sure_of_is_not_sure() -> None:
    out = parse_json("My fingers tingle. Maybe it spread up my arm over a few minutes, I'm not sure.")
    assert "spreads_over_minutes" in out["unsure"] and "spreads_over_minutes" not in out["findings"]  # type: ignore[operator]


# Elena (walkthrough BA): "? How fast it started ... Tell your doctor about it: a doctor can check it": no doctor can
# check how fast something started.
ELENA: dict[str, Any] = {"age": 45, "sex": "female", "days_so_far": 0.3, "findings": {
    "one_hand": True, "numb_arm": True, "after_pressure_on_arm": True, "episode_resolved_within_hour": True,
    "lasting_over_6_weeks": False, "onset_gradual": False, "face_drooping": False, "speech_difficulty": False,
    "arm_or_leg_weakness_sudden": False, "hand_weakness": False, "numb_face_same_side": False,
    "numb_leg_same_side": False, "vision_loss_sudden": False, "balance_loss_sudden": False, "confusion": False,
    "severe_sudden_headache": False}}


def test_hit_not_sure_how_it_started_is_told_to_the_doctor_not_checked(tmp_path: Path) -> None:
    text = assess_cli({**ELENA, "unsure": ["onset_sudden"]}, tmp_path)
    doubt = text[text.index("? How fast it started"):text.index("Why this level")]
    assert "Tell your doctor about it." in doubt and "a doctor can check it" not in doubt, doubt


def test_near_miss_another_doubt_keeps_a_doctor_can_check(tmp_path: Path) -> None:
    text = assess_cli({**ELENA, "findings": {**ELENA["findings"], "lasting_over_6_weeks": True,
                                             "episode_resolved_within_hour": False, "after_pressure_on_arm": False,
                                             "onset_sudden": False, "onset_gradual": True, "both_hands": True,
                                             "one_hand": False, "comes_and_goes": True},
                       "unsure": ["memory_or_mood_change"]}, tmp_path)
    assert "a doctor can check it" in text, text


def test_unknown_both_kinds_together_keep_the_doctor_line(tmp_path: Path) -> None:
    text = assess_cli({**ELENA, "findings": {**ELENA["findings"], "lasting_over_6_weeks": True,
                                             "episode_resolved_within_hour": False, "after_pressure_on_arm": False,
                                             "onset_gradual": True, "both_hands": True, "one_hand": False,
                                             "comes_and_goes": True},
                       "unsure": ["memory_or_mood_change", "spreads_over_minutes"]}, tmp_path)
    assert "a doctor can check them" in text, text


# Maria, 63 (walkthrough BB): "mostly the right hand" was read as one hand, and her reason said "only one hand".
def test_hit_mostly_the_right_hand_is_asked_not_one_hand() -> None:
    out = parse_json("For three years my fingers turn white then blue in the cold, mostly the right hand.")
    assert "one_hand" not in out["findings"] and out["findings"]["skin_white_then_blue"] is True  # type: ignore[operator,index]


def test_near_miss_the_right_hand_alone_is_one_hand() -> None:
    assert parse_json("My right hand goes white in the cold.")["findings"]["one_hand"] is True  # type: ignore[index]


def test_unknown_maybe_only_the_right_hand_is_never_a_yes() -> None:
    assert parse_json("Maybe it is only my right hand, not sure.")["findings"].get("one_hand") is not True  # type: ignore[union-attr]


# Victor again (walkthrough BB): "My right hand is fine" beside "my left hand ... went cold" was read as both hands, and
# "!4" on that line was silently taken as "4".
VICTOR_FINE = ("I'm 70 with AF. An hour ago my left hand suddenly went cold, pale, numb and painful. My right hand is "
               "fine.")


def test_hit_the_other_hand_fine_is_one_hand() -> None:
    found = parse_json(VICTOR_FINE)["findings"]
    assert found.get("one_hand") is True and "both_hands" not in found, found  # type: ignore[union-attr,operator]


def test_near_miss_both_sides_numb_are_both_hands() -> None:
    assert parse_json("My left hand is numb and my right hand tingles.")["findings"] == {"both_hands": True}


def test_unknown_a_hand_said_fine_alone_is_no_one_hand_yes() -> None:
    assert parse_json("My hand is fine.")["findings"].get("one_hand") is not True  # type: ignore[union-attr]


def test_a_warning_sign_turned_round_says_it_will_be_asked() -> None:
    out = check_cli("!1\nq\n", "--describe", TURNED, codes=(130,))
    assert "We will ask about this instead of turning it round, as it could be a warning sign: You take a blood thinner." in out, out
    kept = check_cli("!2\nq\n", "--describe", TURNED, codes=(130,))  # one hand: turned round, no such line
    assert "We will ask about this instead" not in kept


# Pete again (walkthrough BB): his wrist cut read "A plain knock on the funny bone ... even when the tingling is
# fading", and the call condition was said twice in a row.
PETE_CASE: dict[str, Any] = {"age": 30, "sex": "male", "days_so_far": 1, "findings": {
    "recent_arm_injury_or_cast": True, "onset_sudden": True, "one_hand": True, "numb_thumb": True, "numb_index": True}}


def test_hit_thumb_and_index_after_a_cut_read_no_funny_bone(tmp_path: Path) -> None:
    text = assess_cli(PETE_CASE, tmp_path)
    assert "funny bone" not in text and "These questions cannot tell which." in text, text
    assert text.count("a wound keeps bleeding") == 1, text


def test_near_miss_the_little_finger_keeps_the_funny_bone(tmp_path: Path) -> None:
    case = {**PETE_CASE, "findings": {**PETE_CASE["findings"], "numb_little": True}}
    assert "funny bone" in assess_cli(case, tmp_path)


def test_unknown_fingers_not_known_read_the_plain_reason(tmp_path: Path) -> None:
    case = {**PETE_CASE, "findings": {k: v for k, v in PETE_CASE["findings"].items() if not k.startswith("numb_")}}
    text = assess_cli(case, tmp_path)
    assert "such as a fall, a blow or a cut" in text and "funny bone" not in text


# Walkthrough BC: Pete not sure how fast it came after the cut read "a fall or blow" he never had; Harry's mother
# picked "I first noticed it on waking, or I don't know ..." and read "You were not sure" for a definite answer.
def test_hit_pete_not_sure_of_the_start_reads_his_injury_not_a_fall(tmp_path: Path) -> None:
    case = {**PETE_CASE, "findings": {k: v for k, v in PETE_CASE["findings"].items() if k != "onset_sudden"},
            "unsure": ["onset_sudden"]}
    text = assess_cli(case, tmp_path)
    assert "fall or blow" not in text and "such as a fall, a blow or a cut" in text, text


def test_near_miss_the_onset_option_says_what_it_records() -> None:
    from numbwise.kb import load

    onset = next(s for s in load().interview.steps if s.id == "onset")
    label = next(o.label for o in onset.options if o.unsure)
    assert label.startswith("I don't know how fast it came"), label


def test_unknown_not_sure_still_says_not_sure(tmp_path: Path) -> None:
    case = {**PETE_CASE, "findings": {k: v for k, v in PETE_CASE["findings"].items() if k != "onset_sudden"},
            "unsure": ["onset_sudden"]}
    assert "You were not sure how fast the numbness came after the injury or operation" in assess_cli(case, tmp_path)


# Aisha and Bill (walkthroughs BB, BC): an unsteady walk already said, then "Both your hands are clumsy ... and your
# walk is unsteady" asked, and its not-sure said back as if they were unsure of the walk.
COMBINED = "clumsy_hands_and_unsteady_walk"


def test_hit_the_combined_item_beside_a_said_walk_asks_only_the_hands(tmp_path: Path) -> None:
    from numbwise.assess.interview import checklist_label

    assert checklist_label(COMBINED, {"unsteady_walking": True}).endswith("as well as the unsteady walk you told us about")
    text = assess_cli({"age": 71, "sex": "male", "days_so_far": 180, "findings": {
        "both_hands": True, "numb_feet": True, "onset_gradual": True, "lasting_over_6_weeks": True,
        "unsteady_walking": True}, "unsure": [COMBINED]}, tmp_path)
    assert "? Whether both your hands are clumsy (buttons, writing), beside your unsteady walk" in text, text


def test_near_miss_a_steady_walk_keeps_the_whole_item() -> None:
    from numbwise.assess.interview import checklist_label

    assert checklist_label(COMBINED, {"unsteady_walking": False}) == "Both your hands are clumsy (buttons, writing) and your walk is unsteady"


def test_unknown_walk_not_known_keeps_the_whole_item() -> None:
    from numbwise.assess.interview import checklist_label

    assert checklist_label(COMBINED, {}).endswith("and your walk is unsteady")


# Greta, 82 (walkthrough BC): "? Numbness of your leg on the same side as the numb hand" under "Knowing would not make
# this more urgent", after Question 1's check had said to call now if it might be happening.
GRETA: dict[str, Any] = {"age": 82, "sex": "female", "days_so_far": 60, "findings": {
    "both_hands": True, "one_hand": False, "lasting_over_6_weeks": True, "onset_gradual": True, "onset_sudden": False,
    "face_drooping": False, "speech_difficulty": False, "arm_or_leg_weakness_sudden": False}}


def test_hit_a_screen_sign_said_back_keeps_its_call_if_sudden(tmp_path: Path) -> None:
    text = assess_cli({**GRETA, "unsure": ["numb_leg_same_side"]}, tmp_path)
    assert "? Numbness of your leg on the same side as the numb hand Knowing would not make this more urgent." in text
    assert "But if it comes on suddenly, call your emergency number now." in text, text


def test_near_miss_another_doubt_alone_gets_no_call_line(tmp_path: Path) -> None:
    text = assess_cli({**GRETA, "unsure": ["numb_feet"]}, tmp_path)
    assert "comes on suddenly, call your emergency number now" not in text.split("Why this level")[0], text


def test_unknown_both_together_name_the_screen_sign(tmp_path: Path) -> None:
    text = assess_cli({**GRETA, "unsure": ["numb_leg_same_side", "numb_feet"]}, tmp_path)
    assert "But if numbness of your leg on the same side as the numb hand comes on suddenly, call your emergency" in text
