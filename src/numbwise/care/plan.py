"""Care plans as plain data: what to try first for a cause, for how long, when to get more help."""

from __future__ import annotations

import difflib
import functools
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from numbwise.foods import FoodTable, b12_table
from numbwise.kb import Knowledge, load
from numbwise.kb.headings import WarningGroup, grouped
from numbwise.kb.models import CarePlanEntry, CareStep, Escalation, RuledWarning, Source, StepNote, in_sentence

if TYPE_CHECKING:
    from numbwise.assess.result import ResultPlan


@dataclass(frozen=True)
class PlanStep:
    """One first step; `refs` are numbers into the plan's source list."""

    treatment: str | None
    treatment_name: str | None
    do: str
    how_long: str | None
    refs: tuple[int, ...]
    while_waiting: bool = False  # safe to start while a visit the escalation asks for is due (care.yaml)


@dataclass(frozen=True)
class PlanOffer:
    """What a doctor can offer (a prescription medicine), kept apart from the home steps."""

    text: str
    refs: tuple[int, ...]


@dataclass(frozen=True)
class PlanEscalation:
    """When to get more help, and what that help is."""

    when: str
    then: str  # for a restated triage sign, starting with its level's title ("Book a doctor's visit.")
    refs: tuple[int, ...]
    level: str | None = None  # the level a restated triage sign is filed at (care.yaml `rule`), else None
    # `then` as a result says it once this is true: beside the `while_waiting` steps, or with no home steps ("" if none)
    then_waiting: str = ""
    then_alone: str = ""


@dataclass(frozen=True)
class PlanExercise:
    """An exercise of the routine with its dose in words."""

    id: str
    name: str
    dose: str


@dataclass(frozen=True)
class PlanRoutine:
    """The exercise routine the plan suggests."""

    id: str
    name: str
    summary: str
    exercises: tuple[PlanExercise, ...]
    refs: tuple[int, ...]


