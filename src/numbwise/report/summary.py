"""Page one in figures: how long, how often, how bad, where, what was tried, and what to ask (pure)."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from numbwise.kb import Knowledge
from numbwise.report.data import FINGER_CODES, FINGERS, CheckRow, ReportData, expand_fingers, local_date


@dataclass(frozen=True)
class Mic:
    """The minimal important change of one score scale, and where that number comes from."""

    value: float
    sources: tuple[str, ...]


MicLookup = Callable[[str, str], "Mic | None"]


@dataclass(frozen=True)
class ScoreTrend:
    """First and latest value of one score scale, and whether the change is bigger than the MIC."""

    instrument: str
    key: str
    name: str
    range_text: str
    first: float
    first_at: dt.date
    last: float
    last_at: dt.date
    count: int
    mic: Mic | None
    verdict: str  # "better" | "worse" | "no clear change" | "one result" | "changed" (no MIC known)
    hand: str | None = None  # per-hand questionnaires: the hand every result of this row is about

    @property
    def change(self) -> float:
        """Latest minus first."""
        return self.last - self.first


@dataclass(frozen=True)
class Tried:
    """One treatment kind: when it was first and last logged, and on how many days."""

    kind: str
    name: str
    details: tuple[str, ...]
    first: dt.date
    last: dt.date
    days_logged: int
    in_sentence: str = ""  # the name inside a sentence ("a night splint"); empty: the name itself

    @property
    def weeks(self) -> int:
        """Whole weeks from first to last use (at least 1)."""
        return max(1, ((self.last - self.first).days + 1) // 7)

    @property
    def span_text(self) -> str:
        """How long it was used, first to last day, in words for the table ('1 day', '5 days', '3 weeks')."""
        days = (self.last - self.first).days + 1
        if days < 14:
            return f"{days} day{'s' if days != 1 else ''}"
        return f"{self.weeks} weeks"


@dataclass(frozen=True)
class Week:
    """One 7-day block of the period (the last may be shorter), and what the diary holds for it."""

    start: dt.date
    end: dt.date
    days_kept: int  # days of the block on or after the first symptom entry: the days the diary could speak for
    severities: tuple[int, ...]
    nights: int  # distinct nights woken

    @property
    def has_entries(self) -> bool:
        """A week with no symptom entry is unknown, never zero."""
        return bool(self.severities)


def weeks(data: ReportData) -> list[Week]:
    """The period in 7-day blocks from its first day, each with its symptom entries (the trends and weekly charts share these)."""
    count = (data.days + 6) // 7
    sev: list[list[int]] = [[] for _ in range(count)]
    woke: list[set[dt.date]] = [set() for _ in range(count)]
    first = data.end + dt.timedelta(days=1)
    for s in data.symptoms:
        d = local_date(s.at)
        if data.start <= d <= data.end:
            i = (d - data.start).days // 7
            sev[i].append(s.severity)
            if s.woke:
                woke[i].add(d)
            first = min(first, d)
    out: list[Week] = []
    for i in range(count):
        a = data.start + dt.timedelta(days=7 * i)
        b = min(data.end, a + dt.timedelta(days=6))
        out.append(Week(a, b, max(0, (b - max(a, first)).days + 1), tuple(sev[i]), len(woke[i])))
    return out


@dataclass(frozen=True)
class Trend:
    """First against last weeks with entries: how many weeks each side, their dates, median severity and nights a week."""

    weeks_each: int
    first_from: dt.date
    first_to: dt.date
    last_from: dt.date
    last_to: dt.date
    severity_first: float | None
    severity_last: float | None
    nights_first: float
    nights_last: float


def trend(blocks: Sequence[Week]) -> Trend | None:
    """Compare up to four weeks with entries at each end; none when fewer than two weeks have entries."""
    kept = [w for w in blocks if w.has_entries]
    if len(kept) < 2:
        return None
    k = min(4, len(kept) // 2)
    head, tail = kept[:k], kept[-k:]

    def nights(ws: Sequence[Week]) -> float:
        days = sum(w.days_kept for w in ws)
        return sum(w.nights for w in ws) / (days / 7) if days else 0.0

    return Trend(k, head[0].start, head[-1].end, tail[0].start, tail[-1].end,
                 _median([v for w in head for v in w.severities]), _median([v for w in tail for v in w.severities]),
                 nights(head), nights(tail))


@dataclass(frozen=True)
class RedFlag:
    """A warning sign a check once raised."""

    finding: str
    text: str
    first_seen: dt.date


@dataclass(frozen=True)
class UnsureSigns:
    """Warning signs a saved check's person was not sure about, under its result's own heading."""

    at: dt.date
    heading: str  # "You were not sure about these emergency signs"
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Summary:
    """The figures and sentences of page one."""

    start: dt.date
    end: dt.date
    days: int
    who: str
    since: dt.date | None
    weeks_since: int | None
    days_with_symptoms: int  # days with a symptom entry or a symptom check
    days_kept: int  # days of the period on or after the first diary entry: the days the diary speaks for
    episodes: int
    episodes_per_week: float
    typical_severity: float | None
    worst_severity: int | None
    severity_first: float | None  # median of the first weeks with entries (up to four)
    severity_last: float | None  # median of the last weeks with entries (up to four)
    nights_woken: int
    nights_per_week_first: float | None
    nights_per_week_last: float | None
    weeks_total: int  # 7-day blocks in the period
    weeks_with_entries: int  # of those, blocks holding a symptom entry: the trend reads only these
    trend: Trend | None
    finger_counts: dict[str, int]  # code -> entries naming it
    hands: dict[str, int]  # left/right/both -> entries
    pattern: str | None  # a sentence from report.yaml
    top_fingers: tuple[str, ...]  # plain words, most logged first
    triggers: tuple[tuple[str, int], ...]
    latest_level: str | None
    latest_level_title: str | None
    latest_check_at: dt.date | None
    latest_causes: tuple[tuple[str, float], ...]  # the causes its result listed, in its page's order (none on an emergency)
    latest_child: bool  # a child: its causes are listed without a chance (the model's studies are of adults)
    latest_named: str | None  # the cause its result named as the leading one (None: an emergency, or it could not tell)
    # Under a call-now banner its page listed the stroke the call is for first, as what must be ruled out, then this
    # heading before the others, and no chances (walkthrough AC, Frank); "" otherwise
    latest_others_heading: str
    latest_chances: bool  # whether its page showed the causes' chances (not under call now)
    red_flags: tuple[RedFlag, ...]
    # What the newest check that answered it said (its date, or None): the figures that count diary entries say
    # so beside it, so a report never reads "1 day" or "0 nights" against the person's own "more than six weeks"
    # or "it wakes me from sleep".
    check_over_6_weeks: dt.date | None
    check_wakes: dt.date | None
    check_fingers: tuple[dt.date, tuple[str, ...]] | None  # the fingers the newest check with any said are numb
    unsure: tuple[UnsureSigns, ...]  # for each check (every one, as the red flags), the signs it was not sure about
    scores: tuple[ScoreTrend, ...]
    tried: tuple[Tried, ...]
    sessions_done: int
    sessions_logged: int
    breaks_done: int
    breaks_logged: int
    questions: tuple[str, ...]
    triggers_seen: tuple[str, ...]  # the question triggers that fired, for tests and the JSON view
    # the line the newest check's result said for an early call-now screen its later answers took back ("" for none,
    # or a check saved before checks kept it): the doctor reads the check as the person did
    latest_taken_back: str = ""


def no_mic(instrument: str, key: str) -> Mic | None:
    """A lookup that knows no MIC: the report then shows the change without a band."""
    return None


def kb_mic(kb: Knowledge) -> MicLookup:
    """MICs from the instruments knowledge (the first listed for a scale); none when a scale has none."""

    def lookup(instrument: str, key: str) -> Mic | None:
        item = kb.instruments.get(instrument)
        scale = next((x for x in item.scales if x.id == key), None) if item else None
        if scale is None or not scale.minimal_change:
            return None
        first = scale.minimal_change[0]
        return Mic(first.value, tuple(first.sources))

    return lookup


def _median(values: Sequence[float]) -> float | None:
    return float(statistics.median(values)) if values else None


def _finger_words(codes: Sequence[str]) -> tuple[str, ...]:
    """'r1','l1','r2' -> ('thumb', 'index'): the fingers, regardless of hand, in order of first mention."""
    out: list[str] = []
    for c in codes:
        word = FINGERS[int(c[1]) - 1]
        if word not in out:
            out.append(word)
    return tuple(out)


def _pattern(kb: Knowledge, counts: dict[str, int]) -> tuple[str | None, str | None]:
    """The report.yaml pattern whose fingers hold most of the logged mentions (at least 3 in 4), if any."""
    by_finger = Counter[str]()
    for code, n in counts.items():
        by_finger[FINGERS[int(code[1]) - 1]] += n
    total = sum(by_finger.values())
    if not total:
        return None, None
    best: tuple[float, int, str] | None = None
    for pid, pat in kb.report.patterns.items():
        inside = sum(by_finger[f] for f in pat.fingers) / total
        if len(pat.fingers) == len(FINGERS):
            spread = [by_finger[f] for f in FINGERS]
            inside = 1.0 if min(spread) >= 0.5 * max(spread) else 0.0  # about equal across all five
        if inside >= 0.75 and (best is None or (inside, -len(pat.fingers)) > (best[0], best[1])):
            best = (inside, -len(pat.fingers), pid)
    if best is None:
        return None, None
    return best[2], kb.report.patterns[best[2]].text


def summarize(data: ReportData, kb: Knowledge, mic: MicLookup = no_mic) -> Summary:
    """Work out every figure of page one from a snapshot."""
    rep = kb.report
    sym = [s for s in data.symptoms if data.start <= local_date(s.at) <= data.end]
    # A day with a symptom check is a day with numbness too: the check is about the person's numbness, and a report
    # that said "0 days with numbness" beside a check whose answers say it is there all the time contradicted it.
    checked = {local_date(c.at) for c in data.checks if data.start <= local_date(c.at) <= data.end}
    days_with = len({local_date(s.at) for s in sym} | checked)
    sev = [s.severity for s in sym]
    blocks = weeks(data)
    tr = trend(blocks)
    nights = {local_date(s.at) for s in sym if s.woke}
    recent_nights = sum(w.nights for w in [w for w in blocks if w.has_entries][-4:])  # the last four weeks with entries

    counts: Counter[str] = Counter()
    hands: Counter[str] = Counter()
    trig: Counter[str] = Counter()
    for s in sym:
        for code in expand_fingers(s.fingers):
            counts[code] += 1
        if s.hand:
            hands[s.hand] += 1
        if s.trigger:
            trig[s.trigger] += 1
    finger_counts = {c: counts.get(c, 0) for c in FINGER_CODES}
    top = [c for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], FINGER_CODES.index(kv[0]))) if n]
    pattern_id, pattern = _pattern(kb, finger_counts)

    first_entry = data.first_entry
    dated = [local_date(x.at) for x in data.symptoms] + [local_date(x.at) for x in data.treatments]
    dated += [local_date(x.at) for x in data.scores] + [local_date(x.at) for x in data.checks]
    if dated:
        first_entry = min([*dated, *([first_entry] if first_entry else [])])
    weeks_since = ((data.end - first_entry).days // 7) if first_entry else None
    days_kept = (data.end - max(data.start, first_entry)).days + 1 if first_entry else 0

    checks = sorted(data.checks, key=lambda c: c.at)
    latest = checks[-1] if checks else None
    flags: dict[str, RedFlag] = {}
    for c in checks:
        for f in c.signs():
            if f not in flags:
                flags[f] = RedFlag(f, finding_text(kb, f), local_date(c.at))

    def newest_yes(finding: str) -> dt.date | None:
        """The date of the newest check that answered this finding, when it answered yes."""
        told = [c for c in checks if c.said(finding) is not None]
        return local_date(told[-1].at) if told and told[-1].said(finding) else None

    over_6_weeks, check_wakes = newest_yes("lasting_over_6_weeks"), newest_yes("wakes_from_sleep")
    with_fingers = [c for c in checks if c.fingers()]
    check_fingers = (local_date(with_fingers[-1].at), with_fingers[-1].fingers()) if with_fingers else None

    trends = _score_trends(data, kb, mic)
    tried = _tried(data, kb)

    sessions = [a for a in data.activities if a.kind == "session" and data.start <= local_date(a.at) <= data.end]
    breaks = [a for a in data.activities if a.kind == "break" and data.start <= local_date(a.at) <= data.end]

    s_first, s_last = (tr.severity_first, tr.severity_last) if tr else (None, None)
    n_first, n_last = (tr.nights_first, tr.nights_last) if tr else (None, None)
    fired = _triggers(
        pattern_id=pattern_id,
        night_last=float(recent_nights),
        check_wakes=check_wakes is not None,
        sev_first=s_first,
        sev_last=s_last,
        trends=trends,
        tried=tried,
        latest_level=latest.level if latest else None,
        latest_title=check_title(kb, latest) if latest else "",
        any_flag=bool(flags),
    )
    questions: list[str] = []
    kinds_used = {t.kind for t in tried}
    for q in rep.questions:
        if q.unless_tried and kinds_used & set(q.unless_tried):
            continue
        if q.if_tried and not kinds_used & set(q.if_tried):
            continue
        if q.when in fired and len(questions) < rep.max_questions:
            questions.append(q.text.format(**fired[q.when]))
    from numbwise.assess.result import is_child, named_cause, saved_causes

    named = None
    listed: tuple[tuple[str, float], ...] = ()
    others, chances = "", True
    if latest is not None:
        named = named_cause({"triage": latest.level, "causes": [{"id": c, "probability": p} for c, p in latest.causes]},
                            latest.case)
        # in the result page's order, from the plan its answers give: never a ranking of the report's own
        listed, others, chances = saved_causes(latest.level, latest.case if isinstance(latest.case, Mapping) else {},
                                               latest.causes)

    return Summary(
        start=data.start,
        end=data.end,
        days=data.days,
        who=_who(data),
        since=first_entry,
        weeks_since=weeks_since,
        days_with_symptoms=days_with,
        days_kept=days_kept,
        episodes=len(sym),
        episodes_per_week=len(sym) / (days_kept / 7) if days_kept else 0.0,
        typical_severity=_median(sev),
        worst_severity=max(sev) if sev else None,
        severity_first=s_first,
        severity_last=s_last,
        nights_woken=len(nights),
        nights_per_week_first=n_first,
        nights_per_week_last=n_last,
        weeks_total=len(blocks),
        weeks_with_entries=sum(1 for w in blocks if w.has_entries),
        trend=tr,
        finger_counts=finger_counts,
        hands=dict(hands),
        pattern=pattern,
        top_fingers=_finger_words(top)[:3],
        triggers=tuple(trig.most_common(3)),
        latest_level=latest.level if latest else None,
        latest_level_title=check_title(kb, latest) if latest else None,
        latest_check_at=local_date(latest.at) if latest else None,
        # in the result page's order (walkthrough Y, Helen: by chance; AC, Frank: under call now the stroke first)
        latest_causes=tuple((cause_name(kb, c), p) for c, p in listed),
        latest_others_heading=others,
        latest_chances=chances,
        latest_named=cause_name(kb, named) if named else None,
        latest_child=is_child(data.age),
        red_flags=tuple(flags.values()),
        check_over_6_weeks=over_6_weeks,
        check_wakes=check_wakes,
        check_fingers=check_fingers,
        unsure=tuple(UnsureSigns(local_date(c.at), heading, texts) for c in checks for heading, texts in c.unsure()),
        scores=trends,
        tried=tried,
        sessions_done=sum(1 for a in sessions if a.outcome == "done"),
        sessions_logged=len(sessions),
        breaks_done=sum(1 for a in breaks if a.outcome == "done"),
        breaks_logged=len(breaks),
        questions=tuple(questions),
        triggers_seen=tuple(k for k in fired),
        latest_taken_back=latest.taken_back() if latest else "",
    )


def finding_text(kb: Knowledge, finding: str) -> str:
    """A warning sign as a person reads it: the vocabulary's words, else the question's, never the internal name."""
    words = kb.vocabulary.findings.get(finding)
    if words:
        return words.rstrip(".")
    known = kb.findings.get(finding)
    return known.said_yes.rstrip(".") if known else "A warning sign this version has no words for"


def check_title(kb: Knowledge, check: CheckRow) -> str:
    """The banner title a saved check showed: a rule's own ("Go to A&E (the emergency department) now") rebuilt from its answers, else its level's."""
    from numbwise.assess.result import saved_act

    level = kb.triage.levels.get(check.level)  # type: ignore[call-overload]
    if level is None:
        return "a level this version does not know"
    words = saved_act(check.level, check.case)
    return words[0] if words is not None else str(level.title)


def cause_name(kb: Knowledge, cause: str) -> str:
    """A cause's name as the check shows it; an unknown one is named as such, never by its internal name."""
    return kb.causes[cause].name if cause in kb.causes else "a cause this version does not know"


