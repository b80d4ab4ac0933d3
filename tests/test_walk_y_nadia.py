"""Walkthrough Y (independent reviewer, HIGH): Nadia, 29, known migraine, an aura spread over minutes, not her usual one.

Her words: "tingling spread slowly over 20 minutes from my fingers up my arm to my face, then my usual migraine headache,
it is gone now, same as my usual aura" (and the variant "not like my usual aura"). The call-now page listed
"! The tingling spreads slowly over several minutes" as a warning sign (an aura-over-an-hour rule's sign) beside "You
said it is like your usual migraine aura": the spread is the aura's mark, not a danger of its own. Now an emergency page
never lists it on its own; not her usual aura, the reason is that aura, the spread said as part of it. Near miss: her
usual aura keeps its own reason, no spread sign. Unknown: not sure it was like her usual aura, still call now, and the
page says only a doctor can tell.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from numbwise.kb.loader import load
from tests.conftest import assess_cli, assess_plan, check_cli

WORDS = ("tingling spread slowly over 20 minutes from my fingers up my arm to my face, then my usual migraine "
         "headache, it is gone now, {aura}")
NOT_USUAL = WORDS.format(aura="not like my usual aura")
USUAL = WORDS.format(aura="same as my usual aura")
EARLY_NOW = "y\n\n1\n"  # we read you right; keep what we understood; see what to do now
# step by step: none of the first list; 29 f; the crept answer; no injury; right hand; no pressure; migraines yes;
# not the usual aura; not over six weeks
KEYS = "\n29\nf\n4\nn\nR1 R2 R3 R4 R5\nn\ny\nn\nn\n"
CALL_NOW = "CALL EMERGENCY SERVICES NOW"
SPREAD_SIGN = " ".join(load().findings["spreads_over_minutes"].said_yes.split())  # "The tingling spreads slowly ..."
USUAL_BUT = "You said it is like your usual migraine aura."
SUDDEN = "counts as a sudden start"

NADIA: dict[str, Any] = {"age": 29, "sex": "female", "unsure": [], "findings": {
    "spreads_over_minutes": True, "onset_sudden": True, "migraine_history": True, "aura_like_usual": False,
    "one_hand": True, "numb_face_same_side": True, "episode_resolved_within_hour": True, "headache_follows": True,
    "atrial_fibrillation": False, "blood_thinners": False, "previous_stroke_or_tia": False,
    "arm_or_leg_weakness_sudden": False}}


def _note(beside_no: bool) -> str:
    """The stroke rule's note for a spread over minutes: beside a no to the usual aura, or the plain one."""
    rule = next(r for r in load().triage.rules if r.id == "em_sudden_one_side")
    return " ".join(next(n.text for n in rule.notes if n.said == "spreads_over_minutes"
                         and (n.beside_no is not None) is beside_no).split())


def _aura_sign() -> str:
    """The sudden-start sign worded for a spread that is an aura not like the usual one."""
    return " ".join(load().findings["onset_sudden"].said_yes_with_beside_no["spreads_over_minutes"]["aura_like_usual"]
                    .split())


def _signs(out: str) -> str:
    return out.split("Warning signs in your answers", 1)[1].split("What to do", 1)[0]


def _why(out: str) -> str:
    return out.split("Why this level", 1)[1].split("Note: numbwise", 1)[0]


def test_hit_her_words_not_her_usual_aura_early_page_gives_the_aura_as_the_reason() -> None:
    """The early call-now page of her own words: the face is the sign, the unusual aura the reason, no spread sign."""
    out = check_cli(EARLY_NOW, "--describe", NOT_USUAL)
    page = out.split("Type 1 to see what to do now", 1)[1]
    assert CALL_NOW in page
    signs, why = _signs(page), _why(page)
    assert "Your face has been numb on the same side as your hand." in signs
    assert SPREAD_SIGN not in signs and "spreads slowly" not in signs, signs
    assert "not like your usual migraine aura" in _note(True) and _note(True) in why, why
    assert USUAL_BUT not in page and SUDDEN not in page


def test_hit_step_by_step_the_spread_is_said_as_the_aura_not_as_a_sign_of_its_own() -> None:
    """The crept answer and No to the usual aura: one sign, the aura not like her usual one; its reason, not 'sudden'."""
    out = check_cli(KEYS)
    page = out.split(CALL_NOW, 1)[1]
    signs, why = _signs(page), _why(page)
    assert "! " + _aura_sign() in signs, signs
    assert SPREAD_SIGN not in signs and "within minutes, creeping" not in signs, signs
    assert _note(True) in why and _note(False) not in why, why
    assert SUDDEN not in page and USUAL_BUT not in page


