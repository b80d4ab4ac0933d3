"""Walkthrough AD (independent reviewer, Nadia, 29, known migraine, a numb face on the first list): after she answered
no to "just like your usual migraine aura?", the line above the next question still said "A few more answers can tell
whether this is your usual migraine aura". A pattern one of whose parts is answered no is never named there."""

from __future__ import annotations

from numbwise.assess.interview import Interview, answer, next_question, start, still_line
from numbwise.kb import load

FIRST = load().interview.emergency_first
assert FIRST is not None
AURA = " ".join(next(w.text for w in FIRST.still_why_for if "aura_like_usual" in w.findings).split())
YES = {"numb_face_same_side", "migraine_history", "headache_follows", "spreads_over_minutes",
       "episode_resolved_within_hour"}


def _walk(usual: bool | None) -> list[tuple[str, str]]:
    """Step by step, 29 f, one hand, the rest as Nadia's story; `usual` for aura_like_usual (None: not sure). The
    question ids with the line above the next question after each answer."""
    iv: Interview = start(29, "female")
    out = []
    for _ in range(25):
        q = next_question(iv)
        if q is None:
            break
        if q.kind == "fingers":
            ups = {"one_hand": True}
        elif q.kind == "choice":
            ups = {}
        else:
            ups = {f: f in YES for f in q.findings if f != "aura_like_usual"}
            if "aura_like_usual" in q.findings and usual is not None:
                ups["aura_like_usual"] = usual
        iv = answer(iv, q, ups)
        out.append((q.id, " ".join((still_line(iv) or "").split())))
    return out


def test_after_not_like_her_usual_aura_the_line_no_longer_names_it() -> None:
    lines = _walk(False)
    after = [line for qid, line in lines[[q for q, _ in lines].index("aura_like_usual"):]]
    assert after and all(AURA not in line for line in after)
    assert any(AURA in line for _, line in lines)  # before the no, it was named


def test_unknown_not_sure_names_the_aura_only_while_it_can_still_be_checked() -> None:
    """Named while the aura question is still to come; once it is answered not sure, the usual aura can no longer
    explain the start (it needs a yes), so the line no longer promises it (walkthrough AF, Grace: a promise of
    questions that never came)."""
    lines = dict(_walk(None))
    assert AURA in lines["migraine_history"]
    assert AURA not in lines["aura_like_usual"]
