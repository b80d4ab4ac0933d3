"""Plain-data pages for causes and treatments, shared by every face (terminal, web, report)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from numbwise.kb import Knowledge, load
from numbwise.kb.headings import grouped
from numbwise.kb.models import Source

STRENGTH_WORDS = {
    "strong": "strong evidence",
    "moderate": "moderate evidence",
    "limited": "limited evidence",
    "consensus": "expert agreement",
    "expert_opinion": "expert opinion",
    "no_benefit": "does not help",
}
# A cause none of the seven ways treats (a stroke, over-breathing): said in plain words, pointing to what does help.
_NO_WAYS = "The seven ways to treat numbness in this app do not treat this cause. A doctor can tell you what helps."
_NO_WAYS_WITH_NOTE = "The seven ways to treat numbness in this app do not treat this cause. What helps is written above."


@dataclass(frozen=True)
class Block:
    """One titled part of a page: paragraphs and bullet items."""

    heading: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class Page:
    """A readable page about one cause or treatment, ending with its numbered sources."""

    id: str
    kind: str  # "cause", "treatment" or "exercise"
    title: str
    lead: str
    blocks: tuple[Block, ...]
    sources: tuple[Source, ...]
    see_also: tuple[str, ...] = field(default=())


class UnknownTopic(LookupError):
    """No cause or treatment has this ID; carries the closest IDs."""

    def __init__(self, topic: str, suggestions: list[str]) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"There is no cause, treatment or exercise called '{topic}'.{hint} Run 'numbwise learn' to see them all.")
        self.topic, self.suggestions = topic, suggestions


def topics(kb: Knowledge | None = None) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(id, name, one-line summary) for every cause and every treatment."""
    kb = kb or load()
    causes = [(cid, c.name, c.short) for cid, c in kb.causes.items()]
    treatments = [(tid, t.name, t.short) for tid, t in kb.treatments.items()]
    return causes, treatments


def exercise_topics(kb: Knowledge | None = None) -> list[tuple[str, str, str]]:
    """(id, name, one-line summary) for every exercise in the library."""
    kb = kb or load()
    return [(eid, e.name, e.summary) for eid, e in kb.exercises.exercises.items()]


def _collect(kb: Knowledge, ids: list[str]) -> tuple[Source, ...]:
    return tuple(kb.sources[s] for s in dict.fromkeys(ids))


def page(topic: str, kb: Knowledge | None = None) -> Page:
    """The page for a cause or treatment ID; raises UnknownTopic with suggestions."""
    kb = kb or load()
    key = topic.strip().lower().replace("-", "_").replace(" ", "_")
    if key in kb.causes:
        return _cause_page(kb, key)
    if key in kb.treatments:
        return _treatment_page(kb, key)
    if key in kb.exercises.exercises:
        return _exercise_page(kb, key)
    names = (
        {cid: c.name for cid, c in kb.causes.items()}
        | {tid: t.name for tid, t in kb.treatments.items()}
        | {eid: e.name for eid, e in kb.exercises.exercises.items()}
    )
    by_name = {n.lower(): i for i, n in names.items()}
    near = difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)
    near += [by_name[n] for n in difflib.get_close_matches(topic.lower(), list(by_name), n=3, cutoff=0.5)]
    near += [i for i in names if key and (key in i or i in key)]
    raise UnknownTopic(topic, list(dict.fromkeys(near))[:3])


def _cause_page(kb: Knowledge, cid: str) -> Page:
    from numbwise.care.plan import anyone_words

    c = kb.causes[cid]
    p = c.pattern
    ways = [f"{kb.treatments[t].name} (numbwise learn {t})" for t in c.treatments]
    blocks = [
        Block("What it is", (c.description,)),
        Block(
            "The usual pattern",
            items=(
                f"Where: {p.fingers}",
                f"One or both hands: {p.sides}",
                f"How it starts: {p.onset}",
                f"When: {p.timing}",
                f"What sets it off: {p.triggers}",
                f"What often comes with it: {p.companions}",
            ),
        ),
        Block("Who gets it", (c.who, c.how_common)),
        Block("How a doctor checks", (c.confirm,)),
        Block(
            "What can help",
            tuple(x for x in (c.care_note,) if x) or (),
            tuple(ways) if ways else (_NO_WAYS_WITH_NOTE if c.care_note else _NO_WAYS,),
        ),
        *(Block(g.heading, items=g.lines) for g in grouped(kb, c.watch_for, text_for=anyone_words(kb))),
        Block(
            "Codes",
            items=(f"ICD-10: {c.codes.icd10}",) + ((f"SNOMED CT: {c.codes.snomed}" + (f" ({c.codes.snomed_term})" if c.codes.snomed_term else ""),) if c.codes.snomed else ()),
        ),
    ]
    return Page(cid, "cause", c.name, c.short, tuple(blocks), _collect(kb, c.sources), tuple(c.treatments))


def _treatment_page(kb: Knowledge, tid: str) -> Page:
    t = kb.treatments[tid]
    helps = [h for h in t.helps if h.strength != "no_benefit"]
    not_help = [h for h in t.helps if h.strength == "no_benefit"]

    def name(cid: str) -> str:
        return kb.causes[cid].name if cid in kb.causes else kb.vocabulary.causes[cid]

    blocks = [Block("What it is", (t.what_it_is,))]
    if helps:
        blocks.append(Block("Who it can help", items=tuple(f"{name(h.cause)}: {STRENGTH_WORDS[h.strength]}. {h.note}" for h in helps)))
    if not_help:
        blocks.append(Block("Where it does not help", items=tuple(f"{name(h.cause)}: {h.note}" for h in not_help)))
    blocks += [Block(s.title, (s.text,)) for s in t.sections]
    blocks += [Block("What to expect", (t.what_to_expect,)), Block("Risks", (t.risks,))]
    ids = list(t.sources) + [s for h in t.helps for s in h.sources] + [s for sec in t.sections for s in sec.sources]
    return Page(tid, "treatment", t.name, t.short, tuple(blocks), _collect(kb, ids), tuple(h.cause for h in helps))


def _exercise_page(kb: Knowledge, eid: str) -> Page:
    from numbwise.care.plan import dose_text

    e = kb.exercises.exercises[eid]
    steps = tuple(
        f"{n}. {st.say}. {st.text}" + (f" (hold {st.hold_seconds} seconds)" if st.hold_seconds else "")
        for n, st in enumerate(e.steps, 1)
    )
    helps = tuple(kb.causes[c].name if c in kb.causes else kb.vocabulary.causes[c] for c in e.helps)
    blocks = (
        Block("How to do it", items=steps),
        Block("How much", (dose_text(kb, eid).capitalize() + ".",)),
        Block("It may help with", items=helps),
        Block("Take care", items=tuple(e.cautions)),
        Block("Do it with a guide", (f"numbwise exercise {eid}",)),
    )
    return Page(eid, "exercise", e.name, e.summary, blocks, _collect(kb, list(e.sources)), tuple(e.helps))


def cite(source: Source) -> str:
    """A one-line reference: who, title, year, link."""
    who = source.authors or source.publisher or ""
    bits = [who, source.title]
    if source.publisher and source.authors:
        bits.append(source.publisher)
    if source.year:
        bits.append(str(source.year))
    return ". ".join(b.rstrip(".") for b in bits if b) + f". {source.url}"
