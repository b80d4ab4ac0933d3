"""Find compiled phrases in a token list, after correcting words that look like misspelt phrase words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from numbwise.parse.lexicon import GAP, Pattern, Word
from numbwise.parse.text import SENTENCE_END, Token, stem

# Everyday words that sit one letter away from a phrase word and must never be "corrected" into it.
_COMMON = frozenset("""
about above after again against along already always among another anyone anything around asked
because become before behind being below better between bring could didnt doesnt doing during early
either enough every everything first found friend going gonna great happen happened having heard hours
inside itself later least leave little maybe might minute minutes month months morning never night
nights other others outside people place please really right second seems since small something
sometimes still their there these thing things think those though three through today tomorrow
together under until usual using wanna watch weeks where which while whole would years yesterday
young worse worst while white quite quiet drank since right light fight might sight night tight while
""".split())


@dataclass(frozen=True)
class Hit:
    """A pattern found in the text: token range [start, end) and the tokens its words matched."""

    pattern: Pattern
    start: int
    end: int
    matched: tuple[int, ...]


def _match(words: Sequence[Word], toks: Sequence[Token], i: int, j: int, got: tuple[int, ...]) -> tuple[int, ...] | None:
    if j == len(words):
        return got
    w = words[j]
    if w.gap:
        for skip in range(GAP + 1):
            k = i + skip
            if k > len(toks) or (skip and toks[k - 1].text in SENTENCE_END):
                break
            found = _match(words, toks, k, j + 1, got)
            if found is not None:
                return found
        return None
    if i >= len(toks) or not w.fits(toks[i].text, toks[i].stem):
        return None
    return _match(words, toks, i + 1, j + 1, got + (i,))


def find(toks: Sequence[Token], table: Mapping[str, Sequence[Pattern]]) -> list[Hit]:
    """Every match of every pattern in the table, anywhere in the tokens."""
    hits: list[Hit] = []
    seen_hits: set[tuple[int, tuple[int, ...]]] = set()
    for i, t in enumerate(toks):
        seen: set[str] = set()
        for key in (t.text, t.stem):
            if key in seen:
                continue
            seen.add(key)
            for p in table.get(key, ()):
                got = _match(p.words, toks, i, 0, ())
                if got and (id(p), got) not in seen_hits:
                    seen_hits.add((id(p), got))
                    hits.append(Hit(p, i, got[-1] + 1, got))
    return hits


def correct(toks: list[Token], vocabulary: frozenset[str], known: frozenset[str]) -> tuple[list[Token], set[int]]:
    """Replace words that are not known but one or two letters from a phrase word ('tingeling', 'carpel')."""
    out = list(toks)
    fixed: set[int] = set()
    candidates = [i for i, t in enumerate(toks)
                  if t.text.isalpha() and len(t.stem) >= 5 and t.text not in _COMMON
                  and t.stem not in known and t.text not in known]
    if not candidates:
        return out, fixed
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    choices = sorted(vocabulary)
    for i in candidates:
        t = toks[i]
        limit = 1 if len(t.stem) < 8 else 2
        best = process.extractOne(t.stem, choices, scorer=Levenshtein.distance, score_cutoff=limit)
        if best is None or best[0][0] != t.stem[0]:
            continue
        word = best[0]
        out[i] = Token(word, t.start, t.end, stem(word))
        fixed.add(i)
    return out, fixed
