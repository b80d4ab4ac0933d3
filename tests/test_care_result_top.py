"""Walkthroughs AB (AB3) and AC (AC1), Tariq: 41, neck pain and tingling down his right arm to the thumb for 3 weeks,
not sure how fast it started. His result said "SEE A GP WITHIN A FEW DAYS" under "Not sure how fast it started"; the
care plan its command and link open said only "See a doctor to check it", "Its warning signs are sorted by the answers
in your result", "For the next 4 to 6 weeks... If it is no better by then, tell your GP" and 2 emergency signs
against the result's 7.

Now the care command and link carry the answers that give the result's own top (care.plan.care_for), the plan
composes that top with the core's result_plan from those answers (care.plan.result_top) and says it first, the
visit before its home steps, and how many call-now signs the result lists."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.conftest import care_command, run_without_diary, assess_cli, check_cli, run_cli

# step by step, as the reviewers typed it: no sign, age, sex, "not sure" how it started, more than a week, the thumb,
# forearm (thumb side) and arm, none, none, there all the time and neck movement, no to the rest, neck pain, none
TARIQ_KEYS = "\n".join(["", "41", "m", "?", "3", "R1", "1 4", "", "", "1 12", "", "3", "", ""]) + "\n"
TOP = "YOUR RESULT SAID: SEE A GP WITHIN A FEW DAYS"
VISIT_FIRST = "See a GP within a few days, as your result says. These steps are for while you wait, and for after"




def test_hit_tariqs_care_plan_says_his_results_level_and_not_sure_start_first(tmp_path: Path) -> None:
    """Hit: the care command Tariq's result prints opens a plan whose top says "See a GP within a few days" and the
    result's own not-sure line, then that the visit comes before its 4-to-6-week steps; the call-now list points to
    the result's 7 signs; no "sorted by the answers" jargon."""
    result = check_cli(TARIQ_KEYS)
    assert "URGENCY: SEE A GP WITHIN A FEW DAYS Not sure how fast it started" in result, result
    command = care_command(result)
    care = run_without_diary(tmp_path, *command)
    top = care[care.index(TOP):care.index("A pinched nerve in the neck often gets better")]
    assert "Not sure how fast it started" in top, care
    assert "tell them you are not sure how fast it started" in top, top
    assert "By when: Within a few days." in top, top
    # the result's own not-sure line, word for word
    action = re.search(r"(We can't tell how fast .+? call your emergency number now\.)", result)
    assert action is not None and action.group(1) in top, (result, top)
    steps = care[care.index("WHAT TO TRY FIRST"):care.index("WHEN TO GET MORE HELP")]
    assert steps.index(VISIT_FIRST) < steps.index("For the next 4 to 6 weeks"), steps
    calls = care[care.index("CALL YOUR EMERGENCY NUMBER NOW IF"):]
    assert "Your result lists 7 signs to call your emergency number for" in calls, calls
    assert "sorted by the answers" not in care


def test_hit_the_printed_command_is_shorter_and_still_runs(tmp_path: Path) -> None:
    """Hit (LOW 5): one not-sure ID says what the three of the how-it-started question said; the command runs."""
    command = care_command(check_cli(TARIQ_KEYS))
    assert "onset_gradual" not in " ".join(command) and "onset_over_days" not in " ".join(command), command
    assert TOP in run_without_diary(tmp_path, *command)


def test_near_miss_no_answers_passed_the_plan_reads_as_before(tmp_path: Path) -> None:
    """Near miss: `numbwise care cervical_radiculopathy` with nothing passed and nothing stored has no result to
    repeat: no top, no visit-first line, no count of the result's signs, and it opens with its summary as before."""
    care = run_without_diary(tmp_path, "care", "cervical_radiculopathy")
    assert care.startswith("CARE PLAN: PINCHED NERVE IN THE NECK (HERNIATED DISC) A pinched nerve in the neck"), care
    for new in ("YOUR RESULT SAID", "as your result says", "Your result lists"):
        assert new not in care, care


