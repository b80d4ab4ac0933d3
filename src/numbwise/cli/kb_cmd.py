"""`numbwise kb check`: validate the knowledge base and print its figures."""

from __future__ import annotations

import click

from numbwise.exitcodes import ExitCode


@click.group("kb", epilog="""\b
Examples:
  numbwise kb check                          check the packaged knowledge base
  numbwise kb check --folder my/knowledge    check an edited copy before you send it
""")
def kb_group() -> None:
    """Look after the knowledge base (for maintainers)."""


@click.command("check", epilog="""\b
Examples:
  numbwise kb check                          validate every file, print the figures
  numbwise kb check --folder my/knowledge    check an edited copy; exit 1 on any problem
""")
@click.option("--folder", type=click.Path(exists=True, file_okay=False), help="Check this knowledge folder instead of the packaged one.")
@click.pass_context
def check_kb_command(ctx: click.Context, folder: str | None) -> None:
    """Validate every knowledge file; print coverage, sources and reading level; exit 1 on any problem."""
    from pathlib import Path

    from numbwise.kb.check import check

    report = check(Path(folder) if folder else None)
    for line in report.lines:
        click.echo(line)
    if report.problems:
        click.echo()
        click.echo(f"{len(report.problems)} problem(s):")
        for p in report.problems:
            click.echo(f"  {p}")
        ctx.exit(ExitCode.PROBLEM)
    click.echo("OK: the knowledge base passes every check.")


kb_group.add_command(check_kb_command)
