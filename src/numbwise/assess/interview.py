"""Which question to ask next and when to stop: fixed safety screens, then the most informative questions.

The interview is a pure state machine: `start`, `next_question`, `answer`, `undo`, `outcome`.
Faces (terminal, web, the benchmark's simulator) drive it with plain data.
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from numbwise.assess.case import Case
from numbwise.assess.engine import Assessment, assess_case, home_care_confirmed, home_care_unless_unsure, moot
from numbwise.assess.ranking import model, posterior, rank, shortlist
from numbwise.assess.triage import LEVELS, Triage, compile_cond, compiled_rules, fired_rules, settling_questions, triage
from numbwise.kb import load
from numbwise.kb.models import ActFirst, BeforeCallNow, Cond, EmergencyFirst, Rule, Sweep, UnsureAdvice

FINGERS = ("numb_thumb", "numb_index", "numb_middle", "numb_ring", "numb_little")
PALM = "numb_thenar_palm"  # a spot on the finger picker of both faces (RP, LP): the picker answers it, asked once
HANDS = ("one_hand", "both_hands")  # one answers the other: a yes to one is a no to the other
PICKER = FINGERS + ("numb_whole_hand", "one_hand", "both_hands", PALM)
OLD_PICKER = PICKER[:-1]  # the picker's findings before it answered the palm: a page from then still loads
Kind = Literal["screen", "fingers", "choice", "finding", "sweep", "text"]  # "text": what a description said

MAX_QUESTIONS = 20  # about 20 questions at most (the person can always stop sooner)
CONFIDENT = 0.85  # stop asking about causes once the leading cause is this likely
MIN_CAUSE_GAIN = 0.04  # bits: a cause question must be worth at least this much
NAMED_GAIN = 0.02  # bits, between two causes: a sign of a cause a reason names, asked before the interview stops
LEVEL_DOUBT = 0.04  # keep asking while the level could still change with this probability
MIN_LEVEL_GAIN = 0.01  # bits: a triage question must be worth at least this much
WORLDS = 240  # simulated complete answer sets used to judge how the level could still change


@dataclass(frozen=True)
class Question:
    """One step of the interview; `findings` are what an answer can set."""

    id: str
    kind: Kind
    text: str
    help: str
    why: str
    findings: tuple[str, ...]
    labels: tuple[str, ...] = ()
    any_first: bool = False  # faces may ask "any of these?" before "which?" (nothing pre-answered)
    if_unsure: UnsureAdvice | None = None
    # a choice: what each option (in `labels` order) answers; an empty one records what "Not sure" records
    picks: tuple[tuple[tuple[str, bool], ...], ...] = ()

    @property
    def also(self) -> tuple[str, ...]:
        """Findings a choice's option sets beyond its one-answer group (a "Not sure" leaves them to be asked)."""
        return tuple(dict.fromkeys(f for pick in self.picks for f, _ in pick if f not in self.findings))


def choice_answer(q: Question, index: int) -> dict[str, bool]:
    """What picking option `index` (0-based, in `labels` order) of a choice answers: one face-neutral definition."""
    if q.picks:
        return dict(q.picks[index])
    return {f: i == index for i, f in enumerate(q.findings)}


@dataclass(frozen=True)
class Interview:
    """Answers so far. `asked` also holds findings answered 'not sure', which are never asked again.

    A checklist item left blank is neither: it stays not known and may be asked again on its own when
    the engine needs it. Each history step is (question, the yes/no answers, the items left blank).
    """

    age: int | None = None
    sex: str | None = None
    answers: Mapping[str, bool] = field(default_factory=dict)
    asked: frozenset[str] = frozenset()
    shown: tuple[str, ...] = ()
    history: tuple[tuple[Question, tuple[tuple[str, bool], ...], tuple[str, ...]], ...] = ()
    words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # a description's words per finding (asked_back)
    to_ask: tuple[str, ...] = ()  # what a description said only in part ("I'm tired"): asked before the interview stops
    said_days: float | None = None  # how long a description said it has been there, in days (see days_so_far)
    said_foot: bool | None = None  # a sore on the foot, as a description said it (see foot_sore)

    @property
    def days_so_far(self) -> float | None:
        """How long it has been there, in days (Case.days_so_far): the how-long question's answer (interview.yaml
        `how_long`, kept in its step as plain data, so Back and a replay keep it or take it away), else the words'."""
        for _, updates, _ in reversed(self.history):
            for key, _ in updates:
                if key.startswith(LENGTH):
                    return float(key[len(LENGTH):])
        return self.said_days

    @property
    def foot_sore(self) -> bool | None:
        """A sore on the foot now (Case.foot_sore): the foot-sore question's answer (interview.yaml `foot_sore`, kept
        in its step as plain data, as how long is), else the words' (walkthrough T, Ben)."""
        for _, updates, _ in reversed(self.history):
            for key, _ in updates:
                if key.startswith(FOOT):
                    return key == FOOT_YES
        return self.said_foot

    @property
    def foot_unsure(self) -> bool:
        """The foot-sore question answered 'not sure' (its step holds no answer; Case.foot_unsure): the result says it
        back and asks the person to look today (walkthrough BN, Maya)."""
        q = foot_question()
        return q is not None and self.foot_sore is None and any(
            step[0].id == q.id and not any(k.startswith(FOOT) for k, _ in step[1]) for step in self.history)
    # the emergency signs of a description the person confirmed on the words' emergency screen ("Yes, that is right"):
    # they count as answers for `_guard`, so a reading kept beside them never silently lowers that emergency
    confirmed: frozenset[str] = frozenset()

    @property
    def count(self) -> int:
        """How many questions have been answered (a description is not a question)."""
        return sum(1 for step in self.history if step[0].kind != "text")

    @property
    def described(self) -> bool:
        """True when the check started from the person's own description."""
        return any(step[0].kind == "text" for step in self.history)

    @property
    def unsure(self) -> frozenset[str]:
        """Findings the person explicitly answered 'not sure' (asked, with no yes or no)."""
        return self.asked - set(self.answers)

    def case(self) -> Case:
        """The answers as a case (unanswered findings stay not known)."""
        return Case(findings=dict(self.answers), age=self.age, sex=self.sex, days_so_far=self.days_so_far,
                    foot_sore=self.foot_sore, foot_unsure=self.foot_unsure)


def start(age: int | None = None, sex: str | None = None) -> Interview:
    """A new interview for a person of this age and sex (either may be unknown)."""
    return Interview(age=age, sex=sex)


def answer(iv: Interview, question: Question, updates: Mapping[str, bool], blank: Collection[str] = ()) -> Interview:
    """Record an answer: `updates` holds yes or no, `blank` the items left unanswered (still not known), the rest 'not sure'.

    An explicit earlier answer is never overridden: a later question (the finger picker setting
    "one hand", say) only fills in what is still open. What only a description said is not an
    answer yet: the question that asks it back has the last word.
    """
    for fid, value in updates.items():
        if fid not in question.findings and fid not in question.also:
            raise ValueError(f"'{fid}' is not part of question '{question.id}'")
        if not isinstance(value, bool):
            raise ValueError(f"answer for '{fid}' must be true or false")
    lengths = tuple((f, v) for f, v in updates.items() if f.startswith(PLAIN))  # how long, a foot sore: plain data, never a finding
    updates, none_of, ask = _no_to_all_blank(question, {f: v for f, v in updates.items() if not f.startswith(PLAIN)}, blank,
                                             iv.answers)
    blank = tuple(f for f in question.findings if (f in set(blank) or f in none_of) and f not in updates)
    # asked back once already: a second blank counts as 'not sure', never a third asking (kept in the history as
    # left blank all the same, so the answers shown say "left blank", not a "not sure" the person never chose)
    still_open = () if _is_left_blank(question) else blank
    answers = dict(iv.answers)
    explicit = set(from_questions(iv))  # what the person answered to a question; a later question may correct the words
    if question.kind == "finding" and set(question.findings) <= {a.finding for a in load().interview.ask_alone}:
        explicit -= set(question.findings)  # a list's "no" asked again on its own (`_ask_alone`): this answer stands,
        for f in set(question.findings) - set(updates):  # and a 'not sure' to it is not known, never the list's "no"
            answers.pop(f, None)
    answers.update({f: v for f, v in updates.items() if f not in explicit and (f not in iv.answers or question.kind != "text")})
    implied = _implied(updates, answers) if question.kind != "text" else {}
    one_of, unsure_too = _one_of_answered(question, updates, iv)
    implied |= {f: v for f, v in one_of.items() if f not in implied}
    asked_now_too = unsure_too
    hands, asked_now = _hands(question, updates, explicit, set(question.findings) - set(still_open))
    implied |= hands
    answers.update(implied)
    shown = iv.shown + (question.id,) + (_steps_told(answers) if question.kind == "text" else ())
    return replace(
        iv,
        answers=answers,
        asked=iv.asked | asked_now | set(updates) | set(implied) | asked_now_too,
        shown=shown,
        history=iv.history + ((question, tuple(updates.items()) + lengths, blank),),
        to_ask=tuple(dict.fromkeys(iv.to_ask + ask)),
    )


def _one_of_answered(question: Question, updates: Mapping[str, bool], iv: Interview) -> tuple[dict[str, bool], set[str]]:
    """A single question about one of two items of which one is always true (interview.yaml `no_to_all_is_blank`:
    there all the time, or comes and goes), while the other is still open: a yes answers the other no, a no answers
    it yes, and a 'not sure' leaves the other not sure too, so the other is never asked after it (walkthrough O,
    Priya: "Is the numbness there all the time?" then "Does the numbness come and go?"). Returns the answers it
    implies and the items it makes not sure. Not the person's own answer: a later question has the last word."""
    if question.kind != "finding":
        return {}, set()
    fid = question.findings[0]
    for g in _answer_one_of():
        if fid in g and len(g) == 2:
            other = g[1] if g[0] == fid else g[0]
            if other in iv.answers or other in iv.asked or fid in iv.answers:
                return {}, set()
            # a no beside "it went away completely within an hour" is "it happened once and has gone", as on the list
            # (`no_to_all_once_with`): the other is a no too, never "it comes and goes" (walkthrough AI, Dev, once)
            if updates.get(fid) is False and any(iv.answers.get(c) is True for c in _once_with().get(g, ())):
                return {other: False}, set()
            return ({other: not updates[fid]}, set()) if fid in updates else ({}, {other})
    return {}, set()


def _no_to_all_blank(question: Question, updates: Mapping[str, bool], blank: Collection[str],
                     answers: Mapping[str, bool] | None = None) -> tuple[dict[str, bool], set[str], tuple[str, ...]]:
    """A list's no to every item of a group of which one is always true (there all the time, or comes and goes:
    interview.yaml `no_to_all_is_blank`) answers none of them (walkthrough N: Anne and Sara ticked neither, and the
    home-care carpal tunnel pattern rested on a "not there all the time" they never said). Those items are kept as
    left blank (not known, never 'not sure'; a replay of the history reads them the same), and the group's first
    item is asked on its own before the interview stops (`to_ask`: "Is the numbness there all the time?"), never in
    the list of blanks (whose words say "you left some of these blank"). The same when the whole group was left blank.
    Returns the answers kept, the items taken out and the questions to ask. A single question's answer (yes, no or not
    sure to one of them), and the list of blanks itself, are answers as given. So is a no to every item of a group
    beside a yes on the same list to an item that says it has gone (`no_to_all_once_with`: "It went away completely
    within an hour"): the answer "it happened only once and has gone" the list's help asks for (walkthrough Y, Zoe
    picked it, confirmed "No to all the others", was asked back, then told she was not sure). Only on the same list:
    words that said it eased ("eases within a few minutes of rest", walkthrough U, Marcus) beside "none of these"
    say nothing of how often it comes, so the group stays not known. An item a yes so far rules out (findings.yaml
    `implies` a no: "It went away completely within an hour", in words too) keeps its no, and the group's next item
    is asked: never "Is the numbness there all the time?" after it (walkthrough AZ, Elena), "Does it come and go?"."""
    if question.kind not in ("screen", "sweep") or _is_left_blank(question):
        return dict(updates), set(), ()
    groups = [g for g in _answer_one_of() if set(g) <= set(question.findings)]
    once = _once_with()
    kb = load().findings
    said = {**(answers or {}), **updates}
    ruled_out = {g for f, v in said.items() if v is True and f in kb for g, w in kb[f].implies.items() if w is False}
    none_of = {f for g in groups if all(updates.get(f) is False for f in g)
               and not any(updates.get(c) is True for c in once.get(g, ())) for f in g if f not in ruled_out}
    ask = tuple(next(f for f in g if f not in ruled_out) for g in groups if not set(g) <= ruled_out
                and all(f in none_of or f in ruled_out or (f in blank and f not in updates) for f in g))
    return {f: v for f, v in updates.items() if f not in none_of}, none_of, ask


def _hands(question: Question, updates: Mapping[str, bool], explicit: Collection[str],
           asked: set[str]) -> tuple[dict[str, bool], set[str]]:
    """One hand or both, answered by a question: the other is its opposite (a reading of the words included, as the
    question has the last word), so it is never asked as the opposite question; and what the question marks asked.

    The finger picker answered without a hand (not sure which fingers, or only the palm) leaves one hand or both
    not known rather than not sure (walkthrough N, Nadia: "you were not sure: both of your hands" when she only did
    not know which fingers): the plain hand question is asked next (_hand_question). That question answered not
    sure marks the other not sure too, so it is not asked as its opposite later.
    """
    if question.kind == "text":
        return {}, asked
    if question.kind == "fingers" and not any(f in updates for f in HANDS):
        return {}, asked - set(HANDS)
    out: dict[str, bool] = {}
    for fid, other in (HANDS, HANDS[::-1]):
        if fid in updates and other not in updates and other not in explicit:
            out[other] = not updates[fid]
        if question.kind == "finding" and question.findings == (fid,) and fid not in updates and other not in explicit:
            asked = asked | {other}
    return out, asked


def _hand_question(iv: Interview) -> Question | None:
    """The plain "only one hand?" question, right after a finger picker that did not say (not sure which fingers):
    knowing which fingers and knowing one hand or both are not the same, and the second is easy to say."""
    if any(f in iv.answers or f in iv.asked for f in HANDS):
        return None
    if not any(q.kind == "fingers" for q, _, _ in iv.history) or not _fits(HANDS[0], iv):
        return None
    return finding_question(HANDS[0])


def _implied(updates: Mapping[str, bool], answers: Mapping[str, bool]) -> dict[str, bool]:
    """What a yes already answers (findings.yaml `implies`), and a no to a part (`parts`), only where still open: it
    is not asked again.

    It is not an answer of the person's own (not in the history), so a later question about it has the last word.
    """
    kb = load().findings
    out: dict[str, bool] = {}
    for fid, value in updates.items():
        if value is True and fid in kb:
            out |= {g: v for g, v in kb[fid].implies.items() if g not in answers and g not in updates and g not in out}
    wholes = _wholes()
    out |= {g: False for f, v in updates.items() if v is False for g in wholes.get(f, ())
            if g not in answers and g not in updates}
    return out


