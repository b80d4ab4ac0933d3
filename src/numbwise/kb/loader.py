"""Load and cross-check the knowledge folder once, naming file, entry and field on any error."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from numbwise.picklecache import cache_dir as cache_dir, load_or_build
from numbwise.kb.models import (
    CareFile,
    Cond,
    Rule,
    RuledWarning,
    ExercisesFile,
    Cause,
    Finding,
    FoodsFile,
    InterviewFile,
    Group,
    Instrument,
    LanguageFile,
    LikelihoodsFile,
    Meta,
    ReportFile,
    Source,
    Treatment,
    TriageFile,
)

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
M = TypeVar("M", bound=BaseModel)


class KnowledgeError(Exception):
    """The knowledge folder is broken; `problems` holds one line per fault."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Vocabulary:
    """The stable IDs of the benchmark contract (copied from the shared spec)."""

    findings: dict[str, str]
    finding_groups: dict[str, str]
    causes: dict[str, str]


@dataclass(frozen=True)
class Knowledge:
    """Everything numbwise knows, validated and cross-checked."""

    folder: Path
    meta: Meta
    vocabulary: Vocabulary
    sources: dict[str, Source]
    groups: dict[str, Group]
    findings: dict[str, Finding]
    causes: dict[str, Cause]
    treatments: dict[str, Treatment]
    foods: FoodsFile
    triage: TriageFile
    likelihoods: LikelihoodsFile
    interview: InterviewFile
    exercises: ExercisesFile
    care: CareFile
    instruments: dict[str, Instrument]
    report: ReportFile
    language: LanguageFile  # the free-text parser's context words


@functools.cache
def _strict_loader() -> Any:
    """A YAML loader that refuses a key given twice in one mapping (plain YAML keeps the last one silently)."""
    import yaml

    class Strict(yaml.CSafeLoader):
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key '{key}' is given twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return Strict


def _read(folder: Path, name: str, problems: list[str]) -> Any:
    import yaml  # only needed when the cache is cold

    path = folder / name
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_strict_loader())
    except FileNotFoundError:
        problems.append(f"{name}: file is missing")
    except yaml.YAMLError as exc:
        problems.append(f"{name}: not valid YAML: {exc}".replace("\n", " "))
    return None


def _describe(exc: ValidationError) -> Iterator[str]:
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(top)"
        yield f"field '{where}': {err['msg']}"


def _one(model: type[M], data: Any, file: str, entry: str | None, problems: list[str]) -> M | None:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        label = f"{file}: entry '{entry}'" if entry else file
        problems.extend(f"{label}: {msg}" for msg in _describe(exc))
        return None


def _entries(model: type[M], data: Any, file: str, problems: list[str]) -> dict[str, M]:
    if not isinstance(data, Mapping):
        problems.append(f"{file}: expected a mapping of IDs to entries")
        return {}
    out: dict[str, M] = {}
    for key, value in data.items():
        item = _one(model, value, file, str(key), problems)
        if item is not None:
            out[str(key)] = item
    return out


def _vocabulary(folder: Path, problems: list[str]) -> Vocabulary:
    """The finding and cause IDs of the contract, with each finding's group."""
    raw_f = _read(folder, "vocabulary/findings.yaml", problems) or {}
    raw_c = _read(folder, "vocabulary/causes.yaml", problems) or {}
    findings: dict[str, str] = {}
    groups: dict[str, str] = {}
    for group, items in raw_f.items():
        for fid, text in (items or {}).items():
            findings[fid] = text
            groups[fid] = group
    causes = {cid: entry["name"] for cid, entry in raw_c.items()}
    return Vocabulary(findings=findings, finding_groups=groups, causes=causes)


