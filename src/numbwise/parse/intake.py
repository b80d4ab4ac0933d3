"""What the faces show back after a description: chips of understood findings and any warning sign raised."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from numbwise.parse.core import EMERGENCY_GROUP, Parsed

if TYPE_CHECKING:
    from numbwise.assess.engine import Assessment
    from numbwise.assess.interview import EarlyCall


@dataclass(frozen=True)
class Chip:
    """One understood finding, in the person's terms, with the words it came from."""

    finding: str
    value: bool
    label: str  # "Your thumb is numb or tingling." / "Your thumb is not numb."
    words: tuple[str, ...]
    warning: bool  # a warning sign (an emergency sign, or any finding that can raise an emergency or urgent rule)


def _label(fid: str, value: bool) -> str:
    """A chip says a reading in the words the result's reasons use (explain.statement)."""
    from numbwise.assess.explain import statement

    return statement(fid, value)


def _warning(fid: str, groups: Mapping[str, str]) -> bool:
    """A warning sign: words never clear it, only its question ("no fever" for a person on chemotherapy)."""
    from numbwise.parse.lexicon import lexicon

    return groups.get(fid) == EMERGENCY_GROUP or fid in lexicon().warning


def chips(parsed: Parsed) -> list[Chip]:
    """Every finding the description set, in the order written (denied warning signs are left to the questions:
    they are not in the case, so no chip shows them as settled)."""
    from numbwise.kb import load

    groups = load().vocabulary.finding_groups
    first = {}
    for m in parsed.mentions:
        if m.value is not None and m.finding not in first:
            first[m.finding] = m.start
    out = []
    for fid in sorted(parsed.findings, key=lambda f: first.get(f, 0)):
        value = parsed.findings[fid]
        words = tuple(dict.fromkeys(m.text for m in parsed.spans_for(fid) if m.value == value))
        out.append(Chip(fid, value, _label(fid, value), words, _warning(fid, groups)))
    return out


def _open_chips(parsed: Parsed, fids: Iterable[str], status: str) -> list[Chip]:
    """Findings the words left open, in the checklist's words to the person, with the words they came from."""
    from numbwise.assess.interview import checklist_label
    from numbwise.kb import load

    groups = load().vocabulary.finding_groups
    out = []
    for fid in fids:
        said = list(dict.fromkeys(m.text for m in parsed.mentions if m.finding == fid and m.status == status))
        words = tuple(w for w in said if not any(w != o and w in o for o in said))  # "sores on" is in "sores on my fingertips"
        out.append(Chip(fid, True, checklist_label(fid) + ".", words, _warning(fid, groups)))
    return out


def unsure_chips(parsed: Parsed) -> list[Chip]:
    """What the person said with a hedge ("maybe some sores", "not sure if my hands are cramping"): shown back under
    "You were not sure about", and carried into the check as 'not sure' unless they change it."""
    return _open_chips(parsed, parsed.unsure, "unsure")


def partial_chips(parsed: Parsed) -> list[Chip]:
    """What the words said only part of ("I'm tired" of tired and pale): shown back as "we will ask about this"."""
    return _open_chips(parsed, parsed.partial, "partial")


def emergency_call(parsed: Parsed) -> EarlyCall:
    """The title and action the early warning says for an emergency in the words: the result banner's own when it has
    one (a fever during chemotherapy: the cancer helpline, from the same core, result.call_now, with where that call
    goes and the intro to the emergency buttons), else the general call of the emergency-first screen (interview.yaml
    `emergency_first`), so no face words it on its own."""
    from numbwise.assess.interview import EarlyCall
    from numbwise.assess.result import call_now
    from numbwise.kb import load

    own = call_now(assessed(parsed), parsed.unsure)
    if own is not None:
        return own
    first = load().interview.emergency_first
    return EarlyCall(load().triage.levels["emergency"].title, first.act if first is not None else "")


ABOUT = ("age", "sex")  # the about-you chips' `finding`: not findings, kept or dropped like one


def about_chips(parsed: Parsed) -> list[Chip]:
    """The age and sex the words gave, shown back like findings so a wrong one can be dropped (then asked)."""
    out = []
    if parsed.age is not None:
        words = (parsed.text[parsed.age_span[0]:parsed.age_span[1]],) if parsed.age_span else ()
        out.append(Chip("age", True, f"Age: {parsed.age}.", words, False))
    if parsed.sex is not None:
        words = (parsed.text[parsed.sex_span[0]:parsed.sex_span[1]],) if parsed.sex_span else ()
        out.append(Chip("sex", True, f"Sex: {parsed.sex}.", words, False))
    return out


