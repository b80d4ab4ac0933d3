"""The one place faces make a rich Console, so plain mode and output streams are set consistently."""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.console import Console


def make_console(plain: bool = False, file: IO[str] | None = None, stderr: bool = False) -> Console:
    """A Console on click's current stream; plain mode draws no boxes or colour (screen readers)."""
    from rich.console import Console

    stream = file or click.get_text_stream("stderr" if stderr else "stdout")
    return Console(file=stream, no_color=plain, highlight=False, emoji=False, soft_wrap=False,
                   width=None if stream.isatty() else 100, safe_box=True,
                   color_system=None if plain else "auto")  # plain: no escape codes at all, not even bold


_JOIN = "\ue000"  # a private-use character: holds a command's words together while the text is wrapped


def print_wrapped(console: Console, text: str, first: str = "", rest: str = "", style: str | None = None,
                  whole: str = "") -> None:
    """One item wrapped to the console, later lines under the first's text; words (and URLs) are never split, nor the
    command `whole` (a part of `text` to type as it stands: on a line of its own when it does not fit, as a URL)."""
    import textwrap

    width = max(40, (console.width or 100) - 1)
    held = text.replace(whole, whole.replace(" ", _JOIN)) if whole and _JOIN not in text else text
    lines = textwrap.wrap(held, width=width, initial_indent=first, subsequent_indent=rest,
                          break_long_words=False, break_on_hyphens=False) or [first.rstrip()]
    for line in lines:
        console.print(line.replace(_JOIN, " "), markup=False, style=style, soft_wrap=True, highlight=False)


def plain_from(ctx: click.Context) -> bool:
    """Whether the top-level --plain flag was given."""
    root = ctx.find_root()
    return bool(root.obj and root.obj.get("plain"))


def read_line(console: Console, prompt: str) -> str:
    """One typed line from stdin after a prompt; end of input stops the command like Ctrl+C."""
    import sys

    console.print(prompt, end="", markup=False)
    line = sys.stdin.readline()
    if line == "":
        raise click.exceptions.Abort()
    return line.rstrip("\n")


BACK, QUIT = "back", "quit"


def command_of(text: str) -> str | None:
    """BACK or QUIT when the typed text is one of those commands, else None (every prompt reads them the same)."""
    t = text.strip().lower()
    if t in ("b", "back", "undo"):
        return BACK
    if t in ("q", "quit", "exit", "stop"):
        return QUIT
    return None
