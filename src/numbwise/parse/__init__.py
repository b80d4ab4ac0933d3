"""Free-text intake: a person's own description turned into findings, age and sex (issue 13)."""

from numbwise.parse.core import EMERGENCY_GROUP, MAX_CHARS, Mention, Parsed, parse

__all__ = ["EMERGENCY_GROUP", "MAX_CHARS", "Mention", "Parsed", "parse"]