FOOT_SORE = "foot_sore"  # the foot-sore line's `finding`: plain data (the case's foot_sore), never a finding


def foot_chips(parsed: Parsed) -> list[Chip]:
    """The sore on the foot the words said (or denied), shown back on the list like a finding so it can be removed
    (then asked: interview.yaml `foot_sore`), never turned round (walkthrough U, Ben: it led his result unseen)."""
    from numbwise.kb import load

    q = load().interview.foot_sore
    if parsed.foot_sore is None or q is None:
        return []
    return [Chip(FOOT_SORE, parsed.foot_sore, q.said_yes if parsed.foot_sore else q.said_no, parsed.foot_sore_words,
                 True)]


def foot_kept(parsed: bool | None, kept: Collection[str]) -> bool | None:
    """The foot sore after the list: as read when its line was kept, else not known (the question asks it)."""
    return parsed if FOOT_SORE in kept else None


def emergency(parsed: Parsed) -> list[Chip]:
    """The findings that make the described case an emergency, with their words; empty when it is not one.

    Only words said as happening now count: a denied, hypothetical, past or someone else's sign never
    raises (or clears) anything.
    """
    from numbwise.assess.triage import signs_shown, triage

    level = triage(parsed.findings, parsed.age)
    if level.level != "emergency":
        return []
    by_id = {c.finding: c for c in chips(parsed)}
    return [by_id[f] for f in signs_shown(level.red_flags, level.rules) if f in by_id]


def emergency_answers(parsed: Parsed) -> dict[str, bool]:
    """What a person who said "yes, that is right" to the emergency reading of their words has answered: the signs
    that made it an emergency, not the other readings they were never shown (a night out read as "over days")."""
    from numbwise.assess.triage import signs_shown, triage

    level = triage(parsed.findings, parsed.age)
    kept = {f: True for f in level.red_flags if parsed.findings.get(f) is True}
    if level.level != "emergency" or triage(kept, parsed.age).level != "emergency":
        return dict(parsed.findings)  # the signs alone would not hold the emergency: keep every reading rather than lower it
    # only the signs the screen showed: a fact that made them an emergency (chemotherapy) is shown with the other
    # readings for a check, never kept unseen (walkthrough AS, Sofia: her chemotherapy was on no list to correct)
    shown = set(signs_shown(level.red_flags, level.rules))
    return {f: v for f, v in kept.items() if f in shown}


def assessed(parsed: Parsed) -> Assessment:
    """The assessment from the words alone (`numbwise assess --text`, POST /api/parse).

    No question has confirmed anything, so it is never self-care: a home-care pattern the words complete
    gives routine, with a reason saying the words alone cannot confirm home care.
    """
    from numbwise.assess.case import Case
    from numbwise.assess.engine import assess_words

    return assess_words(Case(findings=dict(parsed.findings), age=parsed.age, sex=parsed.sex))


def without(findings: Mapping[str, bool], dropped: Iterable[str]) -> dict[str, bool]:
    """'That's not what I meant': set these findings aside, so they are not known (and will be asked), never 'no'."""
    gone = set(dropped)
    return {f: v for f, v in findings.items() if f not in gone}


def corrected(findings: Mapping[str, bool], kept: Iterable[str], flipped: Iterable[str]) -> dict[str, bool]:
    """The chips after the person's corrections: unticked ones set aside (not known), flipped ones the other way.

    A warning sign (any finding that can raise an emergency or urgent rule) is never flipped to "no"
    here: only its question clears it. Turned round, it is set aside like an unticked one, never kept as read
    (walkthrough BA, Victor: "!2" on "You take a blood thinner" left it a yes, with its reason on the result).
    """
    from numbwise.kb import load

    groups = load().vocabulary.finding_groups
    keep, flip = set(kept), set(flipped)
    out: dict[str, bool] = {}
    for fid, value in findings.items():
        if fid in flip:
            if not (value and _warning(fid, groups)):
                out[fid] = not value
        elif fid in keep:
            out[fid] = value
    return out
