"""`numbwise check`: the interactive symptom check in the terminal (a thin shell over assess.interview)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from numbwise.files import write_atomic
from numbwise.cli.console import read_line, make_console, plain_from, print_wrapped
from numbwise.exitcodes import ExitCode

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from numbwise.assess.interview import ActStep, EarlyCall, Interview, Question
    from numbwise.cli.answers import Parsed

EPILOG = """\b
Examples:
  numbwise check
  numbwise check --save my-hands.json     keep your answers and the result
  numbwise --plain check                  no boxes or colour (screen readers)
  numbwise check --no-diary               do not keep this check in your diary
  numbwise check --describe "my pinky and ring finger go dead when I'm on the phone"

At any question, age and sex too: b = go back one question, q = stop (nothing is kept; exit code 130).
A question shown again after b says what you answered before; Enter keeps it.
"""


class SaveFailure(click.ClickException):
    """The --save path cannot be used; checked before any question is asked."""

    exit_code = ExitCode.BAD_INPUT


class Stopped(Exception):
    """The person typed q: stop, keep nothing, exit like Ctrl+C (see exitcodes.py)."""


class Back(Exception):
    """The person typed b: go back one question."""


@dataclass(frozen=True)
class Given:
    """One step's answer as typed, kept so that after b the question shows it again and Enter keeps it."""

    question: Question
    parsed: Parsed
    updates: dict[str, bool]
    blank: tuple[str, ...]
    others_unsure: bool


def _typed(console: Console, prompt: str) -> str:
    """One answer; b and q work here as at every question."""
    from numbwise.cli.console import BACK, QUIT, command_of

    text = read_line(console, prompt).strip()
    command = command_of(text)
    if command == QUIT:
        raise Stopped
    if command == BACK:
        raise Back
    return text


def _ask_age(console: Console) -> int | None:
    """Raises Back to return to the question before About you."""
    while True:
        text = _typed(console, "How old are you? (press Enter to skip; b = back, q = stop) ")
        if not text:
            return None
        if text.isdigit() and 0 <= int(text) <= 120:
            return int(text)
        console.print("Please type your age in whole years, like 47, or press Enter to skip.", markup=False)


def _ask_sex(console: Console) -> str | None:
    """Raises Back to return to the age question."""
    while True:
        text = _typed(console, "Your sex: type f for female, m for male, or press Enter to skip (b = back): ").lower()
        if text in ("", "skip"):
            return None
        if text in ("f", "female"):
            return "female"
        if text in ("m", "male"):
            return "male"
        console.print("Please type f, m, or press Enter to skip.", markup=False)


def _about(console: Console, plain: bool, age: int | None, sex: str | None) -> tuple[int | None, str | None]:
    """About you (after the emergency screen, as on the web): age, then sex, asking only what is not known yet.

    b at the sex question goes back to the age; b at the first of them raises Back (to the question before).
    """
    from numbwise.assess.interview import ABOUT_HELP, FOR_SOMEONE_ELSE

    console.print()
    console.print("About you", markup=False, style=None if plain else "bold cyan")
    print_wrapped(console, ABOUT_HELP, "  ", "  ", None if plain else "dim")
    print_wrapped(console, FOR_SOMEONE_ELSE, "  ", "  ")
    ask_age = age is None
    while True:
        if ask_age:
            age = _ask_age(console)
        if sex is not None:
            return age, sex
        try:
            return age, _ask_sex(console)
        except Back:
            if not ask_age:
                raise


def _early_calls(console: Console, plain: bool, call: EarlyCall | None, numbers: bool = True) -> None:
    """The emergency numbers on an early screen, as the result will show them (render._calls): when the act's own
    call goes elsewhere (a cancer helpline, A&E), where it goes first and the line that introduces the numbers as
    the second call right above them (walkthrough U, Kim); else the numbers alone, right under the call advice."""
    from numbwise.cli.render import print_calls
    from numbwise.kb import load

    if numbers:
        print_calls(console, [(n.number, n.where) for n in load().triage.levels["emergency"].numbers],
                    call.call_where if call else "", call.call_intro if call else "", plain)


