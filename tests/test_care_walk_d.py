"""Walkthrough D: care plans and learn pages that contradicted the person or themselves.

A vegan with low B12 told to eat meat and fish, and to "see the food list below" where none followed; "a shot twice
a year" beside "shots more often" for someone whose hands are numb; hand-only steps for numb, burning feet; a slowly
weakening hand under "Call your emergency number now"; chest tightness as a usual companion beside "chest pain: call
now"; "None of the seven ... ways fits this cause"; and "in the next few days" beside a banner of days to two weeks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from numbwise.kb import KnowledgeError, load_from
from tests.conftest import edit_file, run_cli

VEGAN_B12 = {"age": 29, "sex": "female", "findings": {
    "vegan_or_vegetarian": True, "both_hands": True, "numb_feet": True, "fatigue_pallor": True, "sore_red_tongue": True,
    "onset_gradual": True, "lasting_over_6_weeks": True, "diabetes": False, "unsteady_walking": False,
    "hand_weakness": False, "constant": True}}
DIABETIC = {"age": 48, "sex": "female", "findings": {
    "both_hands": True, "numb_feet": True, "diabetes": True, "onset_gradual": True, "constant": True,
    "lasting_over_6_weeks": True, "burning_pain": True, "comes_and_goes": False, "hand_weakness": False}}
# Walkthrough D2.1: a 36-year-old man, tingling in both hands and around the mouth in panic attacks with fast
# breathing, starting within minutes and gone within minutes each time.
PANIC = {"age": 36, "sex": "male", "findings": {
    "anxiety_history": True, "rapid_breathing_anxiety": True, "onset_sudden": True, "both_hands": True,
    "one_hand": False, "numb_around_mouth": True, "episode_resolved_within_hour": True, "chest_pain": False,
    "face_drooping": False, "speech_difficulty": False, "arm_or_leg_weakness_sudden": False, "comes_and_goes": True,
    "constant": False}}
EMERGENCY = "Call your emergency number now if"
SOONER = "Book a doctor's visit if"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _text(case: dict[str, Any], tmp_path: Path) -> str:
    """`numbwise --plain assess --case FILE --format text`: the check's result as the terminal shows it."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    run = run_cli("--plain", "assess", "--case", str(path), "--format", "text")
    assert run.code == 0, run.err
    return _flat(run.out)


def _section(text: str, heading: str, ends: tuple[str, ...]) -> str:
    start = text.index(heading)
    stops = [i for i in (text.find(e, start + len(heading)) for e in ends) if i != -1]
    return text[start:min(stops) if stops else len(text)]


def _home(text: str) -> str:
    return _section(text, "What you can do at home for", ("What a doctor can offer", "Why this level"))


def _case(base: dict[str, Any], **findings: bool) -> dict[str, Any]:
    return {**base, "findings": {**base["findings"], **findings}}


# --- 1. a vegan is not told to eat meat and fish; no "food list below" where none follows -------------------------


def test_a_vegan_with_low_b12_gets_fortified_foods_and_a_supplement_not_meat(tmp_path: Path) -> None:
    text = _text(VEGAN_B12, tmp_path)
    assert "You eat a vegan or vegetarian diet" in text
    home = _home(text)
    assert "Vitamin B12 deficiency" in home
    assert "meat" not in home and "fish" not in home, home
    assert "fortified" in home and "supplement" in home and "yeast extract" in home, home
    assert "See the food list below" not in text  # the check's result shows no food list


def test_someone_who_eats_meat_keeps_the_meat_and_fish_step(tmp_path: Path) -> None:
    text = _text(_case(VEGAN_B12, vegan_or_vegetarian=False, takes_acid_reducer=True), tmp_path)
    home = _home(text)
    assert "Vitamin B12 deficiency" in home
    assert "meat, fish, eggs" in home and "If you eat a vegan" not in home, home
    assert "See the food list below" not in text


def test_the_b12_care_plan_shows_both_food_steps_and_its_food_list() -> None:
    out = _flat(run_cli("--plain", "care", "b12_deficiency").out)
    assert "meat, fish, eggs" in out and "If you eat a vegan" in out
    assert "Beef liver" in out  # the food list the steps point to is there


