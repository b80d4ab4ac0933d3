"""Validated scores (BCTQ, hand diagram, CTS-6, MNSI questionnaire): pure functions over the knowledge file."""

from numbwise.scores.core import (
    HAND_KEY,
    HANDS,
    ScaleResult,
    ScoreInputError,
    ScoreResult,
    check_hand,
    describe_values,
    instrument,
    instrument_ids,
    require_score,
    resolve,
    score,
)
from numbwise.scores.katz import HandMap, katz_class, parse_codes, score_katz

__all__ = [
    "HAND_KEY",
    "HANDS",
    "HandMap",
    "ScaleResult",
    "ScoreInputError",
    "ScoreResult",
    "check_hand",
    "describe_values",
    "instrument",
    "instrument_ids",
    "katz_class",
    "parse_codes",
    "require_score",
    "resolve",
    "score",
    "score_katz",
]