def _who(data: ReportData) -> str:
    parts = [data.name] if data.name else []
    if data.age is not None:
        parts.append(f"age {data.age}")
    if data.sex:
        parts.append(data.sex)
    return ", ".join(parts) if parts else "not given"


def scale_label(kb: Knowledge, instrument: str, key: str) -> tuple[str, str, bool]:
    """Name, range text and direction of a score scale (a plain fallback for scales report.yaml does not know)."""
    scale = kb.report.scales.get(f"{instrument}.{key}")
    if scale is None:
        return f"{instrument.upper()} {key}", "", True
    return scale.name, scale.range_text, scale.lower_is_better


SeriesKey = tuple[str, str, str | None]  # instrument, scale, hand (per-hand questionnaires; else None)


def score_series(data: ReportData) -> dict[SeriesKey, list[tuple[dt.datetime, float]]]:
    """Each scale's numeric results in the period, oldest first, kept apart per hand so only like is compared."""
    series: dict[SeriesKey, list[tuple[dt.datetime, float]]] = defaultdict(list)
    for row in sorted(data.scores, key=lambda r: r.at):
        if not data.start <= local_date(row.at) <= data.end:
            continue
        hand = row.values.get("hand")
        side = hand if isinstance(hand, str) else None
        for key, value in row.values.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                series[(row.instrument, key, side)].append((row.at, float(value)))
    return series


