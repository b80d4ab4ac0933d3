"""The result plan: everything a finished check tells a person, decided once here and only rendered by the faces.

`result_plan(assessment, unsure)` is pure: the same assessment and the same "not sure" answers give
the same plan in the terminal, the web page, the JSON API and the doctor's report.
"""

from __future__ import annotations

import functools
import math
import re

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from numbwise.assess.chance import format_chance, short_chance
from numbwise.assess.engine import Assessment, moot, unsure_sign_matters
from numbwise.assess.explain import STRONG, cause_reasons, quiet_reasons, rule_why, statement, triage_reasons
from numbwise.assess.interview import (FINGERS, EarlyCall, sugar_call_line, cause_gain, check_text, check_with, checklist_label, fits, own_checks, positive_findings, settled_by_another,
                                      unsure_checks)
from numbwise.assess.ranking import model, posterior, rank
from numbwise.assess.triage import (
    HISTORY_GROUP, LEVELS, more_urgent, SELF_CARE_CAUSE_RULE, UNSURE_RULE, Triage, compile_cond, compiled_rules, fired_rules, rule_causes, signs_shown, urgent_signs,
    triage, watched_causes,
)
from numbwise.assess.warnings import cause_watch_for, WatchFor, watch_for
from numbwise.care.plan import with_care_link
from numbwise.kb import load
from numbwise.kb.models import FootSoreLead, Level, LevelAloneLine, LevelRuleLine, OnsetLong, Rule, RuleAct, RuleBut, StartStory, UnsureLead, in_sentence
from numbwise.kb.models import Step as InterviewStep

TELL_APART = 0.6  # the leading cause must be at least this likely ...
LEAD_RATIO = 2.0  # ... at least twice as likely as the next ...
MIN_REASONS = 2  # ... and rest on at least this many of the person's own answers
MOST_CAUSES = 3
MOST_QUESTIONS = 3
CANT_TELL = "We can't tell yet what is causing it."
# The same when one cause leads the list: "can't tell" alone above "Alcohol-related neuropathy (about 8 in 10)" read as
# two opposite messages (walkthrough AL, Omar; Sara): it says which fits best, and that it is not sure yet.
CANT_TELL_BEST = "We can't tell yet for sure what is causing it. So far, {name} fits your answers best."
# Under a banner a rule leads from a 'not sure' (low blood sugar, walkthrough V, Priya) its own cause is listed first,
# never "Most likely: Carpal tunnel syndrome" or "We can't tell yet" with it second under "Have something sugary now".
LEAD_CAUSE = "It may be {name}, which the advice at the top is for. We can't tell yet for sure."
# Beside that cause when its chance, counted from the sure answers only, is small (walkthrough X, Priya: "Low blood
# sugar (fewer than 1 in 20)" under "Have something sugary now"): what the number leaves out.
# Also when the answers that would raise it were never asked (walkthrough AB, Priya chose "see what to do now" before
# the diabetes question: "counts only the answers you were sure of" was not the reason).
LEAD_CHANCE = ("This chance counts only the answers you were sure of, and some questions were not asked. The advice at "
               "the top is for it, in case what you were not sure of, or were not asked, is yes.")
CAUSES_NOTE = "These are the likely causes of the numbness itself. Whatever the cause, follow the advice at the top first."
CANT_TELL_MORE = ("Your answers fit more than one cause. These questions would help tell them apart. Think about them "
                  "before you see a doctor, and take your answers with you:")
MIN_SPREAD = 0.02  # how much a finding's chance must differ between the causes shown for it to tell them apart
UNSURE_PARTS = "You were not sure about:"
# the first cause listed when none of the person's answers points to it (only away, or none): why it is there
COMMON_NOTE = "Listed because it is common, not because of your answers."
COMMON_AWAY_NOTE = ("Listed because it is common. Some of your answers point away from it, but not enough to rule "
                    "it out.")
# a child's numbers would come from a model built on adult studies: the ranking is shown, never a chance
CHILD_CHANCE = "Our chances come from studies of adults, so we give no numbers for a child."
CANT_TELL_DOCTOR = ("Your answers fit more than one cause, and no more questions here would tell them apart. A doctor "
                    "can, with an examination or tests.")
ASK_DOCTOR_HEADING = "What a doctor can offer"  # the advice's doctor-only treatments, apart from the home steps
LOOKS_LIKE = "For example"  # a finding's help that pictures the sign (findings.yaml), shown beside a 'not sure'
UNSURE_URGENT = "If any of these might be true, see a doctor today."
UNSURE_URGENT_OTHERS = "If any of the others might be true, see a doctor today."
# the person answered these "not sure" (or left them blank when asked back, which the check counts as not sure)
UNSURE_HEADINGS = {"emergency": "You were not sure about these emergency signs",
                   "urgent": "You were not sure about these signs that need a doctor today",
                   "routine": "You were not sure about these signs that would change what to do"}
# An urgent group that holds answers about the story, not signs to look for ("It went away completely within an
# hour" read as a warning sign, walkthrough J): called answers, with the same "see a doctor today if" below it.
UNSURE_ANSWERS_URGENT = "You were not sure about these answers, which could mean a doctor today"
# An urgent group whose every sign's own rule says now (the maternity unit): no "today" in its heading (walkthrough AP,
# Lena: "signs that need a doctor today" over "Call your maternity unit or midwife now")
UNSURE_HEADING_NOW = "You were not sure about these signs, which need help now"
STORY_GROUPS = frozenset({HISTORY_GROUP, "onset_and_course"})  # findings.yaml groups of answers about the story
# Emergency answers about how the numbness started, not signs to look for: a box that holds only these, with the
# injury, is headed as answers (walkthrough V, Tariq: "How fast it started" and an injury read as "emergency signs")
EMERGENCY_STORY = frozenset({"onset_sudden", "head_or_neck_injury"})
INJURY = "head_or_neck_injury"
UNSURE_ANSWERS_EMERGENCY = "You were not sure about these answers, which could mean an emergency"
# On a call-now result a sign the person was not sure of changes nothing to do, but is said back, never dropped
# (walkthrough J: Grace's 'not sure' drooping face was missing), with what to do with it.
UNSURE_SAID_BACK = {"emergency": ("You were also not sure about these signs", "Tell the call handler about them too."),
                    "urgent": ("You were also not sure about these signs", "Tell the doctor about them too.")}
# Every other answer the person was not sure of is said back too, once (walkthrough Q: Ruth's 'not sure' to "very tired
# and pale", Hana's to memory or mood changes vanished from a routine and a self-care result): a yes would not make the
# result more urgent (those are the groups above), but it can point to a cause, which a doctor can check.
FOOT_SORE = "foot_sore"  # the not-sure item of the foot-sore question (the case's foot_unsure): no finding's ID
# the level name of its group: a check the person can do today (look at the feet), no level of help a rule sets, so
# never a caution that leads the banner (the web's class, the coherence checks)
FOOT_DOUBT = "foot"
NOTED = "noted"  # the level name of that group: no level of help (the web's class, the bench's checks)
UNSURE_NOTED = ("You were not sure about these answers", "You were also not sure about these answers")
UNSURE_NOTED_ACT = {"emergency": "Not knowing does not change what to do now. Tell the call handler or the doctor about {it} too.",
                    # "knowing", not "a yes": the finger picker left open has none (walkthrough AX, Omar, Beatrice)
                    "": "Knowing would not make this more urgent. Tell your doctor about {it}: a doctor can check {it}."}
# ... how it started is a story, not a thing a doctor checks (walkthrough BA, Elena: "? How fast it started ... a doctor
# can check it")
UNSURE_NOTED_ACT_STORY = "Knowing would not make this more urgent. Tell your doctor about {it}."
# ... and a sign of the emergency screen, whose check said "call now if it might be happening": with these answers a yes
# would not change the level, but that check still stands (walkthrough BC, Greta: "? Numbness of your leg on the same
# side" under "Knowing would not make this more urgent", after Question 1's "call your emergency number now")
UNSURE_NOTED_SCREEN = "But if {it} comes on suddenly, call your emergency number now."
STORY_ONLY = frozenset({"onset_sudden", "onset_gradual", "onset_over_days", "spreads_over_minutes"})
# ... but only where that is true: an answer whose yes would change the banner or the first thing to do (a 'not sure' to
# the signs of low blood sugar beside a 'not sure' confusion, walkthrough V, Priya) is said back with what it changes,
# and the signs a leading rule's banner already speaks of with that banner.
UNSURE_NOTED_CHANGES = "A yes would change what to do. If you find out, check again with your answer."
UNSURE_NOTED_LEAD = "What to do at the top is for {it} too."
# each kind its own heading: two groups both headed "You were also not sure about these answers" read as one list said
# twice, and the report (which finds a group by its heading) merged them
UNSURE_NOTED_KIND = {UNSURE_NOTED_CHANGES: ", which could change what to do",
                     UNSURE_NOTED_LEAD: ", which the advice at the top is for"}
PLAN_DOUBT = "routine"  # the level of the group of the leading cause's own escalation answers (see _plan_group)
PLAN_SAME_LEVEL = "Tell your doctor at your visit."  # such an answer's step when the result already says that soon
POINTS_TO = "Points to it"  # what a cause's answers for it are called on every face (the terminal marks them +)
POINTS_AWAY = "Points away"  # ... and its answers against it (the terminal marks them -)
HAND_DIAGRAM_HEADING = "Your hand diagram"
HAND_DIAGRAM_INTRO = "The spots you marked, rated with the Katz and Stirrat hand diagram:"
PALM_FINDING = "numb_thenar_palm"  # the "Where else" palm answer: the last word on the palm for the hand diagram


@dataclass(frozen=True)
class Reason:
    """An answer the person gave (finding, yes or no) in their own words."""

    finding: str
    answer: bool
    text: str


@dataclass(frozen=True)
class CauseLine:
    """A cause to show: its chance in words, the answers for and against it."""

    id: str
    name: str
    chance: str  # "about 7 in 10 people with answers like yours"
    short: str  # "about 7 in 10"
    value: int  # 1-99, for a meter
    towards: tuple[Reason, ...]
    away: tuple[Reason, ...]
    has_page: bool
    note: str = ""  # an emergency-type cause below emergency: why it is not the level; else a first cause nothing points to


@dataclass(frozen=True)
class Step:
    """A home step from the leading cause's own care plan, with how long to try it."""

    do: str
    how_long: str | None
    treatment: str | None
    treatment_name: str | None


@dataclass(frozen=True)
class Advice:
    """What may help: the leading cause's own care plan (its first steps only, never another cause's)."""

    cause: str
    cause_name: str
    kind: str  # "plan", "generic" or "doctor_first" (as care.plan.CarePlan.kind)
    summary: str
    steps: tuple[Step, ...]
    routine: str | None
    ask_doctor: tuple[str, ...] = ()  # what a doctor can offer (prescription medicines): beside the home steps, never one of them
    # the steps are the plan's `while_waiting` ones, beside a visit its escalation already asks for (walkthrough Y,
    # George): no home plan of their own, so no "What you can do at home" heading
    waiting: bool = False


@dataclass(frozen=True)
class Unsure:
    """Something the person was not sure about that could change what to do."""

    finding: str
    text: str
    level: str  # the level it could raise the result to (NOTED: none, said back so no answer is dropped)
    means: str = ""  # what a yes would point to (findings.yaml `why`), for a noted answer whose yes argues for a cause
    # the other answers this one item stands for, said once with it: every finger, the whole hand and the palm left not
    # sure by "Right hand, not sure which fingers" (walkthrough AF, Uma; `_one_picker`)
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnsureGroup:
    """Signs the person was not sure of that could raise the result to one level, with how to check them.

    The "routine" group holds the escalation answers of the home plan shown (care.yaml `said`: thin thumb muscles),
    with what the plan says to do if one is true; the home steps stay beside it.
    """

    level: str
    heading: str
    items: tuple[Unsure, ...]
    advice: tuple[str, ...]


@dataclass(frozen=True)
class WatchGroup:
    """The changes to watch for at one level of help, under that level's heading."""

    level: str
    heading: str
    items: tuple[WatchFor, ...]


@dataclass(frozen=True)
class HandClass:
    """One hand's Katz and Stirrat class from the spots the person marked."""

    hand: str  # "Right hand"
    label: str  # "Classic"
    meaning: str


@dataclass(frozen=True)
class NextStep:
    """Where to go next, the same in both faces: a command for the terminal, a page for the web."""

    id: str
    label: str
    command: str
    href: str


@dataclass(frozen=True)
class HandDiagram:
    """The hand diagram's class of each marked hand, shown beside a carpal tunnel result (the pattern it rates)."""

    heading: str
    intro: str
    hands: tuple[HandClass, ...]
    more: NextStep  # about the score: a command for the terminal, a page for the web


@dataclass(frozen=True)
class ResultPlan:
    """A finished check for people: level and action, what was unsure, causes, advice, warnings, next steps."""

    level: str
    title: str
    action: str
    by_when: str
    caution: str  # atop the banner when a sign answered 'not sure' would make it more urgent (else empty)
    numbers: tuple[tuple[str, str], ...]  # emergency numbers (number, where) for call buttons
    do: tuple[str, ...]
    do_not: tuple[str, ...]
    signs: tuple[Reason, ...]  # warning signs in the answers that set this level (emergency or urgent only)
    why: tuple[str, ...]
    unsure: tuple[UnsureGroup, ...]  # most urgent first, each with how to check and what to do if it might be true
    told_apart: bool  # False: the answers cannot tell the causes apart yet
    headline: str  # what the causes come to, in one sentence
    causes_note: str  # on an urgent result: the causes of the numbness never soften the advice at the top
    causes: tuple[CauseLine, ...]
    questions: tuple[str, ...]  # questions that would tell the causes apart (when not told apart)
    questions_intro: str
    advice_heading: str
    advice: Advice | None
    watch_for: tuple[WatchGroup, ...]
    next_steps: tuple[NextStep, ...]
    read_later: tuple[tuple[str, str], ...]  # on an emergency: (id, name) of the emergency-type causes the coherence rule would act on
    notice: str
    hand_diagram: HandDiagram | None = None  # the marked fingers rated, beside a carpal tunnel result only
    leads: str = ""  # the level of a 'not sure' sign's rule whose own act leads the banner (the chemotherapy helpline)
    # When the caution leads the banner (no rule leads): its heading, shown first, and its level (the banner's colour);
    # title, action and by-when then read as what to do only if none of those signs is true.
    caution_title: str = ""
    caution_level: str = ""
    do_heading: str = "What to do"
    # with a caution that leads: True when title, action and by-when are one path for the person not sure (a sign that
    # may have come and gone: medical help today), not the level's words for "only if none of those signs is true"
    caution_today: bool = False
    # with a caution that leads: True when title, action and by-when are one path, call the emergency number now (the
    # numbness itself may be a stroke now: one hand, start not known, not known to be old; `_now_lead`); never with
    # caution_today, with the emergency level's own to-do list (`_now_todo`) and no next steps that wait
    caution_now: bool = False
    # with a caution that leads: True when title, action and by-when are one path, a GP within a few days, for a start
    # not known in numbness weeks old (`_old_lead`, walkthrough Q); the level's own advice follows it
    caution_soon: bool = False
    # True when title, action and by-when are one path, a foot check today, for a foot sore with diabetes (the case's
    # foot_sore, `_foot_lead`, walkthrough T, Ben), in the urgent colour; the level's own advice follows under do_heading
    foot_today: bool = False
    # Safety steps tied to the answers, not to a cause (diabetes with numb feet: check your feet every day), under
    # their heading: they hold whatever the cause, so they are shown even when the causes cannot be told apart.
    safety_heading: str = ""
    safety: tuple[str, ...] = ()
    # When the banner's own call is not the emergency number (a cancer helpline): where that number is, leading the
    # call buttons, and the line right above the emergency buttons that says when to use them (walkthrough U, Kim
    # tapped 999 under "call your cancer helpline now"). Empty on every other result; the buttons always stay.
    call_where: str = ""
    call_intro: str = ""
    # Said once near the top when an early call screen of the step-by-step check said call now and this result does
    # not: what that screen did not know yet and the answers that changed it (assess/takeback.py, walkthrough X, Priya)
    taken_back: str = ""
    # The call buttons stand under the emergency watch lines ("Call your emergency number now if"), not in the banner:
    # a start not known that is not an emergency now, below the level's headline (`_onset_below`, walkthrough AA,
    # Marcus: three Call buttons atop "see a doctor today" about a start "not an emergency now")
    calls_with_watch: bool = False
    # True when a rule that fired on yes answers, with its own act (contact your maternity team now), leads the banner
    # over a caution from 'not sure' signs (`_acts_first`): the caution says its own line under the rule's title, never
    # "we can't tell yet how urgent this is" as the headline (walkthrough AC, Aisha)
    rule_leads: bool = False
    # Under a call-now banner the cause the call is for is listed first, as what must be ruled out, and this heading
    # stands before the other causes (causes[1:]), with no chances (unsure_lead `now_others_heading`, walkthrough AC,
    # Frank); "" everywhere else
    others_heading: str = ""
    # In the banner, after the by-when: the foot-sore question answered 'not sure' with diabetes, said back with look
    # at both feet today (walkthrough BN, Maya); its not-sure group (FOOT_DOUBT) says what to do if one is found
    foot_check: str = ""

    @property
    def banner_level(self) -> str:
        """The level whose colour the banner takes: the level its headline names on a one path (help today: urgent,
        whatever the doubt; walkthrough Q, Ella's father read the call-now red over "get medical help today"), else a
        'not sure' sign's rule or caution that leads it, else the result's own."""
        if self.caution_today or self.foot_today:
            return "urgent"
        return self.leads or self.caution_level or self.level

    @property
    def one_path(self) -> bool:
        """Is the banner one path for the person not sure (help today, call now, or a GP within a few days), not "if
        none of them: ..."?"""
        return self.caution_today or self.caution_now or self.caution_soon or self.foot_today

    @property
    def heading(self) -> str:
        """The banner's first heading, on every face: the level's words when it is one path ("Get medical help
        today", walkthrough Q), the caution's heading when the caution leads, else the title."""
        return self.title if self.one_path else self.caution_title or self.title

    @property
    def doubt_heading(self) -> str:
        """Under a one path's heading: what the person was not sure of ("Not sure how fast it started"), or ""."""
        return self.caution_title if self.one_path else ""

    @property
    def otherwise_title(self) -> str:
        """After a caution that leads (not one path): the level's title, worded for when none of those signs is true."""
        return self.title if self.caution_title and not self.one_path else ""

    @property
    def caution_below(self) -> bool:
        """Does the caution stand under the banner's own action and by-when, not above them? Yes when a rule's own
        act leads (`rule_leads`): what she is sure to do (call the maternity unit) comes right under its title, then
        the doubt's line and its call buttons (walkthrough AD, Aisha: on a phone the first screen was the headline, the
        not-sure box and a big "Call 911", her maternity unit below the fold)."""
        return self.rule_leads and bool(self.caution)

    @property
    def calls_with_caution(self) -> bool:
        """The call buttons belong to the 'not sure' caution (not to a routine or urgent banner's own advice); never
        when the banner introduces them as its second call (`call_intro`): they go after its own call; nor when they
        stand under the call-now-if lines (`calls_with_watch`)."""
        return bool(self.numbers) and self.level != "emergency" and not self.call_intro and not self.calls_with_watch

    @property
    def calls_in_banner(self) -> bool:
        """The call buttons stand at the end of the banner (an emergency's, or second after a helpline's call)."""
        return bool(self.numbers) and not self.calls_with_caution and not self.calls_with_watch

    @property
    def top(self) -> CauseLine | None:
        """The leading cause shown, if any."""
        return self.causes[0] if self.causes else None

    @property
    def named(self) -> CauseLine | None:
        """The leading cause when the result names it as the answer; None on an emergency or "We can't tell yet"."""
        return self.causes[0] if self.causes and self.told_apart and self.level != "emergency" else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form for the API and the report, with the banner's order and colour as every face shows them."""
        return asdict(self) | {"heading": self.heading, "doubt_heading": self.doubt_heading,
                               "otherwise_title": self.otherwise_title, "banner_level": self.banner_level}