@functools.cache
def _wholes() -> dict[str, tuple[str, ...]]:
    """Each part (findings.yaml `parts`) and the combined findings it is part of."""
    out: dict[str, tuple[str, ...]] = {}
    for fid, f in load().findings.items():
        for part in f.parts:
            out[part] = (*out.get(part, ()), fid)
    return out


TEXT_STEP = "describe"


def describe(iv: Interview, findings: Mapping[str, bool], words: Mapping[str, tuple[str, ...]] | None = None,
             unsure: Collection[str] = (), partial: Collection[str] = (), days_so_far: float | None = None,
             confirmed: Collection[str] = (), foot_sore: bool | None = None) -> Interview:
    """Start from what a person's own description said (numbwise.parse): those findings are not asked again.

    What the words said with a hedge (`unsure`: "maybe some sores", "not sure if my hands are cramping") enters as
    answered 'not sure', as if the person had typed ? (never a yes or a no: it can only keep a level up, and the
    result lists it with its caution); what they said only in part (`partial`: "I'm tired" of tired and pale) is
    not known and is asked before the interview stops, so it is not lost.

    Only what the words state is recorded; a screen then shows only the items still unknown. The
    caller passes the parser's partial case, which never holds a denied warning sign, so the
    emergency screen still asks every sign the words did not raise. `words` (the parser's chips: the
    words each finding came from) are kept to show when a reading is asked back (asked_back).

    `days_so_far` (the parser's: how long the words said it has been there) is kept only beside the reading it came
    with, "lasted six weeks" yes or no as the length says: a reading the person dropped or turned round takes its
    length with it (walkthrough Q).

    `confirmed`: the emergency signs the person confirmed on the words' emergency screen (`emergency_beside`). They
    weigh as answers to questions in `_guard`, so a reading kept beside them that would lower that emergency (a usual
    aura) is asked back first, never taken silently (walkthrough R, Nadia).

    `foot_sore` (the parser's: a sore, ulcer, blister, cut or wound said of the foot) is kept as plain data: the
    foot-sore question is then not asked (walkthrough T, Ben).
    """
    doubted = tuple(f for f in dict.fromkeys(unsure) if f not in findings and f in load().findings)
    kept = {f: tuple(w) for f, w in (words or {}).items() if (f in findings or f in doubted) and w}
    ask = tuple(f for f in dict.fromkeys(partial) if f not in findings and f not in doubted and f in load().findings)
    days = days_so_far if days_so_far is not None and findings.get(LASTED) is (days_so_far >= SIX_WEEKS_DAYS) else None
    signs = frozenset(f for f in confirmed if findings.get(f) is True)
    return answer(replace(iv, words=kept, to_ask=ask, said_days=days, confirmed=signs, said_foot=foot_sore),
                  text_question(tuple(findings) + doubted), dict(findings))


# The heading over `emergency_beside` in every face, right after the emergency signs were confirmed: "the warning signs
# you just confirmed", never "above" (the web shows this list on a page of its own: walkthrough AC, Nadia).
# Over a description's readings that need a question (`partial`): not "we will ask", since a result that calls now ends
# the check before such a question (walkthrough AF and AG, Frank: "We will ask about this ... went away within an hour",
# never asked). One wording for every face.
PARTIAL_HEADING = "Not counted yet"
PARTIAL_NOTE = "(your words said only part of it; we ask about it if it can change the advice):"
ALSO_UNDERSTOOD = "We also understood from what you wrote (the warning signs you just confirmed stay as you said):"


def emergency_beside(findings: Mapping[str, bool], signs: Mapping[str, bool]) -> tuple[str, ...]:
    """The readings of the words beyond the emergency signs a person just confirmed ("Yes, that is right"), in order:
    every face shows them back for a check the way it shows any reading (keep, drop, turn round), so confirming an
    emergency neither drops them unseen (walkthrough R: Anne's warfarin, Luis's "two hours ago", Nadia's usual aura
    asked again) nor keeps them unseen. The signs themselves were checked on the emergency screen."""
    return tuple(f for f in findings if f not in signs)


def after_emergency(findings: Mapping[str, bool], signs: Mapping[str, bool], kept: Collection[str],
                    flipped: Collection[str] = ()) -> dict[str, bool]:
    """What the words answer once the person has checked `emergency_beside`: the confirmed signs as read, each other
    reading as kept (ticked), set aside (unticked: asked instead) or turned round (a warning sign never to "no")."""
    from numbwise.parse import corrected

    rest = {f: v for f, v in findings.items() if f not in signs}
    return {**{f: v for f, v in findings.items() if f in signs}, **corrected(rest, kept, flipped)}


LASTED = "lasting_over_6_weeks"  # the reading a length of time said in words sets (numbwise.parse)
SIX_WEEKS_DAYS = 42  # ... yes from this many days on (the finding's own "more than six weeks")
LENGTH = "days_so_far="  # a how-long answer in its step ("days_so_far=7": True): plain data, never a finding
FOOT = "foot_sore="  # a foot-sore answer in its step ("foot_sore=yes": True): plain data, never a finding
FOOT_YES, FOOT_NO = f"{FOOT}yes", f"{FOOT}no"
PLAIN = (LENGTH, FOOT)  # the keys of a step that are plain data beside the findings


@functools.cache
def length_question(short: bool = False) -> Question | None:
    """The how-long question (interview.yaml `how_long`) as a choice every face shows as it shows any: each option
    records its days in its step (`LENGTH`) and answers the six-weeks question (yes from SIX_WEEKS_DAYS on). `short`:
    after a no to "more than six weeks?", only the shorter options, so no pick can silently turn that no round
    (walkthrough AT, Maria: "no" to six weeks, then "More than six weeks" when asked how long)."""
    h = load().interview.how_long
    if h is None:
        return None
    options = [o for o in h.options if not short or o.days < SIX_WEEKS_DAYS]
    picks = tuple(((LASTED, o.days >= SIX_WEEKS_DAYS), (f"{LENGTH}{o.days:g}", True)) for o in options)
    return Question(h.id, "choice", h.text, h.help, h.why, (LASTED,), tuple(o.label for o in options), picks=picks)


@functools.cache
def foot_question() -> Question | None:
    """The foot-sore question (interview.yaml `foot_sore`) as a yes / no choice every face shows as it shows any:
    each option records its answer in its step (`FOOT`); it asks about no finding (the vocabulary has none)."""
    f = load().interview.foot_sore
    if f is None:
        return None
    return Question(f.id, "choice", f.text, f.help, f.why, (), (f.yes_label, f.no_label),
                    picks=(((FOOT_YES, True),), ((FOOT_NO, True),)))


def _foot_question(iv: Interview) -> Question | None:
    """A sore on the foot, asked once before a result below an emergency to a person with diabetes (or diabetic
    neuropathy ranked first) and numb feet, when nothing said it yet (walkthrough T, Ben: a sore on his sole he never
    felt, and no way to say so; a yes leads his result with a foot check today)."""
    q = foot_question()
    if q is None or q.id in iv.shown or iv.foot_sore is not None or iv.answers.get("numb_feet") is not True:
        return None
    from numbwise.assess.result import foot_at_risk

    result = outcome(iv)
    return q if result.triage != "emergency" and foot_at_risk(iv.answers, result.causes) else None


def _length_question(iv: Interview, last: bool = False) -> Question | None:
    """How long it has been there, asked once before a result that would say call now for a start or a stroke sign
    not sure of only because nothing says the numbness is old (result.length_decides; walkthrough R, Tariq: step by
    step "call now", from his words "for 3 weeks" a GP within a few days); never when the words or an answer said.
    `last` (the interview has nothing else to ask): also whenever an answer would change the headline of a start not
    known (`_length_changes_path`; walkthrough AD, Rosa), so both routes ask it and end on one headline."""
    q = length_question(iv.answers.get(LASTED) is False)
    if q is None or q.id in iv.shown or iv.days_so_far is not None:
        return None
    if iv.answers.get("lasting_over_6_weeks") is True:  # "for the past year": only "more than six weeks" could agree,
        return None  # and another option would silently replace it (walkthrough AO, Rosa)
    from numbwise.assess.result import length_decides, may_call_now

    if may_call_now(iv.answers, iv.unsure) and length_decides(outcome(iv), iv.unsure):
        return q
    return q if last and _length_changes_path(iv, q) else None


def _length_changes_path(iv: Interview, q: Question) -> bool:
    """Whether some answer to how long would give the result another headline while how the numbness started is not
    known: the start-not-known lines (unsure_lead `onset_*`: "if it started suddenly, call now, even if it has gone"),
    the old-numbness paths (`onset_long`, "within a few days") or call now (walkthrough AD, Rosa: her cold attacks came
    and went, so no call-now path hinged on it and her own words were never asked how long; step by step she was, and
    read another headline). An answer only picks among those paths, each safe for what it knows; not sure keeps the
    cautious one. Asked last, before the result (`next_question`)."""
    if "onset_sudden" not in iv.unsure:
        return False
    from numbwise.assess.result import banner_path, result_plan

    now = outcome(iv)
    if now.triage == "emergency":
        return False
    shown = banner_path(result_plan(now, iv.unsure))
    for i in range(len(q.labels)):
        after = answer(iv, q, choice_answer(q, i))
        if banner_path(result_plan(outcome(after), after.unsure)) != shown:
            return True
    return False


ASKED_BACK = "You wrote {words}. This answer decides whether this could be an emergency, so please check it:"
ASKED_BACK_UNQUOTED = "We read this from your own words. It decides whether this could be an emergency, so please check it:"
# A "no" reading asked back says what was understood, so the question's own yes ("more than six weeks?") is not
# taken for what we read.
ASKED_BACK_NO = "You wrote {words}, so we understood that {said} This decides whether this could be an emergency, so please check it:"
ASKED_BACK_NO_UNQUOTED = "From your own words we understood that {said} This decides whether this could be an emergency, so please check it:"


# Above the one list that asks back the readings that decide an emergency: the answer that made them matter, in the
# person's own terms, so the list does not read as her kept words asked twice for no reason (walkthrough R, Hana).
ASKED_BACK_LIST = ("You answered that {said}. That can be an emergency, unless something you wrote explains it. So "
                   "these readings of your words now decide our advice, and we ask about them this one time:")


def asked_back(iv: Interview, q: Question) -> str | None:
    """The line above a question that asks back what only the person's words said, quoting those words, so it does not
    read as the same question asked twice ("You wrote "for ages". This answer decides ..."); None for any other.

    Only a reading from the words is ever asked again as a single question (_confirm_from_text, the home plan's
    escalation never: a finding the words gave counts as asked), so a finding question about one is an asking back.
    """
    s = load().interview.confirm_emergency
    if s is not None and q.id == s.id:
        return _asked_back_list(iv)
    if q.kind not in ("finding", "choice"):
        return None
    if q.kind == "finding" and q.findings[0] in _listed_alone(iv):  # a list's "no" asked once on its own: say why, never a bare repeat
        return ASKED_ALONE
    if q.kind == "choice":
        return _choice_said(iv, q)
    told = {f: v for step in iv.history if step[0].kind == "text" for f, v in step[1]}
    fid = q.findings[0]
    if fid not in told:
        return None
    said = iv.words.get(fid, ())
    quoted = " and ".join(f'"{w}"' for w in said)
    read = load().findings[fid].said_no if told[fid] is False else None
    if read:
        read = read[:1].lower() + read[1:]
        return ASKED_BACK_NO.format(words=quoted, said=read) if said else ASKED_BACK_NO_UNQUOTED.format(said=read)
    return ASKED_BACK.format(words=quoted) if said else ASKED_BACK_UNQUOTED


# Above a choice one of whose options the words already said in part (walkthrough T, Nadia wrote "spread slowly over 20
# minutes" and was asked "How did the numbness start?" as if she had not): what she wrote, and which option it fits.
CHOICE_SAID = "You wrote {words}. If that is how it began, pick \"{label}\"."


def _choice_said(iv: Interview, q: Question) -> str | None:
    """The line above a choice when the person's words said an option's extra finding (a spread over minutes) but not
    the choice itself: quote them and name that option, so the question does not read as asked twice."""
    told = {f: v for step in iv.history if step[0].kind == "text" for f, v in step[1]}
    for i, label in enumerate(q.labels):
        extra = [f for f, v in choice_answer(q, i).items() if v and f not in q.findings]
        said = [f for f in extra if told.get(f) is True and iv.words.get(f)]
        if said:
            spans = iv.words[said[0]]
            quoted = " and ".join(f'"{w}"' for w in spans if not any(w != o and w in o for o in spans))
            return CHOICE_SAID.format(words=quoted, label=label.rstrip("."))
    return None


def _asked_back_list(iv: Interview) -> str | None:
    """The line above the asking-back list: which answers to questions set the emergency its readings could undo."""
    guard = _guard(iv, triage(iv.answers, iv.age).level)
    if guard is None:
        return None
    answered = from_questions(iv)
    by_id = {c.rule.id: c.rule for c in compiled_rules()}
    findings = load().findings
    picked = _picked_options(iv)
    said = [picked.get(f) or findings[f].said_yes.rstrip(".") for f in dict.fromkeys(
        leaf.present for rid in guard.rules for leaf in by_id[rid].when.leaves() if leaf.present)
        if f is not None and answered.get(f) is True and f in findings]
    said = list(dict.fromkeys(said))  # one option that set two findings is said once
    if not said:
        return None
    joined = " and ".join(t[:1].lower() + t[1:] for t in said)
    return ASKED_BACK_LIST.format(said=joined)


def _picked_options(iv: Interview) -> dict[str, str]:
    """For each finding a choice question set yes, the option the person picked, in its own words (walkthrough S,
    Nadia picked "It crept or spread ... over several minutes" and read "You answered that it started suddenly")."""
    out: dict[str, str] = {}
    for q, updates, _ in iv.history:
        if q.kind != "choice":
            continue
        given = dict(updates)
        for i, label in enumerate(q.labels):
            yes = [f for f, v in given.items() if v is True]
            if choice_answer(q, i) == given and len(yes) > 1:  # an option that says more than its one finding
                out |= {f: label.rstrip(".") for f in yes}
                break
    return out


def text_question(findings: tuple[str, ...]) -> Question:
    """The pseudo-question that records a description's findings (kept in the history like an answer)."""
    return Question(TEXT_STEP, "text", "Described in your own words", "", "", tuple(findings),
                    tuple(checklist_label(f) for f in findings))


def _steps_told(answers: Mapping[str, bool]) -> tuple[str, ...]:
    """Choice and finger steps a description already answered: how it started, which fingers on which hands."""
    told = []
    for q in _step_questions():
        if q.kind == "choice" and any(answers.get(f) is True for f in q.findings):
            told.append(q.id)
        if q.kind == "fingers" and any(answers.get(f) is True for f in FINGERS + ("numb_whole_hand",)) and (
                "one_hand" in answers or "both_hands" in answers):
            told.append(q.id)
    return tuple(told)


