"""The report's charts as small hand-drawn SVG (no plotting library: fast to start, same bytes for the same data).

Each chart is drawn for a Frame (print or screen) whose text size is set in the units it is shown at, so
labels stay readable on a phone and in print; legends sit above the plot, never over the data; colours
are the Okabe-Ito set and every series also differs by shape or dash; each chart carries its data table.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from numbwise.dates import day, short_day
from numbwise.report import svg
from numbwise.report.data import FINGERS, ReportData, local_date
from numbwise.report.summary import Summary, Week, score_series, weeks
from numbwise.report.svg import BLUE, GREEN, GREY, INK, MUTED, ORANGE, RULE, SKY, VERMILION, Frame

OUTCOMES = (("done", "done in full", BLUE), ("partial", "partly done", SKY), ("snoozed", "put off", ORANGE),
            ("skipped", "skipped", GREY))
NO_ENTRIES = "no entries"


@dataclass(frozen=True)
class Table:
    """A small table of the numbers behind a chart, for people who cannot see it."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Chart:
    """One chart: its title, a sentence saying what it shows, the SVG text and its data table."""

    id: str
    title: str
    alt: str
    svg: str
    table: Table

    def png(self, scale: float = 2.0) -> bytes:
        """The chart as PNG (for --charts-dir), rasterised with resvg only when asked."""
        import resvg_py

        width = int(float(self.svg.split('width="', 2)[1].split('"', 1)[0]) * scale)
        return bytes(resvg_py.svg_to_bytes(svg_string=self.svg, width=width, background="#ffffff"))


@dataclass(frozen=True)
class _Plot:
    """Where the plotting area sits inside the drawing, and the header band above it for legends."""

    frame: Frame
    top: float
    left: float
    right: float
    bottom: float
    height: float

    @property
    def width(self) -> float:
        return self.right - self.left


def _plot(frame: Frame, header_rows: int, plot_height: float, left_room: float | None = None) -> _Plot:
    """A plot area under `header_rows` lines of legend, with room below for one line of tick labels."""
    f = frame.font
    top = f * 0.6 + header_rows * f * 1.45 + f * 0.4
    left = left_room if left_room is not None else f * 3.2
    return _Plot(frame, top, left, frame.width - f * 0.8, top + plot_height, top + plot_height + f * 2.0)


LegendItem = tuple[str, str]  # svg of a key drawn at 0,0 about one font high, and its words


def _legend_rows(frame: Frame, groups: Sequence[Sequence[LegendItem]]) -> list[list[LegendItem]]:
    """Legend rows: each group starts a row and wraps onto more when the words would run past the drawing's edge."""
    f = frame.font
    room = frame.width - f * 4.0
    rows: list[list[LegendItem]] = []
    for group in groups:
        row: list[LegendItem] = []
        used = 0.0
        for item in group:
            need = f * 3.2 + svg.text_width(item[1], frame.small)
            if row and used + need > room:
                rows.append(row)
                row, used = [], 0.0
            row.append(item)
            used += need
        if row:
            rows.append(row)
    return rows


def _legends(p: _Plot, rows: Sequence[Sequence[LegendItem]]) -> list[str]:
    """Every legend row, above the plot (never over the data)."""
    return [x for i, row in enumerate(rows) for x in _legend(p, i, row)]


def _legend(p: _Plot, row: int, items: Sequence[LegendItem]) -> list[str]:
    """One row of legend keys above the plot: (svg of a key drawn at 0,0 about one font high, words)."""
    f = p.frame.font
    y = f * 0.6 + row * f * 1.45 + f * 0.5
    x = p.left
    out: list[str] = []
    for key, words in items:
        out.append(f'<g transform="translate({svg.num(x)},{svg.num(y)})">{key}</g>')
        out.append(svg.text(x + f * 1.6, y + f * 0.35, words, p.frame.small, fill=INK))
        x += f * 3.2 + svg.text_width(words, p.frame.small)
    return out


