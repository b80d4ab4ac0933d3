"""The exercise library, its pictures and the care plans, through the knowledge loader and the CLI."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from numbwise.kb import load
from numbwise.kb.loader import KNOWLEDGE_DIR
from tests.conftest import run_cli

KB = load()
STEPS = [(eid, st) for eid, e in KB.exercises.exercises.items() for st in e.steps]
SVG = "{http://www.w3.org/2000/svg}"


def test_the_library_holds_at_least_ten_exercises_each_step_with_its_own_picture() -> None:
    assert len(KB.exercises.exercises) >= 10
    pictures = [st.picture for _, st in STEPS]
    assert len(pictures) == len(set(pictures)), "two steps share a picture"
    on_disk = {p.name for p in (KNOWLEDGE_DIR / "pictures").glob("*.svg")}
    assert set(pictures) == on_disk, "pictures without a step, or steps without a picture"
    assert {"tendon_gliding", "median_nerve_gliding", "ulnar_nerve_glide", "spider_pushups", "hand_shake"} <= set(KB.exercises.exercises)
    assert len(KB.exercises.exercises["tendon_gliding"].steps) == 5
    assert len(KB.exercises.exercises["median_nerve_gliding"].steps) == 6


@pytest.mark.parametrize("eid,step", STEPS, ids=[f"{e}.{s.id}" for e, s in STEPS])
def test_every_picture_is_a_valid_self_contained_svg_with_real_ink(eid: str, step: object) -> None:
    import resvg_py
    from PIL import Image

    path = KNOWLEDGE_DIR / "pictures" / step.picture  # type: ignore[attr-defined]
    assert re.fullmatch(r"[a-z0-9_]+\.svg", path.name)
    text = path.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox", ""))
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == step.alt  # type: ignore[attr-defined]
    assert "<script" not in text.lower() and "http://" not in text.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in text and "href" not in text
    png = resvg_py.svg_to_bytes(svg_string=text, background="#ffffff")
    img = Image.open(io.BytesIO(bytes(png))).convert("L")
    dark = sum(img.histogram()[:128])
    assert dark > 0.01 * img.width * img.height, "the picture is (almost) blank"


def test_tendon_glide_positions_look_different() -> None:
    import resvg_py
    from PIL import Image, ImageChops

    imgs = {}
    for st in KB.exercises.exercises["tendon_gliding"].steps:
        png = resvg_py.svg_to_bytes(svg_path=str(KNOWLEDGE_DIR / "pictures" / st.picture))
        imgs[st.id] = Image.open(io.BytesIO(bytes(png))).convert("L")
    ids = list(imgs)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            assert ImageChops.difference(imgs[a], imgs[b]).getbbox() is not None, f"{a} and {b} are drawn alike"


def test_every_exercise_warns_to_stop_when_numbness_gets_worse_and_mentions_surgery() -> None:
    for eid, e in KB.exercises.exercises.items():
        text = " ".join(e.cautions).lower()
        assert "worse" in text and "stop" in text, eid
        if eid != "hand_shake":
            assert "surgery" in text, eid


def test_routines_cover_the_nerve_causes() -> None:
    r = KB.exercises.routines
    assert {"desk_break", "carpal_tunnel_daily", "ulnar_daily"} <= set(r)
    assert all(KB.exercises.exercises[x].break_friendly for x in r["desk_break"].exercises)
    assert "carpal_tunnel" in r["carpal_tunnel_daily"].for_causes


def test_care_carpal_tunnel_is_complete_and_sourced() -> None:
    run = run_cli("--plain", "care", "carpal_tunnel")
    assert run.code == 0, run.err
    out = run.out
    for part in ("WHAT TO TRY FIRST", "How long: Every night. The NHS says it can take up to 6 weeks", "WHEN TO GET MORE HELP",
                 "steroid shot", "surgeon", "BOOK A DOCTOR'S VISIT IF", "EXERCISE ROUTINE", "SOURCES", "nhs.uk"):
        assert part in out, part
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", out)}
    listed = {int(n) for n in re.findall(r"^  (\d+)\. ", out.split("SOURCES")[1], re.M)}
    assert cited and cited == listed


def test_care_json_has_every_statement_pointing_at_a_source() -> None:
    run = run_cli("care", "carpal_tunnel", "--json")
    assert run.code == 0
    plan = json.loads(run.out)
    n = len(plan["sources"])
    assert plan["steps"] and all(s["refs"] and max(s["refs"]) <= n for s in plan["steps"])
    assert all(e["refs"] for e in plan["escalation"]) and plan["warning_refs"] and plan["summary_refs"]
    assert plan["routine"]["id"] == "carpal_tunnel_daily" and plan["foods"] is None


def test_care_b12_shows_the_food_list_and_emergencies_get_no_routine() -> None:
    b12 = json.loads(run_cli("care", "b12_deficiency", "--json").out)
    assert b12["foods"]["rows"]
    stroke = json.loads(run_cli("care", "stroke_tia", "--json").out)
    assert stroke["kind"] == "doctor_first" and stroke["routine"] is None and not stroke["steps"]
    other = json.loads(run_cli("care", "lyme_disease", "--json").out)
    assert other["kind"] == "generic" and "doctor" in other["summary"]


@pytest.mark.parametrize("cause, must, must_not, sources", [
    ("stroke_tia", ["Balance", "Eyes", "Face", "Arm", "Speech", "even if the signs go away"], ["chest", "legs", "Chest"],
     {"befast_aroor_2017", "asa_stroke_signs", "nhs_tia"}),
    ("heart_attack", ["chest", "arms, your back, neck, jaw"], ["droops", "feet"], {"aha_heart_attack", "nhs_heart_attack"}),
    ("guillain_barre", ["climbs up from your legs", "breathe"], ["chest", "droops"], {"mayo_gbs"}),
])
def test_doctor_first_plans_are_specific_to_their_cause(cause: str, must: list[str], must_not: list[str],
                                                         sources: set[str]) -> None:
    plan = json.loads(run_cli("care", cause, "--json").out)
    assert plan["kind"] == "doctor_first" and plan["warnings"][0]["heading"] == "Call your emergency number now if"
    lines = " ".join(line for group in plan["warnings"] for line in group["lines"])
    signs = lines + " " + plan["summary"]
    assert all(m in signs for m in must), signs
    assert not any(m in lines for m in must_not), lines
    warned_by = {plan["sources"][r - 1]["id"] for r in plan["warning_refs"]}
    assert sources <= warned_by
    others = {"stroke_tia": {"aha_heart_attack", "mayo_gbs"}, "heart_attack": {"mayo_gbs", "befast_aroor_2017"},
              "guillain_barre": {"aha_heart_attack", "befast_aroor_2017", "nhs_tia"}}[cause]
    assert not others & {s["id"] for s in plan["sources"]}
    text = run_cli("--plain", "care", cause).out
    assert "CALL YOUR EMERGENCY NUMBER NOW IF" in text and "BOOK A DOCTOR'S VISIT IF" not in text


def test_care_unknown_cause_exits_2_with_suggestions() -> None:
    run = run_cli("care", "carpal")
    assert run.code == 2 and "carpal_tunnel" in run.err


def test_care_without_a_check_says_how_to_get_one() -> None:
    run = run_cli("care")
    assert run.code == 1 and "numbwise check" in run.err and "numbwise care carpal_tunnel" in run.err


def test_care_plans_read_at_an_easy_level() -> None:
    from numbwise.kb.check import person_texts
    from numbwise.kb.readability import grade

    texts = [t for w, t in person_texts(KB) if w.startswith(("care.", "exercises."))]
    assert len(texts) > 100
    assert sum(grade(t) for t in texts) / len(texts) <= KB.meta.reading_grade_target


def test_care_without_a_cause_uses_the_latest_stored_check() -> None:
    from datetime import datetime, timezone

    from numbwise.diary.store import open_store
    from tests.conftest import dev_check

    empty = run_cli("--plain", "care")
    assert empty.code == 1 and "numbwise check" in empty.err
    with open_store() as store:
        at = datetime(2026, 11, 1, 9, tzinfo=timezone.utc)
        store.add_check(at, *dev_check("dev-006"))  # ulnar nerve entrapment named
        store.add_check(at.replace(day=2), *dev_check("dev-001"))  # carpal tunnel named
    plan = json.loads(run_cli("care", "--json").out)
    assert plan["cause"] == "carpal_tunnel"


def test_learn_shows_every_exercise_with_its_dose_cautions_and_sources() -> None:
    from numbwise.kb import load

    listing = run_cli("--plain", "learn").out
    for eid, e in load().exercises.exercises.items():
        assert f"{eid}: {e.name}" in listing
        page = run_cli("--plain", "learn", eid)
        assert page.code == 0, page.err
        assert "How much" in page.out and "Take care" in page.out and "Sources" in page.out
        assert all(step.say in page.out for step in e.steps)


def test_learn_suggests_a_close_exercise() -> None:
    run = run_cli("learn", "tendon_glide")
    assert run.code == 2 and "tendon_gliding" in run.err


NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def test_no_routine_summary_states_a_length_other_than_the_computed_one() -> None:
    from numbwise.care.session import timeline

    n = r"(\d+|" + "|".join(NUMBER_WORDS) + ")"
    stated = re.compile(rf"\b{n}(?:\s*(?:to|-)\s*{n})?\s*(?:minutes?|mins?)\b", re.I)
    for rid, routine in KB.exercises.routines.items():
        minutes = sum(p.seconds for p in timeline(KB.exercises, routine)) / 60
        for match in stated.finditer(f"{routine.name}. {routine.summary}"):
            low, high = _number(match[1]), _number(match[2] or match[1])
            assert low - 0.5 <= minutes <= high + 0.5, f"{rid}: says '{match[0]}', but it takes {minutes:.1f} minutes"
def test_suggestion_for_never_suggests_exercises_when_a_doctor_comes_first() -> None:
    """A routine only for the cause the check's result named; nothing after an emergency, urgent or can't-tell result."""
    from numbwise.care.routines import Choice, NoSuggestion, suggestion_for
    from numbwise.kb import load
    from tests.conftest import dev_check

    kb = load()
    assert isinstance(none := suggestion_for(kb, None), Choice) and none.routine_id == kb.exercises.default_routine
    case, result = dev_check("dev-003")  # self-care, carpal tunnel named
    cts = suggestion_for(kb, result, case)
    assert isinstance(cts, Choice) and cts.routine_id == kb.care.plans["carpal_tunnel"].routine and cts.why == "cause"
    case, result = dev_check("dev-028")  # a stroke emergency: it showed no causes, so none is repeated
    got = suggestion_for(kb, result, case)
    assert isinstance(got, NoSuggestion) and got.reason == "level" and got.cause_id is None
    assert got.level_title == kb.triage.levels["emergency"].title
    case, result = dev_check("dev-011")  # urgent, spinal cord compression named
    got = suggestion_for(kb, result, case)
    assert isinstance(got, NoSuggestion) and got.reason == "level" and got.cause_id == "cervical_myelopathy"
    case, result = dev_check("dev-008")  # routine, a pinched nerve in the neck named: no routine made for it
    got = suggestion_for(kb, result, case)
    assert isinstance(got, NoSuggestion) and got.reason == "no_routine" and got.cause_id == "cervical_radiculopathy"
    case, result = dev_check("dev-018")  # "We can't tell yet": carpal tunnel ranked first, but not named
    assert result["causes"][0]["id"] == "carpal_tunnel"
    got = suggestion_for(kb, result, case)
    assert isinstance(got, NoSuggestion) and got.reason == "cant_tell" and got.cause_id is None
    # a result kept without its answers names nothing this version can confirm
    got = suggestion_for(kb, {"triage": "routine", "causes": [{"id": "carpal_tunnel", "probability": 0.9}]}, {})
    assert isinstance(got, NoSuggestion) and got.reason == "cant_tell"
    got = suggestion_for(kb, {"triage": "self_care", "causes": []}, {})
    assert isinstance(got, NoSuggestion) and got.reason == "cant_tell"
