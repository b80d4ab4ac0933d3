"""Walkthrough AD (independent reviewer AD2, D6 Aisha): the rule's own act comes before the doubt's call buttons, and a
'not sure' about a sudden headache says what is not known beside the headache she said yes to.

Aisha, 31, 30 weeks pregnant: for 3 weeks both hands tingle at night (thumb, index, middle fingers); today a bad
headache and blurry vision with flashing lights. Step by step she was not sure about "You have a sudden, very bad
headache", said "8 days to 6 weeks", "I don't know how fast it came, for example I first noticed it on waking", then yes to the
pregnancy warning signs (rule ur_pregnancy_signs: "Contact your maternity team now").

HIGH 1: under "CONTACT YOUR MATERNITY TEAM NOW" came first the "NOT SURE: ... call your emergency number now" box and
">> Call 911 / 999 / 112"; "Call your maternity unit or midwife now", the action she is sure of, was below the fold on
a phone. When a rule's own act leads over a doubt (`rule_leads`), its action and by-when come right under its title,
then the doubt's line with the emergency buttons. Near miss: a caution that leads (no rule's own act: shingles) keeps
its line and buttons first. Unknown: not sure of the pregnancy warning signs themselves: no rule leads, the caution
first as before.

HIGH 2: "! You are pregnant and have a severe headache, vision problems..." beside "? You have a sudden, very bad
headache" read as a contradiction. Beside a yes that names a headache, the not-sure item says what is not known:
how fast the headache came on (findings.yaml `unsure_with`). Near miss: no pregnancy warning signs (a no):
the item keeps its list words. Unknown: not sure of the warning signs too: its list words.

MEDIUM: "You once had blurred vision or eye pain that cleared up" beside blurred vision now: said as in the past,
before this.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from numbwise.kb import load
from tests.conftest import assess_cli, assess_plan, check_cli
from tests.test_result_unsure import THYROID_CRAMPS_UNSURE
from tests.test_walk_ac_aisha_preg import AISHA as AC_AISHA

# not sure of 8 (a sudden, very bad headache), no to the others; more than a week; 31 f; on waking or don't know;
# thumb, index and middle of both hands; nowhere else; the pregnancy warning signs; see what to do now
STEPS = "?8\n\n3\n31\nf\n5\nL1 L2 L3 R1 R2 R3\n\n\n\n\n18 19\n\n" + "\n" * 10
ACT = next(r.act for r in load().triage.rules if r.id == "ur_pregnancy_signs")
HEADACHE = load().findings["severe_sudden_headache"]
SUDDEN_WORDS = " ".join(HEADACHE.unsure_with.get("pregnancy_warning_signs", "").split())
LIST_WORDS = HEADACHE.checklist or ""
AISHA: dict[str, Any] = {**AC_AISHA, "unsure": ["onset_gradual", "onset_over_days", "onset_sudden",
                                                 "severe_sudden_headache"]}


def _banner(text: str) -> str:
    """The printed banner: from the urgency line to the first list under it."""
    return text.split("URGENCY: ", 1)[1].split("Warning signs in your answers", 1)[0]


def test_step_by_step_her_maternity_action_comes_before_the_doubts_call_buttons() -> None:
    """HIGH 1, hit: title, her own action and by-when, then the doubt's line, then the emergency buttons."""
    assert ACT is not None and ACT.title is not None
    banner = _banner(check_cli(STEPS))
    assert banner.startswith(ACT.title.upper()), banner[:200]
    action, by_when = " ".join(ACT.action.split()), " ".join(ACT.by_when.split())
    at = [banner.index(action), banner.index(f"By when: {by_when}"), banner.index("NOT SURE:"),
          banner.index("call your emergency number now"), banner.index(">> Call 911")]
    assert at == sorted(at), banner
    assert "the advice above still holds" in banner and "the advice here still holds" not in banner


def test_the_plan_says_the_caution_goes_under_the_act(tmp_path: Path) -> None:
    """HIGH 1, hit (the plan every face renders): a rule that leads puts the caution under its own act."""
    plan = assess_plan(AISHA, tmp_path)
    assert plan["rule_leads"] and plan["caution"] and plan["numbers"] and plan["heading"] == ACT.title  # type: ignore[union-attr]
    text = assess_cli(AISHA, tmp_path)
    banner = _banner(text)
    assert banner.index(" ".join(ACT.action.split())) < banner.index("NOT SURE:") < banner.index(">> Call 911")  # type: ignore[union-attr]


def test_other_rules_that_lead_over_doubts_get_the_same_order(tmp_path: Path) -> None:
    """HIGH 1, hit: thyroid surgery ('call your surgical team or doctor today') over a doubt: its action first."""
    plan = assess_plan(THYROID_CRAMPS_UNSURE, tmp_path)
    assert plan["rule_leads"]
    banner = _banner(assess_cli(THYROID_CRAMPS_UNSURE, tmp_path))
    assert banner.startswith(plan["title"].upper())
    assert banner.index(plan["action"]) < banner.index(f"By when: {plan['by_when']}") < banner.index("NOT SURE:") \
        < banner.index(">> Call")


