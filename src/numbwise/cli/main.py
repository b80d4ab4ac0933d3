"""The `numbwise` command: thin click shells over the core; errors become clear messages and exit codes."""

from __future__ import annotations

import sys

import click

from numbwise import __version__
from numbwise.exitcodes import ExitCode

# Each command's module is imported only when that command runs (or help lists it), so a
# one-line `numbwise log` does not pay for the web app, the report or the player.
COMMANDS: dict[str, str] = {
    "check": "numbwise.cli.check_cmd:check_command",
    "assess": "numbwise.cli.assess_cmd:assess_command",
    "parse": "numbwise.cli.parse_cmd:parse_command",
    "learn": "numbwise.cli.learn_cmd:learn_command",
    "foods": "numbwise.cli.learn_cmd:foods_command",
    "care": "numbwise.cli.care_cmd:care_command",
    "exercise": "numbwise.cli.exercise_cmd:exercise_command",
    "stats": "numbwise.cli.stats_cmd:stats_command",
    "remind": "numbwise.cli.remind_cmd:remind_command",
    "log": "numbwise.cli.log_cmd:log_command",
    "history": "numbwise.cli.history_cmd:history_group",
    "score": "numbwise.cli.score_cmd:score_command",
    "report": "numbwise.cli.report_cmd:report_command",
    "export": "numbwise.cli.data_cmd:export_command",
    "import": "numbwise.cli.data_cmd:import_command",
    "backup": "numbwise.cli.data_cmd:backup_command",
    "doctor": "numbwise.cli.doctor_cmd:doctor_command",
    "serve": "numbwise.cli.serve_cmd:serve_command",
    "kb": "numbwise.cli.kb_cmd:kb_group",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        import importlib

        module, attr = target.split(":")
        command: click.Command = getattr(importlib.import_module(module), attr)
        return command


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


@click.group(cls=LazyGroup, help=HELP, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--plain", is_flag=True, envvar="NUMBWISE_PLAIN", help="Plain text: no boxes or colour (for screen readers).")
@click.option(
    "--db",
    metavar="PATH|URL",
    envvar="NUMBWISE_DB",
    default=None,
    help="Where the diary lives: a SQLite file (a path, or sqlite:///PATH; default: in your data folder) or "
         "postgresql+psycopg://...",
)
@click.version_option(__version__, prog_name="numbwise")
@click.pass_context
def cli(ctx: click.Context, plain: bool, db: str | None) -> None:
    ctx.ensure_object(dict)
    ctx.obj["plain"] = plain
    ctx.obj["db"] = db




def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code instead of raising."""
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
    except KeyboardInterrupt:
        click.echo("\nStopped.", err=True)
        return ExitCode.INTERRUPTED
    except Exception as exc:
        loader = sys.modules.get("numbwise.kb.loader")  # not loaded means it cannot be a knowledge error
        if loader is not None and isinstance(exc, loader.KnowledgeError):
            click.echo("Error: the knowledge base is broken:", err=True)
            for line in exc.problems:
                click.echo(f"  {line}", err=True)
            return ExitCode.PROBLEM
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
