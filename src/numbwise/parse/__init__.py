"""Free-text intake: a person's own description turned into findings, age and sex (issue 13)."""

from numbwise.parse.core import EMERGENCY_GROUP, MAX_CHARS, Mention, Parsed, parse
from numbwise.parse.intake import (ABOUT, FOOT_SORE, Chip, about_chips, assessed, chips, corrected, emergency, emergency_answers,
                                   emergency_call, foot_chips, foot_kept, partial_chips, unsure_chips, without)

__all__ = ["ABOUT", "EMERGENCY_GROUP", "MAX_CHARS", "Chip", "Mention", "about_chips", "Parsed", "assessed", "chips", "corrected", "emergency", "emergency_answers", "emergency_call", "FOOT_SORE", "foot_chips", "foot_kept", "parse",
           "partial_chips", "unsure_chips", "without"]
