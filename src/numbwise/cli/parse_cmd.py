"""`numbwise parse`: what numbwise understands from a description in your own words."""

from __future__ import annotations

import json
import sys

import click

from numbwise.exitcodes import ExitCode

EPILOG = """\b
Examples:
  numbwise parse --text "my pinky and ring finger go dead when I'm on the phone"
  numbwise parse --text "pins and needles in both hands since my chemo, no fever" --format text
  echo "I'm 45, it started suddenly an hour ago" | numbwise parse --text -

JSON: {"age", "sex", "findings", "spans"}; each span gives the characters (start, end) that raised a
finding, whether they said it is there (said), not there (denied), or did not count (hypothetical,
past, someone_else). Feed the findings to `numbwise assess --text` or `numbwise check --describe`.
"""


class TextFailure(click.ClickException):
    """Empty or oversized text: exit 2 with a plain message."""

    exit_code = ExitCode.BAD_INPUT


def read_text(text: str) -> str:
    """The description from --text ('-' reads standard input), checked for size."""
    from numbwise.parse import MAX_CHARS

    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise TextFailure("the description is empty: say in your own words what your hands feel like")
    if len(text) > MAX_CHARS:
        raise TextFailure(f"the description is too long ({len(text)} characters, at most {MAX_CHARS})")
    return text


def _quoted(words: tuple[str, ...]) -> str:
    return ", ".join(f'"{w}"' for w in words)


@click.command("parse", epilog=EPILOG)
@click.option("--text", "text", required=True, metavar="TEXT", help="The description ('-' reads standard input).")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: the partial case with spans; text: what was understood, for people.")
def parse_command(text: str, fmt: str) -> None:
    """Read a description in your own words: the findings, age and sex it gives, with the words behind each."""
    from numbwise.parse import chips, emergency, parse

    parsed = parse(read_text(text))
    out = click.get_text_stream("stdout")
    if fmt == "json":
        out.write(json.dumps(parsed.to_dict(), indent=2) + "\n")
        return
    if parsed.age is not None or parsed.sex is not None:
        out.write(f"Age: {parsed.age if parsed.age is not None else 'not said'}. "
                  f"Sex: {parsed.sex or 'not said'}.\n")
    items = chips(parsed)
    if not items:
        out.write("Nothing in the description matched what numbwise asks about. The questions will cover it.\n")
    for c in items:
        out.write(f"  {'+' if c.value else '-'} {c.label}  ({_quoted(c.words)})\n")
    em = emergency(parsed)
    if em:
        out.write("\nWARNING: these words point to an emergency. If this is happening now, call your local "
                  "emergency number.\n")
        for c in em:
            out.write(f"  ! {c.label}  ({_quoted(c.words)})\n")
