"""Home steps are things a person can do at home, each with how long to try it; what a doctor can offer sits apart.

The review found prescription medicines as the first home step for diabetic nerve damage, a 'Do not smoke'
step for a non-smoker, surgery in an ulnar home step, two numbers for one splint trial, a weak grip sent
straight to a spine surgeon, an urgent-sounding line under a routine heading, UK-only words beside other
countries' numbers, and 'if it keeps coming back' told to someone whose numbness never goes away.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from numbwise.kb import KnowledgeError, load, load_from
from tests.conftest import edit_file, run_cli

DIABETIC = {"age": 60, "sex": "male", "findings": {
    "both_hands": True, "numb_feet": True, "diabetes": True, "onset_gradual": True, "constant": True,
    "lasting_over_6_weeks": True, "burning_pain": True, "comes_and_goes": False, "hand_weakness": False}}
VIBRATION = {"age": 45, "sex": "male", "findings": {
    "vibrating_tools": True, "both_hands": True, "skin_white_then_blue": True, "triggered_by_cold_or_stress": True,
    "onset_gradual": True, "comes_and_goes": True, "constant": False, "lasting_over_6_weeks": True,
    "hand_weakness": False, "diabetes": False}}
ULNAR = {"age": 40, "sex": "male", "findings": {
    "one_hand": True, "numb_little": True, "numb_ring": True, "worse_elbow_bent": True, "tinel_elbow_positive": True,
    "comes_and_goes": True, "constant": False, "onset_gradual": True, "hand_weakness": False,
    "lasting_over_6_weeks": False, "numb_thumb": False, "numb_index": False}}
NECK_WEAK = {"age": 50, "sex": "male", "findings": {
    "one_hand": True, "neck_pain": True, "pain_shooting_down_arm": True, "worse_neck_movement": True,
    "hand_weakness": True, "onset_gradual": True, "constant": True, "lasting_over_6_weeks": True}}
PRESCRIPTION = ("amitriptyline", "duloxetine", "gabapentin", "pregabalin", "opioid", "steroid", "injection", "shot")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _plan(case: dict[str, Any], tmp_path: Path) -> Any:
    """`numbwise assess --case FILE --format plan`: the plan every face renders."""
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    run = run_cli("assess", "--case", str(path), "--format", "plan")
    assert run.code == 0, run.err
    return json.loads(run.out)


def _text(case: dict[str, Any], tmp_path: Path) -> str:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case))
    run = run_cli("--plain", "assess", "--case", str(path), "--format", "text")
    assert run.code == 0, run.err
    return _flat(run.out)


def _steps(plan: Any) -> str:
    return " ".join(_flat(f"{s['do']} {s['how_long'] or ''}") for s in plan["advice"]["steps"])


# --- 1. prescription medicines are not home steps; every home step says how long -----------------------


def test_the_diabetic_home_steps_hold_no_prescription_medicine(tmp_path: Path) -> None:
    plan = _plan(DIABETIC, tmp_path)
    assert plan["advice"]["cause"] == "diabetic_neuropathy" and plan["advice"]["steps"]
    steps = _steps(plan).lower()
    assert not any(w in steps for w in PRESCRIPTION), steps
    assert all(s["how_long"] for s in plan["advice"]["steps"]), plan["advice"]["steps"]
    # what a doctor can offer is there, apart, under its own heading in the terminal
    assert any("pregabalin" in t for t in plan["advice"]["ask_doctor"])
    text = _text(DIABETIC, tmp_path)
    home = text.index("What you can do at home for Diabetic peripheral neuropathy")
    ask = text.index("What a doctor can offer")
    assert home < ask and "pregabalin" not in text[home:ask] and "pregabalin" in text[ask:]


def test_no_plan_has_a_prescription_medicine_as_a_home_step() -> None:
    for pid, plan in load().care.plans.items():
        for step in plan.steps:
            words = _flat(f"{step.do} {step.how_long or ''}").lower()
            assert not any(w in words for w in PRESCRIPTION[:5]), (pid, step.do)


def test_every_home_step_of_a_result_says_how_long() -> None:
    for pid, plan in load().care.plans.items():
        missing = [step.do[:40] for step in plan.steps if not step.how_long]
        assert not missing, (pid, missing)


def test_the_care_command_shows_what_a_doctor_can_offer_apart() -> None:
    out = _flat(run_cli("--plain", "care", "diabetic_neuropathy").out)
    first, offer = out.index("WHAT TO TRY FIRST"), out.index("WHAT A DOCTOR CAN OFFER")
    assert first < offer and "pregabalin" not in out[first:offer] and "pregabalin" in out[offer:]


def test_an_ask_doctor_item_without_sources_is_refused(kb_copy: Path) -> None:
    text = (kb_copy / "care.yaml").read_text()
    start = text.index("    ask_doctor:", text.index("  diabetic_neuropathy:"))
    end = text.index("sources: [nice_cg173]", start)
    (kb_copy / "care.yaml").write_text(text[:end] + "sources: []" + text[end + len("sources: [nice_cg173]"):])
    with pytest.raises(KnowledgeError):
        load_from(kb_copy)


# --- 2. a smoking step only for someone who may smoke ------------------------------------------------


def test_a_non_smokers_vibration_plan_has_no_smoking_step(tmp_path: Path) -> None:
    plan = _plan({**VIBRATION, "findings": {**VIBRATION["findings"], "smoker": False}}, tmp_path)
    assert plan["advice"]["cause"] == "hand_arm_vibration"
    assert "smok" not in _steps(plan).lower()
    assert all(s["how_long"] for s in plan["advice"]["steps"])


@pytest.mark.parametrize("smoker", [True, None])
def test_a_smoker_or_someone_not_asked_keeps_the_smoking_step(tmp_path: Path, smoker: bool | None) -> None:
    findings = {**VIBRATION["findings"], **({} if smoker is None else {"smoker": smoker})}
    plan = _plan({**VIBRATION, "findings": findings}, tmp_path)
    # a smoker is told straight (walkthrough AY: no "if you ..." to a person who said so); anyone else gets the "if"
    said = "Stop smoking. It helps the blood flow" if smoker else "If you smoke, stopping helps"
    assert said in _steps(plan)


def test_the_care_command_keeps_the_smoking_step_for_anyone() -> None:
    assert "If you smoke, stopping helps" in _flat(run_cli("--plain", "care", "hand_arm_vibration").out)


def test_a_step_about_an_unknown_finding_is_refused(kb_copy: Path) -> None:
    edit_file(kb_copy / "care.yaml", "        about: smoker  #", "        about: smokes_a_lot  #")
    with pytest.raises(KnowledgeError) as exc:
        load_from(kb_copy)
    assert "care.yaml: entry 'hand_arm_vibration': a step is about unknown finding 'smokes_a_lot'" in exc.value.problems


# --- 3. no surgery in a home step -----------------------------------------------------------------------


def test_no_home_step_mentions_surgery(tmp_path: Path) -> None:
    plan = _plan(ULNAR, tmp_path)
    assert plan["advice"]["cause"] == "ulnar_neuropathy"
    assert "surgery" not in _steps(plan).lower() and "3 months" in _steps(plan)
    for pid, entry in load().care.plans.items():
        for step in entry.steps:
            assert "surg" not in _flat(f"{step.do} {step.how_long or ''}").lower(), pid


# --- 4. one number for one splint trial -----------------------------------------------------------------


def test_the_carpal_tunnel_splint_numbers_agree() -> None:
    care = _flat(run_cli("--plain", "care", "carpal_tunnel").out)
    learn = _flat(run_cli("--plain", "learn", "carpal_tunnel").out)
    assert "at least 6 weeks before you judge it" not in care  # the NHS's 6 weeks is how long it can take to start to help
    assert "up to 6 weeks to start to help" in care
    assert "no better after 6 weeks of the splint" in care  # see a GP: the same 6 weeks
    assert "at least 8 weeks of a night splint" in care  # the surgeon: NHS England's minimum trial
    assert "after at least six weeks" not in learn and "after 6 weeks of wearing a splint at night" in learn


# --- 5. a weak grip with a pinched nerve in the neck: see a GP soon, no surgery first ---------------------


def test_a_weak_grip_from_the_neck_is_sent_to_a_gp_not_a_surgeon(tmp_path: Path) -> None:
    plan = _plan(NECK_WEAK, tmp_path)
    advice = plan["advice"]
    assert advice["cause"] == "cervical_radiculopathy" and not advice["steps"]
    # the weakness rule's speed, in the banner's own words (walkthrough Y: never a second "see a GP soon")
    assert "surgery" not in advice["summary"].lower() and f"{plan['title']}. They will check" in advice["summary"]
    assert "Surgery may help" not in _flat(run_cli("--plain", "care", "cervical_radiculopathy").out)


# --- 6. a line's heading matches the urgency its text claims -------------------------------------------


def test_the_migraine_aura_page_does_not_call_a_routine_line_urgent() -> None:
    out = _flat(run_cli("--plain", "learn", "migraine_aura").out)
    assert "needs urgent checks" not in out
    # numbness with an aura that is not the usual one is the sudden-start emergency (walkthrough U, Nadia): never
    # "book a visit" for what the check itself sends to call now
    line = "Numbness comes with an aura that is not like your usual one"
    assert line in out[out.index("Call your emergency number now if"):out.index("See a doctor today if")]
    assert "Book a doctor's visit if" not in out


# --- 7. UK-only words explained -------------------------------------------------------------------------


def _people_texts() -> list[str]:
    tri = load().triage
    out = [t for lv in tri.levels.values() for t in (lv.title, lv.action, *lv.do, *lv.do_not)]
    for r in tri.rules:
        if r.act is not None:
            out += [t for t in (r.act.title, r.act.action, r.act.also, *r.act.do, *r.act.do_not) if t]
    return out


def test_a_and_e_is_explained_and_nhs_111_has_a_non_uk_line() -> None:
    for text in _people_texts():
        for m in re.finditer(r"A&E", text):
            assert "emergency department" in text, text
        if "NHS 111" in text:
            assert "local urgent-care line" in text, text


# --- 8. the routine level's line fits numbness that is there all the time ----------------------------------


def test_a_constant_numbness_is_not_told_if_it_keeps_coming_back(tmp_path: Path) -> None:
    text = _text(DIABETIC, tmp_path)
    assert "if it keeps coming back" not in text and "Do not ignore it. Early care often works better." in text
    assert "even if it comes and goes" not in text  # walkthrough 12.6: not to someone whose numbness never goes


def test_the_web_result_shows_what_a_doctor_can_offer_apart() -> None:
    from numbwise.assess.interview import simulate, to_data
    from itsdangerous import URLSafeSerializer

    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call

    import tempfile

    with tempfile.TemporaryDirectory() as d:
        app = create_app(settings=WebSettings(store_url=f"sqlite:///{d}/d.sqlite3", secret_key="s"))
        iv = simulate(DIABETIC["findings"], DIABETIC["age"], DIABETIC["sex"])
        state = URLSafeSerializer("s", salt="numbwise-check").dumps(
            {"iv": to_data(iv), "about": True, "prefill": {}, "mode": None, "pending": None})
        r = call(app, "GET", "/check?at=" + state)
        assert r.status == 200
        page = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", r.body.decode())).split())
    home = page.index("What you can do at home for Diabetic peripheral neuropathy")
    ask = page.index("What a doctor can offer")
    assert home < ask and "pregabalin" not in page[home:ask] and "pregabalin" in page[ask:]


@pytest.mark.parametrize("cause", ["carpal_tunnel", "radial_nerve_palsy"])
def test_a_plan_never_puts_off_the_doctors_visit_its_result_asks_for(cause: str) -> None:
    """The review: a routine result says 'see a doctor in days to two weeks' while its plan said 'see a doctor after
    6 weeks' (carpal tunnel) or 'see a doctor soon' beside 'see a doctor if no better after 6 weeks' (radial palsy).
    A plan's later doctor step is a return visit, and its first one is never later than the level's two weeks."""
    out = " ".join(run_cli("--plain", "care", cause).out.split())
    assert not re.search(r"after 6 weeks[^.]*\.\s*(How long: )?[^.]*See a doctor\.", out), out
    assert "See a doctor if it is no better after 6 weeks" not in out
    assert "go back to your doctor" in out.lower()