def undo(iv: Interview) -> Interview:
    """Go back one question (replaying the earlier answers)."""
    out = replace(start(iv.age, iv.sex), words=iv.words, to_ask=iv.to_ask, said_days=iv.said_days,
                  confirmed=iv.confirmed)
    for question, updates, blank in iv.history[:-1]:
        out = answer(out, question, dict(updates), blank)
    return out


def outcome(iv: Interview) -> Assessment:
    """The assessment from the answers so far, the readings the person kept on the "we understood" list included.

    A kept reading is stated (walkthrough J), so it weighs as the same answer on the form would; `_guard` and
    `home_care_confirmed` only hold back what was never stated, which the faces never pass to `describe`.
    """
    result = assess_case(iv.case())
    level = _guard(iv, result.triage)
    if level is None:  # words alone never complete a self-care pattern, nor does one beside a 'not sure' warning sign
        return home_care_unless_unsure(home_care_confirmed(result, _answered(iv)), iv.unsure)
    from numbwise.assess.explain import reason_lines

    reasons = reason_lines(iv.case().findings, level, list(result.causes))
    return replace(result, triage=level.level, red_flags=level.red_flags, rules=level.rules, reasons=tuple(reasons))


def from_questions(iv: Interview) -> dict[str, bool]:
    """What the questions answered, leaving out the description (a later question may still correct a reading)."""
    out: dict[str, bool] = {}
    for q, updates, _ in iv.history:
        if q.kind != "text":
            out.update({f: v for f, v in updates if not f.startswith(PLAIN)})
    return out


def _answered(iv: Interview) -> dict[str, bool]:
    """What the person stated: their answers to questions and the readings of their words they kept on the "we
    understood" list (both faces show every reading there, so keeping one is stating it: it is never asked again).
    A later question that happens to ask one (the finger picker) has the last word."""
    out: dict[str, bool] = {}
    for q, updates, _ in iv.history:
        out.update({f: v for f, v in updates if not f.startswith(PLAIN)})
    return out


def _guard(iv: Interview, level_now: str) -> Triage | None:
    """The emergency the questions alone set, when a reading of the words would lower it; None otherwise.

    A kept reading is an answer (never asked again) except here: a misread word must not silently undo a call-now
    level, so the one reading that would is asked back first (`_confirm_from_text`: "You wrote ... please check it")."""
    if not any(step[0].kind == "text" for step in iv.history):
        return None
    level = triage({**{f: True for f in iv.confirmed if _told(iv).get(f) is True}, **from_questions(iv)}, iv.age)
    specific = any(not r.generic for r in load().triage.rules if r.id in level.rules)
    if specific and level.level == "emergency" and LEVELS.index(level.level) < LEVELS.index(level_now):
        return level
    return None


def _told(iv: Interview) -> dict[str, bool]:
    """What the description said (every reading the person kept), before any question."""
    return {f: v for q, updates, _ in iv.history if q.kind == "text" for f, v in updates}


told_in_words = _told  # the same, for the result's taken-back line (assess/takeback.py)


def _confirm_from_text(iv: Interview, level_now: str) -> list[str]:
    """The findings only the description said that explain away a level the questions set: ask them back, all at once.

    Every reading that could take part in lowering it goes in the one list, those of the emergency the answers would
    set once the first ones are confirmed included (Hana's "both hands" turns a one-sided sudden start into a
    both-hands one, which her fast breathing and tingling lips explain): walkthrough R, two lists in a row read as
    her kept words asked twice. Once that list was shown nothing is asked back again (a reading still open then
    keeps the level up: `outcome` follows `_guard`)."""
    s = load().interview.confirm_emergency
    if s is not None and any(q.id == s.id for q, _, _ in iv.history):
        return []
    guard = _guard(iv, level_now)
    if guard is None:
        return []
    by_id = {c.rule.id: c.rule for c in compiled_rules()}
    asked = _asked_by_questions(iv)  # a 'not sure' to the question asking it back is an answer too: asked once
    # only what the words said in the lowering direction is asked back: a face the words called numb keeps the
    # level up, and asking it again ("is your face numb?" once the spell is over) could only lose it
    told = [(f, v) for f, v in _told(iv).items() if f not in iv.confirmed]  # a sign confirmed is not asked twice
    values = from_questions(iv)
    specific = {r.id for r in load().triage.rules if not r.generic}
    out: list[str] = []
    level: Triage | None = guard
    while level is not None:
        undoers: set[tuple[str, bool]] = set()  # (finding, the answer that would lower the rule)
        for rid in level.rules:
            unless = by_id[rid].unless
            if unless is not None:
                undoers |= _lowering(unless)
            undoers |= {(f, True) for f in _negatives(by_id[rid].when)}  # 'not_present: onset_gradual' lowers it
        more = [f for f, v in told if (f, v) in undoers and f not in asked and f not in out]
        if not more:
            break
        out += list(dict.fromkeys(more))
        values |= {f: v for f, v in told if f in more}  # as if confirmed: what would the answers set then?
        after = triage(values, iv.age)
        level = after if after.level == "emergency" and LEVELS.index(after.level) < LEVELS.index(level_now) \
            and specific & set(after.rules) else None
    return out


def _lowering(unless: Cond) -> set[tuple[str, bool]]:
    """The answers that help an exception hold: a finding it needs present (yes) or absent (no)."""
    out: set[tuple[str, bool]] = set()
    for leaf in unless.leaves():
        if leaf.present is not None:
            out.add((leaf.present, True))
        for f in (leaf.absent, leaf.not_present):
            if f is not None:
                out.add((f, False))
    return out


def _negatives(cond: Cond) -> set[str]:
    """The findings a condition needs absent (`absent`, `not_present`): saying them lowers the rule."""
    out = {f for f in (cond.absent, cond.not_present) if f is not None}
    for child in (cond.all or []) + (cond.any or []):
        out |= _negatives(child)
    return out


def _asked_by_questions(iv: Interview) -> set[str]:
    """Findings a question asked (yes, no or not sure), leaving out what only a description said and blank items."""
    return {f for q, updates, blank in iv.history if q.kind != "text" for f in (*q.findings, *dict(updates))
            if (f not in blank or _is_left_blank(q)) and not f.startswith(PLAIN)}  # a blank on the asking-back list counts as 'not sure'



def _support(cond: Cond, values: Mapping[str, bool], age: int | None) -> list[str] | None:
    """The findings whose values make a lowering condition (a self-care pattern) true, or None when it is not.

    Every true option of an `any` counts, so each part the words gave is asked back, not only one.
    """
    if cond.present is not None:
        return [cond.present] if values.get(cond.present) is True else None
    if cond.absent is not None:
        return [cond.absent] if values.get(cond.absent) is False else None
    if cond.not_present is not None:
        return [] if values.get(cond.not_present) is not True else None
    if cond.unknown is not None:
        return [] if cond.unknown not in values else None
    if cond.age_at_least is not None:
        return [] if age is not None and age >= cond.age_at_least else None
    if cond.age_below is not None:
        return [] if age is not None and age < cond.age_below else None
    if cond.all is not None:
        out: list[str] = []
        for child in cond.all:
            got = _support(child, values, age)
            if got is None:
                return None
            out += got
        return out
    options = [got for child in cond.any or [] if (got := _support(child, values, age)) is not None]
    return [f for got in options for f in got] if options else None


def _unconfirmed_self_care(iv: Interview) -> list[str]:
    """The parts of the self-care patterns that fire only because the description said them: ask them back.

    Empty when a pattern already holds on the answers to questions, or when none can any more (a part
    asked back was answered "not sure": outcome then gives routine, never self-care).
    """
    result = triage(iv.answers, iv.age)
    if result.level != "self_care" or assess_case(iv.case()).triage != "self_care":
        return []  # no self-care to confirm (the ranking may already have set it aside)
    answered = _answered(iv)
    asked = _asked_by_questions(iv)
    usable = {f: v for f, v in iv.answers.items() if f in answered or f not in asked}
    pending: list[str] = []
    for c in compiled_rules():
        if c.rule.id not in result.rules or c.rule.level != "self_care":
            continue
        parts = _support(c.rule.when, usable, iv.age)
        if parts is None:
            continue
        todo = [f for f in dict.fromkeys(parts) if f not in answered]
        if not todo:
            return []
        pending += todo
    return list(dict.fromkeys(pending))


def _confirm_question(iv: Interview, parts: list[str]) -> Question:
    """One checklist of the home-care parts only the words gave (or one question when there is no such step).

    A part the words said is not so ("for 3 weeks": not more than six weeks) is asked back first, on its own, under
    what was understood (asked_back): a checklist asks "is each of these true?", which would state the opposite.
    """
    told = {f: v for q, updates, _ in iv.history if q.kind == "text" for f, v in updates}
    s = load().interview.confirm_home_care
    no = [f for f in parts if told.get(f) is False]
    if s is None or no:
        return finding_question((no or parts)[0])
    return sweep_question(s, parts)


def checklist_label(fid: str, answers: Mapping[str, bool] | None = None) -> str:
    """A finding as a checklist item in findings.yaml's words to the person, never the vocabulary's clinical definition;
    worded for the answers so far (`checklist_with`, the first whose finding is yes) so a list never asks again what
    the person said (walkthrough U: a cold sweat beside signs of low blood sugar)."""
    f = load().findings[fid]
    beside = next((t for g, t in f.checklist_with.items() if (answers or {}).get(g) is True), None)
    return " ".join(beside.split()) if beside is not None else f.checklist or f.said_yes.rstrip(".")


def sweep_question(s: Sweep, items: Collection[str]) -> Question:
    """A checklist of these findings under one of interview.yaml's sweep texts, each in the person's words."""
    return Question(s.id, "sweep", s.text, s.help, s.why, tuple(items), tuple(checklist_label(f) for f in items))


def unsure_checks(advice: UnsureAdvice, screen: Collection[str], unsure: Collection[str],
                  answers: Mapping[str, bool] | None = None) -> tuple[tuple[str, ...], bool]:
    """How to check the signs a person was not sure of, and whether the screen's "call now" fits them.

    Each sign's own check first (a temperature, the bladder); the stroke checks only when a stroke sign is among
    them. The call-now line fits the screen's own signs and the stroke signs; a sign from elsewhere (a fever during
    chemotherapy) says in its own check whom to call, and so does a check worded for the other answers
    (`how_to_check_with`: a cold sweat beside signs of low blood sugar, sugar first).
    """
    own = [f for f in unsure if not check_with(f, answers or {})]
    stroke = not advice.for_findings or any(f in advice.for_findings for f in unsure)
    return own_checks(unsure, answers) + (tuple(advice.check) if stroke else ()), stroke or any(f in screen for f in own)


def check_with(fid: str, answers: Mapping[str, bool]) -> str:
    """A sign's check worded for the other answers (findings.yaml `how_to_check_with`, the first whose finding is yes),
    or "": it says itself when to call (walkthrough S, Priya: a cold sweat beside low blood sugar, sugar first)."""
    entry = load().findings.get(fid)
    text = next((t for g, t in entry.how_to_check_with.items() if answers.get(g) is True), "") if entry else ""
    return " ".join(text.split())


def check_text(fid: str, answers: Mapping[str, bool] | None = None) -> str:
    """A sign's own how-to-check text (findings.yaml `how_to_check`), with its sentence for a situation the person
    said yes to (`how_to_check_if`, the first listed that is: attacks in the cold), never one for a situation they did
    not say (walkthrough Y, Helen), or "" when it has none."""
    entry = load().findings.get(fid)
    if entry is None or not entry.how_to_check:
        return ""
    extra = next((t for g, t in entry.how_to_check_if.items() if (answers or {}).get(g) is True), "")
    return " ".join(f"{entry.how_to_check} {extra}".split())


def own_checks(unsure: Collection[str], answers: Mapping[str, bool] | None = None) -> tuple[str, ...]:
    """Each sign's own how-to-check text (findings.yaml `how_to_check`: take a temperature), in the order given,
    worded for the other answers where it has such words (`check_with`, `check_text`)."""
    return tuple(t for t in (check_with(f, answers or {}) or check_text(f, answers) for f in unsure) if t)


def unsure_advice(q: Question, updates: Mapping[str, bool], answers: Mapping[str, bool] | None = None) -> UnsureAdvice | None:
    """The screen's advice when any of its signs was answered 'not sure' (left out of `updates`), else None:
    checks for exactly those signs (see `unsure_checks`). Beside signs of low blood sugar (`answers`), a confusion
    not sure of is checked in the low-sugar rule's own words, not with the stroke checks (walkthrough Q). Its `act`
    is "" when every check says itself when to call."""
    if q.if_unsure is None or all(f in updates for f in q.findings):
        return None
    unsure = [f for f in q.findings if f not in updates]
    sugar = _sugar_check(unsure, answers or {})
    rest = [f for f in unsure if not (sugar and f == CONFUSED)]
    checks, call = unsure_checks(q.if_unsure, q.findings, rest, answers) if rest else ((), False)
    # a sign with no check of its own that the stroke checks are not for is asked again in its own question, never
    # left to the stroke checks alone (walkthrough Y, Sam: face, arm and speech checks for trouble breathing)
    kb = load().findings
    questions = tuple(" ".join(kb[f].question.split()) for f in rest if f in kb and f not in q.if_unsure.for_findings
                      and not own_checks([f], answers))
    checks = (*sugar, *questions, *checks)
    # checks that each say when to call (sugar first, then call if not better) get no "call now, do not wait" after
    # them (walkthrough U, Priya: a sweat not sure of beside low blood sugar)
    act = q.if_unsure.act if call or not checks else ""
    # the stroke checks test only now, as the result says beside them (walkthrough AC, Frank: his slurred speech had
    # gone, and the step's box let him pass the checks with no word of that)
    shown = list(checks or q.if_unsure.check)
    if act and q.if_unsure.now_only and set(q.if_unsure.check) <= set(shown):
        act = f"{' '.join(q.if_unsure.now_only.split())} {act}"
    return q.if_unsure.model_copy(update={"check": shown, "act": act})


def _sugar_check(unsure: Collection[str], answers: Mapping[str, bool]) -> tuple[str, ...]:
    """The low-sugar rule's own check for a confusion not sure of beside signs of low blood sugar (its first aid
    first), or nothing: there a muddled head is most likely the sugar, and treating it comes before stroke checks."""
    first = load().interview.sugar_first
    if first is None or CONFUSED not in unsure or answers.get(SUGAR) is not True:
        return ()
    act = next(r.act for r in load().triage.rules if r.id == first.rule)
    assert act is not None
    beside = triage(answers).level == "emergency" and not set(triage(answers).rules) <= {first.rule}
    return tuple(" ".join(t.split()) for t in (sugar_call_line(answers, beside), act.unsure_check) if t)