def _cross_check(kb: Knowledge, problems: list[str]) -> None:
    src, voc = kb.sources, kb.vocabulary

    def refs(file: str, entry: str, ids: list[str]) -> None:
        for sid in ids:
            if sid not in src:
                problems.append(f"{file}: entry '{entry}': unknown source '{sid}'")

    def coverage(file: str, kind: str, vocabulary: Mapping[str, str], entries: Mapping[str, object]) -> None:
        problems.extend(f"{file}: entry '{i}': missing (the vocabulary names it)" for i in vocabulary if i not in entries)
        problems.extend(f"{file}: entry '{i}': not in the {kind} vocabulary" for i in entries if i not in vocabulary)

    coverage("findings.yaml", "finding", voc.findings, kb.findings)
    for fid, f in kb.findings.items():
        if fid in voc.findings and f.group != voc.finding_groups[fid]:
            problems.append(f"findings.yaml: entry '{fid}': group '{f.group}' differs from the vocabulary's '{voc.finding_groups[fid]}'")
        if f.group not in kb.groups:
            problems.append(f"findings.yaml: entry '{fid}': unknown group '{f.group}'")
        linked: dict[str, Collection[str]] = {  # fields naming other findings
            "question_after_yes names": f.question_after_yes, "implies": f.implies, "parts": f.parts, "follows": f.follows,
            "follows_one_of": f.follows_one_of,
            "no_is_no_reason_with": f.no_is_no_reason_with, "no_is_no_reason_unsure": f.no_is_no_reason_unsure,
            "unsure_with": f.unsure_with,
            "phrases need": f.phrases.needs if f.phrases else [], "how_to_check_with": f.how_to_check_with,
            "said_yes_beside_no": f.said_yes_beside_no, "said_yes_with": f.said_yes_with,
            "said_yes_with_beside_no": [*f.said_yes_with_beside_no, *(g for by in f.said_yes_with_beside_no.values() for g in by)],
            "checklist_with": f.checklist_with, "help_with": f.help_with}
        problems += [f"findings.yaml: entry '{fid}': {how} '{other}', which is not another known finding"
                     for how, others in linked.items() for other in others if other == fid or other not in voc.findings]
        problems += [f"findings.yaml: entry '{fid}': no_is_no_reason_for '{cid}', which is not a known cause"
                     for cid in f.no_is_no_reason_for if cid not in voc.causes]
        if f.ages is not None:
            refs("findings.yaml", f"{fid}.ages", f.ages.sources)
        refs("findings.yaml", fid, f.sources)

    coverage("causes.yaml", "cause", voc.causes, kb.causes)
    for cid, c in kb.causes.items():
        for n in c.said_notes:
            if n.said not in voc.findings:
                problems.append(f"causes.yaml: entry '{cid}': a said note on '{n.said}', which is not a known finding")
            refs("causes.yaml", f"{cid}.said_notes.{n.said}", n.sources)
        if c.unasked_sign is not None:
            refs("causes.yaml", f"{cid}.unasked_sign", c.unasked_sign.sources)
        for tid in c.treatments:
            if tid not in kb.treatments:
                problems.append(f"causes.yaml: entry '{cid}': unknown treatment '{tid}'")
        refs("causes.yaml", cid, c.sources)

    for tid, t in kb.treatments.items():
        refs("treatments.yaml", tid, t.sources)
        for h in t.helps:
            if h.cause not in voc.causes:
                problems.append(f"treatments.yaml: entry '{tid}': unknown cause '{h.cause}'")
            refs("treatments.yaml", tid, h.sources)
        for s in t.sections:
            refs("treatments.yaml", tid, s.sources)

    foods = kb.foods
    refs("foods.yaml", "pin", [foods.pin.source])
    refs("foods.yaml", "intro", foods.intro_sources)
    for food in foods.foods:
        refs("foods.yaml", food.name, [food.source])
    for need in foods.needs:
        refs("foods.yaml", need.life_stage, [need.source])
    for risk in foods.at_risk:
        refs("foods.yaml", risk.group, risk.sources)

    tri = kb.triage
    refs("triage_rules.yaml", "watch_for", tri.watch_for_sources)
    if tri.unsure_caution:
        refs("triage_rules.yaml", "unsure_caution", tri.unsure_caution_sources)
    for lv, lead in tri.unsure_lead.items():
        refs("triage_rules.yaml", f"unsure_lead.{lv}", lead.now_sources)
        problems += [f"triage_rules.yaml: unsure_lead.{lv}.now_cause: unknown cause '{lead.now_cause}'"
                     ] if lead.now_cause is not None and lead.now_cause not in voc.causes else []
        problems += [f"triage_rules.yaml: unsure_lead.{lv}.now_hides_reasons: unknown rule '{rid}'"
                     for rid in lead.now_hides_reasons if rid not in {r.id for r in tri.rules}]
        problems += [f"triage_rules.yaml: unsure_lead.{lv}.now_causes_lead_with: unknown finding '{fid}'"
                     for fid in lead.now_causes_lead_with if fid not in voc.findings]
        refs("triage_rules.yaml", f"unsure_lead.{lv}.start", lead.start_sources)
        refs("triage_rules.yaml", f"unsure_lead.{lv}.old", lead.old_sources)
        refs("triage_rules.yaml", f"unsure_lead.{lv}.onset", lead.onset_sources)
        problems += [f"triage_rules.yaml: unsure_lead.{lv}.onset_again_when: unknown finding '{fid}'"
                     for fid in sorted(lead.onset_again_when.finding_ids() if lead.onset_again_when else ())
                     if fid not in voc.findings]
        if lead.onset_long is not None:
            refs("triage_rules.yaml", f"unsure_lead.{lv}.onset_long", lead.onset_long.sources)
            problems += [f"triage_rules.yaml: unsure_lead.{lv}.onset_long.attack_when: unknown finding '{fid}'"
                         for fid in sorted(lead.onset_long.attack_when.finding_ids()) if fid not in voc.findings]
            problems += [f"triage_rules.yaml: unsure_lead.{lv}.onset_long.lead_causes: unknown cause '{cid}'"
                         for cid in sorted(lead.onset_long.lead_causes) if cid not in voc.causes]
        problems += [f"triage_rules.yaml: unsure_lead.{lv}.start_when: unknown finding '{fid}'"
                     for fid in sorted(lead.start_when.finding_ids() if lead.start_when else ()) if fid not in voc.findings]
        problems += [f"triage_rules.yaml: unsure_lead.{lv}.start_stories: unknown finding '{fid}'"
                     for story in lead.start_stories for fid in sorted(story.when.finding_ids()) if fid not in voc.findings]
    for led in tri.rules:  # a rule's words for leading from a 'not sure' only where it leads, on its own lines
        act = led.act
        if act is not None:
            problems.extend(f"triage_rules.yaml: rule '{led.id}': unsure_drops: not one of its act's lines: {d!r}"
                            for d in act.unsure_drops if d not in act.do and d not in act.do_not)
            if (act.why_if_unsure or act.unsure_drops) and not act.lead_if_unsure:
                problems.append(f"triage_rules.yaml: rule '{led.id}': why_if_unsure and unsure_drops need lead_if_unsure")
            if act.unsure_check and not act.if_unsure:  # its check goes with the rule's own words for a doubt
                problems.append(f"triage_rules.yaml: rule '{led.id}': unsure_check needs if_unsure")
    refs("triage_rules.yaml", "coherence", tri.coherence.sources)
    ids = [r.id for r in tri.rules]
    rule_level = {r.id: r.level for r in tri.rules}
    for item in tri.watch_for:
        if rule_level.get(item.rule) in (None, "self_care"):
            problems.append(f"triage_rules.yaml: watch_for: '{item.rule}' is not an emergency, urgent or routine rule")
        elif tri.levels.get(rule_level[item.rule]) is None or tri.levels[rule_level[item.rule]].watch_heading is None:
            problems.append(f"triage_rules.yaml: levels.{rule_level[item.rule]}: a watch_heading is needed for '{item.rule}'")
        for fid in [*item.findings, *item.only_with, *item.already_when]:
            if fid not in voc.findings:
                problems.append(f"triage_rules.yaml: watch_for '{item.rule}': unknown finding '{fid}'")
        problems.extend(f"triage_rules.yaml: watch_for '{item.rule}': with_rules: unknown rule '{rid}'"
                        for rid in item.with_rules if rid not in rule_level)
        level_heading = tri.levels[rule_level[item.rule]].watch_heading if rule_level.get(item.rule) in tri.levels else None
        heading = item.heading or level_heading or ""
        problems.extend(f"triage_rules.yaml: watch_for: '{text}' disagrees with its heading '{heading}'"
                        for text in (item.text, *item.parts.values(), *([item.again] if item.again else []))
                        if heading_disagrees(heading, text))
    for name, lt in tri.levels.items():  # a line bound to rules is said only beside them: each must be of its level
        for bound in lt.only_for:
            problems.extend(f"triage_rules.yaml: levels.{name}: only_for: '{rid}' is not a rule of this level"
                            for rid in bound.rules if rule_level.get(rid) != name)
            problems.extend(f"triage_rules.yaml: levels.{name}: only_for: not_beside: unknown rule '{rid}'"
                            for rid in bound.not_beside if rid not in rule_level)
            problems.extend(f"triage_rules.yaml: levels.{name}: only_for: when: unknown finding '{fid}'"
                            for fid in (bound.when.finding_ids() if bound.when else ()) if fid not in voc.findings)
        for worded in lt.alone_for:
            problems.extend(f"triage_rules.yaml: levels.{name}: alone_for: '{rid}' is not a rule of this level"
                            for rid in worded.rules if rule_level.get(rid) != name)
            problems.extend(f"triage_rules.yaml: levels.{name}: alone_for: counts: '{rid}' is not a rule of this level"
                            for rid in worded.counts if rule_level.get(rid) != name)
            problems.extend(f"triage_rules.yaml: levels.{name}: alone_for: counts: unknown finding '{fid}'"
                            for fids in worded.counts.values() for fid in fids if fid not in voc.findings)
    for cid, cc in tri.coherence.causes.items():
        if cid not in voc.causes:
            problems.append(f"triage_rules.yaml: coherence: unknown cause '{cid}'")
        for fid in cc.settle + sorted(set().union(*(n.when.finding_ids() for n in cc.not_now))):
            if fid not in voc.findings:
                problems.append(f"triage_rules.yaml: coherence.{cid}: unknown finding '{fid}'")
    for key, tpl, slot in (("cause_note", tri.coherence.cause_note, "{signs}"),
                           ("cause_note_unsure", tri.coherence.cause_note_unsure, "{parts}")):
        if slot not in tpl or tpl.replace(slot, "").count("{"):
            problems.append(f"triage_rules.yaml: coherence.{key} must hold {slot} and no other slot")
    for rule in tri.rules:
        problems += [f"triage_rules.yaml: entry '{rule.id}': {p}" for p in monotonicity_problems(rule)]
    routine_ids = {r.id for r in tri.rules if r.level == "routine" and r.generic}
    for rule in tri.rules:
        if ids.count(rule.id) > 1:
            problems.append(f"triage_rules.yaml: entry '{rule.id}': duplicate rule ID")
        refs("triage_rules.yaml", rule.id, rule.sources)
        conds = [rule.when] + ([rule.unless] if rule.unless else []) + ([rule.why_needs] if rule.why_needs else [])
        for fid in sorted(set().union(*(c.finding_ids() for c in conds))):
            if fid not in voc.findings:
                problems.append(f"triage_rules.yaml: entry '{rule.id}': unknown finding '{fid}'")
        if rule.replaces and rule.level != "self_care":
            problems.append(f"triage_rules.yaml: entry '{rule.id}': only self-care rules may replace others")
        for rid in rule.replaces:
            if rid not in routine_ids:
                problems.append(f"triage_rules.yaml: entry '{rule.id}': '{rid}' is not a generic routine rule")
        levels = {r.id: r.level for r in tri.rules}
        for rid in rule.supersedes:
            if levels.get(rid) != rule.level or rule.level not in ("emergency", "urgent") or rid == rule.id:
                problems.append(f"triage_rules.yaml: entry '{rule.id}': it may stand in only for another "
                                f"emergency or urgent rule of its own level, not '{rid}'")
        for note in rule.notes:
            for said in (note.said, *((note.beside_no,) if note.beside_no else ())):
                if said not in voc.findings:
                    problems.append(f"triage_rules.yaml: entry '{rule.id}': note answer '{said}' is not a finding")
        for but in rule.but:  # it explains an exception that did not hold, so its answer is one of the exception's
            if rule.unless is None or but.said not in rule.unless.finding_ids():
                problems.append(f"triage_rules.yaml: entry '{rule.id}': 'but' answer '{but.said}' is not part of its 'unless'")
        for told in rule.explains:  # a self-care story answers a more urgent rule's exception
            urgent = next((r for r in tri.rules if r.id == told.rule), None)
            if rule.level != "self_care" or urgent is None or urgent.level == "self_care" or urgent.unless is None:
                problems.append(f"triage_rules.yaml: entry '{rule.id}': only a self-care pattern explains, and only a "
                                f"more urgent rule with an exception, not '{told.rule}'")
        if (rule.level == "self_care") != (rule.cause is not None):
            problems.append(f"triage_rules.yaml: entry '{rule.id}': a self-care pattern, and only one, names its own cause")
        if rule.cause is not None and rule.cause not in voc.causes:
            problems.append(f"triage_rules.yaml: entry '{rule.id}': unknown cause '{rule.cause}'")
        for said in rule.why_with:  # its reason worded for a yes to this finding
            if said not in voc.findings:
                problems.append(f"triage_rules.yaml: entry '{rule.id}': why_with names unknown finding '{said}'")
        for named in rule.names:
            if named not in voc.causes:
                problems.append(f"triage_rules.yaml: entry '{rule.id}': names unknown cause '{named}'")
        problems += [f"triage_rules.yaml: entry '{rule.id}': tells_apart names unknown finding '{f}'"
                     for f in rule.tells_apart if f not in voc.findings]
        if (rule.tells_apart or rule.said_above) and not rule.names:
            problems.append(f"triage_rules.yaml: entry '{rule.id}': tells_apart and said_above need the cause it names")
        if "{answers}" in rule.why and not rule.names:
            problems.append(f"triage_rules.yaml: entry '{rule.id}': a reason naming the answers must name its cause")
        if rule.generic and rule.level != "routine":
            problems.append(f"triage_rules.yaml: entry '{rule.id}': only routine rules are generic")
        if rule.act is not None:
            refs("triage_rules.yaml", f"{rule.id}.act", rule.act.sources)
            own = tri.levels.get(rule.level)
            for line in rule.act.drops:
                if own is None or line not in (*own.do, *own.do_not):
                    problems.append(f"triage_rules.yaml: entry '{rule.id}': drops a line its level does not have: '{line}'")
            if rule.level not in ("emergency", "urgent"):
                problems.append(f"triage_rules.yaml: entry '{rule.id}': only emergency and urgent rules carry an act")
            for fid in rule.act.first_with:
                if fid not in voc.findings:
                    problems.append(f"triage_rules.yaml: entry '{rule.id}': first_with unknown finding '{fid}'")
            if rule.act.first_with and (rule.level != "emergency" or not rule.act.also):
                problems.append(f"triage_rules.yaml: entry '{rule.id}': first_with needs an emergency rule with an 'also' line")
            for rid in rule.act.hides_reasons:
                if rid not in {r.id for r in tri.rules}:
                    problems.append(f"triage_rules.yaml: entry '{rule.id}': hides_reasons unknown rule '{rid}'")
    for level in ("emergency", "urgent", "routine", "self_care"):
        if level not in tri.levels:
            problems.append(f"triage_rules.yaml: levels: '{level}' is missing")
        else:
            refs("triage_rules.yaml", f"levels.{level}", tri.levels[level].sources)

    for step in kb.interview.steps:
        refs("interview.yaml", step.id, step.sources)
        if step.if_unsure is not None:
            refs("interview.yaml", step.id, step.if_unsure.sources)
            for fid in step.if_unsure.for_findings:
                if fid not in voc.findings:
                    problems.append(f"interview.yaml: entry '{step.id}': if_unsure: unknown finding '{fid}'")
        for fid in list(step.items) + [f for o in step.options for f in (o.finding, *o.also)]:
            if fid not in voc.findings:
                problems.append(f"interview.yaml: entry '{step.id}': unknown finding '{fid}'")
        _check_quotes(kb, step, problems)
    refs("interview.yaml", kb.interview.safety_sweep.id, kb.interview.safety_sweep.sources)
    if kb.interview.after_description is not None:
        refs("interview.yaml", kb.interview.after_description.id, kb.interview.after_description.sources)
    if kb.interview.confirm_home_care is not None:
        refs("interview.yaml", kb.interview.confirm_home_care.id, kb.interview.confirm_home_care.sources)
    if kb.interview.left_blank is not None:
        refs("interview.yaml", kb.interview.left_blank.id, kb.interview.left_blank.sources)
    if kb.interview.confirm_emergency is not None:
        refs("interview.yaml", kb.interview.confirm_emergency.id, kb.interview.confirm_emergency.sources)
    if kb.interview.foot_sore is not None:
        refs("interview.yaml", kb.interview.foot_sore.id, kb.interview.foot_sore.sources)
    if tri.foot_sore_lead is not None:
        refs("triage_rules.yaml", "foot_sore_lead", tri.foot_sore_lead.sources)
    for alone in kb.interview.ask_alone:
        refs("interview.yaml", f"ask_alone.{alone.finding}", alone.sources)
        problems += [f"interview.yaml: ask_alone: unknown finding '{fid}'" for fid in
                     (alone.finding, *(leaf.present or leaf.absent or leaf.not_present or leaf.unknown or ""
                                       for leaf in alone.when.leaves())) if fid and fid not in voc.findings]
    rule_ids = {r.id: r for r in tri.rules}
    for before in kb.interview.before_call_now:
        refs("interview.yaml", f"before_call_now.{before.ask}", before.sources)
        problems += [f"interview.yaml: before_call_now: unknown finding '{fid}'" for fid in
                     (before.ask, *before.skip_if_no, *before.only_without) if fid not in voc.findings]
        if before.ask in before.only_without:
            problems.append(f"interview.yaml: before_call_now: '{before.ask}' is both asked and in only_without")
        problems += [f"interview.yaml: before_call_now: '{rid}' is not an emergency rule" for rid in before.rules
                     if rid not in rule_ids or rule_ids[rid].level != "emergency"]
    step_items = {f for step in kb.interview.steps if step.kind == "screen" for f in step.items}
    for wait in kb.interview.now_wait_first:
        refs("interview.yaml", f"now_wait_first.{wait.finding}", wait.sources)
        if wait.finding not in step_items:
            problems.append(f"interview.yaml: now_wait_first: '{wait.finding}' is in no checklist step")
    first = kb.interview.sugar_first
    if first is not None and (first.rule not in rule_ids or rule_ids[first.rule].act is None):
        problems.append(f"interview.yaml: sugar_first: '{first.rule}' is not a rule with an act")
    seen_first: set[str] = set()
    for now_first in kb.interview.act_first:  # a sign whose advice says "now": its own act at once (walkthrough U, Mei)
        refs("interview.yaml", f"act_first.{now_first.rule}", now_first.sources)
        first_rule = rule_ids.get(now_first.rule)
        if first_rule is None or first_rule.act is None:
            problems.append(f"interview.yaml: act_first: '{now_first.rule}' is not a rule with an act")
        elif first_rule.level in ("emergency", "self_care"):  # an emergency has its own call advice first (emergency_first)
            problems.append(f"interview.yaml: act_first: '{now_first.rule}' is {first_rule.level}; only an urgent or routine rule")
        if now_first.rule in seen_first or (first is not None and now_first.rule == first.rule):
            problems.append(f"interview.yaml: act_first: '{now_first.rule}' is named twice")
        seen_first.add(now_first.rule)
    if kb.interview.taken_back is not None:
        problems += [f"interview.yaml: taken_back.topics: unknown finding '{fid}'"
                     for t in kb.interview.taken_back.topics for fid in t.findings if fid not in voc.findings]
    if kb.interview.emergency_first is not None:
        problems += [f"interview.yaml: emergency_first.still_why_for: unknown finding '{fid}'"
                     for why in kb.interview.emergency_first.still_why_for for fid in why.findings if fid not in voc.findings]
        problems += [f"interview.yaml: emergency_first.still_why_causes: unknown finding '{fid}'"
                     for c in kb.interview.emergency_first.still_why_causes for fid in c.findings if fid not in voc.findings]

    ex = kb.exercises
    for eid, e in ex.exercises.items():
        refs("exercises.yaml", eid, e.sources)
        for cid in e.helps:
            if cid not in voc.causes:
                problems.append(f"exercises.yaml: entry '{eid}': unknown cause '{cid}'")
        seen: set[str] = set()
        for es in e.steps:
            if es.id in seen:
                problems.append(f"exercises.yaml: entry '{eid}': duplicate step '{es.id}'")
            seen.add(es.id)
            if not (kb.folder / "pictures" / es.picture).is_file():
                problems.append(f"exercises.yaml: entry '{eid}': step '{es.id}': picture '{es.picture}' is missing")
    for rid, r in ex.routines.items():
        refs("exercises.yaml", rid, r.sources)
        problems.extend(
            f"exercises.yaml: routine '{rid}': unknown exercise '{x}'" for x in r.exercises if x not in ex.exercises
        )
        problems.extend(f"exercises.yaml: routine '{rid}': unknown cause '{c}'" for c in r.for_causes if c not in voc.causes)
    if ex.default_routine not in ex.routines:
        problems.append(f"exercises.yaml: default_routine: unknown routine '{ex.default_routine}'")

    _check_care(kb, refs, problems)
    _check_warnings(kb, problems)
    rep = kb.report
    for i, q in enumerate(rep.questions):
        refs("report.yaml", f"questions.{i}", q.sources)
        import string

        names = {f for _, f, _, _ in string.Formatter().parse(q.text) if f is not None}
        problems.extend(f"report.yaml: questions.{i}: unknown placeholder '{{{n}}}'" for n in sorted(names - {"treatment", "weeks", "title"}))
        for kind in (*q.unless_tried, *q.if_tried):
            if kind not in rep.treatment_names:
                problems.append(f"report.yaml: questions.{i}: unknown treatment kind '{kind}'")
    for kind in rep.treatment_in_sentence:
        if kind not in rep.treatment_names:
            problems.append(f"report.yaml: treatment_in_sentence: unknown treatment kind '{kind}'")
    if "always" not in {q.when for q in rep.questions}:
        problems.append("report.yaml: questions: one question must be asked 'always'")
    for pid, pat in rep.patterns.items():
        refs("report.yaml", f"patterns.{pid}", pat.sources)
    for sid, scale in rep.scales.items():
        refs("report.yaml", f"scales.{sid}", scale.sources)

    lk = kb.likelihoods
    refs("likelihoods.yaml", "(file)", lk.sources)
    for fid in voc.findings:
        if fid not in lk.defaults:
            problems.append(f"likelihoods.yaml: defaults: '{fid}' is missing")
    for fid in lk.untempered:
        if fid not in voc.findings:
            problems.append(f"likelihoods.yaml: untempered: unknown finding '{fid}'")
    for fid in lk.defaults:
        if fid not in voc.findings:
            problems.append(f"likelihoods.yaml: defaults: unknown finding '{fid}'")
    coverage("likelihoods.yaml", "cause", voc.causes, lk.causes)
    for cid, cm in lk.causes.items():
        refs("likelihoods.yaml", cid, cm.sources)
        for fid, lh in cm.findings.items():
            if fid not in voc.findings:
                problems.append(f"likelihoods.yaml: entry '{cid}': unknown finding '{fid}'")
            if lh.source is not None:
                refs("likelihoods.yaml", f"{cid}.{fid}", [lh.source])
    if lk.hands_fine is not None:
        hf = lk.hands_fine
        refs("likelihoods.yaml", "hands_fine", hf.sources)
        problems += [f"likelihoods.yaml: hands_fine: unknown finding '{fid}'" for fid in hf.hands + hf.spots
                     if fid not in voc.findings]
        problems += [f"likelihoods.yaml: hands_fine: unknown cause '{cid}'" for cid in hf.causes if cid not in voc.causes]


