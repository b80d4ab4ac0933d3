"""Generated answer paths through the interview and the invariants every composed result must hold.

Shared by tests/test_result_plan.py (a few hundred paths in the suite) and bench/result_paths.py
(the big run, recorded in docs/benchmarks.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from numbwise.assess.interview import (FOOT, HANDS, LENGTH, Interview, Question, answer, asked_again, choice_answer, describe,
                                      fingers_answer, fits,
                                      next_question, outcome, start)
from numbwise.assess.result import (FOOT_DOUBT, NOTED, PLAN_DOUBT, UNSURE_SAID_BACK, ResultPlan, choice_groups, escalation_findings,
                                    result_plan, tells_apart)
from numbwise.assess.triage import LEVELS, rule_causes, triage
from numbwise.care.plan import care_plan
from numbwise.kb import load
from numbwise.kb.loader import heading_disagrees, urgency_in_text

Draw = Callable[[list[Any]], Any]  # picks one of the options


def walk(draw: Draw, age: int | None, sex: str | None, story: Mapping[str, bool] | None = None,
         limit: int = 20, sure: bool = False) -> Interview:
    """One person's way through the check: yes, no, not sure, or left blank, chosen per question.

    With a `story` (a case's findings) the person mostly answers from it, with some answers
    flipped, some 'not sure' and some left blank: the edge stories and their near misses. A `sure`
    person answers from the story without noise and says no to everything else they are asked
    (how it started stays as the story has it): the paths that can reach home care.
    """
    iv = start(age, sex)
    if story is not None and draw([False, False, False, True]):  # a quarter start from a description
        iv = describe(iv, _description(draw, story))
    while (q := next_question(iv, limit=limit)) is not None:
        if story is not None and sure:
            iv = answer(iv, q, _surely(q, story))
        else:
            iv = answer(iv, q, *(_from_story(draw, q, story) if story is not None else _reply(draw, q)))
    return iv


def _surely(q: Question, story: Mapping[str, bool]) -> dict[str, bool]:
    """A sure person's answer: the story's, and no to whatever else a list or a yes/no question asks."""
    if q.kind in ("fingers", "choice"):
        return {f: story[f] for f in q.findings if f in story}
    return {f: story.get(f, False) for f in q.findings}


def _description(draw: Draw, story: Mapping[str, bool]) -> dict[str, bool]:
    """Some of the story, as a description states it: never a denied emergency sign (as numbwise.parse promises)."""
    from numbwise.kb import load

    signs = {f for step in load().interview.steps if step.id == "screen_emergency" for f in step.items}
    return {f: v for f, v in story.items() if draw([True, False]) and (v or f not in signs)}


def _from_story(draw: Draw, q: Question, story: Mapping[str, bool]) -> tuple[dict[str, bool], tuple[str, ...]]:
    """Answer from the story, with noise: 1 in 12 flipped, 1 in 12 not sure, 1 in 12 left blank (checklists)."""
    if q.kind in ("fingers", "choice"):
        known = {f: story[f] for f in q.findings if f in story}
        if q.kind == "choice" and not any(known.values()):
            return {}, ()
        return (known if draw(list(range(12))) else {}), ()
    updates: dict[str, bool] = {}
    blank = []
    for f in q.findings:
        noise = draw(list(range(12)))
        value = story.get(f, False if q.kind in ("screen", "sweep") and noise > 3 else None)
        if value is None or noise == 1:
            continue
        if noise == 2 and q.kind in ("screen", "sweep"):
            blank.append(f)
        elif noise == 0:
            updates[f] = not value
        else:
            updates[f] = value
    return updates, tuple(blank)


def _reply(draw: Draw, q: Question) -> tuple[dict[str, bool], tuple[str, ...]]:
    if q.kind == "finding":
        pick = draw(["yes", "no", "no", "unsure"])
        return ({} if pick == "unsure" else {q.findings[0]: pick == "yes"}), ()
    if q.kind == "choice":
        pick = draw([-1, *range(len(q.labels))])  # every option, the ones that record 'not sure' too
        return ({} if pick < 0 else choice_answer(q, pick)), ()
    if q.kind == "fingers":
        if draw([True, False, False, False]):
            return {}, ()
        left = {d for d in range(6) if draw([False, False, True])}
        right = {d for d in range(6) if draw([False, True])}
        return fingers_answer(left, right or ({1} if not left else set())), ()
    styles = ["none", "some", "mixed", "blank", "unsure"]
    style = draw(["none"] * 12 + styles if q.id == "screen_emergency" else styles)
    if style == "none":
        return {f: False for f in q.findings}, ()
    if style == "unsure":
        return {}, ()
    if style == "blank":
        return {}, q.findings
    updates: dict[str, bool] = {}
    blank = []
    for f in q.findings:
        pick = draw(["no", "no", "no", "yes", "unsure", "blank"] if style == "mixed" else ["no", "no", "no", "no", "yes"])
        if pick in ("yes", "no"):
            updates[f] = pick == "yes"
        elif pick == "blank":
            blank.append(f)
    return updates, tuple(blank)


def problems(iv: Interview) -> tuple[ResultPlan, list[str]]:
    """The result plan for a finished interview and every invariant it breaks (empty when coherent)."""
    result = outcome(iv)
    plan = result_plan(result, iv.unsure)
    answers = dict(iv.answers)
    out: list[str] = []
    if plan.level != "emergency":  # a rule reason that names a cause ("can go with low vitamin B12") lists that cause
        out += [f"a reason names {c}, which the causes do not list" for c in rule_causes(result.rules)
                if c not in {x.id for x in plan.causes}]
    out += [f"a reason with its answers not filled in: {w}" for w in plan.why if "{" in w]
    # a line bound away from some rules (the heart attack's aspirin) never stands beside them, fired or possible from a
    # 'not sure' (a bleed in a possible stroke: walkthrough Y, Raj)
    maybe = set(triage({**dict(iv.answers), **dict.fromkeys(iv.unsure, True)}, iv.age).rules) | set(result.rules)
    out += [f"'{o.line[:40]}...' beside {sorted(set(o.not_beside) & maybe)}" for o in load().triage.levels["emergency"].only_for
            if o.not_beside and o.line in plan.do and set(o.not_beside) & maybe]
    asked: set[str] = set()
    first: dict[str, bool] = {}
    before = start(iv.age, iv.sex)
    for q, updates, blank in iv.history:  # interview integrity (a description is not a question: it may be asked back)
        so_far, before = before, answer(before, q, dict(updates), blank)
        if q.kind == "text":
            continue
        out += [f"asked {f}, which does not fit this person or follows a no" for f in q.findings
                if q.kind not in ("fingers", "choice") and not fits(f, iv.sex, iv.age, so_far.answers)]
        now = set(q.findings) - set(blank)
        if q.kind == "fingers" and not set(HANDS) & {f for f, _ in updates}:
            now -= set(HANDS)  # not sure which fingers does not ask one hand or both: the hand question does
        again = asked_again(before) if q.kind == "finding" else set()  # a list's "no" asked alone, saying why
        if (now & asked) - again and q.kind not in ("fingers", "choice"):
            out.append(f"asked twice: {sorted((now & asked) - again)} in {q.id}")
        asked |= now
        for f, v in updates:
            if not f.startswith((LENGTH, FOOT)):  # how long, a foot sore: plain data in its step, not a finding
                first.setdefault(f, v)
    out += [f"answer to {f} overridden" for f, v in first.items() if answers.get(f) != v and f not in asked_again(iv)]
    told = [float(f[len(LENGTH):]) for _, updates, _ in iv.history for f, _ in updates if f.startswith(LENGTH)]
    if told and (iv.days_so_far != told[-1] or result.case.days_so_far != told[-1]):
        out.append(f"how long answered {told[-1]} days, kept as {iv.days_so_far}")
    if told and set(iv.answers) - set(load().vocabulary.findings):
        out.append("how long answered as a finding")
    # a foot sore said with diabetes on a result below a doctor today (walkthrough T, Ben): the banner leads with it,
    # and the watch line for one ("you have or find a sore ... on your foot") is not shown beside it
    if iv.foot_sore is True and result.case.foot_sore is not True:
        out.append("a foot sore answered yes, not kept with the case")
    if plan.foot_today and (plan.heading != (load().triage.foot_sore_lead or plan).title or any(
            w.text == t.text for g in plan.watch_for for w in g.items for t in load().triage.watch_for if t.foot_sore)):
        out.append("the foot-today banner is not first, or the foot-sore watch line is beside it")
    if iv.foot_sore is True and answers.get("diabetes") is True and plan.level in ("routine", "self_care") \
            and not plan.one_path and not plan.caution_title and not plan.leads and not plan.foot_today:
        out.append(f"a foot sore with diabetes under '{plan.title}'")
    for group in plan.watch_for:
        for w in group.items:
            if heading_disagrees(group.heading, w.text):  # "contact your midwife now" under "see a doctor today if"
                out.append(f"a watch line's words disagree with its heading '{group.heading}': {w.text}")
            if any(answers.get(f) is True for f in w.findings):
                out.append(f"warning repeats a reported finding: {w.text}")
            if group.level != "emergency" and triage({**answers, **{f: True for f in w.findings}}, iv.age).level == "emergency":
                out.append(f"an emergency change listed under '{group.heading}': {w.text}")
            if w.level != group.level:
                out.append(f"warning {w.text} filed under the wrong level")
            raised = LEVELS.index(group.level) < LEVELS.index(_rule_level(w.rule_id))  # filed above its own rule's level
            if raised and not _sets_off(w.findings, answers, iv.age, group.level):
                out.append(f"'{w.text}' raised to '{group.heading}' though no {group.level} rule is set off by it")
            if raised and _said_by_own_line(w, group, answers, iv.age):
                out.append(f"'{w.text}' raised to '{group.heading}' beside its rule's own line there (said twice)")
            would = triage({**answers, **{f: True for f in w.findings}}, iv.age).level  # what that change would mean
            if w.findings and group.level != "emergency" and LEVELS.index(would) > LEVELS.index(group.level):
                out.append(f"'{w.text}' under '{group.heading}' though that change would be {would} for this person")
    out += same_change_at_two_levels(plan.watch_for)
    # a change that needs a doctor today is a watch line under that heading, never a home step's "the same day" under a
    # slower banner (walkthrough S, Ben: "days to two weeks" above "contact your foot team the same day")
    foot_banner = iv.foot_sore is True and "foot" in plan.title.lower()  # its home steps say the sore is seen today
    if plan.level in ("routine", "self_care") and not (plan.caution_now or plan.caution_today or foot_banner):
        home = [*(s.do for s in (plan.advice.steps if plan.advice is not None else ())), *plan.safety]
        out += [f"a home step says {said} under '{plan.title}': {t[:60]}" for t in home
                if (said := urgency_in_text(t)) is not None and LEVELS.index(said) < LEVELS.index(plan.level)]
        if answers.get("diabetes") is True and iv.foot_sore is not True and not iv.foot_unsure and not any(
                g.level == "urgent" and any("on your foot" in w.text for w in g.items) for g in plan.watch_for):
            out.append("diabetes below a doctor today, but no foot sore line under 'See a doctor today if'")  # (a sore
            # said: its own banner; not sure of one: said back in a not-sure group, below)
        if answers.get("diabetes") is True and iv.foot_unsure and not (
                any(g.level == FOOT_DOUBT for g in plan.unsure) and "Look at both feet" in plan.foot_check):
            out.append("a foot sore not sure of, with diabetes, neither said back nor met with 'look at both feet today'")
    if plan.foot_check and not iv.foot_unsure or plan.level == "emergency" and plan.foot_check:
        out.append("'look at both feet today' where the foot-sore question was not answered 'not sure', or on a call now")
        # (beside a not-sure caution that leads, the foot line stays a watch line: a known gap, issue 11 note)
        if iv.foot_sore is True and answers.get("diabetes") is True and not plan.caution \
                and "foot" not in plan.heading.lower():
            out.append(f"a foot sore with diabetes, but the banner does not lead with the foot: '{plan.heading}'")
    if plan.level == "self_care":
        if plan.advice is None or not plan.advice.steps:
            out.append("a self-care result without home steps")
        elif any(not s.how_long for s in plan.advice.steps):
            out.append("a home step without how long to try it")
    if plan.advice is not None:
        if not plan.causes or plan.advice.cause != plan.causes[0].id:
            out.append("advice for a cause that is not the leading one")
        own = {s.do for s in care_plan(None, plan.advice.cause, answers, iv.sex, iv.age, foot_sore=foot_banner).steps}
        out += [f"advice line not from the cause's own plan: {s.do}" for s in plan.advice.steps if s.do not in own]
        out += [f"a note that cannot apply to this person: {n.text}" for n in _notes(plan.advice.cause)
                if (answers.get(n.about) is False or iv.sex == n.not_for_sex
                    or answers.get(n.about) is None and not fits(n.about, iv.sex, iv.age))
                and any(" ".join(n.text.split()) in s.do for s in plan.advice.steps)]
        entry = load().care.plans.get(plan.advice.cause)
        out += [f"a doctor's offer about {o.about}, answered no: {o.text[:40]}" for o in (entry.ask_doctor if entry else ())
                if o.about is not None and answers.get(o.about) is False and o.text in plan.advice.ask_doctor]
        if plan.advice.steps and not plan.told_apart:
            out.append("a treatment ladder when the causes cannot be told apart")
        escalations = escalation_findings(plan.advice.cause)
        if plan.advice.steps:  # a home plan is never shown while one of its escalation answers was never asked
            out += [f"home steps of {plan.advice.cause} shown though {f} was never asked" for f in escalations
                    if f not in answers and f not in iv.asked and fits(f, iv.sex, iv.age, answers)]
        said = {u.finding for g in plan.unsure if g.level == PLAN_DOUBT for u in g.items}
        if plan.level in ("routine", "self_care"):  # a 'not sure' to one is said beside the plan
            out += [f"'not sure' to {f} not said beside the plan" for f in escalations
                    if f in iv.unsure and f not in answers and f not in said]
    for g in plan.unsure:
        if g.level == PLAN_DOUBT and (plan.advice is None or any(
                u.finding not in escalation_findings(plan.advice.cause) for u in g.items)):
            out.append("a 'not sure' escalation answer of a plan the result does not give")
    if iv.age is not None and iv.age < 16 and plan.advice is not None and plan.advice.steps:
        out.append("home advice for a child, who should see a doctor first")
    for c in plan.causes:
        for r in c.towards + c.away:
            if answers.get(r.finding) is not r.answer:
                out.append(f"reason for {c.id} cites an answer not given: {r.finding}={r.answer}")
        if "%" in c.chance or "10 in 10" in c.chance:
            out.append(f"chance not in words: {c.chance}")
    out += [f"warning sign not in the answers: {s.finding}" for s in plan.signs if answers.get(s.finding) is not True]
    if plan.level == "emergency" and (plan.causes or plan.advice or plan.next_steps or not plan.numbers):
        out.append("an emergency result with causes, a treatment ladder or no call numbers")
    out += [f"'not sure' item {f} was answered" for g in plan.unsure for u in g.items for f in (u.finding, *u.also)
            if f in answers]
    # each not-sure answer is named once: never under "call now" and again under "tell the doctor" (walkthrough N, Kofi)
    named = [f for g in plan.unsure for u in g.items for f in (u.finding, *u.also)]
    out += [f"'not sure' item {f} said in two groups" for f in sorted({f for f in named if named.count(f) > 1})]
    # ... and a choice answered 'not sure' (how it started) is one doubt: a sign group may name it (a sudden start: call
    # now), but a group that only says it back ("tell the doctor") never names it again, nor twice (walkthrough R)
    back = {UNSURE_SAID_BACK[lv][0] for lv in UNSURE_SAID_BACK}
    for g in choice_groups():
        soft = [u.finding for x in plan.unsure if x.level == NOTED or x.heading in back for u in x.items if u.finding in g]
        loud = [u.finding for x in plan.unsure if not (x.level == NOTED or x.heading in back) for u in x.items
                if u.finding in g]
        if len(soft) > 1 or soft and loud:
            out.append(f"one choice's 'not sure' said again: {loud} and {soft}")
    # ... and every not-sure answer is named somewhere: a group, a reason's "You were not sure about", or a question
    # worded for it (walkthrough Q: Ruth's "very tired and pale" vanished from a routine result)
    told = " ".join((*plan.why, *plan.questions))
    # one choice answered 'not sure' (how it started) is one doubt, named once by any of its options (walkthrough R)
    siblings = {f: g for g in choice_groups() for f in g}
    out += [f"'not sure' answer {f} named nowhere in the result" for f in sorted(iv.unsure)
            if f in _findings() and f not in answers and f not in named and not siblings.get(f, set()) & set(named)
            and not (
                _findings()[f].if_unsure and _findings()[f].if_unsure in plan.questions)
            and not any(t in told for t in _unsure_words(f, answers))]
    if (not plan.told_apart and plan.level not in ("emergency", "self_care") and not plan.caution_now and not plan.questions
            and len(plan.causes) > 1 and not plan.questions_intro):
        out.append("can't tell the causes apart but no question offered")
    out += _question_problems(plan)
    by_text = {f.question: fid for fid, f in _findings().items()}
    worded = {f.if_unsure: fid for fid, f in _findings().items() if f.if_unsure}  # a 'not sure' worded as how to find out
    out += [f"offered question that does not fit this person: {q}" for q in plan.questions
            if not fits(by_text.get(q) or worded[q], iv.sex, iv.age, answers)]
    # a question answered 'not sure' is never offered again as if new (walkthrough K, Pete: "Do you have diabetes?")
    out += [f"'not sure' answer asked again as a plain question: {q}" for q in plan.questions
            if q in by_text and by_text[q] in iv.unsure]
    out += [f"worded for a 'not sure' that was not given: {q}" for q in plan.questions
            if q in worded and worded[q] not in iv.unsure]
    # an unsure sign more urgent than the level: said at the top (a home plan's own escalation answers are not)
    worst = next((g.level for g in plan.unsure if g.level not in (PLAN_DOUBT, NOTED, FOOT_DOUBT)
                  and LEVELS.index(g.level) < LEVELS.index(plan.level)), None)
    # on a call-now result a not-sure sign is only said back: no caution, no "if none of these" (walkthrough J)
    if plan.level == "emergency" and plan.unsure and (plan.caution or plan.caution_title
                                                      or any(g.heading != UNSURE_SAID_BACK["emergency"][0] for g in plan.unsure if g.level != NOTED)):
        out.append("a not-sure sign on an emergency result given as a caution, not said back")
    generic = plan.caution in _unsure_cautions()  # else a rule's own words with its own number (the cancer helpline)
    # a start not known that is not an emergency now is said below the level's headline, in its own group, with the
    # call buttons under the call-now-if lines (walkthrough AA, Marcus)
    below = worst == "emergency" and plan.calls_with_watch and bool(plan.numbers) and not plan.caution
    if below and not any(g.level == "emergency" for g in plan.watch_for):
        out.append("call buttons under the call-now-if lines, but no such lines")
    # a start said below the headline never takes the caution of a sign that needs help sooner (walkthrough BR, Paula)
    if any(g.level == "urgent" for g in plan.unsure) and plan.level in ("routine", "self_care") \
            and not (plan.caution or plan.caution_title):
        out.append("a sign not sure of that needs a doctor today, under a slower headline with no caution")
    if (bool(plan.caution) != (worst is not None) and not below) or (
            worst == "emergency" and generic and not plan.numbers):
        out.append("an unsure sign more urgent than the result, not said in the banner (or no call numbers)")
    also = _findings_kb().triage.unsure_caution_also_urgent
    if generic and worst == "emergency" and any(g.level == "urgent" for g in plan.unsure) and also not in plan.caution:
        out.append("a caution that says only 'call now' above a group of signs that need a doctor today")
    out += _lead_problems(plan, iv)
    # a caution no rule leads puts its heading first, in its own colour: never "book a visit" alone beside "call now"
    # ... except a one path (help today, call now), which names its level first, in that level's colour, and the doubt
    # under it (walkthrough Q: Ella's father read "Not sure how fast it started" in call-now red over "help today")
    if plan.caution_today:
        if not (plan.heading == plan.title and plan.doubt_heading == plan.caution_title and plan.banner_level == "urgent"
                and "today" in plan.title.lower()):
            out.append(f"the help-today banner does not name its level first, in the urgent colour: '{plan.heading}'")
    elif plan.caution_now:
        if not (plan.heading == plan.title and plan.doubt_heading == plan.caution_title
                and plan.banner_level == "emergency"):
            out.append(f"the call-now banner does not name its level first, in the emergency colour: '{plan.heading}'")
    elif plan.caution_soon:  # a GP within a few days for a start not known in weeks-old numbness: one path too
        if not (plan.heading == plan.title and plan.doubt_heading == plan.caution_title and "few days" in plan.title):
            out.append(f"the GP-within-days banner does not name its level first: '{plan.heading}'")
    elif plan.rule_leads:  # a rule's own act, set by a yes, leads; the caution says its line under it (walkthrough AC)
        level_title = _findings_kb().triage.levels[plan.level].title
        if plan.caution_title or plan.heading != plan.title or plan.title == level_title or not plan.caution \
                or (worst == "emergency" and not plan.numbers) or plan.banner_level != plan.level:
            out.append(f"a rule's own act does not lead over the not-sure caution: '{plan.heading}' / '{plan.caution}'")
    elif plan.caution and not plan.leads and not (plan.caution_title and plan.banner_level == worst
                                                  and plan.heading == plan.caution_title):
        out.append(f"a not-sure caution ({worst}) that does not lead the banner '{plan.title}'")
    out += _repeated_doubts(plan)
    out += cause_advice_problems(plan)
    return plan, out


# Advice in a cause line's note ("see a doctor today if it is new"), with the level it stands for: the cause lines
# give no advice slower than the page's own (walkthrough R, Jon: "see a doctor today" under "call now").
_CAUSE_ADVICE: tuple[tuple[str, str], ...] = (
    ("urgent", r"\btoday\b|\bwithin (24 hours|a day)\b|\bsame day\b"),
    ("routine", r"\bsee (a|your) (doctor|GP|nurse)\b|\bbook\b|\b(a|your) GP\b"),
)


def cause_advice_problems(plan: ResultPlan) -> list[str]:
    """A cause line whose note advises less urgently than the page it is on (the page under a call-now banner is an
    emergency's): its advice would read as the slower path."""
    page = "emergency" if plan.caution_now else "urgent" if plan.caution_today else plan.level
    out = []
    for c in plan.causes:
        said = next((lv for lv, pattern in _CAUSE_ADVICE if re.search(pattern, c.note, re.I)), None)
        if said is not None and LEVELS.index(said) > LEVELS.index(page):  # LEVELS: most urgent first
            out.append(f"the line of {c.id} advises '{said}' on a {page} page: {c.note}")
    return out


# Findings that are one change at different speeds: the numbness spreading (within hours: call now; over days: see a
# doctor today). Two lines about them, like two lines sharing a finding, are the same change.
SAME_CHANGE: tuple[frozenset[str], ...] = (frozenset({"spreading_within_hours", "spreading_to_other_limbs"}),)
_SPEED = re.compile(r"\b(within (?:an? )?(?:few )?(?:seconds?|minutes?|hours?)|over (?:a few |several )?(?:seconds|"
                    r"minutes|hours|days|weeks|months)|for more than an hour|day by day|all at once|suddenly|slowly)\b",
                    re.I)


def same_change_at_two_levels(groups: Iterable[Any]) -> list[str]:
    """Two shown watch lines under different levels about the same change (a shared finding, or one of SAME_CHANGE)
    must name different speeds, or a reader cannot tell which applies (walkthrough N, Tom: "call now if it spreads
    within hours" beside "see a doctor today if the numbness spreads to your legs")."""
    lines = [(g.level, w) for g in groups for w in g.items]
    out = []
    for i, (lv, a) in enumerate(lines):
        for lv2, b in lines[i + 1:]:
            if lv == lv2 or not _change(a.findings) & _change(b.findings):
                continue
            sa, sb = ({m.lower() for m in _SPEED.findall(w.text)} for w in (a, b))
            if not (sa and sb and not sa & sb):
                out.append(f"one change at two levels without different speeds: '{a.text}' / '{b.text}'")
    return out


def _unsure_words(fid: str, answers: Mapping[str, bool]) -> tuple[str, ...]:
    """The words a reason names a not-sure answer by (`_buts`: "You were not sure about: ...")."""
    from numbwise.assess.result import unsure_label

    return (unsure_label(fid, answers),)


def _change(findings: Iterable[str]) -> set[str]:
    """The findings a line is about, with every finding of the same change (SAME_CHANGE) added."""
    own = set(findings)
    return own.union(*(fam for fam in SAME_CHANGE if fam & own))


def _repeated_doubts(plan: ResultPlan) -> list[str]:
    """A watch line only about signs the not-sure groups already give an action at least as urgent repeats them
    ("gets worse day by day" twice); a result led by a not-sure sign's rule offers nothing that waits (a diary)."""
    doubt: dict[str, int] = {}
    for g in plan.unsure:
        for u in g.items if g.level not in (NOTED, FOOT_DOUBT) else ():  # said back only: no level of help to repeat
            doubt[u.finding] = min(doubt.get(u.finding, 9), LEVELS.index(g.level))
    # ... except a stroke line worded for a sign that may have come and gone coming back, beside the help-today banner
    # (walkthrough J): what to watch for, since the checks only show what is happening now
    items = [w for g in plan.watch_for for w in g.items
             if not ((plan.caution_today or plan.caution_now) and w.again and w.text == w.again)]
    out = [f"watch line repeats the not-sure group: {w.text}" for w in items
           if w.findings and all(f in doubt and doubt[f] <= LEVELS.index(w.level) for f in w.findings)]
    # a sign answered 'not sure' is acted on in its group: never again as "call now if ..." (walkthrough E), not even
    # beside a change the group does not check ("chest pain or pressure, or a cold sweat" beside a 'not sure' chest
    # pain reads as "watch for what you already told us", walkthrough F): the line is said without it (`parts`)
    for w in items:
        mine = [f for f in w.findings if f in doubt and doubt[f] <= LEVELS.index(w.level)]
        if mine:
            out.append(f"watch line names a sign already in a not-sure group ({', '.join(mine)}): {w.text}")
    if plan.leads and plan.next_steps:
        out.append(f"a result led by a not-sure sign ({plan.leads}) offers steps that wait")
    return out


def _lead_problems(plan: ResultPlan, iv: Interview) -> list[str]:
    """A 'not sure' whose rule says the doubt itself means acting now leads the banner (never 'book a visit' beside
    'call your helpline now'); every emergency sign not sure of is under a call-now line or its rule's own words; and
    an emergency-type cause's note never says its signs are absent while the person was not sure of one."""
    from numbwise.assess.ranking import model
    from numbwise.assess.result import emergency_cause_note
    from numbwise.kb import load

    kb, out = load(), []
    for r in kb.triage.rules:
        if r.act is not None and r.act.lead_if_unsure and plan.caution == " ".join((r.act.if_unsure or "").split()):
            if plan.title != (r.act.title or kb.triage.levels[r.level].title):  # type: ignore[index]
                out.append(f"'{plan.title}' leads a result whose caution says to act now ({r.id})")
    generic = plan.caution in _unsure_cautions()
    for g in plan.unsure:
        if g.level == "emergency" and generic and not any("call your emergency number now" in a for a in g.advice):
            out.append("emergency signs not sure of without a call-now line: " + ", ".join(u.finding for u in g.items))
    # one path for a sign that may have come and gone (walkthrough J): help today, never "if none: weeks" as an equal
    # choice, and the went-away sentence said once (in the banner, not in the caution too)
    if plan.caution_today and (plan.title.lower().startswith("if none") or kb.triage.unsure_caution_went_away
                               and kb.triage.unsure_caution_went_away in plan.caution):
        out.append(f"the help-today banner is not one path: '{plan.title}' / '{plan.caution}'")
    # one path, call now (walkthrough K): never a slower path ("today", "two weeks") beside it
    if plan.caution_now and (plan.caution_today or not plan.numbers or plan.next_steps
                             or any(w in f"{plan.title} {plan.action} {plan.by_when}".lower()
                                    for w in ("two weeks", "today", "if none"))):
        out.append(f"the call-now banner is not one path: '{plan.title}' / '{plan.action}' / '{plan.by_when}'")
    # and its to-do list is the emergency level's, never the lower level's own (walkthrough U, Jon: no "do not drive")
    if plan.caution_now:
        em, own = kb.triage.levels["emergency"], kb.triage.levels[plan.level]  # type: ignore[index]
        lines = [*plan.do, *plan.do_not]
        if em.do[0] not in plan.do or set(lines) & (set(own.do) | set(own.do_not)) - set(em.do) - set(em.do_not) \
                or any(w in " ".join(lines).lower() for w in ("two weeks", "today", "if none", "appointment")):
            out.append(f"the call-now banner's to-do list is not the emergency level's: {lines}")
        if not plan.causes:  # its reason (`now_why`) ends "the other causes below are for after that"
            out.append("a call-now result without the causes its reason points to")
        # no reason says a slower time under it, and the causes never read as reassurance: the cause the call is for
        # first, no "Most likely", no chance (walkthrough AC, Frank: "see you today", "arm fell asleep, 8 in 10")
        out += [f"a reason under the call-now banner names a slower time: {w}" for w in plan.why
                if any(re.search(pattern, w, re.I) for _, pattern in _CAUSE_ADVICE)]
        now_cause = kb.triage.unsure_lead["emergency"].now_cause
        if plan.causes and (plan.causes[0].id != now_cause or plan.headline.startswith("Most likely")
                            or any(c.short or c.chance for c in plan.causes)):
            out.append(f"the call-now causes do not put {now_cause} first as what to rule out: {plan.headline}")
    if plan.caution_level == "emergency" and plan.level in ("routine", "self_care") and not plan.caution_today \
            and kb.triage.unsure_caution_went_away and kb.triage.unsure_caution_went_away in plan.caution:
        out.append("a sign that may have come and gone left with 'if none: ' beside 'get medical help today'")
    m = model()
    doubts = [u.finding for g in plan.unsure if g.level == "emergency" for u in g.items]
    for c in plan.causes:
        if c.id in kb.triage.coherence.causes and c.note == emergency_cause_note(c.id) and c.id in m.causes:
            i = m.causes.index(c.id)
            # how it started is a stroke's sign, not a heart's (walkthrough AW, Omar): only a cause that settles it
            own = kb.triage.coherence.causes[c.id].settle
            pointing = [f for f in doubts if f in m.lift_present and m.lift_present[f][i] > 0
                        and (f != "onset_sudden" or f in own)]
            if pointing:
                out.append(f"{c.id}'s note says its emergency signs are absent; not sure of {pointing}")
    return out


def taken_back_problems(iv: Interview) -> tuple[bool, list[str]]:
    """Did an early call screen come that the final result does not say (walkthrough X, Priya), and what is wrong
    with how the result says so: it must name, once, the later answers that took it away, each one the person gave."""
    from numbwise.assess.explain import statement
    from numbwise.assess.takeback import calls_now, early_screen, taken_back, taken_back_line

    back = taken_back(iv)
    if back is None:  # no screen, or the result still calls now: no line
        line = taken_back_line(iv)
        return False, [f"a taken-back line with no screen taken back: {line}"] if line else []
    if calls_now(iv) or early_screen(iv) is None:
        return True, ["a screen taken back, though the result calls now or no screen came"]
    plan = result_plan(outcome(iv), iv.unsure, taken_back=taken_back_line(iv))
    out = []
    if not plan.taken_back or not back.changed:
        out.append(f"an early call screen (after answer {back.at}) taken back with no reason said")
    given = {(f, v) for _, updates, _ in iv.history for f, v in updates}
    out += [f"the taken-back line names {f}, which the person did not answer so" for f, v in back.changed
            if f != "age" and (f, v) not in given]
    out += [f"the taken-back line leaves out what {f} said" for f, v in back.changed
            if f != "age" and statement(f, v, iv.answers) not in plan.taken_back]
    return True, out


def _said_by_own_line(w: Any, group: Any, answers: dict[str, bool], age: int | None) -> bool:
    """Is a line raised to this level a change that a rule of the level, with its own line in the group, says already?"""
    from numbwise.assess.interview import positive_findings
    from numbwise.assess.triage import compiled_rules

    hyp = triage({**answers, **{f: True for f in w.findings}}, age)
    by = {c.rule.id for c in compiled_rules() if c.rule.id in hyp.rules and c.rule.level == group.level
          and set(w.findings) & set(positive_findings(c.rule.when))}
    return bool(by) and by <= {x.rule_id for x in group.items if x is not w}


def _question_problems(plan: ResultPlan) -> list[str]:
    """A question offered to tell the causes apart must tell the causes shown apart (not a migraine question beside
    angina), and an emergency-type cause shown below emergency must say why the level is not an emergency."""
    from numbwise.assess.ranking import model
    from numbwise.kb import load

    kb, m = load(), model()
    by_text = {f.question: fid for fid, f in kb.findings.items()} | {
        f.if_unsure: fid for fid, f in kb.findings.items() if f.if_unsure}
    shown = [m.causes.index(c.id) for c in plan.causes if c.id in m.causes]
    out = []
    for q in plan.questions:
        fid = by_text.get(q)
        if fid is not None and fid in m.p and len(shown) > 1 and not tells_apart(m.p[fid], shown):
                out.append(f"a question that cannot tell the causes shown apart: {q}")
    # ... except the one a call-now banner is for, listed first under the headline that says it must be ruled out
    # first and what the call is for (walkthrough AC, Frank)
    out += [f"an emergency-type cause shown below emergency without a note: {c.id}" for i, c in enumerate(plan.causes)
            if c.id in kb.triage.coherence.causes and not c.note and not (plan.caution_now and i == 0)]
    return out


def _unsure_cautions() -> set[str]:
    from numbwise.kb import load

    tri = load().triage
    return set(tri.unsure_caution.values()) | {  # with what the emergency one adds (went away, others today)
        " ".join(w for w in parts if w) for parts in (
            (tri.unsure_caution["emergency"], went, also) for went in ("", tri.unsure_caution_went_away)
            for also in ("", tri.unsure_caution_also_urgent))} if "emergency" in tri.unsure_caution else set(
        tri.unsure_caution.values())


def _findings_kb() -> Any:
    from numbwise.kb import load

    return load()


def _rule_level(rule_id: str) -> str:
    from numbwise.kb import load

    return next(r.level for r in load().triage.rules if r.id == rule_id)


def _sets_off(findings: tuple[str, ...], answers: dict[str, bool], age: int | None, level: str) -> bool:
    """Would one of these changes itself set off a rule of this level (not only undo an exception)?"""
    from numbwise.assess.interview import positive_findings
    from numbwise.assess.triage import compiled_rules

    hyp = triage({**answers, **{f: True for f in findings}}, age)
    return any(c.rule.id in hyp.rules and c.rule.level == level and set(findings) & set(positive_findings(c.rule.when))
               for c in compiled_rules())


def _findings() -> Mapping[str, Any]:
    from numbwise.kb import load

    return load().findings


def _notes(cause: str) -> list[Any]:
    """The step notes of a cause's own care plan (for example 'if you are pregnant')."""
    from numbwise.kb import load

    entry = load().care.plans.get(cause)
    return [n for st in entry.steps for n in st.notes] if entry is not None else []
