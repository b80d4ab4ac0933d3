"""The command line: assess formats, learn, foods, help texts, and documentation of every command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest

from numbwise.cli.main import cli
from tests.conftest import DEV_CASES, ROOT, need_shared, run_cli, run_process

CASE = str(DEV_CASES / "dev-001.json")


def test_assess_json_is_the_contract() -> None:
    run = run_cli("assess", "--case", CASE, "--format", "json")
    assert run.code == 0
    out = json.loads(run.out)
    assert set(out) == {"id", "triage", "causes", "red_flags", "reasons"}
    assert out["id"] == "dev-001" and out["triage"] == "routine"
    assert out["causes"][0]["id"] == "carpal_tunnel"


def test_assess_jsonl_keeps_order_and_ids() -> None:
    paths = sorted(DEV_CASES.glob("*.json"))[:5]
    args = [a for p in paths for a in ("--case", str(p))]
    run = run_cli("assess", *args, "--format", "jsonl")
    lines = [json.loads(line) for line in run.out.splitlines()]
    assert [x["id"] for x in lines] == [p.stem for p in paths]


def test_assess_text_is_for_people() -> None:
    run = run_cli("--plain", "assess", "--case", CASE, "--format", "text")
    assert run.code == 0
    assert "URGENCY: BOOK A DOCTOR'S VISIT" in run.out
    assert "What may be causing it (not a diagnosis)" in run.out
    assert "%" not in run.out and "about " in run.out
    assert "Call your emergency number now if" in run.out and "See a doctor today if" in run.out
    assert "not a diagnosis" in run.out


def test_assess_reads_standard_input() -> None:
    run = run_cli("assess", "--case", "-", input='{"age": 30, "findings": {"chest_pain": true}}')
    assert json.loads(run.out)["triage"] == "emergency"
    assert json.loads(run.out)["red_flags"] == ["chest_pain"]


def test_the_shared_scorer_drives_the_installed_command() -> None:
    import shutil
    import subprocess
    import sys

    scorer = need_shared("bench", "score.py")
    exe = shutil.which("numbwise") or str(Path(sys.executable).parent / "numbwise")
    p = subprocess.run([sys.executable, str(scorer), str(DEV_CASES), "--cmd", f"{exe} assess", "--json"], capture_output=True, text=True, timeout=120)
    summary = json.loads(p.stdout)
    assert summary["triage_accuracy"] == 100.0 and summary["emergency_sensitivity"] == 100.0
    assert summary["top1_cause"] >= 90.0 and summary["top3_cause"] == 100.0


def test_learn_lists_causes_and_treatments() -> None:
    run = run_cli("--plain", "learn")
    assert run.code == 0
    assert "carpal_tunnel: Carpal tunnel syndrome" in run.out
    assert "splints:" in run.out


@pytest.mark.parametrize("topic", ["carpal_tunnel", "splints", "medicines", "surgery", "stroke_tia"])
def test_learn_pages_end_with_numbered_sources(topic: str) -> None:
    run = run_cli("--plain", "learn", topic)
    assert run.code == 0
    body = run.out.split("Sources")[-1]
    assert "  1. " in body and "http" in body
    assert "not a diagnosis" in run.out


def test_learn_carpal_tunnel_is_complete() -> None:
    out = run_cli("--plain", "learn", "carpal_tunnel").out
    for heading in ("What it is", "The usual pattern", "Who gets it", "How a doctor checks", "What can help", "Book a doctor's visit if", "ICD-10: G56.0"):
        assert heading in out
    assert "numbwise learn splints" in out


def test_learn_unknown_topic_suggests_the_closest() -> None:
    run = run_cli("learn", "carpel_tunnel")
    assert run.code == 2
    assert "Did you mean: carpal_tunnel" in run.err
    run = run_cli("learn", "splint")
    assert "splints" in run.err


def test_foods_shows_the_table_needs_and_pinned_source() -> None:
    run = run_cli("--plain", "foods")
    assert run.code == 0
    assert "Clams" in run.out or "clams" in run.out
    assert "2.4 mcg" in run.out
    assert "Source:" in run.out and "ods.od.nih.gov" in run.out


def _subcommands(cmd: click.Command) -> dict[str, click.Command]:
    """A group's commands by name, through list_commands/get_command so lazy groups count too."""
    if not isinstance(cmd, click.Group):
        return {}
    ctx = click.Context(cmd)
    found = {name: cmd.get_command(ctx, name) for name in cmd.list_commands(ctx)}
    return {name: sub for name, sub in found.items() if sub is not None}