def _check_quotes(kb: Knowledge, step: Any, problems: list[str]) -> None:
    """A screen's help never quotes an item by its words (a list drops what was answered already, so it may not show
    it); its `group_help`, said only while its group is all on the list, quotes only that group's items."""
    import re

    def label(fid: str) -> str:
        f = kb.findings.get(fid)
        return (f.checklist or f.said_yes.rstrip(".")) if f is not None else ""

    if step.kind != "screen":
        return
    items = [label(f) for f in step.items]
    group = [label(f) for g in step.no_to_all_is_blank for f in g]
    for quote in re.findall(r'"([^"]+)"', " ".join(step.help.split())):
        if any(i.startswith(quote) for i in items):
            problems.append(f"interview.yaml: entry '{step.id}': help quotes the item \"{quote}\", which the list may "
                            "not show (put it in group_help)")
    for quote in re.findall(r'"([^"]+)"', " ".join((step.group_help or "").split())):
        if not any(i.startswith(quote) for i in group):
            problems.append(f"interview.yaml: entry '{step.id}': group_help quotes \"{quote}\", not an item of its group")


def _check_instruments(kb: Knowledge, problems: list[str]) -> None:
    """Every instrument, scale, band, class and change figure names known sources."""
    for iid, ins in kb.instruments.items():
        where = f"instruments.yaml: entry '{iid}'"
        cited = list(ins.sources) + [s for c in ins.classes for s in c.sources]
        for scale in ins.scales:
            cited += scale.sources + [s for b in scale.bands for s in b.sources]
            cited += [s for m in scale.minimal_change for s in m.sources]
        problems.extend(f"{where}: unknown source '{s}'" for s in dict.fromkeys(cited) if s not in kb.sources)
        if ins.diagram is not None and ins.items:
            problems.append(f"{where}: a hand diagram has areas, not items")


