"""`numbwise care`: the care plan for a cause, or for the cause the latest check named as the most likely."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from numbwise.cli.console import make_console, plain_from
from numbwise.exitcodes import ExitCode

if TYPE_CHECKING:
    from numbwise.care.plan import CareFor


class CareFailure(click.ClickException):
    """An unknown cause the person typed: bad input, exit 2 with what to do."""

    exit_code = ExitCode.BAD_INPUT


class NothingToPlan(click.ClickException):
    """No cause named, and no stored check or one whose result named no cause: nothing was typed wrong, so exit 1
    (a problem), not 2."""

    exit_code = ExitCode.PROBLEM


def latest_named_cause(db: str | None) -> str:
    """The cause the latest stored check's result named as the leading one; NothingToPlan when there is no check,
    or when its result named none (an emergency, or "We can't tell yet"): its plan would say more than the result."""
    from numbwise.assess.result import named_cause, saved_act, saved_level
    from numbwise.diary.store import open_store
    from numbwise.kb import load

    with open_store(db, create=False) as store:
        record = store.latest_check()
    if record is None:
        raise NothingToPlan(
            "No check is stored yet (a check run with --no-diary is not kept). Run 'numbwise check' first, or "
            "name a cause, for example 'numbwise care carpal_tunnel'. 'numbwise learn' lists the causes. A result's "
            "own care command (under 'What next') opens its plan for your answers."
        )
    cause = named_cause(record.result, record.case)
    if cause is not None:
        return cause
    level = saved_level(record.result)
    words = saved_act(level, record.case) if level is not None else None
    title = words[0] if words is not None else load().triage.levels[level].title if level is not None else None
    said = f" (it said: {title.rstrip('.')})" if title else ""
    if level == "emergency":
        raise NothingToPlan(f"Your latest check found signs that need care first{said}. There is no home plan to "
                            "follow: do what it said. 'numbwise learn' lists the causes.")
    raise NothingToPlan(f"Your latest check could not tell yet what is causing the numbness{said}, so there is no "
                        "plan for one cause. Name a cause to read its plan; 'numbwise learn' lists the causes.")


def latest_person(db: str | None, cause: str) -> tuple[dict[str, bool], int | None, str | None, CareFor | None] | None:
    """The answers and age of the latest stored check when its result named this cause, else None: the plan's warning
    signs are then filed for that person, as the result's own watch lines are (walkthrough Y, Tariq: "see a doctor
    today if your hand slowly gets weak" on his result, "see a GP soon" on the care plan it pointed to). Third, all its
    answers, so the plan says that result's top first, when they give the level it saved (else None: no top)."""
    from numbwise.assess.case import SEXES
    from numbwise.assess.result import named_cause, saved_level
    from numbwise.care.plan import CareFor, result_top
    from numbwise.diary.store import NoDiary, open_store

    try:
        with open_store(db, create=False) as store:
            record = store.latest_check()
    except NoDiary:  # a named diary that is not there: the plan for anyone, as before there was a check
        return None
    if record is None or named_cause(record.result, record.case) != cause:
        return None
    findings = {str(k): v for k, v in (record.case.get("findings") or {}).items() if isinstance(v, bool)}
    age = record.case.get("age")
    years = age if isinstance(age, int) and not isinstance(age, bool) else None
    unsure = record.case.get("unsure")
    days = record.case.get("days_so_far")
    sex = record.case.get("sex")
    full = CareFor(tuple(f for f, v in findings.items() if v), tuple(f for f, v in findings.items() if not v),
                   tuple(sorted(str(u) for u in unsure if u not in findings)) if isinstance(unsure, list) else (), years,
                   float(days) if isinstance(days, (int, float)) and not isinstance(days, bool) else None,
                   sex if sex in SEXES else None)
    top = result_top(full)
    return findings, years, full.sex, full if top is not None and top.level == saved_level(record.result) else None


@click.command("care", epilog="""\b
Examples:
  numbwise care                  plan for the cause your latest check named
  numbwise care carpal_tunnel    plan for one cause
  numbwise care ulnar_neuropathy --json
  numbwise care cervical_radiculopathy --unsure onset_sudden --days 8
                                 for your answers, as your result printed it:
                                 what your result said comes first
""")
@click.argument("cause", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@click.option("--yes", "yes", metavar="IDS", help="Answers that were yes (finding IDs, comma-separated), as a result's care command gives them.")
@click.option("--no", "no", metavar="IDS", help="Answers that were no.")
@click.option("--unsure", "unsure", metavar="IDS", help="Answers you were not sure of.")
@click.option("--age", "age", metavar="YEARS", help="Your age in years.")
@click.option("--sex", "sex", metavar="SEX", help="female or male, as a result's care command gives it.")
@click.option("--days", "days", metavar="DAYS", help="How many days you have had it, as a result's care command gives it.")
@click.pass_context
def care_command(ctx: click.Context, cause: str | None, as_json: bool, yes: str | None, no: str | None,
                 unsure: str | None, age: str | None, days: str | None, sex: str | None) -> None:
    """What to try first for a cause, for how long, and when to get more help."""
    from numbwise.care.plan import (BadAnswers, UnknownCause, care_plan, plan_for, read_care_for, said_by_result,
                                    top_floor)

    db = (ctx.find_root().obj or {}).get("db")
    try:
        given = read_care_for(yes, no, unsure, age, days=days, sex=sex)
    except BadAnswers as exc:
        raise CareFailure(str(exc)) from None
    if cause is None:
        cause = latest_named_cause(db)
    try:
        # the answers a result's care command carries (walkthrough Z, Tariq, with --no-diary): its lines for them,
        # its signs filed for them and that result's top first (walkthrough AF, Zoe), as the web's link opens it
        plan = plan_for(None, cause, given)
    except UnknownCause as exc:
        raise CareFailure(str(exc)) from None
    person = latest_person(db, plan.cause) if given is None else None
    if person is not None:  # the cause the latest check named: its lines for that person (no pregnancy line for a boy
        # of 14, walkthrough AN, Amir), its signs filed for them, its top first
        findings, years, sex, full = person
        plan = said_by_result(None, care_plan(None, plan.cause, findings, sex, years, person=findings, page=True,
                                              floor=top_floor(full)), full)
    if as_json:
        import json

        click.echo(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False))
        return
    from numbwise.cli.render import show_care_plan

    show_care_plan(make_console(plain_from(ctx)), plan, plain_from(ctx))
