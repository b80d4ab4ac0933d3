"""Words with their character spans, a light stem so 'tingling' meets 'tingle', and clause edges."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Digits and letters split ("45yo" -> "45", "yo"); "-" and "/" only separate words ("mini-stroke", "y/o").
_TOKEN = re.compile(r"[a-z]+\d+[a-z]*|\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)?|[.,;:!?()\n&+]")  # "b12", "t2d" stay whole
SENTENCE_END = frozenset({".", "!", "?", ";", "\n", "(", ")", ":"})
CLAUSE_END = SENTENCE_END | {","}
_SUFFIXES = (("ing", 3), ("ness", 3), ("ed", 4), ("es", 3), ("s", 3), ("ly", 3), ("y", 3), ("e", 3))


@dataclass(frozen=True)
class Token:
    """One word or punctuation mark, lower-cased, with where it sits in the original text."""

    text: str
    start: int
    end: int
    stem: str


# "it's", "she's", "there's" keep their "'s": it is part of the word ("it's" is not "it").
_KEEPS_S = frozenset({"it", "he", "she", "there", "that", "what", "who", "let", "here", "where", "how"})


def stem(word: str) -> str:
    """A crude English stem, the same for a phrase word and a text word, so inflections meet. A noun's "'s"
    ("neck's been killing me", "my grip's weak") is "is", "has" or a possessive: the noun's stem."""
    if word.endswith("'s") and word[:-2].isalpha() and word[:-2] not in _KEEPS_S:
        word = word[:-2]
    if not word.isalpha():
        return word
    for suffix, keep in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= keep:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # dropp(ed) -> drop
    return word


def normalise(text: str) -> str:
    """Lower-case with plain apostrophes, keeping every character's position."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")


def tokenize(text: str) -> list[Token]:
    """The text's words and punctuation as tokens with character spans into the original text."""
    low = normalise(text)
    out: list[Token] = []
    for m in _TOKEN.finditer(low):
        word = m.group()
        out.append(Token(word, m.start(), m.end(), stem(word)))
    return out