def _for_this_person(items: tuple[WatchFor, ...], findings: Mapping[str, bool], age: int | None,
                     level: str) -> tuple[WatchFor, ...]:
    """File each warning under the level the rules give this person if it happened (fever with chemotherapy is an
    emergency; worsening after a slow start is routine), once: a change raised to a rule that has its own line there
    is that line. A line whose change would not be more urgent than the result (`level`) is left out."""
    levels = load().triage.levels
    when = _rule_triggers()
    own = {w.rule_id for w in items}
    out = []
    for w in items:
        hyp = triage({**findings, **{f: True for f in w.findings}}, age)
        lv = hyp.level
        if lv in ("emergency", "urgent") and LEVELS.index(lv) < LEVELS.index(w.level):
            raised_by = {rid for rid in hyp.rules if rid in when and when[rid][0] == lv and set(w.findings) & when[rid][1]}
            if not raised_by:
                continue  # more urgent only because it breaks the exception that explained the story: not a sign to call for
            if raised_by <= own:
                continue  # "spreads to your legs" raised to the fast-spread rule, whose own line says it already
            heading = levels[lv].watch_heading  # type: ignore[index]
            w = replace(w, level=lv, heading=heading or w.heading)
        elif w.findings and w.level != "emergency" and LEVELS.index(lv) > LEVELS.index(w.level):
            # what the rules would make of this change for this person is calmer than the line's heading ("gets worse
            # day by day" after a slow start is routine): filed there, or left out when it would change nothing. An
            # emergency line is a new event (a new sudden numbness), which the exceptions of the story told do not cover.
            heading = levels[lv].watch_heading  # type: ignore[index]
            if not heading or LEVELS.index(lv) >= LEVELS.index(level):
                continue
            w = replace(w, level=lv, heading=heading)
        out.append(w)
    return tuple(out)


def _without_doubts(items: tuple[WatchFor, ...], groups: tuple[UnsureGroup, ...],
                    keep: Collection[str] = ()) -> tuple[WatchFor, ...]:
    """A line that names a sign a not-sure group already acts on is said without it, one change a line (its `parts`):
    "You have chest pain or pressure, or a cold sweat ..." beside a 'not sure' chest pain would read as "watch for
    what you already told us" (walkthrough F), so only "You get a cold sweat ..." stays. A part about another sign
    stays even when the group shows the stroke checks: they only show what is happening now, and a sudden loss of
    balance later is still what to call for (walkthrough V, Fatima: a 'not sure' confusion took "You suddenly lose your
    balance" off the list). Each part is then filed by its own change, as any line is. A line in `keep` (worded for a
    sign coming back, `_watch_again`) stays whole."""
    doubted = {u.finding for g in groups for u in g.items}
    out: list[WatchFor] = []
    for w in items:
        mine = [f for f in w.findings if f in doubted]
        if not mine or not w.parts or w.text in keep:
            out.append(w)
            continue
        out += [replace(w, text=text, findings=(f,), parts=()) for f, text in w.parts if f not in doubted]
    return tuple(out)


def _not_in_groups(items: tuple[WatchFor, ...], groups: tuple[UnsureGroup, ...],
                   keep: Collection[str] = ()) -> tuple[WatchFor, ...]:
    """Leave out a warning whose changes are all signs the person was not sure of, when the not-sure groups already
    give each an action at least as urgent ("gets worse day by day" beside "not sure: it gets worse ... see a doctor
    today"); and one that names such a sign when that group also checks every other change it names (a 'not sure'
    to speech: the stroke checks of face, arms and speech are already there, with "call now if any might be
    happening"). A warning about anything else (chest pain beside a 'not sure' cold sweat), or more urgent than its
    group, stays, as does one in `keep` (worded for a sign that may have come and gone coming back)."""
    doubt = {u.finding: LEVELS.index(g.level) for g in reversed(groups) for u in g.items}  # the most urgent group's
    checked = {u.finding: _checks(g) for g in reversed(groups) for u in g.items}

    def repeats(w: WatchFor) -> bool:
        mine = [f for f in w.findings if f in doubt and doubt[f] <= LEVELS.index(w.level)]
        return bool(mine) and all(f in doubt and doubt[f] <= LEVELS.index(w.level) or any(f in checked[d] for d in mine)
                                  for f in w.findings)

    return tuple(w for w in items if w.text in keep or not (w.findings and repeats(w)))


def _checks(group: UnsureGroup) -> frozenset[str]:
    """The signs a not-sure group checks: its own, and the stroke signs when it shows the emergency screen's checks."""
    screen = _emergency_screen()
    own = frozenset(u.finding for u in group.items)
    if screen is None or screen.if_unsure is None or not set(screen.if_unsure.check) <= set(group.advice):
        return own
    return own | frozenset(screen.if_unsure.for_findings)


def _watch_groups(items: tuple[WatchFor, ...], level: str) -> tuple[WatchGroup, ...]:
    """The triage rules' warnings under their headings, most urgent level first (assess.warnings decides which); at
    one level a line's own heading ("Call your maternity unit or midwife now if", walkthrough N) comes before the
    level's ("See a doctor today if"), so a line never says "now" under a heading that says "today"."""
    groups = []
    levels = load().triage.levels
    for lv in ("emergency", "urgent", "routine"):
        mine = [w for w in items if w.level == lv]
        headings = sorted(dict.fromkeys(w.heading for w in mine), key=lambda h: h == levels[lv].watch_heading)
        groups += [WatchGroup(lv, h, tuple(w for w in mine if w.heading == h)) for h in headings]
    return tuple(groups)


@dataclass(frozen=True)
class _Act:
    """The banner and the what-to-do lists of a result."""

    title: str
    action: str
    by_when: str
    do: tuple[str, ...]
    do_not: tuple[str, ...]
    call_where: str = ""  # where the banner's own call's number is, leading the emergency buttons (RuleAct.call_where)
    call_intro: str = ""  # right above the emergency buttons, which then stand second (RuleAct.call_intro)


def _calls_of(acts: Sequence[RuleAct]) -> tuple[str, str]:
    """The acts' one `call_where` and `call_intro` when every act of the banner has the same (a helpline's), else none:
    beside an act without them the buttons are the first call, as on any emergency."""
    said = {(a.call_where, a.call_intro) for a in acts}
    where, intro = said.pop() if len(said) == 1 else (None, None)
    return " ".join((where or "").split()), " ".join((intro or "").split())


def _act(level: str, rules: Collection[str], findings: Mapping[str, bool] | None = None, age: int | None = None,
         unsure: Collection[str] = ()) -> _Act:
    """The level's advice, or the advice of the rules that set it (Rule.act) when each has its own; next to a
    rule without one, the level's advice stays and the others' lines are added, so none is lost or contradicted.
    The level's lines are worded for the answers (`reworded`: "even if it comes and goes" only for spells, and
    no "see a doctor if it lasts" beside attacks that keep coming)."""
    kb = load()
    lt = kb.triage.levels[level]  # type: ignore[index]
    if lt.reworded and findings is not None:
        said = {r.line: r.instead for r in lt.reworded if compile_cond(r.when)(findings, age) is not None
                and (not r.rules or set(r.rules) & set(rules))}
        lt = lt.model_copy(update={"action": said.get(lt.action, lt.action), "by_when": said.get(lt.by_when, lt.by_when),
                                   "do": [said.get(d, d) for d in lt.do], "do_not": [said.get(d, d) for d in lt.do_not]})
    fired = [r for r in kb.triage.rules if r.id in rules and r.level == level]
    acts = [_worded(_fitting(r.act, findings or {}, age), findings, age) for r in fired if r.act is not None]
    if acts and len(acts) == len(fired):
        titles = {a.title or lt.title for a in acts}
        whens = {a.by_when or lt.by_when for a in acts}
        return _Act(titles.pop() if len(titles) == 1 else lt.title, " ".join(dict.fromkeys(a.action for a in acts)),
                    whens.pop() if len(whens) == 1 else lt.by_when,
                    tuple(dict.fromkeys(d for a in acts for d in a.do)), tuple(dict.fromkeys(d for a in acts for d in a.do_not)),
                    *_calls_of(acts))
    dropped = {d for a in acts for d in a.drops}
    dropped |= _not_for(lt.only_for, rules, findings or {}, age, unsure)  # "nothing to swallow" is a stroke's
    alone = {a.line: a.instead for a in lt.alone_for if _alone(a, fired, findings or {})}
    first = [a.also or a.action for a in acts if a.also_first]  # first aid that cannot wait (sugar), before "call now"
    # the level's lines said for one told to have the sugar (`first_with_says`), as when it leads unset (`_first_aid`)
    says = _says([a for a in acts if a.also_first])
    own = [alone.get(d, d) for d in lt.do if d not in dropped]
    leading = [a.also or a.action for r, a in zip([r for r in fired if r.act is not None], acts) if r.leads]
    return _Act(lt.title, lt.action, lt.by_when,
                tuple(dict.fromkeys([*first, *own[:1], *leading, *own[1:], *(a.also or a.action for a in acts)])),
                tuple(dict.fromkeys([*(says.get(alone.get(d, d), alone.get(d, d)) for d in lt.do_not if d not in dropped),
                                     *(d for a in acts for d in a.do_not)])))


def _alone(line: LevelAloneLine, fired: Sequence[Rule], findings: Mapping[str, bool]) -> bool:
    """Did only the rules of this line's story set the level (`alone_for`)? A rule of another story counts as this one's
    when only the signs `counts` lists set it off (new confusion beside low blood sugar's signs: walkthrough Z, Walt)."""
    trig = _rule_triggers()
    own = {r.id for r in fired if not (r.id in line.counts and r.id in trig and {
        f for f in trig[r.id][1] if findings.get(f) is True} <= set(line.counts[r.id]))}
    return bool(own) and own <= set(line.rules)


def _says(acts: Sequence[RuleAct]) -> dict[str, str]:
    """The call-now result's own lines said in the words of a first aid that leads it (`first_with_says`)."""
    return {" ".join(k.split()): " ".join(v.split()) for a in acts for k, v in a.first_with_says.items()}


def _not_for(bound: Sequence[LevelRuleLine], rules: Collection[str], findings: Mapping[str, bool], age: int | None,
             unsure: Collection[str]) -> set[str]:
    """The level's rule-bound lines this result leaves out (`only_for`): none of their rules fired, their answers do
    not hold (`when`), or a rule they must never stand beside fired or would if a 'not sure' sign were yes
    (`not_beside`: no aspirin beside a possible stroke, walkthrough Y, Raj)."""
    maybe: set[str] = set()
    if unsure and any(o.not_beside for o in bound):
        maybe = set(triage({**findings, **dict.fromkeys(unsure, True)}, age).rules)
    return {o.line for o in bound if not set(o.rules) & set(rules)
            or (o.when is not None and compile_cond(o.when)(findings, age) is None)
            or set(o.not_beside) & (set(rules) | maybe)}


def _worded(act: RuleAct, findings: Mapping[str, bool] | None, age: int | None) -> RuleAct:
    """A rule's act with its lines worded for the answers (`reworded`: no "if you have diabetes" to someone who said
    so, walkthrough O, Priya)."""
    if not act.reworded or findings is None:
        return act
    said = {r.line: r.instead for r in act.reworded if compile_cond(r.when)(findings, age) is not None}
    return act.model_copy(update={"action": said.get(act.action, act.action),
                                  "also": said.get(act.also, act.also) if act.also else act.also,
                                  "do": [said.get(d, d) for d in act.do], "do_not": [said.get(d, d) for d in act.do_not]})


def saved_act(level: str, case: Mapping[str, Any]) -> tuple[str, str] | None:
    """The banner title and action a saved check showed, rebuilt from its answers (None when they cannot be read).

    Pages that repeat an earlier check's advice (exercises) use it, so a pre-eclampsia check is not
    repeated there as the generic "see a doctor today". Rules that no longer fire at that level leave
    the level's own words.
    """
    if level not in load().triage.levels:
        return None
    findings, age = case.get("findings"), case.get("age")
    if not isinstance(findings, Mapping) or not all(isinstance(v, bool) for v in findings.values()):
        return None
    known = {str(f): v for f, v in findings.items() if f in load().vocabulary.findings}
    years = age if isinstance(age, int) and not isinstance(age, bool) else None
    act = _act(level, triage(known, years).rules, known, years)
    unsure = case.get("unsure")
    asked = [f for f in unsure if isinstance(f, str)] if isinstance(unsure, (list, tuple)) else []
    doubts = _doubts(known, years, level, asked)
    lead = _lead(doubts, known, years, asked)  # as the result showed it: the helpline first
    if lead is not None:
        return _lead_act(lead, known, years).title, _lead_act(lead, known, years).action
    foot = _foot_lead(level, known, (), case.get("foot_sore") is True or None, False)
    if foot is not None and _caution_lead(act, doubts, known, years, level, sore=True) is None:  # a foot sore said (walkthrough T)
        return foot.title, " ".join(foot.action.split())
    said = case.get("days_so_far")  # how long the words said it has been there (walkthrough Q)
    days = float(said) if isinstance(said, (int, float)) and not isinstance(said, bool) else None
    led = _caution_lead(act, doubts, known, years, level, days, foot is not None)  # or the caution first, the level's words only if none is true
    if led is not None:  # a one path (help today, call now, a GP within days) names its level first, as its banner does
        one_path = _now_lead(doubts, known, level, days) or _today_lead(doubts, known, level, years, days) or (
            days is not None and _old_lead(doubts, known, level, years, days))
        first, then = (led[2].title, led[0].heading) if one_path else (led[0].heading, led[2].title)
        return f"{first}. {then}", led[2].action
    return act.title, act.action


def _big(text: str) -> str:
    """A line that a template opens with the level's own words ("{action}") starts with a capital, as a sentence does."""
    return text[:1].upper() + text[1:]


def _small(text: str) -> str:
    """A sentence's first letter made small to follow "If none of these: " (never an acronym's: "NHS 111")."""
    return text[:1].lower() + text[1:] if text[:1].isupper() and not text[1:2].isupper() else text


def _acts_first(level: str, act: _Act) -> bool:
    """Is the banner a rule's own act, set by yes answers (a title of its own: "Contact your maternity team now", "Call
    your surgical team or doctor today"), not the level's words? Then it leads over a caution from 'not sure' signs,
    which says its own line under it (`unsure_caution_beside_act`): the sign she said yes to sets a definite action,
    and a doubt about another never makes the headline "we can't tell yet how urgent this is" (walkthrough AC,
    Aisha). Only the call-now one path (`_now_lead`: the numbness itself may be a stroke now) still leads over it."""
    lt = load().triage.levels.get(level)  # type: ignore[call-overload]
    return lt is not None and act.title != lt.title


def _old_start(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None, level: str,
               days: float | None) -> Unsure | None:
    """The start not known, when it is beside other emergency signs not sure of and the numbness is known to be a week
    or more old (`_onset_long`: the words or "more than a week", or over six weeks), for whom a sudden start is not
    checked today (not under 16: `start_when`): not a stroke happening now, so it is said in the old path's words under
    its own heading, not among the emergency signs nor in the caution's names (walkthrough AC, Aisha: "? How fast it
    started" under "emergency signs" beside "more than a week"). The paths and the level stay as they are: the doubt
    is still weighed (an unknown never lowers). None otherwise (a start alone has its own paths: `_old_lead`,
    `_onset_below`)."""
    found = _emergency_doubts(doubts)
    lead = load().triage.unsure_lead.get("emergency")
    # another answer to the same question that is itself a doubt here (built up over days, beside weak legs) keeps the
    # question among the signs: one choice is one doubt, said in one place (walkthrough R)
    siblings = _onset_siblings()
    if "onset_sudden" not in found or found == {"onset_sudden"} or lead is None or lead.onset_heading is None \
            or siblings & {d.finding for d in doubts} \
            or _onset_long(findings, age, days, level) is None \
            or (lead.start_when is not None and compile_cond(lead.start_when)(findings, age) is not None):
        return None
    return next(d for d in doubts if d.finding == "onset_sudden" and d.level == "emergency")


@functools.cache
def _onset_siblings() -> frozenset[str]:
    """The other answers of the question that asks whether it started suddenly (its choice group)."""
    return frozenset(f for g in choice_groups() if "onset_sudden" in g for f in g) - {"onset_sudden"}


def _sooner_start(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None, level: str,
                  days: float | None) -> Unsure | None:
    """The start not known that goes below the level's own headline (`_onset_below`), when another sign not sure of
    needs help sooner than that headline: that sign leads the banner (`_leads` leaves the start out of the doubts), and
    the start is said in its own group in the old path's words (`_old_start_group`), never taking the banner's caution
    with it (walkthrough BR, Paula: "Book a doctor's visit" over "? Sores or ulcers on your fingertips ... see a doctor
    today"). None otherwise."""
    if level not in LEVELS or not _onset_below(doubts, findings, level, age, days):
        return None
    if not any(d.finding != "onset_sudden" and d.level in LEVELS and LEVELS.index(d.level) < LEVELS.index(level)
               for d in doubts):
        return None
    return next((d for d in doubts if d.finding == "onset_sudden"), None)


def _one_choice_once(groups: tuple[UnsureGroup, ...], start: tuple[UnsureGroup, ...]) -> tuple[
        tuple[UnsureGroup, ...], tuple[UnsureGroup, ...]]:
    """The start's own group joined to the group that holds another answer to the same question ("over hours to a
    few days", not sure of: one choice is one doubt, said in one place), its words after that group's."""
    if not start:
        return groups, start
    siblings = _onset_siblings()
    at = next((i for i, g in enumerate(groups) if any(u.finding in siblings for u in g.items)), None)
    if at is None:
        return groups, start
    g, own = groups[at], start[0]
    return groups[:at] + (replace(g, items=g.items + own.items, advice=g.advice + own.advice),) + groups[at + 1:], ()


def _old_start_group(start: Unsure, findings: Mapping[str, bool], age: int | None, level: str,
                     days: float | None) -> UnsureGroup:
    """The start not known in numbness a week or more old (`_old_start`), said back under the onset heading in the
    words of the old path (unsure_lead `onset_long.act`: how it first began is not an emergency now, tell your doctor;
    if new numbness starts suddenly, call at once), with no level of help (`NOTED`): never an emergency sign."""
    lead = load().triage.unsure_lead["emergency"]
    long = _onset_long(findings, age, days, level)
    assert long is not None and lead.onset_heading is not None
    words = _onset_words(f"{check_text('onset_sudden', findings)} {long.act}", findings, age, again=False)
    return UnsureGroup(NOTED, lead.onset_heading, (start,), (words,))


def _caution_lead(act: _Act, doubts: tuple[Unsure, ...], findings: Mapping[str, bool],
                  age: int | None, level: str = "routine", days: float | None = None,
                  sore: bool = False) -> tuple[UnsureLead, str, _Act] | None:
    """When a 'not sure' sign more urgent than the result puts a caution on it (and no rule's own act leads): the
    caution's heading, its level and the result's own words worded as what to do only if none of those signs is
    true ("If none of these: book a doctor's visit"), so the banner never reads "book a visit" beside "call now".
    `sore`: a diabetic foot sore said, whose own banner leads when a fever is the only doubt (`_fever_beside_sore`)."""
    caution, _ = _caution(doubts, findings, age, level, days)
    lead = load().triage.unsure_lead.get(doubts[0].level) if doubts else None  # type: ignore[call-overload]
    if not caution or lead is None or doubts[0].level not in ("emergency", "urgent"):
        return None
    if sore and _fever_beside_sore(doubts):
        return None
    if _acts_first(level, act) and not _now_lead(doubts, findings, level, days):
        return None  # a rule's own act, set by a yes, leads; the caution says its line under it (walkthrough AC, Aisha)
    if _onset_below(doubts, findings, level, age, days):  # the level's own headline leads (walkthrough AA, Marcus)
        return None
    again = any(d.finding in _stroke_signs() for d in doubts if d.level == "emergency")  # "comes back" only for those
    words = {"title": _small(act.title), "action": _small(act.action), "by_when": _small(act.by_when),
             "watch": (lead.past_watch_again if again else lead.past_watch_new) or ""}
    if days is not None and _old_lead(doubts, findings, level, age, days) and lead.old_title and lead.old_action \
            and lead.old_by_when and lead.old_why and lead.old_heading:
        # one path for a start not known in numbness weeks old (walkthrough Q, Tariq): a GP within a few days, then
        # the level's own advice with its home steps; never call now
        words |= {"length": _length_words(days), "watch": lead.past_watch_new or ""}
        lead = lead.model_copy(update={"title": lead.old_title, "action": lead.old_action, "by_when": lead.old_by_when,
                                       "why": lead.old_why.format(**words), "heading": lead.old_heading,
                                       "past_causes_note": lead.old_causes_note, "home_steps": True,
                                       "do_heading": lead.old_do_heading or lead.do_heading})
    elif _now_lead(doubts, findings, level, days) and lead.now_title and lead.now_action and lead.now_by_when:
        # one path for numbness that may itself be a stroke now: call now, no slower path after it
        found = _emergency_doubts(doubts)
        now = {"said": (lead.now_said_start if found <= {"onset_sudden"} else lead.now_said_sign) or "",
               "where": lead.now_where if findings.get("one_hand") is True else ""}
        # "new" only when how long is known (under a week here): never assumed for her (walkthrough AD, Uma)
        now |= {"new": (lead.now_new if days is not None else lead.now_maybe_new or lead.now_new).format(**now)}
        action = next((t for f, t in lead.now_action_with.items() if findings.get(f) is True), lead.now_action)
        lead = lead.model_copy(update={"title": lead.now_title, "action": action.format(**now),
                                       "by_when": lead.now_by_when, "why": (lead.now_why or lead.why).format(**now),
                                       "do_heading": lead.now_do_heading or lead.do_heading})
    elif _today_lead(doubts, findings, level, age, days) and lead.past_title and lead.past_action and lead.past_by_when:
        # one path for a sign that may have come and gone: help today, the level's words only after that check; in
        # the words of a start not seen after pressure on the arm when that is the only doubt (walkthrough N, Lily)
        story = _start_story(doubts, findings, age)
        start = story is not None
        if story is not None:  # its own words in the slots: never "after lying on the arm" for the cold
            words |= {"said": " ".join(story.said.split()), "likely": story.likely, "because": story.because}
        words |= _past_words(lead, doubts, findings, days)  # each sign's own reason: an injury's is not a mini-stroke's
        lead = lead.model_copy(update={"title": lead.past_title,
                                       "action": lead.start_action if start else lead.past_action,
                                       "by_when": lead.past_by_when,
                                       "why": (lead.start_why or "").format(**words) if start
                                       else (lead.past_why or lead.why).format(**words),
                                       "heading": lead.start_heading if start else lead.heading,
                                       "past_causes_note": lead.start_causes_note if start else lead.past_causes_note})
    elif _onset_lead(doubts, findings, level, age, days) and lead.onset_heading and lead.onset_title \
            and lead.onset_action and lead.onset_by_when and lead.onset_urgent_action:
        # only how fast it started is not known: each line in the past tense, "if it did not start suddenly", never
        # "if none of the signs ... is happening" (walkthrough U, Marcus); an urgent level's advice holds anyway
        urgent = level == "urgent" and lead.urgent_title and lead.urgent_by_when
        long = _onset_long(findings, age, days, level)
        if long is not None:  # over six weeks: how it first began is not an emergency now (walkthrough V, Liam)
            lead = lead.model_copy(update={
                "onset_title": long.title, "onset_action": long.action, "onset_by_when": long.by_when,
                "onset_do_heading": long.do_heading, "onset_why": long.why, "onset_urgent_action": long.urgent_action,
                "onset_urgent_why": long.urgent_why})
        lead = lead.model_copy(update={
            "heading": lead.onset_heading,
            "title": lead.urgent_title if urgent else lead.onset_title,
            "action": lead.onset_urgent_action if urgent else lead.onset_action,
            "by_when": lead.urgent_by_when if urgent else lead.onset_by_when,
            "do_heading": (lead.urgent_do_heading if urgent else lead.onset_do_heading) or lead.do_heading,
            "why": _onset_words((lead.onset_urgent_why if urgent else lead.onset_why) or lead.why, findings, age,
                                again=False)})
    elif level == "urgent" and lead.urgent_title and lead.urgent_action and lead.urgent_by_when:  # its advice holds anyway
        lead = lead.model_copy(update={"title": lead.urgent_title, "action": lead.urgent_action,
                                       "by_when": lead.urgent_by_when, "do_heading": lead.urgent_do_heading or lead.do_heading,
                                       "why": lead.urgent_why or lead.why})
    return lead, doubts[0].level, replace(act, title=_big(lead.title.format(**words)),  # "{action}" may lead a line
                                          action=_big(lead.action.format(**words)),
                                          by_when=_big(lead.by_when.format(**words)))


