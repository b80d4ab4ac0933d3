"""Care plans as plain data: what to try first for a cause, for how long, when to get more help."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from numbwise.foods import FoodTable, b12_table
from numbwise.kb import Knowledge, load
from numbwise.kb.headings import WarningGroup, grouped
from numbwise.kb.models import CarePlanEntry, CareStep, RuledWarning, Source, StepNote


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

    @property
    def findings(self) -> dict[str, bool]:
        """The yes and no answers as a person's findings."""
        return {**{f: True for f in self.yes}, **{f: False for f in self.no}}

    def _parts(self) -> list[tuple[str, str]]:
        parts = [(n, ",".join(v)) for n, v in (("yes", self.yes), ("no", self.no), ("unsure", self.unsure)) if v]
        return parts + ([("age", str(self.age))] if self.age is not None else [])

    def options(self) -> str:
        """The care command's options for these answers (" --unsure onset_sudden")."""
        return "".join(f" --{n} {v}" for n, v in self._parts())

    def query(self) -> str:
        """The care page's query for these answers ("?unsure=onset_sudden"); IDs need no escaping."""
        return "?" + "&".join(f"{n}={v}" for n, v in self._parts()) if self._parts() else ""


class BadAnswers(ValueError):
    """Answers given to a care plan that cannot be used: an unknown finding ID, one given twice, or an age that is not
    a number; the message says which."""


def read_care_for(yes: str | None, no: str | None, unsure: str | None, age: str | None,
                  kb: Knowledge | None = None) -> CareFor | None:
    """The answers as the care command's options or the care page's query give them (comma-separated IDs); None when
    none is given (the plan for anyone). Raises BadAnswers."""
    if not any(x is not None and x.strip() for x in (yes, no, unsure, age)):
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
    return CareFor(lists[0], lists[1], lists[2], years)


def _filing(kb: Knowledge, cause: str, person: Mapping[str, bool] | None, age: int | None) -> tuple[object, ...]:
    """What a person's answers change on a care plan: its "when to get more help" lines and its warning signs."""
    plan = care_plan(kb, cause, person=person, age=age)
    return tuple((e.level, e.then) for e in plan.escalation), plan.warnings


def care_for(kb: Knowledge | None, cause: str, findings: Mapping[str, bool], unsure: Collection[str],
             age: int | None) -> CareFor | None:
    """The fewest of a person's answers that file the cause's care plan as their result files it (walkthrough Z,
    Tariq: his not-sure start makes a slowly weakening hand a doctor today); None when the plan for anyone says the
    same. A result's care command and link pass them, so the plan needs nothing stored."""
    kb = kb or load()
    target = _filing(kb, cause, findings, age)
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


def _speed(kb: Knowledge, level: str) -> str:
    """A level's speed as the start of a care line: its title, the words the result's banner uses ("See a doctor
    today.")."""
    return f"{kb.triage.levels[level].title.rstrip('.')}."  # type: ignore[index]


def care_plan(kb: Knowledge | None, cause: str, answers: Mapping[str, bool] | None = None, sex: str | None = None,
              age: int | None = None, foot_sore: bool = False, person: Mapping[str, bool] | None = None) -> CarePlan:
    """The care plan for a cause ID, for anyone or (with `answers`) for one person; raises UnknownCause with suggestions.
    `foot_sore`: the person's result leads with the foot sore they reported, so a step worded for it says so.
    `person`: answers that file its warning signs only (default: `answers`), at the level the result's watch lines
    give them for that person (`numbwise care` for the cause a latest check named, walkthrough Y, Tariq)."""
    from numbwise.assess.warnings import filed_level, if_not_known
    from numbwise.kb.headings import level_of

    kb = kb or load()
    person = answers if person is None else person
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
        do = s.on_care_page if answers is None and s.on_care_page else s.do  # no answers: the care plan page
        do = s.with_foot_sore if foot_sore and answers is not None and s.with_foot_sore else do  # under the foot banner
        do = next((n.do_if_yes for n in notes if n.do_if_yes and answers and answers.get(n.about)), do)
        steps.append(PlanStep(s.treatment, kb.treatments[s.treatment].name if s.treatment else None,
                              " ".join([do, *(n.said_yes if n.said_yes and answers and answers.get(n.about) else n.text
                                                for n in notes)]),
                              next((t for r, t in s.how_long_with_rule.items() if r in decided), s.how_long),
                              refs(list(s.sources) + [sid for n in notes for sid in n.sources]), s.while_waiting))
    ask_doctor = tuple(PlanOffer(x.text, refs(x.sources)) for x in entry.ask_doctor
                       if answers is None or x.about is None or answers.get(x.about) is not False)
    escalation = []
    for e in entry.escalate:
        level = filed_level(rule_levels[e.rule], e.said, person, age) if e.rule else None
        speed = f"{_speed(kb, level)} " if level else ""
        # for anyone, the speed a not-known start would give it too (walkthrough Z, Tariq)
        both = if_not_known(rule_levels[e.rule], e.said) if e.rule and person is None else ""
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
        foods = b12_table(kb)
        foods_refs = refs([kb.foods.pin.source])
    name = kb.causes[cid].name if cid in kb.causes else kb.vocabulary.causes[cid]
    return CarePlan(
        cid, name, kind, entry.summary, entry.home_summary or entry.summary, summary_refs, tuple(steps), tuple(escalation),
        grouped(kb, warnings, filed, anyone_words(kb) if person is None else None), warning_refs,
        routine, foods, foods_refs, tuple(kb.sources[s] for s in order), tuple(order), ask_doctor,
    )
