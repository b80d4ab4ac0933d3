"""The report's charts as deterministic SVG and PNG (matplotlib Agg, imported only here), each with a data table."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from numbwise.report.data import FINGERS, ReportData, local_date
from numbwise.report.summary import Summary, score_series

WIDTH_IN = 6.9
HEIGHT_IN = 2.5
INK = "#1a1a1a"
BLUE = "#1f5fa8"
ORANGE = "#c0580b"
GREY = "#8a8a8a"
OUTCOMES = (("done", "#2e7d32"), ("partial", "#9ccc65"), ("snoozed", "#f9a825"), ("skipped", "#bdbdbd"))


@dataclass(frozen=True)
class Table:
    """A small table of the numbers behind a chart, for people who cannot see it."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    """One chart: its title, a sentence saying what it shows, SVG text, PNG bytes and its data table."""

    id: str
    title: str
    alt: str
    svg: str
    png: bytes
    table: Table


def _weeks(data: ReportData) -> list[dt.date]:
    """The first day of each 7-day block of the period."""
    return [data.start + dt.timedelta(days=7 * i) for i in range((data.days + 6) // 7)]


def _week_of(data: ReportData, day: dt.date) -> int:
    return (day - data.start).days // 7


def _label(day: dt.date) -> str:
    return f"{day.day} {day:%b}"


@contextmanager
def _style() -> Iterator[Any]:
    """Agg backend, fixed SVG ids and fonts as text-free paths, so the same data gives the same bytes."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import rc_context

    with rc_context(
        {
            "svg.hashsalt": "numbwise",
            "svg.fonttype": "path",
            "font.family": "DejaVu Sans",
            "font.size": 8.5,
            "axes.edgecolor": GREY,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.titlesize": 9,
            "axes.labelcolor": INK,
            "xtick.color": INK,
            "ytick.color": INK,
            "legend.frameon": False,
            "legend.fontsize": 8,
        }
    ):
        from matplotlib.figure import Figure

        yield Figure


def _render(fig: Any) -> tuple[str, bytes]:
    svg = io.StringIO()
    fig.savefig(svg, format="svg", metadata={"Date": None}, bbox_inches="tight")
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    return svg.getvalue(), png.getvalue()


