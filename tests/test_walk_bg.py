"""Walkthrough BG, each finding with a hit, a near miss and an unknown case.

Pablo: "sudden severe neck pain" after a neck manipulation, his hand tingling only since this morning, was warned as
"It started suddenly, within seconds or minutes (you wrote: 'sudden')": the sudden start was the pain's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import assess_cli, check_cli, parse_json

PABLO = ("Two days ago I had a neck manipulation and got sudden severe neck pain. Since this morning my left hand "
         "tingles and I feel dizzy and a bit unsteady.")


def test_hit_sudden_said_of_a_pain_is_not_the_numbness_start() -> None:
    out = parse_json(PABLO)
    assert "onset_sudden" not in out["findings"] and out["findings"]["neck_pain"] is True  # type: ignore[index,operator]


def test_near_miss_numb_suddenly_beside_neck_pain_is_sudden() -> None:
    for text in ("My hand went numb suddenly and my neck hurts.", "It came on suddenly with pain in my neck.",
                 "Sudden numbness in my left hand."):
        assert parse_json(text)["findings"]["onset_sudden"] is True, text  # type: ignore[index]


def test_unknown_a_sudden_movement_says_nothing_of_how_it_started() -> None:
    out = parse_json("When I make a sudden movement my fingers tingle.")
    assert "onset_sudden" not in out["findings"] and "onset_sudden" not in out["unsure"]  # type: ignore[operator]


# Tom: not sure of "Both your hands are clumsy and your walk is unsteady", then no to "Your grip is weak, your hands are
# clumsy, or you drop things": his result listed "? Whether both your hands are clumsy" beside "- Your grip is not weak
# or clumsy". A no to a part (findings.yaml `parts`) is a no to the whole.
COMBINED = "clumsy_hands_and_unsteady_walk"


def _unsure_then(part: str, value: bool | None) -> Any:
    from numbwise.assess.interview import answer, finding_question, start

    iv = answer(start(56, "male"), finding_question(COMBINED), {})
    return answer(iv, finding_question(part), {} if value is None else {part: value})


def test_hit_a_no_to_clumsy_hands_settles_the_unsure_combined_item() -> None:
    for part in ("hand_weakness", "unsteady_walking"):
        iv = _unsure_then(part, False)
        assert iv.answers[COMBINED] is False and COMBINED not in iv.unsure, part


def test_near_miss_a_yes_to_a_part_leaves_the_combined_item_not_sure() -> None:
    iv = _unsure_then("hand_weakness", True)
    assert COMBINED in iv.unsure and COMBINED not in iv.answers


def test_unknown_a_part_not_sure_leaves_the_combined_item_not_sure() -> None:
    iv = _unsure_then("hand_weakness", None)
    assert COMBINED in iv.unsure and "hand_weakness" in iv.unsure


def test_hit_toms_walk_no_longer_lists_both_hands_clumsy_as_not_sure() -> None:
    typed = "\n".join(["", "56", "m", "3", "L1 L2 L3 L4 L5 R1 R2 R3 R4 R5", "3", "", "7 ?6", "", "1 3 4", "", "5 14", "",
                       "2 ?1", "", "n", ""])
    text = check_cli(typed)
    assert "SEE A DOCTOR TODAY" in text and "Your grip is not weak or clumsy" in text, text
    assert "Whether both your hands are clumsy" not in text and "Both your hands are clumsy" not in text.split("URGENCY")[1]


def test_near_miss_a_combined_yes_is_never_undone_by_a_later_no() -> None:
    from numbwise.assess.interview import answer, finding_question, start

    iv = answer(start(56, "male"), finding_question(COMBINED), {COMBINED: True})
    iv = answer(iv, finding_question("hand_weakness"), {"hand_weakness": False})
    assert iv.answers[COMBINED] is True


# June, 76, unsure of most things: "The numbness is there all the time" ticked, '?' to the rest of the list, then read
# "You were not sure about: ... it went away completely within an hour" and "? The numbness comes and goes".
JUNE = ["", "76", "f", "?", "?", "R?", "1", "?", "1", ""]


def test_hit_there_all_the_time_is_never_also_not_sure_if_it_went_or_comes_and_goes() -> None:
    text = check_cli("\n".join(JUNE)).split("URGENCY")[1]
    assert "CALL YOUR EMERGENCY NUMBER NOW" in text and "It gets worse at night" in text, text
    assert "went away completely within an hour" not in text and "? The numbness comes and goes" not in text, text


def _course_list(ticked: str) -> Any:
    """The 'which of these fit your numbness?' list with one item ticked and '?' to the rest."""
    from numbwise.assess.interview import Question, answer, start

    items = ("constant", "comes_and_goes", "worse_at_night", "episode_resolved_within_hour")
    q = Question("course", "screen", "Which of these fit your numbness?", "", "", items, items)
    return answer(start(76, "female"), q, {ticked: True})


def test_hit_the_list_with_there_all_the_time_ticked_rules_out_the_other_two() -> None:
    iv = _course_list("constant")
    assert iv.answers["comes_and_goes"] is False and iv.answers["episode_resolved_within_hour"] is False
    assert iv.unsure == {"worse_at_night"}


def test_near_miss_comes_and_goes_ticked_leaves_within_an_hour_not_sure() -> None:
    iv = _course_list("comes_and_goes")
    assert iv.answers["constant"] is False and iv.unsure == {"worse_at_night", "episode_resolved_within_hour"}


def test_unknown_nothing_ticked_leaves_both_not_sure() -> None:
    from numbwise.assess.interview import answer, finding_question, start

    iv = answer(start(76, "female"), finding_question("constant"), {})
    assert {"constant", "comes_and_goes"} <= iv.unsure and "episode_resolved_within_hour" not in iv.answers


# Ibrahim: a pinched neck nerve, routine, not sure of a weak grip, read "You were not sure about these signs that would
# change what to do ... If this might be true: Book a doctor's visit" under that very level. And, when his start was not
# known too, the weak grip was listed twice (under "signs that need a doctor today" and again under the plan's).
IBRAHIM: dict[str, Any] = {"age": 40, "sex": "male", "days_so_far": 21, "findings": {
    "neck_pain": True, "pain_shooting_down_arm": True, "one_hand": True, "numb_thumb": True, "numb_index": True,
    "worse_neck_movement": True, "onset_over_days": True, "constant": True, "lasting_over_6_weeks": False},
    "unsure": ["hand_weakness"]}
WOULD_CHANGE = "You were not sure about these signs that would change what to do"
WEAK = "Your grip is weak, your hands are clumsy, or you drop things"


def test_hit_a_plan_sign_filed_at_the_results_own_level_is_told_at_the_visit(tmp_path: Path) -> None:
    text = " ".join(assess_cli(IBRAHIM, tmp_path).split())
    assert "BOOK A DOCTOR'S VISIT" in text and f"{WOULD_CHANGE} ? {WEAK}" in text, text
    assert "If this might be true: Tell your doctor at your visit. They will check the strength" in text, text
    assert "If this might be true: Book a doctor's visit" not in text


def test_near_miss_below_the_filed_level_the_plan_group_stays() -> None:
    from numbwise.assess.result import _plan_group

    (group,) = _plan_group("cervical_radiculopathy", IBRAHIM["findings"], {"hand_weakness"}, 40, "self_care")
    assert group.heading == WOULD_CHANGE and "Book a doctor's visit." in group.advice[0]


def test_unknown_start_lists_the_weak_grip_once(tmp_path: Path) -> None:
    case = {**IBRAHIM, "findings": {k: v for k, v in IBRAHIM["findings"].items() if k != "onset_over_days"}}
    text = " ".join(assess_cli(case, tmp_path).split())
    assert "SEE A DOCTOR TODAY" in text and text.count(f"? {WEAK}") == 1 and WOULD_CHANGE not in text, text


# Pablo again (walkthrough BH): "a sudden, really bad pain in my neck" still read as a sudden start, and "it came on over
# about an hour" as "It went away completely within an hour".
PABLO2 = ("Two days ago I had my neck manipulated by a chiropractor and straight after I got a sudden, really bad pain in "
          "my neck. Since this morning my left hand has been tingling, it came on over about an hour. I also feel dizzy "
          "and a bit unsteady on my feet.")


def test_hit_describing_words_and_a_comma_between_sudden_and_pain() -> None:
    found = parse_json(PABLO2)["findings"]
    assert "onset_sudden" not in found and "episode_resolved_within_hour" not in found, found  # type: ignore[operator]
    assert found["balance_loss_sudden"] is True  # type: ignore[index]


def test_near_miss_over_in_minutes_is_gone_and_a_new_clause_keeps_sudden() -> None:
    assert parse_json("It was over in 10 minutes.")["findings"]["episode_resolved_within_hour"] is True  # type: ignore[index]
    assert parse_json("My hand went numb suddenly, the pain came later.")["findings"]["onset_sudden"] is True  # type: ignore[index]


def test_unknown_came_on_over_minutes_says_nothing_of_it_going() -> None:
    found = parse_json("My fingers tingle, it came on over 20 minutes.")["findings"]
    assert "episode_resolved_within_hour" not in found, found  # type: ignore[operator]


# Sophie, 15: fingers white in the cold, picked "Suddenly" for her attacks; the call-now reason said "We only call that
# the common, harmless kind of Raynaud's when ... aged 16 to 29, with no sores ... Your answers do not show all of
# that", of sores, joints and illness she was never asked about. Below 16 age alone keeps the call, and it says so.
SOPHIE: dict[str, Any] = {"age": 15, "sex": "female", "findings": {
    "lasting_over_6_weeks": True, "skin_white_then_blue": True, "triggered_by_cold_or_stress": True,
    "onset_sudden": True, "both_hands": True, "one_hand": False}}
CHILD_NOTE = "below age 16 we do not call a sudden start harmless without a doctor's check"
NOT_ALL = "Your answers do not show all of that"


def assess_cli_text(case: dict[str, Any]) -> str:
    """The terminal result of `numbwise assess` for one case, written to a temporary file."""
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        return assess_cli(case, Path(d))


def _why(case: dict[str, Any], tmp_path: Path) -> str:
    text = assess_cli(case, tmp_path)
    return " ".join(text.split("Why this level")[1].split("\n\n")[0].split())


def test_hit_a_child_is_told_that_age_alone_keeps_the_call(tmp_path: Path) -> None:
    why = _why(SOPHIE, tmp_path)
    assert CHILD_NOTE in why and NOT_ALL not in why, why


def test_near_miss_at_22_the_parts_of_the_pattern_are_said(tmp_path: Path) -> None:
    why = _why({**SOPHIE, "age": 22}, tmp_path)
    assert "aged 16 to 29" in why and NOT_ALL in why and CHILD_NOTE not in why, why


def test_unknown_age_keeps_the_note_for_everyone(tmp_path: Path) -> None:
    why = _why({**SOPHIE, "age": None}, tmp_path)
    assert NOT_ALL in why and CHILD_NOTE not in why, why


def test_hit_an_injury_reason_is_not_only_a_blow(tmp_path: Path) -> None:
    """Pablo (walkthrough BI): "a chiropractor cracked my neck" read "Numbness after a blow to the head, neck or back"."""
    out = parse_json("Yesterday a chiropractor cracked my neck and now my left hand tingles.")
    assert out["findings"]["head_or_neck_injury"] is True  # type: ignore[index]
    text = " ".join(assess_cli({"age": 50, "sex": "male", "findings": {"head_or_neck_injury": True, "one_hand": True}},
                               tmp_path).split())
    assert "a hard jerk of the neck" in text and "blood vessel in the neck" in text and "after a blow to the head" not in text


# Kai, 19 (walkthrough BI): "my right wrist droops" after sleeping over a chair read as "One side of your face has
# drooped. (you wrote: 'droops')".
KAI = ("I fell asleep with my arm over the back of a chair after a night out. I woke six hours ago and my right wrist "
       "droops and the back of my hand is numb. I still can't lift my wrist.")


def test_hit_a_wrist_that_droops_is_not_a_drooping_face() -> None:
    for text in (KAI, "My wrist is drooping and my hand is numb.", "I have a drooping wrist."):
        assert "face_drooping" not in parse_json(text)["findings"], text  # type: ignore[operator]


def test_near_miss_a_face_that_droops_beside_a_numb_hand_is_read() -> None:
    for text in ("My face droops and my hand is numb.", "My face is drooping, my hand is numb.", "My arm and face droop."):
        assert parse_json(text)["findings"]["face_drooping"] is True, text  # type: ignore[index]


def test_unknown_drooping_with_no_place_is_still_read_as_the_face() -> None:
    assert parse_json("My hand is numb and one side is drooping.")["findings"]["face_drooping"] is True  # type: ignore[index]


def test_near_miss_face_fine_beside_leg_fine_is_still_a_denied_droop() -> None:
    from numbwise.parse import parse

    read = parse("Woke up with my right arm and hand totally dead, been sleeping on it. Within 2 min it was back to "
                 "normal. No weakness after, face fine, talking fine, leg fine.")
    assert ("face_drooping", False) in {(m.finding, m.value) for m in read.mentions}  # a denied sign, kept as said


# Arjun, 67 (walkthrough BI): a smoker with diabetes whose arm aches walking uphill read "- You have no high blood
# pressure, high cholesterol or heart disease" as the reason against angina, his own two risks never named.
ARJUN: dict[str, Any] = {"age": 67, "sex": "male", "days_so_far": 30, "findings": {
    "arm_discomfort_on_exertion": True, "diabetes": True, "smoker": True, "vascular_risk": False, "one_hand": True,
    "chest_pain": False, "comes_and_goes": True}}
NO_HEART = "- You have no high blood pressure, high cholesterol or heart disease."


def test_hit_no_high_blood_pressure_is_no_reason_beside_smoking() -> None:
    text = " ".join(assess_cli_text(ARJUN).split())
    assert "SEE A DOCTOR TODAY" in text and NO_HEART not in text, text


def test_near_miss_with_no_other_risk_the_no_is_a_reason() -> None:
    case = {**ARJUN, "findings": {**ARJUN["findings"], "diabetes": False, "smoker": False}}
    assert NO_HEART in " ".join(assess_cli_text(case).split())


def test_unknown_smoking_not_known_diabetes_alone_still_drops_the_no() -> None:
    case = {**ARJUN, "findings": {k: v for k, v in ARJUN["findings"].items() if k != "smoker"}}
    assert NO_HEART not in " ".join(assess_cli_text(case).split())  # diabetes alone is a risk already named


# Dan, 45 (walkthrough BJ): "the skin between my legs is numb" read as a leg numb on the same side as the hand (his
# hands fine), his back pain's week as the numbness's, and "I'm struggling to pass urine" not read at all.
DAN = ("I've had bad low back pain for a week. Since this morning the skin between my legs is numb and I'm struggling to "
       "pass urine. My hands are fine but my feet tingle.")


def test_hit_between_the_legs_is_the_saddle_and_the_week_is_the_backs() -> None:
    from numbwise.parse import parse

    read = parse(DAN)
    assert read.findings.get("numb_saddle_area") is True and read.findings.get("bowel_bladder_loss") is True
    assert "numb_leg_same_side" not in read.findings and "onset_over_days" not in read.findings
    assert read.days_so_far is None


def test_near_miss_a_numb_leg_and_the_hands_own_week_are_read() -> None:
    from numbwise.parse import parse

    assert parse("My left leg is numb and so is my left hand.").findings.get("numb_leg_same_side") is True
    assert parse("My hands have tingled for a week and my back hurts.").days_so_far == 7


def test_unknown_no_trouble_peeing_is_a_denied_sign() -> None:
    from numbwise.parse import parse

    read = parse("No trouble peeing, and my hands tingle.")
    assert ("bowel_bladder_loss", False) in {(m.finding, m.value) for m in read.mentions}


# Fern, 26, on dialysis (walkthrough BK): tingling lips and hands with cramps, her heart fluttering, read "see a doctor
# today" with "call now if your heartbeat races ... or feels uneven" only at the end; no question asks about the heart.
FERN: dict[str, Any] = {"age": 26, "sex": "female", "days_so_far": 0.5, "findings": {
    "kidney_disease": True, "numb_around_mouth": True, "muscle_cramps_spasms": True, "both_hands": True,
    "constant": True, "onset_over_days": True, "lasting_over_6_weeks": False}}
HEART_FIRST = "If your heart races, pounds, flutters, feels uneven or very slow, or you feel faint, call your emergency number now."


def test_hit_a_salt_problem_leads_with_the_heart_call_and_a_blood_test_today() -> None:
    text = " ".join(assess_cli_text(FERN).split())
    todo = text.split("What to do", 1)[1]
    assert text.startswith("URGENCY: SEE A DOCTOR TODAY Get a blood test today.") and todo.startswith(f" - {HEART_FIRST}")


def test_near_miss_mouth_tingling_without_cramps_has_no_salt_lead() -> None:
    case = {**FERN, "findings": {**FERN["findings"], "muscle_cramps_spasms": False}}
    assert HEART_FIRST not in " ".join(assess_cli_text(case).split())


def test_unknown_a_not_sure_emergency_sign_keeps_the_heart_call_in_the_banner() -> None:
    text = " ".join(assess_cli_text({**FERN, "unsure": ["arm_or_leg_weakness_sudden"]}).split())
    assert text.startswith("URGENCY: NOT SURE ABOUT SOME EMERGENCY SIGNS") and HEART_FIRST in text.split(">> Call")[0]


# Hugh, 66 (walkthrough BK): weight loss and night sweats, a no to a lump, read "A lump at the wrist or hand, weight
# loss without trying, or drenching night sweats should be checked by a doctor".
HUGH: dict[str, Any] = {"age": 66, "sex": "male", "days_so_far": 30, "findings": {
    "weight_loss_unexplained": True, "night_sweats": True, "lump_at_wrist": False, "one_hand": True,
    "comes_and_goes": True, "onset_gradual": True, "fever": False}}


def test_hit_the_reason_names_no_lump_he_denied(tmp_path: Path) -> None:
    why = _why(HUGH, tmp_path)
    assert "Weight loss without trying should be checked by a doctor." in why and "lump" not in why, why


def test_near_miss_a_lump_said_is_its_reason(tmp_path: Path) -> None:
    why = _why({**HUGH, "findings": {**HUGH["findings"], "lump_at_wrist": True}}, tmp_path)
    assert "A lump at the wrist or hand should be checked by a doctor." in why, why


def test_unknown_sweats_alone_with_the_lump_not_known(tmp_path: Path) -> None:
    findings = {k: v for k, v in HUGH["findings"].items() if k not in ("lump_at_wrist", "weight_loss_unexplained")}
    why = _why({**HUGH, "findings": findings}, tmp_path)
    assert "Drenching night sweats should be checked by a doctor." in why and "lump" not in why, why


# Gina, 39 (walkthrough BL): "my hand goes dead at night, mostly my thumb and first two fingers" read "Your whole hand is
# numb, like wearing a glove" beside her three fingers.
def test_hit_fingers_named_undo_the_whole_hand() -> None:
    from numbwise.parse import parse

    found = parse("My hand goes dead at night, mostly my thumb and first two fingers, I shake it and it comes back.").findings
    assert "numb_whole_hand" not in found and found.get("numb_thumb") is True and found.get("numb_middle") is True


def test_near_miss_a_dead_hand_alone_is_the_whole_hand() -> None:
    from numbwise.parse import parse

    assert parse("My hand goes dead at night.").findings.get("numb_whole_hand") is True


def test_unknown_a_dead_hand_with_no_fingers_named_stays_whole() -> None:
    from numbwise.parse import parse

    assert parse("My right hand goes dead at night, I'm not sure which fingers.").findings.get("numb_whole_hand") is True


# Lina, 31 (walkthrough BN): "I shake them out and they're fine" read as "Shaking your hand does not make it better".
def test_hit_relief_after_shaking_is_never_read_as_a_denial() -> None:
    from numbwise.parse import parse

    lina = parse("Pins and needles in both hands every morning when I wake up, I shake them out and they're fine, "
                 "about 3 weeks, mild.")
    assert lina.findings.get("shaking_relieves") is not False
    assert parse("I shake it out and it's fine.").findings.get("shaking_relieves") is True


def test_near_miss_shaking_that_does_not_help_is_a_no() -> None:
    from numbwise.parse import parse

    assert parse("Shaking them does not help.").findings.get("shaking_relieves") is False


def test_unknown_my_hands_are_fine_says_nothing_of_shaking() -> None:
    from numbwise.parse import parse

    assert "shaking_relieves" not in parse("My hands are fine, it is my feet.").findings
