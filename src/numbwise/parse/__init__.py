"""Free-text intake: a person's own description turned into findings, age and sex (issue 13)."""

from numbwise.parse.core import EMERGENCY_GROUP, MAX_CHARS, Mention, Parsed, parse
from numbwise.parse.intake import Chip, assessed, chips, corrected, emergency, without

__all__ = ["EMERGENCY_GROUP", "MAX_CHARS", "Chip", "Mention", "Parsed", "assessed", "chips", "corrected", "emergency", "parse", "without"]
