"""The score core against worked examples from each instrument's source, edge cases and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numbwise.scores import HandMap, ScaleResult, ScoreInputError, ScoreResult, instrument, katz_class, parse_codes, score, score_katz
from numbwise.scores.core import skippable

BCTQ = instrument("bctq")
DIAGRAM = instrument("katz").diagram
assert DIAGRAM is not None
RANK = {c.id: c.rank for c in instrument("katz").classes}


def _scales(result: ScoreResult) -> dict[str, ScaleResult]:
    return {s.id: s for s in result.scales}


# --- BCTQ: each scale is the sum of its item scores divided by the number of items, 1 (best) to 5 (worst)
# (Levine 1993 abstract: "5 points is the worst score and 1 point is the best score for each scale";
#  Leite 2006: "sum of individual scores divided by number of items").

def test_bctq_best_and_worst_answers_give_1_and_5() -> None:
    assert score("bctq", [1] * 19).values() == {"sss": 1.0, "fss": 1.0}
    assert score("bctq", [5] * 19).values() == {"sss": 5.0, "fss": 5.0}


def test_bctq_worked_example_is_the_mean_of_each_scale() -> None:
    # SSS 2,3,1,1,1,3,2,3,3,2,2 -> 23 / 11 = 2.0909 -> 2.09; FSS 1,2,1,1,2,1,2,1 -> 11 / 8 = 1.375 -> 1.38
    r = score("bctq", [2, 3, 1, 1, 1, 3, 2, 3, 3, 2, 2, 1, 2, 1, 1, 2, 1, 2, 1])
    assert r.values() == {"sss": 2.09, "fss": 1.38}


def test_bctq_one_skipped_item_per_scale_is_scored_from_the_rest() -> None:
    answers: list[int | None] = [2, 3, 1, 1, 1, 3, 2, 3, 3, 2, None, 1, 2, 1, 1, 2, 1, 2, None]
    r = score("bctq", answers)
    assert r.values() == {"sss": round(21 / 10, 2), "fss": round(10 / 7, 2)}
    assert _scales(r)["sss"].missing == ("sss_11",)


def test_bctq_two_skipped_items_give_no_score_and_say_why() -> None:
    r = score("bctq", {f"sss_{i}": 3 for i in range(1, 10)})
    sss = _scales(r)["sss"]
    assert sss.value is None and sss.answered == 9
    assert "No score: 9 of 11" in sss.meaning
    assert _scales(r)["fss"].value is None


@pytest.mark.parametrize("bad", [0, 6, -1])
def test_bctq_out_of_range_answer_names_the_item(bad: int) -> None:
    with pytest.raises(ScoreInputError) as err:
        score("bctq", {"sss_4": bad})
    assert err.value.item == "sss_4" and "answer 4 (" in str(err.value) and "sss_4" not in str(err.value)  # the item for code, words for people


def test_unknown_item_wrong_length_and_booleans_are_refused() -> None:
    with pytest.raises(ScoreInputError, match="sss_12"):
        score("bctq", {"sss_12": 1})
    with pytest.raises(ScoreInputError, match="19 items"):
        score("bctq", [1, 2, 3])
    with pytest.raises(ScoreInputError, match="whole number"):
        score("mnsi", {"q1": True})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=19, max_size=19))
def test_bctq_is_always_within_1_and_5(answers: list[int | None]) -> None:
    for s in score("bctq", answers).scales:
        assert s.value is None or 1.0 <= s.value <= 5.0
        assert (s.value is None) == (s.answered < s.needed)


# --- MNSI questionnaire (University of Michigan instructions): "yes" to 1-3, 5-6, 8-9, 11-12, 14-15 scores 1;
# "no" to 7 and 13 scores 1; 4 and 10 are not scored. Cut-off 7 or more (Herman 2012 abstract).

def _mnsi(yes: set[int]) -> list[int | None]:
    return [1 if i in yes else 0 for i in range(1, 16)]


def test_mnsi_all_yes_scores_11_because_7_and_13_score_on_no() -> None:
    r = score("mnsi", _mnsi(set(range(1, 16))))
    assert r.values() == {"total": 11.0} and _scales(r)["total"].band == "abnormal"


def test_mnsi_all_no_scores_2_and_a_typical_healthy_answer_scores_0() -> None:
    assert score("mnsi", _mnsi(set())).values() == {"total": 2.0}
    healthy = score("mnsi", _mnsi({7, 13}))
    assert healthy.values() == {"total": 0.0} and _scales(healthy)["total"].band == "below_cutoff"


def test_mnsi_items_4_and_10_do_not_count_and_may_be_skipped() -> None:
    base = _mnsi({7, 13, 1, 2, 3, 5, 6})  # 5 points
    assert score("mnsi", base).values() == {"total": 5.0}
    assert score("mnsi", _mnsi({7, 13, 1, 2, 3, 5, 6, 4, 10})).values() == {"total": 5.0}
    base[3] = base[9] = None
    assert score("mnsi", base).values() == {"total": 5.0}
    ins = instrument("mnsi")
    assert skippable(ins, "q4") and skippable(ins, "q10") and not skippable(ins, "q1")


def test_mnsi_cut_off_is_7() -> None:
    six = score("mnsi", _mnsi({7, 13, 1, 2, 3, 5, 6, 8}))  # 6 points
    seven = score("mnsi", _mnsi({7, 13, 1, 2, 3, 5, 6, 8, 9}))  # 7 points
    assert _scales(six)["total"].band == "below_cutoff"
    assert _scales(seven)["total"].band == "abnormal"


def test_mnsi_a_missing_scored_item_gives_no_score() -> None:
    answers = _mnsi({7, 13})
    answers[0] = None
    assert score("mnsi", answers).values() == {"total": None}


# --- CTS-6 (weights 3.5 / 4 / 5 / 5 / 4.5 / 4, total 26; 12 or more: likely; MDCalc, Graham 2006)

def test_cts6_all_findings_score_26_and_none_score_0() -> None:
    assert score("cts6", [1] * 6).values() == {"total": 26.0}
    r = score("cts6", [0] * 6)
    assert r.values() == {"total": 0.0} and _scales(r)["total"].band == "less_likely"


def test_cts6_boundary_12_is_likely_and_11_5_is_not() -> None:
    # numbness in median territory 3.5 + night numbness 4 + loss of 2-point discrimination 4.5 = 12
    at = score("cts6", {"numbness_median": 1, "nocturnal_numbness": 1, "two_point_loss": 1,
                        "thenar_atrophy_weakness": 0, "phalen": 0, "tinel": 0})
    assert at.values() == {"total": 12.0} and _scales(at)["total"].band == "likely"
    below = score("cts6", [1, 1, 0, 0, 0, 1])  # 3.5 + 4 + 4 = 11.5
    assert below.values() == {"total": 11.5} and _scales(below)["total"].band == "less_likely"


def test_cts6_is_labelled_examiner_only_and_needs_every_item() -> None:
    r = score("cts6", [1, 1, 1, 1, 1, None])
    assert r.filled_by == "examiner" and any("examiner" in n for n in r.notes)
    assert r.values() == {"total": None}
    with pytest.raises(ScoreInputError, match="Phalen"):
        score("cts6", {"phalen": 2})


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 1), min_size=6, max_size=6), st.integers(0, 5))
def test_cts6_a_new_finding_never_lowers_the_score(answers: list[int], flip: int) -> None:
    more = list(answers)
    more[flip] = 1
    assert score("cts6", more).values()["total"] >= score("cts6", answers).values()["total"]


# --- Katz and Stirrat hand diagram. Worked examples follow the source figure (Katz 1990, as reproduced in
# AFP 2016): (A) classic, (B) probable because of palm symptoms, (C) unlikely, plus the table's possible pattern.

def _katz(codes: str) -> dict[str, str | float | None]:
    return score_katz(parse_codes(codes.split(","), DIAGRAM)).values()


def test_katz_source_figure_examples() -> None:
    assert _katz("r1,r2,r3,l1,l2,l3") == {"right": "classic", "left": "classic"}  # (A) both hands classic
    assert _katz("r1,r2,r3,r4,rw") == {"right": "classic"}  # ring finger and wrist are allowed
    assert _katz("r1,r2,r3,rp") == {"right": "probable"}  # (B) palm symptoms
    assert _katz("r4,r5,ru") == {"right": "unlikely"}  # (C) no thumb, index or middle finger
    assert _katz("r2,rb") == {"right": "possible"}  # one of the three fingers, back of hand allowed


def test_katz_palm_only_on_the_little_finger_side_is_not_probable() -> None:
    assert _katz("r1,r2,ru") == {"right": "possible"}
    assert _katz("r1,r2,ru,rp") == {"right": "probable"}


def test_katz_back_of_hand_or_whole_hand_is_possible() -> None:
    assert _katz("l1,l2,l3,lb") == {"left": "possible"}
    assert _katz("l0") == {"left": "possible"}


def test_katz_bad_codes_and_empty_maps_are_refused() -> None:
    with pytest.raises(ScoreInputError, match="r6"):
        _katz("r1,r6")
    with pytest.raises(ScoreInputError, match="x1"):
        _katz("x1")
    with pytest.raises(ScoreInputError, match="at least one"):
        score_katz({"right": HandMap(), "left": HandMap()})


fingers = st.frozensets(st.integers(1, 5))
areas = st.frozensets(st.sampled_from(["p", "u", "b", "w"]))


@settings(max_examples=300, deadline=None)
@given(fingers, fingers, areas)
def test_katz_adding_finger_symptoms_never_lowers_the_class(base: frozenset[int], extra: frozenset[int],
                                                            marks: frozenset[str]) -> None:
    before = katz_class(HandMap(base, marks), DIAGRAM)
    after = katz_class(HandMap(base | extra, marks), DIAGRAM)
    assert RANK[after] >= RANK[before]


@settings(max_examples=200, deadline=None)
@given(fingers, areas, areas)
def test_katz_areas_never_change_unlikely_or_drop_below_possible(f: frozenset[int], a: frozenset[str],
                                                                  b: frozenset[str]) -> None:
    # Marking the palm or the back of the hand can lower classic to probable or possible (that is the rule);
    # it never moves a hand across the unlikely line.
    assert (katz_class(HandMap(f, a), DIAGRAM) == "unlikely") == (katz_class(HandMap(f, a | b), DIAGRAM) == "unlikely")


def test_bctq_trends_are_per_hand_and_hand_is_checked() -> None:
    import datetime as _dt

    from numbwise.scores import check_hand, instrument as _instrument
    from numbwise.scores.trend import trends

    ins = _instrument("bctq")
    t0 = _dt.datetime(2026, 1, 1, tzinfo=_dt.timezone.utc)
    rows = [(t0, {"sss": 4.0, "fss": 3.0, "hand": "left"}),
            (t0 + _dt.timedelta(days=1), {"sss": 1.0, "fss": 1.0, "hand": "right"}),
            (t0 + _dt.timedelta(days=2), {"sss": 3.5, "fss": 2.5, "hand": "left"})]
    got = {t.id: t for t in trends(ins, rows)}
    assert set(got) == {"left_sss", "left_fss", "right_sss", "right_fss"}
    assert got["left_sss"].change == -0.5 and got["right_sss"].change is None
    assert check_hand(ins, "L") == "left"
    with pytest.raises(ScoreInputError):
        check_hand(ins, "both")
    with pytest.raises(ScoreInputError):
        check_hand(_instrument("mnsi"), "left")
