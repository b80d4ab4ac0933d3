"""Walkthrough F, Jo: a self-care carpal tunnel result that said two things at once.

"You can likely care for this at home" beside the hand diagram's "It is worth showing to a doctor"; "Check again in
a few weeks" beside "Get help sooner if ... not better after 6 weeks of wearing a splint" (sooner than what?); and
painkillers that "may ease the pain" for a woman who has no pain.
"""

from __future__ import annotations

from pathlib import Path

from numbwise.assess import assess
from numbwise.assess.result import result_plan
from tests.conftest import assess_cli

# 38, right thumb, index and middle finger tingle at night for 3 weeks, shaking helps; no weakness, not all the time.
JO = {"age": 38, "sex": "female", "unsure": [], "findings": {
    "one_hand": True, "both_hands": False, "numb_thumb": True, "numb_index": True, "numb_middle": True,
    "numb_ring": False, "numb_little": False, "numb_whole_hand": False, "worse_at_night": True, "shaking_relieves": True,
    "hand_weakness": False, "thumb_muscle_wasting": False, "constant": False, "diabetes": False, "pregnant": False,
    "onset_gradual": True, "onset_sudden": False, "lasting_over_6_weeks": False, "comes_and_goes": True}}


def _text(tmp_path: Path) -> str:
    """`numbwise --plain assess --case FILE --format text`, one line per wrapped item."""
    return assess_cli(JO, tmp_path)


def test_the_self_care_result_has_one_time_frame_and_no_sooner_than_what(tmp_path: Path) -> None:
    text = _text(tmp_path)
    assert text.startswith("URGENCY: CARE FOR IT AT HOME")
    assert "a few weeks" not in text  # the splint step says 6 weeks: "by when" follows the steps' own time
    assert "sooner if" not in text.lower()  # each heading names its action: "Book a doctor's visit if"
    assert "Book a doctor's visit if" in text and "not better after 6 weeks of wearing a splint" in text


def test_the_hand_diagram_beside_home_care_gives_no_advice_of_its_own() -> None:
    """The result's level says what to do; the hand diagram only rates the pattern (classic or probable)."""
    plan = result_plan(assess({k: v for k, v in JO.items() if k != "unsure"}), marks=("r1", "r2", "r3"))
    assert plan.level == "self_care" and plan.hand_diagram is not None
    assert [h.label for h in plan.hand_diagram.hands] == ["Classic"]
    assert all("doctor" not in h.meaning for h in plan.hand_diagram.hands), plan.hand_diagram.hands
    probable = result_plan(assess({k: v for k, v in JO.items() if k != "unsure"}), marks=("r1", "r2", "r3", "rp"))
    assert probable.hand_diagram is not None and all("doctor" not in h.meaning for h in probable.hand_diagram.hands)


def test_painkillers_are_offered_only_if_it_hurts_and_keep_the_pregnancy_note(tmp_path: Path) -> None:
    plan = result_plan(assess({k: v for k, v in JO.items() if k != "unsure"}))
    assert plan.advice is not None
    pain = [s.do for s in plan.advice.steps if "Painkillers" in s.do or "painkillers" in s.do]
    assert pain and all(" ".join(d.split()).startswith("If ") for d in pain), pain
    assert not any("ibuprofen or other NSAIDs" in d for d in pain)  # she said she is not pregnant
    maybe = {**JO["findings"]}
    del maybe["pregnant"]
    plan = result_plan(assess({"age": 38, "sex": "female", "findings": maybe}))
    assert plan.advice is not None and any("ibuprofen or other NSAIDs" in s.do for s in plan.advice.steps)