# Words that name an urgency inside a warning text. A text that uses them must agree with the level
# of the rule it names, because the rule's level already picks the heading it is shown under.
_URGENCY_WORDS: tuple[tuple[str, str], ...] = (
    ("emergency", r"\bemergenc(y|ies)\b|\bambulance\b|\b(999|911|112)\b|\bA&E\b"),
    ("urgent", r"\btoday\b|\bsame day\b|\bwithin (24 hours|a day)\b"),
)


_NOW = r"\b(now|straight away|at once|immediately)\b"
# A pace in words ("see a GP soon"): an escalation that restates a triage sign leaves its speed to its level's title.
_PACE = r"\b(soon|now|straight away|at once|immediately|today|within|urgent(ly)?|routine)\b"


def heading_disagrees(heading: str, text: str) -> bool:
    """A watch line whose words name another time than its heading: "now" under "See a doctor today if" (walkthrough
    N, Sara: "contact your maternity unit now" under it), or "today" under a call-now heading."""
    import re

    if re.search(r"\btoday\b", heading, re.I):
        return re.search(_NOW, text, re.I) is not None
    if re.search(r"\bnow\b", heading, re.I):
        return re.search(r"\btoday\b", text, re.I) is not None
    return False


def urgency_in_text(text: str) -> str | None:
    """The urgency a warning text states in words ('emergency', 'urgent'), or None when it states none."""
    import re

    for level, pattern in _URGENCY_WORDS:
        if re.search(pattern, text, re.I):
            return level
    return None


