"""The knowledge base's lay phrases and context words compiled once into fast lookup tables."""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

from numbwise.parse.quantities import UNITS
from numbwise.picklecache import cache_dir, load_or_build
from numbwise.parse.text import stem

GAP = 4  # "..." in a phrase skips up to this many words


@dataclass(frozen=True)
class Word:
    """One element of a compiled phrase: a word (its stem, or its exact form) or a gap."""

    key: str
    exact: bool = False
    gap: bool = False
    comma: bool = False  # an "and" between two words, which a comma also fills

    def fits(self, text: str, text_stem: str) -> bool:
        """Does a text word fill this slot? An "and" between two words also takes a comma: a list ("red, hot,
        swollen") joins its words as "and" does."""
        if self.exact:
            return text == self.key
        return text_stem == self.key or text == self.key or self.comma and text == ","


@dataclass(frozen=True)
class Pattern:
    """A compiled phrase and what it means: findings it states (or denies), or a context trigger."""

    source: str
    words: tuple[Word, ...]
    findings: tuple[str, ...] = ()
    denied_only: bool = False


def compile_phrase(phrase: str) -> tuple[Word, ...]:
    """'shake ... hand' -> word, gap, word; 'hands!' -> the exact form only."""
    out = []
    parts = phrase.split()
    for i, part in enumerate(parts):
        if part == "...":
            out.append(Word("", gap=True))
        elif part.endswith("!"):
            out.append(Word(part[:-1], exact=True))
        elif part == "and" and 0 < i < len(parts) - 1 and "..." not in parts[i - 1:i + 2]:
            out.append(Word("and", comma=True))  # "red and hot" also reads "red, hot"
        else:
            out.append(Word(stem(part)))
    return tuple(out)


@dataclass(frozen=True)
class Lexicon:
    """Everything the parser matches, indexed by the key of each pattern's first word."""

    findings: dict[str, tuple[Pattern, ...]]
    vocabulary: frozenset[str]  # every phrase word, for spelling correction
    negation_before: dict[str, tuple[Pattern, ...]]
    negation_after: dict[str, tuple[Pattern, ...]]
    negation_back_sentence: dict[str, tuple[Pattern, ...]]
    pseudo_negation: dict[str, tuple[Pattern, ...]]
    hypothetical: dict[str, tuple[Pattern, ...]]
    pseudo_hypothetical: dict[str, tuple[Pattern, ...]]
    conditional: dict[str, tuple[Pattern, ...]]
    future_words: dict[str, tuple[Pattern, ...]]
    historical: dict[str, tuple[Pattern, ...]]
    uncertain: dict[str, tuple[Pattern, ...]]
    doubt: dict[str, tuple[Pattern, ...]]
    undone: dict[str, dict[str, tuple[Pattern, ...]]]  # finding -> words that leave its 'says' not known
    terminators: dict[str, tuple[Pattern, ...]]
    relatives: dict[str, str]  # relative word -> female / male / either
    family_verbs: dict[str, tuple[Pattern, ...]]
    sex_words: dict[str, str]
    scope: int
    groups: dict[str, str]  # finding -> its vocabulary group
    known: frozenset[str]  # every word any table knows: never "corrected"
    # Warning signs: findings whose presence can raise an emergency or urgent triage rule ("fever" with
    # chemotherapy). Words never clear one: only its question does.
    warning: frozenset[str] = frozenset()
    needs: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)  # finding -> findings its words need said
    # finding -> words one of which must be said too, else its 'says' words leave it not known
    confirmed: dict[str, dict[str, tuple[Pattern, ...]]] = dataclasses.field(default_factory=dict)
    confirmed_in_clause: frozenset[str] = frozenset()  # findings whose confirming words count only in their clause
    partial: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)  # finding -> its `partial` phrases
    # finding -> its `completes` phrases (partial too; beside another partial phrase they say the whole finding)
    completes: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    # finding -> words that, just before one of its words, name another thing of its kind ("B12 supplement")
    named_other: dict[str, dict[str, tuple[Pattern, ...]]] = dataclasses.field(default_factory=dict)
    named_other_after: dict[str, dict[str, tuple[Pattern, ...]]] = dataclasses.field(default_factory=dict)


def _index(patterns: list[Pattern]) -> dict[str, tuple[Pattern, ...]]:
    table: dict[str, list[Pattern]] = {}
    for p in patterns:
        table.setdefault(p.words[0].key, []).append(p)
    return {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in table.items()}


def _plain(phrases: list[str]) -> dict[str, tuple[Pattern, ...]]:
    return _index([Pattern(p, compile_phrase(p)) for p in phrases])


