"""Walkthrough U (independent reviewer, MEDIUM): Mei, a warning sign in pregnancy, read "now" only 3 screens later.

Mei, 31, 32 weeks pregnant: thumb, index and middle fingers of both hands tingle at night for 3 weeks; today a bad
headache that will not go away, a puffy face and hands, flashing lights. Step by step she said yes to "During pregnancy:
a severe headache, problems with your vision, or sudden swelling" (pregnancy_warning_signs, rule ur_pregnancy_signs:
"Contact your maternity team now", by when "Now"), then answered 3 more screens (6 with her own words) before she read
it. Now a sign whose advice says "now" is shown at once, as the low-sugar first aid is (interview.yaml `act_first`,
beside `sugar_first`): the rule's own title and action right after the yes, the choice to see what to do now or answer
a few questions, and a `still` line above each later question. Near misses: no warning signs; an emergency already
leads. Unknown: a warning sign not sure of makes no act-now screen claiming she has it; the result leads as before.
"""

from __future__ import annotations

from numbwise.assess.interview import (Interview, act_first, answer, choice_answer, describe, fingers_answer,
                                       next_question, outcome, start, still_line)
from numbwise.kb import load
from tests.conftest import check_cli

RULE = "ur_pregnancy_signs"
# the first list none; 31 f; slowly; thumb, index and middle fingers of both hands; nowhere else; then the soon list
UP_TO_SOON = "\n31\nf\n3\nR1 R2 R3 L1 L2 L3\n\n"
# none on the soon list; worse at night, wakes her; nothing else; then her health list, where the pregnancy warning
# signs come right after "You are pregnant" (walkthrough AR, Lena: never before it)
UP_TO_HISTORY = UP_TO_SOON + "\n4 5\n\n\n"
YES = UP_TO_HISTORY + "18 19\n\n"  # pregnant and the warning signs, no to all the others
REST = "n\n" * 12
NO_SIGNS = UP_TO_HISTORY + "18\n\n" + REST
RESULT = "URGENCY: CONTACT YOUR MATERNITY TEAM NOW"


def _entry() -> tuple[str, str, str, str]:
    """The maternity rule's act title and action, and its act-first go_on and still lines, as the check says them."""
    entry = next(e for e in load().interview.act_first if e.rule == RULE)
    act = next(r.act for r in load().triage.rules if r.id == RULE)
    assert act is not None and act.title is not None
    return act.title, " ".join(act.action.split()), " ".join(entry.go_on.split()), " ".join(entry.still.split())


def test_meis_yes_leads_to_the_maternity_advice_at_once() -> None:
    """The hit, in the terminal: the warning signs are asked right after "You are pregnant", on her health list, the
    last list; after her yes no further question comes before the result, which leads with the maternity team."""
    title, action, _, _ = _entry()
    out = check_cli(YES + REST)
    history = out.split("Question 8:", 1)[1]
    assert history.index("You are pregnant") < history.index("During pregnancy: a severe headache")
    assert "Question 9:" not in out and RESULT in out and "You answered 8 questions." in out
    assert "Call 999" not in out.split(RESULT, 1)[1].split("Call your emergency number now if")[0]


def test_near_miss_no_warning_signs_shows_no_such_screen() -> None:
    title, _, go_on, still = _entry()
    out = check_cli(NO_SIGNS)
    assert go_on not in out and still not in out and title not in out and "CONTACT YOUR MATERNITY" not in out


def test_unknown_a_warning_sign_not_sure_of_gets_no_act_now_screen() -> None:
    """A 'not sure' never shows a screen saying she has the signs: the result's not-sure lead, as before."""
    title, _, go_on, still = _entry()
    out = check_cli(UP_TO_HISTORY + "18 ?19\n\n" + REST)
    assert go_on not in out and still not in out and title not in out
    # the result leads with the maternity team's call to check (walkthroughs AM and AO, Lena: never "today" and "now")
    assert "URGENCY: CALL YOUR MATERNITY TEAM NOW TO CHECK" in out
    act = next(r.act for r in load().triage.rules if r.id == RULE)
    assert act is not None and act.if_unsure is not None and " ".join(act.if_unsure.split()) in out


