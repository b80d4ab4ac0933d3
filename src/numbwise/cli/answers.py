"""Parse what a person types at each kind of interview question into findings (yes / no / not sure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from numbwise.assess.interview import HANDS_FINE_WORDS, Question, choice_answer, fingers_answer, hand_only_answer, hands_fine_answer
from numbwise.cli.console import command_of

if TYPE_CHECKING:
    from rich.console import Console

YES = {"y", "yes", "1"}
NO = {"n", "no", "0"}
UNSURE = {"?", "not sure", "dont know", "don't know", "unsure", "ns"}


class AnswerError(ValueError):
    """What the person typed cannot be read; the message says what to type instead."""


@dataclass(frozen=True)
class Parsed:
    """A parsed answer: findings set to yes/no, or a command (back or quit)."""

    updates: dict[str, bool]
    command: str | None = None
    summary: str = ""  # the answer in words (a checklist's picks are named by said(), from updates and unsure)
    rest: tuple[str, ...] = ()  # checklist items not mentioned: the face asks "and the others?" (never a silent no)
    marks: tuple[str, ...] = ()  # the finger picker: the spots typed (r1, l0 ...), for the hand diagram on the result
    unsure: tuple[str, ...] = ()  # checklist items typed with ? (not sure)


def parse(question: Question, text: str) -> Parsed:
    """Turn typed text into an answer for this question, or raise AnswerError."""
    command = command_of(text)
    if command:
        return Parsed({}, command)
    t = text.strip().lower()
    if question.kind == "finding":
        if t in YES:
            return Parsed({question.findings[0]: True}, summary="yes")
        if t in NO:
            return Parsed({question.findings[0]: False}, summary="no")
        if t in UNSURE:
            return Parsed({}, summary="not sure")
        raise AnswerError("Type y for yes, n for no, or ? if you are not sure.")
    if question.kind == "choice":
        if t in UNSURE:
            return Parsed({}, summary="not sure")
        if t.isdigit() and 1 <= int(t) <= len(question.labels):
            pick = int(t) - 1
            return Parsed(choice_answer(question, pick), summary=question.labels[pick])
        yes_no = [label.lower() for label in question.labels] == ["yes", "no"]  # a yes/no asked as a choice (foot sore)
        if yes_no and (t in YES or t in NO):
            pick = 0 if t in YES else 1
            return Parsed(choice_answer(question, pick), summary=question.labels[pick])
        if yes_no:
            raise AnswerError("Type y for yes, n for no, or ? if you are not sure.")
        raise AnswerError(f"Type a number from 1 to {len(question.labels)}, or ? if you are not sure.")
    if question.kind in ("screen", "sweep"):
        return _parse_screen(question, t)
    return _parse_fingers(t)


def _parse_screen(question: Question, t: str) -> Parsed:
    """Numbers that apply are yes, ?N is not sure; Enter means none apply. The rest are asked about next (see parse_rest)."""
    n = len(question.findings)
    if t in UNSURE:
        return Parsed({}, summary="not sure about any of these")
    if t in ("", "none", "no", "n", "0"):
        return Parsed({f: False for f in question.findings}, summary="none of these")
    yes: set[int] = set()
    unsure: set[int] = set()
    for token in re.split(r"[\s,]+", t):
        m = re.fullmatch(r"(\?)?(\d+)", token)
        if not m or not 1 <= int(m.group(2)) <= n:
            raise AnswerError(f"I could not read '{token}'. Type numbers from 1 to {n} (like 1 3), ?2 for not sure, or press Enter for none.")
        (unsure if m.group(1) else yes).add(int(m.group(2)) - 1)
    updates = {f: True for i, f in enumerate(question.findings) if i in yes}
    rest = tuple(f for i, f in enumerate(question.findings) if i not in yes and i not in unsure)
    return Parsed(updates, rest=rest, unsure=tuple(f for i, f in enumerate(question.findings) if i in unsure))


def said(question: Question, parsed: Parsed, others_unsure: bool = False, head: str = "You said",
         others_no: bool = False) -> str:
    """The answer echoed back in words: a checklist's picks by the labels the list shows, as numbers shift with sex."""
    yes = [label for f, label in zip(question.findings, question.labels) if parsed.updates.get(f) is True]
    unsure = [label for f, label in zip(question.findings, question.labels) if f in parsed.unsure]
    if question.kind not in ("screen", "sweep") or not (yes or unsure):
        text = _sentence(f"{head}: {parsed.summary}")
    elif yes:
        text = _sentence(f"{head} yes to: {'; '.join(yes)}") + (_sentence(f" Not sure about: {'; '.join(unsure)}") if unsure else "")
    else:
        text = _sentence(f"{head} you are not sure about: {'; '.join(unsure)}")
    return text + (" The others: not sure." if others_unsure else " No to all the others." if others_no else "")


def others_line(question: Question, parsed: Parsed) -> str:
    """Before "the others": what was picked, by number, then the question, so the person sees their picks were taken
    and that Enter says no to every other item (the result lists those noes as facts they gave)."""
    def numbers(ns: list[int]) -> str:
        words = [str(n) for n in ns]
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]

    yes = [i + 1 for i, f in enumerate(question.findings) if parsed.updates.get(f) is True]
    unsure = [i + 1 for i, f in enumerate(question.findings) if f in parsed.unsure]
    picked = (f"You picked {numbers(yes)}" if yes else "") + (
        (" and were not sure about " if yes else "You were not sure about ") + numbers(unsure) if unsure else "")
    return f"{picked}. Is every other item on the list a no for you?"


