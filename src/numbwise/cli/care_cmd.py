"""`numbwise care`: the care plan for a cause, or for the top cause of the latest check."""

from __future__ import annotations

import click

from numbwise.cli.console import make_console, plain_from
from numbwise.exitcodes import ExitCode


class CareFailure(click.ClickException):
    """An unknown cause the person typed: bad input, exit 2 with what to do."""

    exit_code = ExitCode.BAD_INPUT


class NothingToPlan(click.ClickException):
    """No cause named and no stored check: nothing was typed wrong, so exit 1 (a problem), not 2."""

    exit_code = ExitCode.PROBLEM


def latest_top_cause(db: str | None) -> str | None:
    """The top cause of the latest stored check, or None when there is none (or no diary yet)."""
    from numbwise.diary.store import open_store

    with open_store(db, create=False) as store:
        record = store.latest_check()
    if record is None:
        return None
    causes = record.result.get("causes") or []
    return str(causes[0]["id"]) if causes else None


@click.command("care", epilog="""\b
Examples:
  numbwise care                  plan for the top cause of your latest check
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
        cause = latest_top_cause((ctx.find_root().obj or {}).get("db"))
        if cause is None:
            raise NothingToPlan(
                "No check is stored yet. Run 'numbwise check' first, or name a cause, "
                "for example 'numbwise care carpal_tunnel'. 'numbwise learn' lists the causes."
            )
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
