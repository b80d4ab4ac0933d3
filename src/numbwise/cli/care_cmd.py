"""`numbwise care`: the care plan for a cause, or for the cause the latest check named as the most likely."""

from __future__ import annotations

import click

from numbwise.cli.console import make_console, plain_from
from numbwise.exitcodes import ExitCode


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
            "No check is stored yet. Run 'numbwise check' first, or name a cause, "
            "for example 'numbwise care carpal_tunnel'. 'numbwise learn' lists the causes."
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


@click.command("care", epilog="""\b
Examples:
  numbwise care                  plan for the cause your latest check named
  numbwise care carpal_tunnel    plan for one cause
  numbwise care ulnar_neuropathy --json
""")
@click.argument("cause", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the plan as JSON.")
@click.pass_context
def care_command(ctx: click.Context, cause: str | None, as_json: bool) -> None:
    """What to try first for a cause, for how long, and when to get more help."""
    from numbwise.care.plan import UnknownCause, care_plan

    if cause is None:
        cause = latest_named_cause((ctx.find_root().obj or {}).get("db"))
    try:
        plan = care_plan(None, cause)
    except UnknownCause as exc:
        raise CareFailure(str(exc)) from None
    if as_json:
        import json

        click.echo(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False))
        return
    from numbwise.cli.render import show_care_plan

    show_care_plan(make_console(plain_from(ctx)), plan, plain_from(ctx))
