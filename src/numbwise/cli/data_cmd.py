"""`numbwise export`, `numbwise import` and `numbwise backup`: the diary in and out of files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from numbwise.files import write_atomic
from numbwise.cli.console import make_console, plain_from
from numbwise.cli.diary_cli import DiaryBadInput, DiaryProblem, now_local, open_diary


def _check_target(path: Path, force: bool) -> None:
    if not path.parent.is_dir():
        raise DiaryBadInput(f"cannot write {path}: the folder {path.parent} does not exist")
    if path.exists() and not force:
        raise DiaryBadInput(f"{path} already exists; choose another name or add --force")


@click.command("export", epilog="""\b
Examples:
  numbwise export --out diary.json             everything, to bring back with numbwise import
  numbwise export --format csv --out diary.csv for a spreadsheet
  numbwise export --format fhir --out diary.fhir.json   FHIR R4 Bundle for health record systems
  numbwise export | less                       JSON to the screen
""")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "fhir"]), default="json", show_default=True,
              help="json (complete, can be imported), csv (one row per entry) or fhir (R4 Bundle).")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write to FILE instead of the screen.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@click.pass_context
def export_command(ctx: click.Context, fmt: str, out: Path | None, force: bool) -> None:
    """Write the whole diary as JSON, CSV or FHIR."""
    from numbwise.diary.portable import export_summary, export_text, fhir_coverage

    if out is not None:
        _check_target(out, force)
    with open_diary(ctx, create=False) as store:
        batch = store.export_batch()
    text = export_text(batch, fmt, now_local())  # type: ignore[arg-type]
    stderr = make_console(plain_from(ctx), stderr=True)
    if out is None:
        click.echo(text, nl=False)
        if fmt == "fhir" and batch.count() != fhir_coverage(batch)[0]:
            stderr.print(export_summary(batch, "fhir"), markup=False, soft_wrap=True)  # say what the Bundle leaves out
        return
    try:
        write_atomic(out, text)
    except OSError as exc:  # a full disk or a read-only folder: write_atomic has removed its temporary file
        raise DiaryProblem(f"cannot write {out}: {exc.strerror or exc}; no file was written") from None
    stderr.print(export_summary(batch, fmt, str(out)), markup=False, soft_wrap=True)  # type: ignore[arg-type]


@click.command("import", epilog="""\b
Examples:
  numbwise import diary.json
  numbwise --db sqlite:///new.sqlite3 import diary.json
  cat diary.json | numbwise import -

Only numbwise's JSON export can be imported. The file is checked first; if anything is wrong,
nothing is imported. Entries already in the diary (same uid) are skipped, so importing twice is safe.
""")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print what was imported as JSON.")
@click.pass_context
def import_command(ctx: click.Context, file: Path, as_json: bool) -> None:
    """Add the entries from a numbwise JSON export to the diary (all or nothing)."""
    from numbwise.diary.portable import read_json
    from numbwise.diary.store import ImportRefused

    name = "standard input" if str(file) == "-" else str(file)
    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DiaryBadInput(f"{file} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DiaryBadInput(f"cannot read {name}: {exc}") from None
    try:
        batch = read_json(text, name)
    except ImportRefused as exc:
        lines = [str(exc)] + [f"  {p}" for p in exc.problems]
        raise DiaryBadInput("\n".join(lines)) from None
    console = make_console(plain_from(ctx))
    with open_diary(ctx) as store:
        with console.status(f"Importing {batch.count()} entries...") if not plain_from(ctx) and not as_json else _null():
            result = store.import_batch(batch)
    if as_json:
        click.echo(json.dumps({"added": result.added, "skipped": result.skipped}))
        return
    skipped = f"; {result.skipped} were already in the diary" if result.skipped else ""
    console.print(f"Imported {result.added} entries from {name}{skipped}.", markup=False)


class _null:
    """A do-nothing context manager (no spinner in plain or JSON mode)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


@click.command("backup", epilog="""\b
Examples:
  numbwise backup                         a dated copy in your data folder's backups/
  numbwise backup ~/diary-copy.sqlite3
  numbwise backup ~/diary-copy.sqlite3 --force

On SQLite the copy is a complete database file, made with SQLite's online backup (safe while
numbwise is in use) and checked. On PostgreSQL it is a JSON export (use pg_dump for a full copy).
""")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@click.pass_context
def backup_command(ctx: click.Context, path: Path | None, force: bool) -> None:
    """Write a consistent copy of the diary."""
    from numbwise.paths import data_dir

    with open_diary(ctx, create=False) as store:
        if store.missing:
            make_console(plain_from(ctx)).print(f"There is no diary yet at {store.safe_url}; nothing to back up.",
                                                markup=False)
            return
        if path is None:
            folder = data_dir() / "backups"
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            suffix = ".sqlite3" if store.backend == "sqlite" else ".json"
            path = folder / f"numbwise-{now_local().strftime('%Y%m%d-%H%M%S')}{suffix}"
        if path.exists() and not force:
            raise DiaryBadInput(f"{path} already exists; choose another name or add --force to overwrite")
        result = store.backup(path, overwrite=force)  # a missing folder is bad input (exit 2), a failed copy exit 1
    what = "SQLite copy" if result.method == "sqlite" else "JSON export"
    make_console(plain_from(ctx)).print(f"Backed up {result.entries} entries to {result.path} ({what}).", markup=False)
