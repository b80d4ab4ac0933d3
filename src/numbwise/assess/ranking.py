"""Rank the causes by probability: a tempered naive-Bayes model whose numbers live in likelihoods.yaml."""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass

from numbwise.kb import load


@dataclass(frozen=True)
class Model:
    """The likelihood tables compiled to per-finding vectors over the causes."""

    causes: tuple[str, ...]
    p: dict[str, tuple[float, ...]]  # P(f | c), untempered: what the interview samples answers from
    present: dict[str, tuple[float, ...]]  # tempered log P(f | c) when f is true
    absent: dict[str, tuple[float, ...]]  # tempered log P(not f | c) when f is false
    lift_present: dict[str, tuple[float, ...]]  # log of P(f|c) / default(f): how much f argues for c
    lift_absent: dict[str, tuple[float, ...]]
    # neither hand numb (likelihoods.yaml `hands_fine`): log P(no numb hand | c), read in place of `unread`
    hands_fine: tuple[float, ...] = ()
    hands: frozenset[str] = frozenset()
    unread: frozenset[str] = frozenset()


@functools.cache
def model() -> Model:
    """Compile the knowledge base's likelihoods once per process."""
    lk = load().likelihoods
    causes = tuple(lk.causes)
    keep = set(lk.untempered)
    probs: dict[str, tuple[float, ...]] = {}
    present: dict[str, tuple[float, ...]] = {}
    absent: dict[str, tuple[float, ...]] = {}
    lift_p: dict[str, tuple[float, ...]] = {}
    lift_a: dict[str, tuple[float, ...]] = {}
    for fid, base in lk.defaults.items():
        ps = [lk.causes[c].findings[fid].p if fid in lk.causes[c].findings else base for c in causes]
        probs[fid] = tuple(ps)
        t = 1.0 if fid in keep else lk.tempering
        present[fid] = tuple(t * math.log(p) for p in ps)
        absent[fid] = tuple(t * math.log(1.0 - p) for p in ps)
        lift_p[fid] = tuple(math.log(p / base) for p in ps)
        lift_a[fid] = tuple(math.log((1.0 - p) / (1.0 - base)) for p in ps)
    hf = lk.hands_fine
    if hf is None:
        return Model(causes, probs, present, absent, lift_p, lift_a)
    fine = tuple(math.log(hf.causes[c].p if c in hf.causes else hf.default) for c in causes)
    return Model(causes, probs, present, absent, lift_p, lift_a, fine, frozenset(hf.hands), frozenset(hf.hands + hf.spots))


def hands_fine(findings: Mapping[str, bool]) -> bool:
    """Did the answers say neither hand is numb (a no to every hand question of `hands_fine`)?"""
    m = model()
    return bool(m.hands) and all(findings.get(f) is False for f in m.hands)


@functools.lru_cache(maxsize=512)
def log_priors(age: int | None, sex: str | None) -> tuple[float, ...]:
    """Log prior of every cause for this age and sex (an unknown age or sex uses factor 1)."""
    lk = load().likelihoods
    out = []
    for cid in model().causes:
        prior = lk.causes[cid].prior
        value = prior.base
        if age is not None:
            for band in prior.age:
                if age < band.below:
                    value *= band.factor
                    break
        if sex == "female":
            value *= prior.female
        elif sex == "male":
            value *= prior.male
        out.append(math.log(value))
    return tuple(out)


def posterior(findings: Mapping[str, bool], age: int | None = None, sex: str | None = None) -> list[float]:
    """The probability of every cause, in the model's cause order. Unknown findings are skipped."""
    m = model()
    score = list(log_priors(age, sex))
    fine = hands_fine(findings)
    if fine:  # the hand questions' chances assume a numb hand: what no numb hand says of each cause instead
        score = [s + v for s, v in zip(score, m.hands_fine)]
    for fid, value in findings.items():
        if fine and fid in m.unread:
            continue
        vec = m.present[fid] if value else m.absent[fid]
        score = [s + v for s, v in zip(score, vec)]
    top = max(score)
    weights = [math.exp(s - top) for s in score]
    total = sum(weights)
    return [w / total for w in weights]


def rank(findings: Mapping[str, bool], age: int | None = None, sex: str | None = None) -> list[tuple[str, float]]:
    """Every cause with its posterior probability, most likely first."""
    return sorted(zip(model().causes, posterior(findings, age, sex)), key=lambda cp: -cp[1])


def shortlist(ranked: list[tuple[str, float]], minimum: int = 3, maximum: int = 6, floor: float = 0.02) -> list[tuple[str, float]]:
    """The causes worth showing: at least `minimum`, then any above `floor`, at most `maximum`."""
    out = ranked[:minimum]
    for cid, p in ranked[minimum:maximum]:
        if p < floor:
            break
        out.append((cid, p))
    return out