SURE: dict[str, Any] = {"age": 41, "sex": "male", "days_so_far": 21, "unsure": ["burning_pain"], "findings": {
    "one_hand": True, "numb_thumb": True, "neck_pain": True, "worse_neck_movement": True, "hand_weakness": False,
    "onset_sudden": False, "onset_gradual": True, "numb_forearm_thumb_side": True}}


def test_unknown_a_not_sure_that_is_no_emergency_sign_gives_the_level_and_no_start_line(tmp_path: Path) -> None:
    """Unknown: sure of a slow start, not sure about burning pain (no warning sign): the plan's top says the result's
    own level, and no not-sure start line the result never said."""
    result = assess_cli(SURE, tmp_path)
    banner = re.search(r"URGENCY: (.+?) (?:[A-Z][a-z])", result)
    assert banner is not None, result
    care = run_without_diary(tmp_path, *care_command(result))
    assert f"YOUR RESULT SAID: {banner.group(1)}" in care, (result, care)
    assert "Not sure how fast it started" not in care and "Not sure how fast it started" not in result


def _linked_top(plan: Any) -> tuple[Any, Any]:
    """The top the result's care link gives again (None when it carries no answers) and the result's own."""
    from urllib.parse import parse_qs, urlsplit

    from numbwise.care.plan import care_top, read_care_for, result_top

    step = next(s for s in plan.next_steps if s.id == "care")
    q = {k: v[0] for k, v in parse_qs(urlsplit(step.href).query).items()}
    given = read_care_for(q.get("yes"), q.get("no"), q.get("unsure"), q.get("age"), days=q.get("days"))
    return (result_top(given) if given is not None else None), care_top(plan)


def test_every_care_link_on_generated_and_dev_paths_gives_its_results_own_top() -> None:
    """Property: on every dev case and a spread of generated paths, a result's care link either gives that result's
    own top again from the answers it carries, or carries none (the plan for anyone): never another top."""
    import random

    from numbwise.assess.case import parse_unsure
    from numbwise.assess.engine import assess_case, home_care_unless_unsure
    from numbwise.assess.interview import outcome
    from numbwise.assess.result import result_plan
    from tests.conftest import dev_cases
    from tests.result_paths import walk

    plans = []
    for case in dev_cases():
        parsed, unsure = parse_unsure({k: v for k, v in case.items() if k not in ("id", "expected", "note")})
        plans.append(result_plan(home_care_unless_unsure(assess_case(parsed), frozenset(unsure)), unsure))
    rng = random.Random(7)
    for _ in range(60):
        iv = walk(lambda options: rng.choice(options), rng.choice([None, 30, 41, 70]), rng.choice([None, "male"]))
        plans.append(result_plan(outcome(iv), iv.unsure))
    linked = 0
    for plan in plans:
        if not any(s.id == "care" for s in plan.next_steps):
            continue
        again, own = _linked_top(plan)
        assert again is None or again == own, (plan.next_steps, again, own)
        linked += again is not None
    assert linked >= 10, linked


def test_hit_numbwise_care_after_a_kept_check_says_that_checks_top(tmp_path: Path) -> None:
    """Hit (stored): after Tariq's check is kept in his diary, `numbwise care` with nothing named says the same top."""
    db = f"sqlite:///{tmp_path / 'diary.sqlite3'}"
    check = run_cli("--plain", "--db", db, "check", input=TARIQ_KEYS)
    assert check.code == 0, check.err + check.out
    run = run_cli("--plain", "--db", db, "care")
    assert run.code == 0, run.err + run.out
    care = " ".join(run.out.split())
    assert care.startswith(f"CARE PLAN: PINCHED NERVE IN THE NECK (HERNIATED DISC) {TOP} Not sure how fast"), care
    assert VISIT_FIRST in care
