"""Why a result is calmer than an early call screen the person already read (walkthrough X, Priya: "The advice got
less urgent with no reason given").

During the step-by-step check an early screen can say "call your emergency number now" (`emergency_first`, the
call-now screen `now_first`); later answers can take that away (both hands, pressure on the arm, a slow start). The
result then says so once, near the top (ResultPlan.taken_back): what the screen did not know yet, and the smallest
set of the person's later answers whose taking away brings the call-now back, found by re-running the outcome on
the answers as they would stand without them (as `interview.prefixes` replays the answers).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations

from numbwise.assess.explain import statement
from numbwise.assess.interview import (HANDS, MAX_QUESTIONS, PLAIN, EarlyCall, Interview, act_first, call_advice,
                                       emergency_first, from_questions, outcome, prefixes, told_in_words)
from numbwise.kb import load

EXHAUSTIVE = 2  # sets of up to this many answers are all tried; past that a smallest-by-one set (greedy) is taken


@dataclass(frozen=True)
class TakenBack:
    """An early call screen the result no longer says: where it came (answers so far), its own call (None: the
    emergency number), and the later answers that took it away (finding, answer; the age as ("age", ...))."""

    at: int
    call: EarlyCall | None
    changed: tuple[tuple[str, bool], ...]
    age: int | None = None


def calls_now(iv: Interview) -> bool:
    """Does the result from these answers call now: an emergency level, or the call-now path for a sign or a start
    not sure of (result.now_banner, `caution_now`)?"""
    from numbwise.assess.result import may_call_now, now_banner

    result = outcome(iv)
    if result.triage == "emergency":
        return True
    return may_call_now(iv.answers, iv.unsure) and now_banner(result, iv.unsure) is not None


def early_screen(iv: Interview, limit: int = MAX_QUESTIONS) -> Interview | None:
    """The interview as it stood when the first early call screen came (every face shows it then: `emergency_first`,
    unless a first-aid step stood in its place, `act_first`), or None when none came."""
    for p in prefixes(iv)[1:]:  # after each answer but the last
        if calls_now(p) and emergency_first(p, limit) and act_first(p, limit) is None:  # (the quick test first)
            return p
    return None


def _partners(fid: str, value: bool) -> set[str]:
    """What one answer also settles: the other hand, what a yes implies (findings.yaml `implies`), the other of a
    pair of which one is always true (there all the time, or comes and goes)."""
    from numbwise.assess.interview import _answer_one_of

    out = {fid}
    if fid in HANDS:
        out |= set(HANDS)
    kb = load().findings
    if value and fid in kb:
        out |= set(kb[fid].implies)
    for group in _answer_one_of():
        if fid in group:
            out |= set(group)
    return out


def _without(iv: Interview, screen: Interview, units: tuple[tuple[str, bool], ...]) -> Interview:
    """The final answers with these later ones (and what they settled) as they stood at the screen."""
    answers = dict(iv.answers)
    asked = set(iv.asked)
    age = iv.age
    gone: set[str] = set()
    for fid, value in units:
        if fid == "age":
            age = screen.age
            continue
        for g in _partners(fid, value):
            gone.add(g)
            answers.pop(g, None)
            asked.discard(g)
            if g in screen.answers:
                answers[g] = screen.answers[g]
            if g in screen.asked:
                asked.add(g)
    # the later questions' answers go too, so a reading of the words counts as it did at the screen (`from_questions`)
    later = tuple((q, tuple((f, v) for f, v in updates if f not in gone), blank)
                  for q, updates, blank in iv.history[len(screen.history):])
    return replace(iv, answers=answers, asked=frozenset(asked), age=age, history=screen.history + later)


def taken_back(iv: Interview, limit: int = MAX_QUESTIONS) -> TakenBack | None:
    """The early call screen the final result takes back, with the later answers that did it; None when no screen
    came, or the result still calls now (a later 'not sure' never takes it away)."""
    if calls_now(iv):
        return None
    screen = early_screen(iv, limit)
    if screen is None:
        return None
    kb = load().findings
    units: list[tuple[str, bool]] = []
    asked_then = from_questions(screen)
    for _, updates, _ in iv.history[len(screen.history):]:
        for fid, value in updates:
            # a later answer, or a reading of the words a question confirmed only later (a start read from the words
            # never lowers an emergency until its question is answered: 1 path in 2000 had no reason)
            changed = screen.answers.get(fid) is not value or fid not in asked_then
            if not fid.startswith(PLAIN) and fid in kb and iv.answers.get(fid) is value and changed \
                    and (fid, value) not in units:
                units.append((fid, value))
    if iv.age is not None and iv.age != screen.age:
        units.append(("age", True))
    found = _smallest(iv, screen, tuple(sorted(units, key=lambda u: _first(iv, u))))
    return TakenBack(at=screen.count, call=call_advice(screen), changed=found,
                     age=iv.age if ("age", True) in found else None)


def _first(iv: Interview, unit: tuple[str, bool]) -> tuple[bool, int]:
    """Which later answers are tried first as the reason (a stable sort keeps the rest in the order given): a reading
    of the person's words that a question confirmed, what the screen was waiting for ("whether this is your usual
    migraine aura": walkthrough AC, Nadia), and among those one the result's topics name, first in its topic (her usual
    aura before her migraines and the spread over minutes, which alone are no reason for calm)."""
    fid, value = unit
    words = load().interview.taken_back
    place = next((t.findings.index(fid) for t in words.topics if fid in t.findings), 99) if words is not None else 99
    return told_in_words(iv).get(fid) is not value, place


def _smallest(iv: Interview, screen: Interview, units: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, bool], ...]:
    """The smallest set of later answers whose taking away brings the call-now back: every set of one or two, then
    from all of them, each left out in turn while the call-now still comes back; () when even all do not."""
    for size in range(1, EXHAUSTIVE + 1):
        for group in combinations(units, size):
            if calls_now(_without(iv, screen, group)):
                return group
    if not units or not calls_now(_without(iv, screen, units)):
        return ()
    kept = list(units)
    for unit in units:
        fewer = [u for u in kept if u != unit]
        if calls_now(_without(iv, screen, tuple(fewer))):
            kept = fewer
    return tuple(kept)


def taken_back_line(iv: Interview, limit: int = MAX_QUESTIONS) -> str:
    """The result's line for an early call screen it takes back (interview.yaml `taken_back`), or ""."""
    words = load().interview.taken_back
    back = taken_back(iv, limit) if words is not None else None
    if back is None or words is None:
        return ""
    topics: list[str] = []
    said: list[str] = []
    confirmed: list[str] = []  # what the words said from the start and a question confirmed later
    why: list[str] = []
    told = told_in_words(iv) if words.said_words else {}
    for fid, value in back.changed:
        if fid == "age":
            topic, line = words.age_topic, words.age.format(age=back.age)
        else:
            entry = next((t for t in words.topics if fid in t.findings), None)
            topic = entry.text if entry is not None else words.other_topic
            line = statement(fid, value, iv.answers)
            if entry is not None and entry.why_yes and value and entry.why_yes not in why:
                why.append(entry.why_yes)
        topics += [topic] if topic not in topics else []
        (confirmed if fid != "age" and told.get(fid) is value else said).append(line)
    what = _joined(topics) if topics else words.other_topic
    now = load().triage.unsure_lead.get("emergency")  # the call-now screen's own title is the emergency number's
    own = back.call is not None and (now is None or back.call.title != now.now_title)
    earlier = words.earlier_own.format(title=back.call.title) if own and back.call is not None else words.earlier
    before = words.before_words if confirmed and not said and words.before_words and words.other_topic not in topics \
        else words.before
    parts = [earlier, before.format(what=what)]
    if confirmed and words.said_words:
        parts += [words.said_words, *confirmed]
    if said:
        parts += [words.said, *said]
    parts += why
    parts.append(words.after)
    return " ".join(" ".join(parts).split())


def _joined(items: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


__all__ = ["TakenBack", "calls_now", "early_screen", "taken_back", "taken_back_line"]