def _emergency_first(console: Console, plain: bool, can_go_back: bool, call: EarlyCall | None = None,
                     sugar: ActStep | None = None) -> bool:
    """The call advice at once, as the emergency screen promises (the web's check_emergency page): True when the
    person chooses to answer the few questions that could change it, False to see what to do now.

    `call`: the result banner's own title and action, with where its call goes and the intro to the numbers
    (interview.call_advice: the cancer helpline for a fever during chemotherapy), said in place of the screen's general call advice; `sugar`: the low-sugar first aid, or another
    sign's advice that says "now", in its place (interview.act_first: a maternity unit to call, with no emergency
    numbers when its rule is no emergency). Raises Back (b, when there is an answer to go back to) or Stopped (q).
    """
    from numbwise.kb import load

    first = load().interview.emergency_first
    assert first is not None  # emergency_first() is only true when interview.yaml has the block
    title, lines = (sugar.title, sugar.lines) if sugar else (call.title, (call.action,)) if call else (first.title, (first.act,))
    console.print()
    console.print(title, markup=False, style=None if plain else "bold red")
    for i, line in enumerate(lines):
        print_wrapped(console, line, "  ", "  ", None if plain or i else "bold")
    _early_calls(console, plain, None if sugar else call, sugar is None or sugar.call_numbers)
    print_wrapped(console, sugar.go_on if sugar else first.go_on, "  ", "  ")
    from numbwise.cli.console import BACK, QUIT, command_of

    keys = "b = back, q = stop" if can_go_back else "q = stop"
    while True:
        text = read_line(console, f"Type 1 to see what to do now, or 2 to answer a few questions ({keys}): ").strip()
        command = command_of(text)
        if command == QUIT:
            raise Stopped
        if command == BACK and can_go_back:
            raise Back
        if text in ("1", "2"):
            return text == "2"
        console.print("Please type 1 or 2.", markup=False)


def _show_question(console: Console, q: Question, number: int, plain: bool, before: Given | None = None,
                   still: str | None = None, words: str | None = None, loud: bool = False, calls: bool = True) -> None:
    """The question and how to answer it; after b, the earlier answer too, which Enter keeps. While the answers are
    an emergency, the call advice stays above it (interview.still_line): marked "!" in red only where no
    emergency-first screen said it before (`loud`, interview.still_loud), else a calm reminder; a reading from the
    words asked back has those words above it (`words`, from interview.asked_back); `calls`: the emergency numbers
    go with it (interview.still_calls: not beside a maternity unit's line)."""
    from numbwise.cli.answers import said, show_hands

    console.print()
    first = (_with_numbers(still) if calls else still) if still else None
    if first and loud:
        print_wrapped(console, first, "! ", "  ", None if plain else "bold red")
    elif first:
        print_wrapped(console, first, "", "", None if plain else "bold")
    if words:
        print_wrapped(console, words, "", "")
    if plain:
        console.print(f"Question {number}: {q.text}", markup=False)
    else:
        from rich.markup import escape

        console.print(f"[bold cyan]Question {number}[/bold cyan]  [bold]{escape(q.text)}[/bold]")
    print_wrapped(console, q.help, "  ", "  ", None if plain else "dim")
    print_wrapped(console, f"Why we ask: {q.why}", "  ", "  ", None if plain else "dim italic")
    if q.kind == "fingers":
        show_hands(console)
        console.print("Type the numb fingers with R (right) or L (left), like: R1 R2 R3", markup=False)
        console.print("R0 or L0 means the whole hand, RP or LP the palm at the base of the thumb, R? or L? that hand when you are not sure which fingers. "
                      "0 means your hands are fine and only somewhere else is numb. ? means not sure. b = back.", markup=False)
    elif q.kind == "choice" and [label.lower() for label in q.labels] == ["yes", "no"]:  # asked as any yes/no
        console.print("y = yes, n = no, ? = not sure, b = back, q = stop", markup=False)
    elif q.kind == "choice":
        for i, label in enumerate(q.labels, 1):
            print_wrapped(console, label, f"  {i}. ", "     ")
        console.print("Type a number, or ? if you are not sure. b = back.", markup=False)
    elif q.kind in ("screen", "sweep"):
        for i, label in enumerate(q.labels, 1):
            print_wrapped(console, label, f"  {i:2d}. ", "      ")
        console.print("Type the numbers that apply (like 1 4). Put ? before any you are not sure of (like ?2).", markup=False)
        from numbwise.kb import load

        sweep = next((w for w in (load().interview.confirm_home_care, load().interview.confirm_emergency)
                      if w is not None and w.id == q.id and w.enter_none), None)
        enter = " ".join(sweep.enter_none.split()) if sweep is not None and sweep.enter_none else \
            "Press Enter if none apply. b = back, q = stop."
        console.print("Type 0 if none apply. b = back, q = stop." if before else enter, markup=False)
    else:
        console.print("y = yes, n = no, ? = not sure, b = back, q = stop", markup=False)
    if before is not None:
        print_wrapped(console, said(q, before.parsed, before.others_unsure, "Before, you said")
                      + " Press Enter to keep that, or type your new answer.", "", "", None if plain else "bold")


