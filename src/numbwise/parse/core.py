"""Text in, a partial case out: findings said present or absent, age and sex, each with its words."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from numbwise.kb.models import Reading
from numbwise.parse.lexicon import Lexicon, Pattern, lexicon
from numbwise.parse.match import Hit, correct, find
from numbwise.parse.quantities import UNITS, Duration, clause_of, durations, number, sentence_of
from numbwise.parse.text import CLAUSE_END, SENTENCE_END, Token, stem, tokenize

EMERGENCY_GROUP = "emergency_signs"
HISTORY_GROUP = "history"
MAX_CHARS = 4000  # a description, not a document: longer text is refused by the faces

Status = Literal["said", "denied", "inferred", "hypothetical", "unsure", "past", "someone_else", "conflict", "partial"]
_LIMBS = frozenset({"hand", "hands", "arm", "arms", "finger", "fingers", "thumb", "thumbs", "pinky", "pinkie", "wrist",
                    "forearm", "palm", "index", "pointer", "elbow", "middle", "ring", "little", "fingertips", "side"})
# "went", "go" and "within" alone do not say it ended ("went numb 20 minutes ago", "tingle within 30 seconds"):
# "went away", "go back to normal" and "gone within" do, through their other words.
_RESOLVES = frozenset({"gone", "away", "back", "normal", "over", "lasts", "lasted", "last",
                       "recover", "recovers", "recovered", "passes", "passed", "pass", "fixes", "fixed", "settles",
                       "settled", "stops", "stopped", "disappears", "disappeared", "eases", "eased", "better",
                       "cleared", "clears", "resolved", "fine", "ok", "took", "takes"})
# How a limb moves, not how it feels: "my arm moves fine" says nothing of where the numbness is (walkthrough Q, Leo:
# read as "The numbness stays in your hand"), so a place word's denial across one of these words does not count.
_MOVES = frozenset({"move", "moves", "moving", "moved", "bend", "bends", "bending", "straighten", "straightens",
                    "lift", "lifts", "lifting", "turn", "turns", "twist", "twists", "rotate", "rotates", "works",
                    "work", "working", "use", "using"})
_MOVES_REACH = 3  # words after the place word within which a movement word makes its "fine" about movement
_SPREADS = frozenset({"spread", "spreads", "spreading", "spreaded", "crept", "creep", "creeping", "creeps", "crawl",
                      "crawling", "crawled", "travelled", "traveled", "travels",
                      "marched", "marching", "marches", "march"})
_AGE_CUES = frozenset({"i'm", "im", "am", "aged", "age", "me", "is", "was", "turned", "turning", "i"})
_NUMB_WORDS = frozenset({"numb", "tingl", "tingly", "pins", "needles", "dead", "asleep", "sleeping", "it", "it's", "its"})
_PRONOUNS = frozenset({"it", "it's", "its"})
_BEYOND_HANDS = frozenset({"numb_face_same_side", "numb_leg_same_side"})
_THIRD = frozenset({"her", "his", "she", "he", "their", "they", "them", "him"})
_YEARS = frozenset({"year", "years", "yr", "yrs", "y", "yo", "yob"})


@dataclass(frozen=True)
class Mention:
    """One finding the text spoke of, where (character span) and how sure the parser is.

    `value` is what the case takes (True, False) or None when the words do not count: a hypothetical,
    past or someone else's mention, one the person is not sure of ("unsure": "maybe", "not sure if"), words that
    say only part of a finding ("partial": "tired" of tired and pale), or a conflict. A warning sign the text denies (any finding that can
    raise an emergency or urgent rule: "no fever") keeps value False in `understood` but never enters
    the case: only the questions can clear a warning sign, except a weakness stated normal ("grip feels fine",
    `_said_normal`).
    """

    finding: str
    value: bool | None
    start: int
    end: int
    text: str
    status: Status
    confidence: float


@dataclass(frozen=True)
class Parsed:
    """What the parser understood from one description."""

    text: str
    age: int | None = None
    sex: str | None = None
    age_span: tuple[int, int] | None = None
    sex_span: tuple[int, int] | None = None
    understood: Mapping[str, bool] = field(default_factory=dict)  # every finding read as present or absent
    findings: Mapping[str, bool] = field(default_factory=dict)  # the partial case: no denied warning signs (Lexicon.warning) but a grip said fine
    mentions: tuple[Mention, ...] = ()
    unsure: tuple[str, ...] = ()  # findings the person said with a hedge ("maybe", "not sure if"): carried as "not sure"
    partial: tuple[str, ...] = ()  # findings the words said only part of ("I'm tired" of tired and pale): asked
    # how long the numbness has been there so far, in days, from the lengths read ("for 3 weeks": 21): None when none
    # is, two different ones are, or the readings disagree (`_days_so_far`)
    days_so_far: float | None = None
    # a sore, ulcer, blister, cut or wound said of the foot, sole, heel or toe: True, False when denied ("no sores on
    # my feet"), None when not said (`_foot_sore`). Plain data beside the findings: the vocabulary has none for it
    foot_sore: bool | None = None
    foot_sore_words: tuple[str, ...] = ()  # the words that said (or denied) it, quoted on the list read back

    def spans_for(self, fid: str) -> list[Mention]:
        """The words behind one finding (those that set its value)."""
        return [m for m in self.mentions if m.finding == fid and m.value is not None]

    def warning_signs(self) -> list[str]:
        """Emergency signs the text says are present, in the order written."""
        groups = lexicon().groups
        return [f for f, v in self.findings.items() if v and groups.get(f) == EMERGENCY_GROUP]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: {"age", "sex", "findings", "spans"} (spans as character offsets)."""
        spans: list[dict[str, Any]] = []
        if self.age_span is not None:
            spans.append({"start": self.age_span[0], "end": self.age_span[1], "text": self.text[self.age_span[0]:self.age_span[1]],
                          "field": "age", "value": self.age, "status": "said", "confidence": 0.9})
        if self.sex_span is not None:
            spans.append({"start": self.sex_span[0], "end": self.sex_span[1], "text": self.text[self.sex_span[0]:self.sex_span[1]],
                          "field": "sex", "value": self.sex, "status": "said", "confidence": 0.85})
        for m in self.mentions:
            spans.append({"start": m.start, "end": m.end, "text": m.text, "finding": m.finding, "value": m.value,
                          "status": m.status, "confidence": round(m.confidence, 2)})
        spans.sort(key=lambda s: (s["start"], s["end"]))
        return {"age": self.age, "sex": self.sex, "findings": dict(self.findings), "unsure": list(self.unsure),
                "partial": list(self.partial), "spans": spans} | (
                    {"foot_sore": self.foot_sore} if self.foot_sore is not None else {})


@dataclass(frozen=True)
class _Context:
    """Token-level context: clause numbers and the trigger hits of one text."""

    clause: list[int]
    sentence: list[int]
    neg_before: list[Hit]
    neg_after: list[Hit]
    neg_sentence: list[Hit]
    hypothetical: list[Hit]
    historical: list[Hit]
    uncertain: list[Hit]
    doubt: list[Hit]
    doubt_after: list[tuple[int, int, int]]  # a hedge after the words: (where it stands, their clause, how near they end)
    family_from: list[int]  # token indexes where a relative's history begins ("my mum had")
    theirs: dict[int, set[int]]  # clause -> earlier clauses of its sentence it continues ("... and her face ...")
    family_after: list[Hit]  # "runs in the family"
    # a doubt between alternatives ("don't know if it came on suddenly or slowly"): (first, end) token ranges
    doubt_span: list[tuple[int, int]] = field(default_factory=list)


def _outside(hits: list[Hit], blockers: list[Hit]) -> list[Hit]:
    """Trigger hits that are not part of a longer look-alike ('not sure' is not a negation)."""
    blocked = {i for b in blockers for i in range(b.start, b.end)}
    return [h for h in hits if not blocked & set(range(h.start, h.end))]


def _context(toks: list[Token], lex: Lexicon, patient_relative: int | None) -> _Context:
    terminators = find(toks, lex.terminators)
    term_at = {h.start for h in terminators}
    clause, sentence = [], []
    c = s = 0
    for i, t in enumerate(toks):
        if t.text in CLAUSE_END or i in term_at:
            c += 1
        if t.text in SENTENCE_END:
            s += 1
        clause.append(c)
        sentence.append(s)
    pseudo = find(toks, lex.pseudo_negation)
    family_verbs = find(toks, lex.family_verbs)
    family_from = []
    for i, t in enumerate(toks):
        if t.text in lex.relatives and i != patient_relative:
            for v in family_verbs:
                if i < v.start <= i + 3 and clause[v.start] == clause[i]:
                    family_from.append(i)
                    break
    theirs: dict[int, set[int]] = {}
    for i, t in enumerate(toks):
        if t.text in _THIRD and i and clause[i - 1] != clause[i] or (
                t.text in _THIRD and i > 1 and toks[i - 1].text == "and" and clause[i - 2] != clause[i]):
            theirs[clause[i]] = {c for c in range(clause[i]) if sentence[clause.index(c)] == sentence[i]}
    # A doubt reaches over the small words of "if I have a": "don't know if I have a fever" doubts the fever.
    doubt = []
    for h in find(toks, lex.doubt):
        end = h.end
        while end < len(toks) and end - h.end < _DOUBT_FILLER_REACH and toks[end].text in _DOUBT_FILLER:
            end += 1
        doubt.append(Hit(h.pattern, h.start, end, h.matched))
        # ... and over how it came: "don't know if it [came on] all at once" doubts the sudden start (walkthrough BD,
        # Carol, warned "It started suddenly (you wrote: 'all at once')"); kept beside the first, as the body part's is
        if end < len(toks) and toks[end].text in _DOUBT_ONSET:
            came = end + 1 + (end + 1 < len(toks) and toks[end + 1].text in ("on", "up"))
            doubt.append(Hit(h.pattern, h.start, came, h.matched))
        # ... and over the body part it is about: "not sure if my [left hand is] weaker", "if my [hands are] cramping".
        body = end
        while body < len(toks) and body - end < 2 and toks[body].text in _SIDE_WORDS:
            body += 1
        if body < len(toks) and toks[body].text in _DOUBT_BODY | _DOUBT_DOING:
            body += 1
            while body < len(toks) and toks[body].text in _DOUBT_LINK:
                body += 1
            doubt.append(Hit(h.pattern, h.start, body, h.matched))
    doubt_after = _doubts_after(toks, find(toks, lex.doubt), clause, sentence, lex.relatives)
    spans = _doubt_spans(toks, find(toks, lex.doubt), clause)
    # The "whether" of a doubt ("can't say whether my face drooped") is the doubt, not a hypothetical; so is the
    # "tested for" of never having been tested ("never been tested for diabetes": walkthrough AC, Kevin).
    whether = [h for h in find(toks, lex.doubt) if any(toks[i].text in _DOUBT_NOT_HYPOTHETICAL for i in h.matched)]
    # "I'd been lying on it" is "I had" (language.yaml `pseudo_hypothetical`), neither a "would" nor a future word
    past = find(toks, lex.pseudo_hypothetical)
    future = {sentence[h.start] for h in _outside(find(toks, lex.future_words), past)}
    hypothetical = _outside(find(toks, lex.hypothetical), whether + past) + [
        h for h in find(toks, lex.conditional) if sentence[h.start] in future]
    return _Context(
        clause, sentence,
        _outside(find(toks, lex.negation_before), pseudo), _outside(find(toks, lex.negation_after), pseudo),
        find(toks, lex.negation_back_sentence), hypothetical, find(toks, lex.historical),
        find(toks, lex.uncertain), doubt, doubt_after, family_from, theirs, [v for v in family_verbs if toks[v.start].text in ("runs", "run")],
        spans,
    )


_DOUBT_NOT_HYPOTHETICAL = frozenset({"whether", "tested", "checked", "screened"})


# A doubt that asks which of two ("I don't know if it came on suddenly or slowly", "not sure whether it was sudden
# or gradual", "can't tell if it was quick or over weeks") doubts every alternative it names, to the end of its
# clause: none of them is a yes (walkthrough Y, Helen: "slowly" was read as a slow start). "If X or not" asks only
# about X: the doubt ends at its "not" ("don't know if it came on suddenly or not, my face went numb").
_OR = frozenset({"or"})
_OR_NOT = frozenset({"not", "no", "nor"})


def _doubt_spans(toks: list[Token], hedges: list[Hit], clause: list[int]) -> list[tuple[int, int]]:
    """The token ranges of doubts between alternatives: from an 'if' or 'whether' doubt to the end of its clause,
    when an 'or' follows it in that clause."""
    out: list[tuple[int, int]] = []
    for h in hedges:
        ask = h.end if h.end < len(toks) and toks[h.end].text in _IF else h.end - 1
        if not (0 <= ask < len(toks) and toks[ask].text in _IF):
            continue
        cl = clause[ask]
        end = ask + 1
        while end < len(toks) and clause[end] == cl and toks[end].text not in CLAUSE_END:
            end += 1
        ors = [k for k in range(ask + 2, end) if toks[k].text in _OR]
        if not ors:
            continue
        if ors[0] + 1 < len(toks) and toks[ors[0] + 1].text in _OR_NOT:
            end = ors[0] + 2  # "if X or not": X only
        out.append((h.start, end))
    return out


_TRAILING_REACH = 2  # words between what is said and a hedge after it ("comes and goes [a lot] i think")
# A real question says what it asks about: "why do my hands go numb?", "is it normal my arm went weak?" (only a
# statement said as a question, "it comes and goes?", is a hedge; "is it getting worse?" is a doubt of its own).
# The subject of a hedge said after the words ("..., I am not sure", "... but I'm not sure"): the person's own doubt.
_HEDGE_SUBJECT = frozenset({"i", "i'm", "im", "am"})
_POINTS_BACK = frozenset({"it", "that", "they", "was", "were", "is", "did", "had", "so", "really", "though", "tho", "about",
                          "this", "of", "either", "anymore"})
_ASKS_WHY = frozenset({"why", "what", "what's", "whats", "how", "anyone", "anybody"})
_ASKS = frozenset({"is", "are", "am", "was", "were", "do", "does", "did", "should", "could", "can", "will", "would",
                   "has", "have", "shall", "may", "might", "must"})


def _doubts_after(toks: list[Token], hedges: list[Hit], clause: list[int], sentence: list[int],
                  relatives: Collection[str]) -> list[tuple[int, int, int]]:
    """Hedges said after the words they doubt: one that ends its clause ("it comes and goes i think"), one that is a
    clause by itself after a comma, a semicolon or as a sentence alone ("it comes and goes, maybe", "... funny. I'm not
    sure."), and a question mark right after the words ("it comes and goes?"), unless the sentence asks why or how."""
    out: list[tuple[int, int, int]] = []
    for h in hedges:
        last = h.matched[-1] + 1
        # "... slurred, but I'm not sure it was": a hedge whose clause only points back ("it was", "that it did") ends
        # there as if it stood alone (walkthrough AG, Frank: read as a firm yes to slurred speech)
        while last < len(toks) and toks[last].text in _POINTS_BACK and (
                last + 1 == len(toks) or toks[last + 1].text in CLAUSE_END or toks[last + 1].text in _POINTS_BACK):
            last += 1
        if last < len(toks) and toks[last].text not in CLAUSE_END:
            if h.start >= 2 and toks[h.start - 1].text in CLAUSE_END and _doubts_what_it_was(toks, last):
                out.append((h.start - 1, clause[h.start - 2], _TRAILING_REACH))  # "my chest felt tight, not sure if it was pain"
            continue  # "i think my neck is the cause" leads what follows
        k = h.start  # "funny, I am not sure": the hedge's own subject is passed over back to the comma
        while k > 0 and h.start - k < 2 and toks[k - 1].text in _HEDGE_SUBJECT:
            k -= 1
        # A sentence that is only the doubt ("... sounded a bit funny. I'm not sure.") points back as a comma's does.
        alone = last == len(toks) or toks[last].text in SENTENCE_END
        if k >= 2 and (toks[k - 1].text in (",", "but", ";") or toks[k - 1].text in (".", "!") and alone):
            out.append((k - 1, clause[k - 2], _TRAILING_REACH + _call_before(toks, k - 1, clause, relatives)))
        elif h.start:
            out.append((h.start, clause[h.start], _TRAILING_REACH))
    for i, t in enumerate(toks):
        if t.text != "?" or not i or toks[i - 1].text in SENTENCE_END:
            continue
        asked = [k for k in range(i) if sentence[k] == sentence[i - 1]]
        if toks[asked[0]].text not in _ASKS and not any(toks[k].text in _ASKS_WHY for k in asked):
            out.append((i, clause[i - 1], 0))
    return out


