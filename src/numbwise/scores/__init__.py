"""Validated scores (BCTQ, hand diagram, CTS-6, MNSI questionnaire): pure functions over the knowledge file."""

from numbwise.scores.core import (
    ScaleResult,
    ScoreInputError,
    ScoreResult,
    instrument,
    instrument_ids,
    resolve,
    score,
)
from numbwise.scores.katz import HandMap, katz_class, parse_codes, score_katz

__all__ = [
    "HandMap",
    "ScaleResult",
    "ScoreInputError",
    "ScoreResult",
    "instrument",
    "instrument_ids",
    "katz_class",
    "parse_codes",
    "resolve",
    "score",
    "score_katz",
]