def test_a_step_left_out_for_an_unknown_finding_is_refused(kb_copy: Path) -> None:
    edit_file(kb_copy / "care.yaml", "unless: vegan_or_vegetarian  #", "unless: vegan_only  #")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "care.yaml: entry 'b12_deficiency': a step is left out for unknown finding 'vegan_only'" in exc.value.problems


# --- 2. what a doctor can offer agrees with "when to get more help" --------------------------------------------


def test_the_b12_offer_fits_someone_whose_hands_are_numb(tmp_path: Path) -> None:
    """Everyone with this result has numb hands, a nerve symptom: NHS and NICE give B12 shots more often then."""
    text = _text(VEGAN_B12, tmp_path)
    offer = _section(text, "What a doctor can offer", ("Why this level",))
    assert "twice a year" not in offer, offer
    assert "every other day" in offer and "blood specialist" in offer, offer
    care = _flat(run_cli("--plain", "care", "b12_deficiency").out)
    assert "twice a year" not in care
    assert "need shots more often" not in care  # the more-help line no longer promises what the offer already says


# --- 3. numb feet with diabetes: a daily foot check --------------------------------------------------------------


def test_a_diabetic_with_numb_feet_is_told_to_check_their_feet_every_day(tmp_path: Path) -> None:
    home = _home(_text(DIABETIC, tmp_path))
    assert "Check your feet every day" in home, home
    step = home[home.index("Check your feet every day"):]
    assert "How long: Every day" in step[:500], step


def test_the_diabetic_care_plan_keeps_the_foot_check() -> None:
    """`numbwise care` has no answers: the step about numb feet stands, as the smoking step does."""
    assert "Check your feet every day" in _flat(run_cli("--plain", "care", "diabetic_neuropathy").out)


# --- 4. over-breathing: a slowly weak hand is not a 999 call; chest pain on the learn page ----------------------


def test_a_panic_result_files_hand_weakness_by_how_it_comes(tmp_path: Path) -> None:
    text = _text(PANIC, tmp_path)
    assert text.startswith("URGENCY: CARE FOR IT AT HOME")
    emergency = _section(text, EMERGENCY, ("See a doctor today if", SOONER, "What next"))
    assert "Your hand slowly gets weak or clumsy over days or weeks, or you start to drop things" not in emergency, emergency
    assert "suddenly gets weak" in emergency
    sooner = _section(text, SOONER, ("What next",))
    assert "slowly gets weak" in sooner, sooner


def test_the_over_breathing_page_says_chest_pain_is_an_emergency_unless_a_doctor_said_panic() -> None:
    out = _flat(run_cli("--plain", "learn", "hyperventilation_anxiety").out)
    assert "chest tightness" in out
    assert "unless a doctor has already told you" in out
    assert "None of the seven" not in out
    assert "do not treat this cause" in out


# --- 5. radial nerve palsy: one timeframe for the doctor's visit -------------------------------------------------


def test_the_radial_plan_gives_one_timeframe_for_the_first_visit_inside_the_banners() -> None:
    """Walkthrough D: "see a GP in the next few days" read as a second timeframe; walkthrough F: "the sooner the
    better" beside the banner's "days to two weeks" read as a third. One window now, the early end of the banner's
    (as cautious as the level or more): within the next few days, the same in the summary and the escalation."""
    out = _flat(run_cli("--plain", "care", "radial_nerve_palsy").out)
    assert "the sooner the better" not in out, out
    assert out.count("within the next few days") == 2, out  # the summary and the wrist-drop escalation
    assert "next few days to" not in out and "two weeks" not in out  # no second window of its own


@pytest.mark.parametrize("cause", ["b12_deficiency", "diabetic_neuropathy", "hyperventilation_anxiety",
                                   "radial_nerve_palsy"])
def test_the_changed_pages_still_load_and_show(cause: str) -> None:
    assert run_cli("--plain", "care", cause).code == 0
    assert run_cli("--plain", "learn", cause).code == 0


# --- walkthrough 13: the B12 plan read on its own page ------------------------------------------------------------


