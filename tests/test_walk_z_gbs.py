"""Walkthrough Z (reviewer Z2): Sam's weak legs getting worse, Sam's "not spreading", Nadia's "starts suddenly",
Eleanor's breathlessness of some weeks.

1. Sam, 19, a week after a stomach bug: toes and fingers tingling for 4 days, legs weak on the stairs since yesterday
   and getting worse. Step by step, "not sure" to the weakness creeping up from his feet (they began together), the
   result said it could not tell how urgent it was, though its own check was answered yes. Now weak legs getting worse,
   with numb feet that came on over days, is an emergency (em_weak_legs_worsening: NICE NG127, NHS Highland GBS).
2. "- The numbness is not spreading to your other arm or legs" was a point against a cause with his hands and feet numb.
3. Nadia, not her usual aura, tingling crept over 20 minutes: "Numbness that starts suddenly ..." twice, then "It crept
   from one place to another over several minutes". Now the reason says it came on within minutes, once.
4. Eleanor, 74, "a bit breathless on stairs for some weeks": her words gave today, step by step the item was "short of
   breath ... now, or in the last few days" and gave a routine visit. The item now asks about days or weeks.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan, check_cli, with_findings
from tests.test_walk_y_nadia import NADIA, NOT_USUAL, _web_early_result

RULE = "em_weak_legs_worsening"
RISING = "weakness_rising_from_legs"
SAM: dict[str, Any] = {"age": 19, "sex": "male", "unsure": [RISING], "findings": {
    "both_hands": True, "numb_feet": True, "leg_weakness": True, "getting_worse": True, "onset_over_days": True,
    "recent_infection": True, "vomiting_or_diarrhea": True, "onset_gradual": False, "onset_sudden": False}}
SAM_WORDS = ("4 days ago, a week after a stomach bug, tingling started in my toes and fingers. Since yesterday my legs "
             "feel weak climbing stairs, and it is getting worse")
CALL_NOW = "CALL EMERGENCY SERVICES NOW"
NOT_SURE = "NOT SURE ABOUT SOME EMERGENCY SIGNS"
NOT_SPREADING = " ".join(load().findings["spreading_to_other_limbs"].said_no.split())


def _rule() -> Any:
    return next(r for r in load().triage.rules if r.id == RULE)


def _without(case: dict[str, Any], fid: str) -> dict[str, Any]:
    """The same person with one answer left not known."""
    return {**case, "findings": {k: v for k, v in case["findings"].items() if k != fid}}


def _why(out: str) -> str:
    return out.split("Why this level", 1)[1].split("Note: numbwise", 1)[0].split("What may be causing it", 1)[0]


# 1. Weak legs getting worse, with numb feet that came on over days: call now


def test_sam_step_by_step_not_sure_of_creeping_is_an_emergency_with_its_reason(tmp_path: Path) -> None:
    plan = assess_plan(SAM, tmp_path)
    assert plan["level"] == "emergency", plan["level"]
    out = assess_cli(SAM, tmp_path)
    assert CALL_NOW in out and NOT_SURE not in out and "We can't tell yet" not in out, out[:400]
    why = " ".join(_rule().why.split())
    assert why in out and "Guillain-Barre" in why
    assert {"nice_ng127_weakness", "nhs_highland_gbs"} <= set(_rule().sources)


def test_sam_own_words_still_call_now() -> None:
    out = check_cli("y\n\n1\n", "--describe", SAM_WORDS)
    assert CALL_NOW in out, out[-600:]


def test_near_miss_weak_legs_not_getting_worse_keep_todays_result(tmp_path: Path) -> None:
    case = with_findings(SAM, getting_worse=False)
    assert assess_plan(case, tmp_path)["level"] == "urgent"
    out = assess_cli(case, tmp_path)
    assert NOT_SURE in out and "SEE A DOCTOR TODAY" in out  # today's result: not sure about the creeping, else today
    assert " ".join(_rule().why.split()) not in out


def test_near_miss_slowly_over_months_is_not_this_rule(tmp_path: Path) -> None:
    case = with_findings(_without(SAM, "onset_over_days"), onset_gradual=True, recent_infection=False)
    plan = assess_plan({**case, "unsure": []}, tmp_path)
    assert plan["level"] != "emergency", plan["level"]
    assert " ".join(_rule().why.split()) not in assess_cli({**case, "unsure": []}, tmp_path)


def test_unknown_speed_never_lowers_and_says_what_is_not_known(tmp_path: Path) -> None:
    case = {**_without(SAM, "onset_over_days"), "unsure": ["onset_over_days"]}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] in ("emergency", "urgent"), plan["level"]
    out = assess_cli(case, tmp_path)
    assert CALL_NOW in out or NOT_SURE in out, out[:400]  # the unknown speed could make it an emergency


def test_unknown_getting_worse_never_lowers(tmp_path: Path) -> None:
    case = {**_without(SAM, "getting_worse"), "unsure": [RISING, "getting_worse"]}
    out = assess_cli(case, tmp_path)
    assert NOT_SURE in out or CALL_NOW in out, out[:400]


# 2. With both hands and the feet numb, "not spreading" is no point against a cause


def test_not_spreading_is_no_reason_beside_numb_feet(tmp_path: Path) -> None:
    case = with_findings(SAM, getting_worse=False, spreading_to_other_limbs=False)
    out = assess_cli(case, tmp_path)
    assert "What may be causing it" in out
    assert NOT_SPREADING not in out, out


BASE = {"spreading_to_other_limbs": False, "onset_over_days": True, "getting_worse": True, "recent_infection": True}


def _away(**more: bool) -> list[str]:
    from numbwise.assess.explain import cause_reasons

    return [fid for fid, _ in cause_reasons({**BASE, **more}, "guillain_barre", 0.5).away]


def test_near_miss_one_hand_and_feet_not_numb_keep_not_spreading_as_a_reason() -> None:
    assert set(load().findings["spreading_to_other_limbs"].no_is_no_reason_with) == {"numb_feet", "both_hands"}
    assert "spreading_to_other_limbs" in _away(numb_feet=False)
    assert "spreading_to_other_limbs" in _away(one_hand=True)
    assert "spreading_to_other_limbs" not in _away(numb_feet=True)
    assert "spreading_to_other_limbs" not in _away(both_hands=True)


def test_unknown_feet_do_not_silence_the_no() -> None:
    assert "spreading_to_other_limbs" in _away()


# 3. A start that crept over minutes is said as that, once


def _crept() -> str:
    rule = next(r for r in load().triage.rules if r.id == "em_sudden_one_side")
    return " ".join(rule.why_with["spreads_over_minutes"].split())


def test_nadia_not_usual_reason_says_it_came_on_within_minutes_once(tmp_path: Path) -> None:
    out = assess_cli(NADIA, tmp_path)
    why = _why(out)
    assert "starts suddenly" not in why, why
    assert why.count(_crept()) == 1, why
    assert "came on within minutes, creeping" in _crept()


def test_nadia_web_face_says_the_same(tmp_path: Path) -> None:
    page = _web_early_result(tmp_path, NOT_USUAL)
    why = page.split("Why this level", 1)[1]
    assert "starts suddenly" not in why[:600], why[:600]
    assert "came on within minutes, creeping" in why


def test_near_miss_sudden_start_without_the_crept_answer_keeps_starts_suddenly(tmp_path: Path) -> None:
    case = with_findings(NADIA, spreads_over_minutes=False)
    why = _why(assess_cli(case, tmp_path))
    assert "starts suddenly in the hand and the face" in why and "starts suddenly on one side" in why, why
    assert _crept() not in why


def test_unknown_start_with_the_crept_answer_uses_the_same_words(tmp_path: Path) -> None:
    case = _without(NADIA, "onset_sudden")
    plan = assess_plan(case, tmp_path)
    assert plan["level"] == "emergency"
    why = _why(assess_cli(case, tmp_path))
    assert why.count(_crept()) == 1 and "not sure how fast" not in why, why


# 4. Breathless for some weeks: today, both ways of telling it

ELEANOR_WORDS = ("I'm 74, I have taken metformin for 10 years for diabetes. For 4 months tingling in both hands and "
                 "feet, very tired, sore red tongue, a bit breathless on stairs for some weeks")
ELEANOR: dict[str, Any] = {"age": 74, "sex": "female", "unsure": [], "findings": {
    "both_hands": True, "numb_feet": True, "diabetes": True, "takes_metformin": True, "lasting_over_6_weeks": True,
    "onset_gradual": True, "sore_red_tongue": True, "shortness_of_breath": True}}


def test_the_step_by_step_item_asks_about_days_or_weeks() -> None:
    f = load().findings["shortness_of_breath"]
    assert f.checklist and "weeks" in f.checklist and "weeks" in f.question
    screen = check_cli("q\n", codes=(0, 130))
    assert " ".join(f.checklist.split()) in screen


def test_the_web_item_asks_about_days_or_weeks(tmp_path: Path) -> None:
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key="s"))
    page = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", call(app, "GET", "/check").body.decode())).split())
    assert "You get out of breath more easily than before, and this is new (in the last days or weeks)" in page


def test_eleanor_words_and_steps_agree_on_today(tmp_path: Path) -> None:
    from numbwise.parse import parse

    read = parse(ELEANOR_WORDS)
    assert read.findings.get("shortness_of_breath") is True  # her words read the same as before
    assert assess_plan(ELEANOR, tmp_path)["level"] == "urgent"


def test_near_miss_no_new_breathlessness_is_a_routine_visit(tmp_path: Path) -> None:
    assert assess_plan(with_findings(ELEANOR, shortness_of_breath=False), tmp_path)["level"] == "routine"


def test_unknown_breathlessness_never_lowers(tmp_path: Path) -> None:
    case = {**_without(ELEANOR, "shortness_of_breath"), "unsure": ["shortness_of_breath"]}
    out = assess_cli(case, tmp_path)
    assert out.startswith("URGENCY: SEE A DOCTOR TODAY"), out[:300]  # not sure of it: still today, said why
    assert "not sure about: you get out of breath more easily than before" in out
