"""`numbwise score`: fill in a validated score (BCTQ, hand diagram, CTS-6, MNSI) in the terminal or from answers."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from numbwise.cli.console import read_line, make_console, plain_from
from numbwise.dates import moment
from numbwise.exitcodes import ExitCode

if TYPE_CHECKING:
    from rich.console import Console

    from numbwise.kb.models import Instrument
    from numbwise.scores import ScoreResult

EPILOG = """\b
Examples:
  numbwise score --list                       the scores you can fill in
  numbwise score bctq                         the Boston questionnaire, one question at a time
  numbwise score bctq --hand left --answers 2,3,1,1,1,3,2,3,3,2,2,1,2,1,1,2,1,2,1
  numbwise score mnsi --answers y,n,n,n,y,n,y,n,n,n,y,n,y,n,n --json
  numbwise score katz --fingers r1,r2,r3      the hand-diagram class from marked spots
  numbwise score cts6 --answers-file exam.json
  numbwise score history                      all your saved scores
  numbwise score history bctq                 your saved BCTQ scores (the same as: score bctq --history)

In --answers, give each item's answer value in order (for yes/no items y or n);
leave one empty or type - to skip it. At a question: b = back, s = skip, q = stop
(stopping saves nothing and exits with code 130). The BCTQ is filled in once for each
hand: say which with --hand left or --hand right (asked when not given interactively).
Without an instrument the command lists them and exits with code 2.
Hand-diagram marks: R or L, then 1-5 (thumb to little finger), 0 for the whole hand,
p = palm, u = palm on the little-finger side only, b = back of hand, w = wrist or forearm.
"""

YES = {"y", "yes"}
NO = {"n", "no"}
SKIP = {"", "-", "s", "skip"}


class BadAnswer(click.ClickException):
    """An answer, a file or the instrument name cannot be used; nothing is saved."""

    exit_code = ExitCode.BAD_INPUT


def _token_value(ins: Instrument, index: int, token: str) -> int | None:
    """One typed answer for item `index` as its scoring value (None = skipped)."""
    from numbwise.scores import ScoreInputError

    item = ins.items[index]
    t = token.strip().lower()
    if t in SKIP:
        return None
    values = {o.value for o in item.options}
    if values == {0, 1} and t in YES | NO:
        return 1 if t in YES else 0
    try:
        return int(t)
    except ValueError:
        allowed = ", ".join(str(o.value) for o in item.options)
        extra = " (or y / n)" if values == {0, 1} else ""
        raise ScoreInputError(f"answer {index + 1} ({_short(item.text)}): '{token}' is not an answer; use one of {allowed}{extra}",
                              item.id) from None


def _short(text: str) -> str:
    """The start of a question, to name it in a message without its internal id."""
    from numbwise.scores.core import question_start

    return question_start(text)


def _from_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BadAnswer(f"cannot read {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise BadAnswer(f"{path} is not valid JSON: {exc.msg} (line {exc.lineno})") from None


def _answers(ins: Instrument, text: str | None, data: Any) -> dict[str, int | None]:
    """Answers from --answers text or --answers-file data, checked item by item."""
    from numbwise.scores import ScoreInputError

    if text is not None:
        tokens = text.split(",")
        if len(tokens) != len(ins.items):
            raise ScoreInputError(f"{ins.short} has {len(ins.items)} items; --answers gave {len(tokens)}")
        return {item.id: _token_value(ins, i, t) for i, (item, t) in enumerate(zip(ins.items, tokens))}
    if isinstance(data, list):
        if len(data) != len(ins.items):
            raise ScoreInputError(f"{ins.short} has {len(ins.items)} items; the file gave {len(data)}")
        data = {item.id: value for item, value in zip(ins.items, data)}
    if not isinstance(data, dict):
        raise ScoreInputError("the answers file must hold a list of answers or an object of item: answer")
    ids = [i.id for i in ins.items]
    out: dict[str, int | None] = {}
    for key, value in data.items():
        if key not in ids:
            raise ScoreInputError(f"'{key}' is not an item of {ins.short}; items are {', '.join(ids)}", key)
        if value is None or isinstance(value, int) and not isinstance(value, bool):
            out[key] = value
        elif isinstance(value, str):
            out[key] = _token_value(ins, ids.index(key), value)
        else:
            raise ScoreInputError(f"answer {ids.index(key) + 1} ({_short(ins.items[ids.index(key)].text)}): {value!r} is not an answer", key)
    return out


def _ask_items(console: Console, ins: Instrument) -> dict[str, int | None] | None:
    """One item at a time with numbered options; b = back, s = skip (where the scoring allows), q = stop."""
    from numbwise.scores.core import skippable

    answers: dict[str, int | None] = {}
    notes = {n.before: n.text for n in ins.sections}
    scale_of = {i: s.name for s in ins.scales for i in s.items}
    i = 0
    while i < len(ins.items):
        item = ins.items[i]
        if item.id in notes:
            console.print()
            console.print(notes[item.id], markup=False)
        console.print()
        console.print(f"Question {i + 1} of {len(ins.items)} ({scale_of.get(item.id, ins.short)}): {item.text}",
                      markup=False)
        if item.help:
            console.print(f"  {item.help}", markup=False)
        for n, option in enumerate(item.options, 1):
            console.print(f"  {n}. {option.label}", markup=False)
        can_skip = skippable(ins, item.id, [k for k, v in answers.items() if v is None and k != item.id])
        keys = f"Type 1 to {len(item.options)}" + (", s = skip" if can_skip else "") + ", b = back, q = stop."
        console.print(keys, markup=False)
        while True:
            t = read_line(console, "> ").strip().lower()
            if t in ("q", "quit", "stop", "exit"):
                return None
            if t in ("b", "back"):
                if i == 0:
                    console.print("This is the first question.", markup=False)
                    continue
                i -= 1
                answers.pop(ins.items[i].id, None)
                break
            if t in ("s", "skip"):
                if not can_skip:
                    console.print("This question is needed for a score (see the missing-item rule). Please answer it.",
                                  markup=False)
                    continue
                answers[item.id] = None
                i += 1
                break
            labels = {o.label.lower(): o.value for o in item.options}
            if t.isdigit() and 1 <= int(t) <= len(item.options):
                answers[item.id] = item.options[int(t) - 1].value
            elif t in labels:
                answers[item.id] = labels[t]
            elif {o.value for o in item.options} == {0, 1} and t in YES | NO:
                answers[item.id] = 1 if t in YES else 0
            else:
                console.print(keys, markup=False)
                continue
            i += 1
            break
    return answers


def _ask_marks(console: Console, ins: Instrument) -> list[str] | None:
    """The hand diagram as one question: the finger picture, then marks like R1 R2 RP."""
    from numbwise.cli.answers import show_hands

    assert ins.diagram is not None
    show_hands(console)
    console.print("Type every numb or tingling spot with R (right) or L (left), like: R1 R2 R3 RP", markup=False)
    console.print("Fingers: 1 = thumb to 5 = little finger, 0 = the whole hand. Areas:", markup=False)
    for area in ins.diagram.areas:
        console.print(f"  {area.code} = {area.name}", markup=False)
    console.print("q = stop.", markup=False)
    text = read_line(console, "> ").strip()
    if text.lower() in ("q", "quit", "stop"):
        return None
    return [t for t in text.replace(",", " ").split() if t]


def _show(console: Console, result: ScoreResult, ins: Instrument, plain: bool) -> None:
    from numbwise.kb import load

    console.print()
    title = result.name + (f", {result.hand} hand" if result.hand else "")
    console.print(title if plain else f"[bold]{title}[/bold]", markup=not plain)
    for note in result.notes:
        console.print(f"Note: {note}", markup=False)
    scales = {s.id: s for s in ins.scales}
    for s in result.scales:
        if s.value is not None:
            shown = f"{s.value:g}" + (f" ({s.band_label})" if s.band_label else "")
            console.print(f"{s.name}: {shown}   range {s.lowest:g} to {s.highest:g}", markup=False)
        elif s.band_label:
            console.print(f"{s.name}: {s.band_label}", markup=False)
        else:
            console.print(f"{s.name}: no score", markup=False)
        console.print(f"  {s.meaning}", markup=False)
        scale = scales.get(s.id)
        if scale is not None and s.value is not None:
            if s.band:
                console.print(f"  {scale.reading}", markup=False)
            for change in scale.minimal_change:
                console.print(f"  Change that matters: {change.text}", markup=False)
    console.print(load().meta.notice_short, markup=False)


def _save(db: str | None, result: ScoreResult, at: datetime) -> str:
    """Keep the result in the diary; returns the short id people type elsewhere (Q5)."""
    from numbwise.diary.fields import entry_ref
    from numbwise.diary.store import open_store

    with open_store(db) as store:
        record = store.add_score(at, result.instrument, dict(result.answers), result.values())
        return entry_ref(record)


def _history(ctx: click.Context, instrument: str | None, as_json: bool) -> None:
    from numbwise.diary.fields import entry_ref
    from numbwise.scores import ScoreInputError, describe_values, instrument as get_instrument, resolve

    try:
        key = resolve(instrument) if instrument else None
    except ScoreInputError as exc:
        raise BadAnswer(str(exc)) from None
    from numbwise.diary.store import open_store

    with open_store(ctx.find_root().obj.get("db"), create=False) as store:
        records = store.scores(key)
    if as_json:
        rows = [{"id": entry_ref(r), "at": r.at.isoformat(), "instrument": r.instrument,
                 "hand": r.values.get("hand"), "values": r.values} for r in records]
        click.echo(json.dumps(rows, indent=2))
        return
    if not records:
        click.echo("No saved scores yet." if key is None else f"No saved {key} scores yet.")
        return
    for r in records:
        try:
            shown = describe_values(get_instrument(r.instrument), r.values)
        except ScoreInputError:  # an instrument this version no longer knows
            shown = ", ".join(f"{k} {v}" for k, v in r.values.items())
        click.echo(f"{entry_ref(r):<5} {moment(r.at)}  {r.instrument:<6} {shown}")


def _ask_hand(console: Console) -> str | None:
    """Which hand a per-hand questionnaire is about (None = stop)."""
    console.print()
    console.print("Which hand are these answers about? If both hands are affected, fill it in once for each hand.",
                  markup=False)
    console.print("  1. Right hand", markup=False)
    console.print("  2. Left hand", markup=False)
    console.print("Type 1 or 2, q = stop.", markup=False)
    while True:
        t = read_line(console, "> ").strip().lower()
        if t in ("q", "quit", "stop", "exit"):
            return None
        if t in ("1", "r", "right"):
            return "right"
        if t in ("2", "l", "left"):
            return "left"
        console.print("Type 1 for the right hand or 2 for the left hand (q = stop).", markup=False)


def _list(as_json: bool) -> None:
    from numbwise.kb import load

    instruments = load().instruments
    if as_json:
        click.echo(json.dumps([{"id": k, "name": v.name, "filled_by": v.filled_by, "items": len(v.items)}
                               for k, v in instruments.items()], indent=2))
        return
    for key, ins in instruments.items():
        who = "an examiner fills it in" if ins.filled_by == "examiner" else "you fill it in"
        size = f"{len(ins.items)} questions" if ins.items else "mark your fingers"
        click.echo(f"{key:<6} {ins.name} ({size}; {who})")
        click.echo(f"       {ins.measures}")


def _stopped(ctx: click.Context, console: Console) -> None:
    """Stopping at a question saves nothing and exits like Ctrl+C (130), as `numbwise check` does."""
    console.print("Stopped. Nothing was saved.", markup=False)
    ctx.exit(ExitCode.INTERRUPTED)


@click.command("score", epilog=EPILOG)
@click.argument("words", nargs=-1, metavar="[INSTRUMENT]")
@click.option("--list", "list_", is_flag=True, help="List the scores numbwise can work out.")
@click.option("--history", "history", is_flag=True,
              help="Show your saved scores (of INSTRUMENT, or all) instead of filling one in. "
                   "`numbwise score history [INSTRUMENT]` does the same.")
@click.option("--hand", type=click.Choice(["left", "right"], case_sensitive=False), default=None,
              help="BCTQ: the hand these answers are about (asked when you answer one question at a time).")
@click.option("--answers", metavar="A,B,...", help="Every item's answer in order (skip with - or an empty slot).")
@click.option("--answers-file", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.json",
              help="Answers from a JSON file: a list in item order, or an object of item ID: answer.")
@click.option("--fingers", metavar="CODES", help="Hand diagram only: marked spots, like r1,r2,r3,rp.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@click.option("--no-save", is_flag=True, help="Do not keep the result in your diary.")
@click.pass_context
def score_command(ctx: click.Context, words: tuple[str, ...], list_: bool, history: bool, hand: str | None,
                  answers: str | None, answers_file: Path | None, fingers: str | None, as_json: bool,
                  no_save: bool, now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
    """Fill in a validated score (BCTQ, hand diagram, CTS-6, MNSI) and keep it in your diary."""
    from numbwise.scores import (ScoreInputError, check_hand, instrument as get_instrument, parse_codes,
                                 require_score, resolve, score, score_katz)

    if words and words[0].lower() == "history":
        history, words = True, words[1:]
    if len(words) > 1:
        raise BadAnswer(f"name one instrument, not {len(words)} ({' '.join(words)}); "
                        "for example: numbwise score history bctq")
    instrument = words[0] if words else None
    if history:
        _history(ctx, instrument, as_json)
        return
    if list_:
        _list(as_json)
        return
    if instrument is None:
        _list(as_json)
        raise BadAnswer("name an instrument to fill in, for example: numbwise score bctq "
                        "(numbwise score --list shows them)")
    plain = plain_from(ctx)
    try:
        key = resolve(instrument)
        ins = get_instrument(key)
        side = check_hand(ins, hand)
        given = sum(x is not None for x in (answers, answers_file, fingers))
        if given > 1:
            raise ScoreInputError("give only one of --answers, --answers-file and --fingers")
        if fingers is not None and ins.diagram is None:
            raise ScoreInputError(f"--fingers is for the hand diagram (katz), not {key}")
        if ins.diagram is not None and (answers is not None or answers_file is not None):
            raise ScoreInputError("the hand diagram takes --fingers, like --fingers r1,r2,rp")
        console = make_console(plain, stderr=as_json)
        if given == 0:
            console.print(ins.name if plain else f"[bold]{ins.name}[/bold]", markup=not plain)
            console.print(ins.instructions, markup=False)
            if ins.filled_by == "examiner":
                console.print("This score needs an examiner: a clinician fills it in after examining the hand.",
                              markup=False)
        if ins.diagram is not None:
            marks = fingers.split(",") if fingers is not None else _ask_marks(console, ins)
            if marks is None:
                _stopped(ctx, console)
                return
            result = score_katz(parse_codes(marks, ins.diagram), ins)
        else:
            if given == 0:
                if ins.per_hand and side is None:
                    side = _ask_hand(console)
                    if side is None:
                        _stopped(ctx, console)
                        return
                asked = _ask_items(console, ins)
                if asked is None:
                    _stopped(ctx, console)
                    return
                result = score(key, asked, side)
            else:
                data = _from_file(answers_file) if answers_file is not None else None
                result = score(key, _answers(ins, answers, data), side)
        require_score(result)
    except ScoreInputError as exc:
        raise BadAnswer(f"{exc}; nothing was saved") from None
    saved: str | None = None  # None only with --no-save
    if not no_save:
        saved = _save(ctx.find_root().obj.get("db"), result, now())
    if as_json:
        out = result.to_dict()
        out["saved"] = saved
        click.echo(json.dumps(out, indent=2))
    else:
        out_console = make_console(plain)
        _show(out_console, result, ins, plain)
        if no_save:
            out_console.print("Not saved (--no-save).", markup=False)
        else:
            out_console.print(f"Saved as {saved}. See it with: numbwise score history {result.instrument}",
                              markup=False)