def _score_trends(data: ReportData, kb: Knowledge, mic: MicLookup) -> tuple[ScoreTrend, ...]:
    out: list[ScoreTrend] = []
    for (inst, key, hand), points in score_series(data).items():
        name, range_text, lower_better = scale_label(kb, inst, key)
        if hand is not None:
            name = f"{name}, {hand} hand"
        m = mic(inst, key)
        first, last = points[0][1], points[-1][1]
        change = last - first
        if len(points) < 2:
            verdict = "one result"
        elif m is None:
            verdict = "changed" if change else "no change"
        elif abs(change) < m.value:
            verdict = "no clear change"
        else:
            verdict = "better" if (change < 0) == lower_better else "worse"
        out.append(
            ScoreTrend(inst, key, name, range_text, first, local_date(points[0][0]), last, local_date(points[-1][0]), len(points), m,
                       verdict, hand)
        )
    return tuple(out)


def _tried(data: ReportData, kb: Knowledge) -> tuple[Tried, ...]:
    by_kind: dict[str, list[tuple[dt.date, str | None]]] = defaultdict(list)
    for t in data.treatments:
        d = local_date(t.at)
        if d <= data.end:
            by_kind[t.kind].append((d, t.detail or None))
    out = []
    for kind, rows in by_kind.items():
        days = sorted({d for d, _ in rows})
        details = tuple(dict.fromkeys(x for _, x in rows if x))
        name = kb.report.treatment_names.get(kind, kind.replace("_", " "))
        out.append(Tried(kind, name, details, days[0], days[-1], len(days), kb.report.treatment_in_sentence.get(kind, name)))
    return tuple(sorted(out, key=lambda t: t.first))