def _past_words(lead: UnsureLead, doubts: tuple[Unsure, ...], findings: Mapping[str, bool],
                days: float | None) -> dict[str, str]:
    """The help-today path's {maybe} and {reasons}: each emergency sign not sure of in its own words (unsure_lead
    `past_reasons`, in their order, each distinct line once), so an injury to the head, neck or back is never given
    "it may have been a mini-stroke" as its reason (walkthrough V, Tariq), and a start not known in numbness there
    for weeks takes its `old_why` (`_not_new`)."""
    found = _emergency_doubts(doubts)
    if not _could_have_come_and_gone(doubts, findings):  # a start not known in both hands is no mini-stroke
        found -= {"onset_sudden"}
    old = _not_new(days)
    reasons = [r for f, r in lead.past_reasons.items() if f in found]
    maybe = [(r.old_maybe if old and r.old_why else r.maybe) for r in reasons]
    why = [(r.old_why if old and r.old_why else r.why) for r in reasons]
    return {"maybe": " ".join(dict.fromkeys(" ".join(t.split()) for t in maybe if t)),
            "reasons": " ".join(dict.fromkeys(" ".join(t.split()) for t in why))}


@functools.cache
def _asked_order() -> dict[str, int]:
    """Each finding's place in the interview's screens, so unsure signs are listed in the order they were asked."""
    order: dict[str, int] = {}
    for step in load().interview.steps:
        for f in [*step.items, *(o.finding for o in step.options)]:
            order.setdefault(f, len(order))
    return order


@functools.cache
def _rule_triggers() -> dict[str, tuple[str, frozenset[str]]]:
    """Each rule's level and the findings whose presence can set it off (built once)."""
    return {c.rule.id: (c.rule.level, frozenset(positive_findings(c.rule.when))) for c in compiled_rules()}


def _rule_levels() -> dict[str, str]:
    """Each finding that can raise an emergency or urgent rule, with the most urgent such level."""
    out: dict[str, str] = {}
    for level, triggers in _rule_triggers().values():
        if level in ("emergency", "urgent"):
            for fid in triggers:
                if fid not in out or LEVELS.index(level) < LEVELS.index(out[fid]):
                    out[fid] = level
    return out


def _meter(p: float) -> int:
    """A chance as a whole number from 1 to 99, for a meter (and the 'real chance' test of the causes listed)."""
    return max(1, min(99, round(100 * p)))


def shown_causes(level: str, ranked: Sequence[tuple[str, float]], named: Collection[str] = ()) -> list[tuple[str, float]]:
    """The causes a result lists: none on an emergency; else the leading one, then up to two more with a real chance,
    then any cause a reason of the result names (`named`, rule_causes), whatever its chance: a reason never speaks of
    a cause the list leaves out."""
    if level == "emergency":
        return []
    top = list(ranked[:MOST_CAUSES])
    out = top[:1] + [(c, p) for c, p in top[1:] if _meter(p) >= 5]
    return out + [(c, p) for c, p in ranked if c in named and c not in {x for x, _ in out}]


def _away_noted(shown: tuple[CauseLine, ...]) -> tuple[CauseLine, ...]:
    """Under "We can't tell yet", a cause no answer points to says why it is listed: for how common it is, and, when
    some answers point away from it, that they do not rule it out. The causes stay in the ranking's order, the highest
    chance first: one listed after causes with lower chances, or called pointed away from with nothing about why it is
    still the likeliest, reads as a contradiction (walkthrough Y, Helen: "Carpal tunnel syndrome (about 5 in 10) ...
    your answers point away from it" after two at about 1 in 10; walkthroughs O to Q, Sam: the same cause first with
    only points against and no word why)."""
    return tuple(replace(c, note=COMMON_AWAY_NOTE if c.away else COMMON_NOTE)
                 if not c.towards and c.note in ("", COMMON_NOTE) and (c.away or c is shown[0]) else c for c in shown)


def _cause_line(findings: Mapping[str, bool], cid: str, p: float, child: bool = False) -> CauseLine:
    kb = load()
    r = cause_reasons(findings, cid, p)
    name = kb.causes[cid].name if cid in kb.causes else kb.vocabulary.causes[cid]
    return CauseLine(cid, name, "" if child else format_chance(p), "" if child else short_chance(p), 0 if child else _meter(p),
                     tuple(Reason(f, v, statement(f, v, findings)) for f, v in _distinct(r.towards)),
                     tuple(Reason(f, v, statement(f, v, findings)) for f, v in _distinct(r.away)), cid in kb.causes)


def _no_unsure_parts(line: CauseLine, unsure: Collection[str]) -> CauseLine:
    """A no to a combined sign is not said as a point away when the person was not sure of one of its parts
    (findings.yaml `implies`): "You do not have clumsy hands with an unsteady walk" read as a no to the unsteady walk
    he was not sure of (walkthrough Y, Sam). Its chance still counts; only the sentence goes."""
    kb = load().findings
    doubted = set(unsure)

    def kept(r: Reason) -> bool:
        return r.answer or r.finding not in kb or not (
            set(kb[r.finding].implies) | set(kb[r.finding].no_is_no_reason_unsure)) & doubted

    # ... nor as a point towards one (walkthrough AI, Ken: "+ It does not come and go" beside "? there all the time")
    away, towards = tuple(r for r in line.away if kept(r)), tuple(r for r in line.towards if kept(r))
    return line if (away, towards) == (line.away, line.towards) else replace(line, away=away, towards=towards)


def _said_above(findings: Mapping[str, bool], age: int | None, rules: tuple[str, ...]) -> tuple[str, ...]:
    """The lower rules whose reason an urgent result still says (triage_rules.yaml `said_above`: low B12's "a blood test
    can check", walkthrough Y, Eleanor's own words), unless a reason shown already names their causes."""
    named = set(rule_causes(rules))
    return tuple(r.id for r, _ in fired_rules(findings, age)
                 if r.said_above and r.id not in rules and not set(r.names) <= named)


def _said_note(cid: str, findings: Mapping[str, bool]) -> str:
    """A cause's note for a person who said yes to what changes its meaning for them (causes.yaml `said_notes`: MS
    already known, so a worse spell may be a relapse); the first that applies, or ''."""
    cause = load().causes.get(cid)
    return next((" ".join(n.text.split()) for n in (cause.said_notes if cause else ()) if findings.get(n.said) is True), "")


def _unasked_note(cid: str, p: float, child: bool = False) -> str:
    """A cause's main sign that no question asks (causes.yaml `unasked_sign`: a wrist that hangs down), said on its line
    so its chance never reads as if the sign had been checked (walkthrough Q, Sam: radial nerve palsy "about 3 in 10"
    though no question asked about a wrist drop), worded as a condition with no advice of its own (walkthrough R, Jon:
    "We did not ask" to a man who wrote it, and "see a doctor today" under a call-now banner), with the chance if the
    sign is absent, said as less likely than shown: the odds times (1 - p), the other causes taken not to give the
    sign. No number for a child (CHILD_CHANCE), nor one that reads the same."""
    cause = load().causes.get(cid)
    sign = cause.unasked_sign if cause else None
    if sign is None:
        return ""
    text = " ".join(sign.text.split())
    q = min(p, 0.999) * (1.0 - sign.p)
    lower = short_chance(q / (q + 1.0 - min(p, 0.999)))
    if child or lower == short_chance(p):
        return text
    return f"{text} {' '.join(sign.if_not.split()).format(chance=lower)}"


def tells_apart(p: Sequence[float], causes: Sequence[int]) -> bool:
    """A finding tells these causes apart when its chance differs between them by more than a sliver."""
    ps = [p[i] for i in causes]
    return max(ps) - min(ps) >= MIN_SPREAD


def _questions(findings: Mapping[str, bool], age: int | None, sex: str | None,
               among: Collection[str] = (), level: str = "self_care", unsure: Collection[str] = (),
               listed_none: Collection[str] = ()) -> tuple[str, ...]:
    """The questions whose answers would best tell the causes shown apart (not yet answered yes or no): a question
    about a cause the result does not list would read as a riddle (migraine questions beside angina), and one whose
    yes would make it more urgent than `level` is not homework for a later visit (speech trouble is a call now).
    One the person answered 'not sure' is not asked again as if new: it is worded as how to find out (findings.yaml
    `if_unsure`: a blood test can tell whether you have diabetes), or left out. Nor is one a list showed and the
    person answered "none of these" to (`listed_none`, interview.listed_none: walkthrough Z, Priya)."""
    kb = load()
    m = model()
    post = posterior(findings, age, sex)
    if among:
        post = [p if c in among else 0.0 for c, p in zip(m.causes, post)]
        total = sum(post)
        post = [p / total for p in post] if total > 0 else posterior(findings, age, sex)
    shown = [i for i, c in enumerate(m.causes) if c in among]

    open_ = [f for f in m.present if f not in findings and f not in listed_none and f in kb.findings
             and not settled_by_another(f, findings)
             and (f not in unsure or kb.findings[f].if_unsure is not None)
             and fits(f, sex, age, findings) and (len(shown) < 2 or tells_apart(m.p[f], shown))
             and LEVELS.index(triage({**findings, f: True}, age).level) >= LEVELS.index(level)]
    gains = {f: cause_gain(post, f) for f in open_}
    best: list[str] = []
    for f in sorted(open_, key=lambda f: (-gains[f], f)):
        if gains[f] > 0.0 and not settled_by_another(f, dict.fromkeys(best, True)) and len(best) < MOST_QUESTIONS:
            best.append(f)
    return tuple((kb.findings[f].if_unsure if f in unsure else None) or kb.findings[f].question for f in best)


def _home_care_age() -> int:
    """The youngest age any self-care pattern allows (16 in the policy); below it a doctor comes first."""
    found = [leaf.age_at_least for c in compiled_rules() if c.rule.level == "self_care"
             for leaf in c.rule.when.leaves() if leaf.age_at_least is not None]
    return max(found, default=0)


def is_child(age: int | None) -> bool:
    """Below the youngest self-care age a doctor comes first, and no chance from adult studies is given."""
    return age is not None and age < _home_care_age()


def _advice(cid: str, with_steps: bool, findings: Mapping[str, bool], sex: str | None, age: int | None = None,
            foot: bool = False, floor: str | None = None) -> Advice:
    """The leading cause's care plan for this person (a step's note that cannot apply to them is left out; under the
    foot-sore banner, `foot`, a step worded for the sore already reported says so; `floor`: the banner's own speed,
    which no line of the plan says slower)."""
    from numbwise.care.plan import care_plan

    plan = care_plan(None, cid, findings, sex, age, foot, floor=floor)
    entry = load().care.plans.get(cid)
    # the plan's own words for it: a restated triage sign's speed filed for this person (care/plan.py)
    # each escalation of the entry beside its line in the plan, matched by its words: a line for other ages is left
    # out of a person's plan (care.yaml `ages`)
    lines = {p.when: p for p in plan.escalation}
    due = next(((lines[e.when], f) for e in (entry.escalate if entry else ()) if e.when in lines for f in e.said
                if findings.get(f) is True), None)
    if due is not None:  # the plan's own "when home care is not enough" is already true: its next step, and only the
        # first steps safe while waiting for that visit, in words that say so; with none, words that name no home care
        said = statement(due[1], True, findings)
        waiting = tuple(Step(s.do, s.how_long, s.treatment, s.treatment_name) for s in plan.steps
                        if s.while_waiting) if with_steps and due[0].then_waiting else ()
        if waiting:
            return Advice(cid, plan.cause_name, plan.kind, f"{said} {due[0].then_waiting}", waiting, None, waiting=True)
        return Advice(cid, plan.cause_name, plan.kind, f"{said} {due[0].then_alone or due[0].then}", (), None)
    steps = tuple(Step(s.do, s.how_long, s.treatment, s.treatment_name) for s in plan.steps) if with_steps else ()
    routine = plan.routine.id if plan.routine is not None and with_steps else None
    offers = tuple(x.text for x in plan.ask_doctor) if steps else ()
    return Advice(cid, plan.cause_name, plan.kind, plan.home_summary if steps else plan.summary, steps, routine, offers)


def _result_advice(result: Assessment, named: str | None, foot: bool = False,
                   floor: str | None = None) -> Advice | None:
    """What may help, for the cause a result names (`named`): its home plan on a routine or self-care result, a
    doctor-first plan on an urgent one; None for a child, beside a 'not sure' sign that rules home care out, or else.
    `foot`: the result leads with the foot sore reported (its home steps say so); `floor`: a one-path banner's speed."""
    level, findings, sex, age = result.triage, result.case.findings, result.case.sex, result.case.age
    if named is None:
        return None
    child = is_child(age)  # a doctor first: no home steps alone
    unsure_sign = UNSURE_RULE in result.rules  # "we cannot suggest caring for this at home": no plan to start either
    if level in ("routine", "self_care") and not child and not unsure_sign:
        advice = _advice(named, True, findings, sex, age, foot, floor)
        return advice if advice.steps else _advice(named, False, findings, sex, age, floor=floor)
    if level == "urgent" and named in load().care.doctor_first:
        return _advice(named, False, findings, sex, age, floor=floor)
    return None


def _own_plan(level: str, advice: Advice | None) -> bool:
    """Does the result give the named cause's own care plan (home steps, or its next step when one is already due)?"""
    return advice is not None and level in ("routine", "self_care") and advice.cause in load().care.plans


def escalation_findings(cause: str) -> tuple[str, ...]:
    """The answers that mean a cause's home care is not enough (care.yaml `said`), in the plan's order."""
    entry = load().care.plans.get(cause)
    return tuple(dict.fromkeys(f for e in (entry.escalate if entry else ()) for f in e.said))


def home_plan_cause(result: Assessment) -> str | None:
    """The cause whose home steps this result shows, or None: the interview asks that plan's escalation answers
    before it stops, so home steps are never shown while one of them was never asked."""
    if result.triage not in ("routine", "self_care"):
        return None
    shown = shown_causes(result.triage, result.causes)[:1]
    if not shown:
        return None
    lead = _cause_line(result.case.findings, *shown[0])
    told = _told_apart(result.triage, result.causes, lead, result.case.findings, result.case.sex)
    advice = _result_advice(result, lead.id if told else None)
    return advice.cause if advice is not None and advice.steps and not advice.waiting else None


def _plan_group(cause: str | None, findings: Mapping[str, bool], unsure: Collection[str],
                age: int | None = None, level: str | None = None, told: tuple[UnsureGroup, ...] = ()) -> tuple[UnsureGroup, ...]:
    """The escalation answers of the cause's own plan the person was not sure of, each with what the plan says to
    do if it is true (its `then`, a restated sign's speed filed for this person): the home steps stay, safe to try
    meanwhile. One filed no sooner than the result's own `level` starts "Tell your doctor at your visit.", never that
    level's own words again (walkthrough BH, Ibrahim read "signs that would change what to do ... If this might be
    true: Book a doctor's visit" under that very level). One a group of `told` already holds is not said twice (a
    weak grip under "signs that need a doctor today" and again here)."""
    from numbwise.care.plan import PlanEscalation, care_plan, speed_words

    kb = load()
    entry = kb.care.plans.get(cause) if cause is not None else None
    plan = care_plan(kb, cause, person=findings, age=age).escalation if entry and cause else ()

    def worded(p: PlanEscalation) -> str:
        said = f"{speed_words(kb, p.level)} " if p.level is not None else ""
        if level is None or p.level is None or more_urgent(p.level, level) or not p.then.startswith(said):
            return p.then
        return f"{PLAN_SAME_LEVEL} {p.then[len(said):]}"

    thens = {p.when: worded(p) for p in plan}
    shown = {u.finding for g in told for u in g.items}
    found = [((e, thens[e.when]), [f for f in dict.fromkeys(e.said)
                                    if f in unsure and f not in findings and f in kb.findings and f not in shown])
             for e in (entry.escalate if entry else ()) if e.when in thens]
    found = [(e, fs) for e, fs in found if fs]
    if not found:
        return ()
    items: dict[str, Unsure] = {}
    advice: list[str] = []
    for (_, then), fs in found:
        for f in fs:
            items.setdefault(f, Unsure(f, unsure_label(f, findings), PLAN_DOUBT))
        if len(found) > 1:
            which = "; ".join(items[f].text for f in fs)
            advice.append(f"If this might be true ({which}): {' '.join(then.split())}")
        else:
            advice.append(f"If {'this' if len(fs) == 1 else 'any of these'} might be true: {' '.join(then.split())}")
    return (UnsureGroup(PLAN_DOUBT, UNSURE_HEADINGS[PLAN_DOUBT], tuple(items.values()), tuple(dict.fromkeys(advice))),)


def _next_steps(level: str, advice: Advice | None, diary: bool = True, findings: Mapping[str, bool] | None = None,
                unsure: Collection[str] = (), age: int | None = None) -> tuple[NextStep, ...]:
    """What to do next: none on an emergency, and no diary (`diary` False) beside a help-today path, which would wait.
    The care plan's command and page carry the answers its lines are filed by and its top is composed from, added once
    the result is composed (`care.plan.with_care_link`): the same plan in both faces, never gentler than this result,
    with nothing stored (walkthroughs Z, AB and AC, Tariq)."""
    if level == "emergency":
        return ()
    out = []
    if advice is not None and advice.steps:
        kb = load()
        name = in_sentence(kb.causes[advice.cause]) if advice.cause in kb.causes else advice.cause_name.lower()
        out.append(NextStep("care", f"Your care plan for {name}", f"numbwise care {advice.cause}", f"/care/{advice.cause}"))
    if advice is not None and advice.routine is not None:
        out.append(NextStep("exercise", "Guided hand exercises", f"numbwise exercise {advice.routine}",
                            f"/exercises/{advice.routine}"))
    if diary:
        out.append(NextStep("diary", "Write down when it happens in your diary", "numbwise log", "/diary"))
    out.append(NextStep("report", "Make a report to take to your doctor", "numbwise report --out report.pdf", "/report"))
    return tuple(out)