@dataclass(frozen=True)
class CarePlan:
    """Everything `numbwise care` shows for one cause, every statement pointing at numbered sources."""

    cause: str
    cause_name: str
    kind: str  # "plan" (its own), "generic" or "doctor_first"
    summary: str
    home_summary: str  # what a check's result shows beside the home steps: no doctor-only treatments
    summary_refs: tuple[int, ...]
    steps: tuple[PlanStep, ...]
    escalation: tuple[PlanEscalation, ...]
    warnings: tuple[WarningGroup, ...]  # under their rules' level headings, most urgent first
    warning_refs: tuple[int, ...]
    routine: PlanRoutine | None
    foods: FoodTable | None
    foods_refs: tuple[int, ...]
    sources: tuple[Source, ...]
    source_ids: tuple[str, ...]
    ask_doctor: tuple[PlanOffer, ...] = ()  # shown under its own heading after the home steps, never as one
    # opened from a result (`said_by_result`): that result's top first, the visit before the steps, where its full
    # call-now list is, and that the warning signs are filed as it files them; all empty for the plan for anyone
    result: CareTop | None = None
    result_heading: str = ""
    visit_first: str = ""
    filed_note: str = ""
    calls_note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form, sources written out in full."""
        from dataclasses import asdict

        out = asdict(self)
        if self.foods is not None:
            f = self.foods
            out["foods"] = {"intro": f.intro, "rows": [asdict(r) for r in f.rows], "pinned": f.pinned}
        out["sources"] = [
            {"n": i, "id": sid, **s.model_dump(mode="json", exclude_none=True)}
            for i, (sid, s) in enumerate(zip(self.source_ids, self.sources), 1)
        ]
        return out


@dataclass(frozen=True)
class CareFor:
    """The answers a care plan's lines are filed for, as a result passes them on (`numbwise care CAUSE --unsure
    onset_sudden`, /care/CAUSE?unsure=onset_sudden): only those the filing needs; a finding not given is not known."""

    yes: tuple[str, ...] = ()
    no: tuple[str, ...] = ()
    unsure: tuple[str, ...] = ()  # not known, as every finding not given: named so the command says why it matters
    age: int | None = None
    days: float | None = None  # how long it has been there (a case's `days_so_far`): weeks old is no stroke now
    sex: str | None = None  # "female" or "male": only where a line of the plan reads it (no pregnancy line to a man)

    @property
    def findings(self) -> dict[str, bool]:
        """The yes and no answers as a person's findings."""
        return {**{f: True for f in self.yes}, **{f: False for f in self.no}}

    def _parts(self) -> list[tuple[str, str]]:
        parts = [(n, ",".join(v)) for n, v in (("yes", self.yes), ("no", self.no), ("unsure", self.unsure)) if v]
        return parts + ([("age", str(self.age))] if self.age is not None else []) + (
            [("sex", self.sex)] if self.sex is not None else []) + (
            [("days", f"{self.days:g}")] if self.days is not None else [])

    @property
    def empty(self) -> bool:
        """Nothing given: the plan for anyone."""
        return not self._parts()

    def options(self) -> str:
        """The care command's options for these answers (" --unsure onset_sudden")."""
        return "".join(f" --{n} {v}" for n, v in self._parts())

    def query(self) -> str:
        """The care page's query for these answers ("?unsure=onset_sudden"); IDs need no escaping."""
        return "?" + "&".join(f"{n}={v}" for n, v in self._parts()) if self._parts() else ""


class BadAnswers(ValueError):
    """Answers given to a care plan that cannot be used: an unknown finding ID, one given twice, an age that is not
    a number or a sex that is not female or male; the message says which."""


def read_care_for(yes: str | None, no: str | None, unsure: str | None, age: str | None,
                  kb: Knowledge | None = None, days: str | None = None, sex: str | None = None) -> CareFor | None:
    """The answers as the care command's options or the care page's query give them (comma-separated IDs); None when
    none is given (the plan for anyone). Raises BadAnswers."""
    if not any(x is not None and x.strip() for x in (yes, no, unsure, age, days, sex)):
        return None
    kb = kb or load()
    lists: list[tuple[str, ...]] = []
    for name, value in (("yes", yes), ("no", no), ("unsure", unsure)):
        ids = tuple(x.strip() for x in (value or "").split(",") if x.strip())
        bad = [x for x in ids if x not in kb.findings]
        if bad:
            raise BadAnswers(f"'{bad[0]}' in --{name} is not a finding ID: copy it as your result printed it.")
        lists.append(ids)
    twice = [f for f in lists[0] + lists[1] + lists[2] if (lists[0] + lists[1] + lists[2]).count(f) > 1]
    if twice:
        raise BadAnswers(f"'{twice[0]}' is given more than once.")
    years: int | None = None
    if age is not None and age.strip():
        if not age.strip().isdigit() or not 0 <= int(age) <= 130:
            raise BadAnswers(f"The age must be a whole number of years, not '{age}'.")
        years = int(age)
    length: float | None = None
    if days is not None and days.strip():
        try:
            length = float(days)
        except ValueError:
            length = -1.0
        if not 0 <= length <= 36500:  # as a case's days_so_far (assess.case.parse_unsure); nan fails too
            raise BadAnswers(f"The days must be a number of days from 0 to 36500, not '{days}'.")
    from numbwise.assess.case import SEXES

    kind: str | None = None
    if sex is not None and sex.strip():
        if sex.strip().lower() not in SEXES:
            raise BadAnswers(f"The sex must be female or male, not '{sex}'.")
        kind = sex.strip().lower()
    return CareFor(lists[0], lists[1], lists[2], years, length, kind)


def _filing(kb: Knowledge, cause: str, person: Mapping[str, bool] | None, age: int | None) -> tuple[object, ...]:
    """What a person's answers change on a care plan: its "when to get more help" lines and its warning signs."""
    plan = care_plan(kb, cause, person=person, age=age)
    return tuple((e.level, e.then) for e in plan.escalation), plan.warnings


@dataclass(frozen=True)
class CareTop:
    """What a result says at its top, as the care plan it opens says it first (walkthroughs AB and AC, Tariq): the
    level's title, what to do and by when, the not-sure heading and line when a doubt leads, and how many signs its
    "call your emergency number now if" list holds. Taken from the core's one ResultPlan (`care_top`), never judged
    again here."""

    level: str
    title: str
    action: str
    by_when: str
    unsure_heading: str  # the result's caution title ("Not sure how fast it started"), else ""
    unsure_line: str  # the result's caution words above its banner, else ""
    call_now: bool  # the result says to call the emergency number now
    calls: int  # the signs its call-now list holds
    today: bool = False  # one path, help today, for a sign not sure of (a level below it): the plan's floor


def care_top(plan: ResultPlan) -> CareTop:
    """The top of a composed result, as a care plan repeats it."""
    calls = sum(len(g.items) for g in plan.watch_for if g.level == "emergency")
    return CareTop(plan.level, plan.title, plan.action, plan.by_when, plan.caution_title, plan.caution,
                   plan.level == "emergency" or plan.caution_now, calls, plan.caution_today)


def top_floor(given: CareFor | None) -> str | None:
    """The speed a result's one-path help-today banner gives, for the care plan its answers open: no line of the plan
    says a slower speed for a sign (walkthrough AT, George: "Book a doctor's visit" under "Your result said: See a
    doctor today"). None for any other top."""
    top = result_top(given) if given is not None and (given.yes or given.no or given.unsure) else None
    return "urgent" if top is not None and top.today else None


_COMPOSING: ContextVar[bool] = ContextVar("care_top_composing", default=False)


@contextmanager
def _composing() -> Iterator[None]:
    """While a care plan composes a result's top: that result's own care link is not worked out (it would ask again)."""
    token = _COMPOSING.set(True)
    try:
        yield
    finally:
        _COMPOSING.reset(token)


@functools.lru_cache(maxsize=4096)
def result_top(given: CareFor) -> CareTop | None:
    """The top of the result these answers give, composed by the core as a check composes it (assess_case, then
    home_care_unless_unsure, then result_plan): the same answers, the same result. None for answers that make no case."""
    from numbwise.assess.case import CaseError, parse_unsure
    from numbwise.assess.engine import assess_case, home_care_unless_unsure
    from numbwise.assess.result import result_plan

    data: dict[str, Any] = {"findings": given.findings, "unsure": list(given.unsure), "age": given.age, "sex": given.sex}
    if given.days is not None:
        data["days_so_far"] = given.days
    try:
        case, unsure = parse_unsure(data)
    except CaseError:
        return None
    with _composing():
        return care_top(result_plan(home_care_unless_unsure(assess_case(case), frozenset(unsure)), unsure))


def care_link(kb: Knowledge | None, cause: str, findings: Mapping[str, bool], unsure: Collection[str], age: int | None,
              days: float | None, plan: ResultPlan, sex: str | None = None) -> CareFor | None:
    """The answers a result's care command and link carry: those that file the plan as the result does and give the
    result's own top again (`care_for` with its `care_top`), and those its own lines read (`sex`: the person's);
    None while a care plan composes a top itself."""
    if _COMPOSING.get():
        return None
    return care_for(kb, cause, findings, unsure, age, days, care_top(plan), sex)


def with_care_link(plan: ResultPlan, findings: Mapping[str, bool], unsure: Collection[str], age: int | None,
                   days: float | None, sex: str | None = None) -> ResultPlan:
    """A composed result whose care command and link carry the answers `care_link` finds for it."""
    step = next((s for s in plan.next_steps if s.id == "care"), None)
    if step is None or plan.advice is None:
        return plan
    given = care_link(None, plan.advice.cause, findings, unsure, age, days, plan, sex)
    if given is None:
        return plan
    linked = replace(step, command=step.command + given.options(), href=step.href + given.query())
    return replace(plan, next_steps=tuple(linked if s is step else s for s in plan.next_steps))


def care_for(kb: Knowledge | None, cause: str, findings: Mapping[str, bool], unsure: Collection[str],
             age: int | None, days: float | None = None, top: CareTop | None = None,
             sex: str | None = None) -> CareFor | None:
    """The fewest of a person's answers that file the cause's care plan as their result files it (walkthrough Z,
    Tariq: his not-sure start makes a slowly weakening hand a doctor today); None when the plan for anyone says the
    same. A result's care command and link pass them, so the plan needs nothing stored. With the result's `top`, the
    fewest that also give that top again (`result_top`, walkthroughs AB and AC, Tariq: "See a GP within a few days"
    needs how long it has been there); None when no answers can (the plan for anyone, never gentler). Beside them,
    the fewest of the person's answers, age and `sex` that leave out the plan's lines those rule out (`_own_lines`,
    walkthrough AF, Zoe, 34: "if you are pregnant" and "a child ... under 16" after she said no and 34)."""
    kb = kb or load()
    target = _filing(kb, cause, findings, age)
    base = _fewest(kb, cause, findings, unsure, age, target)
    if top is None:
        return base

    def same(c: CareFor) -> bool:
        return not c.empty and result_top(c) == top and _filing(kb, cause, c.findings, c.age) == target

    start = base or CareFor()
    yes = tuple(f for f, v in findings.items() if v)
    for found in ((start.yes, start.no), (tuple(dict.fromkeys(start.yes + yes)), start.no),
                  (yes, tuple(f for f, v in findings.items() if not v))):
        trial = CareFor(found[0], found[1], tuple(sorted(unsure)), age, days)
        if not same(trial):
            continue
        # then the fewest: each answer the filing did not need, each not-sure, how long, the age, if the top stays
        for f in [f for f in trial.yes if f not in start.yes] + [f for f in trial.no if f not in start.no]:
            fewer = replace(trial, yes=tuple(x for x in trial.yes if x != f), no=tuple(x for x in trial.no if x != f))
            trial = fewer if same(fewer) else trial
        for u in trial.unsure:
            fewer = replace(trial, unsure=tuple(x for x in trial.unsure if x != u))
            trial = fewer if same(fewer) else trial
        fewer = replace(trial, days=None)
        trial = fewer if same(fewer) else trial
        fewer = replace(trial, age=None)
        trial = fewer if same(fewer) else trial
        return _with_own_lines(kb, cause, trial, findings, age, sex, same)
    return None


def _read_by_lines(kb: Knowledge, cause: str) -> tuple[str, ...]:
    """The findings a cause's plan's own lines read: a step's `about`, `unless` and `left_out_when`, a note's and a
    doctor's offer's `about`."""
    entry = kb.care.doctor_first.get(cause) or kb.care.plans.get(cause) or kb.care.generic
    read = [f for s in entry.steps for f in (s.about, s.unless, *s.left_out_when, *(n.about for n in s.notes))]
    return tuple(dict.fromkeys(f for f in read + [x.about for x in entry.ask_doctor] if f is not None))


def _own_lines(kb: Knowledge, cause: str, given: CareFor) -> tuple[object, ...]:
    """The lines of the plan these answers open that a person's answers can leave out or reword: its steps (with their
    notes), its doctor's offers and its escalation lines."""
    plan = care_plan(kb, cause, given.findings, given.sex, given.age, person=given.findings, page=True)
    return (tuple((s.do, s.how_long) for s in plan.steps), tuple(x.text for x in plan.ask_doctor),
            tuple(e.when for e in plan.escalation))


def _with_own_lines(kb: Knowledge, cause: str, trial: CareFor, findings: Mapping[str, bool], age: int | None,
                    sex: str | None, same: Callable[[CareFor], bool]) -> CareFor:
    """`trial` (the answers that give the result's top and filing) with the fewest of the person's answers the plan's
    own lines read, their sex and their age, such that the lines read as for all of them; each kept only where the top
    and filing stay the same (`same`)."""
    have = set(trial.yes) | set(trial.no) | set(trial.unsure)
    extra = [f for f in _read_by_lines(kb, cause) if f in findings and f not in have]

    def add(c: CareFor, f: str) -> CareFor:
        return replace(c, yes=(*c.yes, f)) if findings[f] else replace(c, no=(*c.no, f))

    full = trial
    for f in extra:
        full = add(full, f) if same(add(full, f)) else full
    if sex is not None and full.sex is None and same(replace(full, sex=sex)):
        full = replace(full, sex=sex)
    if age is not None and full.age is None and same(replace(full, age=age)):
        full = replace(full, age=age)
    want = _own_lines(kb, cause, full)
    if want == _own_lines(kb, cause, trial):
        return trial

    def fewer_if_same(out: CareFor, fewer: CareFor) -> CareFor:
        return fewer if _own_lines(kb, cause, fewer) == want and same(fewer) else out

    # then the fewest: the sex, each answer added, the age, if the lines stay
    out = fewer_if_same(full, replace(full, sex=None)) if full.sex != trial.sex else full
    for f in [f for f in extra if f in full.yes or f in full.no]:
        out = fewer_if_same(out, replace(out, yes=tuple(x for x in out.yes if x != f),
                                         no=tuple(x for x in out.no if x != f)))
    return fewer_if_same(out, replace(out, age=None)) if full.age != trial.age else out


def _fewest(kb: Knowledge, cause: str, findings: Mapping[str, bool], unsure: Collection[str], age: int | None,
            target: tuple[object, ...]) -> CareFor | None:
    """The fewest answers that file the plan as `target` (the person's own filing); None when anyone's says the same."""
    if target == _filing(kb, cause, None, None):
        return None
    keep = dict(findings)
    for f in list(keep):
        trial = {k: v for k, v in keep.items() if k != f}
        if _filing(kb, cause, trial, age) == target:
            keep = trial
    years = None if age is not None and _filing(kb, cause, keep, None) == target else age
    doubts = tuple(u for u in sorted(unsure) if u not in keep and any(
        _filing(kb, cause, {**keep, u: v}, years) != target for v in (True, False)))
    if not (keep or doubts or years is not None):
        years, doubts = age, tuple(sorted(unsure))
    if not (keep or doubts or years is not None):
        return None  # nothing to say they are a person: the plan for anyone names both speeds
    return CareFor(tuple(f for f, v in keep.items() if v), tuple(f for f, v in keep.items() if not v), doubts, years)


def anyone_words(kb: Knowledge) -> Callable[[RuledWarning], str]:
    """A warning line as a page for anyone says it: its text, then the more urgent speed a not-known answer gives it
    ("If you are not sure whether the numbness started suddenly, see a doctor today."), so a care or Learn page is
    never gentler than a result for the same sign (walkthrough Z, Tariq)."""
    from numbwise.assess.warnings import if_not_known
    from numbwise.kb.headings import level_of

    def words(w: RuledWarning) -> str:
        extra = if_not_known(level_of(kb, w), w.findings if w.change == "yes" else ())
        return f"{w.text} {extra}" if extra else w.text

    return words


def said_by_result(kb: Knowledge | None, plan: CarePlan, given: CareFor | None) -> CarePlan:
    """The plan as a result's command or link opens it: that result's top (`result_top`, from the answers it carries)
    said first, and the visit it asks for said before the home steps, which are for while the person waits and after
    (walkthroughs AB and AC, Tariq: "for the next 4 to 6 weeks" read as "wait" beside "a GP within a few days")."""
    from numbwise.assess.triage import more_urgent

    kb = kb or load()
    words = kb.care.result_top
    # an age or sex alone is no result to speak for: `numbwise care carpal_tunnel --age 14`, typed by hand, said "Your
    # result said: Book a doctor's visit" to a boy whose result said today (walkthrough AP, Amir)
    top = result_top(given) if given is not None and (given.yes or given.no or given.unsure) else None
    if top is None or words is None:
        return plan
    first = "" if top.level == "self_care" and not top.call_now else (
        words.call_first if top.call_now else words.visit_first).format(title=top.title.rstrip("."))
    if plan.visit_first and not top.call_now:  # the plan's own for this person (a child's "see a doctor before you try
        # these steps") replaces "these steps are for while you wait"
        first = " ".join(x for x in (words.as_said.format(title=top.title.rstrip(".")) if words.as_said and
                                     first else "", plan.visit_first) if x)
    elif plan.visit_first:
        first = f"{first} {plan.visit_first}"
    own = sum(len(g.lines) for g in plan.warnings if g.level == "emergency")
    name = in_sentence(kb.causes[plan.cause]) if plan.cause in kb.causes else plan.cause_name.lower()
    # under a top that already says a level, no watch heading at that level or a calmer one: "Book a doctor's visit
    # if" under "Your result said: Book a doctor's visit" reads as a contradiction (walkthrough AF, Zoe), as a result
    # lists only changes more urgent than itself (assess.warnings.watch_for); the call-now signs always stay
    level = "urgent" if top.today and more_urgent("urgent", top.level) else top.level  # as its banner says it
    warnings = tuple(g for g in plan.warnings if g.level == "emergency" or more_urgent(g.level, level))
    return replace(plan, warnings=warnings, warning_refs=plan.warning_refs if warnings else (), result=top, result_heading=words.heading.format(title=top.title.rstrip(".")),
                   visit_first=first, filed_note=words.filed if warnings else "",
                   calls_note=words.calls.format(n=top.calls, name=name) if top.calls > own else "")


def for_anyone(kb: Knowledge | None, plan: CarePlan) -> CarePlan:
    """A plan opened with no answers says so above its home steps: a result that sent the person to a doctor first
    still counts (walkthrough AL, Lena: a Learn page led from "we cannot suggest caring for this at home" to splints)."""
    kb = kb or load()
    words = kb.care.result_top
    if not plan.steps or plan.visit_first or words is None or words.anyone_first is None:
        return plan
    name = in_sentence(kb.causes[plan.cause]) if plan.cause in kb.causes else plan.cause_name.lower()
    return replace(plan, visit_first=words.anyone_first.format(name=name))


def plan_for(kb: Knowledge | None, cause: str, given: CareFor | None) -> CarePlan:
    """The care plan as a result's command or link opens it with the answers it carries (`care_for`): its lines for
    those answers (no pregnancy line after a no, no child's line at 34: walkthrough AF, Zoe), its warning signs filed
    for them, and that result's top first (`said_by_result`); with none, the plan for anyone. Both faces call it.
    Raises UnknownCause."""
    if given is None:
        return for_anyone(kb, care_plan(kb, cause))
    plan = care_plan(kb, cause, given.findings, given.sex, given.age, person=given.findings, page=True,
                     floor=top_floor(given))
    return said_by_result(kb, plan, given)


class UnknownCause(LookupError):
    """No cause has this ID; carries the closest IDs."""

    def __init__(self, cause: str, suggestions: list[str]) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"There is no cause called '{cause}'.{hint} Run 'numbwise learn' to see them all.")
        self.cause, self.suggestions = cause, suggestions


def dose_text(kb: Knowledge, exercise_id: str) -> str:
    """The dose of one exercise in words, e.g. 'hold 15 s, 2 times, 2 times a day, each side'."""
    e = kb.exercises.exercises[exercise_id]
    bits = []
    if e.duration_seconds:
        bits.append(f"{e.duration_seconds} s")
    elif e.hold_seconds:
        bits.append(f"hold {e.hold_seconds} s")
    bits.append(f"{e.reps} time{'s' if e.reps != 1 else ''}" + (f" x {e.sets} sets" if e.sets > 1 else ""))
    if e.every_minutes:
        bits.append(f"every {e.every_minutes} minutes" if e.every_minutes != 60 else "every hour")
    else:
        bits.append("once a day" if e.times_per_day == 1 else f"{e.times_per_day} times a day")
    if e.per_side:
        bits.append("each hand")
    return ", ".join(bits)


def _resolve(kb: Knowledge, cause: str) -> str:
    key = cause.strip().lower().replace("-", "_").replace(" ", "_")
    if key in kb.vocabulary.causes:
        return key
    names = dict(kb.vocabulary.causes)
    by_name = {n.lower(): i for i, n in names.items()}
    near = difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)
    near += [by_name[n] for n in difflib.get_close_matches(cause.lower(), list(by_name), n=3, cutoff=0.5)]
    near += [i for i in names if key and (key in i or i in key)]
    raise UnknownCause(cause, list(dict.fromkeys(near))[:3])


def step_applies(step: CareStep, answers: Mapping[str, bool] | None) -> bool:
    """A step about a finding (stopping smoking) stands unless the person answered that finding no, and a step `unless`
    a finding (meat and fish) unless they answered it yes, and a step for one place a nerve is pressed unless every
    answer of its `left_out_when` points to another place; with no person it stands."""
    if answers is None:
        return True
    elsewhere = bool(step.left_out_when) and all(answers.get(f) is v for f, v in step.left_out_when.items())
    return ((step.about is None or answers.get(step.about) is not False)
            and (step.unless is None or answers.get(step.unless) is not True) and not elsewhere)


def note_applies(note: StepNote, answers: Mapping[str, bool] | None, sex: str | None, age: int | None = None) -> bool:
    """A step note stands unless a person's answers rule it out (a 'no', a sex it cannot apply to, or an age its finding
    is never asked at: no "if you are pregnant" to a woman of 60); with no person it stands."""
    if answers is None:
        return True
    about = load().findings.get(note.about)
    for_age = about is None or about.ages is None or about.ages.holds(age) or answers.get(note.about) is True
    return answers.get(note.about) is not False and (sex is None or sex != note.not_for_sex) and for_age


def _note_said_yes(note: StepNote, answers: Mapping[str, bool] | None) -> bool:
    """A note is worded for a yes only when its finding was answered yes and its `yes_unless` was not (a phone held
    with a bent elbow is not leaning on the heel of the hand)."""
    return bool(answers and answers.get(note.about) and not (note.yes_unless and answers.get(note.yes_unless)))


def _escalation_signs(e: Escalation, warnings: Sequence[RuledWarning]) -> tuple[str, ...]:
    """The answers an escalation line is filed by: its own (`files_with`, else `said`), and those of each of the plan's
    watch lines for the same rule that share one, so a sign said in both places has one speed."""
    own = tuple(e.files_with or e.said)
    near = (f for w in warnings if e.rule and w.rule == e.rule and set(w.findings) & set(own) for f in w.findings)
    return tuple(dict.fromkeys((*own, *near)))


def speed_words(kb: Knowledge, level: str) -> str:
    """A level's speed as the start of a care line: its title, the words the result's banner uses ("See a doctor
    today.")."""
    return f"{kb.triage.levels[level].title.rstrip('.')}."  # type: ignore[index]


def care_plan(kb: Knowledge | None, cause: str, answers: Mapping[str, bool] | None = None, sex: str | None = None,
              age: int | None = None, foot_sore: bool = False, person: Mapping[str, bool] | None = None,
              page: bool = False, floor: str | None = None) -> CarePlan:
    """The care plan for a cause ID, for anyone or (with `answers`) for one person; raises UnknownCause with suggestions.
    `floor`: the speed a result's one-path banner already gives ("see a doctor today" for a sign not sure of): no
    restated sign's speed is said slower beside it (walkthrough AS, George: "Book a doctor's visit. Ask about surgery."
    under "See a doctor today").
    `foot_sore`: the person's result leads with the foot sore they reported, so a step worded for it says so.
    `person`: answers that file its warning signs only (default: `answers`), at the level the result's watch lines
    give them for that person (`numbwise care` for the cause a latest check named, walkthrough Y, Tariq).
    `page`: the care plan page itself (with the answers a result's link carries): its steps keep the page's wording
    (`on_care_page`) beside the table it names. With `answers`, an escalation line for other ages (care.yaml `ages`)
    is left out for an age given outside them."""
    from numbwise.assess.triage import more_urgent
    from numbwise.assess.warnings import filed_level, if_not_known
    from numbwise.kb.headings import level_of

    kb = kb or load()
    # no answers at all (an age or sex typed alone, walkthrough AR, Amir: `care carpal_tunnel --age 14`) files the
    # signs as for anyone, with the speed a not-known answer would give them said beside each, on every line alike
    person = (answers if person is None else person) or None
    rule_levels = {r.id: r.level for r in kb.triage.rules}

    def filed(w: RuledWarning) -> str:
        return filed_level(level_of(kb, w), w.findings if w.change == "yes" else (), person, age)

    cid = _resolve(kb, cause)
    care = kb.care
    entry: CarePlanEntry
    if cid in care.doctor_first:
        entry, kind = care.doctor_first[cid], "doctor_first"
    elif cid in care.plans:
        entry, kind = care.plans[cid], "plan"
    else:
        entry, kind = care.generic, "generic"
    order: list[str] = []

    def refs(ids: list[str]) -> tuple[int, ...]:
        for sid in ids:
            if sid not in order:
                order.append(sid)
        return tuple(order.index(s) + 1 for s in dict.fromkeys(ids))

    summary_refs = refs(entry.summary_sources)
    # the rules that decide this person's level, for a step worded for one of them (the harmless pattern's "no rush")
    decided: tuple[str, ...] = ()
    if answers is not None and any(s.how_long_with_rule for s in entry.steps):
        from numbwise.assess.triage import triage

        decided = triage(answers, age).rules
    steps = []
    for s in entry.steps:
        if not step_applies(s, answers):
            continue
        notes = [n for n in s.notes if note_applies(n, answers, sex, age)]
        own_page = (answers is None or page) and s.on_care_page
        do = s.on_care_page if own_page and s.on_care_page else s.do  # the care plan page
        if not own_page and s.do_if_yes and s.about and answers and answers.get(s.about):
            do = s.do_if_yes  # worded for the yes they gave
        do = s.with_foot_sore if foot_sore and answers is not None and s.with_foot_sore else do  # under the foot banner
        do = next((n.do_if_yes for n in notes if n.do_if_yes and _note_said_yes(n, answers)), do)
        steps.append(PlanStep(s.treatment, kb.treatments[s.treatment].name if s.treatment else None,
                              " ".join([do, *(n.said_yes if n.said_yes and _note_said_yes(n, answers) else n.text
                                                for n in notes)]),
                              next((t for r, t in s.how_long_with_rule.items() if r in decided), s.how_long),
                              refs(list(s.sources) + [sid for n in notes for sid in n.sources]), s.while_waiting))
    ask_doctor = tuple(PlanOffer(x.text, refs(x.sources)) for x in entry.ask_doctor
                       if answers is None or x.about is None or answers.get(x.about) is not False)
    escalation = []
    first: list[str] = []  # a line for an age the person said they are: said first, above the steps it is about
    for e in entry.escalate:
        if answers is not None and e.ages is not None and not e.ages.holds(age):
            continue  # no "if the numb hand belongs to a child" to a person who said they are 34 (walkthrough AF, Zoe)
        if answers is not None and e.ages is not None and age is not None:
            # a boy of 14: "See a doctor before you try these steps" above the steps, not as an "if" after them
            # (walkthrough AN, Amir: a splint first, then "if the numb hand belongs to a child ... see a doctor before")
            first.append(" ".join(e.then.split()))
            continue
        # filed as the plan's watch lines for the same sign are (walkthrough AR, Amir: "Book a doctor's visit" here
        # for thin thumb muscles beside "see a doctor today if the muscles at the base of your thumb get weak")
        signs = _escalation_signs(e, entry.warnings)
        level = filed_level(rule_levels[e.rule], signs, person, age) if e.rule else None
        if level is not None and floor is not None and more_urgent(floor, level):
            level = floor
        speed = f"{speed_words(kb, level)} " if level else ""
        # for anyone, the speed a not-known start would give it too (walkthrough Z, Tariq)
        both = if_not_known(rule_levels[e.rule], signs) if e.rule and person is None else ""
        escalation.append(PlanEscalation(e.when, speed + (f"{both} " if both else "") + e.then, refs(e.sources), level,
                                         speed + e.then_waiting if e.then_waiting else "",
                                         speed + e.then_alone if e.then_alone else ""))
    warnings = list(entry.warnings)
    warning_sources = list(entry.warning_sources)
    if kind == "generic" and cid in kb.causes:
        # No plan of its own: the cause's own changes to watch for (a fever during chemotherapy), then the general
        # plan's emergency line; its "there all the time" lines would read as news to most people with the cause.
        levels = {r.id: r.level for r in kb.triage.rules}
        warnings = list(kb.causes[cid].watch_for) + [w for w in entry.warnings if levels.get(w.rule) == "emergency"]
        warning_sources = list(kb.causes[cid].sources) + warning_sources
    warning_refs = refs(warning_sources)
    routine = None
    # the routine goes with the plan's exercise step: none when that step is left out for this person (the elbow's
    # routine beside a palm pressed on the handlebars, walkthrough R)
    dropped_exercise = any(s.treatment == "exercise" for s in entry.steps) and not any(
        s.treatment == "exercise" for s in steps)
    if entry.routine and not dropped_exercise:
        r = kb.exercises.routines[entry.routine]
        exercises = tuple(PlanExercise(x, kb.exercises.exercises[x].name, dose_text(kb, x)) for x in r.exercises)
        ex_sources = [s for x in r.exercises for s in kb.exercises.exercises[x].sources]
        routine = PlanRoutine(entry.routine, r.name, r.summary, exercises, refs(list(r.sources) + ex_sources))
    foods: FoodTable | None = None
    foods_refs: tuple[int, ...] = ()
    if entry.b12_foods:
        foods = b12_table(kb, plants=answers is not None and answers.get("vegan_or_vegetarian") is True)
        foods_refs = refs([kb.foods.pin.source])
    name = kb.causes[cid].name if cid in kb.causes else kb.vocabulary.causes[cid]
    return CarePlan(
        cid, name, kind, entry.summary, entry.home_summary or entry.summary, summary_refs, tuple(steps), tuple(escalation),
        grouped(kb, warnings, filed, anyone_words(kb) if person is None else None), warning_refs,
        routine, foods, foods_refs, tuple(kb.sources[s] for s in order), tuple(order), ask_doctor,
        visit_first=" ".join(first),
    )