def words_check_now(unsure: Collection[str], findings: Mapping[str, bool] | None = None) -> UnsureAdvice | None:
    """The emergency screen's "check now" advice for the warning signs a person's own words left not sure ("i think my
    speech was a bit funny but im not sure"), shown by every face with what was understood, as the step-by-step check
    shows it right after that screen; None when the words doubted none of its signs. `findings`: what the words
    said (signs of low blood sugar change how a doubted confusion is checked)."""
    doubted = set(unsure)
    for q in _step_questions():
        if q.kind == "screen" and q.if_unsure is not None and doubted & set(q.findings):
            return unsure_advice(q, {f: False for f in q.findings if f not in doubted}, findings)
    return None


def settled_emergency(iv: Interview, limit: int = MAX_QUESTIONS) -> bool:
    """Do the answers make an emergency that no further question can change (the result follows at once)?"""
    return outcome(iv).triage == "emergency" and next_question(iv, limit=limit) is None


def emergency_first(iv: Interview, limit: int = MAX_QUESTIONS) -> bool:
    """Did the last answer, a yes to a warning sign on a list or the person's words confirmed, just make an
    emergency that a few questions could still explain? Or did it just make a result that would say "call your
    emergency number now" for a stroke sign or a start not sure of (`now_first`)? Every face then shows the call
    advice (interview.yaml `emergency_first`, or the result's own words: `call_advice`) before any other question,
    About you too, with a choice to answer those questions.

    A settled emergency needs no such choice (its result follows at once); a single question (how it started)
    that makes one is itself one of the few questions, asked while the advice is on screen (`still`).
    """
    if not iv.history:
        return False
    if iv.history[-1][0].kind in ("screen", "sweep", "text") and outcome(iv).triage == "emergency":
        if _only_before_call(iv):
            return False
        return (next_question(iv, limit=limit) is not None or about_due(iv)) and outcome(undo(iv)).triage != "emergency"
    return now_first(iv, limit)


def _only_before_call(iv: Interview) -> bool:
    """Is the one `before_call_now` question all an otherwise settled emergency still asks? It is then asked at once,
    under the call line (`still_line`), in place of the emergency-first screen, whose "see what to do now" would
    skip it (walkthrough Z, Priya: a cold sweat, then "can be a heart attack" with no word of sugar)."""
    result = triage(iv.answers, iv.age)
    return _before_call_now(iv, result.rules) is not None and not _unsettled(result.rules, iv)


def _calls_now(iv: Interview) -> bool:
    """Would the result from these answers lead with "call your emergency number now" for a sign not sure of
    (result.now_banner, the result's own test)? The quick test on the answers alone comes first."""
    from numbwise.assess.result import may_call_now, now_banner

    return may_call_now(iv.answers, iv.unsure) and now_banner(outcome(iv), iv.unsure) is not None


def prefixes(iv: Interview) -> list[Interview]:
    """The interview as it stood before each of its answers (the first with no answer at all), oldest first."""
    out = [replace(start(iv.age, iv.sex), words=iv.words, to_ask=iv.to_ask, said_days=iv.said_days,
                   confirmed=iv.confirmed)]
    for question, updates, blank in iv.history[:-1]:
        out.append(answer(out[-1], question, dict(updates), blank))
    return out


def now_first(iv: Interview, limit: int = MAX_QUESTIONS) -> bool:
    """Did the last answer (or the person's words) just make a result that would say call now for a stroke sign or a
    start not sure of, in one hand, not known to be old (the result's call-now path, `_calls_now`), with questions
    still to ask? Every face then shows that advice at once, in the result's own words (walkthrough S, Sam: it came
    after 9 more screens). Once only: never when any earlier step of these answers made it already or made an
    emergency (its call advice was shown then: Nadia's aura, walkthrough R), and never when nothing is left to ask
    (the result follows at once)."""
    if not iv.history or not _now_due(iv) or next_question(iv, limit=limit) is None:
        return False
    return not any(_now_due(p) or outcome(p).triage == "emergency" for p in prefixes(iv))


def _now_due(iv: Interview) -> bool:
    """Call now, and nothing still to ask could take that away: how long it has been there is asked first when it
    decides (walkthrough S: Tariq, step by step, read "call now" and then, after "more than a week", a GP within a few
    days; the screen waits for that one answer), and so are the hands and signs of low blood sugar (`_now_waits`)."""
    return _calls_now(iv) and _length_question(iv) is None and not _now_waits(iv)


DIABETES = ("diabetes", "insulin_or_sulfonylurea")
NOW_WAIT = 2  # the call-now screen waits for at most this many questions (a stroke must not wait long)


def _now_waits(iv: Interview) -> bool:
    """Is the question asked next one whose answer could take the call-now path away, so the screen waits for it
    (walkthrough X, Priya: "call now" after "not sure" and "Less than a day", then both hands and signs of low blood
    sugar gave a gentler result, with no reason given; walkthrough Z, Zoe: the screen came before "It started after
    ... sleeping on your arm", and "see what to do now" said call now where the questions said home care)? Any
    question some yes or no to which makes `_calls_now` false with no emergency in its place (`_takes_away`: both
    hands, pressure on the arm, a slow start, a usual migraine aura, breathing fast in a panic); with diabetes or
    insulin, signs of low blood sugar first (`_sugar_call_now`). It waits for `NOW_WAIT` questions at most
    (`_waited`), and while it waits the list that could take it away comes first (`_now_step`); meanwhile the call
    line stays above each question (`still_line`)."""
    if _sugar_call_now(iv) is None:
        q = next_question(iv)
        if q is None or not _takes_away(iv, q):
            return False
    return _waited(iv) < NOW_WAIT


def _answers_to(q: Question) -> list[dict[str, bool]]:
    """The answers to a question that could take a call-now away, each on its own: every option of a choice (not
    "not sure"), both whole hands at the finger picker, a yes or a no to a single question, and each item of a list
    ticked alone (the rest no)."""
    if q.kind == "choice":
        return [choice_answer(q, i) for i in range(len(q.labels)) if choice_answer(q, i)]
    if q.kind == "fingers":
        return [fingers_answer({0}, {0})]
    if q.kind == "finding":
        return [{q.findings[0]: True}, {q.findings[0]: False}]
    if q.kind in ("screen", "sweep"):
        return [{g: g == f for g in q.findings} for f in q.findings]
    return []


def _takes_away(iv: Interview, q: Question) -> bool:
    """Would some answer to `q` make the result no longer call now for a sign or a start not sure of, and not make it
    an emergency instead (that has its own screen)?"""
    for updates in _answers_to(q):
        after = answer(iv, q, updates)
        if not _calls_now(after) and outcome(after).triage != "emergency":
            return True
    return False


def _now_step(iv: Interview, natural: Question) -> Question:
    """The fixed list asked next while the call-now screen waits (`_now_waits`): the one in its usual place when an
    answer to it could take the call-now away, else the one still to come with the most items that could (walkthrough
    Z, Zoe: "Where else" and "Do you have any of these?" stood before the list with "after sleeping on your arm", and
    the screen could wait for two questions only); for a child, the list with the arm injury before either
    (`_wait_first`), only when the screen waits anyway. Outside that wait, the usual order."""
    if not (_calls_now(iv) and _length_question(iv) is None and _waited(iv) < NOW_WAIT) \
            or _sugar_call_now(iv) is not None:
        return natural
    if _takes_away(iv, natural):  # the screen waits anyway: a child's injury list may come first (never a longer wait)
        return _wait_first(iv) or natural
    best, most = natural, 0
    for q in _step_questions():
        if q.id in iv.shown or q.kind not in ("screen", "sweep") or not any(f not in iv.asked for f in q.findings):
            continue
        q = _still_open(q, iv)
        count = sum(1 for updates in _answers_to(q) if not _calls_now(after := answer(iv, q, updates))
                    and outcome(after).triage != "emergency")
        if count > most:
            best, most = q, count
    return (_wait_first(iv) or best) if most else best


def _wait_first(iv: Interview) -> Question | None:
    """The list asked first while the call-now screen waits, for a person of the age it names (interview.yaml
    `now_wait_first`: a child's arm injury, walkthrough AA, Mia), when its finding is still open and some answer to
    the list takes the call-now away; None otherwise."""
    for wait in load().interview.now_wait_first:
        if iv.age is None or iv.age >= wait.below_age or wait.finding in iv.asked or wait.finding in iv.answers:
            continue
        for q in _step_questions():
            if q.id in iv.shown or q.kind != "screen" or wait.finding not in q.findings:
                continue
            q = _still_open(q, iv)
            if wait.finding in q.findings and _takes_away(iv, q):
                return q
    return None


def _waited(iv: Interview) -> int:
    """How many questions in a row, up to this one, were asked while the result already called now for a sign or a
    start not sure of, how long known or not asked (the screen waiting for them)."""
    count = 0
    for p in reversed(prefixes(iv)):
        if count >= NOW_WAIT or not (_calls_now(p) and _length_question(p) is None):
            break
        count += 1
    return count


def _sugar_call_now(iv: Interview) -> BeforeCallNow | None:
    """The `before_call_now` question about signs of low blood sugar, asked first while the result would call now for
    a sign or a start not sure of, with diabetes or insulin answered yes and confusion not answered no: a yes with a
    confusion not sure leads with the sugar first aid instead (walkthrough X, Priya); None otherwise."""
    if not any(iv.answers.get(f) is True for f in DIABETES) or iv.answers.get(CONFUSED) is False:
        return None
    entry = next((b for b in load().interview.before_call_now if b.ask == SUGAR), None)
    if entry is None or SUGAR in iv.asked or SUGAR in iv.answers or not _fits(SUGAR, iv) \
            or settled_by_another(SUGAR, iv.answers) or not _calls_now(iv):
        return None
    # how long, and a sign asked on its own, come first: the still line is this question's only when it is next
    return entry if _length_question(iv) is None and _ask_alone(iv) is None else None


SUGAR, CONFUSED = "low_sugar_symptoms", "confusion"


@dataclass(frozen=True)
class ActStep:
    """Advice that says "now" shown at once, before the other questions (interview.yaml `sugar_first`, `act_first`):
    the rule's own title and lines, the go-on line, and whether the emergency numbers go with it (an emergency rule's
    first aid: yes; a maternity unit to call: no)."""

    title: str
    lines: tuple[str, ...]
    go_on: str
    call_numbers: bool = True


SugarStep = ActStep  # the low-sugar first aid was the first such step


def _sugar_signs(iv: Interview) -> bool:
    """Signs of low blood sugar with confusion not answered no: treat the sugar before anything else (walkthrough Q)."""
    return iv.answers.get(SUGAR) is True and iv.answers.get(CONFUSED) is not False


def _sugar_due(iv: Interview) -> bool:
    """Those signs with confusion answered yes or not sure, and nothing left that `_sugar_question` asks first: the
    first aid and its choice (the result then leads with it). Diabetes and insulin come before the step, so that
    "see the result" never leads with low blood sugar beside a chance that left them out (walkthrough AB, Priya:
    "fewer than 1 in 20"); the sugar line stays above those questions (`still_line`). Beside an emergency they are
    not asked first (the call leads), so the step never waits for them."""
    return _sugar_signs(iv) and CONFUSED in iv.asked and (
        _sugar_question(iv) is None or outcome(iv).triage == "emergency")


def sugar_first(iv: Interview, limit: int = MAX_QUESTIONS) -> SugarStep | None:
    """Did the last answer just make signs of low blood sugar beside a confusion answered yes or not sure? Every face
    then shows the rule's own first aid (interview.yaml `sugar_first.rule`: something sugary, a meter, when to call)
    before any other question, with the choice to see the result or go on; None otherwise, and when the result
    follows at once anyway (nothing more to ask). Confusion not asked yet is asked first (`_sugar_question`), under
    `still_line`, so that "see what to do now" leads with the same first aid."""
    first = load().interview.sugar_first
    if first is None or not iv.history or not _sugar_due(iv) or any(_sugar_due(p) for p in prefixes(iv)):
        return None
    if next_question(iv, limit=limit) is None:
        return None
    rule = next(r for r in load().triage.rules if r.id == first.rule)
    assert rule.act is not None  # kb check: sugar_first names a rule with an act
    beside = _sugar_beside(iv)
    lines = [sugar_call_line(iv.answers, beside), *rule.act.do[:1]]
    if CONFUSED in iv.unsure and rule.act.unsure_check:
        lines.append(" ".join(rule.act.unsure_check.split()))
    # a 'not sure' gets the title its result will show (both steps, walkthrough S); a yes, the rule's own; beside
    # another emergency, call now first (walkthrough Z)
    title = (first.title_beside if beside else None) or (rule.act.title_if_unsure if CONFUSED in iv.unsure else None) \
        or rule.act.title or rule.title
    return ActStep(" ".join(title.split()), tuple(lines), " ".join(first.go_on.split()))


ONSET = "onset_sudden"


def _sugar_beside(iv: Interview) -> bool:
    """Do these answers make an emergency other than the sugar rule's own (a sudden start)? Its call is now, so
    the sugar is had while waiting, never "call if not better 10 to 15 minutes after" (walkthrough T and Z, Priya)."""
    first = load().interview.sugar_first
    now = outcome(iv)
    return first is not None and now.triage == "emergency" and not set(now.rules) <= {first.rule}


def _onset_unknown(answers: Mapping[str, bool]) -> bool:
    """How it started is not known (not asked yet, or not sure), and the numbness is not known to be old."""
    return ONSET not in answers and answers.get("lasting_over_6_weeks") is not True


def sugar_call_line(answers: Mapping[str, bool], beside: bool = False) -> str:
    """The low-sugar first aid's call line: beside another emergency, call now and the sugar while waiting
    (`sugar_first.action_beside`); while how it started is not known, a sudden start calls now too
    (`action_onset_unknown`); else the rule's own action (walkthrough Z, Priya)."""
    first = load().interview.sugar_first
    assert first is not None
    act = next(r.act for r in load().triage.rules if r.id == first.rule)
    assert act is not None  # kb check: sugar_first names a rule with an act
    text = (first.action_beside if beside else None) or (
        first.action_onset_unknown if _onset_unknown(answers) else None) or act.action
    return " ".join(text.split())


def act_first(iv: Interview, limit: int = MAX_QUESTIONS) -> ActStep | None:
    """The advice every face shows at once, before any other question, with the choice to see the result or go on:
    the low-sugar first aid (`sugar_first`), or the act of a sign whose advice says "now" that the last answer (or the
    words) just made (interview.yaml `act_first`: warning signs in pregnancy, walkthrough U, Mei); None otherwise."""
    return sugar_first(iv, limit) or _act_now(iv, limit)


def _act_entry(iv: Interview, result: Assessment | None = None) -> ActFirst | None:
    """The first `act_first` entry whose rule these answers fire, while no emergency leads (not the result's triage,
    nor its call-now path for a sign not sure of): an emergency's own call advice comes first."""
    entries = load().interview.act_first
    if not entries:
        return None
    result = outcome(iv) if result is None else result
    if result.triage == "emergency":
        return None
    entry = next((e for e in entries if e.rule in result.rules), None)
    return None if entry is None or _calls_now(iv) else entry


