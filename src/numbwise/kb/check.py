"""The figures and checks behind `numbwise kb check`: coverage, sources and reading level."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from numbwise.kb.loader import KNOWLEDGE_DIR, KnowledgeError, load_from
from numbwise.kb.readability import grade


@dataclass
class Report:
    """Printable lines and the problems that make the check fail."""

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def person_texts(kb: Any) -> list[tuple[str, str]]:
    """(where, text) for every text a person reads in the knowledge base."""
    out: list[tuple[str, str]] = [("meta.notice", kb.meta.notice)]
    for fid, f in kb.findings.items():
        out += [(f"findings.{fid}.question", f.question), (f"findings.{fid}.help", f.help), (f"findings.{fid}.why", f.why)]
        out += [(f"findings.{fid}.said_{k}", t) for k, t in (("yes", f.said_yes), ("no", f.said_no),
                                                            ("as_sign", f.said_as_sign)) if t]
        out += [(f"findings.{fid}.checklist", f.checklist)] if f.checklist else []
        out += [(f"findings.{fid}.checklist_with.{g}", t) for g, t in f.checklist_with.items()]
        out += [(f"findings.{fid}.said_yes_beside_no.{g}", t) for g, t in f.said_yes_beside_no.items()]
        out += [(f"findings.{fid}.said_yes_with.{g}", t) for g, t in f.said_yes_with.items()]
        out += [(f"findings.{fid}.said_yes_with_beside_no.{g}.{h}", t) for g, by in f.said_yes_with_beside_no.items()
                for h, t in by.items()]
        out += [(f"findings.{fid}.question_after_yes.{g}", t) for g, t in f.question_after_yes.items()]
        out += [(f"findings.{fid}.help_with.{g}", t) for g, t in f.help_with.items()]
        # how a 'not sure' is named on the result (walkthrough AD, Aisha: whether her headache came on suddenly)
        out += [(f"findings.{fid}.unsure_with.{g}", t) for g, t in f.unsure_with.items()]
        out += [(f"findings.{fid}.unsure_text", f.unsure_text)] if f.unsure_text else []
        out += [(f"findings.{fid}.if_unsure", f.if_unsure)] if f.if_unsure else []
    for cid, c in kb.causes.items():
        out += [(f"causes.{cid}.{k}", getattr(c, k)) for k in ("short", "description", "who", "how_common", "confirm")]
        out += [(f"causes.{cid}.pattern.{k}", v) for k, v in c.pattern.model_dump().items()]
        out += [(f"causes.{cid}.watch_for", t) for w in c.watch_for for t in (w.text, *w.parts.values())]
        if c.care_note:
            out.append((f"causes.{cid}.care_note", c.care_note))
        out += [(f"causes.{cid}.said_notes.{n.said}", n.text) for n in c.said_notes]
        if c.unasked_sign is not None:
            out += [(f"causes.{cid}.unasked_sign.text", c.unasked_sign.text),
                    (f"causes.{cid}.unasked_sign.if_not", c.unasked_sign.if_not)]
    for tid, t in kb.treatments.items():
        out += [(f"treatments.{tid}.{k}", getattr(t, k)) for k in ("short", "what_it_is", "what_to_expect", "risks")]
        out += [(f"treatments.{tid}.helps.{h.cause}", h.note) for h in t.helps]
        out += [(f"treatments.{tid}.{s.title}", s.text) for s in t.sections]
    out.append(("foods.intro", kb.foods.intro))
    out.append(("foods.plant_intro", kb.foods.plant_intro))
    out.append(("foods.needs_note", kb.foods.needs_note))
    out += [(f"foods.at_risk.{r.group}", r.why) for r in kb.foods.at_risk]
    tri = kb.triage
    for level, lt in tri.levels.items():
        out += [(f"triage.levels.{level}.action", lt.action)] + [(f"triage.levels.{level}.do", d) for d in lt.do + lt.do_not]
        out += [(f"triage.levels.{level}.reworded", r.instead) for r in lt.reworded]
    out += [(f"triage.unsure_caution.{lv}", t) for lv, t in tri.unsure_caution.items()]
    out += [(f"triage.unsure_caution_beside_lead.{lv}", t) for lv, t in tri.unsure_caution_beside_lead.items()]
    out += [(f"triage.unsure_caution_beside_act.{lv}", t) for lv, t in tri.unsure_caution_beside_act.items()]
    out += [("triage.unsure_caution_went_away", tri.unsure_caution_went_away)] if tri.unsure_caution_went_away else []
    out += [("triage.unsure_caution_also_urgent", tri.unsure_caution_also_urgent)] if tri.unsure_caution_also_urgent else []
    out += [("triage.unsure_caution_names", tri.unsure_caution_names.format(signs="your speech is slurred"))] \
        if tri.unsure_caution_names else []
    for lv, lead in tri.unsure_lead.items():  # the level's own words stand in for their slot ("{action}")
        said = [lead.heading, lead.do_heading, lead.why, *(t for t in (lead.urgent_why, lead.urgent_do_heading) if t), *(getattr(lead, k).format(title="see a doctor", action="see a doctor.",
                                                                       by_when="today.") for k in ("title", "action", "by_when"))]
        watch = lead.past_watch_new or ""  # the call-now line in its slot, as the result says it
        story = lead.start_stories[0] if lead.start_stories else None  # the first story's words in their slots
        slots = {"said": story.said, "likely": story.likely, "because": story.because} if story else {}
        first = next(iter(lead.past_reasons.values()), None)  # the first sign's own lines in their slots
        slots |= {"maybe": (first.maybe or "") if first else "", "reasons": first.why if first else ""}
        said += [t for r in lead.past_reasons.values() for t in (r.maybe, r.why, r.old_why, r.old_maybe) if t]
        said += [t.format(action="see a doctor.", watch=watch, **slots) for t in (
            lead.past_title, lead.past_action, lead.past_by_when, lead.past_why, lead.past_causes_note,
            lead.past_watch_again, lead.past_watch_new, lead.start_heading, lead.start_caution, lead.start_action,
            lead.start_why, lead.start_causes_note, *(t for st in lead.start_stories for t in (st.said, st.because))) if t]
        now = {"said": lead.now_said_sign or "", "where": lead.now_where}
        now |= {"new": (lead.now_maybe_new or lead.now_new).format(**now)}
        said += [t.format(**now) for t in (lead.now_new, lead.now_maybe_new, *lead.now_action_with.values()) if t]
        said += [t.format(**now) for t in (lead.now_title, lead.now_action, lead.now_by_when, lead.now_why,
                                            lead.now_do_heading, lead.now_said_start) if t]
        ifs = {"if": lead.now_causes_if_sign or ""}  # the call-now causes' lead, as the result says it
        said += [t.format(**ifs) for t in (lead.now_causes_lead, *lead.now_causes_lead_with.values()) if t]
        said += [t for t in (lead.now_causes_if_sign, lead.now_causes_if_start, lead.now_others_heading, lead.now_also,
                             (lead.now_also_title or "").format(title="tingling after thyroid surgery")) if t]
        if lead.onset_long is not None:  # over six weeks: its words with an attack and a reason in their slots
            ol = lead.onset_long
            said += [t.format(next=ol.attack, length=ol.length, reason=lead.onset_reason or "", title="see a doctor",
                              action="see a doctor.", by_when="today.")
                     for t in (ol.caution, ol.act, ol.title, ol.action, ol.by_when, ol.do_heading, ol.why,
                               ol.urgent_action, ol.urgent_why)]
            said += [t.replace("{chance}", " (about 7 in 10)") for t in ol.lead_causes.values()]  # under the headline
        out += [(f"triage.unsure_lead.{lv}", t) for t in said]
    if tri.foot_sore_lead is not None:  # the level's own words in the do_heading's slots
        fl = tri.foot_sore_lead
        out += [("triage.foot_sore_lead", t) for t in (fl.title, fl.heading, fl.action, fl.by_when, fl.why,
                                                        fl.do_heading.format(title="book a doctor's visit",
                                                                             by_when="within days to two weeks"))]
        out += [("triage.foot_sore_lead", t) for t in (fl.fever_title, fl.fever_action, fl.fever_by_when, fl.fever_why,
                                                        fl.unsure_fever, fl.unsure_fever_group, fl.unsure_caution,
                                                        fl.unsure_heading, fl.unsure_item, fl.unsure_advice) if t]
    out += [(f"interview.steps.{st.id}.{k}", t) for st in kb.interview.steps
            for k, t in (("unsure_text", st.unsure_text), ("unsure_text_palm", st.unsure_text_palm)) if t]
    if kb.interview.foot_sore is not None:
        fq = kb.interview.foot_sore
        out += [("interview.foot_sore", t) for t in (fq.text, fq.help, fq.why, fq.said_yes, fq.said_no)]
    out += [(f"interview.before_call_now.{b.ask}", t) for b in kb.interview.before_call_now
            for t in (b.text, b.help, b.why, b.still)]
    out += [(f"interview.act_first.{a.rule}", t) for a in kb.interview.act_first for t in (a.go_on, a.still)]
    tb = kb.interview.taken_back
    out += [("interview.taken_back", " ".join((tb.earlier, tb.before.format(what="which hands"), tb.after)))] \
        if tb is not None else []
    sf = kb.interview.sugar_first
    out += [("interview.sugar_first", t) for t in (sf.go_on, sf.still, sf.still_beside, sf.action_onset_unknown,
                                                    sf.still_onset_unknown, sf.title_beside, sf.action_beside) if t] \
        if sf is not None else []
    out += [(f"triage.rules.{r.id}.why", r.why) for r in tri.rules]
    out += [(f"triage.rules.{r.id}.why_with.{f}", t) for r in tri.rules for f, t in r.why_with.items()]
    out += [(f"triage.rules.{r.id}.checked", r.checked) for r in tri.rules if r.checked]
    out += [(f"triage.rules.{r.id}.do_first", r.do_first) for r in tri.rules if r.do_first]
    out += [("triage.checked_together", tri.checked_together)] if tri.checked_together else []
    for r in tri.rules:
        if r.act is not None:
            a = r.act
            said = [a.title, a.action, a.by_when, a.also, *a.do, *a.do_not, a.if_unsure, a.why_if_unsure, a.unsure_check,
                    a.first_with_why, *a.first_with_says.values()]
            out += [(f"triage.rules.{r.id}.act", t) for t in said if t]
    out += [("triage.watch_for", t) for w in tri.watch_for for t in (w.text, *w.parts.values(), *([w.again] if w.again else []))] + [("triage.coherence.why", tri.coherence.why)]
    out += [("triage.coherence.cause_note", tri.coherence.cause_note.format(signs=c.signs)) for c in tri.coherence.causes.values()]
    for eid, e in kb.exercises.exercises.items():
        out += [(f"exercises.{eid}.summary", e.summary)] + [(f"exercises.{eid}.cautions", c) for c in e.cautions]
        out += [(f"exercises.{eid}.{st.id}.{k}", getattr(st, k)) for st in e.steps for k in ("text", "alt")]
    out += [(f"exercises.routines.{rid}", r.summary) for rid, r in kb.exercises.routines.items()]
    care = kb.care
    for pid, plan in list(care.plans.items()) + [("generic", care.generic)] + list(care.doctor_first.items()):
        out += [(f"care.{pid}.summary", plan.summary)] + [(f"care.{pid}.warnings", w.text) for w in plan.warnings]
        out += [(f"care.{pid}.home_summary", plan.home_summary)] if plan.home_summary else []
        out += [(f"care.{pid}.steps", t) for st in plan.steps for t in (st.do, st.do_if_yes, st.on_care_page, st.with_foot_sore, st.how_long, *st.how_long_with_rule.values(), *(t for n in st.notes for t in (n.text, n.said_yes, n.do_if_yes) if t)) if t]
        out += [(f"care.{pid}.ask_doctor", x.text) for x in plan.ask_doctor]
        out += [(f"care.{pid}.escalate", f"{x.when} {x.then}") for x in plan.escalate]
    out += [("care.safety", t) for s in care.safety for t in (s.do, s.with_foot_sore) if t]
    rep = kb.report
    out += [("report.intro", rep.intro), ("report.mic_note", rep.mic_note)]
    out += [(f"report.questions.{q.when}", q.text) for q in rep.questions]
    out += [(f"report.patterns.{pid}", p.text) for pid, p in rep.patterns.items()]
    return [(w, t) for w, t in out if len(t.split()) >= 4]


def check(folder: Path | None = None) -> Report:
    """Validate a knowledge folder and measure it; a problem makes the check fail."""
    report = Report()
    try:
        kb = load_from(folder or KNOWLEDGE_DIR)
    except KnowledgeError as exc:
        report.problems.extend(exc.problems)
        return report
    voc = kb.vocabulary
    n_f = sum(1 for f in voc.findings if f in kb.findings)
    n_c = sum(1 for c in voc.causes if c in kb.causes)
    lk = kb.likelihoods
    lit = sum(1 for c in lk.causes.values() for x in c.findings.values() if x.basis == "literature")
    est = sum(1 for c in lk.causes.values() for x in c.findings.values() if x.basis == "estimate")
    entries = (
        [("finding", f.sources) for f in kb.findings.values()]
        + [("cause", c.sources) for c in kb.causes.values()]
        + [("treatment", t.sources) for t in kb.treatments.values()]
        + [("rule", r.sources) for r in kb.triage.rules]
        + [("cause model", c.sources) for c in lk.causes.values()]
        + [("food", [f.source]) for f in kb.foods.foods]
        + [("exercise", e.sources) for e in kb.exercises.exercises.values()]
        + [("care step", st.sources) for p in kb.care.plans.values() for st in p.steps]
        + [("doctor's offer", x.sources) for p in kb.care.plans.values() for x in p.ask_doctor]
    )
    n_steps = sum(len(e.steps) for e in kb.exercises.exercises.values())
    pictures = {st.picture for e in kb.exercises.exercises.values() for st in e.steps}
    unsourced = sum(1 for _, s in entries if not s)
    texts = person_texts(kb)
    graded = [(grade(t), w) for w, t in texts]
    mean = sum(g for g, _ in graded) / len(graded)
    worst, where = max(graded)
    over_limit = [(g, w) for g, w in graded if g > kb.meta.reading_grade_limit]
    by_check: dict[str, int] = {}
    for s in kb.sources.values():
        by_check[s.checked] = by_check.get(s.checked, 0) + 1
    n_phrased = sum(1 for f in voc.findings if f in kb.findings and kb.findings[f].phrases is not None)
    n_phrases = sum(len(f.phrases.says) + len(f.phrases.denied) for f in kb.findings.values() if f.phrases is not None)
    report.lines += [
        f"Knowledge base reviewed {kb.meta.review_date.isoformat()}",
        f"Findings covered:        {n_f}/{len(voc.findings)}",
        f"Causes covered:          {n_c}/{len(voc.causes)}",
        f"Treatments:              {len(kb.treatments)}",
        f"Triage rules:            {len(kb.triage.rules)}",
        f"Sources:                 {len(kb.sources)} (" + ", ".join(f"{k} {v}" for k, v in sorted(by_check.items())) + ")",
        f"Entries without a source: {unsourced} of {len(entries)}",
        f"Likelihoods:             {lit} from the literature, {est} clinical estimates",
        f"Exercises:               {len(kb.exercises.exercises)} ({n_steps} steps, {len(pictures)} pictures), {len(kb.exercises.routines)} routines",
        f"Care plans:              {len(kb.care.plans)} causes, plus generic and doctor-first for {len(kb.care.doctor_first)} causes",
        f"Instruments:             {len(kb.instruments)} ({', '.join(sorted(kb.instruments))})",
        f"Lay phrases (parser):    {n_phrased}/{len(voc.findings)} findings, {n_phrases} phrases",
        f"Reading grade (Flesch-Kincaid) of {len(texts)} texts: mean {mean:.1f}, worst {worst:.1f} ({where})",
    ]
    if n_f < len(voc.findings) or n_c < len(voc.causes):
        report.problems.append("the knowledge base does not cover every finding and cause of the vocabulary")
    if n_phrased < len(voc.findings):
        report.problems.append(f"{len(voc.findings) - n_phrased} findings have no lay phrases for the parser")
    if unsourced:
        report.problems.append(f"{unsourced} entries name no source")
    if mean > kb.meta.reading_grade_target:
        report.problems.append(f"mean reading grade {mean:.1f} is above the target {kb.meta.reading_grade_target:g}")
    for g, w in sorted(over_limit, reverse=True):
        report.problems.append(f"reading grade {g:.1f} is above the limit {kb.meta.reading_grade_limit:g}: {w}")
    return report
