"""The one people-facing way to say a chance, shared by every face (terminal, web, API, report)."""

from __future__ import annotations

LIKE_YOURS = "people with answers like yours"


def format_chance(p: float) -> str:
    """A probability as a natural frequency people read correctly ("about 7 in 10 ..."); never certain, never zero."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"a chance is between 0 and 1, got {p}")
    if p < 0.05:
        return f"fewer than 1 in 20 {LIKE_YOURS}"
    if p >= 0.95:
        return f"more than 9 in 10 {LIKE_YOURS}"
    return f"about {min(9, max(1, round(10 * p)))} in 10 {LIKE_YOURS}"


def short_chance(p: float) -> str:
    """The same chance without the tail, for tables and meters ("about 7 in 10")."""
    return format_chance(p).removesuffix(" " + LIKE_YOURS)


__all__ = ["LIKE_YOURS", "format_chance", "short_chance"]