def _act_now(iv: Interview, limit: int) -> ActStep | None:
    """The `act_first` step, once: right after the answer (or the words) that made its rule fire, never when any
    earlier step of these answers fired it already, and never when nothing is left to ask (the result follows)."""
    entry = _act_entry(iv) if iv.history else None
    if entry is None or next_question(iv, limit=limit) is None:
        return None
    if any(_act_entry(p) == entry for p in reversed(prefixes(iv))):
        return None
    rule = next(r for r in load().triage.rules if r.id == entry.rule)
    assert rule.act is not None  # kb check: act_first names a rule with an act
    lines = (" ".join(rule.act.action.split()), *rule.act.do[:1])
    return ActStep(rule.act.title or rule.title, lines, " ".join(entry.go_on.split()),
                   call_numbers=rule.level == "emergency")


def _sugar_question(iv: Interview) -> Question | None:
    """With signs of low blood sugar: whether you might be confused first (it decides between treating it now and
    calling), then, once the emergency screen is behind, diabetes and insulin (they tell what is behind it)."""
    if iv.answers.get(SUGAR) is not True:
        return None
    later = ("diabetes", "insulin_or_sulfonylurea") if "screen_emergency" in iv.shown else ()
    if iv.answers.get("diabetes") is False:
        later = ()  # insulin and those tablets are taken for diabetes: never asked after a no to it
    for fid in (CONFUSED, *later):
        if fid not in iv.asked and fid not in iv.answers and fid in load().findings and _fits(fid, iv) \
                and not settled_by_another(fid, iv.answers):
            return finding_question(fid)
    return None


def still_line(iv: Interview) -> str | None:
    """The line kept above each question while the answers are an emergency: why the questions go on (named for the
    usual pattern they check, when a yes points to one: `still_why_for`), then the call advice, in the words the
    result's banner will use (go to A&E, the cancer helpline) when it has its own; or, while the answers hold signs
    of low blood sugar with confusion not answered no, the sugar line (interview.yaml `sugar_first.still`); while
    the result would say call now for a sign not sure of (`now_first`), the call line alone; while a sign whose advice
    says "now" stands and no emergency leads (`act_first`: warning signs in pregnancy), its own line; None otherwise.
    Beside an emergency's line, signs of low blood sugar add the sugar while waiting (`sugar_first.still_beside`)."""
    sugar = load().interview.sugar_first
    if sugar is not None and _sugar_signs(iv):
        now = outcome(iv)  # an emergency that is not the sugar rule's own says call now, never "wait 10 to 15 minutes"
        if now.triage != "emergency" or set(now.rules) <= {sugar.rule}:  # (walkthrough T, Priya's sudden start)
            # how it started not known: a sudden start calls now too (walkthrough Z, Priya)
            line = (sugar.still_onset_unknown if _onset_unknown(iv.answers) else None) or sugar.still
            return " ".join(line.split())
    before = _before_call_now_due(iv)
    if before is not None:  # asked first of an emergency's questions: it changes what to do while waiting
        return " ".join(before.still.split())
    first = load().interview.emergency_first
    result = outcome(iv)
    if first is not None and result.triage != "emergency" and _calls_now(iv):
        return " ".join(first.still.split())  # the call-now path (`now_first`): its calm reminder, as after the screen
    if result.triage != "emergency":  # a sign whose advice says "now" (`act_first`: warning signs in pregnancy)
        entry = _act_entry(iv, result)
        return None if entry is None else " ".join(entry.still.split())
    if first is None:
        return None
    own = call_advice(iv)
    call = first.still if own is None else first.still_own.format(title=own.title[:1].lower() + own.title[1:])
    checked = set(_unsettled(result.rules, iv) or ())
    # never for a pattern one of whose parts is answered no (walkthrough AD, Nadia: "not like my usual aura", then
    # "A few more answers can tell whether this is your usual migraine aura"), nor for one whose story can no longer
    # hold for a rule that stands (walkthrough AF, Grace: chest tightness not sure rules out over-breathing, so its
    # questions never came after "whether it comes from breathing fast")
    why = next((w.text for w in first.still_why_for
                if any(iv.answers.get(f) is True for f in w.findings)
                and checked & _pattern_of(w.findings, result.rules, iv)
                and not any(iv.answers.get(f) is False for f in w.findings)), None) \
        or _still_why(first, result.rules, iv)
    if why == first.still_why_settled and own is None and first.still_settled:  # no "if you are worried" beside it
        call = first.still_settled
    # the loud line right after a single answer that made the emergency with no screen of its own ("Suddenly",
    # `still_loud`) says the call plainly, never "if you are worried"; the calm lines after it keep `still`
    # (walkthrough AD, Priya in her own words: "call if it came on suddenly" above the question, then a softer line
    # once she answered that it did)
    elif own is None and first.still_settled and still_loud(iv):
        call = first.still_settled
    beside = sugar.still_beside if sugar is not None and iv.answers.get(SUGAR) is True else None
    return " ".join(f"{' '.join(why.split())} {call} {beside or ''}".split())


def _still_why(first: EmergencyFirst, rule_ids: Collection[str], iv: Interview) -> str:
    """Why the questions go on, naming only the usual causes (`still_why_causes`) that could still explain every
    emergency rule that stands: one whose start is certain is explained by a cause only through a harmless story in its
    `unless` that names the cause and is still possible (walkthrough Z, Omar: a numb face and slurred speech are never
    pressure on the arm). An age not given yet counts as one that could fit (it is still to be asked). None left:
    `still_why_none`, or `still_why_settled` when a rule stands that nothing left can undo."""
    rules = [c.rule for c in compiled_rules() if c.rule.id in rule_ids and c.rule.level == "emergency"]
    iv = _closed(iv)

    def stories(rule: Rule, cause: Collection[str]) -> bool:
        """Could a harmless story of this rule that names the cause still hold?"""
        if rule.unless is None:
            return False
        return any(set(cause) & set(_cond_findings(s)) and _possible(s, iv, True) for s in rule.unless.any or [rule.unless])

    named = [c.name for c in first.still_why_causes
             if any(stories(r, c.findings) for r in rules)
             and all(stories(r, c.findings) or not _certain(r.when, iv) for r in rules)]
    if named and first.still_why_causes:
        causes = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} or {named[-1]}"
        return first.still_why.format(causes=causes)
    if not first.still_why_causes:
        return first.still_why
    settled = any(_certain(r.when, iv) and not (r.unless is not None and _possible(r.unless, iv, True)) for r in rules)
    return (first.still_why_settled if settled else first.still_why_none) or first.still_why


def still_calls(iv: Interview) -> bool:
    """Do the emergency numbers go with the still line? Not beside an `act_first` line for a rule that is no
    emergency (Mei calls her maternity unit, not 999); beside every other still line, as before."""
    line = still_line(iv)
    entry = _act_entry(iv) if line is not None else None
    if entry is None or line != " ".join(entry.still.split()):
        return True
    return next(r.level for r in load().triage.rules if r.id == entry.rule) == "emergency"


def _pattern_of(findings: Collection[str], rule_ids: Collection[str], iv: Interview) -> set[str]:
    """Every finding of the harmless stories (`unless`) of these rules that hold one of these findings and could still
    be true (an age not given yet counts as one that fits): what checking that story asks. A story already ruled out
    (over-breathing beside chest pain not sure or yes) asks nothing, so no line promises its questions."""
    closed = _closed(iv)
    out: set[str] = set()
    for c in compiled_rules():
        if c.rule.unless is None or c.rule.id not in rule_ids:
            continue
        for story in c.rule.unless.any or [c.rule.unless]:
            ids = set(_cond_findings(story))
            if ids & set(findings) and _possible(story, closed, True):
                out |= ids
    return out


def _cond_findings(cond: Cond) -> list[str]:
    """The findings a condition names, at any depth."""
    out = [f for f in (cond.present, cond.absent, cond.not_present, cond.unknown) if f is not None]
    for child in (cond.all or []) + (cond.any or []):
        out += _cond_findings(child)
    return out


def still_loud(iv: Interview, limit: int = MAX_QUESTIONS) -> bool:
    """Is the still line the full warning (its call buttons large)? Only on the first question after a single answer
    made the emergency with no emergency-first screen before it (how it started: "Suddenly"); after that screen, or
    on later questions, it is a calm reminder (walkthrough Q: a big red block on 6 to 10 screens frightened people)."""
    # the cheap tests first: still_line asks this above every question of an emergency, and emergency_first works out
    # the next question
    if not iv.history or outcome(iv).triage != "emergency" or outcome(undo(iv)).triage == "emergency":
        return False
    return not emergency_first(iv, limit)


@dataclass(frozen=True)
class EarlyCall:
    """What an early emergency screen says before the result (the describe step's warning, the emergency-first
    screen): the banner's title and action, and, when its act has them, where its own call's number is and the
    line that introduces the emergency buttons as the second call (RuleAct.call_where, call_intro: walkthrough U,
    Kim), so every face says them before the buttons, as the result will."""

    title: str
    action: str
    call_where: str = ""
    call_intro: str = ""


def call_advice(iv: Interview) -> EarlyCall | None:
    """The emergency-first screen's title and action, with the act's where and intro, when the result's banner has
    its own (a fever during chemotherapy: "Call your cancer helpline now"; the call-now path for a sign not sure of,
    `now_first`), from the same core as the banner (result.call_now, result.now_banner); None: the screen's own
    emergency_first words."""
    from numbwise.assess.result import call_now, may_call_now, now_banner

    result = outcome(iv)
    own = call_now(result, iv.unsure)
    if own is not None or not may_call_now(iv.answers, iv.unsure):
        return own
    now = now_banner(result, iv.unsure)
    return None if now is None else EarlyCall(*now)


def check_now(iv: Interview, q: Question, updates: Mapping[str, bool], blank: Collection[str] = (),
              limit: int = MAX_QUESTIONS) -> UnsureAdvice | None:
    """After an answer (`iv` holds it): the screen's "check now" advice for the signs left 'not sure', shown by
    every face before it goes on; None when nothing was unsure, or when the answers are now an emergency no
    question can change (its result follows at once, with those signs and how to check them)."""
    advice = unsure_advice(q, {**updates, **{f: False for f in blank}}, iv.answers)
    return None if advice is None or settled_emergency(iv, limit) else advice


# The "About you" step (age and sex), in the words every face shows.
ABOUT_HELP = "Some causes are more common at certain ages, or in women or men. You can skip both."
FOR_SOMEONE_ELSE = "If you are answering for someone else, give their age and sex, and answer every question about them."
# Said where the words gave both age and sex, so About you (which says FOR_SOMEONE_ELSE) is never shown.
FOR_SOMEONE_ELSE_TOLD = "If you are answering for someone else, every question that says \"you\" means them."


def about_due(iv: Interview) -> bool:
    """Is the About you step (age and sex) due, if not answered yet? After the first question, the emergency
    screen, and not while the answers are a settled emergency: a person with a stroke sign reaches the emergency
    advice without typing anything more (an unknown age never lowers a level: see triage.py). An emergency that
    only an age not given yet keeps settled (the policy's harmless stories, such as a usual migraine aura under
    50, need a known age) asks it first: the age may settle it at once, else the story's questions follow."""
    if iv.count < 1 and not iv.described:
        return False
    result = outcome(iv)
    if result.triage != "emergency":  # how long, when a call-now result hinges on it, comes first (walkthrough S),
        # and so do the one or two questions the call-now screen waits for (how it started, the hands: walkthrough X)
        return iv.count >= 1 and _length_question(iv) is None and not (_calls_now(iv) and _now_waits(iv))
    # after the words too (their emergency screen was the first step): Nadia's usual aura, whose start her words gave
    # (`said_by_words`), waits only on her age and the story's questions (walkthrough AC)
    return iv.age is None and _unsettled(result.rules, iv) is None and _unsettled(result.rules, iv, age_free=True) is not None


def finding_question(fid: str) -> Question:
    """A single yes / no / not sure question about one finding."""
    f = load().findings[fid]
    return Question(fid, "finding", f.question, f.help, f.why, (fid,))


@functools.cache
def _step_questions() -> tuple[Question, ...]:
    """The fixed steps of interview.yaml as questions (built once)."""
    out = []
    for step in load().interview.steps:
        if step.kind == "screen":
            out.append(Question(step.id, "screen", step.text, _screen_help(step.id, tuple(step.items)), step.why,
                                tuple(step.items), tuple(checklist_label(f) for f in step.items),
                                step.any_first, step.if_unsure))
        elif step.kind == "choice":
            group = tuple(dict.fromkeys(o.finding for o in step.options if not o.unsure))
            picks = tuple(() if o.unsure else tuple([(f, f == o.finding) for f in group] + [(f, True) for f in o.also])
                          for o in step.options)
            out.append(Question(step.id, "choice", step.text, step.help, step.why, group,
                                tuple(o.label for o in step.options), picks=picks))
        else:
            out.append(Question(step.id, "fingers", step.text, step.help, step.why, PICKER))
    return tuple(out)


@functools.cache
def _rule_findings() -> tuple[str, ...]:
    found: set[str] = set()
    for c in compiled_rules():
        found |= c.rule.when.finding_ids()
        if c.rule.unless is not None:
            found |= c.rule.unless.finding_ids()
    return tuple(sorted(found))


def _entropy(ps: list[float]) -> float:
    return -sum(p * math.log2(p) for p in ps if p > 0)


def cause_gain(post: list[float], fid: str) -> float:
    """Expected drop in entropy (bits) of the cause distribution from asking about one finding."""
    m = model()
    q = m.p[fid]
    p_yes = sum(p * x for p, x in zip(post, q))
    if p_yes <= 0.0 or p_yes >= 1.0:
        return 0.0
    expected = 0.0
    for vec, weight in ((m.present[fid], p_yes), (m.absent[fid], 1.0 - p_yes)):
        w = [p * math.exp(v) for p, v in zip(post, vec)]
        total = sum(w)
        expected += weight * _entropy([x / total for x in w])
    return _entropy(post) - expected


def _worlds(iv: Interview, post: list[float], rng: random.Random) -> list[dict[str, bool]]:
    """Complete answer sets drawn from the model, keeping what is already known or 'not sure'."""
    probs = model().p
    free = [f for f in _rule_findings() if f not in iv.asked]
    idx = range(len(post))
    worlds = []
    for c in rng.choices(idx, weights=post, k=WORLDS):
        world = dict(iv.answers)
        for f in free:
            world[f] = rng.random() < probs[f][c]
        worlds.append(world)
    return worlds


def _level_gain(worlds: list[dict[str, bool]], levels: list[str], fid: str) -> float:
    """Expected drop in entropy (bits) of the eventual level from asking about one finding."""

    def dist(ls: list[str]) -> list[float]:
        return [ls.count(x) / len(ls) for x in LEVELS if ls]

    yes = [lv for w, lv in zip(worlds, levels) if w.get(fid)]
    no = [lv for w, lv in zip(worlds, levels) if not w.get(fid)]
    if not yes or not no:
        return 0.0
    n = len(levels)
    return _entropy(dist(levels)) - (len(yes) / n * _entropy(dist(yes)) + len(no) / n * _entropy(dist(no)))