@dataclass(frozen=True)
class Told:
    """What the person kept of their description: findings, age, sex, the words each finding came from (quoted when
    a reading is asked back), what they were not sure of (carried as 'not sure') and what is to be asked."""

    findings: dict[str, bool]
    age: int | None
    sex: str | None
    words: dict[str, tuple[str, ...]]
    unsure: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()
    days_so_far: float | None = None  # how long the words said it has been there (parse.Parsed.days_so_far)
    confirmed: tuple[str, ...] = ()  # the emergency signs confirmed on the words' emergency screen (interview.describe)
    foot_sore: bool | None = None  # a sore on the foot, as the words said it (parse.Parsed.foot_sore)


def _described(console: Console, description: str) -> Told | None:
    """Show what the description was understood to say; let the person drop any of it. None: they stopped.

    An emergency sign in the words is shown first with the words that raised it and the numbers to call
    (as on the web): yes keeps those signs and shows every other reading for a check (interview.emergency_beside),
    then the emergency advice; 'not what I meant' sets those words aside (not known, asked again).
    """
    from numbwise.assess.interview import ALSO_UNDERSTOOD, PARTIAL_HEADING, PARTIAL_NOTE, after_emergency, emergency_beside
    from numbwise.parse import (ABOUT, about_chips, chips, emergency, emergency_answers, emergency_call, foot_chips,
                                foot_kept, parse, partial_chips, unsure_chips, without)

    words = parse(description)
    findings = dict(words.findings)
    doubts, partial = unsure_chips(words), partial_chips(words)
    said = {c.finding: c.words for c in chips(words) + doubts}
    later = tuple(c.finding for c in partial)
    urgent = emergency(words)
    signs: dict[str, bool] = {}  # the emergency signs the person confirmed (kept as read, not shown again)
    if urgent:
        console.print()
        console.print("WARNING: your words point to an emergency:", markup=False, style="bold red")
        for c in urgent:
            print_wrapped(console, f"{c.label} (you wrote: {', '.join(repr(w) for w in c.words)})", "  ! ", "    ")
        call = emergency_call(words)  # a rule with its own act (the cancer helpline) is said as the result will say it
        console.print(call.title, markup=False, style="bold")
        print_wrapped(console, call.action, "", "")
        _early_calls(console, False, call)
        while True:
            reply = read_line(console, "Did we read you right? y = yes, n = that's not what I meant, q = stop: ").strip().lower()
            if reply in ("y", "yes", "n", "no", "q"):
                break
        if reply == "q":
            return None
        if reply in ("y", "yes"):  # the signs confirmed; every other reading is shown below for a check (as on the web)
            signs = emergency_answers(words)
            beside = emergency_beside(findings, signs)
            if not beside and not doubts and not partial and words.age is None and words.sex is None \
                    and words.foot_sore is None:  # a foot sore read is shown on the list, as any reading
                return Told(signs, words.age, words.sex, said, (), later, words.days_so_far, tuple(signs), words.foot_sore)
        else:
            findings = without(findings, [c.finding for c in urgent])
    # the foot sore the words said is a line of its own (walkthrough U, Ben): it leads the result, so it is shown
    read = [c for c in chips(words) if c.finding in findings and c.finding not in signs] + foot_chips(words) \
        + about_chips(words)
    items = read + doubts
    age, sex = words.age, words.sex
    if partial:
        console.print()
        console.print(f"{PARTIAL_HEADING} {PARTIAL_NOTE}", markup=False, style="bold")
        for c in partial:
            print_wrapped(console, f"{c.label} ({', '.join(repr(w) for w in c.words)})", "  - ", "    ")
    if items:
        console.print()
        if read:
            console.print(ALSO_UNDERSTOOD if signs else "From what you wrote, we understood:", markup=False, style="bold")
        for i, c in enumerate(items, 1):
            if i == len(read) + 1:
                console.print("You were not sure about (we will count these as \"not sure\", unless a later question lets "
                              "you say more):", markup=False, style="bold")
            print_wrapped(console, f"{c.label} ({', '.join(repr(w) for w in c.words)})", f"  {i:2d}. ", "      ")
        if not signs:  # after a confirmed emergency the call advice is already given; the result lists these signs
            _words_check_now(console, [c.finding for c in doubts], findings)
        else:  # but its call buttons stay on every page after it (walkthrough Y, Peter: none on this list)
            console.print(call.title, markup=False, style="bold")
            _early_calls(console, False, call)
        console.print("Type the numbers of any we got wrong (like 2 5): we will ask about them instead.", markup=False)
        console.print("Put ! before one we read the wrong way round (like !3). Press Enter to keep them all. q = stop.",
                      markup=False)
        if age is not None and sex is not None:  # About you is skipped, and with it its line for someone else
            from numbwise.assess.interview import FOR_SOMEONE_ELSE_TOLD

            print_wrapped(console, FOR_SOMEONE_ELSE_TOLD, "", "")
        while True:
            typed = read_line(console, "> ")
            if typed.strip().lower() == "q":
                return None
            picks = typed.replace(",", " ").split()
            if all(p.lstrip("!").isdigit() and 1 <= int(p.lstrip("!")) <= len(items) for p in picks):
                break
            console.print(f"Please type numbers from 1 to {len(items)} (! before one to turn it round), or press Enter.",
                          markup=False)
        wrong = {items[int(p) - 1].finding for p in picks if not p.startswith("!")}
        flipped = {items[int(p[1:]) - 1].finding for p in picks if p.startswith("!")}
        # a warning sign is never turned round to "no" by a reading (parse.corrected): said, and asked instead
        # (walkthrough BB, Victor: "!4" was silently taken as "4")
        for c in items:
            if c.finding in flipped and c.warning and c.value:
                print_wrapped(console, f"{NOT_TURNED} {c.label}", "", "  ")
        age, sex = (None if "age" in wrong | flipped else age), (None if "sex" in wrong | flipped else sex)  # asked in About you
        findings = after_emergency(findings, signs, set(findings) - wrong, flipped - set(ABOUT))
        # a 'not sure' typed (or turned round) is asked instead, as the person never said yes or no to it
        foot = foot_kept(words.foot_sore, {c.finding for c in read} - wrong - flipped)  # removed: asked instead
        return Told(findings, age, sex, said, tuple(c.finding for c in doubts if c.finding not in wrong | flipped), later,
                    words.days_so_far, tuple(signs), foot)
    if not partial and not signs:
        console.print("We could not match your words to our questions; the questions will cover it.", markup=False)
    return Told(findings, age, sex, said, tuple(c.finding for c in doubts) if signs else (), later, words.days_so_far,
                tuple(signs), words.foot_sore)