def _named_doubts(doubts: tuple[Unsure, ...]) -> str:
    """The sentence that names the signs a caution is about: the first two, then how many more the list below holds."""
    return load().triage.unsure_caution_names.format(signs=_doubt_names(doubts))


def _doubt_names(doubts: tuple[Unsure, ...]) -> str:
    """The names of the signs a caution is about, in a sentence: the first two, then how many more are below."""
    tri = load().triage
    names = [d.text[:1].lower() + d.text[1:].rstrip(".") for d in doubts[:2]]
    if len(doubts) > 2 and tri.unsure_caution_more:
        names.append(tri.unsure_caution_more.format(n=len(doubts) - 2))
    return "; ".join(names)


def _could_have_come_and_gone(doubts: tuple[Unsure, ...], findings: Mapping[str, bool]) -> bool:
    """Whether a not-sure emergency sign could have been a mini-stroke that came and went: a stroke sign, or a sudden
    start of numbness in one hand. A sudden start in both hands (cold attacks in a child) is not one, and "if it comes
    back, call now" cannot be followed by someone whose attacks come back each winter (walkthroughs G and H, Kai)."""
    found = _emergency_doubts(doubts)
    return bool(found & _stroke_signs()) or ("onset_sudden" in found and findings.get("both_hands") is not True)


def _start_story(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None) -> StartStory | None:
    """The story that gives a usual reason when the only emergency sign not sure of is how fast it started, for whom
    unsure_lead `start_when` holds (under 16): the first of its `start_stories` the answers tell (walkthrough N, Lily,
    12: a start not seen, after sleeping on her arm; walkthrough O, Ella, 8: fingers white in the snow). The help-today
    path then says that, in the story's words, not "it may have been a mini-stroke" beside "Most likely: my arm fell
    asleep". None otherwise."""
    lead = load().triage.unsure_lead.get("emergency")
    found = _emergency_doubts(doubts)
    if lead is None or lead.start_when is None or lead.start_action is None or found != {"onset_sudden"} \
            or compile_cond(lead.start_when)(findings, age) is None:
        return None
    return next((st for st in lead.start_stories if compile_cond(st.when)(findings, age) is not None), None)


def _start_only(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None) -> bool:
    """Whether the help-today path is said as a start not seen, in a story's words (`_start_story`)."""
    return _start_story(doubts, findings, age) is not None


def _emergency_doubts(doubts: tuple[Unsure, ...]) -> set[str]:
    """The emergency signs among the answers not sure of: what every one-path test (call now, help today, a GP within
    days, a start not known) decides on."""
    return {d.finding for d in doubts if d.level == "emergency"}


@functools.cache
def _emergency_findings() -> frozenset[str]:
    """Every finding an emergency rule rests on: its own why speaks of that emergency (a warning sign of stroke)."""
    return frozenset(f for r in load().triage.rules if r.level == "emergency" for f in r.when.finding_ids())


def _emergency_screen() -> InterviewStep | None:
    """The emergency screen (interview.yaml `screen_emergency`): its signs, and its checks for a not-sure sign."""
    return next((s for s in load().interview.steps if s.id == "screen_emergency"), None)


@functools.cache
def _screen_signs() -> frozenset[str]:
    """The signs of the emergency screen (Question 1), whose not-sure check says to call now if one might be happening."""
    screen = _emergency_screen()
    return frozenset(screen.items) if screen is not None else frozenset()


def _stroke_signs() -> frozenset[str]:
    """The stroke signs the emergency screen's checks are for (a sudden start is not one: it has its own check)."""
    screen = _emergency_screen()
    return frozenset(screen.if_unsure.for_findings) - {"onset_sudden"} if screen and screen.if_unsure else frozenset()


def _watch_again(items: tuple[WatchFor, ...], doubts: tuple[Unsure, ...]) -> tuple[WatchFor, ...]:
    """A warning about a stroke sign the person was not sure of, when it may have come and gone, worded for it coming
    back (`again`): it is what they must watch for (walkthrough J), not a repeat of the not-sure checks."""
    doubted = _emergency_doubts(doubts) & _stroke_signs()
    return tuple(replace(w, text=w.again, parts=()) if w.again and set(w.findings) & doubted else w for w in items)


def _today_lead(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], level: str, age: int | None,
                days: float | None = None) -> bool:
    """Whether the caution's banner takes one path, help today (unsure_lead `past_*`): on a routine or
    self-care result, when a not-sure emergency sign could have come and gone. The person cannot know whether it
    happened, so "if none of them: within days to two weeks" beside "if it happened: today" gives them no path
    (walkthrough J, Walter); an urgent level's own advice is already today or now."""
    if not doubts or level not in ("routine", "self_care") or _old_lead(doubts, findings, level, age, days):
        return False  # (a start not known in numbness weeks old has its own path: `_old_lead`)
    lead = load().triage.unsure_lead.get(doubts[0].level)  # type: ignore[call-overload]
    if lead is None or lead.past_title is None:
        return False
    rest = tuple(d for d in doubts if d.finding != INJURY)
    if rest != doubts and rest and _today_lead(rest, findings, level, age, days):
        return True  # an injury not sure of never lowers the path the other doubts take (walkthrough V, policy: em_injury)
    # a sign that needs a doctor today, not sure of (cramps with vomiting and kidney disease, walkthrough K): the
    # same one path, today, never "if none of them: within two weeks" beside it
    # a start not seen in a child whose story gives a usual reason (`_start_story`: Ella's fingers white in the snow,
    # in both hands, walkthrough O) takes it too: "call now if it might be true now" cannot apply to how a past
    # episode started, and below 16 a sudden start is checked today
    return doubts[0].level == "urgent" or (doubts[0].level == "emergency" and (
        _could_have_come_and_gone(doubts, findings) or _start_only(doubts, findings, age)))


# Answers that say when or how the numbness started, so it is not a start nobody knows: slow or old, in attacks,
# after pressure on the arm (walkthrough L, Lily, 12: woke with her arm numb after sleeping on it, fine in 5 minutes;
# "call now ... whose start you do not know" beside "arm fell asleep"), or with an injury to that arm (walkthrough N,
# Kofi fell on his hand: the injury explains the start, and its own advice is the arm checked today).
KNOWN_START = ("onset_gradual", "lasting_over_6_weeks", "comes_and_goes", "after_pressure_on_arm",
               "recent_arm_injury_or_cast")
# A start that built up over hours to days: a stroke can build up that way (unsure_lead.emergency, walkthrough N)
BUILT_UP = "onset_over_days"
NOW_LEVELS = ("urgent", "routine", "self_care")  # a result below emergency that the call-now path may lead


def _now_lead(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], level: str, days: float | None = None) -> bool:
    """Whether the emergency caution's banner takes one path, call now (unsure_lead `now_*`): on a result below
    emergency, a not-sure stroke sign or sudden start beside numbness in one hand whose start is not known (onset_sudden
    not answered no) or that built up over hours to days, and that is not known to be old, slow, to come and go in
    attacks or to have started with pressure on the arm or an arm injury (`KNOWN_START`). Then the numbness itself may
    be a stroke now, not only a sign that came and went: Sam woke with one hand tingling, still there, not sure his leg
    went weak (walkthrough K), and "help today" or "two weeks" would be late; a stroke can build up over hours too
    (walkthrough N). On an urgent result as well: a weak grip that sets the urgent weakness rule must not turn his
    "call now" into "see a doctor today" (walkthrough N). Walter (slow over weeks, a sign maybe yesterday) and attacks
    that come and go (Kai's cold attacks, walkthrough G: "if it comes back, call now" fits those) keep help today.
    Numbness the person's own words put at a week or more (`days`, `_not_new`: Tariq's "for 3 weeks", walkthrough Q)
    is old too."""
    lead = load().triage.unsure_lead.get("emergency")
    found = _emergency_doubts(doubts)
    built_up = findings.get(BUILT_UP) is True  # "not sudden" then says only that it took hours, not that it is old
    old = (findings.get("onset_sudden") is False and not built_up) or any(findings.get(f) is True for f in KNOWN_START) \
        or _not_new(days)
    return bool(doubts) and doubts[0].level == "emergency" and level in NOW_LEVELS \
        and lead is not None and lead.now_title is not None and bool(found & (_stroke_signs() | {"onset_sudden"})) \
        and findings.get("both_hands") is not True and not old


def may_call_now(findings: Mapping[str, bool], unsure: Collection[str]) -> bool:
    """A quick first test of `_now_lead` on the answers alone (no result worked out): a start or a stroke sign not
    sure of, not in both hands, no known start (`KNOWN_START`). False means the call-now path cannot be taken."""
    return bool(set(unsure) & (_stroke_signs() | {"onset_sudden"})) and findings.get("both_hands") is not True \
        and not any(findings.get(f) is True for f in KNOWN_START)


def length_decides(result: Assessment, unsure: Collection[str] = ()) -> bool:
    """Whether the result would take the call-now path (`_now_lead`) only because nothing says how long the numbness
    has been there: a week or more (`old_after_days`) would take it off (walkthrough R, Tariq step by step). The
    interview then asks how long before the result (interview.yaml `how_long`)."""
    lead = load().triage.unsure_lead.get("emergency")
    if result.case.days_so_far is not None or lead is None or lead.old_after_days is None:
        return False
    findings, age, level = dict(result.case.findings), result.case.age, result.triage
    if level not in NOW_LEVELS or not may_call_now(findings, unsure):
        return False
    doubts = _doubts(findings, age, level, unsure)
    act, own = _banner(level, result.rules, findings, age, unsure)
    if own is not None or _caution_lead(act, doubts, findings, age, level, None) is None:
        return False  # a rule's own words lead (the cancer helpline), or no caution leads: no call-now path
    return _now_lead(doubts, findings, level) and not _now_lead(doubts, findings, level, float(lead.old_after_days))


def banner_path(plan: ResultPlan) -> tuple[str, str]:
    """Which path the banner takes: the caution's heading over it (if any) and its title. The interview asks how long
    when an answer to it would change this for a start not known (walkthrough AD, Rosa: one headline by either route)."""
    return plan.caution_title, plan.title


def _not_new(days: float | None) -> bool:
    """Whether the person's own words put the numbness at a week or more so far (unsure_lead `old_after_days`):
    then it is not a stroke happening now (walkthrough Q, Tariq: "for 3 weeks")."""
    lead = load().triage.unsure_lead.get("emergency")
    return days is not None and lead is not None and lead.old_after_days is not None and days >= lead.old_after_days


def _old_lead(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], level: str, age: int | None,
              days: float | None) -> bool:
    """Whether the caution's banner takes the one path for a start not known in numbness there for a week or more
    (unsure_lead `old_*`): on a routine or self-care result, when the only emergency sign not sure of is how fast it
    started, in one hand, and the words said how long (`_not_new`). Not a stroke now, so no call now; a doctor within
    a few days in case it did start suddenly, then the level's own advice (walkthrough Q, Tariq). A stroke sign in
    doubt keeps help today (it may have come and gone, whatever the numbness's age), and a child keeps the start_*
    path (`start_when`: a sudden start below 16 is checked today)."""
    lead = load().triage.unsure_lead.get("emergency")
    found = _emergency_doubts(doubts)
    return bool(doubts) and doubts[0].level == "emergency" and level in ("routine", "self_care") \
        and lead is not None and lead.old_title is not None and found == {"onset_sudden"} \
        and findings.get("both_hands") is not True and _not_new(days) \
        and (lead.start_when is None or compile_cond(lead.start_when)(findings, age) is None)


def _onset_lead(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], level: str, age: int | None,
                days: float | None) -> bool:
    """Whether the only emergency sign not sure of is how fast it started and no one path leads (call now, help today,
    a GP within days): then each line that asks the person to act on it says it in the past tense (unsure_lead
    `onset_*`; walkthrough U, Marcus: "if a sign you were not sure about might be true now" cannot be said of how a
    past spell began)."""
    lead = load().triage.unsure_lead.get("emergency")
    found = _emergency_doubts(doubts)
    return bool(doubts) and doubts[0].level == "emergency" and found == {"onset_sudden"} and lead is not None \
        and lead.onset_caution is not None and not _now_lead(doubts, findings, level, days) \
        and not _today_lead(doubts, findings, level, age, days) and not _old_lead(doubts, findings, level, age, days)


def _onset_below(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], level: str, age: int | None,
                 days: float | None) -> bool:
    """Whether the start not known goes below the level's own headline: the only emergency doubt is how fast it
    started (`_onset_lead`), it is not an emergency now (a week or more, or over six weeks: `_onset_long`), and the
    level's own headline says what to do. Its heading and call buttons over "not an emergency now" buried possible
    angina under "see a doctor today" (walkthrough AA, Marcus); a start under a week keeps its call-now-if-sudden lead."""
    return _onset_lead(doubts, findings, level, age, days) and _onset_long(findings, age, days, level) is not None


def _cause_today(shown: Sequence[CauseLine]) -> str:
    """Under the level's headline when the start goes below it (`_onset_below`): the leading cause that needs prompt
    care, named with its chance and why today (unsure_lead `onset_long.lead_causes`), or ""."""
    lead = load().triage.unsure_lead.get("emergency")
    long = lead.onset_long if lead is not None else None
    if long is None or not shown or shown[0].id not in long.lead_causes:
        return ""
    chance = f" ({shown[0].short})" if shown[0].short else ""
    return " ".join(long.lead_causes[shown[0].id].replace("{chance}", chance).split())


def _onset_words(text: str, findings: Mapping[str, bool], age: int | None, again: bool = True) -> str:
    """An onset_* line with its {reason} (one hand or both) and, when the spells come and go, what to do next time
    (unsure_lead `onset_again`)."""
    lead = load().triage.unsure_lead.get("emergency")
    if lead is None:
        return text
    reason = (lead.onset_reason_both if findings.get("both_hands") is True else lead.onset_reason) or ""
    next_time = again and lead.onset_again and lead.onset_again_when is not None \
        and compile_cond(lead.onset_again_when)(findings, age) is not None
    return " ".join(f"{text.format(reason=reason)} {lead.onset_again if next_time else ''}".split())


def _onset_long(findings: Mapping[str, bool], age: int | None, days: float | None,
                level: str = "routine") -> OnsetLong | None:
    """The onset-only lines for numbness gone on for more than about six weeks (unsure_lead `onset_long`, with their
    {next} filled in: an attack when the spells come and go, else new numbness, and {length}), or None. How it first
    began cannot be acted on now; an attack that starts suddenly now or next time can (policy clar. 12; walkthrough V,
    Liam). The same from a week (`old_after_days`), as the how-long question says: Mei, 32 weeks pregnant, 3 weeks of
    night tingling, read "call now, even if it has gone" above her maternity team's "now" (walkthrough V); Chris said
    "more than a week" (walkthrough X)."""
    lead = load().triage.unsure_lead.get("emergency")
    long = lead.onset_long if lead is not None else None
    if lead is None or long is None:
        return None
    over = findings.get("lasting_over_6_weeks") is True or (days is not None and days >= long.after_days)
    # from a week on any level: the how-long question's own help says numbness there that long is no stroke happening
    # now (walkthrough X, Chris: "more than a week", then "call now, even if it has gone")
    week = lead.old_after_days is not None and days is not None and days >= lead.old_after_days
    if not (over or week):
        return None
    nxt = next((a.text for a in long.attack_for if compile_cond(a.when)(findings, age) is not None),
               long.attack if compile_cond(long.attack_when)(findings, age) is not None else long.new)
    length = long.length if over or days is None else _length_words(days)
    said = {k: getattr(long, k).replace("{next}", nxt).replace("{length}", length) for k in (
        "caution", "act", "title", "action", "by_when", "why", "urgent_action", "urgent_why")}
    return long.model_copy(update=said)


def _length_words(days: float) -> str:
    """How long it has been there, in the words of `old_*`'s {length}: "about 3 weeks", "10 days"; "more than a week"
    for 8 and 9 days, which is also what the how-long question's "8 days to 6 weeks" records (interview.yaml)."""
    if days < 8:
        return "about a week"
    if days < 10:
        return "more than a week"
    if days < 14:
        return f"{round(days)} days"
    if days < 60:
        return f"about {round(days / 7)} weeks"
    return f"about {round(days / 30)} months" if days < 730 else "years"


def _caution(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None,
             level: str = "routine", days: float | None = None, beside_act: bool = False) -> tuple[str, bool]:
    """The line atop a result when the person was not sure about a sign more urgent than it, and whether the
    emergency numbers go with it.

    When every most-urgent doubt would set one rule with its own words for this (a fever during chemotherapy:
    the cancer helpline), those words, without the emergency buttons; else the level's own caution, or, under a
    rule's own act that leads (`beside_act`, `_acts_first`), the doubts' own line beneath it. A start not known in
    numbness a week or more old beside other doubts is not named in it (`_old_start`).
    """
    tri = load().triage
    if not doubts:
        return "", False
    worst = doubts[0].level  # most urgent first
    story = _one_rule(doubts, findings, age)
    if story is not None and story.act is not None and story.act.if_unsure:
        return story.act.if_unsure, story.act.unsure_numbers
    own = tri.unsure_caution_beside_act if beside_act else {}
    text = next((text for lv, text in (own or tri.unsure_caution).items() if lv == worst), "")
    if text and tri.unsure_caution_names:  # which signs, first: never "a sign you were not sure about" left unnamed
        old = _old_start(doubts, findings, age, level, days)
        text = f"{_named_doubts(tuple(d for d in doubts if d != old))} {text}"
    start = tri.unsure_lead.get("emergency")
    if start is not None and start.old_caution and days is not None and _old_lead(doubts, findings, level, age, days):
        # numbness there for weeks (walkthrough Q): not an emergency now, so no call buttons; a doctor within days
        return f"{_named_doubts(doubts)} {start.old_caution.format(length=_length_words(days))}", False
    if start is not None and start.onset_caution and _onset_lead(doubts, findings, level, age, days):
        # how fast it started is a past fact: "if it started suddenly, call now, even if it has gone", never "might be
        # true now" (walkthrough U, Marcus); the call buttons go with it
        long = _onset_long(findings, age, days, level)
        text = _onset_words(long.caution, findings, age, again=False) if long is not None \
            else _onset_words(start.onset_caution, findings, age)
        if tri.unsure_caution_also_urgent and any(u.level == "urgent" for u in doubts):
            text = f"{text} {tri.unsure_caution_also_urgent}"
        return text, True
    seen = worst == "emergency" and start is not None and start.start_caution and _today_lead(
        doubts, findings, level, age) and _start_only(doubts, findings, age)
    if seen and start is not None:  # a start not seen (walkthrough N): said as that, not "might be true now"
        text = f"{_named_doubts(doubts)} {start.start_caution}"
    if _now_lead(doubts, findings, level, days):  # the banner says call now: "we can't tell ... if you think" would hedge it
        return _named_doubts(doubts), True
    if worst == "emergency" and level in ("routine", "self_care") and tri.unsure_caution_went_away \
            and _could_have_come_and_gone(doubts, findings) and not _today_lead(doubts, findings, level, age, days) \
            and not _now_lead(doubts, findings, level, days):
        text = f"{text} {tri.unsure_caution_went_away}"  # an urgent level's own advice is already today or now;
        # and when the banner itself is one path (help today, `_today_lead`, or call now, `_now_lead`), it says it there
    if worst == "emergency" and tri.unsure_caution_also_urgent and any(u.level == "urgent" for u in doubts):
        text = f"{text} {tri.unsure_caution_also_urgent}"  # never "if none of these: book a visit" over a today group
    # a start not seen takes the doctor today, not the emergency number: no call buttons above "get medical help today"
    # (walkthrough P, Ella: red Call 999 buttons over "call your doctor or NHS 111")
    return text, worst == "emergency" and not seen


def _own_rule(doubt: Unsure, findings: Mapping[str, bool], age: int | None) -> Rule | None:
    """The rule a yes to this doubt would set at its level that has its own words for a 'not sure' (the chemotherapy
    helpline for a fever), or None."""
    rules = {r.id: r for r in load().triage.rules}
    fired = [rules[r] for r in triage({**findings, doubt.finding: True}, age).rules if r in rules]
    return next((r for r in fired if r.level == doubt.level and r.act and r.act.if_unsure), None)


def _one_rule(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None) -> Rule | None:
    """The one rule with its own 'not sure' words that every most urgent doubt would set, or None."""
    if not doubts:
        return None
    own = [_own_rule(u, findings, age) for u in doubts if u.level == doubts[0].level]
    ids = {r.id if r is not None else None for r in own}
    return own[0] if len(ids) == 1 else None


def _lead(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None,
          unsure: Collection[str] = ()) -> Rule | None:
    """The rule whose own act leads the result: every most urgent doubt would set it, and for it the doubt itself
    means acting now (`lead_if_unsure`: feeling unwell during chemotherapy is a reason to call the helpline)."""
    rule = _one_rule(doubts, findings, age)
    if rule is None:  # one that leads beside other doubts of its level (low blood sugar, not sure of confusion)
        own = (_own_rule(u, findings, age) for u in doubts if u.level == doubts[0].level) if doubts else iter(())
        rule = next((r for r in own if r is not None and r.act is not None and r.act.lead_beside_doubts), None)
    if rule is None:  # its own signs not sure of too (walkthrough V, Priya: a possible hypo)
        rule = _signs_lead(doubts, findings, age, unsure)
    return rule if rule is not None and rule.act is not None and rule.act.lead_if_unsure else None


