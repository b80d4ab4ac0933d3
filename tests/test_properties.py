"""Safety properties over generated cases (hypothesis)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numbwise.assess import assess
from numbwise.kb import load
from tests.conftest import LEVELS, run_cli

KB = load()
FINDINGS = sorted(KB.vocabulary.findings)
# Every finding of the emergency-signs group is an emergency on its own, except new shortness of breath
# alone, which the revised policy makes urgent (clarification 1).
EMERGENCY_SIGNS = [f for f, g in KB.vocabulary.finding_groups.items() if g == "emergency_signs" and f != "shortness_of_breath"]

cases = st.fixed_dictionaries(
    {
        "age": st.one_of(st.none(), st.integers(0, 120)),
        "sex": st.sampled_from([None, "female", "male"]),
        "findings": st.dictionaries(st.sampled_from(FINDINGS), st.booleans(), max_size=25),
    }
)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def level(case: dict) -> int:  # type: ignore[type-arg]
    return LEVELS.index(assess(case).triage)


@FAST
@given(cases, st.sampled_from(EMERGENCY_SIGNS))
def test_adding_any_emergency_sign_gives_emergency(case: dict, sign: str) -> None:  # type: ignore[type-arg]
    case["findings"] = case["findings"] | {sign: True}
    assert assess(case).triage == "emergency"


@FAST
@given(cases, st.data())
def test_turning_a_false_into_not_known_never_lowers_the_level(case: dict, data: st.DataObject) -> None:  # type: ignore[type-arg]
    falses = [f for f, v in case["findings"].items() if v is False]
    if not falses:
        return
    from numbwise.assess.triage import triage

    gone = data.draw(st.sampled_from(falses))
    before = LEVELS.index(triage(case["findings"], case["age"]).level)  # the rules; see test_unknown_never_lowers.py
    case["findings"] = {f: v for f, v in case["findings"].items() if f != gone}
    assert LEVELS.index(triage(case["findings"], case["age"]).level) >= before


@FAST
@given(cases)
def test_output_always_has_three_or_more_causes_with_probabilities(case: dict) -> None:  # type: ignore[type-arg]
    out = assess(case).to_dict()
    assert len(out["causes"]) >= 3
    assert all(0.0 <= c["probability"] <= 1.0 for c in out["causes"])
    assert [c["probability"] for c in out["causes"]] == sorted((c["probability"] for c in out["causes"]), reverse=True)
    assert out["triage"] in LEVELS
    assert set(out["red_flags"]) <= {f for f, v in case["findings"].items() if v}


junk = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=6)
DOC_AND_CASE_KEYS = {"id", "age", "sex", "findings", "narrative", "expect", "rationale", "source"}


def _bad_value(case: dict) -> st.SearchStrategy[dict]:  # type: ignore[type-arg]
    key = st.sampled_from(["age", "sex", "findings"])
    return key.flatmap(lambda k: junk.filter(lambda v: not _valid(k, v)).map(lambda v: case | {k: v}))


def _bad_key(case: dict) -> st.SearchStrategy[dict]:  # type: ignore[type-arg]
    return st.text(min_size=1, max_size=8).filter(lambda k: k not in DOC_AND_CASE_KEYS).map(lambda k: case | {k: 1})


def _bad_finding(case: dict) -> st.SearchStrategy[dict]:  # type: ignore[type-arg]
    return st.text(min_size=1, max_size=12).filter(lambda k: k not in FINDINGS).map(lambda k: case | {"findings": {k: True}})


malformed = st.one_of(
    cases.flatmap(_bad_value),
    cases.flatmap(_bad_key),
    cases.flatmap(_bad_finding),
    junk.filter(lambda v: not isinstance(v, dict)),
)


def _valid(key: str, value: object) -> bool:
    if key == "age":
        return value is None or (type(value) is int and 0 <= value <= 120)
    if key == "sex":
        return value in (None, "female", "male")
    return isinstance(value, dict) and all(k in FINDINGS and isinstance(v, bool) for k, v in value.items())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(malformed)
def test_malformed_cases_always_exit_2_with_a_message(case: object) -> None:
    run = run_cli("assess", "--case", "-", input=json.dumps(case))
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("Error: standard input: ")