def test_hit_the_assessed_case_and_the_web_say_the_same(tmp_path: Path) -> None:
    """Her answers as a case: the plan's signs; and the web's early page of her words says what the terminal says."""
    plan = assess_plan(NADIA, tmp_path)
    assert plan["level"] == "emergency"
    texts = [s["text"] for s in plan["signs"]]
    assert _aura_sign() in texts and SPREAD_SIGN not in texts and "spreads_over_minutes" not in [
        s["finding"] for s in plan["signs"]], texts
    web = _web_early_result(tmp_path, NOT_USUAL)
    signs = web.split("Warning signs in your answers", 1)[1].split("What to do", 1)[0]
    assert "Your face has been numb on the same side as your hand." in signs and SPREAD_SIGN not in signs, signs
    assert _note(True) in web and USUAL_BUT not in web


def test_near_miss_her_usual_aura_keeps_its_reason_without_a_spread_sign() -> None:
    """Same as her usual aura, start and time not yet asked: call now, said why, but the spread is no warning sign."""
    out = check_cli(EARLY_NOW, "--describe", USUAL)
    page = out.split("Type 1 to see what to do now", 1)[1]
    assert CALL_NOW in page
    assert SPREAD_SIGN not in _signs(page) and "spreads slowly" not in _signs(page), _signs(page)
    assert USUAL_BUT in _why(page) and _note(True) not in page


def test_near_miss_her_usual_aura_every_part_said_is_not_an_emergency(tmp_path: Path) -> None:
    """Every part of her usual aura said: not an emergency page, so no emergency warning-sign list with the spread."""
    case = {**NADIA, "findings": {**NADIA["findings"], "aura_like_usual": True}}
    plan = assess_plan(case, tmp_path)
    assert plan["level"] != "emergency" and not plan["signs"], plan["level"]


def test_unknown_not_sure_it_was_her_usual_aura_still_calls_now_and_says_it_cannot_tell(tmp_path: Path) -> None:
    """Not sure whether it was like her usual aura: never lowered, and the page says only a doctor can tell."""
    findings = {k: v for k, v in NADIA["findings"].items() if k != "aura_like_usual"}
    case = {**NADIA, "findings": findings, "unsure": ["aura_like_usual"]}
    assert assess_plan(case, tmp_path)["level"] == "emergency"
    text = assess_cli(case, tmp_path)
    assert CALL_NOW in text
    assert _note(False) in text and "only a doctor can tell them apart" in text
    assert _note(True) not in text and USUAL_BUT not in text  # she did not say either way


def _web_early_result(tmp_path: Path, words: str) -> str:
    """The web check of her words through the ASGI app: we read you right, keep what we understood, see what to do now."""
    from numbwise.web.app import create_app
    from numbwise.web.settings import WebSettings
    from tests.web.asgi_call import call

    app = create_app(settings=WebSettings(store_url=f"sqlite:///{tmp_path / 'd.sqlite3'}", secret_key="s"))
    first = call(app, "GET", "/check/describe")
    cookie = first.headers["set-cookie"].split("\n")[0].split(";")[0]
    body = first.body.decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', body)
    assert csrf is not None

    def post(path: str, fields: list[tuple[str, str]]) -> str:
        state = re.search(r'name="state" value="([^"]+)"', body)
        more = [("state", html.unescape(state.group(1)))] if state is not None and path == "/check" else []
        assert csrf is not None
        r = call(app, "POST", path, urlencode([("csrf", csrf.group(1)), *more, *fields]).encode(),
                 {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
        assert r.status == 200, r.body[:300]
        return str(r.body.decode())

    def token(page: str) -> str:
        found = re.search(r'name="token" value="([^"]+)"', page)
        assert found is not None
        return html.unescape(found.group(1))

    body = post("/check/describe", [("text", words)])
    body = post("/check/describe/confirm", [("token", token(body)), ("answer", "emergency")])
    keeps = [("keep", k) for k in re.findall(r'name="keep" value="([^"]+)"', body)]
    body = post("/check/describe/confirm", [("token", token(body)), *keeps, ("answer", "keep")])
    body = post("/check", [("answer", "emergency_now")])
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
