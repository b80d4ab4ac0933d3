"""The doctor's report: every sentence worked out here (pure), then laid out as a tagged PDF/UA-1 by Typst.

Typst (the `typst` wheel, one native library) lays out a year of entries in a fraction of a second where
an HTML engine took seconds; the template (templates/report.typ) only places the words this module gives it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from numbwise.assess.chance import short_chance
from numbwise.assess.result import CHILD_CHANCE
from numbwise.dates import day, short_day, unbroken, weekday_day
from numbwise.kb import Knowledge
from numbwise.report.charts import Chart, all_charts
from numbwise.report.data import FINGERS, ReportData, expand_fingers, local_date
from numbwise.report.summary import MicLookup, ScoreTrend, Summary, check_title, finding_text, no_mic, summarize
from numbwise.scores.core import describe_values

Progress = Callable[[str], None]
FONT_DIR = "/usr/share/fonts/truetype/dejavu"  # Debian's fonts-dejavu-core: DejaVu Sans, as the template and charts name it


@dataclass
class Rendered:
    """A finished report: the PDF bytes, the words it was laid out from, its summary and charts."""

    pdf: bytes
    pages: int
    view: dict[str, Any]
    summary: Summary
    charts: list[Chart] = field(default_factory=list)

    @property
    def words(self) -> str:
        """Every string the report shows, in one text (for tests and checks of the wording)."""
        return "\n".join(_strings(self.view))


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.replace("\u00a0", " ")]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "svg" for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def num(x: float | None, digits: int = 1) -> str:
    """One rounding rule for the report: at most `digits` decimals, no trailing zeros, '-' for nothing."""
    if x is None:
        return "-"
    if digits == 0:
        return str(round(x))
    return f"{x:.{digits}f}".rstrip("0").rstrip(".")


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 night', '3 nights'; `many` for words that do not just add an s ('entries')."""
    return f"{n} {word if n == 1 else many or word + 's'}"


