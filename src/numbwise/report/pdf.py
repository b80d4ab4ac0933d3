"""The doctor's report as HTML (Jinja2 templates) and as a tagged PDF (WeasyPrint, imported only here)."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from numbwise.kb import Knowledge
from numbwise.report.charts import Chart, all_charts
from numbwise.report.data import FINGERS, ReportData, expand_fingers, local_date
from numbwise.report.summary import MicLookup, Summary, no_mic, summarize
from numbwise.scores.core import describe_values

Progress = Callable[[str], None]


@dataclass
class Rendered:
    """A finished report: the PDF bytes, the HTML it came from, its summary and charts."""

    pdf: bytes
    pages: int
    html: str
    summary: Summary
    charts: list[Chart] = field(default_factory=list)


def _date(d: dt.date | None) -> str:
    return f"{d.day} {d:%b %Y}" if d else "-"


def _num(x: float | None, digits: int = 1) -> str:
    if x is None:
        return "-"
    return f"{x:.{digits}f}".rstrip("0").rstrip(".") if digits else str(round(x))


def _fingers_text(codes: tuple[str, ...]) -> str:
    """'r1 r2 l1' -> 'R thumb, index; L thumb'."""
    singles = expand_fingers(codes)
    parts = []
    for side, word in (("r", "R"), ("l", "L")):
        names = [FINGERS[n - 1] for n in range(1, 6) if f"{side}{n}" in singles]
        if len(names) == 5:
            parts.append(f"{word} whole hand")
        elif names:
            parts.append(f"{word} " + ", ".join(names))
    return "; ".join(parts)


def diary_days(data: ReportData, kb: Knowledge) -> list[dict[str, Any]]:
    """The appendix: one row per day that holds anything, newest last."""
    days: dict[dt.date, dict[str, list[str]]] = {}

    def slot(at: dt.datetime) -> dict[str, list[str]] | None:
        d = local_date(at)
        if not data.start <= d <= data.end:
            return None
        return days.setdefault(d, {"symptoms": [], "treatments": [], "other": []})

    for s in sorted(data.symptoms, key=lambda r: r.at):
        row = slot(s.at)
        if row is not None:
            bits = [f"{s.at.astimezone():%H:%M}", f"severity {s.severity}"]
            if s.fingers:
                bits.append(_fingers_text(s.fingers))
            if s.minutes:
                bits.append(f"{s.minutes} min")
            if s.trigger:
                bits.append(s.trigger)
            if s.woke:
                bits.append("woke")
            text = ", ".join(bits)
            row["symptoms"].append(text + (f" - {s.notes}" if s.notes else ""))
    for t in sorted(data.treatments, key=lambda r: r.at):
        row = slot(t.at)
        if row is not None:
            name = kb.report.treatment_names.get(t.kind, t.kind.replace("_", " "))
            row["treatments"].append(name + (f" ({t.detail})" if t.detail else ""))
    for sc in sorted(data.scores, key=lambda r: r.at):
        row = slot(sc.at)
        if row is not None:
            ins = kb.instruments.get(sc.instrument)
            short = ins.short if ins else sc.instrument.upper()
            if ins is not None:
                vals = describe_values(ins, sc.values)
            else:
                vals = ", ".join(f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}" for k, v in sc.values.items())
            row["other"].append(f"{short}: {vals or 'no score'}")
    for c in sorted(data.checks, key=lambda r: r.at):
        row = slot(c.at)
        if row is not None:
            level = kb.triage.levels[c.level].title if c.level in kb.triage.levels else c.level
            row["other"].append(f"Symptom check: {level}" + (f"; warning signs: {', '.join(c.red_flags)}" if c.red_flags else ""))
    for a in data.activities:
        row = slot(a.at)
        if row is not None:
            row.setdefault("_act", []).append(a.outcome)
    out = []
    for d in sorted(days):
        row = days[d]
        acts = row.pop("_act", [])
        if acts:
            row["other"].append(f"exercises: {acts.count('done')} of {len(acts)} done")
        out.append({"date": f"{d:%a} {d.day} {d:%b}", **row})
    return out


def _data_uri(chart: Chart) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(chart.svg.encode()).decode()


def render_html(
    data: ReportData,
    kb: Knowledge,
    *,
    made_on: dt.date,
    mic: MicLookup = no_mic,
    progress: Progress | None = None,
) -> tuple[str, Summary, list[Chart]]:
    """Summary, charts and appendix as one HTML page, ready for print."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    say = progress or (lambda _: None)
    say("Working out the summary")
    summary = summarize(data, kb, mic)
    say("Drawing the charts")
    charts = all_charts(data, summary, kb.report.mic_note) if not data.is_empty() else []
    env = Environment(loader=PackageLoader("numbwise.report", "templates"), autoescape=select_autoescape(["html"]))
    env.filters["date"] = _date
    env.filters["num"] = _num
    env.filters["short"] = lambda d: f"{d.day} {d:%b}"
    env.filters["data_uri"] = _data_uri
    env.filters["upfirst"] = lambda text: text[:1].upper() + text[1:]  # 'vitamin B12' keeps its capital B
    env.filters["plural"] = lambda n, word: f"{n} {word}" + ("" if n == 1 else "s")
    from numbwise.assess.chance import short_chance

    env.filters["chance"] = short_chance  # the one chance format every face uses ("about 7 in 10")
    level = kb.triage.levels.get(summary.latest_level) if summary.latest_level else None  # type: ignore[call-overload]
    html = env.get_template("report.html").render(
        s=summary,
        data=data,
        kb=kb,
        rep=kb.report,
        level=level,
        charts=charts,
        days=diary_days(data, kb),
        made_on=made_on,
        notice=kb.meta.notice,
        notice_short=kb.meta.notice_short,
        sources=_sources_used(kb, summary),
    )
    return html, summary, charts


def _sources_used(kb: Knowledge, summary: Summary) -> list[str]:
    ids: list[str] = []
    for q in kb.report.questions:
        if q.when in summary.triggers_seen:
            ids += q.sources
    for p in kb.report.patterns.values():
        if p.text == summary.pattern:
            ids += p.sources
    for t in summary.scores:
        scale = kb.report.scales.get(f"{t.instrument}.{t.key}")
        ids += list(scale.sources if scale else ()) + list(t.mic.sources if t.mic else ())
    out = []
    for sid in dict.fromkeys(ids):
        src = kb.sources.get(sid)
        if src is not None:
            who = src.publisher or src.authors or ""
            out.append(f"{who}. {src.title}" + (f" ({src.year})" if src.year else "") + f". {src.url}")
    return out


def render_pdf(
    data: ReportData,
    kb: Knowledge,
    *,
    made_on: dt.date,
    mic: MicLookup = no_mic,
    progress: Progress | None = None,
) -> Rendered:
    """The PDF (PDF/UA-1, tagged for screen readers) with its summary and charts."""
    html, summary, charts = render_html(data, kb, made_on=made_on, mic=mic, progress=progress)
    say = progress or (lambda _: None)
    say("Laying out the pages")
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = HTML(string=html, base_url=".").render(pdf_variant="pdf/ua-1")
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    return Rendered(pdf=bytes(pdf), pages=len(document.pages), html=html, summary=summary, charts=charts)