def severity_chart(data: ReportData, summary: Summary) -> Chart:
    """Each entry's severity by day, a weekly median line, and a marker where each treatment started."""
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for s in data.symptoms:
        d = local_date(s.at)
        if data.start <= d <= data.end:
            by_day[d].append(s.severity)
    weeks = _weeks(data)
    weekly: list[list[int]] = [[] for _ in weeks]
    for d, vals in by_day.items():
        weekly[_week_of(data, d)].extend(vals)
    with _style() as Figure:
        fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
        ax = fig.add_subplot()
        xs = [d for d, vals in sorted(by_day.items()) for _ in vals]
        ys = [v for _, vals in sorted(by_day.items()) for v in vals]
        ax.scatter(xs, ys, s=9, color=BLUE, alpha=0.35, linewidths=0, label="one entry")
        med = [(w + dt.timedelta(days=3), sorted(v)[len(v) // 2]) for w, v in zip(weeks, weekly) if v]
        if med:
            ax.plot([m[0] for m in med], [m[1] for m in med], color=BLUE, linewidth=2, label="weekly median")
        for i, t in enumerate(summary.tried):
            if data.start <= t.first <= data.end:
                ax.axvline(t.first, color=ORANGE, linewidth=1.2, linestyle="--")
                ax.text(t.first, 10.4 - 1.1 * (i % 2), f" {t.name} from {_label(t.first)}", color=ORANGE, fontsize=7.5, va="top")
        ax.set_ylim(0, 10.5)
        ax.set_xlim(data.start, data.end + dt.timedelta(days=1))
        ax.set_ylabel("severity (0-10)")
        _date_axis(ax)
        ax.legend(loc="upper right", ncols=2)
        svg, png = _render(fig)
    rows = tuple(
        (_label(w), str(len(v)), f"{sorted(v)[len(v) // 2]}" if v else "-", str(max(v)) if v else "-") for w, v in zip(weeks, weekly)
    )
    starts = ", ".join(f"{t.name} from {_label(t.first)}" for t in summary.tried) or "no treatments logged"
    alt = f"Severity of each entry over {data.days} days, with a weekly median; dashed lines mark treatment starts ({starts})."
    return Chart("severity", "How bad it was, day by day", alt, svg, png, Table(("week from", "entries", "median", "worst"), rows))


def _date_axis(ax: Any) -> None:
    from matplotlib.dates import DateFormatter, WeekdayLocator

    ax.xaxis.set_major_locator(WeekdayLocator(interval=2))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(DateFormatter("%d %b"))  # type: ignore[no-untyped-call]


def nights_chart(data: ReportData) -> Chart:
    """Nights woken by numbness in each week of the period."""
    weeks = _weeks(data)
    counts = [0] * len(weeks)
    for d in {local_date(s.at) for s in data.symptoms if s.woke}:
        if data.start <= d <= data.end:
            counts[_week_of(data, d)] += 1
    with _style() as Figure:
        fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN * 0.85))
        ax = fig.add_subplot()
        bars = ax.bar(range(len(weeks)), counts, color=BLUE, width=0.7)
        ax.bar_label(bars, fontsize=7.5, padding=1)
        ax.set_xticks(range(len(weeks)), [_label(w) for w in weeks], rotation=0, fontsize=7)
        ax.set_ylim(0, 7.8)
        ax.set_yticks(range(0, 8))
        ax.set_ylabel("nights woken")
        ax.set_xlabel("week starting")
        svg, png = _render(fig)
    alt = f"Nights woken each week: {', '.join(str(c) for c in counts)} (of 7)."
    return Chart("nights", "Nights woken by numbness, per week", alt, svg, png,
                 Table(("week from", "nights woken"), tuple((_label(w), str(c)) for w, c in zip(weeks, counts))))


def scores_chart(data: ReportData, summary: Summary, mic_note: str) -> Chart | None:
    """Each score scale over time; a shaded band of +/- the MIC around the first result when the MIC is known."""
    if not summary.scores:
        return None
    series = {k: [(local_date(at), v) for at, v in pts] for k, pts in score_series(data).items()}
    colours = (BLUE, ORANGE, "#2e7d32", "#6a1b9a")
    with _style() as Figure:
        fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
        ax = fig.add_subplot()
        lo, hi = 1e9, -1e9
        for i, t in enumerate(summary.scores):
            pts = series[(t.instrument, t.key, t.hand)]
            c = colours[i % len(colours)]
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", color=c, linewidth=2, label=t.name)
            for d, v in pts:
                ax.annotate(f"{v:g}", (d, v), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=7.5, color=c)
            lo, hi = min(lo, *(p[1] for p in pts)), max(hi, *(p[1] for p in pts))
            if t.mic is not None:
                ax.axhspan(t.first - t.mic.value, t.first + t.mic.value, color=c, alpha=0.12, linewidth=0)
                lo, hi = min(lo, t.first - t.mic.value), max(hi, t.first + t.mic.value)
        pad = max(0.3, (hi - lo) * 0.15)
        ax.set_ylim(lo - pad, hi + pad * 2)
        ax.set_xlim(data.start - dt.timedelta(days=2), data.end + dt.timedelta(days=2))
        ax.set_ylabel("score (lower is better)" if all(_lower(t) for t in summary.scores) else "score")
        _date_axis(ax)
        ax.legend(loc="upper right", ncols=2)
        svg, png = _render(fig)
    rows = []
    for t in summary.scores:
        for d, v in series[(t.instrument, t.key, t.hand)]:
            rows.append((t.name, _label(d), f"{v:g}", f"{t.mic.value:g}" if t.mic else "not known"))
    mic_known = any(t.mic for t in summary.scores)
    alt = "; ".join(f"{t.name}: {t.first:g} on {_label(t.first_at)} to {t.last:g} on {_label(t.last_at)}" for t in summary.scores)
    alt += ". " + (mic_note if mic_known else "No minimal important change is on file for these scales, so no band is drawn.")
    return Chart("scores", "Questionnaire scores", alt, svg, png, Table(("scale", "date", "score", "smallest change that matters"), tuple(rows)))


def _lower(t: Any) -> bool:
    return "lower" in t.range_text or t.range_text.startswith("1 (no")


def adherence_chart(data: ReportData) -> Chart | None:
    """Exercise sessions per week, split by how they went."""
    sessions = [a for a in data.activities if a.kind == "session" and data.start <= local_date(a.at) <= data.end]
    if not sessions:
        return None
    weeks = _weeks(data)
    per: list[Counter[str]] = [Counter() for _ in weeks]
    for a in sessions:
        per[_week_of(data, local_date(a.at))][a.outcome] += 1
    with _style() as Figure:
        fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN * 0.85))
        ax = fig.add_subplot()
        bottom = [0] * len(weeks)
        for outcome, colour in OUTCOMES:
            vals = [c[outcome] for c in per]
            ax.bar(range(len(weeks)), vals, bottom=bottom, color=colour, width=0.7, label=outcome)
            bottom = [b + v for b, v in zip(bottom, vals)]
        for i, c in enumerate(per):
            total = sum(c.values())
            if total:
                ax.text(i, total + 0.4, f"{round(100 * c['done'] / total)}%", ha="center", fontsize=7)
        ax.set_xticks(range(len(weeks)), [_label(w) for w in weeks], fontsize=7)
        ax.set_ylabel("sessions")
        ax.set_xlabel("week starting (percent = done)")
        ax.set_ylim(0, max(bottom) * 1.25 + 1)
        ax.legend(loc="upper left", ncols=4)
        svg, png = _render(fig)
    rows = tuple((_label(w), *(str(c[o]) for o, _ in OUTCOMES)) for w, c in zip(weeks, per))
    done = sum(1 for a in sessions if a.outcome == "done")
    alt = f"Exercise sessions each week: {done} of {len(sessions)} done in full."
    return Chart("adherence", "Hand exercises, per week", alt, svg, png, Table(("week from", *(o for o, _ in OUTCOMES)), rows))


