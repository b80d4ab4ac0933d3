"""Not knowing never lowers the level, over every rule: a property over generated cases, and mutants.

For every finding of every generated case, the level with the finding not known is never below the
level with it false, and never below the level with it true unless that finding is itself a warning
sign the true answer raised (a red flag nobody mentioned is read as "not there", as the case format
says). The same holds for age: an unknown age is never below any known age. The big run (10,000
cases) is `python bench/unknown_never_lowers.py`; the suite runs a smaller sample.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest
from hypothesis import HealthCheck, given, settings

from numbwise.assess.triage import Triage, compile_rules, triage
from numbwise.kb import load
from numbwise.kb.models import Cond, Rule
from tests.triage_cases import case_strategy, level_of, lowers, pinned_cases

SUITE_EXAMPLES = 150


def check_case(findings: Mapping[str, bool], age: int | None, level: Callable[[Mapping[str, bool], int | None], Triage],
               allow_coherence: bool = False) -> list[str]:
    """Every way this case breaks the property (empty when it holds)."""
    return lowers(findings, age, level, allow_coherence=allow_coherence)


@settings(max_examples=SUITE_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_strategy())
def test_unknown_never_lowers_the_rules_level(case: tuple[dict[str, bool], int | None]) -> None:
    findings, age = case
    assert check_case(findings, age, triage) == []


@settings(max_examples=SUITE_EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case_strategy())
def test_unknown_never_lowers_the_whole_assessment(case: tuple[dict[str, bool], int | None]) -> None:
    """The level a person sees: only the coherence rule, which follows the chances shown, may move with an answer."""
    findings, age = case
    assert check_case(findings, age, level_of, allow_coherence=True) == []


def test_the_property_catches_a_rule_that_lets_an_unknown_lower_the_level() -> None:
    """The checker is not vacuous: an exception written with 'not_present' is caught."""
    rules = list(load().triage.rules)
    i = next(i for i, r in enumerate(rules) if r.id == "sc_pressure")
    bad = rules[i].model_copy(update={"when": Cond(all=[Cond(present="after_pressure_on_arm"),
                                                        Cond(not_present="episode_resolved_within_hour"),
                                                        Cond(age_at_least=16)])})
    rules[i] = bad
    compiled = compile_rules(rules)
    story = {"after_pressure_on_arm": True, "episode_resolved_within_hour": False}
    assert check_case(story, 30, lambda f, a: triage(f, a, compiled)) != []


# ---------------------------------------------------------------- mutants

def _mutants() -> list[tuple[str, list[Rule]]]:
    """Each rule dropped, and each rule with its first comparison flipped."""
    rules = list(load().triage.rules)
    out: list[tuple[str, list[Rule]]] = []
    for i, rule in enumerate(rules):
        out.append((f"drop {rule.id}", rules[:i] + rules[i + 1:]))
        flipped = _flip(rule.when)
        if flipped is not None:
            out.append((f"flip {rule.id}.when", rules[:i] + [rule.model_copy(update={"when": flipped})] + rules[i + 1:]))
        if rule.unless is not None:
            flipped = _flip(rule.unless)
            if flipped is not None:
                out.append((f"flip {rule.id}.unless", rules[:i] + [rule.model_copy(update={"unless": flipped})] + rules[i + 1:]))
    return out


def _flip(cond: Cond) -> Cond | None:
    """The condition with its first leaf test turned round (present<->absent, at least<->below)."""
    if cond.all is not None or cond.any is not None:
        key = "all" if cond.all is not None else "any"
        children = list(getattr(cond, key))
        for j, child in enumerate(children):
            got = _flip(child)
            if got is not None:
                children[j] = got
                return Cond(**{key: children})
        return None
    if cond.present is not None:
        return Cond(absent=cond.present)
    if cond.absent is not None:
        return Cond(present=cond.absent)
    if cond.not_present is not None:
        return Cond(present=cond.not_present)
    if cond.unknown is not None:
        return Cond(present=cond.unknown)
    if cond.age_at_least is not None:
        return Cond(age_below=cond.age_at_least)
    if cond.age_below is not None:
        return Cond(age_at_least=cond.age_below)
    if cond.age_known is not None:
        return Cond(age_known=not cond.age_known)
    return None


MUTANTS = _mutants()


@pytest.mark.parametrize("name,rules", MUTANTS, ids=[n for n, _ in MUTANTS])
def test_every_mutant_of_the_rules_is_caught(name: str, rules: list[Rule]) -> None:
    """Dropping any rule, or flipping any comparison, changes the level of some pinned case."""
    compiled = compile_rules(rules)
    changed = [c["why"] for c in pinned_cases() if _differs(triage(c["findings"], c["age"], compiled), c)]
    assert changed, f"{name}: no pinned case notices this change"


def _differs(got: Triage, pinned: dict[str, object]) -> bool:
    """A pinned case notices a change of level, or of the rules a person is told set it."""
    return got.level != pinned["expect"] or (pinned["rules"] is not None and sorted(got.rules) != pinned["rules"])


def test_pinned_cases_hold_on_the_real_rules() -> None:
    wrong = [(c["why"], triage(c["findings"], c["age"]).level, c["expect"]) for c in pinned_cases()
             if _differs(triage(c["findings"], c["age"]), c)]
    assert wrong == []