def _triggers(
    *,
    pattern_id: str | None,
    night_last: float,
    check_wakes: bool = False,
    sev_first: float | None,
    sev_last: float | None,
    trends: Sequence[ScoreTrend],
    tried: Sequence[Tried],
    latest_level: str | None,
    latest_title: str = "",
    any_flag: bool,
) -> dict[str, dict[str, str]]:
    """Which question triggers the diary shows, each with the words its question may fill in."""
    fired: dict[str, dict[str, str]] = {}
    if any_flag:
        fired["red_flag_ever"] = {}
    if latest_level == "emergency":
        fired["emergency_level"] = {}
    elif latest_level == "urgent":
        fired["urgent_level"] = {"title": latest_title.rstrip(".")}
    worse_scores = any(t.verdict == "worse" for t in trends)
    better_scores = any(t.verdict == "better" for t in trends)
    worse_sev = sev_first is not None and sev_last is not None and sev_last > sev_first
    better_sev = sev_first is not None and sev_last is not None and sev_last < sev_first
    if worse_scores or (worse_sev and not better_scores):
        fired["worse"] = {}
    used = [t for t in tried if t.weeks >= 2]
    if used:
        names = [t.in_sentence or t.name for t in used]
        words = {"treatment": " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names), "weeks": str(max(t.weeks for t in used))}
        if better_scores or (better_sev and not worse_scores):
            fired["better_with_treatment"] = words
        elif "worse" in fired or not better_sev:
            fired["not_better_after_treatment"] = words
    if night_last > 0 or check_wakes:  # the diary's nights, or the person's own answer in a check
        fired["night_waking"] = {}
    if pattern_id in ("median", "ulnar", "all"):
        fired[f"{pattern_id}_fingers"] = {}
    fired["always"] = {}
    return fired