def positive_findings(cond: Cond) -> list[str]:
    """Findings whose presence can make a condition true."""
    return [c.present for c in cond.leaves() if c.present]


def _sweep(iv: Interview) -> Question | None:
    """Open warning signs to rule out before advising home care (routine rules no self-care replaces)."""
    kb = load()
    current = triage(iv.answers, iv.age)
    by_id = {r.id: r for r in kb.triage.rules}
    replaced = {rid for rule_id in current.rules for rid in by_id[rule_id].replaces}
    open_findings: list[str] = []
    for c in compiled_rules():
        if c.rule.level == "routine" and c.rule.id not in replaced:
            open_findings += [f for f in positive_findings(c.rule.when) if f not in iv.asked and f not in open_findings
                              and not settled_by_another(f, iv.answers) and _fits(f, iv)]
    if not open_findings:
        return None
    return sweep_question(kb.interview.safety_sweep, open_findings)


def _possible(cond: Cond, iv: Interview, age_free: bool = False) -> bool:
    """Could this condition still become true through questions not yet asked (with `age_free`, the age too)?"""
    known = iv.answers

    def free(fid: str) -> bool:
        return fid not in iv.asked

    if cond.present is not None:
        return known.get(cond.present) is True or free(cond.present)
    if cond.absent is not None:
        return known.get(cond.absent) is False or free(cond.absent)
    if cond.not_present is not None:
        return known.get(cond.not_present) is not True
    if cond.unknown is not None:
        return cond.unknown not in known
    if cond.age_at_least is not None:
        return iv.age is None and age_free or iv.age is not None and iv.age >= cond.age_at_least
    if cond.age_below is not None:
        return iv.age is None and age_free or iv.age is not None and iv.age < cond.age_below
    if cond.all is not None:
        return all(_possible(c, iv, age_free) for c in cond.all)
    return any(_possible(c, iv, age_free) for c in cond.any or [])


def _certain(cond: Cond, iv: Interview) -> bool:
    """Is this condition true now and bound to stay true whatever the unasked questions bring?"""
    known = iv.answers
    if cond.present is not None:
        return known.get(cond.present) is True or _implied_by_group(cond.present, known) is True
    if cond.absent is not None:
        return known.get(cond.absent) is False or _implied_by_group(cond.absent, known) is False
    if cond.not_present is not None:
        return (known.get(cond.not_present) is False or (cond.not_present in iv.asked and cond.not_present not in known)
                or _implied_by_group(cond.not_present, known) is False)
    if cond.unknown is not None:
        return cond.unknown in iv.asked and cond.unknown not in known
    if cond.age_at_least is not None or cond.age_below is not None:
        return _possible(cond, iv)
    if cond.all is not None:
        return all(_certain(c, iv) for c in cond.all)
    return any(_certain(c, iv) for c in cond.any or [])


def _open(cond: Cond, iv: Interview, age_free: bool = False) -> list[str]:
    """Unasked findings whose answers could still change this condition's outcome."""
    if cond.all is not None or cond.any is not None:
        children = cond.all if cond.all is not None else cond.any
        out: list[str] = []
        for child in children or []:
            if cond.any is not None and not _possible(child, iv, age_free):
                continue
            out += _open(child, iv, age_free)
        return out
    for fid in (cond.present, cond.absent, cond.not_present, cond.unknown):
        if fid is not None and fid not in iv.asked and (fid == cond.unknown or _implied_by_group(fid, iv.answers) is None):
            return [fid]
    return []


def _implied_by_group(fid: str, known: Mapping[str, bool]) -> bool | None:
    """What another answer of the same one-answer group says of this finding: "only one hand" (a reading kept, or
    the picker) is a no to "both hands", so it is never asked as the opposite question; None when nothing does."""
    for g in exclusive_groups():
        if fid in g and fid not in known:
            if any(known.get(o) is True for o in g - {fid}):
                return False
            if len(g) == 2 and all(known.get(o) is False for o in g - {fid}):
                return True
    return None


def _unsettled(rule_ids: tuple[str, ...], iv: Interview, age_free: bool = False) -> list[str] | None:
    """Unasked findings that could still undo the emergency; None when it is settled.

    An emergency resting on answers alone (a stroke sign, chest pain) stops the interview at once.
    One resting on something not yet asked (how it started, one hand or both), or one the policy
    lets a clear harmless story undo (pressure on the arm, a usual migraine aura), is clarified
    first: a few questions, each of which can only confirm the emergency or explain it. With
    `age_free` an age not given yet counts as one that could fit the story (see about_due).
    """
    iv = _closed(iv)
    by_id = {c.rule.id: c.rule for c in compiled_rules()}
    # A rule that would stand in for one that fired (an arm injury for sudden numbness) keeps the level but
    # changes the advice: its open questions are asked first, even on an emergency otherwise settled.
    stand_ins = [r for r in by_id.values() if set(r.supersedes) & set(rule_ids) and r.id not in rule_ids]
    advice = [f for r in stand_ins if _possible(r.when, iv) for f in _open(r.when, iv)]
    pending: list[str] = list(advice)
    for rid in rule_ids:
        rule = by_id[rid]
        undoable = rule.unless is not None and _possible(rule.unless, iv, age_free)
        if _certain(rule.when, iv) and not undoable:
            return list(dict.fromkeys(advice)) or None
        pending += [] if _certain(rule.when, iv) else _open(rule.when, iv, age_free)
        pending += _open(rule.unless, iv, age_free) if rule.unless is not None and undoable else []
    return list(dict.fromkeys(pending))


def _still_open(q: Question, iv: Interview) -> Question:
    """A checklist screen trimmed to the items not yet asked: each finding is asked once (a description or an
    earlier single question may have answered some, or answered another option of the same one-answer group:
    "it came on slowly" settles "it started all at once")."""
    def open_(f: str) -> bool:
        return f not in iv.asked and f not in iv.answers and not settled_by_another(f, iv.answers) and _fits(f, iv)

    if q.kind != "screen" or all(open_(f) for f in q.findings):
        return q
    return _trimmed(q, tuple(f for f in q.findings if open_(f)))


def _trimmed(q: Question, findings: tuple[str, ...]) -> Question:
    """A screen showing only these of its items, its help with them: no line quoting an item it does not show."""
    labels = tuple(q.labels[q.findings.index(f)] for f in findings)
    return replace(q, findings=findings, labels=labels, help=_screen_help(q.id, findings))


def _screen_help(qid: str, findings: tuple[str, ...]) -> str:
    """A screen's help for a list of these items: its `group_help` (which quotes the items of its group) only while
    every item of that group is on the list (walkthrough R, Sam: "Most people mark 'there all the time'", not shown)."""
    step = next(s for s in load().interview.steps if s.id == qid)
    if step.group_help and all(f in findings for g in step.no_to_all_is_blank for f in g):
        return f"{step.help} {' '.join(step.group_help.split())}"
    return step.help


def _home_care_hinges_on(fid: str, iv: Interview, level: str) -> bool:
    """Could a self-care pattern that tests this finding still hold (the level is not above routine, and the pattern
    is still possible)? Only then is an item a list answered none of asked on its own: beside an urgent sign it could
    change nothing (walkthrough N)."""
    if LEVELS.index(level) < LEVELS.index("routine"):
        return False
    return any(c.rule.level == "self_care" and fid in c.rule.when.finding_ids() and _possible(c.rule.when, iv)
               for c in compiled_rules())


@functools.cache
def _answer_one_of() -> tuple[tuple[str, ...], ...]:
    """The screens' groups of which one item is always true (interview.yaml `no_to_all_is_blank`), built once."""
    return tuple(tuple(g) for s in load().interview.steps for g in s.no_to_all_is_blank)


@functools.cache
def _once_with() -> dict[tuple[str, ...], tuple[str, ...]]:
    """For each group of `_answer_one_of`, the items whose yes makes a no to the whole group an answer ("it happened
    only once and has gone", interview.yaml `no_to_all_once_with`), built once."""
    return {tuple(g): tuple(s.no_to_all_once_with) for s in load().interview.steps for g in s.no_to_all_is_blank}


@functools.cache
def exclusive_groups() -> tuple[frozenset[str], ...]:
    """Findings that answer each other: the options of each one-answer choice, and one hand or both (built once)."""
    groups = [frozenset(o.finding for o in step.options if not o.unsure) for step in load().interview.steps if step.options]
    return (*groups, frozenset({"one_hand", "both_hands"}))


def fits(fid: str, sex: str | None, age: int | None = None, answers: Mapping[str, bool] | None = None) -> bool:
    """Does this question fit the person: their sex (`for_sex`: pregnancy is not asked of a man), their age (`ages`:
    nor of a 60-year-old woman) and their answers (`follows`: no "usual migraine aura?" after a no to migraines)?
    A question that does not fit leaves its finding unknown, which never lowers a level."""
    f = load().findings.get(fid)
    if f is None:
        return True
    known = answers or {}
    if moot(fid, known):
        return False
    said = any(known.get(g) is True for g in f.follows)  # "I'm pregnant" in the words: her warning signs at any age
    return (f.for_sex is None or sex is None or sex == f.for_sex) and (f.ages is None or said or f.ages.holds(age))


def _fits(fid: str, iv: Interview) -> bool:
    """fits() for this interview's person and answers so far; never a choice the kept words already answered."""
    return fits(fid, iv.sex, iv.age, iv.answers) and fid not in said_by_words(iv)


# The findings beside which a choice option's extra finding, kept from the words, answers that choice: a spread over
# minutes is the start of a known migraine's aura (walkthrough AC, Nadia).
WORDS_ANSWER_WITH = ("migraine_history",)


def _closed(iv: Interview) -> Interview:
    """The interview with the findings its kept words answered through a choice (`said_by_words`) counted as asked,
    for the reasoning about what is still open only: they are never asked, so nothing waits on them (never stored:
    `unsure` would read them as 'not sure')."""
    said = said_by_words(iv)
    return replace(iv, asked=iv.asked | said) if said else iv


def said_by_words(iv: Interview) -> frozenset[str]:
    """The findings of a choice whose answer the person's kept words already gave through one option's extra finding:
    "tingling spread slowly over 20 minutes ... my usual migraine" kept on the "we understood" list is the start
    question's "It crept or spread ... over several minutes" (walkthrough AC, Nadia was asked "How did the numbness
    start?" after writing it). The choice is not asked; its findings stay not known (never 'not sure', never a
    recorded sudden start: the policy's sudden start is within seconds, c5ded8a), so every rule that reads a start
    not known applies as written (a numb face still calls now), and the spread itself is confirmed once where the
    readings that decide an emergency are asked back (`_confirm_from_text`). Only in a known migraine's story
    (`WORDS_ANSWER_WITH` answered yes), never once the numbness is said to be over six weeks old (its first start is
    not that spell's) or once an answer to the choice is known."""
    told = _told(iv)
    if not told or iv.answers.get(LASTED) is True or not all(iv.answers.get(f) is True for f in WORDS_ANSWER_WITH):
        return frozenset()
    out: set[str] = set()
    for q in _step_questions():
        if q.kind != "choice" or any(f in iv.answers or f in iv.asked for f in q.findings):
            continue
        for pick in q.picks:
            extra = [f for f, v in pick if v and f not in q.findings]
            if extra and all(told.get(f) is True and iv.answers.get(f) is True for f in extra):
                out |= set(q.findings)
                break
    return frozenset(out)


def settled_by_another(fid: str, findings: Mapping[str, bool]) -> bool:
    """True when an answer to another finding of the same one-answer group already settles this one."""
    return any(fid in g and any(findings.get(o) is True or (len(g) == 2 and o in findings) for o in g - {fid})
               for g in exclusive_groups())


@functools.cache
def _safety_screens() -> frozenset[str]:
    """Screens holding a sign that on its own makes the level emergency or urgent: always shown."""
    alone = {f for f in load().vocabulary.findings if triage({f: True}).level in ("emergency", "urgent")}
    return frozenset(q.id for q in _step_questions() if q.kind == "screen" and alone & set(q.findings))


@functools.cache
def _safety_findings() -> frozenset[str]:
    """Every sign on the always-shown safety screens (built once)."""
    return frozenset(f for q in _step_questions() if q.id in _safety_screens() for f in q.findings)


def _worth_asking(q: Question, iv: Interview, post: list[float], worlds: list[dict[str, bool]], levels: list[str],
                  up: float, down: float, level: bool = True) -> bool:
    """Could any open item of this screen still change the level (unless `level` is off) or tell the likely causes
    apart?"""
    open_items = [f for f in q.findings if f not in iv.asked]
    rule_findings = set(_rule_findings())
    if level and (up >= LEVEL_DOUBT or down >= LEVEL_DOUBT) and any(
            _level_gain(worlds, levels, f) >= MIN_LEVEL_GAIN for f in open_items if f in rule_findings):
        return True
    causes = model().present
    return max(post) < CONFIDENT and any(cause_gain(post, f) >= MIN_CAUSE_GAIN for f in open_items if f in causes)


def _follow_up(iv: Interview, post: list[float], worlds: list[dict[str, bool]], levels: list[str],
               up: float, down: float) -> Question | None:
    """After a description: one checklist of the open items, from every other screen, that still matter."""
    s = load().interview.after_description
    if s is None or s.id in iv.shown:
        return None
    order = [f for q in _step_questions() if q.kind == "screen" and q.id not in _safety_screens() for f in q.findings]
    order += [f for f in load().vocabulary.findings if f not in order]
    safety = _safety_findings()
    probe = sweep_question(s, ())
    items = [f for f in order if f not in iv.asked and f not in safety and not settled_by_another(f, iv.answers)
             and _fits(f, iv) and _worth_asking(replace(probe, findings=(f,)), iv, post, worlds, levels, up, down)]
    return sweep_question(s, items) if items else None


def _is_left_blank(q: Question) -> bool:
    s = load().interview.left_blank
    return s is not None and q.id == s.id


def _left_blank(iv: Interview, post: list[float], worlds: list[dict[str, bool]], levels: list[str],
                up: float, down: float) -> Question | None:
    """Checklist items left blank that still matter, asked back in one list once the fixed screens are done.

    Asked back: every blank sign whose yes alone would make the level more urgent for this person now (a blank
    never hides a caution the result would give for a 'not sure'); any other item only when it could still change
    the level or tell the likely causes apart, and only from a list the person answered in part (marked their
    yeses, say). A list left wholly blank is not asked again item by item: that would only repeat it (a person
    who could not say, walkthrough F: 63 items asked again); those items stay not known (never lowering a
    level) and the engine may still ask one that matters on its own. Never one by one, and never a second time.
    Faces that never leave an item blank (the terminal asks about the rest of a list as a whole) never see this list.
    """
    s = load().interview.left_blank
    if s is None or s.id in iv.shown:
        return None
    left = [f for _, _, blank in iv.history for f in blank if f not in iv.asked and f not in iv.answers
            and not any(f in g and set(g) & set(iv.to_ask) for g in _answer_one_of())  # asked on its own instead
            and not settled_by_another(f, iv.answers) and _fits(f, iv)]
    if not left:
        return None
    wholly = _passed_over(iv)
    current = LEVELS.index(triage(iv.answers, iv.age).level)
    probe = sweep_question(s, ())
    items = [f for f in dict.fromkeys(left)
             if LEVELS.index(triage({**iv.answers, f: True}, iv.age).level) < current
             or f not in wholly and _worth_asking(replace(probe, findings=(f,)), iv, post, worlds, levels, up, down)]
    return sweep_question(s, items) if items else None


