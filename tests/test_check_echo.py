"""`numbwise check` in the terminal: the echo names what was picked, and Back shows (and keeps) the earlier answer.

From a walkthrough: a woman typed 24 at the health-history list meaning "vibrating tools" (item 24 for men, 25
for women, who also see "You are pregnant") and was echoed "yes to 24"; and Back showed a checklist blank, so
Enter replaced the earlier answers with "none of these".
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect

from tests.conftest import run_cli

START = "\n52\nf\n3\nR1 R2 R3\n"  # emergency screen: none; about you; slowly; fingers
PATTERN = "2 3 4 5 6 10\n\n"  # which of these fit: six of them; and the others? none
PATTERN_SAID = ("You said yes to: The numbness comes and goes; You first had it more than six weeks ago, even if it comes and goes; "
                "It gets worse at night; It wakes you from sleep; Shaking or flicking your hand makes it better; "
                "It comes on when you grip, type, drive or hold a phone or book.")


def said(*args: str, input: str) -> str:
    """The check's output with wrapped lines joined, so a sentence can be found whatever the width."""
    return " ".join(run_cli("--plain", "check", "--no-diary", *args, input=input).out.split())


def finished(tmp_path: Path, name: str, input: str) -> tuple[dict[str, object], str]:
    """A check run to its end with --save: the saved answers and the result as shown."""
    save = tmp_path / f"{name}.json"
    run = run_cli("--plain", "check", "--no-diary", "--save", str(save), input=input + "?\n" * 40)
    assert run.code == 0, run.out[-2000:] + run.err
    case = json.loads(save.read_text())
    del case["id"]  # the file's name
    return case, run.out[run.out.index("URGENCY:"):run.out.index("Saved your answers")]


def test_the_health_history_echo_names_the_items_so_a_slip_in_numbers_shows() -> None:
    # a woman sees "You are pregnant" and the signs in pregnancy as extra items: her 25 is MS, not vibrating tools
    # (24 for a man)
    out = said(input=START + "\n\n" + PATTERN + "\n25 ?26\n\n")
    assert ("You said yes to: You have MS or another known disease of the brain or spinal cord. "
            "Not sure about: You often use vibrating tools.") in out
    assert "yes to 25" not in out


def test_the_emergency_screen_echo_names_the_signs() -> None:
    out = said(input="?1 3\n")
    assert ("You said yes to: Your arm or leg suddenly feels weak. Not sure about: One side of your face droops."
            in out)


def test_the_home_care_list_echo_names_the_items() -> None:
    # questions 4 to 10 answered no (9: "there all the time?", asked since none of the pattern list was ticked);
    # question 11 is "Before we suggest home care" (the other-signs list also asks about thinner hand muscles, so the
    # sore-tongue question is no longer needed before it)
    out = said(input="\n45\nf\n3\nR1 R2 R3\n" + "n\n" * 7 + "3\n\n" + "n\n" * 30)
    assert "Before we suggest home care" in out
    assert "You said yes to: You see zigzags, flashes or blind spots with it." in out


def test_the_pattern_echo_names_each_pick() -> None:
    assert PATTERN_SAID in said(input=START + "\n\n" + PATTERN)


def test_only_not_sure_is_said_as_not_sure_never_yes_to_none() -> None:
    out = said(input=START + "\n\n?6\n\n")
    assert "You said you are not sure about: Shaking or flicking your hand makes it better." in out
    assert "yes to none" not in out and "yes to: none" not in out
    assert "You said: none of these." in said(input="\n52\nf\n")  # nothing at all picked
    out = said(input="?1\n?\n")  # and the others: not sure
    assert "You said you are not sure about: One side of your face droops. The others: not sure." in out


def test_back_to_a_checklist_shows_the_earlier_answers_and_enter_keeps_them(tmp_path: Path) -> None:
    """The reproduction: b at the question after the pattern list, then Enter, replaced the picks with 'none'."""
    straight = finished(tmp_path, "straight", START + "\n\n" + PATTERN)
    out = said(input=START + "\n\n" + PATTERN + "b\n\n")
    before = out.split("b = back, q = stop. >")[-2]  # the pattern list shown again, after b
    assert ("Before, you said yes to: The numbness comes and goes; You first had it more than six weeks ago, even if it comes and goes;" in before
            and "Press Enter to keep that, or type your new answer" in before)
    assert out.count(PATTERN_SAID) == 2 and "You said: none of these. Question 7" not in out.split(PATTERN_SAID)[2]
    assert finished(tmp_path, "back", START + "\n\n" + PATTERN + "b\n\n") == straight


def test_back_keeps_a_choice_the_finger_picture_and_a_no(tmp_path: Path) -> None:
    # b at question 4 goes to the fingers, b again to how it started: Enter keeps each, then the fingers again
    out = said(input=START + "b\nb\n\n\n")
    assert "Before, you said: Slowly, over weeks or months. Press Enter to keep that" in out
    assert "Before, you said: right thumb, right index finger, right middle finger. Press Enter to keep that" in out
    assert finished(tmp_path, "back", START + "b\nb\n\n\n") == finished(tmp_path, "straight", START)
    # no to question 9 ("there all the time?", asked since none of the pattern list was ticked), then b at question
    # 10: Enter keeps the no
    no = "\n45\nf\n3\nR1 R2 R3\n" + "n\n" * 6
    out = said(input=no + "b\n\n")
    # (the question says why it is asked: neither was ticked, walkthrough O)
    again = out.split("Before, you said: no.")[0].rsplit("Question", 1)[1]
    assert again.startswith(" 9: You did not pick 'there all the time' or 'comes and goes'")
    assert "Is the numbness there all the time?" in again
    assert "Before, you said: no. Press Enter to keep that, or type your new answer." in out
    assert finished(tmp_path, "no-back", no + "b\n\n") == finished(tmp_path, "no", no)


def test_a_new_answer_after_back_replaces_the_earlier_one(tmp_path: Path) -> None:
    assert "Type 0 if none apply." in said(input=START + "\n\n" + PATTERN + "b\n")  # Enter keeps, so 0 is none
    changed = finished(tmp_path, "changed", START + "\n\n" + PATTERN + "b\n0\n")
    assert changed == finished(tmp_path, "none", START + "\n\n\n")


def test_back_in_a_real_terminal_says_what_enter_will_keep(tmp_path: Path) -> None:
    """The reproduction typed at a real pseudo-terminal, through `python -m numbwise`."""
    env = dict(os.environ, TERM="dumb", COLUMNS="100", LINES="45", NUMBWISE_HOME=str(tmp_path))
    child = pexpect.spawn(sys.executable, ["-m", "numbwise", "--plain", "check", "--no-diary"], env=env,
                          dimensions=(45, 100), encoding="utf-8", timeout=30)
    for prompt, reply in (("> ", ""), ("How old", "52"), ("Your sex", "f"), ("> ", "3"), ("> ", "R1 R2 R3"),
                          ("> ", ""), ("> ", ""), ("> ", "2 3 4 5 6 10"), ("Press Enter for no to all the others", ""), ("> ", "b")):
        child.expect_exact(prompt)
        child.sendline(reply)
    child.expect(r"Press\s+Enter\s+to\s+keep\s+that")  # wrapped where the terminal's width puts it
    child.expect_exact("> ")
    child.sendline("")
    child.expect(r"You\s+said\s+yes\s+to:\s+The\s+numbness\s+comes\s+and\s+goes;")
    child.expect("Question 7")
    child.sendline("q")
    child.expect(pexpect.EOF)