def _cache_key() -> str:
    """A hash of everything the lexicon is built from: the phrase files and the code that compiles them."""
    import hashlib

    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    knowledge = here.parent / "knowledge"
    for path in (knowledge / "findings.yaml", knowledge / "language.yaml", knowledge / "vocabulary" / "findings.yaml",
                 knowledge / "triage_rules.yaml", here / "lexicon.py", here / "text.py", here / "quantities.py", here.parent / "kb" / "models.py"):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


_cache_dir = cache_dir  # the knowledge cache folder, shared with kb.loader (without importing pydantic)


@functools.cache
def lexicon() -> Lexicon:
    """The compiled lexicon, from a pickle when its sources are unchanged (so `numbwise parse` starts fast),
    else built from the validated knowledge base and stored. A cache that cannot be used is ignored."""
    return load_or_build(_cache_dir() / f"lexicon-{_cache_key()}.pickle", Lexicon, build)


def build() -> Lexicon:
    """Compile the lexicon from the validated knowledge base."""
    from numbwise.kb import load

    kb = load()
    merged: dict[tuple[str, bool], list[str]] = {}
    for fid, f in kb.findings.items():
        if f.phrases is None:
            continue
        for p in [*f.phrases.says, *f.phrases.partial, *f.phrases.completes]:
            merged.setdefault((p, False), []).append(fid)
        for p in f.phrases.denied:
            merged.setdefault((p, True), []).append(fid)
    patterns = [Pattern(p, compile_phrase(p), tuple(fids), denied) for (p, denied), fids in merged.items()]
    vocab = frozenset(w.key for p in patterns for w in p.words if not w.gap and w.key.isalpha() and len(w.key) >= 4)
    lang = kb.language
    relatives: dict[str, str] = {w: sex for sex, words in lang.relatives.items() for w in words}
    sex_words: dict[str, str] = {w: sex for sex, words in lang.sex_words.items() for w in words}
    tables = [_plain(x) for x in (lang.negation_before, lang.negation_after, lang.negation_back_sentence,
                                   lang.pseudo_negation, lang.hypothetical, lang.pseudo_hypothetical, lang.conditional, lang.future_words,
                                   lang.historical, lang.uncertain, lang.doubt,
                                   lang.terminators, lang.family_verbs)]
    tables += [_plain(f.phrases.undone_by) for f in kb.findings.values() if f.phrases and f.phrases.undone_by]
    tables += [_plain(f.phrases.confirmed_by) for f in kb.findings.values() if f.phrases and f.phrases.confirmed_by]
    tables += [_plain(f.phrases.named_other) for f in kb.findings.values() if f.phrases and f.phrases.named_other]
    tables += [_plain(f.phrases.named_other_after) for f in kb.findings.values()
               if f.phrases and f.phrases.named_other_after]
    known = {w.key for t in [_index(patterns), *tables] for ps in t.values() for p in ps for w in p.words if not w.gap}
    known |= set(relatives) | set(sex_words) | set(UNITS)
    return Lexicon(
        findings=_index(patterns), vocabulary=vocab,
        negation_before=_plain(lang.negation_before), negation_after=_plain(lang.negation_after),
        negation_back_sentence=_plain(lang.negation_back_sentence), pseudo_negation=_plain(lang.pseudo_negation),
        hypothetical=_plain(lang.hypothetical), pseudo_hypothetical=_plain(lang.pseudo_hypothetical),
        conditional=_plain(lang.conditional),
        future_words=_plain(lang.future_words), historical=_plain(lang.historical), uncertain=_plain(lang.uncertain),
        doubt=_plain(lang.doubt),
        undone={fid: _plain(f.phrases.undone_by) for fid, f in kb.findings.items() if f.phrases and f.phrases.undone_by},
        terminators=_plain(lang.terminators), relatives=relatives, family_verbs=_plain(lang.family_verbs),
        sex_words=sex_words, scope=lang.scope_words, groups=dict(kb.vocabulary.finding_groups), known=frozenset(known),
        warning=kb.triage.warning_signs(),
        needs={fid: tuple(f.phrases.needs) for fid, f in kb.findings.items() if f.phrases and f.phrases.needs},
        confirmed={fid: _plain(f.phrases.confirmed_by) for fid, f in kb.findings.items()
                   if f.phrases and f.phrases.confirmed_by},
        confirmed_in_clause=frozenset(fid for fid, f in kb.findings.items() if f.phrases and f.phrases.confirmed_in_clause),
        partial={fid: frozenset([*f.phrases.partial, *f.phrases.completes]) for fid, f in kb.findings.items()
                 if f.phrases and f.phrases.partial},
        completes={fid: frozenset(f.phrases.completes) for fid, f in kb.findings.items() if f.phrases and f.phrases.completes},
        named_other={fid: _plain(f.phrases.named_other) for fid, f in kb.findings.items()
                     if f.phrases and f.phrases.named_other},
        named_other_after={fid: _plain(f.phrases.named_other_after) for fid, f in kb.findings.items()
                           if f.phrases and f.phrases.named_other_after},
    )
