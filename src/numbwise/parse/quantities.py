"""Numbers people write: how long it has lasted, how long an episode took, and the person's age."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from numbwise.parse.text import CLAUSE_END, SENTENCE_END, Token

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "couple": 2, "few": 3, "several": 4, "half": 0.5, "a": 1, "an": 1, "many": 5,
}
# Each unit in days.
UNITS = {
    "sec": 1 / 86400, "secs": 1 / 86400, "second": 1 / 86400, "seconds": 1 / 86400,
    "min": 1 / 1440, "mins": 1 / 1440, "minute": 1 / 1440, "minutes": 1 / 1440, "minits": 1 / 1440,
    "hour": 1 / 24, "hours": 1 / 24, "hr": 1 / 24, "hrs": 1 / 24, "h": 1 / 24,
    "day": 1, "days": 1, "night": 1, "nights": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "fortnight": 14,
    "month": 30, "months": 30, "mo": 30, "mth": 30, "mths": 30, "year": 365, "years": 365, "yr": 365, "yrs": 365,
}
# Phrases without a number, as a length in days.
VAGUE = {
    ("since", "yesterday"): 1, ("since", "last", "night"): 1, ("since", "this", "morning"): 0.5,
    ("since", "this", "afternoon"): 0.25, ("since", "this", "evening"): 0.1, ("since", "earlier", "today"): 0.25,
    ("since", "lunch"): 0.25, ("since", "lunchtime"): 0.25, ("since", "i", "woke", "up"): 0.5,
    ("since", "i", "got", "up"): 0.5, ("since", "waking", "up"): 0.5,
    ("since", "the", "weekend"): 3, ("since", "last", "week"): 7, ("since", "monday"): 3, ("since", "sunday"): 3,
    ("since", "last", "month"): 45, ("since", "the", "summer"): 90, ("since", "summer"): 90,
    ("since", "spring"): 120, ("since", "the", "spring"): 120, ("since", "christmas"): 60, ("since", "last", "year"): 200,
    ("since", "the", "autumn"): 60, ("since", "autumn"): 60, ("since", "winter"): 60, ("for", "ages"): 120,
    ("for", "months"): 90, ("for", "years"): 730, ("for", "a", "long", "time"): 120, ("since", "long", "time"): 120,
    ("since", "a", "long", "time"): 120, ("for", "weeks", "and", "weeks"): 60, ("over", "years"): 730,
    ("over", "months"): 90, ("since", "forever"): 730, ("for", "days"): 3,
    ("a", "few", "days"): 3, ("couple", "of", "days"): 2, ("past", "few", "days"): 3, ("last", "few", "days"): 3,
    ("half", "an", "hour"): 1 / 48, ("half", "a", "year"): 180, ("half", "year"): 180, ("an", "hour"): 1 / 24,
    ("few", "minutes"): 3 / 1440, ("few", "mins"): 3 / 1440, ("few", "days"): 3, ("few", "weeks"): 21,
    ("few", "months"): 90, ("few", "years"): 1000, ("couple", "of", "weeks"): 14, ("couple", "of", "months"): 60,
    ("couple", "weeks"): 14, ("couple", "months"): 60, ("couple", "of", "years"): 730,
    ("since", "september"): 80, ("since", "october"): 60, ("since", "august"): 110, ("since", "june"): 170,
    ("since", "july"): 140, ("since", "january"): 330, ("since", "february"): 300, ("since", "march"): 270,
    ("since", "april"): 240, ("since", "may"): 210, ("some", "minutes"): 5 / 1440, ("several", "minutes"): 5 / 1440,
    ("since", "like", "forever"): 730, ("for", "yrs"): 730, ("for", "mths"): 90, ("4", "ever"): 730, ("since", "i", "was", "a", "teenager"): 3650, ("since", "i", "was", "a", "kid"): 3650,
    ("since", "i", "was", "a", "child"): 3650, ("since", "i", "was", "young"): 3650, ("since", "childhood"): 3650, ("since", "about", "march"): 270, ("since", "about", "christmas"): 60,
    ("since", "around", "christmas"): 60, ("since", "last", "summer"): 150, ("since", "last", "spring"): 240,
    ("since", "last", "winter"): 300, ("since", "last", "autumn"): 330, ("since", "last", "fall"): 330,
    ("since", "the", "winter"): 60, ("since", "fall"): 60, ("since", "the", "fall"): 60, ("since", "i", "was", "little"): 3650,
    ("a", "couple", "of", "minutes"): 2 / 1440, ("couple", "of", "minutes"): 2 / 1440, ("since", "birth"): 3650,
}
_LEAD = frozenset({"for", "since", "over", "past", "last", "about", "around", "nearly", "almost", "than", "within",
                   "in", "after", "approx", "roughly", "like", "just", "only", "least", "now", "the", "from", "of", "some"})


_NIGHT_EVENT = frozenset({"out", "shift", "shifts", "off", "in", "before", "drinking"})  # "a night out", "night shift"
_NIGHT_LENGTH = frozenset({"for", "over", "past", "last", "whole", "all"})  # "for a night": a length


@dataclass(frozen=True)
class Duration:
    """A length of time found in the text, in days, with its token range."""

    days: float
    start: int
    end: int
    ago: bool  # "... three months ago": a point in time, not a length


def number(tok: str) -> float | None:
    """A number said as digits ("38.4") or in words ("three"), else None."""
    if tok.replace(".", "", 1).isdigit():
        return float(tok)
    return float(NUMBER_WORDS[tok]) if tok in NUMBER_WORDS else None


def durations(toks: Sequence[Token]) -> list[Duration]:
    """Lengths of time: 'for three months', 'since yesterday', '20 min', 'half an hour', 'for ages'."""
    words = [t.text for t in toks]
    out: list[Duration] = []
    taken: set[int] = set()
    for i in range(len(words)):
        for phrase, days in VAGUE.items():
            k = len(phrase)
            if tuple(words[i:i + k]) == phrase and not taken & set(range(i, i + k)):
                out.append(Duration(days, i, i + k, i + k < len(words) and words[i + k] == "ago"))
                taken |= set(range(i, i + k))
    for i, w in enumerate(words):
        if i in taken:
            continue
        found = number(w)
        if found is None:
            continue
        n: float = found
        j = i + 1
        if j < len(words) and words[j] in ("of", "or", "to", "-") and j + 1 < len(words):
            nxt = number(words[j + 1])
            if nxt is not None and words[j] != "of":
                n, j = max(n, nxt), j + 2  # "10 to 15 minutes", "2 or 3 weeks"
            elif words[j] == "of":
                j += 1
        if j < len(words) and words[j] in ("more", "plus"):
            j += 1
        if j >= len(words) or words[j] not in UNITS or j in taken:
            continue
        if w in ("a", "an", "half") and (i == 0 or words[i - 1] not in _LEAD):
            continue  # "a bottle a day" is a rate, not a length
        if words[j] in ("night", "nights") and (words[j + 1:j + 2] and words[j + 1] in _NIGHT_EVENT or (
                w in ("a", "an", "one") and (words[i - 1] if i else "") not in _NIGHT_LENGTH)):
            continue  # "after a night out", "a night shift": an evening out or a shift, not a length of time
        if j + 1 < len(words) and words[j + 1] in ("old", "o", "of"):
            continue  # "45 year old" is an age
        out.append(Duration(n * UNITS[words[j]], i, j + 1, j + 1 < len(words) and words[j + 1] == "ago"))
        taken |= set(range(i, j + 1))
    return sorted(out, key=lambda d: d.start)


def clause_of(toks: Sequence[Token], i: int) -> tuple[int, int]:
    """The token range of the clause around token i (between commas and sentence ends)."""
    return _between(toks, i, CLAUSE_END)


def sentence_of(toks: Sequence[Token], i: int) -> tuple[int, int]:
    """The token range of the sentence around token i (between sentence ends)."""
    return _between(toks, i, SENTENCE_END)


def _between(toks: Sequence[Token], i: int, ends: frozenset[str]) -> tuple[int, int]:
    """The token range around token i that no token in `ends` breaks."""
    a = i
    while a > 0 and toks[a - 1].text not in ends:
        a -= 1
    b = i
    while b < len(toks) and toks[b].text not in ends:
        b += 1
    return a, b