def test_near_miss_a_caution_that_leads_keeps_its_line_and_buttons_first(tmp_path: Path) -> None:
    """HIGH 1, near miss: shingles with a doubt: no rule's own act, the caution leads as before, above the action."""
    case = {"age": 50, "sex": "male", "findings": {"rash_blisters_band": True, "both_hands": True},
            "unsure": ["vision_loss_sudden"]}
    plan = assess_plan(case, tmp_path)
    assert not plan["rule_leads"] and plan["caution"]
    banner = _banner(assess_cli(case, tmp_path))
    assert banner.index(">> Call") < banner.index(plan["action"])


def test_unknown_not_sure_of_the_warning_signs_themselves_the_caution_leads(tmp_path: Path) -> None:
    """HIGH 1, unknown: not sure of the pregnancy warning signs: no rule fired on a yes, the caution comes first."""
    case = {**AISHA, "findings": {k: v for k, v in AISHA["findings"].items() if k != "pregnancy_warning_signs"},
            "unsure": [*AISHA["unsure"], "pregnancy_warning_signs"]}
    plan = assess_plan(case, tmp_path)
    assert not plan["rule_leads"] and plan["caution"]
    banner = _banner(assess_cli(case, tmp_path))
    assert banner.index(plan["caution"][:40]) < banner.index(plan["action"][:40])


def test_step_by_step_the_sudden_headache_doubt_says_what_is_not_known() -> None:
    """HIGH 2, hit: beside her yes to a severe headache in pregnancy, the doubt is how fast it came on."""
    assert SUDDEN_WORDS and "fast" in SUDDEN_WORDS and "headache" in SUDDEN_WORDS
    text = check_cli(STEPS)
    result = text.split("URGENCY: ", 1)[1]
    assert f"? {SUDDEN_WORDS}" in result and LIST_WORDS not in result, result
    caution = _banner(text).split("NOT SURE:", 1)[1]
    assert SUDDEN_WORDS[:1].lower() + SUDDEN_WORDS[1:] in caution  # the caution names it in the same words


def test_near_miss_no_pregnancy_warning_signs_keeps_the_list_words(tmp_path: Path) -> None:
    """HIGH 2, near miss: a no to the warning signs in pregnancy: no headache said, the item keeps its list words."""
    case = {**AISHA, "findings": {**AISHA["findings"], "pregnancy_warning_signs": False}}
    items = [u["text"] for g in assess_plan(case, tmp_path)["unsure"] for u in g["items"]]
    assert SUDDEN_WORDS and LIST_WORDS in items and SUDDEN_WORDS not in items


def test_unknown_not_sure_of_the_warning_signs_keeps_the_list_words(tmp_path: Path) -> None:
    """HIGH 2, unknown: not sure of the warning signs too: no headache known, the item keeps its list words."""
    case = {**AISHA, "findings": {k: v for k, v in AISHA["findings"].items() if k != "pregnancy_warning_signs"},
            "unsure": [*AISHA["unsure"], "pregnancy_warning_signs"]}
    items = [u["text"] for g in assess_plan(case, tmp_path)["unsure"] for u in g["items"]]
    assert SUDDEN_WORDS and LIST_WORDS in items and SUDDEN_WORDS not in items


def test_a_headache_after_the_numbness_also_makes_the_doubt_the_sudden_start(tmp_path: Path) -> None:
    """HIGH 2, hit: a yes to a headache after the numbness names a headache too: the doubt is its sudden start."""
    words = " ".join(HEADACHE.unsure_with.get("headache_follows", "").split())
    case = {"age": 30, "sex": "female", "findings": {"headache_follows": True, "one_hand": True, "numb_index": True},
            "unsure": ["severe_sudden_headache"]}
    items = [u["text"] for g in assess_plan(case, tmp_path)["unsure"] for u in g["items"]]
    assert words and words in items and LIST_WORDS not in items


def test_medium_a_past_vision_spell_is_said_as_in_the_past() -> None:
    """MEDIUM: the past sight spell's list words say it was in the past, before this (not the blurred vision now)."""
    entry = load().findings["past_vision_episode"]
    assert entry.checklist is not None and "in the past, before this" in entry.checklist.lower()
    assert "in the past, before this" in entry.said_yes.lower()


def test_a_sight_doubt_beside_her_vision_problems_says_what_is_not_known(tmp_path: Path) -> None:
    """As the headache: beside her yes to vision problems in pregnancy, a 'not sure' to losing sight says it is about
    losing sight or seeing double, never "? You suddenly lose sight" under "! ... vision problems". Near miss: no
    pregnancy warning signs keeps the list words."""
    sight = load().findings["vision_loss_sudden"]
    words = " ".join(sight.unsure_with.get("pregnancy_warning_signs", "").split())
    case = {**AISHA, "unsure": [*AISHA["unsure"], "vision_loss_sudden"]}
    items = [u["text"] for g in assess_plan(case, tmp_path)["unsure"] for u in g["items"]]
    assert words and words in items and sight.checklist not in items
    calm = {**case, "findings": {**AISHA["findings"], "pregnancy_warning_signs": False}}
    items = [u["text"] for g in assess_plan(calm, tmp_path)["unsure"] for u in g["items"]]
    assert sight.checklist in items and words not in items