def _before_history() -> Interview:
    """Mei's answers in the core, up to her health list (not answered), where the pregnancy signs are asked."""
    iv = start(31, "female")
    while (q := next_question(iv)) is not None and q.id != "screen_history":
        if q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 2))
        elif q.kind == "fingers":
            iv = answer(iv, q, fingers_answer({1, 2, 3}, {1, 2, 3}))
        else:
            iv = answer(iv, q, {f: False for f in q.findings})
    assert q is not None
    return iv


def test_the_core_asks_nothing_more_after_the_yes_on_her_last_list() -> None:
    """In the core: her yes on the health list fires the maternity rule and leaves nothing to ask, so no act-first
    step stands between it and the result (`act_first` is for a yes with questions still to come: her words)."""
    iv = _before_history()
    q = next_question(iv)
    assert q is not None and q.id == "screen_history"
    assert q.findings.index("pregnancy_warning_signs") == q.findings.index("pregnant") + 1  # right after it
    iv = answer(iv, q, {f: f in ("pregnant", "pregnancy_warning_signs") for f in q.findings})
    assert RULE in outcome(iv).rules and next_question(iv) is None and act_first(iv) is None


def test_the_core_shows_it_right_after_her_words() -> None:
    _, _, go_on, _ = _entry()
    iv = describe(start(31, "female"), {"pregnancy_warning_signs": True, "pregnant": True, "worse_at_night": True})
    step = act_first(iv)
    assert step is not None and step.go_on == go_on


def test_near_miss_an_emergency_already_leads() -> None:
    """A stroke sign beside the pregnancy signs: the emergency's call advice leads, never the maternity screen."""
    iv = describe(start(31, "female"), {"pregnancy_warning_signs": True, "face_drooping": True})
    assert outcome(iv).triage == "emergency"
    assert act_first(iv) is None
    _, _, _, still = _entry()
    assert still_line(iv) != still


def test_the_knowledge_names_the_rule_and_its_source() -> None:
    entry = next(e for e in load().interview.act_first if e.rule == RULE)
    assert "nhs_pre_eclampsia" in entry.sources


WORDS = ("I'm 31, 32 weeks pregnant. For 3 weeks my thumb, index and middle fingers of both hands tingle at night. "
         "Today I have a bad headache that won't go away, my face and hands look puffy and I sometimes see flashing lights.")


def test_her_own_words_show_it_before_the_first_question() -> None:
    """Own words (6 screens before the advice in the walkthrough): the words kept, then the maternity advice at once."""
    title, action, go_on, _ = _entry()
    out = check_cli("\n1\n", "--describe", WORDS)
    assert "Question 1:" not in out and go_on in out and action in out
    assert out.index("we understood") < out.index(title) < out.index(RESULT)


def test_kb_check_refuses_an_act_first_entry_for_an_emergency_rule() -> None:
    """An emergency has its own call advice first: kb check names an act_first entry for one, and one without an act."""
    from dataclasses import replace

    from numbwise.kb.loader import _cross_check

    kb = load()
    bad = [e.model_copy(update={"rule": "em_low_sugar_confused"}) for e in kb.interview.act_first] + \
        [e.model_copy(update={"rule": "ro_long_lasting"}) for e in kb.interview.act_first]
    broken = replace(kb, interview=kb.interview.model_copy(update={"act_first": bad}))
    problems: list[str] = []
    _cross_check(broken, problems)
    assert "interview.yaml: act_first: 'em_low_sugar_confused' is emergency; only an urgent or routine rule" in problems
    assert "interview.yaml: act_first: 'ro_long_lasting' is not a rule with an act" in problems
    fine: list[str] = []
    _cross_check(kb, fine)
    assert not [p for p in fine if "act_first" in p]
