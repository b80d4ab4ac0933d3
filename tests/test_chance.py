"""One chance format: a natural frequency, never 100 % or 0 %."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numbwise.assess.chance import format_chance, short_chance


@pytest.mark.parametrize(("p", "text"), [
    (0.0, "fewer than 1 in 20 people with answers like yours"),
    (0.02, "fewer than 1 in 20 people with answers like yours"),
    (0.07, "about 1 in 10 people with answers like yours"),
    (0.64, "about 6 in 10 people with answers like yours"),
    (0.7, "about 7 in 10 people with answers like yours"),
    (0.949, "about 9 in 10 people with answers like yours"),
    (0.9999, "more than 9 in 10 people with answers like yours"),
    (1.0, "more than 9 in 10 people with answers like yours"),
])
def test_chances_read_as_natural_frequencies(p: float, text: str) -> None:
    assert format_chance(p) == text
    assert short_chance(p) == text.removesuffix(" people with answers like yours")


@given(st.floats(min_value=0.0, max_value=1.0))
def test_never_certain_and_never_a_percent(p: float) -> None:
    text = format_chance(p)
    assert "%" not in text and "10 in 10" not in text and "0 in 10" not in text.replace("10 in 10", "")


def test_out_of_range_is_refused() -> None:
    with pytest.raises(ValueError):
        format_chance(1.2)