# What a sign felt like, doubted by a hedge that points back at it ("my arm felt odd, not sure if it was weakness"):
# the sign before is then not sure. Only these words: "... not sure if that's normal" still says it. Never pain,
# pressure or tightness: the chest sign is "pain, pressure or tightness", so "my chest felt tight, not sure if it
# was pain" has said the sign (walkthrough G: read as not sure, it turned a heart warning into a routine visit).
_DOUBT_KIND = frozenset({"heaviness", "weakness", "numbness", "real"})
_BACK = frozenset({"it", "it's", "its", "that", "that's", "thats", "this"})
_IF = frozenset({"if", "whether"})  # after a hedge that does not say it: "idk if it was pain"


def _doubts_what_it_was(toks: list[Token], i: int) -> bool:
    """Do the words from i ask what the sign just said was ("if it was pain", "whether that's pressure"), to the end
    of their clause?"""
    back = False
    while i < len(toks) and toks[i].text in _DOUBT_FILLER | _BACK | _IF:
        back = back or toks[i].text in _BACK
        i += 1
    return back and i < len(toks) and toks[i].text in _DOUBT_KIND and (i + 1 == len(toks) or toks[i + 1].text in CLAUSE_END)


def _status(hit: Hit, ctx: _Context, scope: int, anchor: int | None = None) -> tuple[str, float]:
    """What the surrounding words make of a mention: said, denied, hypothetical, past, someone else's.
    `anchor` is where the longest mention of the same finding around this one starts ('drooping' in
    'face is drooping'): a doubt's short reach is counted from there."""
    s, e = hit.start, hit.end
    cl = ctx.clause[s]
    mine = set(range(s, e))

    def before(trigs: list[Hit], reach: int) -> bool:
        return any(t.end <= s and s - t.end <= reach and ctx.clause[t.end - 1] == cl and not mine & set(range(t.start, t.end))
                   for t in trigs)

    def after(trigs: list[Hit], reach: int) -> bool:
        return any(t.start >= e and t.start - e <= reach and ctx.clause[t.start] == ctx.clause[e - 1] for t in trigs)

    if any(f < s and (ctx.clause[f] == cl or ctx.clause[f] in ctx.theirs.get(cl, ())) for f in ctx.family_from) or after(
            ctx.family_after, scope):
        return "someone_else", 0.0
    if any(t.start >= e and ctx.sentence[t.start] == ctx.sentence[s] for t in ctx.neg_sentence):
        return "denied", 0.8
    if any(a <= s and e <= b for a, b in ctx.doubt_span):  # "don't know if it came on suddenly or slowly"
        return "unsure", 0.0
    if before(ctx.hypothetical, 4 * scope):  # a hypothetical reaches the whole clause ("if I get ... I will call")
        return "hypothetical", 0.0
    a = s if anchor is None else anchor
    if any(t.end <= a and a - t.end <= _DOUBT_REACH and ctx.clause[t.end - 1] == cl for t in ctx.doubt):  # "not sure if his face drooped": only what the doubt is about, close by
        return "unsure", 0.0
    if any(p >= e and p - e <= reach and ctx.clause[e - 1] == c for p, c, reach in ctx.doubt_after):  # "comes and goes i think?"
        return "unsure", 0.0
    historical = before(ctx.historical, scope) or after(ctx.historical, scope)
    gap = mine - set(hit.matched)  # words a "..." skipped: "the cast is not tight" denies "cast ... tight"
    inside = bool(gap) and any(set(range(t.start, t.end)) <= gap for t in ctx.neg_before)
    if inside or before(ctx.neg_before, scope) or after(ctx.neg_after, 3):
        return ("past" if historical else "denied"), 0.85
    if historical:
        return "past", 0.0
    return "said", (0.65 if before(ctx.uncertain, 3) else 0.9)


# A doubt reaches only the next word ("not sure if [his] face drooped"), so a sign said after an aside
# ("not sure if it matters but my face went numb", "not sure if this is relevant my face is numb") still stands.
# Small words that carry no aside are passed over first ("don't know if [I have a] fever").
_DOUBT_REACH = 1
_DOUBT_FILLER = frozenset({"i", "i've", "ive", "i'm", "im", "i'd", "have", "has", "had", "got", "a", "an", "any", "some",
                           "it", "it's", "its", "is", "was", "am", "are", "were", "there", "there's", "theres", "he", "she",
                           "they", "his", "her", "my", "their", "the", "really", "actually", "even", "been", "get",
                           "do", "does", "did", "also", "having", "running"})
_DOUBT_FILLER_REACH = 4
_DOUBT_ONSET = frozenset({"came", "come", "comes", "coming", "started", "start", "starts", "began", "begin", "begun",
                          "happened", "happen", "appeared", "hit"})
# The body part a doubt is about, and the words that join it to what is doubted ("my hands are cramping").
_SIDE_WORDS = frozenset({"left", "right", "both", "other"})
_DOUBT_BODY = frozenset({"hand", "hands", "arm", "arms", "finger", "fingers", "fingertips", "thumb", "thumbs", "palm",
                         "palms", "wrist", "wrists", "feet", "foot", "toes", "toe", "legs", "leg", "face", "lips", "lip",
                         "mouth", "speech", "grip", "muscles", "vision", "eyes", "eye", "smile", "words"})
# What a body does, doubted as the body part is: "not sure if my walking is unsteady" (walkthrough Z, Frank).
_DOUBT_DOING = frozenset({"walking", "walk", "balance", "gait"})
_DOUBT_LINK = frozenset({"is", "are", "was", "were", "feel", "feels", "felt", "has", "have", "had", "got", "been",
                         "keep", "keeps", "kept", "getting", "went", "go", "goes", "gone"})

_SHARED_GROUPS = frozenset({"where", "onset_and_course", "timing_and_triggers"})


def _drop_contained(hits: list[Hit], groups: Mapping[str, str]) -> list[Hit]:
    """A match whose words all sit inside a longer match of another kind of finding gives way to it
    ('headache' in 'worst headache of my life'); within where / onset / triggers both stand
    ('pointer' in 'pointer and middle', 'all the time' in 'not all the time')."""
    keep: list[Hit] = []
    for h in sorted(hits, key=lambda h: (-len(h.matched), h.start)):
        mine = set(h.matched)
        my_groups = {groups.get(f) for f in h.pattern.findings}

        def gives_way(k: Hit) -> bool:
            if k.start > h.start or k.end < h.end:
                return False  # cheap test first: k does not span h
            if not mine < set(k.matched) or set(h.pattern.findings) <= set(k.pattern.findings):
                return False
            theirs = {groups.get(f) for f in k.pattern.findings}
            return not (my_groups == theirs and my_groups <= _SHARED_GROUPS)

        if any(gives_way(k) for k in keep):
            continue
        keep.append(h)
    return sorted(keep, key=lambda h: h.start)


_AGE_WORDS = frozenset({"yo", "y", "o", "year", "years", "yr", "yrs", "old", "yrs", "-"})


def _patient_relative(toks: list[Token], lex: Lexicon) -> tuple[int, str, int | None, tuple[int, int] | None] | None:
    """A description written about someone else ('my husband is 72', 'Mum (79)'): who, their sex, their age."""
    words = [t.text for t in toks]
    for i, w in enumerate(words):
        if w not in lex.relatives:
            continue
        j = i + 1
        while j < len(words) and words[j] in ("is", "(", ",", "aged", "who", "'s"):
            j += 1
        if j < len(words) and words[j].isdigit() and 0 < int(words[j]) <= 110 and j - i <= 3:
            return i, lex.relatives[w], int(words[j]), (toks[j].start, toks[j].end)
        k = i - 1  # the age before: "my 19 yo daughter", "my 70 year old dad"
        while k > 0 and words[k] in _AGE_WORDS and i - k <= 3:
            k -= 1
        if k >= 0 and k < i - 1 and words[k].isdigit() and 0 < int(words[k]) <= 110 and (k == 0 or words[k - 1] in ("my", "our")):
            return i, lex.relatives[w], int(words[k]), (toks[k].start, toks[k].end)
    pronouns = {"he", "his", "him", "she", "her"}
    verbs = {w.key for ps in lex.family_verbs.values() for p in ps for w in p.words[:1]}
    for i, w in enumerate(words[:4]):
        if w not in lex.relatives or not pronouns & set(words[i + 1:]):
            continue
        if not verbs & set(words[i + 1:i + 3]) or (_spoken_of_again(words, i + 2, lex.relatives[w])
                                                    and not _own_story(words, lex.relatives)):
            return i, lex.relatives[w], None, None
    return None


_THEIR_PRONOUNS = {"male": frozenset({"he", "his", "him", "he's", "hes"}), "female": frozenset({"she", "her", "she's", "shes"})}
_LEADS = frozenset({".", ",", ";", "!", "?", "and", "but", "now", "then", "\n"})


def _spoken_of_again(words: list[str], start: int, sex: str) -> bool:
    """Is the relative the subject of a later clause, by a pronoun of their sex ("... gliclazide. He is sweaty", "and
    his hands tingle"), not only named once ("my mum had side of his face")?"""
    fit = _THEIR_PRONOUNS.get(sex, _THEIR_PRONOUNS["male"] | _THEIR_PRONOUNS["female"])
    return any(words[k] in fit and words[k - 1] in _LEADS for k in range(max(start, 1), len(words)))


# The writer's own words: "I", "me", "my" (not "my" before a relative: "my husband").
_FIRST_PERSON = frozenset({"i", "i'm", "im", "i've", "ive", "i'd", "me", "my", "mine", "myself"})
# What a carer says of herself about the other person: "I'm not sure if he takes insulin", "I think", "I found him".
_CARER = frozenset({"think", "guess", "worried", "scared", "afraid", "sure", "know", "noticed", "found", "saw",
                    "called", "rang", "can't", "cant", "cannot", "don't", "dont"})


def _own_story(words: list[str], relatives: Collection[str]) -> bool:
    """Does the writer speak of herself anywhere ("my hands tingle", "I am shaky"), beyond naming the relative ("my
    husband") and her own doubts about them ("I'm not sure if he ...")? Then "my husband has diabetes" is his
    history in her story; otherwise the text is about him throughout and his history is the patient's (walkthrough Z,
    Walt: his wife's "My husband has type 2 diabetes and takes gliclazide. He is sweaty ..." dropped his diabetes)."""
    for i, w in enumerate(words):
        if w not in _FIRST_PERSON:
            continue
        if w in ("my", "our") and set(words[i + 1:i + 5]) & set(relatives):  # "my husband", "my 70 year old dad"
            continue
        if w in ("i", "i'm", "im") and _CARER & set(words[i + 1:i + 3]):
            continue
        return True
    return False


def _age_sex(toks: list[Token], lex: Lexicon, skip: set[int]) -> tuple[int | None, tuple[int, int] | None, str | None, tuple[int, int] | None]:
    """The writer's own age and sex ('I'm 45', '34f', '62 yo male', 'me 50 year, woman')."""
    words = [t.text for t in toks]
    n = len(words)
    age: int | None = None
    age_span: tuple[int, int] | None = None
    sex: str | None = None
    sex_span: tuple[int, int] | None = None
    for i, w in enumerate(words):
        glued = re.fullmatch(r"([fm])(\d{1,3})", w)  # "F34", "m45"
        if age is None and glued and 0 < int(glued.group(2)) <= 110 and i not in skip:
            age, age_span = int(glued.group(2)), (toks[i].start, toks[i].end)
            sex, sex_span = ("female" if glued.group(1) == "f" else "male"), (toks[i].start, toks[i].end)
            continue
        if age is not None or i in skip or not w.isdigit() or not 0 < int(w) <= 110:
            continue
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < n else ""
        nxt2 = words[i + 2] if i + 2 < n else ""
        if nxt == "ago" or nxt2 == "ago" or prev in ("at", "for", "since", "over", "past", "last", "about", "after", "from",
                                                     "in", "within", "than", "every", "each"):
            continue
        is_age = False
        if nxt in _YEARS:
            is_age = nxt2 in ("old", "o", "of", ",", ".") or nxt in ("yo", "y") or prev in _AGE_CUES or i == 0 or (
                nxt2 in lex.sex_words) or prev in lex.sex_words
        elif nxt in UNITS or nxt in ("pints", "units", "glasses", "cigarettes", "kg", "lbs", "stone", "times", "%"):
            continue
        elif nxt in ("f", "m") or nxt in lex.sex_words:
            is_age = True
        elif prev in _AGE_CUES or prev in lex.sex_words or ((i == 0 or prev in (".", "\n")) and nxt in (",", ".", "and")) or (
                prev == "," and i >= 2 and (words[i - 2] in lex.sex_words or words[i - 2] in ("teenager", "teen"))):
            is_age = True
        if is_age:
            age, age_span = int(w), (toks[i].start, toks[i].end)
            if nxt in ("f", "m"):
                sex, sex_span = ("female" if nxt == "f" else "male"), (toks[i + 1].start, toks[i + 1].end)
    if sex is None:
        for i, w in enumerate(words):
            if i in skip:
                continue
            got = lex.sex_words.get(w)
            if got is not None and (i == 0 or words[i - 1] not in ("my", "the", "a", "this", "that", "other") or (
                    i >= 1 and words[i - 1] == "a" and (i < 2 or words[i - 2] in ("i'm", "im", "am", "old", "year")))):
                sex, sex_span = got, (toks[i].start, toks[i].end)
                break
            if got is not None and i >= 1 and words[i - 1] == "a":
                sex, sex_span = got, (toks[i].start, toks[i].end)
                break
    return age, age_span, sex, sex_span


_SIDE_NAMES = frozenset({"right", "left"})
_NOT_A_SIDE = frozenset({"into", "up", "down", "through", "across", "along", "to", "away", "now", "there", "here",
                         "after", "before", "back", "at", "in", "out", "over", "round", "around"})


def _sides(toks: list[Token], blocked: set[int]) -> dict[str, tuple[int, int]]:
    """Which sides ('right', 'left') the text puts on a hand, arm or finger, with the first such words of each."""
    out: dict[str, tuple[int, int]] = {}
    for i, t in enumerate(toks):
        if t.text not in ("right", "left", "r", "l") or i in blocked:
            continue
        if i + 1 < len(toks) and toks[i + 1].text in _NOT_A_SIDE:
            continue  # "sends zingers right into the pinky", "right up my arm": "right" as "all the way"
        for j in range(i + 1, min(i + 4, len(toks))):
            if toks[j].text in CLAUSE_END:
                break
            if toks[j].text in _LIMBS:
                if toks[j].text == "side" and not (j + 2 < len(toks) and toks[j + 2].text in ("arm", "hand", "body")):
                    a, z = clause_of(toks, i)
                    if not {t.text for t in toks[a:z]} & (_LIMBS - {"side"}):
                        break  # "the right side of my face" alone says nothing about the hands
                out.setdefault({"r": "right", "l": "left"}.get(t.text, t.text), (i, j))
                break
    return out


