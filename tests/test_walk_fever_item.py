"""Walkthrough AF (independent reviewer), Joan, 67, on chemotherapy: the early fever item says the chemotherapy cut-off.

(Tom's weak-hand watch line, which the same helper made an urgent rule, was not taken: the policy files hand weakness
that did not start suddenly as routine, so a same-day line would contradict the contract.)
"""

from __future__ import annotations

# Joan, 67, on chemotherapy (last dose 10 days ago), tingling hands and feet over a week, no fever she knows of. Step
# by step, fever came in an early list as "You have a fever, or feel hot and shivery", before chemotherapy was asked,
# so she never read the chemotherapy cut-off (37.5 °C or more, or below 36 °C) the own-words route asks with. The
# list's item now says it in a short clause, for anyone (Cancer Research UK, the Christie: findings.yaml `fever`).

SLOWLY = 2  # "Slowly, over weeks or months"
FEVER_ITEM = "You have a fever, or feel hot and shivery"


def _fever_item(age: int, sex: str) -> tuple[str, list[str]]:
    """Walk the step by step (start slow, both hands, no to every list) to the list that asks about a fever: its item,
    and the questions asked before it."""
    from numbwise.assess.interview import answer, choice_answer, next_question, start

    iv = start(age, sex)
    asked: list[str] = []
    while (q := next_question(iv)) is not None and len(asked) < 40:
        if "fever" in q.findings and q.kind in ("screen", "sweep"):
            return q.labels[q.findings.index("fever")], asked
        asked.append(q.id)
        if q.id == "onset":
            iv = answer(iv, q, choice_answer(q, SLOWLY))
        elif q.kind == "choice":
            iv = answer(iv, q, choice_answer(q, 0))
        elif q.kind == "fingers":
            iv = answer(iv, q, {"both_hands": True, "one_hand": False, "numb_index": True, "numb_middle": True})
        else:
            iv = answer(iv, q, {f: False for f in q.findings})
    raise AssertionError(f"no list asked about a fever: {asked}")


def test_joan_reads_the_chemotherapy_cut_off_in_the_early_fever_item() -> None:
    item, asked = _fever_item(67, "female")
    assert "chemotherapy" not in asked  # the list comes before chemotherapy is asked
    assert item.startswith(FEVER_ITEM) and "chemotherapy" in item and "37.5 °C" in item and "36 °C" in item, item


def test_near_miss_the_item_stays_short_for_everyone_else() -> None:
    """A man of 40 reads the same item: the plain words first, and only a short clause more."""
    item, _ = _fever_item(40, "male")
    assert item.startswith(FEVER_ITEM) and len(item) <= len(FEVER_ITEM) + 70, item