def _open_signs(rule: Rule, findings: Mapping[str, bool], unsure: Collection[str]) -> frozenset[str]:
    """The rule's trigger signs the person was not sure of."""
    return frozenset(f for f in _rule_triggers().get(rule.id, ("", frozenset()))[1] if f in unsure and f not in findings)


def _signs_lead(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None,
                unsure: Collection[str]) -> Rule | None:
    """The rule that leads from the most urgent doubts together with the yes answers and its own signs not sure of
    (`unsure_signs_when`, for whom it holds: on insulin or with diabetes, not sure of confusion or of the signs of low
    blood sugar, walkthrough V, Priya): the doubts a 'not sure' to the signs leaves below the result's level would
    otherwise hide the rule a yes to them all sets."""
    if not doubts:
        return None
    kb = load()
    mine = {d.finding for d in doubts if d.level == doubts[0].level}
    open_ = [f for f in unsure if f in kb.findings and f not in findings]
    fired = set(triage({**findings, **dict.fromkeys(open_, True)}, age).rules)
    return next((r for r in kb.triage.rules if r.id in fired and r.level == doubts[0].level and r.act is not None
                 and r.act.unsure_signs_when is not None and _open_signs(r, findings, unsure) & mine
                 and _open_signs(r, findings, unsure) - mine
                 and compile_cond(r.act.unsure_signs_when)(findings, age) is not None), None)


def _signs_words(rule: Rule, doubts: tuple[Unsure, ...], findings: Mapping[str, bool],
                 unsure: Collection[str]) -> tuple[str, str]:
    """The leading rule's not-sure words and reason (`if_unsure`, `why_if_unsure`), or those that do not state its
    signs when some were not sure of beyond the doubts that lead (`if_unsure_signs`, walkthrough V)."""
    act = rule.act
    assert act is not None
    signs = act.if_unsure_signs is not None and bool(_open_signs(rule, findings, unsure) - {d.finding for d in doubts})
    text = act.if_unsure_signs if signs else act.if_unsure
    why = act.why_if_unsure_signs if signs else act.why_if_unsure
    return " ".join((text or "").split()), " ".join((why or rule_why(rule, findings)).split())


def _banner(level: str, rules: Collection[str], findings: Mapping[str, bool], age: int | None,
            unsure: Collection[str] = ()) -> tuple[_Act, Rule | None]:
    """The result's banner (the level's advice or its rules' own, `_act`), led by a 'not sure' sign's rule when one
    leads it (`_lead`), with that rule: the one place the banner is composed, for the result and any early warning."""
    lead = _lead(_doubts(findings, age, level, unsure), findings, age, unsure)
    return (_lead_act(lead, findings, age) if lead is not None else _act(level, rules, findings, age, unsure)), lead


def call_now(result: Assessment, unsure: Collection[str] = ()) -> EarlyCall | None:
    """The title and action an early emergency warning shows (the describe step's, the emergency-first screen's),
    taken from the banner the result will show: a rule with its own act ("Call your cancer helpline now" for a fever
    during chemotherapy) is said the same way at once, with where its own call goes and the intro to the emergency
    buttons when the act has them (walkthrough U: the result's `call_where`, `call_intro`). None when the result is
    not an emergency or its banner is the level's own call advice (the faces keep their "call your emergency number
    now")."""
    if result.triage != "emergency":
        return None
    act, _ = _banner(result.triage, result.rules, dict(result.case.findings), result.case.age, unsure)
    lt = load().triage.levels["emergency"]
    if (act.title, act.action) == (lt.title, lt.action):
        return None
    return EarlyCall(act.title, act.action, act.call_where, act.call_intro)


def _leads(result: Assessment, unsure: Collection[str]) -> tuple[
        tuple[Unsure, ...], _Act, Rule | None, tuple[UnsureLead, str, _Act] | None, Unsure | None]:
    """The result's doubts, its banner's act, a 'not sure' sign's rule that leads it (a fever during chemotherapy:
    the helpline, as a yes would), else the caution that leads it, if any, and the start set aside below a sooner
    sign (`_sooner_start`, left out of the doubts): worked out once, for the result and for the early call-now screen
    (`now_banner`)."""
    findings, age, level = dict(result.case.findings), result.case.age, result.triage
    doubts = _doubts(findings, age, level, unsure)
    start = _sooner_start(doubts, findings, age, level, result.case.days_so_far)
    if start is not None:  # said in its own group: the sign that needs help sooner leads
        doubts = tuple(d for d in doubts if d is not start)
    act, lead = _banner(level, result.rules, findings, age, unsure)
    sore = result.case.foot_sore is True and foot_at_risk(findings, result.causes)
    led = _caution_lead(act, doubts, findings, age, level, result.case.days_so_far, sore) if lead is None else None
    return doubts, act, lead, led, start


def _calls_now(led: tuple[UnsureLead, str, _Act] | None, doubts: tuple[Unsure, ...], findings: Mapping[str, bool],
               level: str, days: float | None) -> bool:
    """Is the banner the one path "call your emergency number now" (`_now_lead`, under a caution that leads)?"""
    return led is not None and _now_lead(doubts, findings, level, days)


def _now_todo(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None) -> tuple[
        tuple[str, ...], tuple[str, ...]]:
    """The call-now banner's to-do list (`_now_lead`): the emergency level's own, as a yes to the stroke signs or
    sudden start not sure of would show it (`_act` with the rules a yes sets: the blood thinner and swallowing lines go
    with a possible stroke), worded for the answers given, less the lines a rule says only to a yes (`unsure_drops`).
    Never the lower level's slower steps (walkthrough U, Jon, hungover: no "do not drive yourself" under "call now")."""
    signs = _emergency_doubts(doubts) & (_stroke_signs() | {"onset_sudden"})
    kb = load()
    levels = {r.id: r.level for r in kb.triage.rules}
    rules = [r for r in triage({**findings, **dict.fromkeys(signs, True)}, age).rules if levels.get(r) == "emergency"]
    em = _act("emergency", rules, findings, age)
    drops = {d for r in kb.triage.rules if r.id in rules and r.act is not None for d in r.act.unsure_drops}
    return tuple(d for d in em.do if d not in drops), tuple(d for d in em.do_not if d not in drops)


def now_banner(result: Assessment, unsure: Collection[str] = ()) -> tuple[str, str] | None:
    """The call-now banner's title and action (unsure_lead `now_title`, `now_action`) when the result from these
    answers would lead with it (`caution_now`), else None: the same test as the result's, so every face can show
    that advice as soon as the answers make it, not after the remaining questions (walkthrough S, Sam: one hand
    tingling since waking, not sure his leg went weak, told to call only after 9 more screens)."""
    findings = dict(result.case.findings)
    if result.triage not in NOW_LEVELS or not may_call_now(findings, unsure):
        return None  # the quick first test: the call-now path cannot be taken
    doubts, _, _, led, _ = _leads(result, unsure)
    if led is None or not _calls_now(led, doubts, findings, result.triage, result.case.days_so_far):
        return None
    return led[2].title, led[2].action


def _now_causes_lead(lead: UnsureLead, doubts: tuple[Unsure, ...], findings: Mapping[str, bool]) -> str:
    """The causes' first line under a call-now banner (unsure_lead `now_causes_lead`): the cause the call is for must
    be ruled out first, in the words of the doubt (a stroke sign, or only the start) and of a spell that has gone."""
    text = next((t for f, t in lead.now_causes_lead_with.items() if findings.get(f) is True), lead.now_causes_lead)
    start = _emergency_doubts(doubts) <= {"onset_sudden"}
    said = lead.now_causes_if_start if start else lead.now_causes_if_sign
    return " ".join((text or "").format(**{"if": " ".join((said or "").split())}).split())


# "soon" too: "needs a doctor soon" under "call your emergency number now" read as a contradiction (walkthrough AV, Maria)
_SLOWER = re.compile(r"\btoday\b|\bsame day\b|\bwithin (24 hours|a day|a few days|days|\d+ days)\b|\btwo weeks\b"
                     r"|\bsee (a|your) (doctor|GP|nurse)\b|\bbook\b|\b(a|your) GP\b|\bsoon\b", re.I)


def _now_reasons(lines: Sequence[str], told: Sequence[str], findings: Mapping[str, bool],
                 lead: UnsureLead) -> tuple[str, ...]:
    """The reasons said under a call-now banner after its own: a sentence that names a slower time ("a doctor should
    check it today") is left out and the reason then says it does not change what to do now (`now_also`); a reason
    with nothing else left is named by its rule's title (walkthrough AC, Frank: "so a doctor should see you today"
    under "call your emergency number now"), and one with no title either is left out (Bob: a lone "It does not
    change what to do now" after the coherence line lost its only sentence)."""
    also = " ".join((lead.now_also or "").split())
    titles = {" ".join(rule_why(r, findings).split()): r.title for r in load().triage.rules if r.id in told}
    out: list[str] = []
    for line in lines:
        if not also or not _SLOWER.search(line):
            out.append(line)
            continue
        kept = [t for t in re.split(r"(?<=[.!?])\s+", line) if t and not _SLOWER.search(t)]
        title = next((t for w, t in titles.items() if w in line or line in w), None)
        if not kept and title is not None:
            kept = [(lead.now_also_title or "").format(title=_small(title))]
        if kept:  # a reason that said only a slower time (the coherence line) says nothing the banner does not
            out.append(" ".join([*kept, also]))
    return tuple(dict.fromkeys(out))


def _not_covered(told: Sequence[str], level: str, leading: Collection[str]) -> tuple[str, ...]:
    """The rules that set the level (`told`) whose reason still says something of its own under a banner led by more
    urgent rules (`leading`, from a 'not sure'): a rule less urgent than a leading one whose signs are all among that
    one's (the urgent "numbness after an arm injury" within "numbness that started at once with an arm injury") is
    the same story said slower, and is left out; a rule about anything else (pre-eclampsia signs) stays."""
    trig = _rule_triggers()
    covers = [trig[r][1] for r in leading if r in trig and LEVELS.index(trig[r][0]) < LEVELS.index(level)]
    return tuple(r for r in told if not (r in trig and trig[r][1] and any(trig[r][1] <= c for c in covers)))


def _fitting(act: RuleAct, findings: Mapping[str, bool], age: int | None) -> RuleAct:
    """A rule's act less the lines whose `only_when` these answers do not meet (walkthrough O, Kofi, 33: "if a child
    is hurt, ask someone else to drive")."""
    out = {o.line for o in act.only_when if compile_cond(o.when)(findings, age) is None}
    if not out:
        return act
    return act.model_copy(update={"do": [d for d in act.do if d not in out],
                                  "do_not": [d for d in act.do_not if d not in out]})


def _first_aid(act: _Act, aid: Sequence[Rule], findings: Mapping[str, bool], age: int | None) -> _Act:
    """A call-now banner's to-do list led by the first aid of a rule whose signs are in the answers (`first_with`:
    something sugary beside signs of low blood sugar), when that rule did not set the banner: as when it fires beside
    another emergency (`also_first`), so "Suddenly" never drops the sugar every question showed (walkthrough S, Priya).
    A rule that fired with first aid of its own put first (`also_first`: the sugar line of very low blood sugar) has
    said it already. `aid`: those rules (`_first_aid_rules`)."""
    first: list[str] = []
    not_do: list[str] = []
    says: dict[str, str] = {}
    for rule in aid:
        assert rule.act is not None
        own = _worded(_fitting(rule.act, findings, age), findings, age)
        first.append(" ".join((own.also or own.action).split()))
        not_do += [" ".join(d.split()) for d in own.do_not]
        says |= _says((rule.act,))
    if not first or set(first) <= {" ".join(d.split()) for d in act.do}:
        return act
    mine = [says.get(" ".join(d.split()), d) for d in act.do_not]  # said for one told "call if not better after sugar"
    return replace(act, do=tuple(dict.fromkeys([*first, *act.do])), do_not=tuple(dict.fromkeys([*mine, *not_do])))


def _first_aid_rules(rules: Collection[str], findings: Mapping[str, bool], lead: Rule | None) -> tuple[Rule, ...]:
    """The rules whose first aid leads a call-now result they did not set (`first_with`: low blood sugar's signs)."""
    kb = load()
    if lead is None and any(r.act is not None and r.act.also_first for r in kb.triage.rules if r.id in rules):
        return ()
    return tuple(r for r in kb.triage.rules if r.act is not None and r.act.first_with
                 and not (lead is not None and lead.id == r.id) and any(findings.get(f) is True for f in r.act.first_with))


def _first_aid_why(aid: Sequence[Rule]) -> tuple[str, ...]:
    """Why that first aid leads, said under "Why this level" (`first_with_why`): a sugar line first in what to do
    with only the stroke's reason beside it read as low blood sugar dropped (walkthrough U, Priya)."""
    return tuple(" ".join(r.act.first_with_why.split()) for r in aid if r.act is not None and r.act.first_with_why)


def _lead_act(rule: Rule, findings: Mapping[str, bool] | None = None, age: int | None = None) -> _Act:
    """The banner of a rule that leads a result from a 'not sure' (its title, action and what to do), as a yes shows it,
    less the lines that presume a yes (`unsure_drops`: "do not wait to see if the fever goes away") and those that do
    not fit the person (`only_when`)."""
    assert rule.act is not None
    lt = load().triage.levels[rule.level]
    drops = set(rule.act.unsure_drops)
    act = _worded(_fitting(rule.act, findings or {}, age), findings, age)
    # the low-sugar first aid's call line as the step between questions said it: while how it started is not known,
    # a sudden start calls now too (walkthrough AB, Priya: the step said "if the numbness came on suddenly", the
    # result's headline did not)
    first = load().interview.sugar_first
    action = (sugar_call_line(findings) if first is not None and rule.id == first.rule and findings is not None
              else act.action)
    return _Act(act.title_if_unsure or act.title or lt.title, action, act.by_when or lt.by_when,
                tuple(d for d in act.do if d not in drops), tuple(d for d in act.do_not if d not in drops), *_calls_of((act,)))


def _cause_note(cid: str, doubts: tuple[Unsure, ...], long: bool = False,
                findings: Mapping[str, bool] | None = None) -> str:
    """Why an emergency-type cause shown below emergency is not the level: its emergency signs the person was not sure
    of are named (a 'not sure' to trouble speaking beside a stroke), never "your answers do not show its signs"."""
    m = model()
    co = load().triage.coherence
    i = m.causes.index(cid) if cid in m.causes else None
    own = co.causes[cid].settle if cid in co.causes else ()
    # how it started is a stroke's sign, not a heart's: a heart attack's note never says "if new numbness starts
    # suddenly" (walkthrough AW, Omar)
    mine = [u for u in doubts if u.level == "emergency" and (u.finding != "onset_sudden" or u.finding in own)
            and (i is None or u.finding not in m.lift_present or m.lift_present[u.finding][i] > 0)]
    if not mine:
        return emergency_cause_note(cid, findings)
    if {u.finding for u in mine} == {"onset_sudden"}:  # a past fact: never "if that might be true" (walkthrough X)
        onset = co.cause_note_onset_long if long else co.cause_note_onset
        if onset:
            return " ".join(onset.split())
    return co.cause_note_unsure.format(parts=f"{UNSURE_PARTS} {'; '.join(u.text.rstrip('.') for u in mine)}.")


def emergency_cause_note(cid: str, findings: Mapping[str, bool] | None = None) -> str:
    """The note under an emergency-type cause on a page below emergency when no sign pointing to it was left unknown:
    why the answers are not its emergency when they say so (`not_now`), then what would make it a call now, never "it
    would need emergency care" beside a headline that says today."""
    co = load().triage.coherence
    cause = co.causes[cid]
    why = next((" ".join(n.text.split()) for n in cause.not_now
                if findings is not None and compile_cond(n.when)(findings, None) is not None), "")
    return " ".join(x for x in (why, co.cause_note.format(signs=cause.signs)) if x)


def _safety(findings: Mapping[str, bool], level: str, advice: Advice | None, foot: bool = False) -> tuple[str, ...]:
    """The safety steps whose answers the person gave (care.yaml `safety`): they hold for every cause, so they need no
    named cause; none on an emergency, and none a home plan shown beside them already says (`not_with`). Under the
    foot-sore banner (`foot`) a step worded for the sore already reported says so (walkthrough U, Ben)."""
    if level == "emergency":
        return ()
    own = advice.cause if advice is not None and advice.steps else None
    return tuple(dict.fromkeys(" ".join((s.with_foot_sore if foot and s.with_foot_sore else s.do).split())
                               for s in load().care.safety
                               if all(findings.get(f) is True for f in s.when) and own not in s.not_with
                               and not any(findings.get(f) is True for f in s.unless)))


def _explained(findings: Mapping[str, bool], age: int | None, level: str) -> tuple[str, ...]:
    """Why a more urgent rule whose condition held did not count: the self-care story that answered its exception
    (triage_rules.yaml `explains`: "it came on suddenly, but after pressure on your elbow ..."), said once under the
    reasons, so a sudden start the check warned about is never silently dropped. None on an emergency."""
    if level == "emergency":
        return ()
    fired = fired_rules(findings, age)
    ids = {r.id for r, _ in fired}
    when = {c.rule.id: c.when for c in compiled_rules()}
    out: list[str] = []
    for rule, _ in fired:
        for ex in rule.explains if rule.level == "self_care" else ():
            text = " ".join(ex.text.split())
            if ex.rule not in ids and ex.rule in when and when[ex.rule](findings, age) is not None and text not in out:
                out.append(text)
    return tuple(out)


def _buts(rule_ids: Sequence[str], findings: Mapping[str, bool], unsure: Collection[str] = (),
          age: int | None = None) -> tuple[str, ...]:
    """Why a rule stood although the person said something that sounds like its exception (pressure on the arm):
    said once, under the reasons, so "you said it began after pressure on your arm" is never silently ignored; and
    the parts of that exception the person was not sure of are named, so "not all of that" says which."""
    kb = load()
    rules = {r.id: r for r in kb.triage.rules}
    out: list[str] = []
    quiet = quiet_reasons(rule_ids, findings)  # a reason not said takes its notes with it
    for rid in rule_ids:
        rule = rules.get(rid)
        if rule is None or rid in quiet:
            continue
        parts = rule.unless.finding_ids() if rule.unless is not None else set()
        # panic attacks; per answer the first note that holds (one beside a no first: the spread of an aura not like
        # the usual one is said as that aura, walkthrough Y, Nadia)
        held = [n for n in rule.notes if _holds(n, findings, age)]
        out += [n.text for i, n in enumerate(held) if n.text not in out and all(m.said != n.said for m in held[:i])]
        for but in _said_buts(rule, rule_ids, findings, age):
            if but.text not in out:
                out.append(but.text)
                doubts = [unsure_label(f, findings) for f in unsure if f in parts and f not in findings and f in kb.findings]
                if doubts:
                    out.append(UNSURE_PARTS + " " + "; ".join(doubts) + ".")
    return tuple(out)


def _said_buts(rule: Rule, rule_ids: Collection[str], findings: Mapping[str, bool],
               age: int | None = None) -> list[RuleBut]:
    """The rule's `but`s whose answer is yes, but none for an answer another standing rule's note already speaks to
    (walkthrough AF: panic attacks beside a chest pain are said once, as the heart-attack note, never again as why
    over-breathing was not enough); per answer the first that holds (a child's, `below_age`, before the rest)."""
    rules = {r.id: r for r in load().triage.rules}
    quiet = quiet_reasons(tuple(rule_ids), findings)
    noted = {n.said for rid in rule_ids if rid != rule.id and rid in rules and rid not in quiet for n in rules[rid].notes
             if _holds(n, findings, age)}
    held = [b for b in rule.but if _holds(b, findings, age) and b.said not in noted]
    return [b for i, b in enumerate(held) if all(m.said != b.said for m in held[:i])]


def _holds(line: RuleBut, findings: Mapping[str, bool], age: int | None = None) -> bool:
    """Does a rule's `but` or note speak to these answers: its answer yes, beside its no (`beside_no`), at its age
    (`below_age`: known and below it)?"""
    return findings.get(line.said) is True and (line.beside_no is None or findings.get(line.beside_no) is False) and (
        line.below_age is None or (age is not None and age < line.below_age))


