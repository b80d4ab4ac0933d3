"""Turn findings into an urgency level and the red flags that raised it, from the rules as data."""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from numbwise.kb import load
from numbwise.kb.models import Cond, Rule

LEVELS = ("emergency", "urgent", "routine", "self_care")  # most urgent first
RANK = {level: i for i, level in enumerate(LEVELS)}
COHERENCE_RULE = "coherence"  # the rule id the coherence rule adds to a result it raised
SELF_CARE_CAUSE_RULE = "coherence_self_care"  # added when a self-care pattern's own cause does not lead
RANKING_RULES = (COHERENCE_RULE, SELF_CARE_CAUSE_RULE)
UNCONFIRMED_RULE = "home_care_unconfirmed"  # added when a self-care pattern rested on words no question confirmed
UNSURE_RULE = "home_care_unsure"  # added when a 'not sure' sign would make a self-care result urgent or an emergency

# A compiled condition: the findings (present ones) that made it true, or None when it is false.
Test = Callable[[Mapping[str, bool], int | None], tuple[str, ...] | None]


@dataclass(frozen=True)
class Triage:
    """The level, the findings that raised it, and the rules behind it."""

    level: str
    red_flags: tuple[str, ...]
    rules: tuple[str, ...]


def _compile(cond: Cond, raising: bool) -> Test:
    """Compile a condition; `raising` says whether it raises the level (a rule's `when`) or lowers it
    (an exception, a self-care pattern). An age test with the age not known counts as met when it
    raises and as not met when it lowers, so an unknown age never lowers the level."""
    if cond.present is not None:
        fid = cond.present
        return lambda f, a: (fid,) if f.get(fid) is True else None
    if cond.absent is not None:
        fid = cond.absent
        return lambda f, a: () if f.get(fid) is False else None
    if cond.not_present is not None:
        fid = cond.not_present
        return lambda f, a: () if f.get(fid) is not True else None
    if cond.unknown is not None:
        fid = cond.unknown
        return lambda f, a: () if fid not in f else None
    if cond.age_at_least is not None:
        n = cond.age_at_least
        return lambda f, a: () if (a >= n if a is not None else raising) else None
    if cond.age_below is not None:
        m = cond.age_below
        return lambda f, a: () if (a < m if a is not None else raising) else None
    if cond.age_known is not None:
        known = cond.age_known
        return lambda f, a: () if (a is not None) == known else None
    if cond.all is not None:
        parts = [_compile(c, raising) for c in cond.all]

        def all_of(f: Mapping[str, bool], a: int | None) -> tuple[str, ...] | None:
            out: tuple[str, ...] = ()
            for part in parts:
                got = part(f, a)
                if got is None:
                    return None
                out += got
            return out

        return all_of
    assert cond.any is not None
    options = [_compile(c, raising) for c in cond.any]

    def any_of(f: Mapping[str, bool], a: int | None) -> tuple[str, ...] | None:
        hit = False
        out: tuple[str, ...] = ()
        for option in options:
            got = option(f, a)
            if got is not None:
                hit = True
                out += got
        return out if hit else None

    return any_of


def compile_cond(cond: Cond) -> Test:
    """A condition outside the rules (a level's reworded line), read as lowering: an unknown age does not meet it."""
    return _compile(cond, False)


@dataclass(frozen=True)
class _Compiled:
    rule: Rule
    when: Test
    unless: Test | None
    defeaters: tuple[str, ...] = ()  # findings whose presence stops the exception ('not_present' in unless)


def _not_present(cond: Cond) -> tuple[str, ...]:
    """The findings a condition needs to be absent or unknown, at any depth."""
    return tuple(c.not_present for c in cond.leaves() if c.not_present is not None)


def compile_rules(rules: Sequence[Rule]) -> tuple[_Compiled, ...]:
    """Compile rules to fast tests (a `when` raises the level unless it is a self-care pattern)."""
    return tuple(
        _Compiled(r, _compile(r.when, r.level != "self_care"), _compile(r.unless, False) if r.unless else None,
                  tuple(dict.fromkeys(_not_present(r.unless))) if r.unless else ())
        for r in rules
    )


@functools.cache
def compiled_rules() -> tuple[_Compiled, ...]:
    """Every triage rule of the knowledge base, compiled once."""
    return compile_rules(load().triage.rules)


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def fired_rules(
    findings: Mapping[str, bool], age: int | None = None, rules: Sequence[_Compiled] | None = None
) -> list[tuple[Rule, tuple[str, ...]]]:
    """Every rule whose condition holds (and whose exception does not), with the findings that raised it."""
    out = []
    for c in compiled_rules() if rules is None else rules:
        flags = c.when(findings, age)
        if flags is None or (c.unless is not None and c.unless(findings, age) is not None):
            continue
        # A present finding that stopped the exception is a warning sign too (each new episode of
        # numbness that comes and goes is a new sudden start).
        flags += tuple(f for f in c.defeaters if findings.get(f) is True and f not in flags)
        out.append((c.rule, flags))
    return out


HISTORY_GROUP = "history"  # findings.yaml's group of facts about the person, not symptoms


def _group(fid: str) -> str | None:
    f = load().findings.get(fid)
    return f.group if f is not None else None