def parse(text: str) -> Parsed:
    """Read one description: every finding said present or absent, age and sex, each with its words."""
    lex = lexicon()
    raw = tokenize(text[:MAX_CHARS])
    toks, fixed = correct(raw, lex.vocabulary, lex.known)
    relative = _patient_relative(toks, lex)
    ctx = _context(toks, lex, relative[0] if relative else None)
    hits = [h for h in _drop_contained(find(toks, lex.findings), lex.groups)
            if not _usual_headache(h, toks) and not _one_of_them(h, toks)]
    mentions: list[Mention] = []
    used_tokens: set[int] = set()

    def span(a: int, b: int) -> tuple[int, int, str]:
        return toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end]

    where = {i for h in hits if any(lex.groups.get(f) == "where" for f in h.pattern.findings) for i in h.matched}

    def about_moving(h: Hit) -> bool:
        """Is a place word's denial about how it moves ("my arm moves fine"), not about where the numbness is?"""
        return all(lex.groups.get(f) == "where" for f in h.pattern.findings) and any(
            toks[i].text in _MOVES and ctx.clause[i] == ctx.clause[h.end - 1]
            for i in range(h.end, min(len(toks), h.end + _MOVES_REACH)))

    def mine_says_numb(h: Hit) -> bool:
        """Does the clause of this mention also speak of the numbness itself (a finger, a hand, 'numb')?"""
        if any(lex.groups.get(f) == HISTORY_GROUP for f in h.pattern.findings):
            # Up to a terminator: "started a new drug 6 months ago | and now my feet are numb".
            cl = ctx.clause[h.start]
            mine = [i for i, c in enumerate(ctx.clause) if c == cl]
        else:  # another symptom often shares the numbness's time ("legs weaker for 3 days and it's moving up")
            a, z = clause_of(toks, h.start)
            mine = list(range(a, z))
        return bool(where & set(mine)) or any(toks[i].stem in _NUMB_WORDS for i in mine)

    numb_clauses = {ctx.clause[i] for i, t in enumerate(toks) if {t.stem, t.text} & (_NUMB_WORDS - _PRONOUNS)}
    other_clauses = {ctx.clause[h.start] for h in hits if any(lex.groups.get(f) in _OTHER_THINGS for f in h.pattern.findings)}

    def only_a_place(h: Hit) -> bool:
        """A face or leg named in a clause about something else ('a tick on my leg', 'a rash on my face'),
        with no word of numbness in that clause, is not a numb face or leg (the hands are the numb place
        by default; the face and leg must be said to be numb)."""
        cl = ctx.clause[h.start]
        return set(h.pattern.findings) <= _BEYOND_HANDS and cl in other_clauses and cl not in numb_clauses

    # the words after a sore said of a finger, in its clause, in a sentence with no word of numbness ("Now there is a
    # sore on the tip of my right index finger that has been there a week."): the sore's place and length, never a
    # numb finger, side or length (walkthrough BO, Greta: one hand, the index finger and "less than six weeks" read
    # from her sore). "blisters on my finger, tingly and numb round them" keeps its finger: the numbness is there.
    numb_sentences = {ctx.sentence[i] for i, t in enumerate(toks) if {t.stem, t.text} & (_NUMB_WORDS - _PRONOUNS)}
    sore_places = {i for s in hits if set(s.pattern.findings) & _SORE_FINDINGS
                   and ctx.sentence[s.start] not in numb_sentences
                   for i in range(s.end, len(toks)) if ctx.clause[i] == ctx.clause[s.start]}
    blocked: set[int] = set()  # tokens in a hypothetical, past or someone else's context
    history_clauses: set[int] = set()
    partial: set[tuple[str, int, int]] = set()  # (finding, start, end) of mentions from its `partial` words
    completing: set[tuple[str, int, int]] = set()  # of those, the mentions from its `completes` words (a missed meal)
    for h in hits:
        anchor = min(k.start for k in hits if k.start <= h.start and k.end >= h.end
                     and set(k.pattern.findings) & set(h.pattern.findings))
        status, conf = _status(h, ctx, lex.scope, anchor)
        if h.pattern.denied_only and status != "denied":
            continue
        if h.pattern.denied_only and about_moving(h):
            continue
        if only_a_place(h) or sore_places & set(h.matched) and all(lex.groups.get(f) == "where" for f in h.pattern.findings):
            continue
        if status == "denied" and h.pattern.findings == ("one_hand",) and {toks[i].text for i in h.matched} & _SIDE_NAMES:
            continue  # "my right hand is fine": that side is not numb, which says nothing against one hand (_hands)
        if fixed & set(h.matched):
            conf = min(conf, 0.7)
        a, b, words = span(h.start, h.end)
        if status in ("hypothetical", "unsure", "someone_else"):
            blocked |= set(range(h.start, h.end))
        if _for_someone(h, toks):
            continue  # "I'm typing this for my mum": the writer's typing, not a trigger or a job
        for fid in h.pattern.findings:
            if _named_other(fid, h, toks, lex) or _named_other_after(fid, h, toks, lex, ctx):
                continue  # "a B12 supplement" is not a B6 one; "sudden neck pain" is the pain's start
            group = lex.groups.get(fid)
            st: Status = status  # type: ignore[assignment]
            c = conf
            if status == "past" and group != EMERGENCY_GROUP and not (fid in _RECENT_ONLY and not conf):
                # Only a warning sign can be "in the past"; old history ("a stroke years ago") still counts,
                # except for what must be recent: "I broke my wrist years ago" is not a recent injury (asked).
                st, c = ("denied", 0.85) if conf else ("said", 0.8)
            if st == "denied" and fid in _EXPOSURES and _bring_on_denied(toks, h.end, ctx):
                continue  # "typing doesn't bring it on" says nothing of how much they type
            value = {"said": True, "denied": False}.get(st)
            if group in _OTHER_THINGS and value is not None and not mine_says_numb(h):
                history_clauses.add(ctx.clause[h.start])  # "vegan for 6 years", "lost weight over months"
            mentions.append(Mention(fid, value, a, b, words, st, c))
            if h.pattern.source in lex.partial.get(fid, ()):
                partial.add((fid, a, b))
            if h.pattern.source in lex.completes.get(fid, ()):
                completing.add((fid, a, b))
            used_tokens |= set(h.matched)

    blocked |= {i for a, b in ctx.doubt_span for i in range(a, b)}  # "... suddenly or over a few days": no length either
    blocked |= sore_places  # the sore's finger names no numb side, its length no length of the numbness
    age: int | None
    age_span: tuple[int, int] | None
    sex: str | None
    sex_span: tuple[int, int] | None
    if relative is not None:
        age, age_span = relative[2], relative[3]
        sex = None if relative[1] == "either" else relative[1]
        sex_span = None if sex is None else (toks[relative[0]].start, toks[relative[0]].end)
        if age is None:  # "my 70 yo dad": the age stands before the relative
            age, age_span, _, _ = _age_sex(toks, lex, set())
    else:
        skip = {i for i, c in enumerate(ctx.clause) if any(f <= i and ctx.clause[f] == c for f in ctx.family_from)}
        age, age_span, sex, sex_span = _age_sex(toks, lex, skip)
    context_blocked = set(blocked)  # the age's words below ("45 years old") are not a length, but "38 f, my right thumb" is a side
    if age_span is not None:  # up to a sentence end or comma: "I'm 63. Two hours ago" is a length (walkthrough R, Luis)
        near = [i for i, t in enumerate(toks) if age_span[0] <= t.start < age_span[1] + 12]
        stop = next((i for i in near if toks[i].start >= age_span[1] and toks[i].text in _AGE_ENDS), None)
        blocked |= {i for i in near if stop is None or i < stop}
    # How long something else has lasted ("vegan for 6 years", "migraines for years") is not how long the numbness has,
    # nor a length in the clauses that go on from it ("I drink heavily, most days, for years": walkthrough AC, Kevin).
    history_clauses |= _going_on(toks, ctx, history_clauses, mentions)
    mentions = [m for m in mentions if not (m.finding in _LENGTHS and m.status == "said" and _clause_at(ctx, toks, m.start) in history_clauses)]
    mentions += _timing(toks, text, ctx, history_clauses, blocked, mentions)
    mentions += _recent_start(toks, text, ctx, history_clauses, blocked, mentions)
    mentions = _short_not_gradual(mentions)
    mentions = _cold_season_is_a_time(mentions, toks)
    mentions = _recurring_over_a_span(mentions, toks)
    mentions = _one_occasion_of_drinking(mentions, toks)
    mentions += _goes_when_stopped(toks, text, ctx, lex, blocked, mentions)
    # "Slowly" over minutes ("went slowly from my fingers to my face in 20 minutes") is a spread, not an onset
    # over weeks or months: a gradual onset said in a clause that spreads or lasts under a day does not count.
    short = {ctx.clause[d.start] for d in durations(toks) if d.days < 1}
    short |= {_clause_at(ctx, toks, m.start) for m in mentions if m.finding == "spreads_over_minutes" and m.value}
    mentions = [m for m in mentions if not (m.finding == "onset_gradual" and m.value and _clause_at(ctx, toks, m.start) in short)]
    mentions = _where_it_wastes(mentions, toks, ctx)
    mentions = _spread_in_the_arm(mentions, toks)
    mentions += _hands(toks, text, context_blocked | {i for i, c in enumerate(ctx.clause) if c in _blocked_clauses(ctx, toks)}, mentions,
                       ctx)
    mentions = list({(m.finding, m.start, m.end, m.value): m for m in mentions}.values())
    mentions = _creeping_over_days(mentions, toks)
    mentions += _new_limb(toks, text, ctx, lex, blocked, mentions)
    mentions = _brief_leg_weakness(mentions, toks)
    mentions += _rising(mentions, lex)
    mentions = _effort_heaviness(mentions, toks, ctx)
    mentions = _wrist_lifted(mentions, toks, ctx)
    mentions = _easing_speed(mentions, toks)
    mentions = _span_of_a_bout(mentions, toks)
    mentions = _habitual_knocks(mentions, toks)
    mentions = _phone_call(mentions, toks, ctx, lex)
    mentions = _on_the_foot(mentions, toks)
    mentions = _course_of_another(mentions, toks, ctx)
    mentions = _grip_beside_hand_use(mentions)
    mentions = _partial_only(mentions, partial, completing)
    mentions = _undone(mentions, toks, ctx, lex)
    mentions = _readings(mentions, toks, ctx, text)
    mentions = _needing(mentions, lex)
    mentions = _headache_after_a_spell(mentions, lex)
    mentions = _doubt_beats_an_inferred_no(mentions)
    mentions += _clumsy_pair(mentions, toks, lex)
    mentions = _still_able(mentions, toks, text, ctx)
    mentions, normal = _said_normal(mentions, toks, text)
    understood, case = _resolve(mentions, lex, normal, age)
    unsure = _left_open(mentions, understood, lex, "unsure")
    in_part = tuple(f for f in _left_open(mentions, understood, lex, "partial") if f not in unsure)
    if sex is None and understood.get("pregnant") is True:
        sex = "female"
        first = next(m for m in mentions if m.finding == "pregnant" and m.value)
        sex_span = (first.start, first.end)
    foot = _foot_sore(toks, text)
    return Parsed(text=text, age=age, sex=sex, age_span=age_span, sex_span=sex_span,
                  understood=understood, findings=case, mentions=tuple(mentions), unsure=unsure, partial=in_part,
                  days_so_far=_days_so_far(toks, mentions, understood), foot_sore=foot[0], foot_sore_words=foot[1])


# A weakness said to be normal ("grip feels fine", "no weakness", "strength is fine", "can still grip things") is the
# person's own no: it enters the case although hand weakness is a warning sign (walkthrough AC, Tariq was asked his grip
# again after "Grip feels fine"). Not when its sentence sets it in the past or a time ("my grip was fine until today").
_SAID_NORMAL = frozenset({"hand_weakness"})
_NOT_NOW = frozenset({"until", "till", "til", "was", "were", "used", "before", "earlier", "ago", "yesterday"})
_NORMAL_WORDS = frozenset({"fine", "ok", "okay", "normal", "good", "strong", "alright"})
_STILL_ABLE = (("can", "still"), ("still", "able", "to"), ("still", "can"))
_GRIP_VERBS = frozenset({"grip", "hold", "grab", "grasp"})


def _still_able(mentions: list[Mention], toks: list[Token], text: str, ctx: _Context) -> list[Mention]:
    """"I can still grip things", "still able to hold a cup": a no to hand weakness, and no trigger (it was read as
    gripping bringing it on). Not inside a doubt or an "if"."""
    words = [t.text for t in toks]
    out = list(mentions)
    for i in range(len(words)):
        for lead in _STILL_ABLE:
            k = i + len(lead)
            if tuple(words[i:k]) != lead or k >= len(words) or words[k] not in _GRIP_VERBS:
                continue
            a, b = clause_of(toks, i)  # to a comma: "still" ends a ConText clause
            if any(a <= h.start < b for h in (*ctx.doubt, *ctx.uncertain, *ctx.hypothetical, *ctx.neg_before)):
                continue
            start, end = toks[i].start, toks[k].end
            out = [m for m in out if not (m.finding == "worse_with_gripping" and start <= m.start < toks[b - 1].end)]
            out.append(Mention("hand_weakness", False, start, end, text[start:end], "denied", 0.8))
    return out


def _token_at(toks: list[Token], char: int) -> int:
    """The token that starts at (or holds) this character."""
    return next((i for i, t in enumerate(toks) if t.start <= char < t.end), 0)


def _said_normal(mentions: list[Mention], toks: list[Token], text: str) -> tuple[list[Mention], frozenset[str]]:
    """The warning signs the person said are normal now (`_SAID_NORMAL`), every mention of them a plain denial in a
    sentence with no past or time in it; their spans are widened to the words of the normal ("Grip feels fine", "No
    weakness"), so a chip quotes what was said, not "Grip"."""
    normal: set[str] = set()
    out = list(mentions)
    for fid in _SAID_NORMAL:
        ms = [m for m in mentions if m.finding == fid and m.status != "inferred"]
        if not ms or any(m.value is not False or m.status != "denied" for m in ms):
            continue
        plain = True
        for m in ms:
            a, b = sentence_of(toks, _token_at(toks, m.start))
            plain &= not {t.text for t in toks[a:b]} & _NOT_NOW
            # "Gripping doesn't bring it on" denies a trigger, not weakness (walkthrough Z)
            plain &= not {t.text for t in toks[_token_at(toks, m.end - 1) + 1:b]} & _BRING
        if not plain:
            continue
        normal.add(fid)
        out = [_widened(m, toks, text) if m in ms else m for m in out]
    return out, frozenset(normal)


def _widened(m: Mention, toks: list[Token], text: str) -> Mention:
    """A denial's span from its "no" or up to its "fine" in the clause: "Grip feels fine", "no weakness"."""
    i = _token_at(toks, m.start)
    j = _token_at(toks, m.end - 1)
    a, b = clause_of(toks, i)
    end = next((k for k in range(j + 1, min(b, j + 4)) if toks[k].text in _NORMAL_WORDS), j)
    start = i - 1 if i - 1 >= a and toks[i - 1].text in ("no", "not") else i
    lo, hi = toks[start].start, toks[end].end
    return Mention(m.finding, m.value, lo, hi, text[lo:hi], m.status, m.confidence)


# What a person does, not what brings the numbness on: "typing doesn't bring it on" denies typing as the trigger
# (`worse_with_gripping`), not that their work is forceful or repeated hand use.
_EXPOSURES = frozenset({"repetitive_hand_work", "vibrating_tools"})
_BRING = frozenset({"bring", "brings", "brought"})


_WRITING = frozenset({"typing", "writing", "texting", "type", "write"})
_FOR_WHOM = frozenset({"my", "her", "him", "them", "our", "mum", "mom", "dad", "someone", "somebody"})


def _for_someone(h: Hit, toks: list[Token]) -> bool:
    """Is this the writer typing or writing the description for someone else ("I'm typing for my mum", "typing this
    on behalf of my dad")? Then it is no trigger and no job (walkthrough AM, Helen's daughter: "typing" read as a
    trigger and as hand-heavy work)."""
    if not {toks[i].text for i in range(h.start, h.end)} & _WRITING:
        return False
    after = [t.text for t in toks[h.end:h.end + 3]]
    if after[:1] == ["this"]:
        after = after[1:]
    return after[:1] == ["for"] and after[1:2] != [] and after[1] in _FOR_WHOM or after[:2] == ["on", "behalf"]


def _named_other(fid: str, h: Hit, toks: list[Token], lex: Lexicon) -> bool:
    """Do words just before this mention name another thing of its kind ('a [B12] supplement' is not B6)?"""
    table = lex.named_other.get(fid)
    if not table:
        return False
    a = max(0, h.start - 4)
    return any(a + k.end == h.start for k in find(toks[a:h.start], table))


# Words between that join two things, or start another, rather than describe one: "came on suddenly with pain" and
# "it went numb suddenly, the pain came later" are the numbness's start.
_LINKS = frozenset({"with", "and", "then", "plus", "after", "before", "or", "but", "the", "a", "an", "my", "his", "her",
                    "their", "this", "that", "it", "i", "is", "was", "in", "on", "to", "of"})
_DESCRIBING_WORDS = 3  # "sudden, really bad [pain]": describing words allowed between


def _named_other_after(fid: str, h: Hit, toks: list[Token], lex: Lexicon, ctx: _Context) -> bool:
    """Do words just after this mention, in its sentence, name another thing it describes ('sudden [severe neck pain]'
    is the pain's start, not the numbness's)?"""
    table = lex.named_other_after.get(fid)
    if not table:
        return False
    window = toks[h.end:h.end + 2 * _DESCRIBING_WORDS + 1]
    for k in find(window, table):
        gap = [t.text for t in window[:k.start]]
        words = gap[1:] if gap[:1] == [","] else gap  # "sudden, really bad pain": a comma only right after the words
        if len(words) <= _DESCRIBING_WORDS and not set(words) & (_LINKS | SENTENCE_END | {","}) and (
                ctx.sentence[h.end + k.start] == ctx.sentence[h.start]):
            return True
    return False


