"""Own words from walkthrough Y read wrongly, so a person had to correct them or the result rested on a wrong answer:
Ayesha's baby's age read as six weeks of numbness, George's thin hand as a numb thumb and index finger, Sam's weak
legs "getting worse" dropped, Rosa's spread up her forearm read as a spread to other limbs, Frank's "no problems with
my bladder". Each with a hit, a near miss that must still read, and a doubt that must stay open."""

from __future__ import annotations


import pytest

from numbwise.parse import parse
from tests.conftest import parse_json

AYESHA = ("I'm 33, a woman. I had a baby 6 weeks ago. Both my wrists ache and my thumb, index and middle fingers in both "
          "hands tingle at night. Lifting the baby hurts at the thumb side of my wrist.")
GEORGE = ("I'm 60, a man. For 2 months my right ring and little fingers have been numb. I find it hard to pinch and my "
          "hand looks thinner between the thumb and the index finger. I lean on my elbows at my desk.")
SAM = ("I'm 19, male. 4 days ago, a week after a stomach bug, tingling started in my toes and fingers. Since yesterday "
       "my legs feel weak when I climb stairs, and it is getting worse.")
ROSA = ("I'm 34, a woman. My left hand has been numb for 3 days and it's spreading up my forearm. A month ago I had "
        "blurred vision in one eye with pain when I moved that eye, which got better.")
FRANK = ("I'm 68, a man. Over 2 months my hands have grown clumsy, I drop cups and can't do buttons. Both hands tingle, "
         "my legs feel stiff and my walking is unsteady. I have a stiff neck. No problems with my bladder.")


# 1. Ayesha: a length said of another event (a birth, an operation, a fall, a bug) is not how long it has lasted.

def test_ayesha_baby_age_is_not_how_long_it_lasted() -> None:
    out = parse_json(AYESHA)
    findings = out["findings"]
    assert isinstance(findings, dict)
    assert "lasting_over_6_weeks" not in findings
    assert findings["repetitive_hand_work"] is True
    # The lifting hurts at the wrist: pain, not numbness that gripping brings on.
    assert "worse_with_gripping" not in findings
    assert findings["both_hands"] is True and findings["worse_at_night"] is True


@pytest.mark.parametrize("text", [
    "I had an operation on my knee 3 months ago. My fingers tingle at night.",
    "I fell 2 months ago, now my thumb tingles",
    "2 weeks after my operation my hand went numb",
    "a week after a stomach bug my feet started tingling",
])
def test_another_events_time_is_not_the_length(text: str) -> None:
    p = parse(text)
    assert p.understood.get("lasting_over_6_weeks") is not True, text
    assert "onset_over_days" not in p.understood, text


@pytest.mark.parametrize(("text", "value"), [
    ("numb for 6 weeks", True),
    ("my thumb has been numb for 6 weeks, since I had a baby", True),
    ("I had a baby 6 weeks ago and my hands have tingled ever since.", True),
    ("It started after I had my baby 5 months ago.", True),
    ("my fingers have been numb since my operation 3 months ago", True),
    ("my hand went numb after a fall 3 weeks ago", False),
    ("numb for 3 weeks after lifting boxes", False),
])
def test_a_length_of_the_numbness_still_reads(text: str, value: bool) -> None:
    assert parse(text).understood.get("lasting_over_6_weeks") is value, text


def test_a_doubt_about_the_baby_reads_no_length() -> None:
    p = parse("I had a baby 6 weeks ago, I don't know if that is why my hands tingle at night.")
    assert "lasting_over_6_weeks" not in p.understood


@pytest.mark.parametrize("text", [
    "Holding the baby makes my fingers go numb.",
    "lifting the baby makes my fingers tingle",
    "my hand goes numb when I hold the baby",
])
def test_holding_or_lifting_that_brings_on_numbness_is_gripping(text: str) -> None:
    assert parse(text).understood.get("worse_with_gripping") is True, text


def test_hand_use_from_words_leaves_no_gripping_no() -> None:
    """Forceful use read from the words never sits beside a "no" to gripping from the same words: that is asked."""
    p = parse("New mum, lifting the baby all day. Holding things is fine.")
    assert p.understood.get("repetitive_hand_work") is True
    assert "worse_with_gripping" not in p.understood
    assert parse("Holding things is fine.").understood.get("worse_with_gripping") is False


# 2. George: a thin hand between the thumb and index finger is wasting, not a numb thumb or index finger.

