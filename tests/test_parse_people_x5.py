"""Words read as more than they say (walkthrough R): a span over which attacks recur is not how one came on (Hana),
one heavy night is not a weekly drinking habit (Jon), and when it started is not how fast it came (Anne). Also the
help that tells low-sugar sweating from a cold sweat (Priya) and says whether a lifting strain is an injury (Tariq)."""

from __future__ import annotations

import pytest

from numbwise.kb import load
from numbwise.parse import parse
from tests.conftest import run_cli

HANA = ("When I panic I breathe fast and get tingling around my mouth and in both hands, it passes within 20 minutes "
        "when I calm down. It has happened several times over the last year.")
JON = ("After a heavy night's drinking I fell asleep in a chair with my arm over the back. I woke 6 hours ago and "
       "can't lift my right hand at the wrist, the back of my hand is numb. I drank a lot.")
ANNE = ("Since yesterday evening my right hand and the right side of my face feel numb. I take warfarin. "
        "No headache.")


# Hana: "several times over the last year" is how often the attacks came, not a slow start.

def test_hana_attacks_over_the_last_year_are_not_a_slow_start() -> None:
    p = parse(HANA)
    assert "onset_gradual" not in p.understood
    assert p.understood.get("episode_resolved_within_hour") is True


@pytest.mark.parametrize("text", [
    "it has happened several times over the last year",
    "I've had these attacks a few times over the past year",
    "over the last year it has come back again and again, each time my lips tingle",
    "my hands went numb 3 or 4 times over the years, each episode gone in minutes",
])
def test_spells_that_recur_over_a_span_are_not_a_slow_start(text: str) -> None:
    assert "onset_gradual" not in parse(text).understood, text


@pytest.mark.parametrize("text", [
    "it has crept up on me over the past year, my pinky is numb",
    "numb burning feet, came on over years",
    "over the last year both my hands have become clumsy",
    "my hands have got number slowly over the last year",
])
def test_a_span_with_no_recurring_spells_is_still_a_slow_start(text: str) -> None:
    assert parse(text).understood.get("onset_gradual") is True, text


# Jon: one night of drinking is not more than 14 units a week, week after week.

def test_jon_one_heavy_night_is_not_heavy_alcohol() -> None:
    p = parse(JON)
    assert "heavy_alcohol" not in p.understood
    assert not any(m.finding == "heavy_alcohol" for m in p.mentions if m.value)


@pytest.mark.parametrize("text", [
    "I drank a lot", "drank a lot last night and woke with my arm numb",
    "after a night of heavy drinking my hand is numb", "I was drinking a lot at a party last night",
    "had a lot of alcohol at my mate's wedding yesterday, woke up with a numb hand",
    "after a big night out drinking heavily my wrist is floppy",
])
def test_one_occasion_of_drinking_is_not_heavy_alcohol(text: str) -> None:
    assert "heavy_alcohol" not in parse(text).understood, text


@pytest.mark.parametrize("text", [
    "I drink a lot", "i drink about 8 pints most nights", "I drink heavily every night, my feet are numb",
    "heavy drinker for years. Last night my hand went numb", "I drink a bottle of wine a day",
])
def test_a_drinking_habit_is_still_heavy_alcohol(text: str) -> None:
    assert parse(text).understood.get("heavy_alcohol") is True, text


def test_jon_check_describe_does_not_list_heavy_drinking() -> None:
    r = run_cli("--plain", "parse", "--format", "text", "--text", JON)
    assert r.code == 0, r.err
    assert "14 units" not in r.out


# Anne: "since yesterday evening" says when it started, not that it built up over hours or days.

def test_anne_since_yesterday_is_when_it_started_not_how_fast() -> None:
    p = parse(ANNE)
    assert "onset_over_days" not in p.understood
    assert p.understood.get("lasting_over_6_weeks") is False  # it has not lasted six weeks: still read
    r = run_cli("--plain", "parse", "--format", "text", "--text", ANNE)
    assert "It came on over hours to a few days" not in r.out


@pytest.mark.parametrize("text", [
    "my fingers have been numb since yesterday", "since the weekend my hand is numb",
    "Since Sunday both hands are tingling", "my fingers started tingling 3 days ago",
    "numbness in my thumb started 10 days ago",
])
def test_a_start_time_alone_is_not_an_onset_over_days(text: str) -> None:
    got = parse(text).understood
    assert "onset_over_days" not in got, text
    assert got.get("lasting_over_6_weeks") is False, text


@pytest.mark.parametrize("text", [
    "Right hand numbness came on over 2 days and is getting worse", "my thumb has been tingly for a week",
    "over the last 3 days my whole left hand has gone numb", "my fingers have been numb for a couple of days",
    "since yesterday it has spread bit by bit over days up my arm",
    "my left hand numbness start 4 days ago, every day more and more",  # a build-up, said with the start time
])
def test_a_length_or_a_build_up_still_says_over_days(text: str) -> None:
    assert parse(text).understood.get("onset_over_days") is True, text


# Priya and Tariq: the emergency screen's help says what their own story counts as.

def test_priya_cold_sweat_help_tells_low_sugar_sweating_apart_without_clearing_the_sign() -> None:
    f = load().findings["cold_sweat_nausea"]
    assert "low blood sugar" in f.help and "sugar" in f.help
    assert "answer yes" in f.help.lower()  # safety first: unsure, or not eased by sugar, stays a yes
    assert "nhs_low_blood_sugar" in f.sources
    # one order of steps (walkthrough S): sugar now, call if not eased 10 to 15 minutes after; any other sweat, call now
    assert f.how_to_check and "low blood sugar" in f.how_to_check and "10 to 15 minutes" in f.how_to_check
    assert "If you are not sure, call" not in f.how_to_check
    r = run_cli("--plain", "check", "--no-diary", "--describe", "my fingers are tingling",
                input="?12\n\n")
    assert "can be low blood sugar" in " ".join(r.out.split())  # a "not sure" shows it on the check-now list


def test_tariq_injury_help_says_whether_a_lifting_strain_counts() -> None:
    f = load().findings["head_or_neck_injury"]
    assert "lifting" in f.help.lower()
    r = run_cli("--plain", "check", "--no-diary", "--describe",
                "Neck pain and tingling down my right arm to my thumb for 3 weeks, since lifting boxes.", input="\n?\n")
    assert "lifting" in r.out.lower()