def hand_classes(marks: Collection[str], findings: Mapping[str, bool] | None = None) -> tuple[HandClass, ...]:
    """The Katz hand-diagram class of each hand from the spots marked on the finger picker (codes like r1, l0, rp).

    The "Where else" palm answer is the last word on the palm: Yes adds it to each hand with marks, No drops it.
    Marks that cannot be read give no class (never a guessed one).
    """
    from numbwise.scores import ScoreInputError, instrument, parse_codes, score_katz

    codes = [str(m).strip().lower() for m in marks if str(m).strip()]
    palm = (findings or {}).get(PALM_FINDING)
    if palm is not None:
        codes = [c for c in codes if not c.endswith("p")]
        if palm:
            codes += sorted({c[0] + "p" for c in codes})
    if not codes:
        return ()
    ins = instrument("katz")
    if ins.diagram is None:
        return ()
    try:
        result = score_katz(parse_codes(codes, ins.diagram), ins)
    except ScoreInputError:
        return ()
    return tuple(HandClass(s.name, s.band_label or "", s.meaning or "") for s in result.scales)


def _hand_diagram(level: str, shown: tuple[CauseLine, ...], marks: Collection[str],
                  findings: Mapping[str, bool]) -> HandDiagram | None:
    """The hand diagram rates a carpal tunnel pattern: shown only when that is the leading cause and the result is
    not an emergency, so it never names another cause beside the result's own."""
    if level == "emergency" or not shown or shown[0].id != "carpal_tunnel":
        return None
    hands = hand_classes(marks, findings)
    if not hands:
        return None
    return HandDiagram(HAND_DIAGRAM_HEADING, HAND_DIAGRAM_INTRO, hands,
                       NextStep("katz", "About the hand diagram score", "numbwise score katz", "/scores/katz"))


DIAGRAM_REASON = "hand_diagram"  # the finding slot of a point against that comes from the hand diagram, not an answer


def _diagram_away(shown: tuple[CauseLine, ...], diagram: HandDiagram | None) -> tuple[CauseLine, ...]:
    """A hand diagram that rates no hand above 'possible' is a point against the carpal tunnel it rates (its class's
    `against`), so its chance never stands beside "the pattern is not typical" with nothing against it."""
    if diagram is None or not shown:
        return shown
    from numbwise.scores import instrument

    by_label = {c.label: c for c in instrument("katz").classes}
    best = max((by_label[h.label] for h in diagram.hands if h.label in by_label), key=lambda c: c.rank, default=None)
    if best is None or best.against is None:
        return shown
    text = " ".join(best.against.split())
    if any(r.text == text for r in shown[0].away):
        return shown
    return (replace(shown[0], away=shown[0].away + (Reason(DIAGRAM_REASON, False, text),)),) + shown[1:]


def unsure_label(fid: str, findings: Mapping[str, bool]) -> str:
    """A 'not sure' sign as the result names it: its own words for what is not known beside another answer that is
    yes (findings.yaml `unsure_with`: a weak grip said, "Whether the weakness came on suddenly"), else its words for
    what is not known (`unsure_text`: "How fast it started", walkthrough O, Sam), else its list words."""
    entry = load().findings[fid]
    return next((" ".join(t.split()) for g, t in entry.unsure_with.items() if findings.get(g) is True),
                entry.unsure_text or entry.checklist or entry.said_yes.rstrip("."))


def _doubts(findings: Mapping[str, bool], age: int | None, level: str, unsure: Collection[str]) -> tuple[Unsure, ...]:
    """The signs answered 'not sure' whose yes would make the result more urgent for this person, most urgent first
    and in the order they were asked."""
    kb = load()
    rule_findings = _rule_levels()
    raises = {f: triage({**findings, f: True}, age).level for f in unsure  # what a yes would mean for this person
              if f in rule_findings and f not in findings and f in kb.findings and not moot(f, findings)}
    # A warning sign that is part of an emergency rule all the not-sure signs together would set goes with them: a
    # new breathlessness is a doctor today on its own, but beside a 'not sure' chest pain it is a heart attack's sign
    # (walkthrough J, Alex: filed under "a doctor today" beside "not sure: chest pain, a cold sweat").
    trig = _rule_triggers()
    together = triage({**findings, **dict.fromkeys(raises, True)}, age).rules
    joint = {f for rid in together if rid in trig and trig[rid][0] == "emergency" for f in trig[rid][1]}
    raises = {f: "emergency" if f in joint and lv == "urgent" else lv for f, lv in raises.items()}
    return tuple(
        Unsure(f, unsure_label(f, findings), lv)
        for f, lv in sorted(raises.items(), key=lambda x: (LEVELS.index(x[1]), _asked_order().get(x[0], 10**6), x[0]))
        if LEVELS.index(lv) < LEVELS.index(level)
    )


# On an urgent result a 'not sure' is said back when its yes would set a rule of these levels that has not fired (the
# result's own level first, as the final triage has it; then a calmer one among all the rules that hold): a
# doctor's matter too (walkthrough N, Kofi: a weak grip after a fall, unsure, sets only the routine weakness rule beside
# his urgent injury, and vanished from the result). On an emergency result only the call handler's own level.
SAID_BACK_LEVELS = {"emergency": ("emergency",), "urgent": ("urgent", "routine")}


def _said_back(findings: Mapping[str, bool], age: int | None, level: str, unsure: Collection[str],
               shown: Collection[str] = ()) -> tuple[UnsureGroup, ...]:
    """On an emergency or urgent result, the not-sure signs whose yes would set a rule of their own that has not fired
    (`SAID_BACK_LEVELS`: a drooping face beside a sudden start; a fever beside shingles, walkthrough K; a weak grip
    beside an arm injury, walkthrough N): no caution, the level is as soon already, but said back, so an answer is never
    dropped without a word. One already in another not-sure group (`shown`) is not said again: Kofi's weak grip under
    the emergency signs and again under "tell the doctor" read as two opposite answers (walkthrough N)."""
    if level not in UNSURE_SAID_BACK:
        return ()
    kb = load()
    trig = _rule_triggers()
    fired, every = set(triage(findings, age).rules), {r.id for r, _ in fired_rules(findings, age)}

    def sets_own(f: str) -> bool:
        """A yes would set a rule (one it sets off itself) of the result's level, or a calmer one in SAID_BACK_LEVELS."""
        yes = {**findings, f: True}
        return any(rid not in fired and rid in trig and trig[rid][0] == level and f in trig[rid][1]
                   for rid in triage(yes, age).rules) or any(
            r.id not in every and r.level in SAID_BACK_LEVELS[level][1:] and f in trig.get(r.id, ("", frozenset()))[1]
            for r, _ in fired_rules(yes, age))

    found = [f for f in unsure if f in kb.findings and f not in findings and f not in shown and sets_own(f)]
    found.sort(key=lambda f: (_asked_order().get(f, 10**6), f))
    found, choice = _one_per_choice(found, shown, findings)  # one start not known: once (walkthrough R, Tariq)
    if not found:
        return ()
    items = tuple(Unsure(f, choice.get(f) or unsure_label(f, findings), level) for f in found)
    heading, act = UNSURE_SAID_BACK[level]
    return (UnsureGroup(level, heading, items, (act,)),)


def unsure_means(fid: str, shown: Sequence[str]) -> str:
    """What a yes to a finding would mean (findings.yaml `why`), said beside a 'not sure' only where the result lists
    every cause it names (`why_names`); else its words for the first cause listed (`why_for`), or for the sign in
    general (`why_general`), or "": never a note about a cause the result does not show (walkthrough Y, George)."""
    entry = load().findings[fid]
    why = entry.why
    if entry.why_names and not set(entry.why_names) <= set(shown):
        why = next((entry.why_for[c] for c in shown if c in entry.why_for), entry.why_general or "")
    return " ".join(why.split())


def _noted(findings: Mapping[str, bool], level: str, unsure: Collection[str],
           named: Collection[str], changes: Callable[[str], bool] | None = None,
           covered: Collection[str] = (), shown: Sequence[str] = ()) -> tuple[UnsureGroup, ...]:
    """Every answer the person was not sure of that no other part of the result names (`named`: the other not-sure
    groups, a reason's "You were not sure about", a question worded for it), said back once, so the result says when
    it cannot tell (walkthrough Q, Ruth and Hana). A yes to these would not make the result more urgent (else they
    are in a group above); where it would point to a cause, the item says what its yes would mean (`means`). Where a
    yes would change the plan all the same (`changes`: another banner or first thing to do, walkthrough V), or the
    leading banner speaks of it (`covered`), the item is said under that instead, never "would not make this more
    urgent". `shown`: the causes the result lists, in order (a note speaks only of those, `unsure_means`)."""
    kb = load()
    m = model()
    found = [f for f in dict.fromkeys(unsure) if f in kb.findings and f not in findings and f not in named]
    found.sort(key=lambda f: (_asked_order().get(f, 10**6), f))
    found, choice = _one_per_choice(found, named, findings)
    found, spots, spot_words = _one_picker(found)
    choice |= spot_words
    if not found:
        return ()
    # a warning sign's own why ("... is a warning sign of stroke") is not said beside "a yes would not make this more
    # urgent": with these answers it is not one (walkthrough X, Ben: both feet numb for years, not sure of "the leg on
    # the same side")
    items = tuple(Unsure(f, choice.get(f) or unsure_label(f, findings), NOTED, _picker_why() if f in spots else
                         unsure_means(f, shown)
                         if f not in choice and f in m.lift_present and max(m.lift_present[f]) >= STRONG
                         and kb.findings[f].why and f not in _emergency_findings() else "", spots.get(f, (f,))[1:])
                  for f in found)
    # the fingers said once stand for every spot they hold: the leading banner speaks of one, or a yes to one changes it
    every = {u.finding: (u.finding, *u.also) for u in items}
    kinds = {u.finding: UNSURE_NOTED_LEAD if set(every[u.finding]) & set(covered) else UNSURE_NOTED_CHANGES
             if changes is not None and any(changes(f) for f in every[u.finding])
             else UNSURE_NOTED_ACT.get(level, UNSURE_NOTED_ACT[""])
             for u in items}
    out: list[UnsureGroup] = []
    for line in dict.fromkeys(kinds[u.finding] for u in items):
        mine = tuple(u for u in items if kinds[u.finding] == line)
        heading = (UNSURE_NOTED[1] if named or out else UNSURE_NOTED[0]) + UNSURE_NOTED_KIND.get(line, "")
        said = UNSURE_NOTED_ACT_STORY if line == UNSURE_NOTED_ACT[""] and all(
            set(every[u.finding]) <= STORY_ONLY for u in mine) else line
        screen = [u for u in mine if u.finding in _screen_signs()] if line == UNSURE_NOTED_ACT[""] else []
        more = (UNSURE_NOTED_SCREEN.format(it="it" if len(mine) == 1 else " or ".join(
            u.text[:1].lower() + u.text[1:] for u in screen)),) if screen else ()
        out.append(UnsureGroup(NOTED, heading, mine, (said.format(it="it" if len(mine) == 1 else "them"), *more)))
    return tuple(out)


# The spots of the hand the finger picker answers: the fingers and the whole hand, and the palm at the base of the thumb
# ("Where else" asks it when the picker did not). Left open all together by one answer ("Right hand, not sure which
# fingers", R?), they are one thing the person does not know.
PICKER_FINGERS = (*FINGERS, "numb_whole_hand")


def _one_picker(found: list[str]) -> tuple[list[str], dict[str, tuple[str, ...]], dict[str, str]]:
    """The finger picker's spots said once: when no finger and not the whole hand is known (every one is in `found`:
    not sure, and no other part of the result names it), as after "Right hand, not sure which fingers" (walkthrough
    AF, Uma: the palm, each finger and the whole hand were listed apart, each with its own note), they are one item,
    in the finger step's `unsure_text` ("Which fingers are numb or tingling"), or with the palm when it is not sure too
    (`unsure_text_palm`).
    A person unsure of some spots only keeps each apart. Returns the findings kept, the spots the one item stands for
    (by the finding that stands for them, the first asked) and its words."""
    if not set(PICKER_FINGERS) <= set(found):
        return found, {}, {}
    spots = tuple(f for f in found if f in PICKER_FINGERS or f == PALM_FINDING)
    step = _fingers_step()
    words = None if step is None else step.unsure_text_palm if PALM_FINDING in spots else step.unsure_text
    if not words:
        return found, {}, {}
    first = spots[0]
    return [f for f in found if f not in spots or f == first], {first: spots}, {first: " ".join(words.split())}


def _fingers_step() -> InterviewStep | None:
    """The interview's finger-picker step (interview.yaml), whose words name the spots left not sure."""
    return next((s for s in load().interview.steps if s.kind == "fingers"), None)


def _picker_why() -> str:
    """The finger question's own why ("Which fingers are numb often points to which nerve is involved."), said once
    beside the one item for the spots not known."""
    step = _fingers_step()
    return " ".join(step.why.split()) if step is not None and step.why else ""


def _changes_plan(level: str, rules: Sequence[str], findings: Mapping[str, bool], age: int | None,
                  unsure: Collection[str], banner: _Act) -> Callable[[str], bool]:
    """Whether a yes to a noted answer would change the banner (its title or action) or the first thing to do, the
    other doubts kept: "a yes would not make this more urgent" must be true when said (walkthrough V, Priya: a yes to
    the signs of low blood sugar beside a 'not sure' confusion gives "Have something sugary now, and call if you might be confused")."""
    def changes(f: str) -> bool:
        yes = {**findings, f: True}
        said = triage(yes, age)
        lv = said.level if LEVELS.index(said.level) < LEVELS.index(level) else level
        new, _ = _banner(lv, tuple(dict.fromkeys([*rules, *said.rules])), yes, age, [u for u in unsure if u != f])
        return (new.title, new.action, new.do[:1]) != (banner.title, banner.action, banner.do[:1])
    return changes


def _one_per_choice(found: list[str], named: Collection[str],
                    findings: Mapping[str, bool]) -> tuple[list[str], dict[str, str]]:
    """One choice answered 'not sure' (how it started) is one doubt: left out where another group names it, else said
    once, in its own words ("How fast it started"), never one item per option, nor an option's cause ("can be a sign
    of Guillain-Barre syndrome") beside "a yes would not make this more urgent" (walkthrough R, Tariq). Returns the
    findings kept and, for each choice kept, its words."""
    kb = load()
    words: dict[str, str] = {}
    for group in choice_groups():
        if group & set(named):
            found = [f for f in found if f not in group]
        elif mine := [f for f in found if f in group]:
            found = [f for f in found if f not in group or f == mine[0]]
            words[mine[0]] = next((" ".join(t.split()) for g in sorted(group) if (t := kb.findings[g].unsure_text)),
                                  unsure_label(mine[0], findings))
    return found, words


@functools.cache
def choice_groups() -> tuple[frozenset[str], ...]:
    """The findings of each one-answer choice question (how it started: sudden, over days, slowly), built once."""
    return tuple(frozenset(o.finding for o in step.options if not o.unsure)
                 for step in load().interview.steps if step.kind == "choice" and step.options)


def _but_doubts(rule_ids: Sequence[str], findings: Mapping[str, bool], unsure: Collection[str]) -> set[str]:
    """The not-sure answers a reason already names ("You were not sure about: ...", `_buts`)."""
    rules = {r.id: r for r in load().triage.rules}
    out: set[str] = set()
    for rid in rule_ids:
        rule = rules.get(rid)
        if rule is not None and rule.unless is not None and _said_buts(rule, rule_ids, findings):
            out |= {f for f in unsure if f in rule.unless.finding_ids() and f not in findings}
    return out


def saved_unsure(level: str, case: Mapping[str, Any],
                 causes: Sequence[tuple[str, float]] = ()) -> tuple[UnsureGroup, ...]:
    """The 'not sure' groups a saved check's result showed, rebuilt from its answers (`case`: findings, age, sex and
    unsure, the findings answered 'not sure') and its ranked `causes` (for the named cause's own plan), under the
    result's own headings. A check saved before the diary kept its unsure answers, or whose answers cannot be read,
    gives none."""
    kb = load()
    if level not in kb.triage.levels:
        return ()
    same = _replanned(level, case, causes)  # the very plan, when its answers still give what it showed: one source
    if same is not None:
        return same.unsure
    raw, age, unsure = case.get("findings"), case.get("age"), case.get("unsure")
    if not isinstance(raw, Mapping) or not isinstance(unsure, (list, tuple)):
        return ()
    findings = {str(f): v for f, v in raw.items() if f in kb.vocabulary.findings and isinstance(v, bool)}
    asked = [f for f in unsure if isinstance(f, str) and f in kb.vocabulary.findings]
    years = age if isinstance(age, int) and not isinstance(age, bool) else None
    doubts = _doubts(findings, years, level, asked)
    groups = _unsure_groups(doubts, _own_call(doubts, findings, years, level), "", findings) + _said_back(findings, years, level, asked,
                                                                                     {d.finding for d in doubts})
    named = named_cause({"triage": level, "causes": [{"id": c, "probability": p} for c, p in causes]}, case) \
        if causes else None
    home = level in ("routine", "self_care") and not (years is not None and years < _home_care_age()) and not (
        level == "routine" and triage(findings, years).level == "self_care"  # home care gave way to a 'not sure' sign
        and unsure_sign_matters(findings, years, asked))
    groups += _plan_group(named, findings, asked, years, level, groups) if home and named in kb.care.plans else ()
    rules = triage(findings, years).rules
    told = {u.finding for g in groups for u in g.items} | _but_doubts(rules, findings, asked)
    banner, _ = _banner(level, rules, findings, years, asked)  # a yes that changes it is said so, as on the result
    listed = [c for c, _ in shown_causes(level, list(causes))]
    return groups + _noted(findings, level, asked, told, _changes_plan(level, rules, findings, years, asked, banner),
                           shown=listed)


def _replanned(level: str, case: Mapping[str, Any], causes: Sequence[tuple[str, float]]) -> ResultPlan | None:
    """The result plan a saved check's answers give today, when they still give the level and the leading cause it
    showed (so the report lists the very 'not sure' groups the result did, the ones its questions name left out too);
    None otherwise, and for a check kept without its causes (its named cause's plan cannot be known)."""
    if not causes:
        return None
    from numbwise.assess.case import CaseError, parse_unsure
    from numbwise.assess.engine import assess_case

    try:
        parsed, unsure = parse_unsure({k: v for k, v in case.items() if k in ("age", "sex", "findings", "unsure",
                                                                          "days_so_far", "foot_sore")})
    except CaseError:
        return None
    result = assess_case(parsed)
    same = result.triage == level and bool(result.causes) and result.causes[0][0] == causes[0][0]
    return result_plan(result, unsure) if same else None


def saved_causes(level: str, case: Mapping[str, Any],
                 causes: Sequence[tuple[str, float]]) -> tuple[tuple[tuple[str, float], ...], str, bool]:
    """The causes a saved check's result page listed, in its order, from the very plan its answers give (`_replanned`):
    each with its ranked chance, the heading said before the second one (`others_heading`: under a call-now banner the
    stroke the call is for comes first, as what must be ruled out, walkthrough AC, Frank), and whether the page showed
    chances (none under call now, nor for a child). A check whose answers no longer give what it showed, or kept
    without them, lists its ranking's (`shown_causes`), with chances: the report never keeps an order of its own."""
    same = _replanned(level, case, causes)
    if same is None:
        return tuple(shown_causes(level, list(causes))), "", True
    chance = dict(causes)
    return (tuple((c.id, chance.get(c.id, 0.0)) for c in same.causes), same.others_heading,
            any(c.short for c in same.causes))


def _unsure_groups(doubts: tuple[Unsure, ...], own_call: Mapping[str, str] | None = None,
                   heading: str = "", findings: Mapping[str, bool] | None = None,
                   below_now: tuple[str, str] | None = None) -> tuple[UnsureGroup, ...]:
    """The unsure signs by level: emergency ones with the emergency screen's own how-to-check advice, then urgent ones.

    Every emergency sign is under the call-now line, unless its own check says whom to call (`own_call`: a fever
    during chemotherapy names the cancer helpline): cramps after thyroid surgery are not a screen sign, but call now.
    A sign whose rule has its own check for it (`own_call`'s value: a start not known after a fall) gets that check.
    `heading`: the emergency group's own heading on a one path that says "not an emergency now" (walkthrough U,
    Tariq: "Not sure how fast it started", never "emergency signs" beside it). `findings`: the answers, so a check
    says only what fits them (walkthrough Y, Helen: no "if it comes in attacks" to her). `below_now`: under a call-now
    banner, the urgent group's heading and last line (unsure_lead `now_below_*`), never "see a doctor today" beneath
    "call now" (walkthrough Z, Helen)."""
    own_call = own_call or {}
    findings = findings or {}
    out = []
    for lv in ("emergency", "urgent"):
        items = tuple(u for u in doubts if u.level == lv)
        if not items:
            continue
        found = [u.finding for u in items]
        screen = _emergency_screen()
        if lv == "emergency" and screen is not None and screen.if_unsure is not None:  # as the check itself showed
            checks, call = unsure_checks(screen.if_unsure, screen.items, [f for f in found if not own_call.get(f)],
                                         findings)
            checks = tuple(own_call[f] for f in found if own_call.get(f)) + checks
            # the checks test now, never a sign that came and went (walkthrough J); said with the act that ends the
            # group, not as one more check (walkthrough K: "How to check them (6 checks)" over five)
            now_only = screen.if_unsure.now_only if screen.if_unsure.now_only and set(screen.if_unsure.check) <= set(checks) else ""
            call = call or any(f not in own_call for f in found)
            covered = {*screen.items, *screen.if_unsure.for_findings}  # the screen's own signs and the stroke checks
            act = " ".join(t for t in (now_only, screen.if_unsure.act if call else "") if t)
            advice = checks + _looks_like(found, covered, findings) + ((act,) if act else ())
        else:
            advice = own_checks(found, findings) + (_unsure_urgent_line(items, findings) if lv == "urgent" else ())
        kb = load().findings
        story = lv == "urgent" and any(f in kb and kb[f].group in STORY_GROUPS and not kb[f].warning_sign for f in found)
        answers = lv == "emergency" and INJURY in found and set(found) <= EMERGENCY_STORY
        head = heading if lv == "emergency" and heading else UNSURE_ANSWERS_URGENT if story \
            else UNSURE_ANSWERS_EMERGENCY if answers else UNSURE_HEADING_NOW \
            if lv == "urgent" and UNSURE_URGENT_OTHERS not in advice and UNSURE_URGENT not in advice else UNSURE_HEADINGS[lv]
        if lv == "urgent" and below_now is not None:  # the call-now banner says what to do: tell them, no "today"
            head, advice = below_now[0], own_checks(found, findings) + (below_now[1],)
        out.append(UnsureGroup(lv, head, items, advice))  # a sign's own check first (a temperature)
    return tuple(out)