def _bring_on_denied(toks: list[Token], end: int, ctx: _Context) -> bool:
    """Is the mention ending at `end` followed, in its clause, by a denial that it brings it on ("doesn't bring it
    on", language.yaml negation_after), not by another denial?"""
    for h in ctx.neg_after:
        if end <= h.start <= end + 3 and ctx.clause[h.start] == ctx.clause[end - 1]:
            return any(toks[i].text in _BRING for i in range(h.start, h.end))
    return False


def _days_so_far(toks: list[Token], mentions: list[Mention], understood: Mapping[str, bool]) -> float | None:
    """How long the numbness has been there, in days, from the lengths that set its 'lasted six weeks' reading ("for
    3 weeks", "since last week"), so the result can tell numbness weeks old from a stroke happening now (walkthrough
    Q, Tariq). None when no length is, or the readings disagree, or two different lengths are said: which one is the
    numbness's is the how-long question's to ask (walkthrough BD, Jonas: his eye blurred "for ten days", his hands
    tingled "for two weeks", and his result said "It has gone on for 10 days"). A start said as a time of the last day ("this morning my hand went numb", `_recent_start`) counts as
    its length so far (walkthrough Y, Helen: the how-long question's "Less than a day", not asked again)."""
    if "lasting_over_6_weeks" not in understood:
        return None
    said = {(m.start, m.end) for m in mentions
            if m.finding == "lasting_over_6_weeks" and m.value is not None and m.status == "inferred"}
    days = [d.days for d in durations(toks) if (toks[d.start].start, toks[d.end - 1].end) in said]
    days += [float(_RECENT_START[w]) for m in mentions if m.finding == "lasting_over_6_weeks" and m.value is False
             and m.status == "inferred" and (w := tuple(m.text.lower().split())) in _RECENT_START]
    return days[0] if days and len(set(days)) == 1 else None


def _left_open(mentions: list[Mention], understood: Mapping[str, bool], lex: Lexicon, status: Status) -> tuple[str, ...]:
    """Findings whose words left them open in this way (a hedge: "unsure"; half of it: "partial") and that no other
    words settled, in the order written, so the faces can show them back instead of dropping them. The place a
    doubt is about ("not sure if my hands are cramping") is not itself in doubt."""
    return tuple(dict.fromkeys(m.finding for m in sorted(mentions, key=lambda m: m.start)
                               if m.status == status and m.finding not in understood
                               and (lex.groups.get(m.finding) != "where" or _says_a_feeling(m.text))))


# Words that say how a place feels, not only the place: "not sure if my face feels different" doubts the numb face
# itself (walkthrough Z, Helen), while "not sure if my hands are cramping" doubts the cramp, not both hands.
_FEELING = ("numb", "tingl", "pins", "funny", "different", "strange", "weird", "odd", "dull")


def _says_a_feeling(words: str) -> bool:
    """Do a place's words also say how it feels ("face feels different", "face is numb")?"""
    return any(w.startswith(_FEELING) for w in words.lower().split())


# "Usual" said of the headache ("my usual migraine headache came", "then the headache came like always") says the
# headache is the usual one, not that the aura is (aura_like_usual): only words about the aura or the tingling do.
_USUAL_OF = frozenset({"aura_like_usual"})
_HEADACHE = frozenset({"headach", "head"})
_AURA_WORDS = frozenset({"aura", "tingl", "tingly", "zigzag", "light", "flash", "numb", "pin", "pins", "needl", "vision",
                         "sight", "spot", "shimmer"})
_AFTER_THE_THING = frozenset({"as", "like", "same", "always"})  # "as usual", "like always", "same as always"
_USUAL_REACH = 3


def _usual_headache(h: Hit, toks: list[Token]) -> bool:
    """Is this 'usual' phrase about a headache, not the aura: a headache within three words after it ('my usual
    [migraine headache]'), or, for words that follow what they describe ('like always'), just before it, in its
    clause, with no word of the aura or the tingling in between?"""
    if not set(h.pattern.findings) <= _USUAL_OF or any(toks[i].stem in _AURA_WORDS for i in h.matched):
        return False

    def about(indexes: range | list[int]) -> bool:
        for k in indexes:
            if toks[k].text in CLAUSE_END or toks[k].stem in _AURA_WORDS:
                return False
            if toks[k].stem in _HEADACHE:
                return True
        return False

    if about(range(h.end, min(len(toks), h.end + _USUAL_REACH))):
        return True
    return toks[h.start].text in _AFTER_THE_THING and about(list(range(h.start - 1, max(-1, h.start - 1 - _USUAL_REACH), -1)))


# "One of my hands", "either of my hands": the plural names the pair, not both of them numb.
_ONE_OF = (("one", "of"), ("either", "of"), ("either",), ("any", "of"))
_OWNERS = frozenset({"my", "the", "his", "her", "their", "your", "our"})


def _one_of_them(h: Hit, toks: list[Token]) -> bool:
    """Is this a both-hands word that names one of the pair ('one of my [hands]', 'either [hand]')? The hand is one,
    or sometimes one and sometimes the other: either way not both, so both_hands is not read from it."""
    if "both_hands" not in h.pattern.findings or len(h.matched) != 1:
        return False
    k = h.start
    if k and toks[k - 1].text in _OWNERS:
        k -= 1
    before = tuple(t.text for t in toks[max(0, k - 2):k])
    return any(before[len(before) - len(w):] == w for w in _ONE_OF)


_LENGTHS = frozenset({"lasting_over_6_weeks", "onset_over_days"})
_RECENT_ONLY = frozenset({"recent_arm_injury_or_cast", "recent_infection"})  # their questions ask about recent weeks
_OTHER_THINGS = frozenset({HISTORY_GROUP, "other_symptoms"})


def _clause_at(ctx: _Context, toks: list[Token], char: int) -> int:
    """The clause number of the token starting at a character offset."""
    for i, t in enumerate(toks):
        if t.start >= char:
            return ctx.clause[i]
    return -1


_AGE_ENDS = frozenset({".", ",", ";", "!", "?"})  # what ends the words of an age ("45 years old")


def _blocked_clauses(ctx: _Context, toks: list[Token]) -> set[int]:
    """Clauses about someone else ('my mum had ...')."""
    return {ctx.clause[f] for f in ctx.family_from}


def _going_on(toks: list[Token], ctx: _Context, history: set[int], mentions: list[Mention]) -> set[int]:
    """Clauses that go on from a clause about something else after its comma, in the same sentence, with no words of
    their own ("I drink heavily, [most days], [for years]"): what they say, a length, is that thing's (walkthrough AC,
    Kevin: his years of drinking were read as years of numbness). A clause that names the numbness, a place or any
    other finding ("heavy drinker, numb feet for years") speaks for itself."""
    said = {m.start for m in mentions if m.value is not None and m.finding not in _LENGTHS}
    members: dict[int, list[int]] = {}
    for i, c in enumerate(ctx.clause):
        members.setdefault(c, []).append(i)
    out: set[int] = set()
    for c in sorted(members)[1:]:
        mine, before = members[c], members.get(c - 1)
        if c - 1 not in history | out or not before or ctx.sentence[mine[0]] != ctx.sentence[before[-1]]:
            continue
        if any(toks[i].start in said or {toks[i].stem, toks[i].text} & ((_NUMB_WORDS - _PRONOUNS) | _UPPER)
               for i in mine):
            continue
        out.add(c)
    return out


def _timing(toks: list[Token], text: str, ctx: _Context, history_clauses: set[int], blocked: set[int],
            mentions: list[Mention]) -> list[Mention]:
    """Findings from lengths of time: how long it has lasted, how it began, how long an episode took."""
    out: list[Mention] = []
    said_onset = {m.finding for m in mentions if m.value is True and m.finding in ("onset_sudden", "onset_gradual")}
    words = [t.text for t in toks]
    for d in durations(toks):
        if blocked & set(range(d.start, d.end)) or _owned_by_other(toks, ctx, d.start, mentions):
            continue
        a, b = clause_of(toks, d.start)
        clause_words = set(words[a:b])
        start, end = toks[d.start].start, toks[d.end - 1].end
        said = text[start:end]

        def add(fid: str, value: bool, conf: float = 0.8) -> None:
            out.append(Mention(fid, value, start, end, said, "inferred", conf))

        if d.days < 1 / 24 + 1e-9 and not d.ago:  # "20 minutes ago" is when it began, not how long it took
            if clause_words & _STIFF:
                continue  # "stiff ... takes an hour to loosen up" is the stiffness's hour, not the numbness gone (AW, Rita)
            if (clause_words & _SPREADS or _travels(words[a:b]) and not clause_words & (_RESOLVES - _MOTION)) and d.days >= 1 / 1440:
                add("spreads_over_minutes", True)
            elif _at_least(words, d) and d.days >= 1 / 24 - 1e-9:
                continue  # "it goes after an hour or so": about an hour or more, not within one (walkthrough BO, Kemi)
            elif _resolving(words[a:b]) or _ends(words[a:b]) or _gone_next(words, b):
                add("episode_resolved_within_hour", True)
            continue
        if d.days < 1 and not d.ago and ctx.clause[d.start] not in history_clauses and (
                clause_words & _SPREADS or _travels(words[a:b]) and not clause_words & (_RESOLVES - _MOTION)):
            add("spreading_within_hours", True)  # "spread up to my elbow over 3 hours"
            continue
        if d.days < 1 and d.ago and clause_words & _RECURS_LATEST:
            continue  # "it happened again an hour ago": the latest bout's time, not how long it has gone on (AS, Ruth)
        if d.days < 1 and (d.ago or (_been(words[a:d.start]) or _since_in_hand(words, a, b, d)) and not _resolving(words[a:b])) and (
                ctx.clause[d.start] not in history_clauses):
            # "it started 20 minutes ago", "it's been 6 hours", "since this morning my hand tingles": not weeks
            add("lasting_over_6_weeks", False, 0.75)
            add("onset_gradual", False, 0.7)
            continue
        if d.days < 1 or ctx.clause[d.start] in history_clauses:
            continue
        if _of_an_event(toks, a, b, d):
            continue  # "I had a baby 6 weeks ago", "a week after a stomach bug": another event's time (walkthrough Y)
        if _each_bout(words[a:d.start], words[d.end:b]):
            continue  # "after long rides my fingers are numb for a day or two": one bout's length, not the onset
        if d.days >= 42:
            add("lasting_over_6_weeks", True)
        else:
            add("lasting_over_6_weeks", False, 0.75)
            if d.days < _FEW_DAYS:
                add("onset_gradual", False, 0.7)  # a few days at most did not come on over weeks or months
            if d.days < 14 and not said_onset and not _start_time(words, d):
                add("onset_over_days", True, 0.7)
    return out


# Events with a date of their own: a length said of one ("I had a baby 6 weeks ago", "my operation was 3 months ago",
# "I fell 2 weeks ago") is when that happened, not how long the numbness has lasted (walkthrough Y, Ayesha, whose
# baby's age was read as six weeks of numbness). A length just before "after" or "before" ("a week after a stomach
# bug", "2 days before the op") is the gap between two events, not a length of the numbness either.
_EVENTS = frozenset({"baby", "birth", "born", "delivery", "delivered", "labour", "labor", "caesarean", "c-section",
                     "section", "operation", "op", "surgery", "procedure", "fall", "fell", "accident", "crash", "bug",
                     "flu", "virus", "jab", "vaccine", "vaccination", "booster", "injection", "holiday", "wedding",
                     "funeral", "move", "moved"})
_GAP_WORDS = frozenset({"after", "before"})
# Joint stiffness words: a length said in their clause is how long the stiffness takes to ease
_STIFF = frozenset({"stiff", "stiffness", "loosen", "loosens", "loosening", "limber"})
# A bout said to come again ("it happened again an hour ago", "the latest one was an hour ago"): its time is not when
# the numbness first began
_RECURS_LATEST = frozenset({"again", "another", "latest", "recent"})
_SINCE_THEN = frozenset({"started", "starting", "start", "starts", "began", "begun", "since"})


def _of_an_event(toks: list[Token], a: int, b: int, d: Duration) -> bool:
    """Is this length of time (its clause a..b) said of another event, not of the numbness? So when it stands right
    before "after" or "before" and no "for" leads it ("a week after a stomach bug"), or when its clause names an event
    ("had a baby", "operation", "fell") and says nothing of the numbness or the hand. "I had a baby 6 weeks ago and my
    hands have tingled ever since", "it started after I had my baby 5 months ago" and "numb for 3 weeks after lifting
    boxes" still are its length."""
    words = [t.text for t in toks]
    led = d.start > 0 and words[d.start - 1] in ("for", "over", "past", "last")
    if d.end < len(words) and words[d.end] in _GAP_WORDS and not led:
        return True
    clause = toks[a:b]
    said = {t.text for t in clause}
    if not said & _EVENTS or said & _SINCE_THEN:
        return False  # "started after I had my baby 5 months ago": the numbness began then
    return not any({t.stem, t.text} & ((_NUMB_WORDS - _PRONOUNS) | _UPPER) for t in clause)


def _grip_beside_hand_use(mentions: list[Mention]) -> list[Mention]:
    """Forceful or repeated hand use read from the words ("lifting the baby", "I type all day") leaves a "no" to
    gripping bringing it on from the same words not known, so the question asks it: the result would otherwise
    set "Gripping ... does not bring it on" beside "forceful or repeated hand use ('Lifting the baby')" (walkthrough
    Y, Ayesha). A yes to both stands."""
    if not any(m.finding == "repetitive_hand_work" and m.value for m in mentions):
        return mentions
    return [m for m in mentions if not (m.finding == "worse_with_gripping" and m.value is False)]


# Where a spread goes, said right after "it's spreading": up the same arm ("up my forearm", "to my elbow") is not to
# other limbs (walkthrough Y, Rosa); another limb ("to my legs", "my other hand") is.
_SAME_ARM = frozenset({"up", "forearm", "forearms", "elbow", "wrist", "shoulder", "arm", "hand", "palm", "finger",
                       "fingers", "thumb", "upper"})
_OTHER_LIMB = frozenset({"legs", "leg", "feet", "foot", "toes", "toe", "other", "both", "arms", "hands", "face", "body",
                         "side", "everywhere", "all", "over", "lips", "mouth", "tongue"})
_WHERE_REACH = 4  # words after the spread's own words within which it says where it goes