def _passed_over(iv: Interview) -> set[str]:
    """The items of a list the person left wholly blank (Continue with nothing chosen): they could not say, so the
    engine does not ask them again to tell causes apart or to lower the level (a sign that could raise it is asked
    back once in the list of blanks, and the safety sweeps still ask theirs). They stay not known."""
    return {f for q, _, blank in iv.history if q.kind in ("screen", "sweep") and blank and set(q.findings) <= set(blank)
            for f in q.findings}


def _clarify(fid: str, iv: Interview) -> Question:
    """Ask one quick question: the finger picker or onset choice when not shown yet, else the finding alone."""
    for q in _step_questions():
        if fid in q.findings and q.id not in iv.shown and q.kind in ("fingers", "choice"):
            return q
    return finding_question(fid)


def next_question(iv: Interview, rng: random.Random | None = None, limit: int = MAX_QUESTIONS,
                  must_ask: Collection[str] = ()) -> Question | None:
    """The next question, or None when the interview should stop (a settled emergency stops it at once).

    Order: the fixed screens (emergency first); then any question that could still make the level
    more urgent; then questions that best tell the likely causes apart; then questions that could
    still make the level less urgent; and a last check of warning signs before advising home care.
    Before it stops short of an emergency it asks, one at a time, `must_ask` and the coherence
    rule's questions that settle an emergency-type cause still ranked first or likely
    (triage.settling_questions). Last, before a result that would show a cause's home steps, each
    answer of that plan that would replace them (care.yaml `said`) not known yet, once, even at the limit; and before
    a result that would say call now only because nothing says how long the numbness has been there, how long
    (interview.yaml `how_long`), once, even at the limit; and last, with diabetes and numb feet, whether there is a
    sore on the foot (interview.yaml `foot_sore`), once, even at the limit.
    """
    q = _next_question(iv, rng, limit, must_ask)
    q = q if q is not None else _escalation_question(iv)
    q = q if q is not None else _length_question(iv, last=True)
    q = q if q is not None else _foot_question(iv)
    return worded(q, iv) if q is not None else None


def worded(q: Question, iv: Interview) -> Question:
    """The question as this interview shows it: a single question about an item of a list's group of which one is
    always true, while that group is still not known (neither ticked), says so first (interview.yaml `no_to_all_lead`:
    "You did not pick 'there all the time' or 'comes and goes' ..."), so it does not read as the list asked again
    (walkthrough O, Priya). A question that reads on from a yes (findings.yaml `question_after_yes`: fast breathing
    after "panic attacks or anxiety", walkthrough R) takes those words. Faces that rebuild a question (the web's Back)
    show it through this too. A list's items are worded for the answers so far the same way (findings.yaml
    `checklist_with`: "still a cold sweat 10 to 15 minutes after something sugary" beside signs of low blood sugar,
    walkthrough U), and a question's help for them too (findings.yaml `help_with`: the fever cut-off during
    chemotherapy, walkthrough AC, Joan)."""
    if q.kind in ("screen", "sweep"):
        labels = tuple(checklist_label(f, iv.answers) if load().findings[f].checklist_with else label
                       for f, label in zip(q.findings, q.labels, strict=True))
        return q if labels == q.labels else replace(q, labels=labels)
    if q.kind != "finding":
        return q
    fid = q.findings[0]
    before = _before_call_now_due(iv)
    if before is not None and before.ask == fid:  # asked before a call-now result in its own words (walkthrough U)
        return _call_now_question(before)
    after = next((t for g, t in load().findings[fid].question_after_yes.items() if iv.answers.get(g) is True), None) \
        if fid in load().findings else None
    if after is not None:  # reads on from the yes it follows (walkthrough R, Hana)
        q = replace(q, text=" ".join(after.split()))
    helped = next((t for g, t in load().findings[fid].help_with.items() if iv.answers.get(g) is True), None) \
        if fid in load().findings else None
    if helped is not None:  # the help for what was said: one fever cut-off during chemotherapy (walkthrough AC, Joan)
        q = replace(q, help=" ".join(helped.split()))
    for step in load().interview.steps:
        if step.no_to_all_lead and step.id in iv.shown and any(
                fid in g and not any(f in iv.answers or f in iv.asked for f in g) for g in step.no_to_all_is_blank):
            lead = " ".join(step.no_to_all_lead.split())
            return q if q.text.startswith(lead) else replace(q, text=f"{lead} {q.text}")
    return q


def _escalation_question(iv: Interview) -> Question | None:
    """An answer that would replace the home steps the result is about to show (thin thumb muscles: see a doctor
    soon), not known yet: asked once, on its own, so home steps are never shown while it was never asked. A 'not
    sure' counts as asked (the result then says so, with what to do if it is true)."""
    from numbwise.assess.result import escalation_findings, home_plan_cause

    cause = home_plan_cause(outcome(iv))
    if cause is None:
        return None
    findings = load().findings
    return next((finding_question(f) for f in escalation_findings(cause)
                 if f not in iv.asked and f not in iv.answers and f in findings and _fits(f, iv)
                 and not settled_by_another(f, iv.answers)), None)


def _next_question(iv: Interview, rng: random.Random | None, limit: int, must_ask: Collection[str]) -> Question | None:
    """The next question of the interview proper (next_question adds the home plan's escalation answers)."""
    result = triage(iv.answers, iv.age)
    current = result.level
    confirm = _confirm_from_text(iv, current)
    if confirm and iv.count < limit:
        # two or more yeses the words gave go back in one list (walkthrough L: four questions read as asked twice);
        # a "no" reading is asked on its own, under what was understood (a checklist asks "is each true?")
        told = {f: v for q, updates, _ in iv.history if q.kind == "text" for f, v in updates}
        s = load().interview.confirm_emergency
        yeses = [f for f in confirm if told.get(f) is True]
        if s is not None and len(yeses) > 1:
            return sweep_question(s, yeses)
        return finding_question(confirm[0])
    if current != "emergency":  # a question asked on its own first (ask_alone), then how long under a call-now result
        alone = _ask_alone(iv)  # that hinges on it (walkthrough S, Sam): "more than a week" takes the call-now path away
        if alone is not None:
            return alone
        length = _length_question(iv)
        if length is not None:
            return length
        sugar_now = _sugar_call_now(iv)  # with diabetes, signs of low blood sugar before the call-now screen (walkthrough X)
        if sugar_now is not None and iv.count < limit:
            return _call_now_question(sugar_now)
    hand = _hand_question(iv)
    if current == "emergency":
        pending = _unsettled(result.rules, iv)
        if hand is not None and pending and set(HANDS) & set(pending) and iv.count < limit:
            return hand  # which hand decides which emergency this is: asked first, plainly
        # one question whose yes changes what to do now (walkthrough U), first: a hypo needs its sugar while the other
        # questions are answered, and stopping early never leaves it unasked (walkthrough W, Priya: asked last, as
        # question 8)
        before = _before_call_now(iv, result.rules)
        if before is not None:
            return _call_now_question(before)
        if pending and iv.count < limit:
            return _clarify(pending[0], iv)
        return None
    if iv.count >= limit:
        return None
    sugar = _sugar_question(iv)
    if sugar is not None:
        return sugar
    rng = rng or random.Random(20261124)
    described = iv.described
    state: list[Any] = []

    def adaptive() -> tuple[list[float], list[dict[str, bool]], list[str], float, float]:
        if not state:
            post = posterior(iv.answers, iv.age, iv.sex)
            worlds = _worlds(iv, post, rng)
            levels = [triage(w, iv.age).level for w in worlds]
            rank_now = LEVELS.index(current)
            up = sum(1 for lv in levels if LEVELS.index(lv) < rank_now) / len(levels)
            down = sum(1 for lv in levels if LEVELS.index(lv) > rank_now) / len(levels)
            state.extend([post, worlds, levels, up, down])
        return state[0], state[1], state[2], state[3], state[4]

    if hand is not None:
        return hand
    settler = _emergency_settler(iv)
    if settler is not None:
        return _clarify(settler, iv)
    for q in _step_questions():
        if q.id not in iv.shown and any(f not in iv.asked and f not in said_by_words(iv) for f in q.findings):
            q = _still_open(q, iv)
            if not q.findings:
                continue  # every item already settled
            # one hand or both, when the words did not say, is always asked: it decides which emergency a sudden start
            # would be, and a sampled worth of asking sat on its threshold (walkthrough AD's Rosa was asked it or not
            # by the draw of the sampled answers, and read a different headline)
            # With the hands known, which fingers tells the causes apart, not the level: only its (exact) worth for the
            # causes counts, never the sampled level's (walkthrough AL: Ben's picker came and went with the draw).
            hands_open = q.kind == "fingers" and not any(f in iv.answers or f in iv.asked for f in HANDS)
            if described and q.id not in _safety_screens() and not hands_open and (
                    q.kind == "screen" or not _worth_asking(q, iv, *adaptive(), level=q.kind != "fingers")):
                continue  # after a description: other checklists fold into one follow-up; unneeded steps are skipped
            return q if described else _now_step(iv, q)
    post, worlds, levels, up, down = adaptive()
    blanks = _left_blank(iv, post, worlds, levels, up, down)
    if blanks is not None:
        return blanks
    if described:
        follow = _follow_up(iv, post, worlds, levels, up, down)
        if follow is not None:
            return follow
    open_rule = [f for f in _rule_findings() if f not in iv.asked and not settled_by_another(f, iv.answers) and _fits(f, iv)]
    if up >= LEVEL_DOUBT and open_rule:
        gain, best = max((_level_gain(worlds, levels, f), f) for f in open_rule)
        if gain >= MIN_LEVEL_GAIN:
            return finding_question(best)
    passed = _passed_over(iv)
    candidates = [f for f in model().present if f not in iv.asked and f not in passed and not settled_by_another(f, iv.answers)
                  and _fits(f, iv)]
    if max(post) < CONFIDENT and candidates:
        gains = sorted(((cause_gain(post, f), f) for f in candidates), reverse=True)
        if gains[0][0] >= MIN_CAUSE_GAIN:
            return finding_question(gains[0][1])
    lowering = [f for f in open_rule if f not in passed]
    if down >= LEVEL_DOUBT and lowering:
        gain, best = max((_level_gain(worlds, levels, f), f) for f in lowering)
        if gain >= MIN_LEVEL_GAIN:
            return finding_question(best)
    if current == "self_care":
        parts = _unconfirmed_self_care(iv)
        if parts:
            return _confirm_question(iv, parts)  # words never complete a self-care pattern on their own
        # an item of a group left blank whose yes alone would raise the level is asked on its own, with its own help,
        # before the home-care list (walkthrough Y, Zoe: "there all the time" for one episode that has gone; it came
        # first only while the ranking happened to want it)
        raising = next((f for f in iv.to_ask if f not in iv.asked and f not in iv.answers and f in load().findings
                        and _fits(f, iv) and not settled_by_another(f, iv.answers)
                        and LEVELS.index(triage({**iv.answers, f: True}, iv.age).level) < LEVELS.index(current)), None)
        if raising is not None:
            return _clarify(raising, iv)
        if "screen_before_home_care" not in iv.shown:
            sweep = _sweep(iv)
            if sweep is not None:
                return sweep
    named = _named_cause_question(iv, post)
    if named is not None:
        return finding_question(named)
    to_ask = [f for f in iv.to_ask if f not in {f for g in _answer_one_of() for f in g} or _home_care_hinges_on(f, iv, current)]
    for fid in (*must_ask, *to_ask, *settling_questions(shortlist(rank(iv.answers, iv.age, iv.sex)))):
        if fid not in iv.asked and fid not in iv.answers and fid in load().findings and _fits(fid, iv) \
                and not settled_by_another(fid, iv.answers):
            return _clarify(fid, iv)
    return None


def listed_none(iv: Interview) -> frozenset[str]:
    """The items of a group of which one is usually true (there all the time, or comes and goes: interview.yaml
    `no_to_all_is_blank`) that a list showed and the person answered "none of these" to, every other item of it
    answered, and that are still not known: the result does not list them again as questions that would tell the
    causes apart (walkthrough Z, Priya: "none" to "Which of these fit", then "? Is the numbness there all the time?")."""
    out: set[str] = set()
    for q, updates, blank in iv.history:
        if q.kind not in ("screen", "sweep") or _is_left_blank(q):
            continue
        groups = [g for g in _answer_one_of() if set(g) <= set(q.findings)]
        grouped = {f for g in groups for f in g}
        if any(f in blank for f in q.findings if f not in grouped):
            continue  # the rest left blank too: not "none of these"
        out |= {f for g in groups if set(g) <= set(blank) for f in g}
    return frozenset(f for f in out if f not in iv.answers and f not in iv.asked)


# Above an emergency sign asked again on its own after a list's "no" (`ask_alone`): why it comes again.
ASKED_ALONE = ("You left this out of an earlier list. Your later answers make it important, so please check it once "
               "more on its own:")


def _listed_alone(iv: Interview) -> set[str]:
    """The `ask_alone` signs a list (screen or sweep) has asked so far."""
    alone = {a.finding for a in load().interview.ask_alone}
    return {f for q, _, _ in iv.history if q.kind in ("screen", "sweep") for f in q.findings if f in alone}


def asked_again(iv: Interview) -> set[str]:
    """The emergency signs a list answered no and a later question asked again on its own (`_ask_alone`): the one
    repeat the check allows, with its reason said (`ASKED_ALONE`)."""
    out: set[str] = set()
    for i, (q, _, _) in enumerate(iv.history):
        if q.kind == "finding" and q.findings[0] in _listed_alone(replace(iv, history=iv.history[:i])):
            out.add(q.findings[0])
    return out


def _ask_alone(iv: Interview) -> Question | None:
    """An emergency sign answered no only inside a list ("none of these"), asked once on its own when later answers
    tell its story (interview.yaml `ask_alone`; walkthrough S, Olivia: weak legs and a spread from her feet after
    "none" to "weakness rising from your legs"), even at the limit: the list's no may have been a sign not recognised."""
    for a in load().interview.ask_alone:
        if iv.answers.get(a.finding) is not False or compile_cond(a.when)(iv.answers, iv.age) is None:
            continue
        asked = [q for q, _, _ in iv.history if a.finding in q.findings]
        if asked and all(q.kind in ("screen", "sweep") for q in asked):
            return finding_question(a.finding)
    return None