NOT_TURNED = "We will ask about this instead of turning it round, as it could be a warning sign:"


def _marks(iv: Interview, given: dict[int, Given]) -> tuple[str, ...]:
    """The spots typed at the finger picker that is still in the answers (a step undone with b no longer counts)."""
    steps = [i for i, step in enumerate(iv.history) if step[0].kind == "fingers"]
    return given[steps[-1]].parsed.marks if steps and steps[-1] in given else ()


def _interview(console: Console, plain: bool, limit: int,
               description: str | None = None) -> tuple[Interview, tuple[str, ...]] | None:
    """The answers, with the spots marked at the finger picker (for the hand diagram, as the web remembers its picks)."""
    from dataclasses import replace

    from numbwise.assess.interview import (about_due, act_first, answer, asked_back, call_advice, describe, emergency_first,
                                           next_question, start, still_calls, still_line, still_loud, undo)
    from numbwise.assess.lists import Others, list_answer, rest_settled
    from numbwise.cli.answers import AnswerError, others_line, parse, parse_rest, said
    from numbwise.cli.console import BACK, QUIT

    told = _described(console, description) if description else Told({}, None, None, {})
    if told is None:
        return None
    told_age, told_sex = told.age, told.sex
    iv = start(told_age, told_sex)
    iv = describe(iv, told.findings, told.words, told.unsure, told.partial, told.days_so_far, told.confirmed,
                  told.foot_sore) \
        if told.findings or told.unsure or told.partial else iv
    about = told_age is not None and told_sex is not None  # as on the web: the words gave both
    about_at = -1  # how many questions were answered when About you was: b at the next question returns to it
    given: dict[int, Given] = {}  # history step -> the answer typed there (the finger picker's spots too), for b
    warned: tuple[object, ...] = ()  # the answers the call advice came after: b and the same answer show it once
    while True:
        # the low-sugar first aid, or a sign's advice that says "now" (warning signs in pregnancy), as the call advice
        sugar = act_first(iv, limit) if iv.history != warned else None
        if iv.history != warned and (sugar is not None or emergency_first(iv, limit)):  # before any other question
            warned = iv.history
            try:
                if not _emergency_first(console, plain, iv.count > 0, call_advice(iv), sugar):
                    return iv, _marks(iv, given)  # "see what to do now": the emergency result, nothing more asked
            except Stopped:
                return None
            except Back:
                iv, warned = undo(iv), ()
                continue
        if not about and about_due(iv):  # after the emergency screen, never during an emergency
            try:
                age, sex = _about(console, plain, told_age, told_sex)
            except Stopped:
                return None
            except Back:
                iv = undo(iv)
                continue
            iv, about, about_at = replace(iv, age=age, sex=sex), True, iv.count
        q = next_question(iv, limit=limit)
        if q is None:
            return iv, _marks(iv, given)
        before = given.get(len(iv.history))
        before = before if before is not None and before.question == q else None  # shown again after b
        _show_question(console, q, iv.count + 1, plain, before, still_line(iv), asked_back(iv, q), still_loud(iv, limit),
                       still_calls(iv))
        while True:
            typed = read_line(console, "> ")
            if before is not None and not typed.strip():
                break
            try:
                parsed = parse(q, typed)
                break
            except AnswerError as exc:
                console.print(str(exc), markup=False)
        if before is not None and not typed.strip():  # Enter keeps the earlier answer, as it was
            print_wrapped(console, said(q, before.parsed, before.others_unsure), "  ", "  ")
            iv = answer(iv, q, before.updates, before.blank)
            _unsure_advice(console, iv, q, before.updates, before.blank, limit)
            continue
        if parsed.command == QUIT:
            return None
        if parsed.command == BACK:
            if about and iv.count == about_at:
                about = False
            elif iv.count == 0:
                console.print("This is the first question.", markup=False)
            else:
                iv = undo(iv)
            continue
        updates: dict[str, bool] = dict(parsed.updates)
        blank: tuple[str, ...] = ()
        others_unsure = False
        if q.kind in ("screen", "sweep"):  # the keys as marks, read by the core as the web's radios and buttons are
            marked = _marked(q, parsed)
            if rest_settled(iv, q, marked, limit):  # the others cannot change an emergency that is settled: left not
                iv = answer(iv, q, *list_answer(q, marked, "blank"))  # known, straight to the advice
                print_wrapped(console, said(q, parsed), "  ", "  ")
                continue
            others: Others = "no"
            if parsed.rest:
                print_wrapped(console, others_line(q, parsed), "", "")
                while True:
                    try:
                        rest = parse_rest(parsed.rest, read_line(
                            console, "Press Enter for no to all the others, or type ? if you are not sure about them (b = back): "))
                        break
                    except AnswerError as exc:
                        console.print(str(exc), markup=False)
                if rest == QUIT:
                    return None
                if rest == BACK:
                    continue
                assert not isinstance(rest, str)
                others_unsure = not rest[0]
                others = "unsure" if others_unsure else "no"
            updates, blank = list_answer(q, marked, others)
        others_no = bool(parsed.rest) and not others_unsure
        print_wrapped(console, said(q, parsed, others_unsure, others_no=others_no), "  ", "  ")
        given[len(iv.history)] = Given(q, parsed, updates, blank, others_unsure)
        iv = answer(iv, q, updates, blank)
        _unsure_advice(console, iv, q, updates, blank, limit)


