"""`numbwise stats`: days active, streaks, sessions done / partly / skipped and breaks taken / snoozed / skipped."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

import click

from numbwise.cli.console import make_console, plain_from
from numbwise.dates import day
from numbwise.exitcodes import ExitCode

if TYPE_CHECKING:
    from rich.console import Console

    from numbwise.care.stats import BreakTally, SessionTally, Stats

EPILOG = """\b
Examples:
  numbwise stats                the last 8 weeks
  numbwise stats --weeks 12
  numbwise stats --json         for scripts
  numbwise --plain stats        no chart characters, for screen readers
"""
BAR = 24  # chart width in characters for the busiest week


class StatsFailure(click.ClickException):
    """The diary could not be read."""

    exit_code = ExitCode.PROBLEM


def _sessions_text(t: SessionTally) -> str:
    return f"{t.done} done, {t.partly} partly, {t.skipped} skipped"


def _breaks_text(t: BreakTally) -> str:
    return f"{t.taken} taken, {t.snoozed} snoozed, {t.skipped} skipped"


def _counts(t: SessionTally | BreakTally) -> tuple[int, int, int]:
    """Full, middle and skipped counts: done/partly/skipped for sessions, taken/snoozed/skipped for breaks."""
    from numbwise.care.stats import SessionTally

    if isinstance(t, SessionTally):
        return t.done, t.partly, t.skipped
    return t.taken, t.snoozed, t.skipped


def _plain(console: Console, s: Stats) -> None:
    def p(text: str) -> None:
        console.print(text, markup=False, highlight=False, soft_wrap=True)

    p(f"Days active: {s.total_active_days}")
    p(f"Current streak: {s.current_streak} day{'s' if s.current_streak != 1 else ''}")
    p(f"Longest streak: {s.longest_streak} day{'s' if s.longest_streak != 1 else ''}")
    p(f"Last active: {day(s.last_active) if s.last_active else 'never'}")
    p(f"Sessions: {_sessions_text(s.sessions)}")
    p(f"Breaks: {_breaks_text(s.breaks)}")
    p("")
    p(f"PER WEEK (last {len(s.weeks)}, this week last)")
    for w in s.weeks:
        p(f"{w.label}: {w.active_days} active day{'s' if w.active_days != 1 else ''}; "
          f"sessions {_sessions_text(w.sessions)}; breaks {_breaks_text(w.breaks)}")


def _bar(t: SessionTally | BreakTally, scale: float) -> str:
    """A stacked bar in Rich markup: done or taken (green), partly or snoozed (yellow), skipped (red)."""
    def n(x: int) -> int:
        return 0 if x == 0 else max(1, round(x * scale))

    full, middle, skipped = _counts(t)
    return f"[green]{'█' * n(full)}[/][yellow]{'▒' * n(middle)}[/][red]{'░' * n(skipped)}[/]"


def _rich(console: Console, s: Stats) -> None:
    from rich.panel import Panel
    from rich.table import Table

    summary = Table.grid(padding=(0, 2))
    summary.add_column(style="bold")
    summary.add_column()
    summary.add_row("Days active", str(s.total_active_days))
    summary.add_row("Current streak", f"{s.current_streak} day{'s' if s.current_streak != 1 else ''}")
    summary.add_row("Longest streak", f"{s.longest_streak} day{'s' if s.longest_streak != 1 else ''}")
    summary.add_row("Last active", day(s.last_active) if s.last_active else "never")
    summary.add_row("Sessions", _sessions_text(s.sessions))
    summary.add_row("Breaks", _breaks_text(s.breaks))
    console.print(Panel(summary, title="Your exercise record", title_align="left", expand=False))
    busiest = max([sum(_counts(w.sessions)) for w in s.weeks] + [sum(_counts(w.breaks)) for w in s.weeks] + [1])
    scale = min(1.0, BAR / busiest)
    table = Table(title=f"Per week (last {len(s.weeks)})", title_justify="left", box=None, padding=(0, 1))
    table.add_column("Week", no_wrap=True)
    table.add_column("Days", justify="right")
    table.add_column("Sessions", no_wrap=True)
    table.add_column("", justify="right", style="dim", no_wrap=True)
    table.add_column("Breaks", no_wrap=True)
    table.add_column("", justify="right", style="dim", no_wrap=True)
    for w in s.weeks:
        table.add_row(w.label, str(w.active_days),
                      _bar(w.sessions, scale), "/".join(map(str, _counts(w.sessions))),
                      _bar(w.breaks, scale), "/".join(map(str, _counts(w.breaks))))
    console.print(table)
    console.print("Sessions: [green]█[/] done  [yellow]▒[/] partly  [red]░[/] skipped (numbers: done/partly/skipped)")
    console.print("Breaks:   [green]█[/] taken  [yellow]▒[/] snoozed  [red]░[/] skipped (numbers: taken/snoozed/skipped)")


@click.command("stats", epilog=EPILOG)
@click.option("--weeks", type=click.IntRange(1, 104), default=8, show_default=True, help="How many weeks to show.")
@click.option("--json", "as_json", is_flag=True, help="The numbers as JSON.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True,
              help="Count as if today were this date (for tests and reports).")
@click.pass_context
def stats_command(ctx: click.Context, weeks: int, as_json: bool, today: dt.datetime | None) -> None:
    """Your exercise sessions and breaks: days active, streaks, and how each ended, per week."""
    from numbwise.care.stats import compute
    from numbwise.diary.store import BadRequest, open_store

    root = ctx.find_root()
    db = root.obj.get("db") if root.obj else None
    try:
        with open_store(db, create=False) as store:
            activities = store.activities()
    except BadRequest:
        raise  # a mistyped --db: bad input (exit 2), said by main()
    except Exception as exc:
        raise StatsFailure(f"could not read the diary: {exc}") from None
    day = today.date() if today else dt.datetime.now().astimezone().date()
    s = compute(activities, day, weeks)
    if as_json:
        click.echo(json.dumps(s.as_dict(), indent=2))
        return
    plain = plain_from(ctx)
    console = make_console(plain)
    if not activities:
        console.print("No sessions or breaks recorded yet. Start one with: numbwise exercise", markup=False)
    if plain:
        _plain(console, s)
    else:
        _rich(console, s)
