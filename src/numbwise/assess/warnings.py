"""What to watch for after a check: lines generated from the triage rules, so advice and rules never disagree."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from numbwise.assess.triage import more_urgent
from numbwise.kb import load
from numbwise.kb.models import ResultWarning, RuledWarning


@dataclass(frozen=True)
class WatchFor:
    """One change that should make the person seek care sooner, under the heading of its rule's level."""

    level: str
    heading: str
    text: str
    rule_id: str
    findings: tuple[str, ...]
    parts: tuple[tuple[str, str], ...] = ()  # (finding, its own words): the line said without a sign not sure of
    again: str = ""  # the line worded for a sign not sure of that may have come and gone, coming back


def watch_for(findings: Mapping[str, bool], age: int | None, level: str,
              rules: Collection[str] = (), foot_sore: bool = False) -> tuple[WatchFor, ...]:
    """The changes to watch for at this level: only rules more urgent than the result, none already reported.

    A line whose change would not be more urgent than the result for this person would change nothing (one whose
    rule is not, but whose change this person's other rules make more urgent, is filed at that level), and a line about a
    finding the person has already reported would read as if they had not told us. A line with
    `only_with` is for people who reported one of those findings (a tight cast, for an arm in a cast), and one
    with `with_rules` for a result one of those rules set (`rules`: a fit or a racing heart, for the salts story).
    A line about a foot sore is left out when the result leads with the one the person has (`foot_sore`).
    """
    tri = load().triage
    levels = {r.id: r.level for r in tri.rules}
    out = []
    for item in tri.watch_for:
        rule_level: str = levels[item.rule]
        if _reported(item, findings):
            continue
        if not more_urgent(rule_level, level):
            # a change this person's rules would make more urgent than the result still counts, filed there
            # (walkthrough Q, Tariq: his arm slowly getting weaker, with a start not known, is a doctor today)
            raised = filed_level(rule_level, item.findings, findings, age)
            if not more_urgent(raised, level):
                continue
            rule_level = raised
        if item.already_when and all(findings.get(f) is True for f in item.already_when):
            continue  # "spreads to your other arm or your legs" when both hands and the feet are numb already
        if item.only_with and not any(findings.get(f) is True for f in item.only_with):
            continue
        if item.with_rules and not set(item.with_rules) & set(rules):
            continue
        if foot_sore and item.foot_sore:
            continue  # a foot sore said (`foot_sore`): the banner leads with it (result.py `_foot_lead`)
        if any(findings.get(f) is True for f in item.not_with):
            continue  # "You get a fever" for someone on chemotherapy: their own line names the cancer helpline
        out.append(_line(item, rule_level))
    return tuple(out)


def filed_level(rule_level: str, change: Collection[str], findings: Mapping[str, bool] | None,
                age: int | None) -> str:
    """The level a change is filed at for a person: its rule's, or the more urgent one (below emergency) this person's
    own rules give once the change comes (walkthrough Q, Tariq: his hand slowly getting weak, with a start not known,
    is a doctor today). With no person (`findings` None), its rule's. The result's watch lines and the care plan's
    "when to get more help" both ask this, so one sign never has two speeds (walkthrough Y, Tariq)."""
    from numbwise.assess.triage import triage

    if findings is None or not change:
        return rule_level
    raised = triage({**findings, **{f: True for f in change}}, age).level
    return raised if more_urgent(raised, rule_level) and raised != "emergency" else rule_level


def if_not_known(rule_level: str, change: Collection[str]) -> str:
    """For a page that knows nothing of the person: the more urgent level a change is filed at when the answers it
    depends on are not known, said as its condition ("If you are not sure whether the numbness started suddenly, see a
    doctor today."), from the raising rule's `if_not_known`; "" when nothing raises it (or it would be an emergency,
    whose own line says so). Beside the rule's own level, so the page is never gentler than a result (walkthrough Z)."""
    from numbwise.assess.triage import triage

    if not change:
        return ""
    raised = triage({f: True for f in change}, None)
    if not more_urgent(raised.level, rule_level) or raised.level == "emergency":
        return ""
    tri = load().triage
    rules = {r.id: r for r in tri.rules}
    words = next((w for rid in raised.rules if (w := rules[rid].if_not_known)), None)
    if words is None:
        return ""
    title = tri.levels[raised.level].title  # type: ignore[index]
    return f"{words}, {title[:1].lower()}{title[1:].rstrip('.')}."


def _reported(item: RuledWarning, findings: Mapping[str, bool]) -> bool:
    """Has the person already reported the change this line warns of (a yes, or for `change: no` a no)?"""
    return any(findings.get(f) is (item.change == "yes") for f in item.findings)


def _line(item: RuledWarning, rule_level: str) -> WatchFor:
    """The line under its rule's level heading (or its own, when the help it needs is not the level's: "call your
    maternity unit now"); a change to "no" keeps no findings for the result's checks to test."""
    own = item.heading if isinstance(item, ResultWarning) else None
    heading = own or load().triage.levels[rule_level].watch_heading  # type: ignore[index]
    assert heading is not None  # the knowledge check requires it
    yes = item.change == "yes"
    return WatchFor(rule_level, heading, item.text, item.rule, tuple(item.findings) if yes else (),
                    tuple(item.parts.items()) if yes else (), (item.again if isinstance(item, ResultWarning) else None) or "")


def grouped(items: tuple[WatchFor, ...]) -> list[tuple[str, list[str]]]:
    """The lines under their headings, most urgent heading first (how every face shows them); at one level a line's
    own heading ("call your maternity unit now if") comes before the level's ("see a doctor today if")."""
    order: dict[str, list[str]] = {}
    headings: dict[str, str | None] = {lv: t.watch_heading for lv, t in load().triage.levels.items()}
    for item in sorted(items, key=lambda w: (("emergency", "urgent", "routine").index(w.level),
                                             w.heading == headings.get(w.level))):
        order.setdefault(item.heading, []).append(item.text)
    return list(order.items())


def cause_watch_for(cause: str, findings: Mapping[str, bool], level: str) -> tuple[WatchFor, ...]:
    """A cause's own "get help if" lines (causes.yaml) more urgent than the result and not already reported: on a
    self-care result for that cause they tell its harmless pattern from the one to act on (an aura that starts all
    at once, or is not like the usual one)."""
    kb = load()
    entry = kb.causes.get(cause)
    if entry is None:
        return ()
    levels = {r.id: r.level for r in kb.triage.rules}
    return tuple(_line(item, levels[item.rule]) for item in entry.watch_for
                 if more_urgent(levels[item.rule], level) and not _reported(item, findings))