def test_george_wasting_is_not_numb_fingers() -> None:
    p = parse(GEORGE)
    assert p.understood.get("hand_muscle_wasting_other") is True
    assert "numb_thumb" not in p.understood
    assert "numb_index" not in p.understood
    assert p.understood.get("numb_ring") is True and p.understood.get("numb_little") is True
    assert p.understood.get("one_hand") is True
    # Leaning on his elbows at his desk: noticed, and asked ("we will ask about this"), never a firm yes.
    assert "worse_elbow_bent" in p.partial
    assert "worse_elbow_bent" not in p.understood


@pytest.mark.parametrize("text", [
    "my thumb and index finger are numb and my hand looks thinner",
    "my thumb and index finger tingle, there is a hollow between my thumb and index finger",
])
def test_numb_fingers_beside_wasting_still_read(text: str) -> None:
    p = parse(text)
    assert p.understood.get("numb_thumb") is True, text
    assert p.understood.get("hand_muscle_wasting_other") is True, text


def test_one_elbow_leant_on_once_is_not_asked_as_bending() -> None:
    p = parse("leaned on my elbow at my desk and my hand went numb, it came back when I moved it")
    assert p.understood.get("after_pressure_on_arm") is True
    assert "worse_elbow_bent" not in p.partial


def test_leaning_said_with_a_bent_elbow_trigger_is_read() -> None:
    assert parse("I lean on my elbows at my desk and when I'm on the phone my little finger goes numb").understood.get(
        "worse_elbow_bent") is True


# 3. Sam: weak legs getting worse are the numbness's course; another symptom getting worse is not.

def test_sam_getting_worse_is_read() -> None:
    p = parse(SAM)
    assert p.understood.get("getting_worse") is True
    assert p.understood.get("numb_feet") is True
    assert p.understood.get("leg_weakness") is True
    assert "lasting_over_6_weeks" in p.understood and p.understood["lasting_over_6_weeks"] is False


@pytest.mark.parametrize("text", ["my memory is getting worse", "my legs are weak, my eyesight is getting worse",
                                  "my fingers tingle and my headache is getting worse"])
def test_another_symptom_getting_worse_is_not_read(text: str) -> None:
    assert "getting_worse" not in parse(text).understood, text


def test_sam_unsure_it_is_getting_worse_stays_open() -> None:
    p = parse("tingling in my toes and fingers, my legs feel weak, not sure if it is getting worse")
    assert "getting_worse" not in p.understood
    assert "getting_worse" in p.unsure


# 4. Rosa: a spread up the same arm is not a spread to other limbs, and names no side of the forearm.

def test_rosa_spread_up_the_forearm() -> None:
    out = parse_json(ROSA)
    findings = out["findings"]
    assert isinstance(findings, dict)
    assert "spreading_to_other_limbs" not in findings
    assert "numb_forearm_thumb_side" not in findings
    assert findings["numb_arm"] is True
    assert findings["one_hand"] is True


@pytest.mark.parametrize("text", [
    "it's spreading to my legs",
    "it's spreading up my arm and into my other hand",
    "it's spreading",
    "my hands are numb and it's spreading to my feet",
])
def test_a_spread_to_other_limbs_still_reads(text: str) -> None:
    assert parse(text).understood.get("spreading_to_other_limbs") is True, text


def test_a_doubt_about_the_forearm_spread_stays_open() -> None:
    p = parse("not sure if it's spreading up my forearm")
    assert "spreading_to_other_limbs" not in p.understood
    assert "numb_forearm_thumb_side" not in p.understood


def test_the_thumb_side_of_the_forearm_still_reads() -> None:
    assert parse("the thumb side of my forearm is numb").understood.get("numb_forearm_thumb_side") is True


# 5. Frank: "no problems with my bladder" is read as a no to the bladder sign; as a warning sign, only its question
# clears it (docs/parser.md, Safety), so the case leaves it out and the check still asks it.

@pytest.mark.parametrize("text", [FRANK, "No problems with my bladder", "no problems with my bladder or bowels",
                                  "my bladder is fine"])
def test_frank_bladder_no_is_read_but_asked(text: str) -> None:
    p = parse(text)
    assert p.understood.get("bowel_bladder_loss") is False, text
    assert "bowel_bladder_loss" not in p.findings, text


def test_frank_bladder_unsure_stays_unsure() -> None:
    p = parse("not sure if I have bladder problems")
    assert "bowel_bladder_loss" not in p.understood
    assert "bowel_bladder_loss" in p.unsure