def test_the_b12_care_plan_points_to_its_own_table_not_to_itself() -> None:
    """'Your care plan ... lists foods' read oddly inside that care plan: there it names the table on the page."""
    out = _flat(run_cli("--plain", "care", "b12_deficiency").out)
    assert "Your care plan for vitamin B12 deficiency" not in out, out
    assert out.count("table of foods with vitamin B12 on this page") == 2, out
    assert "FOODS WITH VITAMIN B12" in out  # the table the steps point to is on that page


def test_the_check_result_still_names_the_care_plan_that_has_the_food_table(tmp_path: Path) -> None:
    for case in (VEGAN_B12, _case(VEGAN_B12, vegan_or_vegetarian=False, takes_acid_reducer=True)):
        home = _home(_text(case, tmp_path))
        assert "care plan for vitamin B12 deficiency lists foods" in home, home
        assert "on this page" not in home, home  # the result has no food table


def test_the_b12_shots_are_given_while_symptoms_keep_improving_not_until_you_stop_getting_better() -> None:
    """NHS/BNF: every other day until there is no further improvement; 'until you stop getting better' read as if
    getting better stops."""
    out = _flat(run_cli("--plain", "care", "b12_deficiency").out)
    assert "until you stop getting better" not in out
    assert "every other day at first, for as long as your symptoms keep getting better" in out, out


def test_tempeh_is_not_listed_as_a_b12_food_and_the_table_says_why() -> None:
    """ODS gives tempeh 0.1 mcg (a low source) and says plant foods have none unless fortified; Sutter Health: not a
    reliable source. A vegan must not count it as B12."""
    care = _flat(run_cli("--plain", "care", "b12_deficiency").out)
    foods = _flat(run_cli("--plain", "foods").out)
    for out in (care, foods):
        assert "Tempeh (" not in out and "Tempeh |" not in out, out
    assert "Tempeh, miso and seaweed are not reliable sources of B12" in foods, foods


# Each pair: a sentence that disagreed with another on the same care plan page, and what the page says now.
SAME_PAGE = [
    # "do not go away with home care" (no time) beside "no better after 6 weeks of the splint"
    ("carpal_tunnel", "do not go away with home care", "are no better after 6 weeks of home care"),
    # "feeling stays low" was unclear; the thumb-muscle escalation names what a person notices
    ("carpal_tunnel", "Feeling in your fingers stays low", "If your fingers stay numb all the time"),
    # "simple steps have not helped" (when?) beside "at least 6 weeks ... most people feel better within that time"
    ("ulnar_neuropathy", "If simple steps have not helped.", "If simple steps have not helped after 6 weeks"),
    # "see a doctor to check it" in the summary beside "see a GP if it is no better" after 4 to 6 weeks
    # walkthrough P (Tariq): "or see one if you have not yet" beside a result that already said see a doctor within two weeks
    ("cervical_radiculopathy", "or see one if you have not yet", "as well as the doctor's visit, not instead of it"),
    # "gets weaker: see a GP soon" beside "suddenly goes weak: call now"
    ("cervical_radiculopathy", "If your arm or hand gets weaker,", "If your arm or hand slowly gets weaker"),
    # "see a GP if attacks still come often after a few weeks" beside "started after age 30: see a GP"
    # (a check's result shows this step without the "when to get more help" list, so it names the reason itself)
    ("raynaud", "still come often after a few weeks. [", "come more often, last longer or hurt more"),
    # walkthrough F: "after a few weeks" (again) beside "Check again in a few weeks", for someone with it for 4 years
    ("raynaud", "after a few weeks", "Raynaud's often lasts for years"),
    # balance "tell your doctor" beside "see a doctor today if you have trouble with your balance"
    ("b12_deficiency", "Your numbness, balance or memory", "If your numbness or memory do not get better"),
    # what to do, not only who may start opioids
    ("diabetic_neuropathy", "Strong painkillers called opioids should only be started by a pain specialist.",
     "Ask your doctor about seeing a pain specialist"),
]


@pytest.mark.parametrize(("cause", "old", "new"), SAME_PAGE)
def test_a_care_plan_page_does_not_contradict_itself(cause: str, old: str, new: str) -> None:
    out = _flat(run_cli("--plain", "care", cause).out)
    assert old not in out, out
    assert new in out, out


# --- walkthrough F: a lifelong Raynaud's; a cold, pale hand; a wrist drop -----------------------------------------

