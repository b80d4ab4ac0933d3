"""Reasons a person can read: why this level, and which answers raised or lowered each cause."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from numbwise.assess.chance import short_chance
from numbwise.assess.ranking import hands_fine, model
from numbwise.assess.triage import (COHERENCE_RULE, HISTORY_GROUP, SELF_CARE_CAUSE_RULE, UNCONFIRMED_RULE, UNSURE_RULE,
                                    Triage, compile_cond, compiled_rules)
from numbwise.kb import load
from numbwise.kb.models import Rule

STRONG = 0.26  # log(1.3): a finding must shift the odds by at least 30 % to be named
# A "no" is named against a cause only when it shifts the odds by at least half (log 1.5): a reader takes
# "your ring finger is not numb" as an argument, and a small one (ring finger in carpal tunnel) reads as odd.
STRONG_NO = 0.41
# A risk factor said yes (findings.yaml group history: a vegan diet, metformin) that makes the cause at least three
# times as likely (log 3) is always named: it is the person's own reason, and reads as the clearest one (walkthrough
# N: Grace, vegan for 20 years, read three symptoms under low B12 and not her diet).
STRONG_RISK = 1.1


@dataclass(frozen=True)
class CauseReasons:
    """The answers that pointed towards a cause and those that pointed away, strongest first."""

    cause: str
    probability: float
    towards: tuple[tuple[str, bool], ...]  # (finding, the answer given), strongest first
    away: tuple[tuple[str, bool], ...]


def statement(fid: str, value: bool, findings: Mapping[str, bool] | None = None) -> str:
    """One plain sentence saying what the person answered about a finding; with the other answers (`findings`), a
    yes is worded not to claim what another no denied (`said_yes_beside_no`), and in the words of what the person
    picked beside another yes (`said_yes_with`: a start that crept over minutes, not "within seconds")."""
    kb = load()
    finding = kb.findings[fid]
    if value:
        given = findings or {}
        return " ".join(next((t for f, t in finding.said_yes_beside_no.items() if given.get(f) is False),
                             next((t for f, by in finding.said_yes_with_beside_no.items() if given.get(f) is True
                                   for g, t in by.items() if given.get(g) is False),
                                  next((t for f, t in finding.said_yes_with.items() if given.get(f) is True),
                                       finding.said_yes))).split())
    return finding.said_no or f"Not this: {kb.vocabulary.findings[fid][0].lower()}{kb.vocabulary.findings[fid][1:]}"


def cause_reasons(findings: Mapping[str, bool], cause: str, probability: float, most: int = 3) -> CauseReasons:
    """Rank the known findings by how much they moved this cause against a typical other cause."""
    m = model()
    i = m.causes.index(cause)
    kb = load().findings
    # A finding another yes already says (findings.yaml `implies`: a whole hand is every finger) is not its own reason.
    implied = {g for f, v in findings.items() if v is True and f in kb for g, w in kb[f].implies.items() if findings.get(g) is w}
    implied |= {f for f, v in findings.items() if v is False and f in kb
                and any(findings.get(g) is True for g in kb[f].no_is_no_reason_with)}
    implied |= {f for f, v in findings.items() if v is False and f in kb and cause in kb[f].no_is_no_reason_for}
    implied |= _patternless_fingers(i)
    implied |= m.unread if hands_fine(findings) else frozenset()  # not read by the ranking then ("+ Your thumb is not numb")
    lifts = [((m.lift_present if v else m.lift_absent)[f][i], f, v) for f, v in findings.items() if f not in implied]
    ranked = [(f, v) for lift, f, v in sorted(lifts, key=lambda x: -x[0]) if lift >= STRONG]
    towards = tuple(ranked[:most])
    risks = [(f, v) for lift, f, v in sorted(lifts, key=lambda x: -x[0])
             if v and lift >= STRONG_RISK and f in kb and kb[f].group == HISTORY_GROUP]
    if risks and not any(f in kb and kb[f].group == HISTORY_GROUP and v for f, v in towards):
        towards += (risks[0],)  # the strongest risk factor said yes, after the symptoms that outrank it
    away = tuple((f, v) for lift, f, v in sorted(lifts, key=lambda x: x[0]) if lift <= -(STRONG if v else STRONG_NO))[:2]
    return CauseReasons(cause, probability, towards, away)


@functools.cache
def _patternless_fingers(i: int) -> frozenset[str]:
    """The fingers, for a cause that gives each the same chance: one finger then points to no nerve, and "+ Your little
    finger is numb" reads as an odd reason for nerve damage from diabetes (walkthrough N, Omar)."""
    from numbwise.assess.interview import FINGERS  # interview imports this module through engine

    p = model().p
    chances = {p[f][i] for f in FINGERS if f in p}
    return frozenset(FINGERS) if len(chances) == 1 else frozenset()