def signs_shown(red_flags: Sequence[str], rules: Sequence[str]) -> tuple[str, ...]:
    """The red flags a person is shown as warning signs: those a fired rule's condition names. A finding that only
    stopped an exception (each spell that comes and goes is a new sudden start) stays a red flag of the
    assessment, but "It comes and goes" is not a warning sign to show beside a stroke sign."""
    by_id = {c.rule.id: c.rule for c in compiled_rules()}
    named = {f for rid in rules if rid in by_id for f in by_id[rid].when.finding_ids()}
    shown = tuple(f for f in red_flags if f in named or not any(rid in by_id for rid in rules))
    # a fact about the person (smoking, a blood thinner, chemotherapy) makes a sign more serious but is not itself a
    # warning sign: "Why this level" says what it changes; it is shown only when the rule has nothing else to show
    kb = load().findings
    facts = {f for f in shown if _group(f) == HISTORY_GROUP and not (f in kb and kb[f].warning_sign)
             or f in kb and kb[f].context_only}
    return tuple(f for f in shown if f not in facts) or shown


def urgent_signs(findings: Mapping[str, bool], age: int | None, shown: Sequence[str] = ()) -> tuple[str, ...]:
    """On an emergency result: the warning signs of the urgent rules that also hold, after the emergency's own
    (`shown`), so the person can tell the crew (walkthrough U, Marcus: a sudden start gave a stroke emergency, and his
    arm and jaw discomfort on effort, an urgent rule's sign, was no longer listed). Facts about the person (smoking)
    are not warning signs and are left out."""
    hits = [(r, flags) for r, flags in fired_rules(findings, age) if r.level == "urgent"]
    flags = _dedupe([f for _, fl in hits for f in fl])
    kb = load().findings
    return tuple(f for f in signs_shown(flags, [r.id for r, _ in hits]) if f not in shown
                 and not (_group(f) == HISTORY_GROUP and not (f in kb and kb[f].warning_sign)))


def triage(findings: Mapping[str, bool], age: int | None = None, rules: Sequence[_Compiled] | None = None) -> Triage:
    """Apply every rule; the most urgent wins, self-care only on a complete positive match."""
    fired: dict[str, list[tuple[Rule, tuple[str, ...]]]] = {level: [] for level in LEVELS}
    for rule, flags in fired_rules(findings, age, rules):
        fired[rule.level].append((rule, flags))
    for level in ("emergency", "urgent"):
        if fired[level]:
            stood_in = {rid for rule, _ in fired[level] for rid in rule.supersedes}
            return _result(level, [(r, flags) for r, flags in fired[level] if r.id not in stood_in])
    replaced = {rid for rule, _ in fired["self_care"] for rid in rule.replaces}
    routine = [(r, flags) for r, flags in fired["routine"] if r.id not in replaced]
    if routine:
        return _result("routine", routine)
    if fired["self_care"]:
        return Triage("self_care", (), tuple(r.id for r, _ in fired["self_care"]))
    return Triage("routine", (), ())


def _result(level: str, hits: list[tuple[Rule, tuple[str, ...]]]) -> Triage:
    return Triage(level, _dedupe([f for _, flags in hits for f in flags]), tuple(r.id for r, _ in hits))


def more_urgent(a: str, b: str) -> bool:
    """True when level a is more urgent than level b."""
    return RANK[a] < RANK[b]


def coherent(level: Triage, ranked: Sequence[tuple[str, float]], findings: Mapping[str, bool] | None = None) -> Triage:
    """The coherence rule: an emergency-type cause ranked first, or this likely, means at least urgent;
    a self-care pattern whose own cause is not ranked first gives routine.

    Its red flags are the answers that argued for the emergency-type cause, strongest first.
    """
    co = load().triage.coherence
    if level.level == "self_care" and ranked:
        causes = _pattern_causes()
        if ranked[0][0] not in {causes.get(rid) for rid in level.rules}:
            level = Triage("routine", level.red_flags, level.rules + (SELF_CARE_CAUSE_RULE,))
        else:  # only the leading cause's own pattern explains the result (a whole hand also fits 'thumb-side')
            kept = tuple(rid for rid in level.rules if causes.get(rid) in (None, ranked[0][0]))
            level = Triage(level.level, level.red_flags, kept)
    hit = watched_causes(ranked)
    if not hit or not more_urgent(co.level, level.level):
        return level
    flags: list[str] = []
    if findings:
        from numbwise.assess.ranking import model

        m = model()
        for cid in hit:
            i = m.causes.index(cid)
            lifts = sorted(((m.lift_present[f][i], f) for f, v in findings.items() if v is True), reverse=True)
            flags += [f for lift, f in lifts if lift > 0]
    return Triage(co.level, _dedupe(list(level.red_flags) + flags), level.rules + (COHERENCE_RULE,))


def settling_questions(ranked: Sequence[tuple[str, float]]) -> tuple[str, ...]:
    """The findings that would settle each emergency-type cause the coherence rule is watching."""
    co = load().triage.coherence
    return _dedupe([f for cid in watched_causes(ranked) for f in co.causes[cid].settle])


def watched_causes(ranked: Sequence[tuple[str, float]]) -> list[str]:
    """The emergency-type causes the coherence rule acts on: ranked first, or at least this likely."""
    co = load().triage.coherence
    return [cid for i, (cid, p) in enumerate(ranked) if cid in co.causes and (i == 0 or p >= co.min_probability)]


@functools.cache
def _pattern_causes() -> dict[str, str | None]:
    """Each rule's own cause (only self-care patterns have one), looked up once per process."""
    return {r.id: r.cause for r in load().triage.rules}


def rule_causes(rules: Collection[str]) -> tuple[str, ...]:
    """The causes the reasons of these rules name (triage_rules.yaml `names`: "can go with low vitamin B12")."""
    return tuple(dict.fromkeys(c for r in load().triage.rules if r.id in rules for c in r.names))
