"""A finished check as plain data for people: every face (web, report) shows the same parts in the same order."""

from __future__ import annotations

from dataclasses import dataclass

from numbwise.assess.engine import Assessment
from numbwise.assess.explain import cause_reasons, percent, statement, triage_reasons
from numbwise.assess.triage import Triage
from numbwise.assess.warnings import watch_for
from numbwise.kb import load


@dataclass(frozen=True)
class CauseView:
    """One likely cause: name, chance in words and as a whole percent, and the answers for and against it."""

    id: str
    name: str
    percent: str
    value: int  # 0-100, for a meter
    towards: tuple[str, ...]
    away: tuple[str, ...]
    has_page: bool  # a Learn page exists for it


@dataclass(frozen=True)
class Way:
    """One of the seven ways to treat it that fits the leading cause."""

    id: str
    name: str
    short: str


@dataclass(frozen=True)
class Summary:
    """Banner, warning signs, why, what to do, likely causes, ways that fit, when to get help sooner, notice."""

    level: str
    title: str
    action: str
    by_when: str
    red_flags: tuple[str, ...]
    why: tuple[str, ...]
    do: tuple[str, ...]
    do_not: tuple[str, ...]
    causes: tuple[CauseView, ...]
    top_name: str
    ways: tuple[Way, ...]
    watch_for: tuple[str, ...]
    notice: str


def summarise(result: Assessment) -> Summary:
    """Turn an assessment into the parts a person reads (same choices as the terminal's result)."""
    kb = load()
    lt = kb.triage.levels[result.triage]  # type: ignore[index]
    causes = []
    for cid, p in result.causes:
        r = cause_reasons(result.case.findings, cid, p)
        name = kb.causes[cid].name if cid in kb.causes else kb.vocabulary.causes[cid]
        causes.append(CauseView(cid, name, percent(p), max(1, min(99, round(100 * p))),
                                tuple(statement(f, v) for f, v in r.towards),
                                tuple(statement(f, v) for f, v in r.away), cid in kb.causes))
    top = result.causes[0][0]
    ways: tuple[Way, ...] = ()
    if result.triage in ("routine", "self_care"):
        ways = tuple(Way(t, kb.treatments[t].name, kb.treatments[t].short) for t in kb.causes[top].treatments)
    return Summary(
        level=result.triage,
        title=lt.title,
        action=lt.action,
        by_when=lt.by_when,
        red_flags=tuple(statement(f, True) for f in result.red_flags),
        why=tuple(triage_reasons(Triage(result.triage, result.red_flags, result.rules))),
        do=tuple(lt.do),
        do_not=tuple(lt.do_not),
        causes=tuple(causes),
        top_name=kb.causes[top].name,
        ways=ways,
        watch_for=tuple(w.text for w in watch_for(result.case.findings, result.case.age, result.triage)),
        notice=kb.meta.notice,
    )


def answered(history: tuple[tuple[object, tuple[tuple[str, bool], ...]], ...]) -> tuple[tuple[str, str], ...]:
    """Each question asked (its text) and the answer given, in words, for the printed result."""
    kb = load()
    out = []
    for q, updates in history:
        given = dict(updates)
        kind, text = getattr(q, "kind"), getattr(q, "text")
        findings, labels = getattr(q, "findings"), getattr(q, "labels") or ()
        if kind == "finding":
            fid = findings[0]
            out.append((text, "Not sure" if fid not in given else ("Yes" if given[fid] else "No")))
            continue
        if kind == "choice":
            picked = [labels[i] for i, f in enumerate(findings) if given.get(f) is True]
            out.append((text, picked[0] if picked else "Not sure"))
            continue
        names = dict(zip(findings, labels)) or {f: kb.vocabulary.findings.get(f, f) for f in findings}
        yes = [names.get(f, f) for f in findings if given.get(f) is True]
        unsure = [names.get(f, f) for f in findings if f not in given]
        if kind == "fingers":
            out.append((text, "; ".join(yes) if yes else "Not sure"))
            continue
        parts = ([f"Yes: {'; '.join(yes)}"] if yes else []) + ([f"Not sure: {'; '.join(unsure)}"] if unsure else [])
        out.append((text, ". ".join(parts) if parts else "None of these"))
    return tuple(out)