def ruled_warnings(kb: Knowledge) -> list[tuple[str, RuledWarning]]:
    """(where, line) for every cause watch-for line and care-plan warning that names its rule."""
    out = [(f"causes.yaml: entry '{cid}': watch_for", w) for cid, c in kb.causes.items() for w in c.watch_for]
    plans = list(kb.care.plans.items()) + [("generic", kb.care.generic)] + list(kb.care.doctor_first.items())
    out += [(f"care.yaml: entry '{pid}': warnings", w) for pid, plan in plans for w in plan.warnings]
    return out


def _check_warnings(kb: Knowledge, problems: list[str]) -> None:
    """Every warning line names a rule that can raise the level, talks only about that rule's findings,
    and does not state an urgency in words that disagrees with the rule's level (its heading)."""
    rules = {r.id: r for r in kb.triage.rules}
    for where, w in ruled_warnings(kb):
        rule = rules.get(w.rule)
        if rule is None:
            problems.append(f"{where}: unknown triage rule '{w.rule}'")
            continue
        if rule.level == "self_care":
            problems.append(f"{where}: rule '{w.rule}' is a self-care rule; a warning needs an emergency, urgent or routine rule")
            continue
        level_text = kb.triage.levels.get(rule.level)
        if level_text is None or level_text.watch_heading is None:
            problems.append(f"{where}: triage level '{rule.level}' of rule '{w.rule}' has no watch_heading")
        tested = rule.when.finding_ids() | (rule.unless.finding_ids() if rule.unless else set())
        for fid in w.findings:
            if fid not in kb.vocabulary.findings:
                problems.append(f"{where}: unknown finding '{fid}'")
            elif fid not in tested:
                problems.append(f"{where}: finding '{fid}' is not tested by rule '{w.rule}'")
        if tested and not w.findings:
            problems.append(f"{where}: '{w.text}' names no findings of rule '{w.rule}'")
        said = urgency_in_text(w.text)
        if said is not None and said != rule.level:
            problems.append(
                f"{where}: '{w.text}' says {said}, but its rule '{w.rule}' is {rule.level} (it shows under "
                f"'{level_text.watch_heading if level_text else rule.level}')"
            )
    for item in kb.triage.watch_for:
        level = rules[item.rule].level if item.rule in rules else None
        for text in (item.text, *item.parts.values()):  # a part is shown under the same heading
            said = urgency_in_text(text)
            if level is not None and said is not None and said != level:
                problems.append(f"triage_rules.yaml: watch_for: '{text}' says {said}, but its rule '{item.rule}' is {level}")