def _spread_in_the_arm(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """"It's spreading up my forearm" is a spread along the same arm, not to other limbs: a spread to other limbs
    said in words that name no place ("it's spreading") is not read when the words right after it name a place on
    the arm and the rest of its clause no other limb. "It's spreading to my legs" and "it's spreading" alone still are."""
    out = []
    for m in mentions:
        if m.finding == "spreading_to_other_limbs" and m.value and not set(m.text.lower().split()) & _OTHER_LIMB:
            end = next((i for i, t in enumerate(toks) if t.start >= m.end), len(toks))
            after: list[str] = []
            for t in toks[end:]:
                if t.text in CLAUSE_END:
                    break
                after.append(t.text)
            if set(after[:_WHERE_REACH]) & _SAME_ARM and not set(after) & _OTHER_LIMB:
                continue
        out.append(m)
    return out


_WASTING = frozenset({"hand_muscle_wasting_other", "thumb_muscle_wasting"})


def _where_it_wastes(mentions: list[Mention], toks: list[Token], ctx: _Context) -> list[Mention]:
    """'My hand looks thinner between the thumb and the index finger' names where a muscle has wasted, not where it is
    numb (walkthrough Y, George, read as a numb thumb and index finger): a place said in a clause that says wasting
    and nothing of numbness or tingling is not read. 'My thumb and index finger are numb and the muscle looks thin'
    still is: the numb words are in that clause."""
    starts = {t.start: i for i, t in enumerate(toks)}
    spans: list[tuple[int, int]] = []  # from the start of the wasting words' clause to the next comma or sentence end
    for m in mentions:
        if m.finding in _WASTING and m.value and m.start in starts:
            w = starts[m.start]
            a = min(i for i, c in enumerate(ctx.clause) if c == ctx.clause[w])
            b = clause_of(toks, w)[1]
            if not any({t.stem, t.text} & (_NUMB_WORDS - _PRONOUNS) for t in toks[a:b]):
                spans.append((toks[a].start, toks[b - 1].end))
    return [m for m in mentions if not (
        _group_of(m.finding) == "where" and any(a <= m.start < b for a, b in spans))]


def _since_in_hand(words: list[str], a: int, b: int, d: Duration) -> bool:
    """'Since this morning my left hand tingles': a length up to now said of the hand or arm (walkthrough Y, Helen),
    not of another symptom's start ('since this afternoon I've gone numb around my bum', 'new breathlessness since
    this morning')."""
    return words[d.start] == "since" and bool(set(words[a:b]) & (_UPPER | _PRONOUNS))


def _start_time(words: list[str], d: Duration) -> bool:
    """Is this length a point in time it started ('since yesterday evening', 'since Sunday', 'started 3 days ago')?
    When it started is not how fast it came (walkthrough R, Anne): it says no onset over hours or days, while 'for 3
    days', 'over the last 3 days' and a count after 'since' ('since 4 days', as some people say 'for') are lengths."""
    return d.ago or words[d.start] == "since"


# A length said of each bout ("after long rides my fingers are numb for a day or two", "whenever I garden they stay
# numb for 2 days") is how long one bout lasts: not how the numbness first came on, nor how long the story is.
_EVERY_TIME = (("whenever",), ("everytime",), ("every", "time"), ("each", "time"), ("any", "time"), ("afterwards",))
_AFTER_EACH = frozenset({"each", "every", "long", "longer"})  # "after each ride", "after a long ride"
_NOT_PLURAL = frozenset({"was", "has", "is", "this", "his", "its", "hers", "yours", "ours", "always", "sometimes",
                         "less", "class", "glass", "stress", "illness", "sickness", "surgeries", "christmas", "us", "yes"})
_HABITUAL_VERBS = frozenset({"are", "is", "stay", "stays", "remain", "remains", "feel", "feels", "go", "goes", "get",
                             "gets", "last", "lasts", "tingle", "tingles", "keep", "keeps"})
_UP_TO_NOW = frozenset({"been", "has", "have", "had", "was", "were", "since", "ago", "now", "started", "began",
                        "still", "past", "went", "got", "today", "yesterday"})
_BOUT_REACH = 3  # words after "after" to its plural or "long" ("after [a] long ride", "after [my] shifts")


_WHEN_BOUT = frozenset({"when", "whenever", "if", "while", "once"})
_BOUT_ACTIVITY = frozenset({"game", "gaming", "play", "playing", "type", "typing", "drive", "driving", "write", "writing",
                            "ride", "riding", "cycle", "cycling", "sit", "sitting", "knit", "knitting", "sew", "sewing",
                            "text", "texting", "scroll", "scrolling", "read", "reading", "paint", "painting", "draw",
                            "drawing", "garden", "gardening", "work", "working", "sleep", "lie", "lying", "kneel",
                            "kneeling", "lean", "leaning"})


def _each_bout(before: list[str], after: list[str]) -> bool:
    """Is the length just after `before` (its clause up to the length) said of each bout? So when the clause says it
    comes with something each time ("whenever", "every time", "after long rides", "after each shift") and the
    numbness in the present tense ("are numb for", "stays numb for"), with no word of a length up to now ("has been",
    "since", "ago", "now")."""
    if _UP_TO_NOW & set(before) or _UP_TO_NOW & set(after):
        return False
    # "when I game for a long time my thumb tingles": the length of a thing the hands do, each time (walkthrough AH,
    # Amir, 14: read as more than six weeks beside "for about a month")
    if before and before[-1] in _BOUT_ACTIVITY and _WHEN_BOUT & set(before):
        return True
    if not _HABITUAL_VERBS & set(before):
        return False
    if any(tuple(before[k:k + len(c)]) == c for c in _EVERY_TIME for k in range(len(before))):
        return True
    for k, w in enumerate(before):
        if w != "after":
            continue
        near = before[k + 1:k + 1 + _BOUT_REACH]
        if _AFTER_EACH & set(near) or any(
                len(x) > 3 and x.endswith("s") and not x.endswith(("ss", "us", "is")) and x.isalpha()
                and x not in UNITS and x not in _NOT_PLURAL for x in near):
            return True
    return False


_FEW_DAYS = 7  # lasted less than a week so far: it cannot have come on over weeks or months
# Things on the skin or a joint with a course of their own: a length said right after one of them ("a rash on my
# chest for 2 days") is theirs, not the numbness's, unless its clause also speaks of the numbness or a numb place
# ("blisters on my finger since the weekend"). An illness said with it (a fever) often shares its time: not here.
_SORE_FINDINGS = frozenset({"fingertip_sores", "finger_blisters"})  # a sore said of a finger: the finger is its place
_OWN_COURSE = frozenset({"rash_blisters_band", "tick_bite_or_bullseye_rash", "joint_pain_swelling",
                         "spreading_redness_swelling", "lump_at_wrist"})


def _group_of(fid: str) -> str | None:
    """The vocabulary group of a finding ('where', 'other_symptoms' ...)."""
    return lexicon().groups.get(fid)


def _at_least(words: list[str], d: Duration) -> bool:
    """Is the length said as a rough or lowest figure ("an hour or so", "an hour or more", "an hour plus")?"""
    after = words[d.end:d.end + 2]
    return after[:2] in (["or", "so"], ["or", "more"], ["or", "longer"], ["or", "two"]) or after[:1] == ["plus"]


def _owned_by_other(toks: list[Token], ctx: _Context, at: int, mentions: list[Mention]) -> bool:
    """Is the length of time at token `at` said of another symptom ('a rash on one side of my chest for 2 days, and my
    arm tingles')? So when a symptom with its own course is said before it in its clause (up to a comma or a new
    subject: 'and my'), and that clause says nothing of the numbness."""
    mine = [i for i, c in enumerate(ctx.clause) if c == ctx.clause[at]]
    if any({toks[i].stem, toks[i].text} & (_NUMB_WORDS - _PRONOUNS) for i in mine):
        return False
    first, start = toks[mine[0]].start, toks[at].start
    here = [m for m in mentions if m.value is not None and first <= m.start < start]
    if any(_group_of(m.finding) == "where" for m in here):
        return False
    before = {toks[i].text for i in mine if toks[i].start < start}
    if before & _BACK_PLACE and before & _PAINS:
        return True  # "I've had bad low back pain for a week": the back's week, not the numbness's (walkthrough BJ, Dan)
    return any(m.finding in _OWN_COURSE for m in here)


_BACK_PLACE = frozenset({"back", "backache", "spine", "lumbago", "sciatica"})
_PAINS = frozenset({"pain", "pains", "ache", "aches", "aching", "hurt", "hurts", "hurting", "sore", "backache",
                    "lumbago", "sciatica"})


def _short_not_gradual(mentions: list[Mention]) -> list[Mention]:
    """A short length read as 'not a gradual start' stands only when no words give it six weeks or more ('numb for
    years, worse for 2 days'): then the length is a flare's, not the whole story's."""
    if not any(m.finding == "lasting_over_6_weeks" and m.value for m in mentions):
        return mentions
    return [m for m in mentions if not (m.finding == "onset_gradual" and m.value is False and m.status == "inferred")]


def _cold_season_is_a_time(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """'Since last winter' is when it began, not the cold bringing it on: a cold word inside a length of time is
    not the trigger (walkthrough K, Dev)."""
    spans = [(toks[d.start].start, toks[d.end - 1].end) for d in durations(toks)]
    return [m for m in mentions if not (m.finding == "triggered_by_cold_or_stress" and any(
        a <= m.start and m.end <= b for a, b in spans))]


# Words that say spells came again and again ("several times", "each episode", "it keeps coming back"): a span
# said with them ("over the last year") is how long the spells have been coming, not how one came on.
_RECURS = frozenset({"times", "episode", "episodes", "attack", "attacks", "bout", "bouts", "spell", "spells",
                     "again", "happened", "happens", "recurring", "recurrent", "occasions"})
_BUILDS = frozenset({"crept", "creeping", "slowly", "gradually", "gradual", "worse", "number", "built", "building",
                     "grown", "become", "became"})
_ON = frozenset({"came", "come", "comes", "coming"})  # "came on over years" builds; "come back again" recurs


def _recurring_over_a_span(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """'It has happened several times over the last year': a span ('over the last year', 'over the years') in a
    sentence that says spells recur, and nothing of a build-up, is how long the spells have come, not a slow start
    (walkthrough R, Hana, whose attacks each start within minutes). 'Crept up on me over the past year' still is."""
    out: list[Mention] = []
    for m in mentions:
        if m.finding == "onset_gradual" and m.value and m.text.lower().startswith("over"):
            a, b = sentence_of(toks, next((i for i, t in enumerate(toks) if t.start >= m.start), len(toks)))
            said = {t.text for t in toks[a:b]}
            came_on = any(t.text in _ON and u.text == "on" for t, u in zip(toks[a:b], toks[a + 1:b]))
            if said & _RECURS and not said & _BUILDS and not came_on:
                continue
        out.append(m)
    return out


# Words of one occasion ("a heavy night", "last night", "at a party"): drinking said with them is one night's
# drinking, not more than 14 units a week. Words of a habit ("every", "most nights", "a day") keep it.
_OCCASION = frozenset({"night's", "party", "wedding", "session", "hangover", "hungover", "yesterday", "birthday",
                       "stag", "hen", "drank"})
_HABIT = frozenset({"every", "each", "most", "daily", "nightly", "nights", "always", "usually", "regularly", "years",
                    "week", "weekly", "drinker", "alcoholic", "day"})


def _one_occasion_of_drinking(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """'After a heavy night's drinking', 'I drank a lot', 'a night of heavy drinking': one night is not a weekly habit,
    so heavy_alcohol is not read from it (walkthrough R, Jon); its question may ask. The clause's words decide: one
    of a night ('last night', 'a night', 'night out') or an occasion, and none of a habit ('most nights', 'a day')."""
    out: list[Mention] = []
    for m in mentions:
        if m.finding == "heavy_alcohol" and m.value:
            a, b = sentence_of(toks, next((i for i, t in enumerate(toks) if t.start >= m.start), len(toks)))
            words = [t.text for t in toks[a:b]]
            night = any(w == "night" and (k and words[k - 1] in ("a", "last", "one", "heavy", "big", "that")
                                          or words[k + 1:k + 2] == ["out"]) for k, w in enumerate(words))
            if (night or set(words) & _OCCASION) and not set(words) & _HABIT:
                continue
        out.append(m)
    return out


# A leg weak "for a few minutes" was a spell of weakness: the sudden sign, not legs that are weak.
def _brief_leg_weakness(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """'My left leg felt weak for a few minutes when I got up': weakness that lasted under a day, said in its clause
    after the words, is the sudden weakness of an arm or leg (arm_or_leg_weakness_sudden, kept as said, hedged or
    not), not leg_weakness, which is weak legs or stairs that are hard (walkthrough K, Sam)."""
    brief = [(toks[d.start].start, clause_of(toks, d.start)) for d in durations(toks) if d.days < 1 and not d.ago]
    if not brief:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        if m.finding == "leg_weakness" and m.value is not False:
            at = next((i for i, t in enumerate(toks) if t.start >= m.start), None)
            if at is not None and any(a <= at < b and m.end <= where for where, (a, b) in brief):
                m = Mention("arm_or_leg_weakness_sudden", m.value, m.start, m.end, m.text, m.status, m.confidence)
        out.append(m)
    return list({(m.finding, m.start, m.end, m.value, m.status): m for m in out}.values())


def _been(before: list[str]) -> bool:
    """'it's been like 6 hours', 'numb for the past 3 hours': a length up to now, not how long a spell takes."""
    return "been" in before or bool(before[-2:-1]) and before[-2] == "the" and before[-1] in ("past", "last")


# When it began, said as a time of the last day or two ("this morning my hand went numb", "woke up with it
# yesterday"): not six weeks, so that question is not asked.
# Each with how long it has been there so far, in days (Parsed.days_so_far), as `quantities.VAGUE` counts "since
# this morning": less than a day, or a day for yesterday and last night (the how-long question's "1 to 7 days").
_RECENT_START = {("this", "morning"): 0.5, ("this", "afternoon"): 0.25, ("this", "evening"): 0.1, ("today",): 0.5,
                 ("tonight",): 0.1, ("yesterday",): 1, ("last", "night"): 1, ("earlier", "today"): 0.25,
                 ("overnight",): 0.5}
# Words that say it began then ("went numb", "started tingling", "woke up with it"), not only that it is there
# then ("today my hands are tingling too" may be a spread of something older).
_BEGAN = frozenset({"went", "gone", "started", "start", "starts", "began", "begun", "woke", "wake", "waked", "woken",
                    "noticed", "came"})
_FLARE = frozenset({"worse", "again", "more", "flare", "flared", "bad", "badly", "usual", "still", "always"})


def _recent_start(toks: list[Token], text: str, ctx: _Context, history_clauses: set[int], blocked: set[int],
                  mentions: list[Mention]) -> list[Mention]:
    """lasting_over_6_weeks is no when the numbness is said to have begun this morning, last night or yesterday,
    and nothing else says how long it has lasted. Not for a flare of something older ('worse again today')."""
    if any(m.finding == "lasting_over_6_weeks" and m.value is not None for m in mentions):
        return []
    words = [t.text for t in toks]
    for i in range(len(words)):
        for phrase in _RECENT_START:
            k = i + len(phrase)
            if tuple(words[i:k]) != phrase or blocked & set(range(i, k)):
                continue
            a, b = clause_of(toks, i)
            clause = words[a:b]
            injured = _injured_then(mentions, toks, a, b)  # an injury's clause is history, but its time is the start
            if ctx.clause[i] in history_clauses and not injured:
                continue
            numb = {t.stem for t in toks[a:b]} & (_NUMB_WORDS - _PRONOUNS) or "it" in clause
            if not (numb and set(clause) & _BEGAN or injured) or set(clause) & _FLARE:
                continue
            start, end = toks[i].start, toks[k - 1].end
            # Begun in the last day or two: it has not lasted six weeks, nor come on over weeks or months.
            return [Mention(fid, False, start, end, text[start:end], "inferred", 0.7)
                    for fid in ("lasting_over_6_weeks", "onset_gradual")]
    return []


def _injured_then(mentions: list[Mention], toks: list[Token], a: int, b: int) -> bool:
    """Does this clause say a recent arm injury, in a description that says numbness? The injury is when the numbness
    began ("She fell on her outstretched hand at gymnastics yesterday; ... her thumb and index finger tingle"), so
    its time says how long the numbness has lasted (walkthrough AC, Mia was offered "more than six weeks")."""
    lo, hi = toks[a].start, toks[b - 1].end
    injured = any(m.finding == "recent_arm_injury_or_cast" and m.value and m.status == "said" and lo <= m.start < hi
                  for m in mentions)
    return injured and any({t.stem, t.text} & (_NUMB_WORDS - _PRONOUNS) for t in toks)


# Words of movement that spread only with a direction: "moved up my arm", not "moving around fixes it".
_MOTION = frozenset({"going", "goes", "go", "went", "came", "comes", "coming", "moved", "moving", "moves", "move",
                     "worked", "works"})
_TOWARDS = frozenset({"up", "from", "into", "along", "across"})


def _resolving(words: list[str]) -> bool:
    """A word of going away, but not 'gone numb' (how it began) nor 'the last / past 20 minutes' (still going)."""
    for i, w in enumerate(words):
        if w not in _RESOLVES:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in ("gone", "went") and (nxt in _NUMB_WORDS or stem(nxt) in _NUMB_WORDS):
            continue
        if w == "last" and i and words[i - 1] in ("the", "this"):
            continue
        if w == "over" and nxt not in ("in", "within", "after", "by", "now", ""):
            continue  # "it came on over about an hour": the time it took to come, not to go (walkthrough BH, Pablo)
        return True
    return False


# "for about 20 minutes while I was making tea, it's fine now" (walkthrough U, Grace): the clause after the length says
# it has gone, of the numbness itself ("it", "all", "now"): not of a body part ("my face is fine"), never with a
# word that it has not, or only when or if ("it's fine when I move it", "not sure if it's gone").
_GONE_NEXT = frozenset({"fine", "gone", "ok", "okay", "normal", "passed", "cleared", "disappeared", "resolved", "away"})
_NOT_GONE = frozenset({"not", "isn't", "isnt", "hasn't", "hasnt", "never", "no", "still", "if", "whether", "sure",
                       "when", "until", "unless", "almost", "nearly", "mostly"})


def _gone_next(words: list[str], b: int) -> bool:
    """Does the clause right after a comma at b say the numbness has gone ('..., it's fine now', '..., then it went
    away')?"""
    if b >= len(words) or words[b] != ",":
        return False
    nxt = []
    for w in words[b + 1:]:
        if w in CLAUSE_END:
            break
        nxt.append(w)
    said = set(nxt)
    return bool(said & _GONE_NEXT) and not said & (_NOT_GONE | _LIMBS | _DOUBT_BODY)


def _ends(words: list[str]) -> bool:
    """'it goes after 15 minutes', 'went off in 5 min': going, said with when, is going away."""
    return any(w in ("go", "goes", "went") and words[i + 1:i + 2] and words[i + 1] in ("after", "in", "within", "off", "by")
               or w in ("wore", "wears") and words[i + 1:i + 2] == ["off"]  # 'it wore off after 20 minutes'
               for i, w in enumerate(words))


# "It goes off when I stop": an ending said in the present (what happens each time, not "it went away
# when I stopped" once), tied to the end of what brings it on, says it comes with that and goes without it.
# Words of it ending, not easing: "it gets better when I rest" does not say it goes.
_GOES_NOW = frozenset({"goes", "go", "stops", "stop", "passes", "pass", "disappears", "disappear", "clears", "wears",
                       "vanishes"})
_GO_ENDS = frozenset({"away", "off", "back", "again"})  # "goes away", not "goes numb"
# Findings whose own words include easing when the effort, pressure or use ends: that ending is theirs
# (None: any ending; else only these words).
_EASES_WITH_REST: dict[str, frozenset[str] | None] = {
    "arm_discomfort_on_exertion": None, "after_pressure_on_arm": None, "arm_pain_with_use": frozenset({"rest", "rests"})}
_WHEN = frozenset({"when", "once", "after", "whenever", "if", "soon"})  # "soon": as soon as
_STOPPING = frozenset({"stop", "stops", "rest", "rests", "lower", "lowers", "relax", "relaxes", "calm", "calms",
                       "warm", "warms", "finish", "finishes", "quit", "quits", "break"})
_PUT_DOWN = frozenset({"put", "puts", "bring", "brings", "drop", "drops", "let", "lets"})  # "put them down", "let go"


def _goes_when_stopped(toks: list[Token], text: str, ctx: _Context, lex: Lexicon, blocked: set[int],
                       mentions: list[Mention]) -> list[Mention]:
    """comes_and_goes from an ending tied to the end of an activity ('goes off when I stop typing', 'after I
    calm down it goes away', 'it stops once my breathing calms down'). How it ends otherwise says nothing
    of whether it comes again: 'goes away when I shake my hand' is shaking_relieves, 'goes away after a
    few minutes' is episode_resolved_within_hour. Easing with rest after effort, pressure or use is part
    of those findings ('my arm goes numb walking uphill, goes off when I stop')."""
    owned = [_EASES_WITH_REST[m.finding] for m in mentions if m.finding in _EASES_WITH_REST and m.value]
    if None in owned:
        return []
    theirs = {w for ws in owned if ws for w in ws}
    words = [t.text for t in toks]
    n = len(words)

    def goes(i: int) -> bool:
        w = words[i]
        if w not in _GOES_NOW:
            return False
        if w in ("go", "goes"):
            nxt = words[i + 1] if i + 1 < n else "."
            return nxt in _GO_ENDS or nxt in _WHEN or nxt in CLAUSE_END
        return True

    def stopping(i: int) -> int | None:
        """The end of 'when I stop', 'once she puts them down', 'as soon as my breathing calms down', if at i."""
        if words[i] not in _WHEN or words[i] == "soon" and not (i and words[i - 1] == "as" and words[i + 1:i + 2] == ["as"]):
            return None
        j = i + (2 if words[i] == "soon" else 1)
        for k in range(j, min(j + 4, n)):
            if words[k] in CLAUSE_END:
                return None
            if words[k] in _STOPPING:
                return k
            if words[k] in _PUT_DOWN:
                return next((m for m in range(k + 1, min(k + 4, n)) if words[m] in ("down", "go")), None)
        return None

    for i in range(n):
        if not goes(i):
            continue
        # after the ending: "goes away when I stop"; before it, in the same sentence: "after I calm down it goes away"
        for c in range(max(0, i - 8), min(n, i + 5)):
            end = stopping(c)
            if end is None or ctx.sentence[c] != ctx.sentence[i] or (c < i and end >= i) or words[end] in theirs:
                continue
            a, b = min(i, c), max(i, end) + 1
            if blocked & set(range(a, b)):
                continue
            hit = Hit(Pattern("", (), ("comes_and_goes",)), i, i + 1, (i,))
            if _status(hit, ctx, lex.scope)[0] != "said":
                continue
            return [Mention("comes_and_goes", True, toks[a].start, toks[b - 1].end, text[toks[a].start:toks[b - 1].end],
                            "inferred", 0.75)]
    return []


def _travels(words: list[str]) -> bool:
    """'going slowly from my fingers up to my face', 'went up into my arm': a movement along the body."""
    return any(w in _MOTION and _TOWARDS & set(words[i + 1:i + 4]) for i, w in enumerate(words))


def _hands(toks: list[Token], text: str, blocked: set[int], mentions: list[Mention], ctx: _Context) -> list[Mention]:
    """One hand or both: from 'both hands', or from the sides named ('right thumb ... left hand'). A side said to be
    fine is not a numb side ("my left hand went cold ... My right hand is fine": one hand, walkthrough BB, Victor,
    read as both hands)."""
    sides = {s: (i, j) for s, (i, j) in _sides(toks, blocked).items()
             if not any(ctx.clause[h.start] == ctx.clause[j] and j < h.start <= j + 4 for h in ctx.neg_after)}
    both_said = any(m.finding == "both_hands" and m.value is True for m in mentions)
    one_said = any(m.finding == "one_hand" and m.value is not None for m in mentions)
    out: list[Mention] = []
    if len(sides) == 2 and not both_said:
        for i, j in sides.values():
            out.append(Mention("both_hands", True, toks[i].start, toks[j].end, text[toks[i].start:toks[j].end], "inferred", 0.75))
    elif len(sides) == 1 and not both_said and not one_said:
        i, j = next(iter(sides.values()))
        out.append(Mention("one_hand", True, toks[i].start, toks[j].end, text[toks[i].start:toks[j].end], "inferred", 0.8))
    return out


_LOWER = frozenset({"feet", "foot", "feets", "toes", "toe", "legs", "leg", "soles", "sole"})
_UPPER = frozenset({"hand", "hands", "arm", "arms", "finger", "fingers", "fingertips", "thumb", "thumbs", "palm", "palms",
                    "wrist", "wrists"})
_PAIRED = frozenset({"hands", "arms", "thumbs", "palms", "wrists"})  # the plural names both sides
_LATER = frozenset({"now", "started", "starting", "start", "starts", "begun", "beginning", "begins"})
_RECENT = frozenset({"today", "tonight", "yesterday", "lunch", "lunchtime", "pm", "monday", "tuesday", "wednesday",
                     "thursday", "friday", "saturday", "sunday"})
_WEAK = frozenset({"weak", "weaker", "weakness", "jelly", "heavy", "wobbly"})
_SAME = frozenset({"too", "also", "started", "starting", "begun", "same"})  # "my feet have started too": the same feeling


def _limb(toks: list[Token], i: int) -> str | None:
    """Which limb a word names: 'legs' (feet, toes, legs), or a hand or arm by its side ('left', 'right',
    'other', 'both'), or 'hand' when no side is said."""
    w = toks[i].text
    if w in _LOWER:
        return "legs"
    if w not in _UPPER:
        return None
    for j in range(i - 1, max(-1, i - 4), -1):
        if toks[j].text in CLAUSE_END:
            break
        if toks[j].text in ("left", "right", "other", "both"):
            return toks[j].text
    return "both" if w in _PAIRED else "hand"


def _is_new(limb: str, before: set[str]) -> bool:
    """Is a limb named later one that the earlier words did not name ('now my feet' after 'my hands')?"""
    uppers = before - {"legs"}
    if limb == "legs":
        return bool(before) and "legs" not in before
    if not uppers:
        return bool(before)  # a hand after the feet or legs
    if limb == "other":
        return bool(uppers)
    if limb == "both":
        return bool(uppers) and "both" not in uppers
    if limb in ("left", "right"):
        return {"left", "right"} - {limb} <= uppers and limb not in uppers and "both" not in uppers
    return False


def _new_limb(toks: list[Token], text: str, ctx: _Context, lex: Lexicon, blocked: set[int],
              mentions: list[Mention]) -> list[Mention]:
    """A spread to other limbs from another limb said to be numb later ('... and now my feet have started
    too'), only when the text puts the numbness within hours or days. Another limb numb too is, by itself,
    only where it is: feet going numb over years before the hands is not a spread."""
    said, _ = _resolve(mentions, lex)
    if "spreading_to_other_limbs" in said or said.get("lasting_over_6_weeks") or said.get("onset_gradual"):
        return []
    words = [t.text for t in toks]
    clauses: dict[int, list[int]] = {}
    for i, c in enumerate(ctx.clause):
        clauses.setdefault(c, []).append(i)

    def later(c: int) -> list[int]:
        """Where the clause says a part came later ('now', 'have started', 'by thursday')."""
        return [i for i in clauses[c] if words[i] in _LATER or words[i] == "by" and _RECENT & set(words[i + 1:i + 3])]

    def recent(c: int) -> bool:
        idx = clauses[c]
        return any(words[i] in _RECENT or words[i] in ("this", "last") and i + 1 < len(words) and words[i + 1] in (
            "morning", "afternoon", "evening", "night") for i in idx)

    short = bool(said.get("spreading_within_hours") or said.get("onset_over_days")
                 or said.get("lasting_over_6_weeks") is False)
    def numb(c: int) -> bool:
        return any({toks[k].stem, words[k]} & (_NUMB_WORDS - _PRONOUNS) for k in clauses[c])

    def began(c: int) -> bool:
        """Does the clause speak of the numbness ('my hands tingle', 'it started in my hand'), not 'a tick on my leg'?"""
        return numb(c) or any(words[k] in _LATER - {"now"} for k in clauses[c])

    limbs = [(i, limb) for i in range(len(toks)) if i not in blocked and (limb := _limb(toks, i)) is not None]
    for i, limb in limbs:
        c = ctx.clause[i]
        marks = later(c)
        if not marks:
            continue
        # Named before this clause, or earlier in it before the word that says later ("... toes on Monday and by Thursday ... hands").
        earlier = [(k, other) for k, other in limbs if began(ctx.clause[k]) and (
            ctx.clause[k] < c or ctx.clause[k] == c and any(k < m < i for m in marks))]
        if not _is_new(limb, {other for _, other in earlier}):
            continue
        clause_words = {words[k] for k in clauses[c]}
        if not numb(c) and (clause_words & _WEAK or not clause_words & _SAME):
            continue  # "now my legs feel like jelly", "now my legs hurt": not the numbness moving
        if not (short or recent(c) or any(recent(ctx.clause[k]) for k, _ in earlier)):
            continue
        hit = Hit(Pattern("", (), ("spreading_to_other_limbs",)), i, i + 1, (i,))
        if _status(hit, ctx, lex.scope)[0] != "said":
            continue
        return [Mention("spreading_to_other_limbs", True, toks[i].start, toks[i].end, text[toks[i].start:toks[i].end],
                        "inferred", 0.7)]
    return []


# An aura's spread is over minutes; these words put a spread read as one (spreads_over_minutes) in an aura's story.
_MINUTE_WORDS = frozenset({"minute", "minutes", "min", "mins", "second", "seconds", "secs"})
_AURA_STORY = frozenset({"migraine_history", "aura_like_usual", "headache_follows", "visual_aura", "comes_and_goes",
                         "episode_resolved_within_hour"})
_HAND_PLACES = frozenset({"both_hands", "one_hand", "numb_arm"})


def _creeping_over_days(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """'It is creeping up' in numbness days old, with no word of minutes and no aura's story (a migraine, a bout that
    comes and goes or is gone within the hour), is not an aura's spread over minutes (walkthrough S, Olivia: "my feet
    then my hands started tingling 3 days ago; it is creeping up"): the spread over minutes is left to its question,
    and, from the feet to the hands or arms, it is read as a spread to other limbs (`_rising` then asks back whether
    weak legs mean weakness rising from them; it never sets that silently)."""
    creeping = [m for m in mentions if m.finding == "spreads_over_minutes" and m.value is True and m.status == "said"]
    if not creeping or any(t.text in _MINUTE_WORDS for t in toks):
        return mentions
    said = {m.finding for m in mentions if m.value is True}
    over_days = "onset_over_days" in said or any(d.days >= 1 for d in durations(toks))
    if said & _AURA_STORY or not over_days or "lasting_over_6_weeks" in said:
        return mentions
    kept = [m for m in mentions if m not in creeping]
    if "numb_feet" in said and said & _HAND_PLACES and "spreading_to_other_limbs" not in said:
        first = creeping[0]
        kept.append(Mention("spreading_to_other_limbs", True, first.start, first.end, first.text, "inferred", 0.7))
    return kept


def _affirmed(hit: Hit, ctx: _Context, lex: Lexicon) -> bool:
    """Are these words said of the person, not denied, hypothetical or someone else's? (A past that is
    not denied counts, as it does for a finding that is not a warning sign.)"""
    status, conf = _status(hit, ctx, lex.scope)
    return status == "said" or status == "past" and not conf


@functools.cache
def _reading_signs() -> tuple[tuple[str, Reading, frozenset[str]], ...]:
    """The findings a number said with their words decides (findings.yaml `reading`), with those words: built once, not
    on every parse."""
    from numbwise.kb import load

    return tuple((fid, f.reading, frozenset(w for phrase in f.reading.words for w in phrase.split()))
                 for fid, f in load().findings.items() if f.reading is not None)


def _readings(mentions: list[Mention], toks: list[Token], ctx: _Context, text: str) -> list[Mention]:
    """A sign said with a reading (findings.yaml `reading`: "temperature 37.6", "temp of 38.4"): the number decides,
    not the word (walkthrough AO, Joan: "my temperature was normal, 36.8" read as a fever). The mention of the reading's
    word gives way to one on the words and the number: the sign from `at_least` (or a cut-off of a finding said
    too: chemotherapy), no sign below `normal_below` (a warning sign said absent never enters the case: the question
    still asks), asked in between."""
    said = {m.finding for m in mentions if m.value is True}
    words = [t.text for t in toks]
    out = list(mentions)
    for fid, r, names in _reading_signs():
        for i, w in enumerate(words):
            if w not in names:
                continue
            near = [(j, v) for j in range(i + 1, min(len(words), i + 11)) if ctx.sentence[j] == ctx.sentence[i]
                    and (v := number(words[j])) is not None and (r.celsius[0] <= v <= r.celsius[1]
                                                                 or r.fahrenheit[0] <= v <= r.fahrenheit[1])]
            if not near:
                continue
            j, v = near[0]
            c = (v - 32) * 5 / 9 if r.fahrenheit[0] <= v else v
            high = min([r.at_least] + [x for g, x in r.at_least_with.items() if g in said])
            low = max([0.0] + [x for g, x in r.below_with.items() if g in said])
            value: bool | None = True if c >= high or c < low else False if c < r.normal_below else None
            start, end = toks[i].start, toks[j].end
            # only the mention of the reading's own word gives way: "36.8 but I'm shivering" is still shivery (NHS)
            out = [m for m in out if not (m.finding == fid and _token_at(toks, m.start) == i)]
            out.append(Mention(fid, value, start, end, text[start:end], "said" if value is not None else "unsure",
                               0.9 if value is not None else 0.0))
    return out


def _undone(mentions: list[Mention], toks: list[Token], ctx: _Context, lex: Lexicon) -> list[Mention]:
    """A finding said in words that carry only part of it is a conflict (not known, so the check asks it
    as a question) when other words break the rest ('slept on my arm' with 'still numb hours later'), or
    when no words say the rest (`confirmed_by`: 'slept on my arm' alone, with nothing of it easing on moving).
    Words that confirm count only as said of the person now: 'it didn't come back when I moved it' does not."""
    broken = {fid for fid, table in lex.undone.items() if find(toks, table)}
    confirming = {fid: [h for h in find(toks, table) if _affirmed(h, ctx, lex)] for fid, table in lex.confirmed.items()}
    broken |= {fid for fid, hits in confirming.items() if not hits}

    def unconfirmed(m: Mention) -> bool:
        """For a finding that asks so (`confirmed_in_clause`): confirmed only in its own clause, or later in its
        sentence ("out of breath walking now, more than before"), never by an earlier clause's words."""
        if m.finding not in lex.confirmed_in_clause:
            return False
        at = [i for i, t in enumerate(toks) if m.start <= t.start < m.end]
        if not at:
            return False
        first, clauses = at[0], {ctx.clause[i] for i in at}
        doubted = {ctx.clause[t.start] for t in ctx.doubt}  # "but I'm not sure that's new" confirms nothing
        return not any((ctx.clause[h.start] in clauses or h.start > first and ctx.sentence[h.start] == ctx.sentence[first])
                       and ctx.clause[h.start] not in doubted for h in confirming.get(m.finding, ()))

    return [Mention(m.finding, None, m.start, m.end, m.text, "conflict", m.confidence)
            if m.value and (m.finding in broken or unconfirmed(m)) else m for m in mentions]


_EASING_AT_REST = frozenset({"settles", "settle", "settled", "settling", "eases", "ease", "eased", "easing", "better",
                             "off", "away", "passes", "passed", "calms", "fine", "normal"})
_AT_REST = frozenset({"sit", "sits", "sitting", "sat", "rest", "rests", "resting", "rested", "stop", "stops", "stopped",
                      "break"})
_STAND = frozenset({"stand", "stands", "standing", "stood"})  # "stand still" is rest; "still heavy" is not
_HEAVY = frozenset({"heavy", "heavier", "heaviness"})


def _eases_at_rest(toks: list[Token], ctx: _Context) -> bool:
    """'it settles down if I sit', 'goes off when I stop', 'better after a rest': easing with rest."""
    words = [t.text for t in toks]
    ease = [i for i, w in enumerate(words) if w in _EASING_AT_REST]
    rest = [i for i, w in enumerate(words) if w in _AT_REST or w == "still" and i and words[i - 1] in _STAND]
    return any(abs(i - j) <= 6 and ctx.sentence[i] == ctx.sentence[j] for i in ease for j in rest)


def _partial_only(mentions: list[Mention], partial: set[tuple[str, int, int]],
                  completing: Collection[tuple[str, int, int]] = ()) -> list[Mention]:
    """Words that say only part of a finding (`phrases.partial`: "shaky and sweaty" of a spell that sugar helps)
    count only beside its full words said of the person ("better after juice"), or beside its completing words
    (`phrases.completes`: "skipped lunch", walkthrough O, Priya); alone they leave it not known. Its full words
    inside such words are theirs ("headache" in "a mild headache", walkthrough BO, Jade): the longer words say it."""
    spans = [(m.finding, m.start, m.end) for m in mentions if m.value and (m.finding, m.start, m.end) in partial]
    partial = partial | {(m.finding, m.start, m.end) for m in mentions if m.value and any(
        f == m.finding and a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for f, a, b in spans)}
    whole = {m.finding for m in mentions if m.value and (m.finding, m.start, m.end) not in partial}
    said = [m for m in mentions if m.value and (m.finding, m.start, m.end) in partial]
    whole |= {m.finding for m in said if (m.finding, m.start, m.end) in completing and any(
        o.finding == m.finding and (o.finding, o.start, o.end) not in completing and (o.end <= m.start or o.start >= m.end)
        for o in said)}
    return [Mention(m.finding, None, m.start, m.end, m.text, "partial", m.confidence)
            if m.value and (m.finding, m.start, m.end) in partial and m.finding not in whole else m for m in mentions]


def _effort_heaviness(mentions: list[Mention], toks: list[Token], ctx: _Context) -> list[Mention]:
    """An arm that goes heavy with effort ('when I climb the stairs my arm goes heavy') is the discomfort effort
    brings on (arm_discomfort_on_exertion, as in angina), not a sudden weakness: that does not come with effort
    and go at rest. Only the heaviness said in the effort's sentence, and only when it settles with rest or is
    said as what happens each time ('goes heavy', 'gets heavy'), not once and suddenly ('suddenly went heavy');
    other words of weakness ('my arm went weak and I can't lift it') still stand."""
    effort = {_sentence_at(ctx, toks, m.start) for m in mentions if m.finding == "arm_discomfort_on_exertion" and m.value}
    if not effort:
        return mentions
    rests = _eases_at_rest(toks, ctx)
    once = {ctx.sentence[i] for i, t in enumerate(toks) if t.text in _ONCE}
    out = []
    for m in mentions:
        sentence = _sentence_at(ctx, toks, m.start)
        words = set(re.findall(r"[a-z']+", m.text.lower()))
        if (m.finding == "arm_or_leg_weakness_sudden" and m.value and m.status == "said" and words & _HEAVY
                and sentence in effort and (rests or words & _EACH_TIME and sentence not in once)):
            m = Mention("arm_discomfort_on_exertion", True, m.start, m.end, m.text, "said", m.confidence)
        out.append(m)
    return out


_WRISTS = frozenset({"wrist", "wrists"})
_BODY_WORDS = _UPPER | _LOWER | frozenset({"face", "side", "elbow", "shoulder"})
_SUDDEN = frozenset({"suddenly", "sudden"})


def _wrist_lifted(mentions: list[Mention], toks: list[Token], ctx: _Context) -> list[Mention]:
    """'My wrist hangs down, can't lift it': the 'it' that cannot be lifted is the wrist, so it is the hand weakness
    of a wrist drop (as after sleeping on the arm), not the sudden arm weakness of a stroke, unless the sentence
    says it came suddenly. Only when the last body part named before 'it', in its sentence, is the wrist."""
    starts = {t.start: i for i, t in enumerate(toks)}
    ends = {t.end: i for i, t in enumerate(toks)}
    sudden = {ctx.sentence[i] for i, t in enumerate(toks) if t.text in _SUDDEN}
    sudden |= {_sentence_at(ctx, toks, m.start) for m in mentions if m.finding == "onset_sudden" and m.value}
    out = []
    for m in mentions:
        i, j = starts.get(m.start), ends.get(m.end)
        if m.finding == "arm_or_leg_weakness_sudden" and m.value and m.status == "said" and i is not None and j is not None:
            said = [t.text for t in toks[i:j + 2]]
            if "it" in said and ctx.sentence[i] not in sudden:
                named = [t.text for k, t in enumerate(toks[:i]) if t.text in _BODY_WORDS and ctx.sentence[k] == ctx.sentence[i]]
                if named and named[-1] in _WRISTS:
                    m = Mention("hand_weakness", True, m.start, m.end, m.text, "said", m.confidence)
        out.append(m)
    return out


# Words of it going or easing just before "within minutes" make that how fast it eases, not how fast it began.
_EASING = _RESOLVES | {"off", "ease", "easing", "wear", "wears", "wore", "improve", "improves", "improved", "recovers"}
_EASING_REACH = 3  # words between the easing word and "within" ("comes back [to normal] within")


# Words of getting better: "slowly" beside one is how fast it eases, never how it began (walkthrough AT, Walter: "it
# is slowly getting better" read as "It came on slowly, over weeks or months" of a hand numb since this morning).
_IMPROVING = frozenset({"better", "improve", "improves", "improved", "improving", "ease", "eases", "eased", "easing",
                        "fade", "fades", "faded", "fading", "recover", "recovers", "recovered", "recovering", "settling",
                        "clearing", "subsiding", "subsides", "lifting"})


def _near_in_clause(toks: list[Token], i: int, j: int, words: frozenset[str]) -> bool:
    """One of `words` within _EASING_REACH words before token i or after token j - 1, in the same clause."""
    before, after = [], []
    for t in reversed(toks[max(0, i - _EASING_REACH):i]):
        if t.text in CLAUSE_END:
            break
        before.append(t.text)
    for t in toks[j:j + _EASING_REACH]:
        if t.text in CLAUSE_END:
            break
        after.append(t.text)
    return bool(words & set(before + after))


def _easing_speed(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """'It eases within minutes when I move', 'the feeling comes back within seconds': a speed said of the easing is
    not a sudden start (issue 11), while 'it came on within minutes' still is. Only 'within'/'in' onset words, and only
    with an easing word at most three words before them in their clause; the onset is then left to its question. So
    too 'slowly getting better' is no slow start (`_IMPROVING`)."""
    starts = {t.start: i for i, t in enumerate(toks)}
    ends = {t.end: k + 1 for k, t in enumerate(toks)}
    out = []
    for m in mentions:
        i = starts.get(m.start)
        if m.finding == "onset_gradual" and m.value and i is not None and m.end in ends \
                and _near_in_clause(toks, i, ends[m.end], _IMPROVING):
            continue
        if m.finding == "onset_sudden" and m.value and i is not None and toks[i].text in ("within", "in"):
            before = []
            for t in reversed(toks[max(0, i - _EASING_REACH - 1):i]):
                if t.text in CLAUSE_END:
                    break
                before.append(t.text)
            if _EASING & set(before):
                continue
        out.append(m)
    return out


# A length of hours said with no word of spread ("over a few hours", "within hours", "hour by hour") is spreading
# within hours only when its sentence says the numbness spreads, creeps, moves up or gets worse, and never when its
# clause says it wears off, goes, eases or gets better: "it wears off over a few hours" is how long a bout lasts
# (walkthrough V, Chris, a cyclist, was told to call an emergency number for it).
_SPREAD_MORE = _SPREADS | {"worsening", "worsened", "worsens", "climbing", "climbed", "climbs", "rising", "rose",
                           "rises", "progressing", "progressed", "progresses", "extending", "extended", "extends",
                           "higher", "further"}
_BECOMING = frozenset({"getting", "gets", "got", "get", "gotten", "grown", "growing", "grew", "becoming", "became",
                       "become", "and", "more", "even"})  # "getting worse", "worse and worse": not "worse at night"
_WEARING = frozenset({"wears", "wear", "wore", "worn", "wearing", "eases", "ease", "eased", "easing", "settles",
                      "settle", "settled", "settling", "fades", "fade", "faded", "fading", "clears", "clear", "cleared",
                      "clearing", "passes", "pass", "passed", "passing", "better", "improves", "improve", "improved",
                      "improving", "disappears", "disappear", "disappeared", "subsides", "subside", "subsided",
                      "resolves", "resolved", "recovers", "recovered", "normal", "away", "lasts", "lasted"})
_GOES = frozenset({"goes", "go", "going", "went", "gone"})  # with "off": "it goes off over a few hours"


def _says_spread(words: list[str]) -> bool:
    """Do these words say the numbness spreads or gets worse ('spreading', 'crept up', 'moved up to my knees',
    'getting worse'), not only a length ('over a few hours') nor a worse time ('worse at night')?"""
    return _travels(words) or any(
        w in _SPREAD_MORE or w == "worse" and i and words[i - 1] in _BECOMING for i, w in enumerate(words))


def _says_wearing_off(words: list[str]) -> bool:
    """Do these words say it wears off, goes, eases or gets better ('wears off', 'goes away', 'settles down')?"""
    return any(w in _WEARING or w == "off" and i and words[i - 1] in _GOES for i, w in enumerate(words))


def _span_of_a_bout(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """Spreading within hours read from a length alone ('over a few hours') counts only when its sentence says the
    numbness spreads or gets worse and its clause does not say it wears off; else the words are dropped, yes or no
    (a length says nothing of a spread), and the question asks it if it matters."""
    starts = {t.start: i for i, t in enumerate(toks)}
    ends = {t.end: i for i, t in enumerate(toks)}
    words = [t.text for t in toks]
    out = []
    for m in mentions:
        i, j = starts.get(m.start), ends.get(m.end)
        if m.finding == "spreading_within_hours" and m.status != "inferred" and i is not None and j is not None:
            own = words[i:j + 1]
            if not _says_spread(own):
                sa, sb = sentence_of(toks, i)
                ca, cb = clause_of(toks, i)
                rest = words[ca:i] + words[j + 1:cb]
                if not _says_spread(words[sa:sb]) or _says_wearing_off(rest):
                    continue
        out.append(m)
    return out


# Heaviness said as what happens each time ("goes heavy", "gets heavy"), not as one sudden event.
_EACH_TIME = frozenset({"goes", "go", "gets", "get", "feels", "feel", "becomes", "turns", "is"})
_ONCE = frozenset({"suddenly", "sudden", "went", "gone", "became", "turned"})


# "Whenever I bang my funny bone": a knock that brings it on each time is a trigger, not a recent injury.
_HABITUAL = (("whenever",), ("every", "time"), ("each", "time"), ("everytime",), ("anytime",), ("any", "time"), ("if",))
_HABITUAL_REACH = 3  # words between the habitual word and the injury's words ("whenever I [accidentally] bang")


def _habitual_knocks(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """A recent injury said as what happens each time ('whenever I bang my funny bone', 'if I knock my elbow') is
    what brings the tingling on, not a recent injury: the question asks it (a one-time 'I banged my elbow' stands)."""
    words = [t.text for t in toks]
    starts = {t.start: i for i, t in enumerate(toks)}
    out = []
    for m in mentions:
        i = starts.get(m.start)
        if m.finding in _RECENT_ONLY and m.value and i is not None:
            before = words[max(0, i - _HABITUAL_REACH - 2):i]
            cut = max((k for k, w in enumerate(before) if w in CLAUSE_END), default=-1)
            before = before[cut + 1:]
            if any(tuple(before[k:k + len(h)]) == h for h in _HABITUAL for k in range(len(before))):
                continue
        out.append(m)
    return out


# A sore, ulcer, blister or cut on the foot is not one on the fingers (walkthrough S, Ben: "a sore on the bottom of my
# foot" was read as sores on the fingertips, and gave poor blood flow in the fingers as the reason). The vocabulary has
# no finding for a foot sore: the result's foot line for diabetes with numb feet says what to do about one.
# ... and a hand's spreading redness said of a foot (walkthrough BE, Sam: "my right foot is red, hot and swollen" read
# as "Redness ... is spreading in your hand or a finger"), looked for in its sentence, as "red, hot" breaks the clause
_ON_FINGERS = frozenset({"fingertip_sores", "finger_blisters", "spreading_redness_swelling"})
_SENTENCE_PLACE = frozenset({"spreading_redness_swelling"})
_FOOT = _LOWER | {"heel", "heels", "ankle", "ankles", "instep", "bunion"}
_FINGER = _UPPER | {"fingertip", "tip", "tips", "knuckle", "knuckles", "nail", "nails"}


def _on_the_foot(mentions: list[Mention], toks: list[Token]) -> list[Mention]:
    """Drop a finger sore or blister said of a foot: the nearest place word in its clause, after its words first
    ("a sore on the bottom of my foot"), then before them ("my toe has a blister"), is a foot, sole, heel or toe."""
    starts = {t.start: i for i, t in enumerate(toks)}
    out = []
    for m in mentions:
        i = starts.get(m.start)
        if m.finding in _ON_FINGERS and m.value and i is not None:
            a, z = sentence_of(toks, i) if m.finding in _SENTENCE_PLACE else clause_of(toks, i)
            ahead = [t.text for t in toks[i:z] if t.text in _FOOT | _FINGER]
            behind = [t.text for t in reversed(toks[a:i]) if t.text in _FOOT | _FINGER]
            place = (ahead or behind or [""])[0]
            if place in _FOOT:
                continue
        out.append(m)
    return out


# A sore on the foot (walkthrough T, Ben: "a sore on the bottom of my foot that I never felt"): a sore said as a thing
# ("a sore", "sores", never "my feet are sore", which is pain), an ulcer, blister, cut or wound, whose nearest place
# word in its clause is a foot, sole, heel or toe (as `_on_the_foot` finds it). Not someone else's, not an "if".
_INFLAMED = frozenset({"red", "hot", "warm", "swollen", "swelling", "inflamed"})
_SORES = frozenset({"sores", "ulcer", "ulcers", "blister", "blisters", "cut", "cuts", "wound", "wounds"})
_A_SORE = frozenset({"a", "an", "the", "this", "that", "open", "small", "little", "big", "new", "some", "any", "no", "deep",
                     "bad", "nasty", "red"})  # before "sore": the thing, not the pain
_DENY = frozenset({"no", "not", "never", "without", "don't", "dont", "haven't", "havent", "isn't", "isnt", "none"})
_NOT_MINE = _THIRD | {"if", "whether", "wife", "husband", "mum", "mom", "dad", "son", "daughter"}


def _foot_sore(toks: list[Token], text: str) -> tuple[bool | None, tuple[str, ...]]:
    """A sore on the foot said (True), denied (False: "no sores on my feet") or not said (None), said beats denied;
    with the words that said it, from the sore (and the word before it: "a sore") to its place word ("the sole")."""
    found: dict[bool, str] = {}
    for i, t in enumerate(toks):
        if not (t.text in _SORES or t.text == "sore" and i > 0 and toks[i - 1].text in _A_SORE):
            continue
        a, z = clause_of(toks, i)
        ahead = [x for x in toks[i:z] if x.text in _FOOT | _FINGER]
        behind = [x for x in reversed(toks[a:i]) if x.text in _FOOT | _FINGER]
        place = next(iter(ahead or behind), None)
        if place is None or place.text not in _FOOT:
            continue
        before = {x.text for x in toks[a:i]}
        if before & _NOT_MINE:
            continue
        first = toks[i - 1] if i > a and toks[i - 1].text in _A_SORE else t
        found.setdefault(not before & _DENY, text[min(first.start, place.start):max(t.end, place.end)])
    # a foot that is red, hot or swollen (two of those words beside a foot word in one clause): an active diabetic foot
    # problem as a sore is (NICE NG19: a red, warm, swollen foot, walkthrough BE, Sam, with numb feet and no pain);
    # one word alone ("my feet are swollen" in pregnancy) is not
    for i, t in enumerate(toks):
        if t.text not in _FOOT:
            continue
        a, z = sentence_of(toks, i)
        at = [k for k in range(a, z) if toks[k].text in _INFLAMED]
        words = [toks[k] for k in at]
        denied = any(toks[j].text in _DENY for k in (*at, i) for j in range(max(a, k - 2), k))
        # a hand in the same sentence may be what is red ("my hands are red and swollen and my feet are numb"): asked
        if len({x.text for x in words}) < 2 or denied or {x.text for x in toks[a:z]} & (_NOT_MINE | _FINGER):
            continue
        span = [t, *words]
        found.setdefault(True, text[min(x.start for x in span):max(x.end for x in span)])
    said = True if True in found else False if found else None
    return said, (found[said],) if said is not None else ()


# "On the phone" alone says where the person was, not that holding a phone brings the numbness on: it counts only in
# a sentence that ties the numbness to it, and never as someone else's call ("my daughter on the phone thought ...").
_PHONE = "on the phone"
_PHONE_TIES = frozenset({"when", "whenever", "while", "whilst", "if", "during", "after", "once", "every", "worse", "bad",
                         "brings", "bring", "makes", "make", "triggers", "starts", "start", "long", "ages", "hours",
                         "calls", "holding", "hold", "being"})
_CALLERS = frozenset({"gp", "doctor", "nurse", "someone", "somebody", "spoke", "speaking", "talked", "rang", "called",
                      "chatted"})
_CALLER_REACH = 4  # words between the caller and "on the phone" ("my daughter [who lives away] on the phone")


def _phone_call(mentions: list[Mention], toks: list[Token], ctx: _Context, lex: Lexicon) -> list[Mention]:
    """'My daughter on the phone thought my speech sounded funny': the phone is her call, not a phone held to the ear
    that brings the numbness on (walkthrough Q, Anne). The bare words count only when their sentence ties them to the
    numbness (a numb word, a numb place, or 'when', 'worse', 'for long' ...) and no one else is on the call; so too
    when a doubt after them made them not sure (walkthrough U, Anne: '... sounded funny on the phone, I'm not sure')."""
    starts = {t.start: i for i, t in enumerate(toks)}
    places = [m.start for m in mentions if m.value and _group_of(m.finding) == "where"]
    out = []
    for m in mentions:
        i = starts.get(m.start)
        if i is not None and m.finding == "worse_elbow_bent" and m.status in ("said", "unsure") and (
                " ".join(m.text.lower().split()) == _PHONE):
            caller = _a_call(toks, i, ctx.clause, lex.relatives)
            sentence = [k for k, s in enumerate(ctx.sentence) if s == ctx.sentence[i]]
            tied = any({toks[k].stem, toks[k].text} & ((_NUMB_WORDS - _PRONOUNS) | _PHONE_TIES) for k in sentence)
            tied = tied or any(toks[sentence[0]].start <= p <= toks[sentence[-1]].start for p in places)
            if caller or not tied:
                continue
        out.append(m)
    return out


# How a symptom other than the numbness runs is not how the numbness runs (walkthrough U, Mei: "a bad headache
# that won't go away" and "I sometimes see flashing lights" were read as the tingling there all the time and coming
# and going). Words of another symptom that are not findings of their own: a headache is one only in pregnancy.
# "getting worse" too (walkthrough X, Fatima: "my memory is getting worse" read as the numbness getting worse)
_COURSE = frozenset({"constant", "comes_and_goes", "getting_worse"})
_SYMPTOM_WORDS = frozenset({"headache", "headaches", "migraine", "migraines", "pain", "pains", "ache", "aches",
                            "aching", "hurts", "hurt", "swelling", "swollen", "puffy", "lights", "flashes", "vision",
                            "rash", "cough", "fever", "dizzy", "dizziness", "nausea", "sick", "memory", "eyesight",
                            "sight", "mood"})
_OTHER_SIGNS = frozenset({"other_symptoms", "emergency_signs"})
# Signs whose bouts bring the numbness with them (cold or stress turns the fingers white, then numb; blisters on a
# finger that "keep coming back and the finger goes numb when they do"): their course is the numbness's too.
_NUMB_ATTACKS = frozenset({"skin_white_then_blue", "triggered_by_cold_or_stress", "burning_pain", "finger_blisters"})
# Weakness of the nerves' own making gets worse with the numbness ("tingling in my toes and fingers ... my legs feel
# weak, and it is getting worse": walkthrough Y, Sam), as "getting weaker" already says it is getting worse.
# Effort words alone ("when I climb stairs") are no symptom of their own: the arm, jaw or chest must be said.
_EFFORT_ONLY = frozenset({"arm_discomfort_on_exertion"})
_EFFORT_PLACES = frozenset({"arm", "arms", "jaw", "chest"})
_WORSENS_WITH = frozenset({"leg_weakness", "hand_weakness", "weakness_rising_from_legs", "arm_or_leg_weakness_sudden"})


def _course_of_another(mentions: list[Mention], toks: list[Token], ctx: _Context) -> list[Mention]:
    """'There all the time' or 'comes and goes' counts for the numbness only when its clause is about the numbness:
    said in a clause with another symptom (a headache, flashing lights, pain, swelling) and no word of numbness
    or tingling, it is that symptom's course, not the numbness's (walkthrough U, Mei)."""
    starts = {t.start: i for i, t in enumerate(toks)}
    others = {m.start: m.finding for m in mentions if m.value and m.finding not in _NUMB_ATTACKS
              and _group_of(m.finding) in _OTHER_SIGNS  # a symptom denied ("not weak") has no course to tell
              and not (m.finding in _EFFORT_ONLY and not set(m.text.lower().split()) & _EFFORT_PLACES)}

    def about(mine: list[int], m: Mention) -> str | None:
        """What these words speak of, beside the words of `m`: 'numb', 'other' (another symptom) or None."""
        if any({toks[k].stem, toks[k].text} & (_NUMB_WORDS - _PRONOUNS) for k in mine):
            return "numb"
        rest = [k for k in mine if not m.start <= toks[k].start < m.end]
        mine_others = {p for p, f in others.items() if not (m.finding == "getting_worse" and f in _WORSENS_WITH)}
        if any(toks[k].text in _SYMPTOM_WORDS or toks[k].start in mine_others for k in rest):
            return "other"
        return None

    out = []
    for m in mentions:
        i = starts.get(m.start)
        if i is not None and m.finding in _COURSE:
            said_of = about([k for k, c in enumerate(ctx.clause) if c == ctx.clause[i]], m)
            # "Bad headache today, won't go away": a clause with no word of its own speaks of the words before its
            # comma ("both hands go tingly and my arms ache, goes off when I put them down" is the tingling's).
            k = ctx.clause.index(ctx.clause[i]) - 1
            while k >= 0 and toks[k].text in CLAUSE_END and ctx.sentence[k] == ctx.sentence[i]:
                k -= 1
            if said_of is None and k >= 0 and ctx.sentence[k] == ctx.sentence[i]:
                said_of = about(list(range(*clause_of(toks, k))), m)
            if said_of == "other":
                continue
        out.append(m)
    return out


def _a_call(toks: list[Token], i: int, clause: list[int], relatives: Collection[str]) -> bool:
    """Is the bare 'on the phone' at token i someone's call: a caller just before it ('my daughter on the phone'), or
    one earlier in its clause when the clause says nothing of the numbness ('my daughter thought my speech sounded
    funny on the phone'; not 'my wife says my little finger goes numb on the phone')?"""
    mine = [k for k in range(i) if clause[k] == clause[i]]
    callers = [k for k in mine if toks[k].text in relatives or toks[k].text in _CALLERS]
    if any(i - k <= _CALLER_REACH for k in callers):
        return True
    numb = any({toks[k].stem, toks[k].text} & ((_NUMB_WORDS - _PRONOUNS) | _LIMBS) for k in mine)
    return bool(callers) and not numb


def _call_before(toks: list[Token], p: int, clause: list[int], relatives: Collection[str]) -> int:
    """How many words a doubt at p passes back over to reach what was said before someone's call ('sounded a bit
    funny on the phone, I'm not sure' doubts the speech): the three words of the call, or none."""
    n = len(_PHONE.split())
    if p < n + 1 or [t.text for t in toks[p - n:p]] != _PHONE.split():
        return 0
    return n if _a_call(toks, p - n, clause, relatives) else 0


def _sentence_at(ctx: _Context, toks: list[Token], char: int) -> int:
    """The sentence number of the token starting at a character offset."""
    for i, t in enumerate(toks):
        if t.start >= char:
            return ctx.sentence[i]
    return -1


def _needing(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Words of a finding that need another said present (`phrases.needs`) count only when it is: a man's
    'my face is swollen' is not a warning sign of pregnancy. Without it, they do not say yes; and when the
    text never speaks of it at all, they do not say no either ('no headache' from a man says nothing of the
    warning signs of pregnancy): the question asks."""
    if not lex.needs:
        return mentions
    said, _ = _resolve(mentions, lex)
    spoken = {m.finding for m in mentions if m.value is not None}
    unmet = {fid for fid, needed in lex.needs.items() if not all(said.get(n) is True for n in needed)}
    unspoken = {fid for fid, needed in lex.needs.items() if not spoken & set(needed)}
    return [m for m in mentions if not (m.finding in unmet and m.value is True or m.finding in unspoken and m.value is False)]


_PLAIN_HEADACHE = frozenset({"headache", "headaches"})


def _headache_after_a_spell(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A plain 'no headache' says no headache came after the numbness only once the spell is over ('lasted 10 min
    then totally gone, no headache at all'); of numbness still there ('since yesterday ... No headache') it is what
    she has now, not 'No headache comes after the numbness' (walkthrough U, Anne): that is left to its question."""
    said, _ = _resolve(mentions, lex)
    over = said.get("episode_resolved_within_hour") is True or any(
        m.finding == "episode_resolved_within_hour" and m.status == "partial" for m in mentions)
    return [m for m in mentions if over or not (
        m.finding == "headache_follows" and m.value is False and m.text.lower() in _PLAIN_HEADACHE)]


def _doubt_beats_an_inferred_no(mentions: list[Mention]) -> list[Mention]:
    """The person's own doubt about a finding ("I don't know if it came on suddenly or slowly") is not overruled by a
    "no" inferred from other words ("since this morning": not over weeks or months): it stays not sure (walkthrough
    Z, Helen, shown "It did not come on slowly over weeks or months" right after saying she could not tell)."""
    doubted = {m.finding for m in mentions if m.status == "unsure"}
    return [m for m in mentions if not (m.finding in doubted and m.status == "inferred" and m.value is False)]


_CLUMSY = ("clumsy", "button", "drop", "writing", "handwriting", "fumbl", "fiddl")


def _clumsy_pair(mentions: list[Mention], toks: list[Token], lex: Lexicon) -> list[Mention]:
    """Clumsy hands, both of them, and an unsteady walk, each said in words of their own ("my hands have grown clumsy
    ... my walking is unsteady") are the pair `clumsy_hands_and_unsteady_walk` says, so it is not asked again
    (walkthrough Z, Frank). Only clumsiness (buttons, writing, dropping things), not a weak grip; only both hands
    ("hands", or both hands said); only words said, not doubted."""
    said, _ = _resolve(mentions, lex)
    if "clumsy_hands_and_unsteady_walk" in said or not said.get("unsteady_walking") or not said.get("hand_weakness"):
        return []
    words = [t.text for t in toks]
    starts = {t.start: i for i, t in enumerate(toks)}

    def both(m: Mention) -> bool:
        if said.get("both_hands"):
            return True
        a, b = clause_of(toks, starts.get(m.start, 0))
        return "hands" in words[a:b]

    clumsy = next((m for m in mentions if m.finding == "hand_weakness" and m.value is True and m.status == "said"
                   and any(w.startswith(_CLUMSY) for w in m.text.lower().split()) and both(m)), None)
    walk = next((m for m in mentions if m.finding == "unsteady_walking" and m.value is True and m.status == "said"), None)
    if clumsy is None or walk is None or said.get("one_hand"):
        return []
    return [Mention("clumsy_hands_and_unsteady_walk", True, m.start, m.end, m.text, "inferred", 0.7) for m in (clumsy, walk)]


def _rising(mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """Weak legs said with tingling feet and a worsening or spread, not over weeks or months: weakness rising
    from the legs (the pattern of Guillain-Barre syndrome), whatever words each part came in."""
    said, _ = _resolve(mentions, lex)
    if "weakness_rising_from_legs" in said or not (said.get("leg_weakness") and said.get("numb_feet")):
        return []
    if not (said.get("getting_worse") or said.get("spreading_to_other_limbs")):
        return []
    if said.get("onset_gradual") or said.get("lasting_over_6_weeks"):
        return []
    legs = next(m for m in mentions if m.finding == "leg_weakness" and m.value)
    return [Mention("weakness_rising_from_legs", True, legs.start, legs.end, legs.text, "inferred", 0.7)]


def _longer_words(ms: list[Mention]) -> list[Mention]:
    """A finding's mentions without those inside longer words of it that say the other value: "I shake them out and
    they're fine" says shaking helps, and its "shake them out", read as denied by the "fine" after it, is part of it
    (walkthrough BO, Lina: the two left shaking not known, and it was asked again)."""
    return [m for m in ms if not any(o.value != m.value and o.status == "said" and o.start <= m.start and m.end <= o.end
                                     and (o.start, o.end) != (m.start, m.end) for o in ms)]


def _resolve(mentions: list[Mention], lex: Lexicon, normal: Collection[str] = (),
             age: int | None = None) -> tuple[dict[str, bool], dict[str, bool]]:
    """One value per finding: a warning sign said anywhere stays (safety first); other disagreements
    prefer the words over an inference, else the finding stays not known.

    A warning sign is any finding that can raise an emergency or urgent rule (`Lexicon.warning`), not
    only the emergency signs: "no fever" is kept in `understood` but left out of the case, so a
    chemotherapy patient with a fever today is still asked. The exception is a stated normal (`normal`,
    `_said_normal`: "grip feels fine"), which enters the case as a no, unless the words would then give home
    care on their own: words alone never complete a self-care pattern."""
    by: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.value is not None:
            by.setdefault(m.finding, []).append(m)
    understood: dict[str, bool] = {}
    for fid, ms in by.items():
        if not (fid in lex.warning or lex.groups.get(fid) == EMERGENCY_GROUP):  # (a warning sign said anywhere stays)
            ms = _longer_words(ms)
        values = {m.value for m in ms}
        if len(values) == 1:
            understood[fid] = ms[0].value is True
            continue
        if fid in lex.warning or lex.groups.get(fid) == EMERGENCY_GROUP:
            understood[fid] = True
            continue
        said = {m.value for m in ms if m.status != "inferred"}
        if len(said) == 1:
            understood[fid] = said.pop() is True
    if understood.get("both_hands") is True and understood.get("one_hand") is True:
        del understood["one_hand"]
    case = {f: v for f, v in understood.items() if v or not (f in lex.warning or lex.groups.get(f) == EMERGENCY_GROUP)}
    stated = {f: False for f in normal if understood.get(f) is False and lex.groups.get(f) != EMERGENCY_GROUP}
    if stated:
        from numbwise.assess.triage import triage  # here, not at the top: assess imports the parser

        if triage({**case, **stated}, age).level != "self_care":
            case |= stated
    return understood, case