# Finger shapes of a right hand seen palm up... drawn as simple boxes: (x, y, width, height) in hand units.
_FINGER_BOXES = {
    1: (0.0, 1.2, 0.55, 1.5),  # thumb, low and to the side
    2: (0.75, 2.6, 0.5, 2.0),
    3: (1.35, 2.6, 0.5, 2.3),
    4: (1.95, 2.6, 0.5, 2.1),
    5: (2.55, 2.6, 0.45, 1.6),
}


def finger_chart(summary: Summary) -> Chart:
    """Two hands, palms facing you; each finger shaded by how many entries named it."""
    counts = summary.finger_counts
    top = max(counts.values(), default=0) or 1
    with _style() as Figure:
        from matplotlib import colormaps
        from matplotlib.patches import FancyBboxPatch

        cmap = colormaps["Oranges"]
        fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN * 1.15))
        ax = fig.add_subplot()
        ax.set_aspect("equal")
        ax.axis("off")
        for side, x0, mirror in (("r", 0.0, False), ("l", 4.6, True)):
            palm = FancyBboxPatch((x0 + 0.7, 0.0), 2.35, 2.5, boxstyle="round,pad=0,rounding_size=0.35",
                                  facecolor="#f4f4f4", edgecolor=GREY, linewidth=1)
            ax.add_patch(palm)
            for n, (x, y, w, h) in _FINGER_BOXES.items():
                fx = x0 + (3.75 - x - w if mirror else x)
                value = counts.get(f"{side}{n}", 0)
                face = cmap(0.12 + 0.83 * value / top) if value else "#ffffff"
                ax.add_patch(FancyBboxPatch((fx, y), w, h, boxstyle=f"round,pad=0,rounding_size={w / 2.2}",
                                            facecolor=face, edgecolor=GREY, linewidth=1))
                ax.text(fx + w / 2, y + h / 2, str(value), ha="center", va="center", fontsize=9, fontweight="bold",
                        color="white" if value > 0.6 * top else INK)
            ax.text(x0 + 1.9, -0.45, "right hand" if side == "r" else "left hand", ha="center", va="top", fontsize=9)
        ax.set_xlim(-0.3, 8.7)
        ax.set_ylim(-1.0, 5.2)
        svg, png = _render(fig)
    rows = tuple(
        (hand, *(str(counts.get(f"{side}{n}", 0)) for n in range(1, 6))) for side, hand in (("r", "right"), ("l", "left"))
    )
    most = ", ".join(summary.top_fingers) or "none"
    alt = f"Two hands, palms facing you, each finger shaded by how often it was logged. Most logged: {most}."
    return Chart("fingers", "Where the numbness was (entries per finger)", alt, svg, png, Table(("hand", *FINGERS), rows))


CHART_IDS = ("severity", "nights", "fingers", "scores", "adherence")  # every chart a report may hold (file names)


def all_charts(data: ReportData, summary: Summary, mic_note: str) -> list[Chart]:
    """Every chart the report shows, in page order; charts with nothing to show are left out."""
    out: list[Chart | None] = []
    if summary.episodes:
        out += [severity_chart(data, summary), nights_chart(data), finger_chart(summary)]
    out += [scores_chart(data, summary, mic_note), adherence_chart(data)]
    return [c for c in out if c is not None]