def _check_care(kb: Knowledge, refs: Any, problems: list[str]) -> None:
    """care.yaml names real causes, treatments, routines and sources, and emergencies get no home plan."""
    care, voc = kb.care, kb.vocabulary
    entries = list(care.plans.items()) + [("generic", care.generic)] + list(care.doctor_first.items())
    for pid, plan in entries:
        refs("care.yaml", pid, plan.summary_sources + plan.warning_sources)
        for step in plan.steps:
            refs("care.yaml", pid, step.sources)
            if step.about is not None and step.about not in voc.findings:
                problems.append(f"care.yaml: entry '{pid}': a step is about unknown finding '{step.about}'")
            if step.unless is not None and step.unless not in voc.findings:
                problems.append(f"care.yaml: entry '{pid}': a step is left out for unknown finding '{step.unless}'")
            problems += [f"care.yaml: entry '{pid}': a step is left out when unknown finding '{f}' is answered"
                         for f in step.left_out_when if f not in voc.findings]
            problems += [f"care.yaml: entry '{pid}': a step's how_long_with_rule names unknown rule '{r}'"
                         for r in step.how_long_with_rule if r not in {rule.id for rule in kb.triage.rules}]
            for note in step.notes:
                refs("care.yaml", pid, note.sources)
                if note.about not in voc.findings:
                    problems.append(f"care.yaml: entry '{pid}': a step note is about unknown finding '{note.about}'")
                if note.yes_unless is not None and note.yes_unless not in voc.findings:
                    problems.append(f"care.yaml: entry '{pid}': a step note's yes_unless is unknown finding '{note.yes_unless}'")
            if step.treatment is not None and step.treatment not in kb.treatments:
                problems.append(f"care.yaml: entry '{pid}': unknown treatment '{step.treatment}'")
            if step.do_if_yes is not None and step.about is None:
                problems.append(f"care.yaml: entry '{pid}': a step has do_if_yes but no `about` finding to say yes to")
            # A home step shows under any banner, "days to two weeks" too: a pace ("the same day") is a watch line's
            # to say, under the heading of its level (walkthrough S, Ben: a same-day foot sore deep in a home step).
            # The care page's own wording (`on_care_page`) has no banner to disagree with, and the wording for a
            # foot sore already reported (`with_foot_sore`) is shown only under the foot-today banner it repeats.
            problems += [f"care.yaml: entry '{pid}': a home step says {said} in words: '{text[:60]}...'"
                         for text in (step.do, step.do_if_yes, *(t for n in step.notes for t in (n.text, n.said_yes, n.do_if_yes)))
                         if text and (said := urgency_in_text(text)) is not None]
        for offer in plan.ask_doctor:
            refs("care.yaml", pid, offer.sources)
            if offer.about is not None and offer.about not in voc.findings:
                problems.append(f"care.yaml: entry '{pid}': a doctor's offer is about unknown finding '{offer.about}'")
        rule_by_id = {r.id: r for r in kb.triage.rules}
        whens = [esc.when for esc in plan.escalate]  # a plan's line is found again by its words (assess.result)
        problems += [f"care.yaml: entry '{pid}': two escalation lines say '{w[:60]}'" for w in set(whens)
                     if whens.count(w) > 1]
        for esc in plan.escalate:
            refs("care.yaml", pid, esc.sources)
            if esc.ages is not None:
                refs("care.yaml", pid, esc.ages.sources)
            for fid in (*esc.said, *esc.files_with):
                if fid not in voc.findings:
                    problems.append(f"care.yaml: entry '{pid}': an escalation says unknown finding '{fid}'")
            if esc.rule is None:
                continue
            # a restated sign's speed is its level's title, said by the care plan: a second one in words could drift
            esc_rule = rule_by_id.get(esc.rule)
            if esc_rule is None or esc_rule.level == "self_care":
                problems.append(f"care.yaml: entry '{pid}': an escalation names unknown or self-care rule '{esc.rule}'")
                continue
            tested = esc_rule.when.finding_ids() | (esc_rule.unless.finding_ids() if esc_rule.unless else set())
            problems += [f"care.yaml: entry '{pid}': an escalation's finding '{f}' is not tested by rule '{esc.rule}'"
                         for f in (*esc.said, *esc.files_with) if f not in tested]
            if (said := urgency_in_text(esc.then)) is not None or re.search(_PACE, esc.then, re.I):
                problems.append(f"care.yaml: entry '{pid}': an escalation for rule '{esc.rule}' says its own speed "
                                f"({said or 'a pace'}) in words: '{esc.then[:60]}...'")
        if plan.routine is not None and plan.routine not in kb.exercises.routines:
            problems.append(f"care.yaml: entry '{pid}': unknown routine '{plan.routine}'")
    for cid in care.plans:
        if cid not in voc.causes:
            problems.append(f"care.yaml: entry '{cid}': not in the cause vocabulary")
        if cid in care.doctor_first:
            problems.append(f"care.yaml: entry '{cid}': a doctor-first cause cannot have a home plan")
    for i, safe in enumerate(care.safety):
        refs("care.yaml", f"safety[{i}]", safe.sources)
        problems += [f"care.yaml: safety[{i}]: unknown finding '{f}'" for f in (*safe.when, *safe.unless)
                     if f not in voc.findings]
        if (said := urgency_in_text(safe.do)) is not None:  # shown under any banner, as a home step is
            problems.append(f"care.yaml: safety[{i}]: says {said} in words: '{safe.do[:60]}...'")
        problems += [f"care.yaml: safety[{i}]: not_with names no care plan '{c}'" for c in safe.not_with
                     if c not in care.plans]
    if care.safety and not care.safety_heading:
        problems.append("care.yaml: safety steps need a safety_heading")
    for cid, plan in care.doctor_first.items():
        if cid not in voc.causes:
            problems.append(f"care.yaml: doctor_first: unknown cause '{cid}'")
        if not plan.doctor_first:
            problems.append(f"care.yaml: doctor_first: entry '{cid}': must set doctor_first: true")