def _marked(q: Question, parsed: Parsed) -> dict[str, bool | None]:
    """A list's keys as marks for assess.lists: the numbers typed yes, ?N not sure; Enter alone (parse: no to all) and
    ? alone (not sure about all) mark every item, so only the items typed past are left to "the others"."""
    marked: dict[str, bool | None] = {f: v for f, v in parsed.updates.items() if f in q.findings}
    marked |= {f: None for f in parsed.unsure}
    if not parsed.rest:  # nothing left to ask about: an item not marked yes or no was answered 'not sure' (? alone)
        marked |= {f: None for f in q.findings if f not in marked}
    return marked


def _with_numbers(still: str) -> str:
    """The line kept above each question while the answers are an emergency (interview.still_line), with the numbers."""
    from numbwise.kb import load

    numbers = ", ".join(f"{n.number} ({n.where})" for n in load().triage.levels["emergency"].numbers)
    return f"{still} {numbers}"


def _words_check_now(console: Console, unsure: list[str], findings: dict[str, bool] | None = None) -> None:
    """A warning sign the words left not sure: how to check it and when to call, at once (the core's
    words_check_now, as on the web), not only in the result after the questions."""
    from numbwise.assess.interview import words_check_now
    from numbwise.kb import load

    advice = words_check_now(unsure, findings)
    if advice is None:
        return
    _print_check(console, advice.title, advice.check, advice.act)
    for n in load().triage.levels["emergency"].numbers:
        print_wrapped(console, f"Call {n.number} ({n.where})", "  >> ", "     ", "bold")
    console.print()