def _before_call_now(iv: Interview, rules: Collection[str]) -> BeforeCallNow | None:
    """The one question asked before a call-now result resting on one of its rules (interview.yaml `before_call_now`;
    walkthrough U, Priya: a sudden start in both hands during a hypo, and no sugar first aid), once, even at the limit,
    while it is still open, nothing it skips on is answered no (diabetes) and nothing it is only without is answered
    yes or not sure (`only_without`: a cold sweat's heart-attack call asks about diabetes only with no chest pain,
    walkthrough Z, Priya), nor, for an entry `alone`, beside another emergency rule; None otherwise."""
    for b in load().interview.before_call_now:
        if not set(b.rules) & set(rules) or any(iv.answers.get(f) is False for f in b.skip_if_no):
            continue
        if any(iv.answers.get(f) is True or f in iv.unsure for f in b.only_without):
            continue  # the call rests on these (chest pain): it never waits for the question
        if b.alone and not set(rules) <= set(b.rules):
            continue  # another emergency's call (a sudden, very bad headache) never waits for it
        fid = b.ask
        if fid not in iv.asked and fid not in iv.answers and fid in load().findings and _fits(fid, iv) \
                and not settled_by_another(fid, iv.answers):
            return b
    return None


def _call_now_question(b: BeforeCallNow) -> Question:
    """That question in its path's words (the finding's own may ask what cannot be known yet)."""
    return replace(finding_question(b.ask), text=" ".join(b.text.split()), help=" ".join(b.help.split()),
                   why=" ".join(b.why.split()))


def _before_call_now_due(iv: Interview) -> BeforeCallNow | None:
    """The `before_call_now` question this interview asks next, first of the questions an emergency still has."""
    result = triage(iv.answers, iv.age)
    if result.level != "emergency":
        return _sugar_call_now(iv)
    return _before_call_now(iv, result.rules)


def _emergency_settler(iv: Interview) -> str | None:
    """The one open question that would settle a possible emergency whose other parts are all answered yes (or 'not
    sure', where its advice leads even then: a fever not sure, "Are you having chemotherapy?"), asked next rather
    than after the long lists, so the call advice is not left waiting behind them. Only rules made of plain yeses
    that nothing undoes (em_chemo_fever, a sudden start after an arm injury)."""
    if "screen_emergency" not in iv.shown:
        return None
    unsure = iv.unsure
    for c in compiled_rules():
        parts = c.rule.when.all or []
        if c.rule.level != "emergency" or c.rule.unless is not None or len(parts) < 2 or not all(p.present for p in parts):
            continue
        named = [p.present for p in parts if p.present is not None]
        open_ = [f for f in named if f not in iv.asked and f not in iv.answers]
        # a 'not sure' part counts only where the rule's own advice leads even when unsure (a fever in chemotherapy:
        # feeling unwell is a reason to call); an onset answered 'not sure' does not reorder the whole check, even for
        # a rule that leads from it (a start not known after an arm injury: the injury is asked in its usual place)
        # a rule that leads beside other doubts (low blood sugar, not sure of confusion) does not reorder the check
        # either: its other sign is asked in its usual place (walkthrough O)
        doubt_leads = c.rule.act is not None and c.rule.act.lead_if_unsure and not c.rule.act.lead_beside_doubts
        rest = [f for f in named if f not in open_]
        if len(open_) == 1 and all(iv.answers.get(f) is True or doubt_leads and f in unsure and f != "onset_sudden"
                                   for f in rest) \
                and any(iv.answers.get(f) is True or f in unsure for f in rest):
            fid = open_[0]
            if fid in load().findings and _fits(fid, iv) and not settled_by_another(fid, iv.answers):
                return fid
    return None


def _named_cause_question(iv: Interview, post: list[float]) -> str | None:
    """A cause a reason of the result names (low B12 beside diabetic nerve damage) that does not lead: the open sign of
    that reason's rule that best tells it from the leading cause (a sore red tongue), so the result does not name it
    while its telling sign was never asked. Judged between those two causes only, where a rare but telling sign counts."""
    m = model()
    lead = max(range(len(post)), key=post.__getitem__)
    result = triage(iv.answers, iv.age)
    rules = {r.id: r for r in load().triage.rules}
    # a rule whose reason an urgent result still says (`said_above`) names its cause there too
    held = result.rules + tuple(r.id for r, _ in fired_rules(iv.answers, iv.age) if r.said_above and r.id not in result.rules)
    for rule, i in [(rules[rid], m.causes.index(c)) for rid in held if rid in rules for c in rules[rid].names]:
        if i == lead:
            continue
        # its telling signs (`tells_apart`) are asked whatever their gain: a rare sign is the one that tells (walkthrough
        # Y, Eleanor: low B12 at 1 in 30 beside diabetic nerve damage, and her sore red tongue never asked)
        told = next((f for f in rule.tells_apart if f not in iv.asked and f not in iv.answers and f in load().findings
                     and not settled_by_another(f, iv.answers) and _fits(f, iv)), None)
        if told is not None:
            return told
        total = post[i] + post[lead]
        pair = [p / total if j in (i, lead) else 0.0 for j, p in enumerate(post)] if total > 0 else post
        signs = [f for f in dict.fromkeys(leaf.present for leaf in rule.when.leaves() if leaf.present)
                 if f is not None and f in m.present and f not in iv.asked and not settled_by_another(f, iv.answers)
                 and _fits(f, iv) and m.p[f][i] > m.p[f][lead]]
        gains = sorted(((cause_gain(pair, f), f) for f in signs), reverse=True)
        if gains and gains[0][0] >= NAMED_GAIN:
            return gains[0][1]
    return None


def simulate(findings: Mapping[str, bool], age: int | None = None, sex: str | None = None,
             limit: int = MAX_QUESTIONS) -> Interview:
    """Run the whole interview answering from a case's findings; a warning sign on a checklist that the case leaves
    out is answered no (the case format reads a red flag nobody mentioned as not there), anything else 'not sure'
    (how it started, which a rule reads as not known)."""
    signs = load().triage.warning_signs()
    iv = start(age, sex)
    while (q := next_question(iv, limit=limit)) is not None:
        lists = q.kind in ("screen", "sweep")
        iv = answer(iv, q, {f: findings.get(f, False) for f in q.findings if f in findings or (lists and f in signs)})
    return iv


def fingers_answer(left: set[int] | frozenset[int], right: set[int] | frozenset[int],
                   palm: Collection[str] = ()) -> dict[str, bool]:
    """The finger picker's findings from picked digits per hand (1 = thumb ... 5 = little, 0 = whole hand) and the
    sides whose palm at the base of the thumb was picked ("L", "R").

    A spot left unpicked is a no, the palm's too (the picker asks "which spots are numb"), so "Where else do you feel
    it?" never asks the palm again. Only the palm picked: the palm is a yes and the fingers stay not known.
    """
    if any(isinstance(d, bool) or not isinstance(d, int) or not 0 <= d <= 5 for d in (*left, *right)):
        raise ValueError("fingers are numbered 0 (whole hand) to 5 (little finger)")
    sides = {str(x).upper() for x in palm}
    if not sides <= {"L", "R"}:
        raise ValueError("a palm is picked on the left (L) or the right (R) hand")
    if not left and not right:
        if sides:
            return {PALM: True}
        raise ValueError("pick at least one finger")
    picked: set[int] = set()
    for digits in (left, right):
        picked |= set(range(1, 6)) if 0 in digits else set(digits)
    updates = {f: (i + 1) in picked for i, f in enumerate(FINGERS)}
    updates["numb_whole_hand"] = 0 in left or 0 in right
    both = bool(left or "L" in sides) and bool(right or "R" in sides)
    updates["both_hands"] = both
    updates["one_hand"] = not both
    updates[PALM] = bool(sides)
    return updates


def hand_only_answer(sides: Collection[str], left: set[int] | frozenset[int] = frozenset(),
                     right: set[int] | frozenset[int] = frozenset(), palm: Collection[str] = ()) -> dict[str, bool]:
    """The finger picker's findings when a hand is known but not its fingers (the terminal's R? / L?, the web's "Right
    hand, not sure which fingers"), so both faces answer the hand and never ask it again (walkthroughs AC, AE: Uma).

    `sides` are the hands not sure ("L", "R"); fingers or palms picked beside them count only as yes, nothing is a no.
    """
    hands = {str(x).upper() for x in sides}
    if not hands or not hands <= {"L", "R"}:
        raise ValueError("a hand not sure is the left (L) or the right (R) hand")
    palms = {str(x).upper() for x in palm}
    some = left or right or palms
    updates: dict[str, bool] = {f: v for f, v in fingers_answer(left, right, palms).items() if v} if some else {}
    both = len({s for s, digits in (("L", left), ("R", right)) if digits or s in palms} | hands) == 2
    updates.update(both_hands=both, one_hand=not both)
    return updates


HANDS_FINE_WORDS = "My hands are fine: only somewhere else is numb."  # that answer, as the web's button says it


def hands_fine_answer() -> dict[str, bool]:
    """The finger picker's findings when neither hand is numb (the terminal's 0, the web's "My hands are fine"): every
    spot and both hand questions a no, so a no to "only one hand?" is never read as both hands (walkthrough AW, Frank,
    whose feet alone tingled, read "Both of your hands are numb or tingling")."""
    return {f: False for f in (*FINGERS, "numb_whole_hand", PALM, *HANDS)}


def question(qid: str, kind: str, findings: tuple[str, ...] | list[str]) -> Question:
    """Rebuild a question a face kept as plain data (id, kind, findings); ValueError if it does not exist."""
    findings = tuple(findings)
    if kind == "finding":
        if qid not in load().findings:
            raise ValueError(f"no finding question '{qid}'")
        q = finding_question(qid)
    elif kind == "sweep":
        kb = load()
        s = kb.interview.safety_sweep
        for other in (kb.interview.after_description, kb.interview.confirm_home_care, kb.interview.left_blank,
                      kb.interview.confirm_emergency):
            if other is not None and qid == other.id:
                s = other
        if qid != s.id or not findings or any(f not in kb.vocabulary.findings for f in findings):
            raise ValueError(f"no sweep question '{qid}' with these findings")
        q = sweep_question(s, findings)
    elif kind == "choice" and (asked := length_question()) is not None and qid == asked.id:
        q = asked
    elif kind == "choice" and (foot := foot_question()) is not None and qid == foot.id:
        q = foot
    elif kind == "text":
        vocabulary = load().vocabulary.findings
        if qid != TEXT_STEP or any(f not in vocabulary for f in findings):
            raise ValueError(f"no text step '{qid}' with these findings")
        q = text_question(findings)
    else:
        by_id = {x.id: x for x in _step_questions()}
        if qid not in by_id or by_id[qid].kind != kind:
            raise ValueError(f"no {kind} question '{qid}'")
        q = by_id[qid]
        if kind == "fingers" and findings == OLD_PICKER:
            q = replace(q, findings=OLD_PICKER)
        if kind == "screen" and findings != q.findings and findings and set(findings) < set(q.findings):
            q = _trimmed(q, findings)
    if q.findings != findings:
        raise ValueError(f"question '{qid}' does not ask about these findings")
    return q


def to_data(iv: Interview) -> dict[str, Any]:
    """The interview as JSON-ready plain data, so a face can keep it between requests (see from_data)."""
    out: dict[str, Any] = {
        "age": iv.age,
        "sex": iv.sex,
        "steps": [[q.id, q.kind, list(q.findings), dict(updates), list(blank)] for q, updates, blank in iv.history],
    }
    if iv.words:
        out["words"] = {f: list(w) for f, w in iv.words.items()}
    if iv.to_ask:
        out["to_ask"] = list(iv.to_ask)
    if iv.said_days is not None:  # the words' length; an answer to how long is kept in its step
        out["days_so_far"] = iv.said_days
    if iv.confirmed:
        out["confirmed"] = sorted(iv.confirmed)
    if iv.said_foot is not None:  # the words' foot sore; an answer to the question is kept in its step
        out["foot_sore"] = iv.said_foot
    return out


def from_data(data: Any) -> Interview:
    """Rebuild an interview from to_data's output by replaying each answer; ValueError when malformed."""
    if not isinstance(data, Mapping):
        raise ValueError("interview data must be an object")
    age, sex, steps = data.get("age"), data.get("sex"), data.get("steps", [])
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= 120):
        raise ValueError("age must be a whole number from 0 to 120, or null")
    if sex not in (None, "female", "male"):
        raise ValueError("sex must be female, male or null")
    if not isinstance(steps, list):
        raise ValueError("steps must be a list")
    words = data.get("words") or {}
    if not (isinstance(words, Mapping) and all(isinstance(f, str) and isinstance(w, list) and all(isinstance(x, str) for x in w)
                                               for f, w in words.items())):
        raise ValueError("words must map findings to lists of words")
    to_ask = data.get("to_ask") or []
    if not (isinstance(to_ask, list) and all(isinstance(f, str) and f in load().findings for f in to_ask)):
        raise ValueError("to_ask must list findings")
    days = data.get("days_so_far")
    if days is not None and (type(days) not in (int, float) or not 0 <= days <= 36500):
        raise ValueError("days_so_far must be a number of days, or null")
    foot = data.get("foot_sore")
    if foot is not None and type(foot) is not bool:
        raise ValueError("foot_sore must be true, false or null")
    confirmed = data.get("confirmed") or []
    if not (isinstance(confirmed, list) and all(isinstance(f, str) and f in load().findings for f in confirmed)):
        raise ValueError("confirmed must list findings")
    iv = replace(start(age, sex), words={f: tuple(w) for f, w in words.items()}, to_ask=tuple(to_ask),
                 said_days=None if days is None else float(days), confirmed=frozenset(confirmed), said_foot=foot)
    for step in steps:
        if not (isinstance(step, list) and len(step) in (4, 5) and isinstance(step[0], str) and isinstance(step[1], str)
                and isinstance(step[2], list) and isinstance(step[3], Mapping)
                and (len(step) == 4 or isinstance(step[4], list) and all(isinstance(f, str) for f in step[4]))):
            raise ValueError("each step must be [id, kind, findings, answers, blank]")
        iv = answer(iv, question(step[0], step[1], step[2]), dict(step[3]), step[4] if len(step) == 5 else ())
    return iv


__all__ = ["ABOUT_HELP", "said_by_words", "told_in_words", "ALSO_UNDERSTOOD", "ASKED_ALONE", "asked_again", "choice_answer", "ASKED_BACK", "ASKED_BACK_LIST", "asked_back", "FOR_SOMEONE_ELSE", "FOR_SOMEONE_ELSE_TOLD", "Interview", "Question", "about_due", "after_emergency", "answer", "call_advice", "cause_gain", "describe", "EarlyCall",
           "finding_question", "fingers_answer", "hand_only_answer", "worded", "from_data", "next_question", "outcome", "positive_findings", "question",
           "settled_emergency", "listed_none", "check_now", "check_with", "emergency_beside", "emergency_first", "now_first", "still_loud", "sugar_first", "SugarStep", "act_first", "ActStep", "still_calls", "simulate", "start", "to_data", "undo", "own_checks", "unsure_advice", "unsure_checks",
           "words_check_now", "LENGTH", "length_question", "FOOT", "foot_question", "from_questions", "sugar_call_line", "prefixes"]