def load_from(folder: Path) -> Knowledge:
    """Read, validate and cross-check one knowledge folder; raise KnowledgeError listing every fault."""
    problems: list[str] = []
    meta = _one(Meta, _read(folder, "meta.yaml", problems), "meta.yaml", None, problems)
    vocabulary = _vocabulary(folder, problems)
    sources = _entries(Source, _read(folder, "sources.yaml", problems), "sources.yaml", problems)
    raw_findings = _read(folder, "findings.yaml", problems)
    groups: dict[str, Group] = {}
    findings: dict[str, Finding] = {}
    if isinstance(raw_findings, Mapping) and set(raw_findings) == {"groups", "findings"}:
        groups = _entries(Group, raw_findings["groups"], "findings.yaml", problems)
        findings = _entries(Finding, raw_findings["findings"], "findings.yaml", problems)
    elif raw_findings is not None:
        problems.append("findings.yaml: expected exactly the keys 'groups' and 'findings'")
    causes = _entries(Cause, _read(folder, "causes.yaml", problems), "causes.yaml", problems)
    treatments = _entries(Treatment, _read(folder, "treatments.yaml", problems), "treatments.yaml", problems)
    foods = _one(FoodsFile, _read(folder, "foods.yaml", problems), "foods.yaml", None, problems)
    triage = _one(TriageFile, _read(folder, "triage_rules.yaml", problems), "triage_rules.yaml", None, problems)
    lk = _one(LikelihoodsFile, _read(folder, "likelihoods.yaml", problems), "likelihoods.yaml", None, problems)
    iv = _one(InterviewFile, _read(folder, "interview.yaml", problems), "interview.yaml", None, problems)
    ex = _one(ExercisesFile, _read(folder, "exercises.yaml", problems), "exercises.yaml", None, problems)
    care = _one(CareFile, _read(folder, "care.yaml", problems), "care.yaml", None, problems)
    rep = _one(ReportFile, _read(folder, "report.yaml", problems), "report.yaml", None, problems)
    lang = _one(LanguageFile, _read(folder, "language.yaml", problems), "language.yaml", None, problems)
    if (meta is None or foods is None or triage is None or lk is None or iv is None or ex is None or care is None
            or rep is None or lang is None):
        raise KnowledgeError(problems)
    instruments = _entries(Instrument, _read(folder, "instruments.yaml", problems), "instruments.yaml", problems)
    kb = Knowledge(
        folder=folder, meta=meta, vocabulary=vocabulary, sources=sources, groups=groups, findings=findings,
        causes=causes, treatments=treatments, foods=foods, triage=triage, likelihoods=lk, interview=iv,
        exercises=ex, care=care, instruments=instruments, report=rep, language=lang,
    )
    _cross_check(kb, problems)
    _check_instruments(kb, problems)
    if problems:
        raise KnowledgeError(problems)
    return kb