# P5: Sam, 17, both hands white then blue in the cold since 13, red on warming; no sores, no joint pain.
SAM = {"age": 17, "findings": {
    "skin_white_then_blue": True, "triggered_by_cold_or_stress": True, "both_hands": True, "one_hand": False,
    "fingertip_sores": False, "joint_pain_swelling": False, "autoimmune_disease": False, "lasting_over_6_weeks": True,
    "comes_and_goes": True, "constant": False, "onset_sudden": False, "hand_weakness": False, "face_drooping": False,
    "speech_difficulty": False, "arm_or_leg_weakness_sudden": False, "hand_cold_pale_painful": False}}


def test_a_lifelong_raynauds_is_not_sent_to_a_gp_for_attacks_that_still_come_after_weeks(tmp_path: Path) -> None:
    """Walkthrough F (P5): "See a GP if attacks still come often after a few weeks" beside "Check again in a few
    weeks", for someone who has had it for 4 years. The step says what a change looks like (NHS: very bad or getting
    worse, in the way of daily life) and that a doctor should check it once."""
    text = _text(SAM, tmp_path)
    assert text.startswith("URGENCY: CARE FOR IT AT HOME"), text[:200]
    home = _home(text)
    assert "after a few weeks" not in home, home
    assert "come more often, last longer or hurt more" in home and "daily life" in home, home
    assert "next routine doctor's visit" in home and "common, harmless kind" in home, home


# Walkthrough K (Dev, 17): fingers white then blue in the cold since last winter, both hands.
DEV = {"age": 17, "sex": "male", "findings": {**SAM["findings"], "lasting_over_6_weeks": True}}


def test_a_home_care_raynauds_result_never_sends_a_first_check_to_a_gp_as_a_step(tmp_path: Path) -> None:
    """Walkthrough K: 'CARE FOR IT AT HOME' beside a home step 'See a GP ... if no doctor has checked them yet' read as
    a contradiction. Only a doctor can tell it is the harmless primary kind, so the step says there is no rush: mention
    it at the next routine visit. The see-a-GP changes (worse, daily life, one side, after 30, joints, rash, sores)
    stay."""
    text = _text(DEV, tmp_path)
    assert text.startswith("URGENCY: CARE FOR IT AT HOME"), text[:200]
    home = _home(text)
    assert "if no doctor has checked them yet" not in home, home
    assert "there is no rush" in home and "next routine doctor's visit" in home, home
    assert "See a GP if the attacks get worse" in home and "daily life" in home, home
    for change in ("only on one side of your body", "joints get painful or swollen", "sores or ulcers on your fingertips"):
        assert change in text, change
    care = run_cli("--plain", "care", "raynaud")  # the plan's own see-a-GP changes stay
    assert care.code == 0 and "joint pain, rashes or weak muscles" in _flat(care.out), care.out


def test_the_home_care_banner_does_not_say_see_a_doctor_if_it_lasts_to_someone_with_attacks(tmp_path: Path) -> None:
    """The self-care banner's "See a doctor if it lasts" sent Sam (4 years of attacks) to a doctor at once, beside a
    plan for attacks that keep coming. For spells that come and go, or that have lasted for weeks, it says what a
    change looks like; a single spell (pressure on the arm) keeps "if it lasts"."""
    banner = _text(SAM, tmp_path).split("What to do")[0]
    assert "if it lasts" not in banner, banner
    assert "See a doctor if it changes, comes more often or gets worse." in banner, banner
    assert "By when: Give each home step the time it says below, then check again." in banner  # one timeline: the steps'
    pressure = {"age": 40, "findings": {
        "after_pressure_on_arm": True, "episode_resolved_within_hour": True, "one_hand": True, "both_hands": False,
        "onset_sudden": False, "hand_weakness": False, "comes_and_goes": False, "lasting_over_6_weeks": False,
        "face_drooping": False, "speech_difficulty": False, "arm_or_leg_weakness_sudden": False, "constant": False}}
    single = _text(pressure, tmp_path)
    assert single.startswith("URGENCY: CARE FOR IT AT HOME"), single[:200]
    assert "See a doctor if it lasts or gets worse." in single.split("What to do")[0]