def _y_axis(p: _Plot, lo: float, hi: float, ticks: Sequence[float], label_fmt: str = "{:g}") -> list[str]:
    """Horizontal grid lines with their values at the left."""
    out = []
    for t in ticks:
        y = _y(p, lo, hi, t)
        out.append(svg.line(p.left, y, p.right, y, RULE, 0.6))
        out.append(svg.text(p.left - p.frame.font * 0.4, y + p.frame.small * 0.35, label_fmt.format(t), p.frame.small, fill=MUTED,
                            anchor="end"))
    return out


def _y(p: _Plot, lo: float, hi: float, v: float) -> float:
    return p.bottom - (v - lo) / (hi - lo) * (p.bottom - p.top)


def _x(p: _Plot, data: ReportData, d: dt.date, offset: float = 0.5) -> float:
    """The middle of a day (offset 0.5) along the x axis of the period."""
    return p.left + ((d - data.start).days + offset) / data.days * p.width


def _date_ticks(p: _Plot, data: ReportData) -> list[str]:
    """Date labels under the plot, spaced so they never touch: weekly, fortnightly, monthly or quarterly."""
    label_w = svg.text_width("30 Sep", p.frame.small) * 1.5
    room = max(1, int(p.width // label_w))
    days = data.days
    out = [svg.line(p.left, p.bottom, p.right, p.bottom, MUTED, 0.8)]
    if days / 7 <= room:
        marks = [data.start + dt.timedelta(days=7 * i) for i in range((days + 6) // 7)]
    elif days / 14 <= room:
        marks = [data.start + dt.timedelta(days=14 * i) for i in range((days + 13) // 14)]
    else:
        step = 1
        while days / (30.4 * step) > room:
            step += 1
        marks = []
        d = dt.date(data.start.year, data.start.month, 1)
        while d <= data.end:
            if d >= data.start and (d.month - 1) % step == 0:
                marks.append(d)
            d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    y = p.bottom + p.frame.small * 1.3
    for d in marks:
        x = _x(p, data, d, 0)
        out.append(svg.line(x, p.bottom, x, p.bottom + p.frame.font * 0.3, MUTED, 0.8))
        words = short_day(d) if d.day != 1 or days <= 120 else f"{short_day(d).split()[1]}" + (f" {d.year}" if d.month == 1 else "")
        out.append(svg.text(x, y, words, p.frame.small, fill=MUTED, anchor="middle"))
    return out


def _dot(colour: str, r: float) -> str:
    return f'<circle cx="{svg.num(r)}" cy="0" r="{svg.num(r)}" fill="{colour}" fill-opacity="0.55" stroke="{colour}" stroke-width="0.8"/>'


def _median(values: Sequence[int]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    return float(ordered[n // 2]) if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def _fmt(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _runs(points: Sequence[tuple[float, float] | None]) -> list[list[tuple[float, float]]]:
    """Split a line at weeks without entries, so a gap is drawn as a gap and never as zero."""
    runs: list[list[tuple[float, float]]] = [[]]
    for pt in points:
        if pt is None:
            runs.append([])
        else:
            runs[-1].append(pt)
    return [r for r in runs if r]


def severity_chart(data: ReportData, summary: Summary, frame: Frame = svg.PRINT) -> Chart:
    """Each entry's severity by day, a weekly median line (broken where a week has no entries) and treatment starts."""
    f = frame.font
    starts = [t for t in summary.tried if data.start <= t.first <= data.end]
    r = max(2.0, f * 0.26)
    legend = _legend_rows(frame, [[(_dot(BLUE, r * 1.3), "one entry"), (svg.line(0, 0, f * 1.2, 0, INK, 2.4), "weekly median (a gap: no entries that week)")]]
                          + [[(svg.line(f * 0.6, -f * 0.55, f * 0.6, f * 0.55, VERMILION, 1.4, "4 2"), f"{i + 1}: {t.name} from {short_day(t.first)}")]
                             for i, t in enumerate(starts)])
    p = _plot(frame, len(legend), f * 11)
    blocks = weeks(data)
    body = _y_axis(p, 0, 10, (0, 2, 4, 6, 8, 10))
    points = [(_x(p, data, local_date(s.at)), _y(p, 0, 10, s.severity)) for s in sorted(data.symptoms, key=lambda s: s.at)
              if data.start <= local_date(s.at) <= data.end]
    body.append(svg.dots(points, r, BLUE))
    meds = [(_x(p, data, w.start + (w.end - w.start) / 2), _y(p, 0, 10, _median(w.severities))) if w.has_entries else None
            for w in blocks]
    for run in _runs(meds):
        if len(run) == 1:
            x, y = run[0]
            body.append(svg.line(x - f * 0.6, y, x + f * 0.6, y, INK, 2.4))
        else:
            body.append(svg.polyline(run, INK, 2.4))
    for i, t in enumerate(starts):
        x = _x(p, data, t.first, 0)
        body.append(svg.line(x, p.top, x, p.bottom, VERMILION, 1.4, "5 3"))
        body.append(svg.text(x + f * 0.25, p.top + f * (0.9 + 1.0 * i), str(i + 1), frame.small, fill=VERMILION, weight="bold"))
    body += _date_ticks(p, data)
    body += _legends(p, legend)
    drawing = svg.document(frame.width, p.height, body, "How bad it was, day by day")
    rows = tuple((short_day(w.start), str(len(w.severities)), _fmt(_median(w.severities)) if w.has_entries else NO_ENTRIES,
                  str(max(w.severities)) if w.has_entries else "-") for w in blocks)
    started = ", ".join(f"{t.name} from {short_day(t.first)}" for t in starts) or "no treatment started in this period"
    alt = (f"Severity of each entry over {data.days} days, with a weekly median where a week has entries "
           f"({summary.weeks_with_entries} of {summary.weeks_total} weeks); dashed lines mark treatment starts ({started}).")
    return Chart("severity", "How bad it was, day by day", alt, drawing,
                 Table(("week from", "entries", "median (0-10)", "worst"), rows))


def nights_chart(data: ReportData, frame: Frame = svg.PRINT) -> Chart:
    """Nights woken by numbness in each week; a week with no entries is marked as such, not drawn as zero."""
    f = frame.font
    blocks = weeks(data)
    legend = _legend_rows(frame, [[(svg.rect(0, -f * 0.45, f * 1.2, f * 0.9, BLUE), "nights woken"),
                                   (svg.rect(0, -f * 0.15, f * 1.2, f * 0.35, "#ffffff", stroke=GREY, width=0.6), "week with no entries")]])
    p = _plot(frame, len(legend), f * 8)
    step = 1 if (p.bottom - p.top) / 8 >= frame.small * 1.4 else 2  # tick labels never touch
    body = _y_axis(p, 0, 8, tuple(range(0, 8, step)))
    slot = p.width / len(blocks)
    bar = slot * 0.7
    label_every = 1 if slot >= svg.text_width("7", frame.small) * 1.6 else 0
    for i, w in enumerate(blocks):
        x = p.left + slot * i + (slot - bar) / 2
        if not w.has_entries:
            body.append(svg.rect(x, p.bottom - f * 0.35, bar, f * 0.35, "#ffffff", stroke=GREY, width=0.6))
            continue
        y = _y(p, 0, 8, w.nights)
        body.append(svg.rect(x, y, bar, p.bottom - y, BLUE))
        if label_every:
            body.append(svg.text(x + bar / 2, y - f * 0.25, str(w.nights), frame.small, fill=INK, anchor="middle"))
    body += _week_ticks(p, blocks)
    body += _legends(p, legend)
    drawing = svg.document(frame.width, p.height, body, "Nights woken by numbness, per week")
    told = ", ".join(str(w.nights) if w.has_entries else "?" for w in blocks)
    alt = (f"Nights woken each week (of 7), weeks with no entries shown as a question mark: {told}. "
           f"{sum(1 for w in blocks if w.has_entries)} of {len(blocks)} weeks have entries.")
    return Chart("nights", "Nights woken by numbness, per week", alt, drawing,
                 Table(("week from", "nights woken"), tuple((short_day(w.start), str(w.nights) if w.has_entries else NO_ENTRIES)
                                                            for w in blocks)))


def _week_ticks(p: _Plot, blocks: Sequence[Week]) -> list[str]:
    """Week-start labels under bars, thinned so they never touch."""
    slot = p.width / len(blocks)
    need = svg.text_width("30 Sep", p.frame.small) * 1.4
    every = max(1, -(-need // slot))
    out = [svg.line(p.left, p.bottom, p.right, p.bottom, MUTED, 0.8)]
    for i, w in enumerate(blocks):
        if i % every == 0:
            x = p.left + slot * (i + 0.5)
            out.append(svg.text(x, p.bottom + p.frame.small * 1.3, short_day(w.start), p.frame.small, fill=MUTED, anchor="middle"))
    return out


def scores_chart(data: ReportData, summary: Summary, mic_note: str, frame: Frame = svg.PRINT) -> Chart | None:
    """Each score scale over time; a band of +/- the MIC around the first result when the MIC is known."""
    if not summary.scores:
        return None
    f = frame.font
    series = {k: [(local_date(at), v) for at, v in pts] for k, pts in score_series(data).items()}
    styles = ((BLUE, ""), (VERMILION, "6 3"), (GREEN, "2 2"), (ORANGE, "8 3 2 3"))
    marks = ("circle", "square", "diamond", "triangle")
    keys: list[list[LegendItem]] = []
    for i, t in enumerate(summary.scores):
        colour, dash = styles[i % len(styles)]
        key = svg.line(0, 0, f * 1.2, 0, colour, 2.0, dash) + _marker(marks[i % len(marks)], f * 0.6, 0, max(2.5, f * 0.3), colour)
        band = ", band: smallest change that matters" if t.mic else ""
        keys.append([(key, f"{t.name} ({'lower is better' if _lower(t.range_text) else 'higher is better'}{band})")])
    legend = _legend_rows(frame, keys)
    p = _plot(frame, len(legend), f * 10)
    lo = min(min(v for _, v in series[(t.instrument, t.key, t.hand)]) - (t.mic.value if t.mic else 0) for t in summary.scores)
    hi = max(max(v for _, v in series[(t.instrument, t.key, t.hand)]) + (t.mic.value if t.mic else 0) for t in summary.scores)
    if all(t.range_text.startswith("1 (") for t in summary.scores):
        lo, hi = 1.0, 5.0  # the whole scale, so a small change looks small
    lo, hi = (lo - 0.5, hi + 0.5) if hi - lo < 1 else (lo, hi)
    step = 0.5 if hi - lo <= 2 else 1.0
    first_tick = -(-lo // step) * step
    ticks = [first_tick + i * step for i in range(int((hi - first_tick) / step + 1e-9) + 1)]
    body = _y_axis(p, lo, hi, ticks)
    for i, t in enumerate(summary.scores):
        colour, dash = styles[i % len(styles)]
        pts = series[(t.instrument, t.key, t.hand)]
        if t.mic is not None:
            y1, y2 = _y(p, lo, hi, min(hi, t.first + t.mic.value)), _y(p, lo, hi, max(lo, t.first - t.mic.value))
            body.append(f'<rect x="{svg.num(p.left)}" y="{svg.num(y1)}" width="{svg.num(p.width)}" height="{svg.num(y2 - y1)}" '
                        f'fill="{colour}" fill-opacity="0.10"/>')
        xy = [(_x(p, data, d), _y(p, lo, hi, v)) for d, v in pts]
        if len(xy) > 1:
            body.append(svg.polyline(xy, colour, 2.0, dash))
        for x, y in xy:
            body.append(_marker(marks[i % len(marks)], x, y, max(2.5, f * 0.3), colour))
        if len(pts) <= 8 and len(summary.scores) == 1:  # with more lines the numbers would collide: the table has them
            for (d, v), (x, y) in zip(pts, xy):
                body.append(svg.text(x, y - f * 0.6, f"{v:g}", frame.small, fill=colour if colour != ORANGE else INK, anchor="middle"))
    body += _legends(p, legend)
    body += _date_ticks(p, data)
    drawing = svg.document(frame.width, p.height, body, "Questionnaire scores")
    by_day: dict[dt.date, dict[int, float]] = {}
    for i, t in enumerate(summary.scores):
        for d, v in series[(t.instrument, t.key, t.hand)]:
            by_day.setdefault(d, {})[i] = v
    rows = tuple((short_day(d), *(f"{vals[i]:g}" if i in vals else "-" for i in range(len(summary.scores))))
                 for d, vals in sorted(by_day.items()))
    mic_known = any(t.mic for t in summary.scores)
    alt = "; ".join(f"{t.name}: {t.first:g} on {day(t.first_at)} to {t.last:g} on {day(t.last_at)}" for t in summary.scores)
    if mic_known:
        alt += ". " + mic_note + " Smallest change that matters: " + "; ".join(
            f"{t.name} {t.mic.value:g}" for t in summary.scores if t.mic) + "."
    else:
        alt += ". No smallest change that matters is on file for these scales, so no band is drawn."
    return Chart("scores", "Questionnaire scores", alt, drawing, Table(("date", *(t.name for t in summary.scores)), rows))


def _lower(range_text: str) -> bool:
    return range_text.startswith("1 (no") or "lower" in range_text


def _marker(kind: str, x: float, y: float, r: float, colour: str) -> str:
    """A point marker whose shape, not only colour, tells the series apart."""
    if kind == "square":
        return svg.rect(x - r, y - r, 2 * r, 2 * r, colour)
    if kind == "diamond":
        pts = f"{svg.num(x)},{svg.num(y - r * 1.3)} {svg.num(x + r * 1.3)},{svg.num(y)} {svg.num(x)},{svg.num(y + r * 1.3)} {svg.num(x - r * 1.3)},{svg.num(y)}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    if kind == "triangle":
        pts = f"{svg.num(x)},{svg.num(y - r * 1.3)} {svg.num(x + r * 1.2)},{svg.num(y + r)} {svg.num(x - r * 1.2)},{svg.num(y + r)}"
        return f'<polygon points="{pts}" fill="{colour}"/>'
    return f'<circle cx="{svg.num(x)}" cy="{svg.num(y)}" r="{svg.num(r)}" fill="{colour}"/>'


def adherence_chart(data: ReportData, frame: Frame = svg.PRINT) -> Chart | None:
    """Exercise sessions per week, stacked by how they went."""
    sessions = [a for a in data.activities if a.kind == "session" and data.start <= local_date(a.at) <= data.end]
    if not sessions:
        return None
    f = frame.font
    blocks = weeks(data)
    per: list[Counter[str]] = [Counter() for _ in blocks]
    for a in sessions:
        per[(local_date(a.at) - data.start).days // 7][a.outcome] += 1
    top = max(sum(c.values()) for c in per)
    step = max(1, -(-top // 6))
    hi = step * (-(-top // step))
    legend = _legend_rows(frame, [[(svg.rect(0, -f * 0.45, f * 1.2, f * 0.9, colour), words) for _, words, colour in OUTCOMES]])
    p = _plot(frame, len(legend), f * 8)
    body = _y_axis(p, 0, hi, list(range(0, hi + 1, step)))
    slot = p.width / len(blocks)
    bar = slot * 0.7
    for i, c in enumerate(per):
        x = p.left + slot * i + (slot - bar) / 2
        base = 0
        for outcome, _, colour in OUTCOMES:
            n = c[outcome]
            if n:
                y1, y2 = _y(p, 0, hi, base + n), _y(p, 0, hi, base)
                body.append(svg.rect(x, y1, bar, y2 - y1, colour, stroke="#ffffff", width=0.5))
                base += n
    body += _week_ticks(p, blocks)
    body += _legends(p, legend)
    drawing = svg.document(frame.width, p.height, body, "Hand exercises, per week")
    rows = tuple((short_day(w.start), *(str(c[o]) for o, _, _ in OUTCOMES)) for w, c in zip(blocks, per))
    done = sum(1 for a in sessions if a.outcome == "done")
    alt = f"Exercise sessions each week, stacked by how they went: {done} of {len(sessions)} done in full."
    return Chart("adherence", "Hand exercises, per week", alt, drawing, Table(("week from", *(w for _, w, _ in OUTCOMES)), rows))


# The picker's hand (web/templates/hands.html): a left hand, palm towards you, thumb on the left. The right hand is
# its mirror image and is drawn on the right, as the person sees their own two palms.
_HAND_SHAPES = (
    (1, 52, 120, 36, 110, 18, "rotate(-35 70 230)"),
    (2, 64, 28, 32, 104, 16, ""),
    (3, 100, 10, 32, 122, 16, ""),
    (4, 136, 22, 32, 110, 16, ""),
    (5, 172, 50, 30, 84, 15, ""),
)
_HEAT = ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")  # light to dark blue: reads in grey too


def finger_chart(summary: Summary, frame: Frame = svg.PRINT) -> Chart:
    """Two hands, palms towards you, left hand on the left as in the picker; each finger shaded and numbered by its count."""
    counts = summary.finger_counts
    top = max(counts.values(), default=0) or 1
    f = frame.font
    hand_w = min(frame.width / 2 - f, 190.0)
    scale = hand_w / 260
    label_room = f * 2.2
    height = 280 * scale + label_room + f * 0.5
    body: list[str] = []
    for i, (side, word) in enumerate((("l", "left hand"), ("r", "right hand"))):
        x0 = frame.width / 2 - hand_w - f * 0.5 if i == 0 else frame.width / 2 + f * 0.5
        mirror = f"translate({svg.num(hand_w)},0) scale(-1,1) " if side == "r" else ""
        shapes = [f'<rect x="60" y="118" width="150" height="150" rx="36" fill="#f4f4f4" stroke="{GREY}" stroke-width="1.5"/>']
        labels = []
        for n, x, y, w, h, rx, turn in _HAND_SHAPES:
            value = counts.get(f"{side}{n}", 0)
            shade = _HEAT[min(5, 1 + int(4.99 * value / top))] if value else "#ffffff"
            extra = f' transform="{turn}"' if turn else ""
            shapes.append(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{shade}" stroke="{MUTED}" stroke-width="1.5"{extra}/>')
            cx, cy = (38.5, 185.0) if n == 1 else (x + w / 2, y + h * 0.42)
            hx = (hand_w - (cx + 20) * scale) if side == "r" else (cx + 20) * scale
            dark = value > 0.55 * top
            labels.append(svg.text(x0 + hx, cy * scale + f * 0.35, str(value), f * 1.05, fill="#ffffff" if dark else INK, anchor="middle",
                                   weight="bold"))
        body.append(f'<g transform="translate({svg.num(x0)},0) {mirror}scale({svg.num(scale) if scale != 1 else 1}) translate(20,0)">'
                    + "".join(shapes) + "</g>")
        body += labels
        body.append(svg.text(x0 + hand_w / 2, 280 * scale + f * 1.4, word, f, anchor="middle", weight="bold"))
    drawing = svg.document(frame.width, height, body, "Where the numbness was")
    rows = tuple((hand, *(str(counts.get(f"{side}{n}", 0)) for n in range(1, 6))) for side, hand in (("l", "left"), ("r", "right")))
    most = ", ".join(summary.top_fingers) or "none"
    alt = (f"Two hands, palms towards you, left hand on the left; each finger shows how many entries named it, darker for more. "
           f"Most logged: {most}.")
    return Chart("fingers", "Where the numbness was (entries per finger)", alt, drawing, Table(("hand", *FINGERS), rows))


CHART_IDS = ("severity", "nights", "fingers", "scores", "adherence")  # every chart a report may hold (file names)


def all_charts(data: ReportData, summary: Summary, mic_note: str, frame: Frame = svg.PRINT) -> list[Chart]:
    """Every chart the report shows, in page order; charts with nothing to show are left out."""
    out: list[Chart | None] = []
    if summary.episodes:
        out += [severity_chart(data, summary, frame), nights_chart(data, frame), finger_chart(summary, frame)]
    out += [scores_chart(data, summary, mic_note, frame), adherence_chart(data, frame)]
    return [c for c in out if c is not None]