def _sentence(text: str) -> str:
    """End with a full stop unless it ends a sentence already (a label may)."""
    return text if text.endswith((".", "?", "!")) else text + "."


def parse_rest(rest: tuple[str, ...], text: str) -> tuple[dict[str, bool], tuple[str, ...]] | str:
    """The answer to "and the others?": Enter = none apply (no), ? = not sure (asked, so not asked again, as the web's
    Not sure); else BACK, QUIT or AnswerError. The second part, items left blank, is always empty here."""
    command = command_of(text)
    if command:
        return command
    t = text.strip().lower()
    if t in ("", "none", "no", "n"):
        return {f: False for f in rest}, ()
    if t in UNSURE:
        return {}, ()
    raise AnswerError("Press Enter for no to all the others, or type ? if you are not sure about them.")


FINGER_NAMES = ("thumb", "index finger", "middle finger", "ring finger", "little finger")
HANDS_FINE = ("0", "none", "no", "n")  # the finger picker's "my hands are fine": the web's button of that name


def _parse_fingers(t: str) -> Parsed:
    """Tokens like R1 L5 (hand letter, finger 1 = thumb to 5 = little), R0 for the whole hand, RP for the palm at the
    base of the thumb (as on the web's hand pictures), ? for not sure."""
    if t in UNSURE:
        return Parsed({}, summary="not sure")
    if t in HANDS_FINE:  # neither hand: only somewhere else is numb (walkthrough AW, Frank)
        return Parsed(hands_fine_answer(), summary=HANDS_FINE_WORDS[:1].lower() + HANDS_FINE_WORDS[1:-1])
    picked: dict[str, set[int]] = {"l": set(), "r": set()}
    palm: set[str] = set()
    hand_only: set[str] = set()  # R? or L?: that hand, its fingers not sure (walkthrough AC, Uma)
    for token in re.split(r"[\s,]+", t):
        if not token:
            continue
        m = re.fullmatch(r"([lr])([0-5p?])", token)
        if not m:
            raise AnswerError(f"I could not read '{token}'. Type R or L and a finger number, like R1 R2 (R0 = whole right hand, "
                              "RP = right palm, R? = right hand, not sure which fingers), 0 if your hands are fine, or ? if not sure.")
        if m.group(2) == "p":
            palm.add(m.group(1))
        elif m.group(2) == "?":
            hand_only.add(m.group(1))
        else:
            picked[m.group(1)].add(int(m.group(2)))
    if not picked["l"] and not picked["r"] and not palm and not hand_only:
        raise AnswerError("Pick at least one finger, like R1 R2, type 0 if your hands are fine, or ? if you are not sure.")
    if hand_only:  # a hand known, its fingers not: only what was picked is a yes, nothing a no (as the web's buttons)
        updates = hand_only_answer({s.upper() for s in hand_only}, picked["l"], picked["r"], {s.upper() for s in palm})
    else:
        updates = fingers_answer(picked["l"], picked["r"], {s.upper() for s in palm})
    words = []
    for side, name in (("l", "left"), ("r", "right")):
        if 0 in picked[side]:
            words.append(f"whole {name} hand")
        words += [f"{name} {FINGER_NAMES[d - 1]}" for d in sorted(picked[side]) if d != 0]
        if side in palm:
            words.append(f"{name} palm at the base of the thumb")
        if side in hand_only:
            words.append(f"{name} hand, not sure which fingers")
    marks = tuple(f"{side}{d}" for side in ("r", "l") for d in sorted(picked[side])) + tuple(f"{s}p" for s in ("r", "l") if s in palm)
    return Parsed(updates, summary=", ".join(words), marks=marks)


HANDS = r"""
      LEFT HAND                      RIGHT HAND
      (palm up)                      (palm up)
           3                             3
        2  |  4                       4  |  2
        |  |  |  5                 5  |  |  |
        |  |  |  |                 |  |  |  |
    1   |  |  |  |                 |  |  |  |   1
     \  |        |                 |        |  /
      \_         |                 |         _/
        \_______/                   \_______/

   1 = thumb  2 = index  3 = middle  4 = ring  5 = little
"""


def show_hands(console: Console) -> None:
    """The hand pictures side by side, or one above the other when the console is too narrow for both."""
    import textwrap

    from numbwise.cli.console import print_wrapped

    picture, key = HANDS.rstrip("\n").rsplit("\n", 1)
    lines = picture.split("\n")
    if (console.width or 100) <= max(len(line) for line in lines):
        left = [line[:26].rstrip() for line in lines]
        right = textwrap.indent(textwrap.dedent("\n".join(line[26:] for line in lines)), "   ").split("\n")
        lines = left[:-1] + right  # the right hand under the left, a blank line above each
    for line in lines:
        console.print(line, markup=False, soft_wrap=True, highlight=False)
    print_wrapped(console, key.strip(), "   ", "   ")
    console.print()