def _print_check(console: Console, title: str, check: Sequence[str], act: str) -> None:
    """How to check a sign not sure of and when to call: the same lines after a '?' and after the words."""
    console.print()
    console.print(title, markup=False, style="bold")
    for line in check:
        print_wrapped(console, line, "  - ", "    ")
    if act:  # "" when each check says itself when to call
        console.print(act, markup=False, style="bold")


def _unsure_advice(console: Console, iv: Interview, q: Question, updates: dict[str, bool], blank: tuple[str, ...],
                   limit: int) -> None:
    """A '?' on an emergency sign: how to check it and when to call, before going on (the core's check_now, as on the web)."""
    from numbwise.assess.interview import check_now

    advice = check_now(iv, q, updates, blank, limit)
    if advice is not None:
        _print_check(console, advice.title, advice.check, advice.act)


def result_path(case_path: Path) -> Path:
    """Where --save puts the result next to the case file: NAME.result.json."""
    return case_path.with_name(case_path.stem + ".result.json")


@click.command("check", epilog=EPILOG)
@click.option("--save", "save", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write your answers as a case file (FILE) and the result next to it (NAME.result.json).")
@click.option("--force", is_flag=True, help="Overwrite the --save files if they exist.")
@click.option("--max-questions", type=click.IntRange(5, 40), default=20, show_default=True,
              help="Stop after this many questions at most.")
@click.option("--no-diary", is_flag=True, help="Do not keep this check in your diary (it is kept by default).")
@click.option("--describe", "description", metavar="TEXT", default=None,
              help="Start from a description in your own words: only what it leaves open is asked.")
@click.pass_context
def check_command(ctx: click.Context, save: Path | None, force: bool, max_questions: int, no_diary: bool,
                  description: str | None) -> None:
    """Answer a few questions: how urgent it is and what is likely behind it."""
    from numbwise.assess.interview import outcome
    from numbwise.cli.render import notice, show_assessment

    if save is not None:
        if not save.parent.is_dir():
            raise SaveFailure(f"cannot save to {save}: the folder {save.parent} does not exist")
        for target in (save, result_path(save)):
            if target.exists() and not force:
                raise SaveFailure(f"{target} already exists; choose another name or add --force")
    plain = plain_from(ctx)
    console = make_console(plain)
    console.print("numbwise symptom check" if plain else "[bold]numbwise symptom check[/bold]")
    notice(console, plain)
    console.print("Answer with the keys shown. You can go back (b) or stop (q) at any time.", markup=False)
    console.print()
    if description is not None:
        from numbwise.cli.parse_cmd import read_text

        description = read_text(description)
    done = _interview(console, plain, max_questions, description)
    if done is None:
        console.print("Stopped. Nothing was saved.", markup=False)
        ctx.exit(ExitCode.INTERRUPTED)
    iv, marks = done
    result = outcome(iv)
    console.print()
    from numbwise.assess.case import saved_check, told_by

    told = told_by(iv, marks, max_questions)  # shown now and saved with the answers: re-opened, the same result
    show_assessment(console, result, plain, detail=True, unsure=iv.unsure, marks=told.marks,
                    taken_back=told.taken_back, listed_none=frozenset(told.listed_none))
    from numbwise.assess.summary import count_line

    if line := count_line(iv.count, iv.described):
        console.print(line, markup=False)
    if save is not None:
        # with its not-sure answers: without them `assess --case` on the file gave a calm result (walkthrough N)
        case = {"id": save.stem} | saved_check(iv, told)
        write_atomic(save, json.dumps(case, indent=2) + "\n")
        write_atomic(result_path(save), json.dumps(result.to_dict(), indent=2) + "\n")
        console.print(f"Saved your answers to {save} and the result to {result_path(save)}.", markup=False)
    if not no_diary:
        kept: dict[str, object] = {"id": save.stem if save else None} | saved_check(iv, told)
        _keep_in_diary(ctx, console, kept, result.to_dict())


def _keep_in_diary(ctx: click.Context, console: Console, case: dict[str, object], result: dict[str, object]) -> None:
    """Store the finished check; a diary problem is reported (exit 1) without losing what was shown."""
    from datetime import datetime, timezone

    from numbwise.cli.diary_cli import DiaryProblem, entry_ref, open_diary

    try:
        with open_diary(ctx) as store:
            record = store.add_check(datetime.now(timezone.utc), case, result)
    except click.ClickException as exc:
        raise DiaryProblem(f"the check was not kept in your diary: {exc.message}") from None
    console.print(f"Kept in your diary as {entry_ref(record)} (numbwise history; --no-diary to skip).", markup=False)