def _fever_beside_sore(doubts: tuple[Unsure, ...]) -> bool:
    """A fever is the only sign not sure of beside a diabetic foot sore: the foot's banner leads, with its own line for
    the fever (foot_sore_lead `unsure_fever`: take your temperature; 38 °C or more, A&E now), never the not-sure path's "see a doctor
    today" for it (walkthrough AR, Kofi: "Not sure about some signs that need a doctor today" above "If you might have a
    fever, go to A&E or urgent care now")."""
    fl = load().triage.foot_sore_lead
    return fl is not None and fl.unsure_fever is not None and {d.finding for d in doubts} == {"fever"}


def _sore_and_fever(act: _Act, caution: str, sore: bool, findings: Mapping[str, bool],
                    unsure: Collection[str]) -> tuple[_Act, str]:
    """A diabetic foot sore with a fever said: hospital now, in the banner's title, action and by-when, with none of the
    level's "call your GP today" under it (walkthrough AQ, Kofi; NICE NG19). With the fever not sure of: the caution's
    own line for it, never "see a doctor today" for it."""
    fl = load().triage.foot_sore_lead
    if not sore or fl is None:
        return act, caution
    if findings.get("fever") is True and fl.fever_action:
        act = replace(act, title=fl.fever_title or act.title, action=" ".join(fl.fever_action.split()),
                      by_when=fl.fever_by_when or act.by_when, do=(), do_not=())
    elif "fever" in unsure and fl.unsure_fever:
        said = " ".join(str(load().triage.unsure_caution.get("urgent", "")).split())
        caution = caution.replace(said, " ".join(fl.unsure_fever.split())) if said else caution
    return act, caution


def _sore_fever(groups: tuple[UnsureGroup, ...], sore: bool) -> tuple[UnsureGroup, ...]:
    """Beside a diabetic foot sore, a not-sure fever's group says its own line (foot_sore_lead `unsure_fever`: A&E now),
    never "see a doctor today" for it (walkthrough AQ, Kofi)."""
    fl = load().triage.foot_sore_lead
    if not sore or fl is None or fl.unsure_fever is None:
        return groups
    line = " ".join((fl.unsure_fever_group or fl.unsure_fever).split())
    out = []
    for g in groups:
        if g.level == "urgent" and any(u.finding == "fever" for u in g.items):
            rest = tuple(a for a in g.advice if a not in (UNSURE_URGENT, UNSURE_URGENT_OTHERS))
            others = len(g.items) > 1
            g = replace(g, advice=rest + (line,) + ((UNSURE_URGENT_OTHERS,) if others else ()),
                        heading=g.heading if others else UNSURE_HEADING_NOW)
        out.append(g)
    return tuple(out)


def _unsure_urgent_line(items: tuple[Unsure, ...], findings: Mapping[str, bool]) -> tuple[str, ...]:
    """The urgent group's last line: see a doctor today, unless a yes would set a rule whose own act says now (the
    maternity unit for a sign of pre-eclampsia): then that act, for those signs (walkthrough AM, Lena: "If any of these
    might be true, see a doctor today" under "call your maternity unit or midwife now" for the same sign)."""
    rules = [_own_rule(u, findings, None) for u in items]
    now = {r.id: r for r in rules if r is not None and r.act is not None and (r.act.by_when or "").startswith("Now")}
    if not now:
        return (UNSURE_URGENT,)
    every = all(r is not None and r.id in now for r in rules)
    out = []
    for r in now.values():
        assert r.act is not None
        which = ("any of these" if len(items) > 1 else "this") if every else f"one of the {_small(r.title.rstrip('.'))}"
        out.append(f"If {which} might be true: {' '.join(r.act.action.split())}")
    return tuple(out) + (() if every else (UNSURE_URGENT_OTHERS,))


def _looks_like(found: Sequence[str], covered: Collection[str],
                findings: Mapping[str, bool] | None = None) -> tuple[str, ...]:
    """What a sign looks like (findings.yaml `help`) when neither its own check nor the emergency screen covers it
    (cramps after thyroid surgery: fingers that curl and lock tight), so the stroke checks never seem to. A fact
    about the person (a past operation) is not a sign to look for. Said in its words for a 'not sure'
    (`help_unsure`), with those for a situation only where the person said yes to it (`help_unsure_with`: an arm
    injury, walkthrough Y, Helen)."""

    kb = load().findings
    out = []
    for f in found:
        entry = kb.get(f)
        if entry is None or f in covered or entry.how_to_check or entry.group == HISTORY_GROUP \
                or not (entry.help or "").startswith(LOOKS_LIKE):  # "answer yes if ..." is how to answer, not a picture
            continue
        label = (entry.checklist or checklist_label(f)).rstrip(".")
        said = next((t for g, t in entry.help_unsure_with.items() if (findings or {}).get(g) is True), None)
        text = " ".join((said or entry.help_unsure or entry.help).split())
        out.append(f"{label}: {text[:1].lower()}{text[1:]}")
    return tuple(out)


def _own_call(doubts: tuple[Unsure, ...], findings: Mapping[str, bool], age: int | None,
              level: str, days: float | None = None) -> dict[str, str]:
    """The doubts whose own rule says whom to call for a 'not sure' (the chemotherapy helpline), not the call-now line,
    each with that rule's own check for it (`unsure_check`), or "" to keep the sign's own. A start not seen in a
    child's story (`_start_story`, on the help-today path) keeps its own check without the call-now line: how a past
    episode began cannot be "happening" now, and the banner already says when to call (walkthrough O, Ella). So does
    a start not known in numbness weeks old (`_old_lead`, walkthrough Q)."""
    rules = {u.finding: _own_rule(u, findings, age) for u in doubts}
    out = {f: (r.act.unsure_check or "") if r.act else "" for f, r in rules.items() if r is not None}
    for u in doubts:  # a check worded for the other answers says itself when to call (a cold sweat beside low sugar)
        if not out.get(u.finding) and check_with(u.finding, findings):
            out[u.finding] = check_with(u.finding, findings)
    start = load().findings.get("onset_sudden")
    if start is not None and start.how_to_check and (_start_only(doubts, findings, age) and _today_lead(
            doubts, findings, level, age, days) or _old_lead(doubts, findings, level, age, days)):
        out.setdefault("onset_sudden", check_text("onset_sudden", findings))
    lead = load().triage.unsure_lead.get("emergency")
    if start is not None and start.how_to_check and lead is not None and lead.onset_act \
            and _onset_lead(doubts, findings, level, age, days):  # its own act, in the past tense (walkthrough U)
        long = _onset_long(findings, age, days, level)  # over six weeks: an attack now or next time (walkthrough V)
        act = long.act if long is not None else lead.onset_act
        out.setdefault("onset_sudden", _onset_words(f"{check_text('onset_sudden', findings)} {act}", findings, age,
                                                    again=long is None))
    return out


def _distinct(reasons: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, bool], ...]:
    """Leave out a 'no' that another listed 'yes' of its one-answer group already says ("not slowly" next to
    "over hours", "not in both hands" next to "only one hand"), and a 'yes' a wider listed 'yes' implies ("your walking
    is unsteady" under "both hands are clumsy and your walking is unsteady")."""
    yes = {f: True for f, v in reasons if v}
    kb = load().findings
    implied = {i for f in yes if f in kb for i, iv in kb[f].implies.items() if iv is True}  # said by a wider yes
    return tuple((f, v) for f, v in reasons if (v and f not in implied) or (not v and not settled_by_another(f, yes)))


def _call_now_path(level: str, findings: Mapping[str, bool], age: int | None, unsure: Sequence[str],
                   days: float | None) -> bool:
    """Would these answers give the one path call now (`caution_now`), as `result_plan` decides it?"""
    if level not in NOW_LEVELS or not may_call_now(findings, unsure):
        return False
    doubts = _doubts(findings, age, level, unsure)
    act, lead = _banner(level, triage(findings, age).rules, findings, age, unsure)
    led = _caution_lead(act, doubts, findings, age, level, days) if lead is None else None
    return _calls_now(led, doubts, findings, level, days)


def _told_apart(level: str, ranked: Sequence[tuple[str, float]], lead: CauseLine | None, findings: Mapping[str, bool],
                sex: str | None) -> bool:
    """Whether a result names its leading cause as the answer ("Most likely: X"), rather than "We can't tell yet".

    Never on an emergency (it shows no causes). The leading cause must be likely enough, well ahead of the next
    and rest on enough of the person's own answers; or be the cause of a complete self-care pattern with home steps.
    """
    if level == "emergency" or lead is None or not ranked:
        return False
    if _test_would_flip(ranked, findings):
        return False
    probs = [p for _, p in ranked]
    if probs[0] >= TELL_APART and (len(probs) < 2 or probs[0] >= LEAD_RATIO * probs[1]) and len(lead.towards) >= MIN_REASONS:
        return True
    # a complete self-care pattern whose cause leads (and has home steps) is itself the answer
    return level == "self_care" and bool(_advice(lead.id, True, findings, sex).steps)


def _test_would_flip(ranked: Sequence[tuple[str, float]], findings: Mapping[str, bool]) -> bool:
    """Would a yes or a no to an answer not known that a blood test settles (findings.yaml `if_unsure`: diabetes) put
    another listed cause first? Then the result cannot tell them apart yet, and says so with the test among what
    would (walkthrough AD, Kevin: "Most likely: alcohol" beside diabetic nerve damage, never tested for diabetes).
    The listed chances are updated by that answer's likelihood alone, as the ranking would (ranking.py)."""
    kb = load()
    m = model()
    index = {c: i for i, c in enumerate(m.causes)}
    listed = [(c, p) for c, p in ranked if c in index and p > 0.0]
    if len(listed) < 2:
        return False
    for f, entry in kb.findings.items():
        if entry.if_unsure is None or f in findings or f not in m.present:
            continue
        for vec in (m.present[f], m.absent[f]):
            first = max(listed, key=lambda cp: math.log(cp[1]) + vec[index[cp[0]]])[0]
            if first != listed[0][0]:
                return True
    return False


def _saved_ranked(result: Mapping[str, Any]) -> list[tuple[str, float]]:
    """A saved result's ranked causes as (id, probability), leaving out what cannot be read."""
    raw = result.get("causes")
    out: list[tuple[str, float]] = []
    for c in raw if isinstance(raw, list) else []:
        if isinstance(c, Mapping) and isinstance(c.get("id"), str):
            p = c.get("probability", 0.0)
            out.append((c["id"], float(p) if isinstance(p, (int, float)) and not isinstance(p, bool) else 0.0))
    return out


def saved_level(result: Mapping[str, Any]) -> Level | None:
    """A saved result's level ("triage"; "level" in some older records), or None when it has none this version knows."""
    level = result.get("triage", result.get("level"))
    return next((lv for lv in load().triage.levels if lv == level), None)


def named_cause(result: Assessment | Mapping[str, Any], case: Mapping[str, Any] | None = None,
                unsure: Collection[str] | None = None) -> str | None:
    """The cause a result named as the leading one ("Most likely: X"), or None when it named none.

    None on an emergency (which shows no causes) and when the answers could not tell the causes apart ("We can't
    tell yet what is causing it"), exactly as `result_plan` decides. Takes an assessment, or a saved check's result
    with its answers (`case`: findings, age, sex); without readable answers a saved result names only what
    `result_plan` would name on no answers. Every page that repeats a saved check (diary, exercises, care, report)
    asks this, so none of them names a cause the result did not. Under a call-now banner from the answers not sure
    of (`unsure`, else the case's own) it names none: the cause the call is for is listed first (walkthrough AC).
    """
    kb = load()
    if isinstance(result, Assessment):
        level, ranked = result.triage, list(result.causes)
        findings: Mapping[str, bool] = result.case.findings
        sex = result.case.sex
    else:
        level = saved_level(result) or ""
        ranked = _saved_ranked(result)
        raw = (case or {}).get("findings")
        findings = {str(f): v for f, v in raw.items() if f in kb.vocabulary.findings and isinstance(v, bool)} \
            if isinstance(raw, Mapping) else {}
        sex = (case or {}).get("sex") if (case or {}).get("sex") in ("female", "male") else None
    if level not in kb.triage.levels or level == "emergency" or not ranked:
        return None
    asked = (case or {}).get("unsure") if unsure is None else list(unsure)
    if isinstance(asked, (list, tuple)) and asked:  # a call-now banner names no cause (walkthrough AC, Frank)
        age = result.case.age if isinstance(result, Assessment) else (case or {}).get("age")
        days = result.case.days_so_far if isinstance(result, Assessment) else (case or {}).get("days_so_far")
        if _call_now_path(level, findings, age if isinstance(age, int) and not isinstance(age, bool) else None,
                          [f for f in asked if isinstance(f, str)],
                          float(days) if isinstance(days, (int, float)) and not isinstance(days, bool) else None):
            return None
    if isinstance(asked, (list, tuple)) and not isinstance(result, Assessment):  # a rule's banner leads with its own
        age = (case or {}).get("age")  # cause first (walkthrough V): the result named none as "Most likely"
        years = age if isinstance(age, int) and not isinstance(age, bool) else None
        said = [f for f in asked if isinstance(f, str)]
        lead = _lead(_doubts(findings, years, level, said), findings, years, said)
        if lead is not None and rule_causes((lead.id,)):
            return None
    cid, p = ranked[0]
    if cid not in kb.causes and cid not in kb.vocabulary.causes:
        return None
    return cid if _told_apart(level, ranked, _cause_line(findings, cid, p), findings, sex) else None


DIABETIC_NEUROPATHY = "diabetic_neuropathy"


def foot_at_risk(findings: Mapping[str, bool], causes: Sequence[tuple[str, float]] = ()) -> bool:
    """Diabetes, or diabetic neuropathy ranked first: then a sore on the foot needs a check within a day (NICE NG19),
    and the interview asks about one (interview.yaml `foot_sore`, with numb feet)."""
    return findings.get("diabetes") is True or (bool(causes) and causes[0][0] == DIABETIC_NEUROPATHY)


def _foot_doubt(result: Assessment, page_level: str) -> FootSoreLead | None:
    """The foot-sore words for its question answered 'not sure' (the case's foot_unsure) with diabetes, on a page
    below call now (walkthrough BN, Maya: "not sure" to a sore on her numb feet was never said back, and nothing told
    her to look), or None."""
    fl = load().triage.foot_sore_lead
    case = result.case
    if fl is None or not fl.unsure_caution or not fl.unsure_heading or not fl.unsure_item or not fl.unsure_advice:
        return None
    ok = case.foot_unsure and case.foot_sore is None and page_level != "emergency"
    return fl if ok and foot_at_risk(case.findings, result.causes) else None


def _with_foot_doubt(groups: tuple[UnsureGroup, ...], fl: FootSoreLead) -> tuple[UnsureGroup, ...]:
    """The not-sure groups with the foot sore's own (FOOT_DOUBT: look today, and what to do if one is found), after
    the groups of a sign that could mean help now or today (most urgent first)."""
    item = Unsure(FOOT_SORE, " ".join((fl.unsure_item or "").split()), FOOT_DOUBT)
    own = UnsureGroup(FOOT_DOUBT, " ".join((fl.unsure_heading or "").split()), (item,),
                      (" ".join((fl.unsure_advice or "").split()),))
    first = sum(1 for g in groups if g.level in ("emergency", "urgent"))
    return groups[:first] + (own,) + groups[first:]


def _foot_lead(level: str, findings: Mapping[str, bool], causes: Sequence[tuple[str, float]], foot_sore: bool | None,
               led: bool) -> FootSoreLead | None:
    """The foot-check-today path (triage_rules.yaml `foot_sore_lead`) when a foot sore was said with diabetes on a
    result below a doctor today that nothing else leads (a rule's own act or a caution: those keep their banner, and
    the watch line for a foot sore with them): never "book within two weeks" above a sore seen to today (walkthrough
    T, Ben)."""
    fl = load().triage.foot_sore_lead
    if fl is None or foot_sore is not True or led or level not in ("routine", "self_care"):
        return None
    return fl if foot_at_risk(findings, causes) else None


