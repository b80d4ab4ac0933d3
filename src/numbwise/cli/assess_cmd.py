"""`numbwise assess`: the benchmark-facing symptom check over case files."""

from __future__ import annotations

import json

import click

from numbwise.cli.console import plain_from
from numbwise.exitcodes import ExitCode

EPILOG = """\b
Examples:
  numbwise assess --case my-case.json
  numbwise assess --case a.json --case b.json --format jsonl
  numbwise assess --case my-case.json --format text
  numbwise assess --case my-case.json --format plan     the result plan people see, as JSON
  echo '{"age": 50, "findings": {"numb_thumb": true}}' | numbwise assess --case -
  numbwise assess --text "I'm 52, my thumb and first two fingers tingle at night"

A case is a JSON object with "age", "sex" and "findings", and "unsure": the findings answered
'not sure' (see docs/cases.md).
"""


class CaseFailure(click.ClickException):
    """A malformed case: exit 2 with the file and key named."""

    exit_code = ExitCode.BAD_INPUT


@click.command("assess", epilog=EPILOG)
@click.option("--case", "cases", multiple=True, metavar="FILE",
              help="A case as a JSON file ('-' reads standard input). Repeat for many cases.")
@click.option("--text", "text", metavar="TEXT", default=None,
              help="Instead of a case: a description in your own words (see numbwise parse).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text", "plan"]), default="json", show_default=True,
              help="json: one object (an array for many cases); jsonl: one object per line; text: for people; "
                   "plan: the result plan people see, as JSON (as POST /api/result).")
@click.pass_context
def assess_command(ctx: click.Context, cases: tuple[str, ...], text: str | None, fmt: str) -> None:
    """Assess one or more cases: urgency level, red flags, ranked causes and reasons."""
    from numbwise.assess import CaseError, assess_case
    from numbwise.assess.case import Told, read_saved
    from numbwise.assess.engine import home_care_unless_unsure

    if bool(cases) == (text is not None):
        raise click.UsageError("give one or more --case files, or one --text description")
    if text is not None:
        from numbwise.cli.parse_cmd import read_text
        from numbwise.parse import assessed, parse

        results = [assessed(parse(read_text(text)))]  # words alone: never self-care
        unsure: list[tuple[str, ...]] = [()]
        told = [Told()]
    else:
        try:
            parsed = [read_saved(path) for path in cases]  # validate everything before printing anything
        except CaseError as exc:
            raise CaseFailure(str(exc)) from None
        # a 'not sure' sign rules out home care, as the check itself and POST /api/result decide
        results = [home_care_unless_unsure(assess_case(c), frozenset(u)) for c, u, _ in parsed]
        unsure = [u for _, u, _ in parsed]
        told = [t for _, _, t in parsed]  # a saved check's taken-back line and the like: the result it showed
    out = click.get_text_stream("stdout")
    if fmt == "jsonl":
        out.write("".join(json.dumps(r.to_dict()) + "\n" for r in results))
    elif fmt == "plan":
        from numbwise.assess.result import result_plan

        plans = [result_plan(r, u, t.marks, t.taken_back, t.listed_none).to_dict()
                 for r, u, t in zip(results, unsure, told)]
        out.write(json.dumps(plans[0] if len(plans) == 1 else plans, indent=2) + "\n")
    elif fmt == "json":
        payload = results[0].to_dict() if len(results) == 1 else [r.to_dict() for r in results]
        out.write(json.dumps(payload, indent=2) + "\n")
    else:
        from numbwise.cli.console import make_console
        from numbwise.cli.render import show_assessment

        plain = plain_from(ctx)
        console = make_console(plain)
        for i, r in enumerate(results):
            if i:
                console.rule()
            show_assessment(console, r, plain, unsure=unsure[i], marks=told[i].marks, taken_back=told[i].taken_back,
                            listed_none=frozenset(told[i].listed_none))
