"""The `numbwise` command: thin click shells over the core; errors become clear messages and exit codes."""

from __future__ import annotations

import sys

import click

from numbwise import __version__
from numbwise.cli.assess_cmd import assess_command
from numbwise.cli.care_cmd import care_command
from numbwise.cli.check_cmd import check_command
from numbwise.cli.data_cmd import backup_command, export_command, import_command
from numbwise.cli.history_cmd import history_group
from numbwise.cli.exercise_cmd import exercise_command
from numbwise.cli.kb_cmd import kb_group
from numbwise.cli.learn_cmd import foods_command, learn_command
from numbwise.cli.log_cmd import log_command
from numbwise.cli.report_cmd import report_command
from numbwise.cli.remind_cmd import remind_command
from numbwise.cli.serve_cmd import serve_command
from numbwise.cli.score_cmd import score_command
from numbwise.cli.stats_cmd import stats_command
from numbwise.exitcodes import ExitCode

HELP = """Numb or tingling hands: how urgent it is, what is likely behind it, and what helps.

\b
Examples to start with:
  numbwise check                 answer a few questions (about 5 minutes)
  numbwise learn                 list the causes and the ways to treat them
  numbwise learn carpal_tunnel   read about one cause or treatment
  numbwise foods                 vitamin B12 in everyday foods
  numbwise log -s 5              note how numb your hands are now (numbwise history lists it)
  numbwise exercise              a guided hand-exercise session
  numbwise stats                 your sessions, breaks and streaks

numbwise is not a diagnosis. In an emergency, call your local emergency number.
"""


@click.group(help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--plain", is_flag=True, envvar="NUMBWISE_PLAIN", help="Plain text: no boxes or colour (for screen readers).")
@click.option(
    "--db",
    metavar="URL",
    envvar="NUMBWISE_DB",
    default=None,
    help="Where the diary lives: a SQLite file (default, in your data folder) or postgresql+psycopg://...",
)
@click.version_option(__version__, prog_name="numbwise")
@click.pass_context
def cli(ctx: click.Context, plain: bool, db: str | None) -> None:
    ctx.ensure_object(dict)
    ctx.obj["plain"] = plain
    ctx.obj["db"] = db


cli.add_command(assess_command)
cli.add_command(check_command)
cli.add_command(learn_command)
cli.add_command(foods_command)
cli.add_command(kb_group)
cli.add_command(log_command)
cli.add_command(history_group)
cli.add_command(export_command)
cli.add_command(import_command)
cli.add_command(backup_command)
cli.add_command(report_command)
cli.add_command(remind_command)
cli.add_command(serve_command)
cli.add_command(score_command)
cli.add_command(care_command)
cli.add_command(exercise_command)
cli.add_command(stats_command)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code instead of raising."""
    from numbwise.kb import KnowledgeError

    try:
        code = cli.main(args=argv, prog_name="numbwise", standalone_mode=False)
        if isinstance(code, int):  # click returns ctx.exit()'s code instead of raising
            return code
    except click.exceptions.Abort:
        click.echo("\nStopped.", err=True)
        return ExitCode.INTERRUPTED
    except click.ClickException as exc:
        exc.show()
        return ExitCode.BAD_INPUT if exc.exit_code == 2 else exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KnowledgeError as exc:
        click.echo("Error: the knowledge base is broken:", err=True)
        for line in exc.problems:
            click.echo(f"  {line}", err=True)
        return ExitCode.PROBLEM
    except KeyboardInterrupt:
        click.echo("\nStopped.", err=True)
        return ExitCode.INTERRUPTED
    except Exception as exc:
        code = _store_error_code(exc)
        if code is None:
            raise
        click.echo(f"Error: {exc}", err=True)
        return code
    return ExitCode.OK


def _store_error_code(exc: Exception) -> int | None:
    """The exit code for a diary store error that a command let through (bad input 2, else 1); None for others."""
    store = sys.modules.get("numbwise.diary.store")  # not loaded means it cannot be a store error
    if store is None or not isinstance(exc, store.StoreError):
        return None
    return int(ExitCode.BAD_INPUT if isinstance(exc, store.BadRequest) else ExitCode.PROBLEM)


if __name__ == "__main__":
    sys.exit(main())