def _fingerprint(folder: Path) -> str:
    """A hash of every knowledge file and the code versions that shape the loaded objects."""
    import hashlib

    import pydantic

    from numbwise import __version__

    digest = hashlib.sha256(f"{__version__}|{pydantic.VERSION}".encode())
    digest.update((Path(__file__).parent / "models.py").read_bytes())  # the shape of what is pickled
    for path in sorted([*folder.rglob("*.yaml"), *folder.rglob("*.svg")]):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def load_cached(folder: Path, cache: Path) -> Knowledge:
    """Load from a pickle of the validated knowledge when its fingerprint matches, else validate and store.

    Validation is what guards the content; the cache only skips repeating it for unchanged files.
    A cache that cannot be read or written is ignored.
    """
    kb = load_or_build(cache / f"knowledge-{_fingerprint(folder)}.pickle", Knowledge, lambda: load_from(folder))
    # the fingerprint is the content, not the place: a copy elsewhere (another checkout, a moved install) shares the
    # cache, so the folder its files (pictures) are read from is this one, never the one that built the pickle
    return kb if kb.folder == folder else replace(kb, folder=folder)


@functools.cache
def load() -> Knowledge:
    """The packaged knowledge base, loaded once per process (from the cache when unchanged)."""
    return load_cached(KNOWLEDGE_DIR, cache_dir())


def _atoms(cond: Cond) -> list[str]:
    """Every kind of leaf test in a condition (present, absent, not_present, unknown, age_...)."""
    return [k for leaf in cond.leaves() for k, v in leaf.__dict__.items() if v is not None]


def monotonicity_problems(rule: Rule) -> list[str]:
    """Why a rule could let a finding that is not known lower the level (see triage_rules.yaml)."""
    out = []
    if rule.level != "self_care" and "absent" in _atoms(rule.when):
        out.append("a rule that raises the level may not use 'absent' in 'when' (use 'not_present')")
    lowering = ([rule.unless] if rule.unless else []) + ([rule.when] if rule.level == "self_care" else [])
    for cond in lowering:
        if "unknown" in _atoms(cond) or "age_known" in _atoms(cond):
            out.append("an exception or a self-care pattern may not use 'unknown' or 'age_known': every part must be stated")
    return out