def result_plan(result: Assessment, unsure: Collection[str] = (), marks: Collection[str] = (),
                taken_back: str = "", listed_none: Collection[str] = ()) -> ResultPlan:
    """The one result plan for an assessment, the findings the person answered 'not sure' and the spots they marked
    on the finger picker (`marks`: codes like r1 r2 l0 rp, for the hand diagram; plain data, no faces); `taken_back`:
    the step-by-step check's line for an early call screen this result no longer says (takeback.taken_back_line);
    `listed_none`: items a list showed and the person answered "none of these" to (interview.listed_none), never
    asked again as questions that would tell the causes apart."""
    kb = load()
    level = result.triage
    findings = dict(result.case.findings)
    age, sex = result.case.age, result.case.sex
    days = result.case.days_so_far  # how long the words said it has been there: weeks old is no stroke now
    doubts, act, lead, led, below_sooner = _leads(result, unsure)
    banner = act  # before a caution's words: what a yes to a noted answer is compared with (`_changes_plan`)
    if led is not None:
        act = led[2]
    # each sign once: one a wider listed sign implies ("your walking is unsteady" under "both hands are clumsy and your
    # walking is unsteady") is left out, as in the causes' reasons (walkthrough J, George)
    # on an emergency the urgent rules' signs follow its own: they tell the crew (walkthrough U, Marcus: effort and jaw)
    flags = signs_shown(result.red_flags, result.rules)
    # but not the mark of a usual pattern: an aura's spread over minutes is no warning sign beside a reason that calls
    # it the usual aura (walkthrough Y, Nadia: "! The tingling spreads slowly" from the aura-over-an-hour rule)
    flags += tuple(f for f in urgent_signs(findings, age, flags) if not (f in kb.findings and kb.findings[f].pattern_mark)
                   ) if level == "emergency" else ()
    # a sign another shown sign's own words already say (`said_yes_with`: "It came on within minutes, creeping from one
    # place to another" says the spread) is not listed again (walkthrough V, Nadia: the spread said twice)
    worded = {w for f in flags if f in kb.findings for w in kb.findings[f].said_yes_with if findings.get(w) is True}
    flags = tuple(f for f in flags if f not in worded)
    signs = tuple(Reason(f, True, " ".join((kb.findings[f].said_as_sign or "").split()) if f in kb.findings
                         and kb.findings[f].said_as_sign else statement(f, True, findings)) for f, _ in _distinct(
        tuple((f, True) for f in flags))) if level in ("emergency", "urgent") else ()
    now = _calls_now(led, doubts, findings, level, days)  # one path, call now (walkthrough K)
    if now:  # with the emergency level's own to-do list, never the lower level's (walkthrough U, Jon)
        todo, not_do = _now_todo(doubts, findings, age)
        act = replace(act, do=todo, do_not=not_do)
    # a call-now banner: first aid that cannot wait leads its to-do list
    aid = _first_aid_rules(result.rules, findings, lead) if level == "emergency" or now else ()
    act = _first_aid(act, aid, findings, age)
    do_first: tuple[str, ...] = ()
    if not aid and level != "emergency" and not now:  # a lower rule's first aid that cannot wait (`do_first`)
        do_first = tuple(" ".join(r.do_first.split()) for r in kb.triage.rules if r.id in result.rules and r.do_first)
        act = replace(act, do=tuple(dict.fromkeys([*do_first, *act.do]))) if do_first else act
    today = led is not None and not now and _today_lead(doubts, findings, level, age, days)  # one path, help today (walkthrough J)
    old = led is not None and _old_lead(doubts, findings, level, age, days)  # one path, a GP within days (walkthrough Q)
    if old and led is not None and led[0].old_drops:  # the one path says it already (walkthrough W, Tariq)
        act = replace(act, do=tuple(d for d in act.do if d not in led[0].old_drops))
    # under a call-now or help-today banner a home-care pattern's reason ("can often be eased at home", "fine to care
    # for at home") is not said: it reads as the opposite advice (walkthrough N, Anne: call now beside a night splint)
    home = {r.id for r in kb.triage.rules if r.level == "self_care"} | {SELF_CARE_CAUSE_RULE}
    # nor, on an emergency or under a call-now banner, a reason about home care (walkthrough Z, Helen: "we can't
    # suggest home care alone" under "call your emergency number now")
    home_talk = {r.id for r in kb.triage.rules if r.about_home_care} if now or level == "emergency" else set()
    if now and led is not None:  # nor one that tells the same possible stroke slower, "see a doctor today" (AC, Frank)
        home_talk |= {UNSURE_RULE, *led[0].now_hides_reasons}
    # nor a home-care pattern's own reason once another cause leads (walkthrough AF, Grace: carpal tunnel's "a night
    # splint ... often help" under over-breathing): that is advice for a cause the result does not name first
    if SELF_CARE_CAUSE_RULE in result.rules:
        home_talk |= home - {SELF_CARE_CAUSE_RULE}
    told = tuple(r for r in result.rules if not ((now or today) and r in home) and r not in home_talk)
    leading = result.causes[0][0] if result.causes else None  # a reason naming only other causes says it can do the same
    if now:  # ... but under "call now" no cause is "the most likely cause from your answers" (walkthrough AC, Frank)
        leading = None
    why = (tuple(triage_reasons(Triage(level, result.red_flags, told), findings, leading) if told or not (now or today) else ())
           # "so here it does not need emergency help" would contradict a caution that cannot rule one out (walkthrough
           # L, Nadia not sure whether it spread within hours): said only when no emergency sign is in doubt
           + (_explained(findings, age, level) if not any(d.level == "emergency" for d in doubts) else ())
           + _buts(result.rules, findings, unsure, age))
    if lead is not None and lead.act is not None:  # the banner's own reason first, worded for a doubt
        # a calmer rule the leading one covers ("a doctor should check it today" for the same injury under "go to
        # A&E now", walkthrough O, Kofi) would read as the slower path: not said; a reason about anything else stays
        kept = tuple(r for r in _not_covered(told, level, (lead.id,)) if r not in lead.act.hides_reasons)
        if kept != told:
            why = (tuple(triage_reasons(Triage(level, result.red_flags, kept), findings, leading)) if kept else ()) + (
                _explained(findings, age, level) if not any(d.level == "emergency" for d in doubts) else ()) + _buts(
                result.rules, findings, unsure, age)
        why = (_signs_words(lead, doubts, findings, unsure)[1],) + why
    elif led is not None and level == "urgent" and _now_lead(doubts, findings, level, days):
        # call now over an urgent rule for a start not known: that rule's "needs a doctor today" reason would read as
        # the slower path (walkthrough N, Sam's weak grip; the sign stays under the warning signs); another rule's
        # reason (pre-eclampsia signs in pregnancy) is still said. Covered: a rule whose signs are all within a rule a
        # yes to the doubts would set at the caution's level (`_not_covered`).
        yes = triage({**findings, **{d.finding: True for d in doubts if d.level == led[1]}}, age).rules
        kept = _not_covered(told, level, yes)
        why = (" ".join(led[0].why.split()),) + tuple(
            triage_reasons(Triage(level, result.red_flags, kept), findings, leading) if kept else ()) + _buts(
            result.rules, findings, unsure, age)
    elif led is not None:  # the caution leads: why the level shown holds only if none of those signs is true
        why = (" ".join(led[0].why.split()),) + why
    why = why + tuple(w for w in _first_aid_why(aid) if w not in why)  # and why it leads, after the banner's own
    above = _said_above(findings, age, result.rules) if level == "urgent" and not now else ()
    why = why + tuple(w for w in (triage_reasons(Triage(level, (), above), findings) if above else ()) if w not in why)
    if now and led is not None:  # under "call now" no reason names a slower time (walkthrough AC, Frank)
        why = why[:1] + _now_reasons(why[1:], told, findings, led[0])
    # the cause of the rule that leads the banner from a 'not sure' is listed, whatever its chance (walkthrough V)
    lead_causes = rule_causes((lead.id,)) if lead is not None else (
        # ... and so is the cause a call-now banner is for, first, as what must be ruled out (walkthrough AC, Frank)
        (led[0].now_cause,) if now and led is not None and led[0].now_cause else ())
    ranked = list(result.causes)
    ranked += [(c, p) for c, p in (rank(findings, age, sex) if set(lead_causes) - dict(ranked).keys() else ())
               if c in lead_causes and c not in dict(ranked)]
    shown = tuple(_no_unsure_parts(_cause_line(findings, c, p, is_child(age)), unsure)
                  for c, p in shown_causes(level, ranked, rule_causes(result.rules + above) + lead_causes))
    # a heart attack "about 1 in 10" beside "see a doctor today" must say why that is not a 999 call
    long = _onset_long(findings, age, days, level) is not None
    shown = tuple(replace(c, note=_cause_note(c.id, doubts, long, findings)) if c.id in kb.triage.coherence.causes else c
                  for c in shown)
    # MS already known: this may be a relapse (causes.yaml `said_notes`)
    shown = tuple(c if c.note else replace(c, note=_said_note(c.id, findings)) for c in shown)
    if shown and not shown[0].towards and not shown[0].note:  # never in place of an emergency-type cause's note
        shown = (replace(shown[0], note=COMMON_NOTE),) + shown[1:]
    told_apart = _told_apart(level, result.causes, shown[0] if shown else None, findings, sex) and not (
        set(lead_causes) & {c.id for c in shown})
    if not told_apart:
        shown = _away_noted(shown)
    shown = tuple(sorted(shown, key=lambda c: c.id not in lead_causes))  # stable: the leading banner's cause first
    chances = dict(ranked)
    shown = tuple(replace(c, note=" ".join(x for x in (c.note, LEAD_CHANCE) if x))
                  if c.id in lead_causes and chances.get(c.id, 0.0) < 0.5 and not now else c for c in shown)  # a main sign no question asked is said wherever its cause is listed (walkthrough Q)
    shown = tuple(replace(c, note=" ".join(x for x in (c.note, _unasked_note(c.id, chances.get(c.id, 0.0), is_child(age) or now))
                                           if x)) for c in shown)
    rule_out_first = _now_causes_lead(led[0], doubts, findings) if now and led is not None and shown \
        and shown[0].id == led[0].now_cause else ""
    if rule_out_first:  # no chance under "call now": a number counted from the sure answers reads as "it is probably fine"
        shown = tuple(replace(c, chance="", short="", value=0) for c in shown)
        # ... and the stroke's line does not list the signs not sure of and "call now" again: the headline just above
        # says why it is listed and what the call is for, the banner's groups list the signs (the page of a person
        # not sure of everything grew by a screen, walkthrough AC)
        said = _cause_note(shown[0].id, doubts, long, findings) if shown[0].id in kb.triage.coherence.causes else ""
        shown = (replace(shown[0], note=" ".join(shown[0].note.replace(said, "").split()) if said else shown[0].note),
                 *shown[1:])
    if level == "emergency":
        headline = act.action
    elif rule_out_first:
        headline = rule_out_first
    elif told_apart:
        headline = (f"Most likely: {shown[0].name}. {CHILD_CHANCE}" if is_child(age) else
                    f"Most likely: {shown[0].name}. {shown[0].chance[:1].upper()}{shown[0].chance[1:]} have it.")
    elif shown and shown[0].id in lead_causes:
        headline = LEAD_CAUSE.format(name=_small(shown[0].name))
    elif shown and (len(shown) == 1 or shown[0].value > shown[1].value):
        headline = CANT_TELL_BEST.format(name=in_sentence(kb.causes[shown[0].id]) if shown[0].id in kb.causes
                                         else _small(shown[0].name))
    else:
        headline = CANT_TELL
    # below a call-now banner the page is an emergency's: no homework questions, no hand diagram, no "see a doctor
    # today if" list to read as "wait and see" (walkthrough L, Sam)
    page_level = "emergency" if now else level
    questions = (_questions(findings, age, sex, {c.id for c in shown}, level, unsure, listed_none)
                 if not told_apart and page_level != "emergency" else ())
    # beside a rule that leads from a 'not sure' (call the helpline now) no plan for a slower path, as on an emergency:
    # "see a doctor to find out what is behind it" would presume there is no fever
    foot = _foot_lead(level, findings, result.causes, result.case.foot_sore, lead is not None or led is not None)
    # a sore said with diabetes under another banner (a not-sure fever's "see a doctor today"): its foot-team words
    # still lead the action, and the home steps still say the sore reported (walkthrough AM, Kofi: the sore vanished
    # from the top, and the steps said "if you find a sore", once fever was not sure)
    sore_beside = foot is None and not now and page_level != "emergency" and result.case.foot_sore is True \
        and kb.triage.foot_sore_lead is not None and foot_at_risk(findings, result.causes)
    # under the foot banner the home steps say the sore reported is checked as the top says, never "if you find a sore"
    advice = _result_advice(result, shown[0].id if shown and told_apart else None, foot is not None or sore_beside,
                            "urgent" if today else None) \
        if lead is None else None
    if advice is not None and advice.steps and led is not None and not led[0].home_steps:
        advice = None  # no home plan beside a possible stroke (a plan's own see-a-doctor advice stays)
    safety = _safety(findings, level, advice, foot is not None or sore_beside) \
        if lead is None and (led is None or led[0].home_steps) else ()
    foot_doubt = _foot_doubt(result, page_level)  # the foot-sore question answered 'not sure' (walkthrough BN, Maya)
    general = watch_for(findings, age, level, result.rules,
                        foot_sore=foot is not None or sore_beside or foot_doubt is not None)
    if level == "self_care" and advice is not None:  # the pattern's own lines first: how it differs from the danger
        own = cause_watch_for(advice.cause, findings, level)
        # one line per change: a general line about the same rule and finding as one of the cause's gives way to it
        general = own + tuple(w for w in general if w.text not in {c.text for c in own} and not any(
            c.rule_id == w.rule_id and set(c.findings) & set(w.findings) for c in own))
    em_lead = kb.triage.unsure_lead.get("emergency")
    below_now = (" ".join(em_lead.now_below_heading.split()), " ".join(em_lead.now_below_act.split())) \
        if now and em_lead is not None and em_lead.now_below_heading and em_lead.now_below_act else None
    # a start not known that is not an emergency now, below the level's headline: said under its own heading, as the
    # one path for weeks-old numbness does (walkthrough AA, Marcus)
    below = led is None and lead is None and _onset_below(doubts, findings, level, age, days)
    # a start not known in numbness a week or more old, beside other emergency doubts: its own group, in the old
    # path's words, never among the emergency signs (walkthrough AC, Aisha)
    start = _old_start(doubts, findings, age, level, days) or below_sooner
    start_group: tuple[UnsureGroup, ...] = (_old_start_group(start, findings, age, level, days),) if start is not None \
        else ()
    unsure_groups = _sore_fever(_unsure_groups(tuple(d for d in doubts if d != start), _own_call(doubts, findings, age, level, days),
                                   led[0].heading if old and led is not None else (
                                       em_lead.onset_heading or "" if below and em_lead is not None else ""),
                                   findings, below_now), foot is not None or sore_beside) + _said_back(
        findings, age, level, unsure, {d.finding for d in doubts})
    unsure_groups += _plan_group(advice.cause if advice is not None and _own_plan(level, advice) else None, findings,
                                 unsure, age, level, unsure_groups)
    unsure_groups, start_group = _one_choice_once(unsure_groups, start_group)
    # every other not-sure answer, said back once: not one a group, a reason or a question already names
    worded = {f for f in unsure if f in kb.findings and kb.findings[f].if_unsure in questions}
    noted = _noted(findings, level, unsure, {u.finding for g in unsure_groups + start_group for u in g.items}
                   | _but_doubts(result.rules, findings, unsure) | worded,
                   _changes_plan(level, result.rules, findings, age, unsure, banner),
                   _open_signs(lead, findings, unsure) if lead is not None else (), [c.id for c in shown])
    one_path = now or today
    back = _watch_again(general, doubts) if one_path else general
    again = {w.text for w in back} - {w.text for w in general}  # the lines now worded for a sign coming back
    general = back
    warnings = _for_this_person(_without_doubts(general, unsure_groups + start_group, again), findings, age, level)
    # the start's group says when to call for new numbness that starts suddenly: no watch line says it again
    warnings = _not_in_groups(warnings, unsure_groups + tuple(replace(g, level="emergency") for g in start_group),
                              again)
    if today:  # beside one path, help today, a "see a doctor today if" line is no sooner (walkthrough N, Lily)
        warnings = tuple(w for w in warnings if LEVELS.index(w.level) < LEVELS.index("urgent"))
    advice_heading = ""
    if advice is not None:
        advice_heading = (f"What you can do at home for {advice.cause_name}" if advice.steps and not advice.waiting
                          else f"What to do about {advice.cause_name}")
        if now:  # beside call now for a possible stroke, a cause's own "see your doctor soon" is for afterwards
            advice_heading = f"After a stroke is ruled out: {advice_heading[:1].lower()}{advice_heading[1:]}"
    # a rule's own act, set by a yes, leads the banner: the doubts say their own line under it (walkthrough AC, Aisha)
    acts_first = lead is None and led is None and bool(doubts) and _acts_first(level, banner)
    caution, call = _caution(doubts, findings, age, level, days, beside_act=acts_first)
    watch_groups = _watch_groups(warnings, level) if not now else ()
    # the start not known below the headline: its words in its own group, the call buttons under the call-now-if lines
    # (walkthrough AA, Marcus); with no such lines to stand under, a plain caution with its buttons atop instead
    on_watch = below and call and any(g.level == "emergency" for g in watch_groups)
    if on_watch:
        caution = ""
    do_heading = led[0].do_heading if led is not None else "What to do"
    if foot is not None:  # one path, the foot today; the level's own advice for the numbness after it
        why = (" ".join(foot.why.split()),) + why
        do_heading = foot.do_heading.format(title=_small(act.title), by_when=_small(act.by_when).rstrip("."))
        act = replace(act, title=foot.title, action=" ".join(foot.action.split()), by_when=foot.by_when)
    elif sore_beside and (fl := kb.triage.foot_sore_lead) is not None:  # the foot's own words first, then the banner's
        # with a fever said: why now, in place of "within a day" and the fever rule's "a doctor soon" (walkthrough AR)
        hot = findings.get("fever") is True and fl.fever_why is not None
        covered = {rule_why(r, findings) for r in kb.triage.rules if hot and r.id in fl.fever_covers}
        why = (" ".join((fl.fever_why if hot and fl.fever_why else fl.why).split()),) + tuple(
            w for w in why if w not in covered)
        act = replace(act, action=" ".join(f"{fl.heading} {fl.action} {act.action}".split()))
    elif below and level == "urgent" and (today_cause := _cause_today(shown)):
        act = replace(act, action=f"{today_cause} {act.action}")  # the heart warning at the top, not 1400 px lower
    act, caution = _sore_and_fever(act, caution, foot is not None or sore_beside, findings, unsure)
    own_aid = lead is not None and lead.act is not None and bool(lead.act.first_with)  # its caution says its first aid
    if caution and do_first and not own_aid:  # said atop, for either path, never only under "if it did not start suddenly"
        caution = " ".join((caution, *do_first))  # (walkthrough BF, Fatima: a call for a sudden start had no sugar)
        act = replace(act, do=tuple(d for d in act.do if d not in do_first))
    beside = kb.triage.unsure_caution_beside_lead.get(doubts[0].level) if doubts else None  # type: ignore[call-overload]
    if caution and lead is not None and lead.act is not None and lead.act.lead_beside_doubts and beside \
            and _one_rule(doubts, findings, age) is None:  # (its own not-sure words, when every doubt is its own)
        # the rule's banner says what to do now (walkthrough Q, Priya): the box says its own words for its doubt, then
        # names the other doubts and where they are, never a second "call if a sign might be true now" beside "treat
        # low blood sugar now" (walkthrough R, Priya)
        mine = _open_signs(lead, findings, unsure)  # its own doubts (confusion, walkthrough V): said in its words
        others = tuple(d for d in doubts if d.finding not in mine and (
            (r := _own_rule(d, findings, age)) is None or r.id != lead.id))
        caution = " ".join(x for x in (_signs_words(lead, doubts, findings, unsure)[0],
                                       beside.format(signs=_doubt_names(others)) if others else "") if x)
    # said back, look today: in the banner under any level but call now, and in its own not-sure group
    foot_check = " ".join((foot_doubt.unsure_caution or "").split()) if foot_doubt is not None else ""
    unsure_groups = _with_foot_doubt(unsure_groups, foot_doubt) if foot_doubt is not None else unsure_groups
    diagram = _hand_diagram(page_level, shown, marks, findings)
    shown = _diagram_away(shown, diagram)
    return with_care_link(ResultPlan(
        level=level, title=act.title, action=act.action, by_when=act.by_when, caution=caution,
        # a banner whose own call is a helpline keeps the emergency buttons, introduced as the second call (walkthrough
        # U, Kim), also when it leads from a 'not sure': its action says to call the emergency number if it is out of reach
        numbers=tuple((n.number, n.where) for n in kb.triage.levels["emergency"].numbers)
        if level == "emergency" or call or act.call_intro else (),
        call_where=act.call_where, call_intro=act.call_intro,
        # beside the one help-today path the level's own to-do list would repeat its after-that-check words; the
        # call-now path has the emergency level's own (`_now_todo`, walkthrough U, Jon: "do not drive yourself")
        do=() if today else act.do, do_not=() if today else act.do_not, signs=signs, why=why,
        unsure=unsure_groups + start_group + noted,  # the noted answers change no watch line: added after those are filed
        told_apart=told_apart, headline=headline, causes=shown,
        others_heading=" ".join((led[0].now_others_heading or "").split()) if rule_out_first and led is not None
        and len(shown) > 1 else "",
        causes_note="" if rule_out_first else CAUSES_NOTE if level == "urgent" and shown else (
            led[0].past_causes_note or "" if (one_path or old) and led is not None and shown else ""),
        questions=questions, questions_intro=CANT_TELL_MORE if questions else (
            CANT_TELL_DOCTOR if not told_apart and page_level != "emergency" and len(shown) > 1 else ""), advice_heading=advice_heading,
        advice=advice,
        # a rule that leads from a 'not sure' (call the helpline now) gets an emergency's next steps: none that wait
        # so does a call-now banner: a diary beside "call now" would wait
        watch_for=watch_groups, calls_with_watch=on_watch,
        next_steps=_next_steps(lead.level if lead is not None else "emergency" if now else level, advice, diary=not today,
                               findings=findings, unsure=unsure, age=age),
        # Only the emergency-type causes the answers point to (ranked first, or as likely as the coherence rule
        # asks): a child who fell on her hand is not sent to read about strokes at 2 in 100.
        # So are the causes an emergency reason names (a cold, pale hand: blocked arteries, walkthrough BA, Victor).
        read_later=tuple((c, kb.causes[c].name) for c in dict.fromkeys([*watched_causes(result.causes), *rule_causes(
            tuple(r.id for r in kb.triage.rules if r.id in result.rules and r.level == "emergency"))]) if c in kb.causes)
        if level == "emergency" else (),
        notice=kb.meta.notice,
        hand_diagram=diagram,
        leads=lead.level if lead is not None else "",
        caution_title=led[0].heading if led is not None else foot.heading if foot is not None else "", caution_level=(
            "urgent" if old else led[1]) if led is not None else "urgent" if foot is not None else "",  # not an emergency now: never the red banner
        do_heading=do_heading,
        caution_today=today, caution_now=now, caution_soon=old, foot_today=foot is not None,
        safety_heading=(kb.care.safety_heading or "") if safety else "", safety=safety,
        taken_back=taken_back if level != "emergency" and not now else "",
        rule_leads=acts_first and bool(caution), foot_check=foot_check,
    ), findings, unsure, age, days, sex)


__all__ = ["ASK_DOCTOR_HEADING", "FOOT_DOUBT", "foot_at_risk", "COMMON_NOTE", "POINTS_AWAY", "POINTS_TO", "Advice", "CauseLine", "HandClass", "HandDiagram", "NextStep", "Reason", "ResultPlan", "Step", "Unsure", "NOTED", "UNSURE_NOTED", "UNSURE_SAID_BACK", "UnsureGroup", "WatchFor", "WatchGroup",
           "call_now", "escalation_findings", "hand_classes", "home_plan_cause", "named_cause", "now_banner", "result_plan", "saved_act", "saved_level", "saved_unsure",
           "saved_causes", "shown_causes", "tells_apart"]