def _commands() -> list[str]:
    names = []
    for name, cmd in _subcommands(cli).items():
        sub = _subcommands(cmd)
        names += [f"{name} {s}" for s in sub] if sub else [name]
    return names


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_examples_and_docs(command: str) -> None:
    run = run_cli(*command.split(), "--help")
    assert run.code == 0
    assert "Usage:" in run.out
    assert "Example" in run.out
    docs = (ROOT / "docs" / "commands.md").read_text()
    assert f"numbwise {command}" in docs


def _command_tree(cmd: click.Command, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and group under `cmd`, however deep, as its words after `numbwise`."""
    out = [path]
    for name, sub in sorted(_subcommands(cmd).items()):
        out += _command_tree(sub, (*path, name))
    return out


def test_every_command_group_and_subcommand_help_has_examples() -> None:
    missing = []
    tree = _command_tree(cli)
    for path in tree:
        run = run_cli(*path, "--help")
        assert run.code == 0, (path, run.err)
        if "Example" not in run.out:
            missing.append(" ".join(("numbwise", *path)))
    assert len(tree) > 20 and ("kb",) in tree and ("kb", "check") in tree
    assert not missing, f"help without examples: {missing}"


def test_help_and_one_command_load_only_what_they_need() -> None:
    """Commands are imported lazily: --help never loads the knowledge base, SQLAlchemy or the web stack."""
    import subprocess
    import sys

    probe = (
        "import sys; from numbwise.cli.main import main; main(['--help']); "
        "print(sorted(m for m in ('numbwise.kb.loader', 'sqlalchemy', 'fastapi', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_version_and_help_start_fast_enough_to_run() -> None:
    run = run_process("--help")
    assert run.code == 0 and "numbwise check" in run.out


def test_the_triage_doc_lists_every_rule() -> None:
    from numbwise.kb import load

    doc = (ROOT / "docs" / "triage.md").read_text()
    missing = [r.id for r in load().triage.rules if f"`{r.id}`" not in doc]
    assert missing == [], "run scripts/triage_table.py and update docs/triage.md"


def test_the_readme_has_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Set up")[1].split("```sh")[1].split("```")[0]
    assert [line.split("#")[0].strip() for line in block.strip().splitlines()] == ["make run", "make test"]


def test_numbwise_assess_is_callable_from_python() -> None:
    import numbwise

    result = numbwise.assess({"age": 60, "sex": "male", "findings": {"chest_pain": True}})
    assert result.triage == "emergency"
    assert result.to_dict()["red_flags"] == ["chest_pain"]
    assert len(result.causes) >= 3


def test_plain_after_the_command_and_did_you_mean() -> None:
    after = run_cli("assess", "--case", CASE, "--format", "text", "--plain")
    before = run_cli("--plain", "assess", "--case", CASE, "--format", "text")
    assert after.code == 0 and after.out == before.out and "\x1b" not in after.out
    wrong = run_cli("chek")
    assert wrong.code == 2 and "Did you mean: check" in wrong.err
    from numbwise.cli.main import hoist_plain

    assert hoist_plain(["log", "-n", "x", "--", "--plain"]) == ["log", "-n", "x", "--", "--plain"]


def test_the_check_at_width_40_wraps_keeping_indents_and_urls_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A narrow terminal: every line fits, an item's continuation lines keep its indent, no URL is split."""
    import re

    from numbwise.cli import check_cmd, console, learn_cmd
    from numbwise.kb import load
    from tests.test_interview import CTS_ANSWERS

    def narrow(plain: bool = False, file: Any = None, stderr: bool = False) -> Any:
        c = console.make_console(plain, file, stderr)
        c.width = 40
        return c

    def echoed(c: Any, prompt: str) -> str:  # what a terminal shows: the typed line and its Enter after the prompt
        line = console.read_line(c, prompt)
        c.print(line, markup=False, soft_wrap=True)
        return line

    monkeypatch.setattr(check_cmd, "make_console", narrow)
    monkeypatch.setattr(check_cmd, "read_line", echoed)
    monkeypatch.setattr(learn_cmd, "make_console", narrow)
    urls = {s.url for s in load().sources.values()}
    # not sure of a stroke sign: how long first, as it decides the call-now path (walkthrough S); "More than six
    # weeks" (4) takes that path away, and its item then leaves the pattern list, whose numbers move up one
    cts = CTS_ANSWERS.split("\n", 1)[1].replace("\n2 4 5 6\n", "\n2 3 4 5\n", 1)
    runs = [run_cli("--plain", "check", "--no-diary", input="?1\n\n4\n" + cts),
            run_cli("--plain", "check", "--no-diary", "--describe", "my face is drooping and my hand is numb", input="y\n"),
            run_cli("--plain", "check", "--no-diary", "--describe", "my right pinky and ring finger go numb on the phone",
                    input="q\n"),
            run_cli("--plain", "learn", "carpal_tunnel")]
    assert "Not sure about a warning sign?" in runs[0].out and "Carpal tunnel" in runs[0].out and "LEFT HAND" in runs[0].out
    assert "From what you wrote" in runs[2].out and "https://" in runs[3].out
    for run in runs:
        assert run.code in (0, 130), run.err
        lines = run.out.splitlines()
        for line in lines:
            assert len(line.rstrip()) <= 40 or re.search(r"https?://", line), line
        for prev, line in zip(lines, lines[1:]):  # an item's continuation line that lost its indent
            assert not (prev.startswith("  ") and re.match(r"[a-z(]", line) and not line.startswith("y = yes")), (prev, line)
        for url in re.findall(r"https?://\S+", run.out):
            assert url.rstrip(".") in urls, url


def test_wrapped_lines_keep_their_indent_and_urls_whole() -> None:
    import re

    for args in (("care", "carpal_tunnel"), ("learn", "carpal_tunnel"), ("assess", "--case", CASE, "--format", "text")):
        run = run_cli("--plain", *args)
        assert run.code == 0
        body = run.out.split("\nNote: ")[0]
        lines = body.splitlines()
        for prev, line in zip(lines, lines[1:]):  # an item's continuation line that lost its indent
            assert not (prev.startswith("  ") and re.match(r"[a-z(]", line)), (args, prev, line)
        for url in re.findall(r"https?://\S+", body):
            assert url.rstrip(".").count("/") >= 3 or url.endswith((".org", ".com", ".gov", ".uk")), url


def test_the_terminal_says_what_its_cause_marks_mean_in_the_web_page_words() -> None:
    """The walkthrough: the web labels a cause's answers 'Points to it:' / 'Points away:', the terminal gave bare + and -."""
    import re

    from tests.test_interview import CTS_ANSWERS

    run = run_cli("--plain", "check", "--no-diary", input=CTS_ANSWERS)
    assert run.code == 0, run.err
    causes = run.out.split("What may be causing it (not a diagnosis)", 1)[1].split("\n\n", 1)[0]
    assert re.search(r"^      \+ ", causes, re.M) and re.search(r"^      - ", causes, re.M)  # both marks are used
    assert "(+ Points to it, - Points away)" in causes  # said once, before the causes: one line more, not one a cause
    template = (ROOT / "src/numbwise/web/templates/check_result.html").read_text()
    assert "{{ points_to }}:" in template and "{{ points_away }}:" in template  # the web's labels: the same words
    from numbwise.assess.result import POINTS_AWAY, POINTS_TO

    assert (POINTS_TO, POINTS_AWAY) == ("Points to it", "Points away")
