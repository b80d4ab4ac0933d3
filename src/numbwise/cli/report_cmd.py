"""`numbwise report`: a thin shell that reads the diary, renders the doctor's PDF and writes it safely."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from numbwise.dates import day
from numbwise.files import write_atomic
from numbwise.exitcodes import ExitCode

HELP = """Make a PDF report of your hand diary for a doctor.

Page one is a summary a doctor can read in a minute: how long, how often, how bad, which fingers,
the latest symptom check and any warning signs, score trends, what you tried, and questions to ask.
Then come the charts, then every diary day.

\b
Examples:
  numbwise report                                  # the last 90 days, into report.pdf
  numbwise report --from 2026-04-01 --to 2026-06-30 --out hands.pdf
  numbwise report --demo --out demo.pdf            # a made-up 90-day diary, to see what it looks like
  numbwise report --charts-dir charts/             # also save each chart as SVG and PNG
"""


def _parse_date(label: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; use YYYY-MM-DD, for example 2026-04-01", param_hint=label) from None


def _load(ctx: click.Context, demo: bool, start: dt.date, end: dt.date) -> Any:
    if demo:
        import random

        from numbwise.report.demo import demo_data

        return demo_data(random.Random(1993), end=end)
    try:
        from numbwise.diary.store import open_store
    except ImportError:
        raise click.ClickException("the diary is not part of this build yet; try `numbwise report --demo`") from None
    from numbwise.report.data import snapshot

    root = ctx.find_root()
    with open_store(root.obj.get("db") if root.obj else None, create=False) as store:
        return snapshot(store, start, end)


@click.command("report", help=HELP)
@click.option("--from", "from_", metavar="DATE", help="First day (YYYY-MM-DD). Default: 89 days before --to.")
@click.option("--to", "to", metavar="DATE", help="Last day (YYYY-MM-DD). Default: today.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.pdf"), show_default=True,
              help="Where to write the PDF.")
@click.option("--force", is_flag=True, help="Overwrite --out and chart files in --charts-dir if they exist.")
@click.option("--charts-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write each chart as SVG and PNG into this folder.")
@click.option("--demo", is_flag=True, help="Use a made-up 90-day diary instead of yours.")
@click.pass_context
def report_command(
    ctx: click.Context,
    from_: str | None,
    to: str | None,
    out: Path,
    force: bool,
    charts_dir: Path | None,
    demo: bool,
) -> None:
    from numbwise.cli.console import make_console, plain_from

    world = ctx.find_root().obj or {}
    today: Callable[[], dt.date] = world.get("today", dt.date.today)  # tests set a fixed day
    clock: Callable[[], float] = world.get("clock", time.perf_counter)

    end = _parse_date("--to", to) or (dt.date(2026, 6, 30) if demo and not to else today())
    start = _parse_date("--from", from_) or end - dt.timedelta(days=89)
    if start > end:
        raise click.BadParameter(f"--from {day(start)} is after --to {day(end)}", param_hint="--from")
    clipped = None
    if not demo and start > today():
        raise click.BadParameter(f"the period starts on {day(start)}, after today ({day(today())}); there is nothing to report yet",
                                 param_hint="--from")
    if not demo and end > today():
        clipped, end = end, today()
    if (end - start).days > 3660:
        raise click.BadParameter("the period is longer than ten years; choose a shorter one", param_hint="--from")
    if out.exists() and not force:
        raise click.BadParameter(f"{out} already exists; choose another name or add --force", param_hint="--out")
    if not out.parent.is_dir():
        raise click.BadParameter(f"the folder {out.parent} does not exist", param_hint="--out")
    if charts_dir is not None and charts_dir.exists() and not charts_dir.is_dir():
        raise click.BadParameter(f"{charts_dir} is not a folder", param_hint="--charts-dir")
    if charts_dir is not None and charts_dir.is_dir() and not force:
        from numbwise.report.charts import CHART_IDS

        taken = [f"{c}.{ext}" for c in CHART_IDS for ext in ("svg", "png") if (charts_dir / f"{c}.{ext}").exists()]
        if taken:
            raise click.BadParameter(f"{charts_dir} already holds {', '.join(taken)}; choose another folder or add --force",
                                     param_hint="--charts-dir")

    plain = plain_from(ctx)
    err = make_console(plain, stderr=True)
    if clipped is not None:
        err.print(f"The period you asked for ends on {day(clipped)}, after today, so the report runs to today, {day(end)}.",
                  markup=False)
    began = clock()
    data = _load(ctx, demo, start, end)
    if data.is_empty():
        err.print(f"Nothing was logged between {day(start)} and {day(end)}, so there is no report to make and no file was written.",
                  markup=False)
        ctx.exit(ExitCode.PROBLEM)

    from numbwise.kb import load
    from numbwise.report.pdf import render_pdf
    from numbwise.report.summary import kb_mic

    kb = load()
    made_on = end if demo else today()  # the demo diary is dated as if made on its last day
    if plain:
        rendered = render_pdf(data, kb, made_on=made_on, mic=kb_mic(kb), progress=lambda m: err.print(f"{m}..."))
    else:
        with err.status("Making the report...") as status:
            rendered = render_pdf(data, kb, made_on=made_on, mic=kb_mic(kb), progress=lambda m: status.update(f"{m}..."))
    write_atomic(out, rendered.pdf)
    if charts_dir is not None:
        charts_dir.mkdir(parents=True, exist_ok=True)
        for chart in rendered.charts:
            write_atomic(charts_dir / f"{chart.id}.svg", chart.svg.encode())
            write_atomic(charts_dir / f"{chart.id}.png", chart.png())
    pages = rendered.pages
    out_console = make_console(plain)
    out_console.print(f"Wrote {out} ({pages} pages, {day(start)} to {day(end)}) in {clock() - began:.1f} s.", markup=False)
    if charts_dir is not None:
        out_console.print(f"Charts: {len(rendered.charts)} as SVG and PNG in {charts_dir}")