def triage_reasons(result: Triage, findings: Mapping[str, bool] | None = None, leading: str | None = None) -> list[str]:
    """Why the level is what it is, one sentence per rule that set it (a rule's `{answers}`: the answers that set it off);
    with the `leading` cause, a reason naming only other causes is followed by the leader's own line (`leader_too`)."""
    tri = load().triage
    rules = {r.id: r for r in tri.rules}
    why = {r.id: rule_why(r, findings or {}) for r in tri.rules} | {COHERENCE_RULE: tri.coherence.why,
                                                                     SELF_CARE_CAUSE_RULE: tri.coherence.self_care_why}
    shown = [rid for rid in result.rules if rid not in (UNCONFIRMED_RULE, UNSURE_RULE)]
    if findings is not None:  # a saved reason, with no answers to hand, is said as it was
        quiet = quiet_reasons(shown, findings)
        shown = [rid for rid in shown if rid not in quiet]
    shown = sorted(shown, key=lambda rid: not (rid in rules and rules[rid].leads))  # `leads`: its story first
    checked = [rid for rid in shown if rid in rules and rules[rid].checked]
    together = len(checked) > 1 and tri.checked_together is not None
    lines = [line for rid in shown if not (together and rid in checked[1:]) for line in (
        (_with_answers(why[rid], rules.get(rid), findings or {}) if not (together and rid in checked)
         else _checked_together(tri.checked_together or "", [rules[c].checked or "" for c in checked]),)
        + _leader_too(rules.get(rid), leading))]
    # "not explained by a short, harmless pattern" is not said when a home-care pattern fitted and only a doubt or an
    # answer still to confirm holds it back: that line says why (walkthrough AG, Dev: "eased within minutes" of pressure)
    if not lines and not {UNCONFIRMED_RULE, UNSURE_RULE} & set(result.rules):
        lines = [tri.default_reason]
    lines = list(dict.fromkeys(lines))  # two rules worded alike for these answers (a start that crept) say it once
    return (lines + ([tri.unconfirmed_home_care] if UNCONFIRMED_RULE in result.rules else [])
            + ([tri.unsure_home_care] if UNSURE_RULE in result.rules else []))


def rule_why(rule: Rule, findings: Mapping[str, bool]) -> str:
    """A rule's reason in the words for the answers given (`why_with`: the first listed finding that is yes), so a
    reason never says "even if it is not getting worse" to a person who said it is (walkthrough Y, Sam)."""
    return next((t for f, t in rule.why_with.items() if findings.get(f) is True),
                next((t for f, t in rule.why_unless.items() if findings.get(f) is not True), rule.why))


def quiet_reasons(rule_ids: Sequence[str], findings: Mapping[str, bool]) -> frozenset[str]:
    """The rules whose reason is not said (`why_needs` not met by these answers) because another rule of the same
    level stands without this one's signs and gives a reason: "can be a heart attack" for feeling sick beside a
    sudden, very bad headache (walkthrough Y, Peter). A rule the level rests on keeps its reason, also beside a rule
    that fired on the same sign (a cold sweat with diabetes: the low-sugar rule)."""
    rules = {c.rule.id: c for c in compiled_rules()}
    out: set[str] = set()
    for rid in rule_ids:
        own = rules[rid].rule if rid in rules else None
        if own is None or own.why_needs is None or compile_cond(own.why_needs)(findings, None) is not None:
            continue
        signs = {leaf.present for leaf in own.when.leaves() if leaf.present and findings.get(leaf.present) is True}
        without = {f: v for f, v in findings.items() if f not in signs}
        if any(other in rules and other != rid and other not in out and rules[other].rule.level == own.level
               and rules[other].when(without, None) is not None for other in rule_ids):
            out.add(rid)
    return frozenset(out)


def _leader_too(rule: Rule | None, leading: str | None) -> tuple[str, ...]:
    """After a reason that names only causes other than the leading one, that the leader can give the same signs and a
    doctor can tell which (triage `leader_too`), so the reason and the cause list agree (walkthrough Y, Derek)."""
    kb = load()
    text = kb.triage.leader_too.get("urgent") if rule is not None and rule.level == "urgent" else None
    if text is None or rule is None or not rule.names or leading is None or leading in rule.names:
        return ()
    name = kb.causes[leading].name if leading in kb.causes else kb.vocabulary.causes.get(leading, leading)
    return (" ".join(text.replace("{cause}", name).split()),)


def _checked_together(template: str, parts: list[str]) -> str:
    """Several "numbness like this should be checked by a doctor" reasons said once (walkthrough N, Omar: three times)."""
    return template.replace("{reasons}", ", ".join(parts[:-1]) + " and " + parts[-1])


def _with_answers(text: str, rule: Rule | None, findings: Mapping[str, bool]) -> str:
    """A reason that names the person's own answers ("you take metformin"), not "something in your answers"."""
    if "{answers}" not in text or rule is None:
        return text
    said = [f for f in dict.fromkeys(leaf.present for leaf in rule.when.leaves() if leaf.present)
            if f is not None and findings.get(f) is True and f in load().findings]
    if not said:  # no answers to hand (a saved reason): the sentence without the list
        return text.replace(": {answers}", "").replace("{answers}", "your answers")
    return text.replace("{answers}", "; ".join(_lower(statement(f, True, findings)) for f in said))


def reason_lines(findings: Mapping[str, bool], result: Triage, causes: list[tuple[str, float]], explained: int = 3) -> list[str]:
    """The `reasons` of an assessment: the triage reasons, then one line per leading cause."""
    kb = load()
    lines = triage_reasons(result, findings, causes[0][0] if causes else None)
    for cid, p in causes[:explained]:
        r = cause_reasons(findings, cid, p)
        name = kb.causes[cid].name if cid in kb.causes else kb.vocabulary.causes[cid]
        parts = [f"{name} ({short_chance(p)})"]
        if r.towards:
            parts.append("points to it: " + "; ".join(_lower(statement(f, v, findings)) for f, v in r.towards))
        if r.away:
            parts.append("points away: " + "; ".join(_lower(statement(f, v, findings)) for f, v in r.away))
        if len(parts) == 1:
            parts.append("how common it is for your age and sex")
        rest = [p.rstrip(".") for p in parts[2:]]
        lines.append(". ".join([parts[0] + ": " + parts[1].rstrip(".")] + [p[:1].upper() + p[1:] for p in rest]) + ".")
    return lines


def _lower(text: str) -> str:
    text = text.rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != "I " else text