def span(days: int) -> str:
    """A length of time in human units: days up to two weeks, then weeks, then months past about four months."""
    if days < 14:
        return plural(days, "day")
    if days < 120:
        return plural(days // 7, "week")
    return plural(round(days / 30.44), "month")


def _fingers_text(codes: tuple[str, ...]) -> str:
    """'r1 r2 l1' -> 'right thumb, index; left thumb'."""
    singles = expand_fingers(codes)
    parts = []
    for side, word in (("l", "left"), ("r", "right")):
        names = [FINGERS[n - 1] for n in range(1, 6) if f"{side}{n}" in singles]
        if len(names) == 5:
            parts.append(f"{word} whole hand")
        elif names:
            parts.append(f"{word} " + ", ".join(names))
    return "; ".join(parts)


def diary_days(data: ReportData, kb: Knowledge) -> list[dict[str, Any]]:
    """The appendix: one row per day that holds anything, oldest first, in plain words."""
    days: dict[dt.date, dict[str, list[str]]] = {}

    def slot(at: dt.datetime) -> dict[str, list[str]] | None:
        d = local_date(at)
        if not data.start <= d <= data.end:
            return None
        return days.setdefault(d, {"symptoms": [], "treatments": [], "other": []})

    for s in sorted(data.symptoms, key=lambda r: r.at):
        row = slot(s.at)
        if row is not None:
            bits = [f"{s.at.astimezone():%H:%M}", f"{s.severity}/10"]
            if s.fingers:
                bits.append(_fingers_text(s.fingers))
            if s.minutes:
                bits.append(f"{s.minutes} min")
            if s.trigger:
                bits.append(f"after {s.trigger}" if s.trigger == "sleep" else s.trigger)
            if s.woke:
                bits.append("woke")
            row["symptoms"].append(", ".join(bits) + (f" ({s.notes})" if s.notes else ""))
    for t in sorted(data.treatments, key=lambda r: r.at):
        row = slot(t.at)
        if row is not None:
            name = kb.report.treatment_names.get(t.kind, "another treatment")
            row["treatments"].append(name + (f" ({t.detail})" if t.detail else ""))
    for sc in sorted(data.scores, key=lambda r: r.at):
        row = slot(sc.at)
        if row is not None:
            ins = kb.instruments.get(sc.instrument)
            if ins is not None:
                row["other"].append(f"{ins.short}: {describe_values(ins, sc.values) or 'no score'}")
            else:
                row["other"].append("A questionnaire this version does not know")
    for c in sorted(data.checks, key=lambda r: r.at):
        row = slot(c.at)
        if row is not None:
            level = check_title(kb, c)
            signs = "; ".join(finding_text(kb, f) for f in c.signs())
            row["other"].append(f"Symptom check: {level}" + (f". Warning signs: {signs}" if signs else ""))
    acts: dict[dt.date, list[str]] = {}
    for a in data.activities:
        if a.kind == "session" and slot(a.at) is not None:
            acts.setdefault(local_date(a.at), []).append(a.outcome)
    for d, outcomes in acts.items():
        days[d]["other"].append(f"Exercises: {outcomes.count('done')} of {len(outcomes)} done in full")
    return [{"date": unbroken(weekday_day(d, year=False)), **days[d]} for d in sorted(days)]


def _sources_used(kb: Knowledge, summary: Summary) -> list[dict[str, str]]:
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
            out.append({"text": f"{who}. {src.title}" + (f" ({src.year})." if src.year else "."), "url": str(src.url)})
    return out


def _figures(s: Summary) -> list[dict[str, str]]:
    """The four big figures of page one, each with the small print that says what it rests on."""
    tr = s.trend
    how_long = span((s.end - s.since).days + 1) if s.since else "-"
    weeks_note = f"entries in {s.weeks_with_entries} of {plural(s.weeks_total, 'week')}"
    if tr is None:
        sev_sub = f"typical / worst; {weeks_note}, too few to show a trend"
        night_big, night_sub = plural(s.nights_woken, "night"), f"woken in all; {weeks_note}, too few to show a trend"
    else:
        each = plural(tr.weeks_each, "week")
        sev_sub = (f"typical / worst. First {each} with entries {num(tr.severity_first)}, last {each} {num(tr.severity_last)} "
                   f"(median); {weeks_note}")
        night_big = f"{num(tr.nights_first)} \u2192 {num(tr.nights_last)}"
        night_sub = (f"a week: first {each} with entries ({short_day(tr.first_from)} to {short_day(tr.first_to)}) \u2192 last {each} "
                     f"({short_day(tr.last_from)} to {short_day(tr.last_to)}); {plural(s.nights_woken, 'night')} in all")
    # "How long" counts the diary's days; a check that said "more than six weeks" is the person's own answer and
    # says more than a diary kept for less than that (the figure once read "1 day" beside it)
    kept_days = (s.end - s.since).days + 1 if s.since else 0
    long_sub = f"diary kept for {how_long}, since the first entry, {day(s.since)}" if s.since else "no entries"
    if s.check_over_6_weeks is not None and kept_days < 42:
        how_long, long_sub = "More than 6 weeks", f"from your symptom check on {day(s.check_over_6_weeks)}; {long_sub}"
    if s.check_wakes is not None:  # the person's own answer, beside the nights the diary logged
        said = f"your symptom check on {day(s.check_wakes)} said it wakes you from sleep"
        if s.nights_woken == 0:
            night_big, night_sub = "Wakes you", f"{said}; no night woken logged in diary entries yet"
        else:
            night_sub = f"{night_sub} (diary entries); {said}"
    return [
        {"label": "How long", "big": how_long, "sub": long_sub},
        {"label": "How often", "big": f"{s.days_with_symptoms} of {s.days_kept} days",
         "sub": ("days with numbness (an entry or a symptom check), of the days "
                 + ("since the first entry" if s.days_kept < s.days else "in the period")
                 + f"; {plural(s.episodes, 'entry', 'entries')}, {num(s.episodes_per_week)} a week")},
        {"label": "How bad (0 to 10)", "big": f"{num(s.typical_severity)} / {s.worst_severity if s.worst_severity is not None else '-'}",
         "sub": sev_sub},
        {"label": "Nights woken", "big": night_big, "sub": night_sub},
    ]


def _verdict(t: ScoreTrend) -> str:
    if t.mic:
        return f"{t.verdict} (smallest change that matters: {num(t.mic.value, 2)})"
    return "no agreed smallest change on file" if t.count > 1 else "one result"


def report_view(data: ReportData, kb: Knowledge, summary: Summary, charts: list[Chart], made_on: dt.date) -> dict[str, Any]:
    """Every word and number of the report, ready to lay out (pure: the same input gives the same view)."""
    s = summary
    rep = kb.report
    view: dict[str, Any] = {
        "title": f"{rep.title}: report for the doctor",
        "doc_title": f"{rep.title}: {day(s.start)} to {day(s.end)}",
        "meta": [["Who", s.who], ["Period", f"{day(s.start)} to {day(s.end)} ({plural(s.days, 'day')})"], ["Made", day(made_on)]],
        "intro": f"{rep.intro} {kb.meta.notice}",
        "footer": kb.meta.notice_short,
        "empty": data.is_empty(),
        "empty_text": "Nothing was logged in this period. Log numbness with numbwise log, then make the report again.",
    }
    if data.is_empty():
        return view
    # what each count rests on: the diary entries' fingers, and the fingers the person's newest check said
    pattern = [f"Fingers most logged in diary entries: {', '.join(s.top_fingers) or 'none given'}."]
    if s.check_fingers is not None:
        pattern.append(f"Fingers your symptom check on {day(s.check_fingers[0])} said are numb: "
                       f"{', '.join(s.check_fingers[1])}.")
    if s.hands:
        pattern.append("Hand: " + ", ".join(f"{h} {n}" for h, n in sorted(s.hands.items(), key=lambda kv: (-kv[1], kv[0]))) + " entries.")
    if s.pattern:
        pattern.append(s.pattern)
    if s.triggers:
        pattern.append("Brought on by: " + ", ".join(f"{t} ({n})" for t, n in s.triggers) + ".")
    check: list[str] = []
    if s.latest_level:
        check.append(f"Latest check ({day(s.latest_check_at) if s.latest_check_at else '-'}): {s.latest_level_title}.")
        if s.latest_taken_back:  # as its result said it: an early call-now screen its later answers took back
            check.append(s.latest_taken_back)
        listed = "; ".join(n if s.latest_child or not s.latest_chances else f"{n} ({short_chance(p)})"
                           for n, p in s.latest_causes)
        note = f". {CHILD_CHANCE} Not a diagnosis." if s.latest_child else (
            ". These are likelihoods for people with the same answers, not a diagnosis.")
        if s.latest_causes and s.latest_others_heading:  # as its call-now page: the stroke first, no chances (AC)
            first, *rest = (n for n, _ in s.latest_causes)
            check.append(f"Causes it listed: {first}, to be ruled out first. "
                         + (f"{s.latest_others_heading}: {'; '.join(rest)}. " if rest else "") + "Not a diagnosis.")
        elif s.latest_causes and s.latest_named:
            check.append(f"Likely causes it listed: {listed}{note}")
        elif s.latest_causes:  # as the result said: "We can't tell yet what is causing it" (an emergency lists none)
            check.append(f"It could not tell yet what is causing it. Causes it listed: {listed}{note}")
    else:
        check.append("No symptom check was saved.")
    level = kb.triage.levels.get(s.latest_level) if s.latest_level else None  # type: ignore[call-overload]
    tried = [{"name": t.name[:1].upper() + t.name[1:], "details": "; ".join(t.details), "from": unbroken(short_day(t.first)),
              "to": unbroken(short_day(t.last)), "days": str(t.days_logged) + (f" over {span((t.last - t.first).days + 1)}" if t.days_logged > 1 else "")}
             for t in s.tried]
    extra = []
    if s.sessions_logged:
        extra.append(f"Exercises: {s.sessions_done} of {plural(s.sessions_logged, 'session')} done in full "
                     f"({round(100 * s.sessions_done / s.sessions_logged)}%).")
    if s.breaks_logged:
        extra.append(f"Hand breaks: {s.breaks_done} of {s.breaks_logged} taken.")
    view |= {
        "figures": _figures(s),
        "pattern": pattern,
        "check": check,
        "level_colour": getattr(level, "colour", None) or "",
        "flags": [f"{f.text} (first on {day(f.first_seen)})" for f in s.red_flags],
        # the result's own grouping words, for each check: a sign answered 'not sure' is never left out
        "unsure": [f"{u.heading} (check on {day(u.at)}): {'; '.join(u.texts)}." for u in s.unsure],
        "no_flags": "No warning sign was ever answered yes." if s.unsure else "No warning signs were ever raised.",
        "scores": [{"name": t.name, "range": t.range_text, "first": num(t.first, 2), "first_at": unbroken(short_day(t.first_at)),
                    "last": num(t.last, 2), "last_at": unbroken(short_day(t.last_at)), "change": f"{t.change:+.1f}" if t.count > 1 else "-",
                    "verdict": t.verdict if t.mic else "", "note": _verdict(t)} for t in s.scores],
        "tried": tried,
        "extra": extra,
        "questions": list(s.questions),
        "charts": [{"id": c.id, "title": c.title, "alt": c.alt, "svg": c.svg, "headers": list(c.table.headers),
                    "rows": [list(r) for r in c.table.rows]} for c in charts],
        "sources": _sources_used(kb, s),
        "days": diary_days(data, kb),
    }
    return view


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def lay_out(view: dict[str, Any], made_on: dt.date) -> bytes:
    """The view laid out by Typst as PDF/UA-1 (tagged: headings, tables with header cells, figures with their text)."""
    import typst

    template = resources.files("numbwise.report").joinpath("templates/report.typ").read_bytes()
    found = Path(FONT_DIR, "DejaVuSans.ttf").is_file()
    # Only DejaVu when it is there: each chart's text is shaped against every font known, so fewer fonts lay out faster.
    fonts = typst.Fonts(include_system_fonts=not found, include_embedded_fonts=not found, font_paths=[FONT_DIR] if found else [])
    compiler = typst.Compiler(font_paths=fonts, ignore_system_fonts=found)
    stamp = dt.datetime.combine(made_on, dt.time(12), tzinfo=dt.timezone.utc)
    pdf = compiler.compile(template, format="pdf", sys_inputs={"view": json.dumps(view)}, pdf_standards=["ua-1"], timestamp=stamp)
    assert isinstance(pdf, bytes)
    return pdf


def render_pdf(
    data: ReportData,
    kb: Knowledge,
    *,
    made_on: dt.date,
    mic: MicLookup = no_mic,
    progress: Progress | None = None,
) -> Rendered:
    """The PDF (PDF/UA-1, tagged for screen readers) with its summary, charts and words."""
    say = progress or (lambda _: None)
    say("Working out the summary")
    summary = summarize(data, kb, mic)
    say("Drawing the charts")
    charts = all_charts(data, summary, kb.report.mic_note) if not data.is_empty() else []
    view = report_view(data, kb, summary, charts, made_on)
    say("Laying out the pages")
    pdf = lay_out(view, made_on)
    return Rendered(pdf=pdf, pages=_pages(pdf), view=view, summary=summary, charts=charts)
