"""`numbwise learn` and `numbwise foods`: read the knowledge base as pages."""

from __future__ import annotations

import click

from numbwise.cli.console import make_console, plain_from
from numbwise.exitcodes import ExitCode


class UnknownTopicFailure(click.ClickException):
    """An unknown cause or treatment ID: exit 2 with suggestions."""

    exit_code = ExitCode.BAD_INPUT


@click.command("learn", epilog="""\b
Examples:
  numbwise learn                 list every cause and treatment
  numbwise learn carpal_tunnel   one cause
  numbwise learn splints         one of the seven ways
  numbwise learn tendon_gliding  one exercise: steps, how much, cautions
""")
@click.argument("topic", required=False)
@click.pass_context
def learn_command(ctx: click.Context, topic: str | None) -> None:
    """Read about a cause, a treatment or an exercise. Without TOPIC, list them all."""
    from numbwise.cli.render import notice, show_page
    from numbwise.pages import UnknownTopic, exercise_topics, page, topics

    plain = plain_from(ctx)
    console = make_console(plain)
    if topic is None:
        causes, treatments = topics()
        groups = (("Causes", causes), ("The seven ways to treat it", treatments), ("Exercises", exercise_topics()))
        for title, rows in groups:
            if plain:
                console.print(title.upper())
                for tid, name, short in rows:
                    console.print(f"  {tid}: {name}. {short}")
            else:
                from rich.table import Table

                table = Table(title=title, title_justify="left", show_lines=False)
                table.add_column("ID (numbwise learn ID)", style="bold", no_wrap=True)
                table.add_column("Name")
                table.add_column("In short")
                for tid, name, short in rows:
                    table.add_row(tid, name, short)
                console.print(table)
            console.print()
        notice(console, plain)
        return
    try:
        found = page(topic)
    except UnknownTopic as exc:
        raise UnknownTopicFailure(str(exc)) from None
    show_page(console, found, plain)


@click.command("foods", epilog="""\b
Examples:
  numbwise foods                 the table, with boxes and colour
  numbwise --plain foods         the same as plain text, for screen readers
""")
@click.pass_context
def foods_command(ctx: click.Context) -> None:
    """Vitamin B12 in everyday foods, daily needs, and who is at risk of running low."""
    from numbwise.cli.render import notice
    from numbwise.foods import b12_table

    plain = plain_from(ctx)
    console = make_console(plain)
    t = b12_table()
    console.print(t.intro)
    console.print()
    if plain:
        console.print("VITAMIN B12 PER SERVING")
        for row in t.rows:
            console.print(f"  {row.name} ({row.serving}): {row.amount} mcg, {row.percent_dv} of the daily value{'. ' + row.note if row.note else ''}")
    else:
        from rich.table import Table

        table = Table(title="Vitamin B12 per serving", title_justify="left")
        table.add_column("Food", style="bold")
        table.add_column("Serving")
        table.add_column("mcg", justify="right")
        table.add_column("% daily value", justify="right")
        table.add_column("Chart")
        table.add_column("Note")
        for row in t.rows:
            table.add_row(row.name, row.serving, row.amount, row.percent_dv, row.bar, row.note or "")
        console.print(table)
    console.print()
    console.print("HOW MUCH YOU NEED EACH DAY" if plain else "[bold underline]How much you need each day[/bold underline]")
    for need in t.needs:
        console.print(f"  {need.life_stage}: {need.mcg:g} mcg")
    console.print(f"  {t.needs_note}")
    console.print()
    console.print("WHO MAY RUN LOW" if plain else "[bold underline]Who may run low[/bold underline]")
    for risk in t.at_risk:
        console.print(f"  - {risk.group}: {risk.why}")
    console.print()
    console.print(f"Source: {t.pinned}")
    console.print()
    notice(console, plain)
