"""A realistic 90-day diary (carpal-tunnel-like, a night splint from day 20) for demos, docs and tests."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from numbwise.report.data import ActivityRow, CheckRow, ReportData, ScoreRow, SymptomRow, TreatmentRow

DAYS = 90
SPLINT_DAY = 20
# BCTQ (1-5, lower is better) at day 0, 30, 60 and 90: slowly better once the splint is in use.
BCTQ = {0: (3.1, 2.6), 30: (2.7, 2.4), 60: (2.2, 2.0), 89: (1.8, 1.6)}
_HAND_FINGERS = ("r1", "r2", "r3")
_EXERCISES = ("Tendon glides", "Nerve glides", "Wrist stretch")
# The demo check's answers: a carpal tunnel story, so the report repeats it as its result named it
DEMO_ANSWERS = {"one_hand": True, "numb_thumb": True, "numb_index": True, "numb_middle": True, "numb_little": False,
                "worse_at_night": True, "wakes_from_sleep": True, "shaking_relieves": True, "phalen_positive": True,
                "tinel_wrist_positive": True, "lasting_over_6_weeks": True}


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.timezone.utc)


def demo_data(rng: random.Random | None = None, end: dt.date | None = None) -> ReportData:
    """Ninety days ending on `end` (default 2026-06-30); the same seed gives the same diary."""
    rng = rng or random.Random(1993)
    end = end or dt.date(2026, 6, 30)
    start = end - dt.timedelta(days=DAYS - 1)
    symptoms: list[SymptomRow] = []
    treatments: list[TreatmentRow] = []
    activities: list[ActivityRow] = []
    for i in range(DAYS):
        day = start + dt.timedelta(days=i)
        # Before the splint most nights are bad; after it, nights and severity ease over about six weeks.
        ease = 0.0 if i < SPLINT_DAY else min(1.0, (i - SPLINT_DAY) / 45)
        p_night = 0.75 - 0.55 * ease
        if rng.random() < p_night:
            sev = max(1, min(10, round(rng.gauss(6.5 - 3.0 * ease, 1.2))))
            fingers: tuple[str, ...] = _HAND_FINGERS if rng.random() < 0.7 else ("r1", "r2", "r3", "r4")
            both = rng.random() < 0.2
            codes = fingers + (("l1", "l2") if both else ())
            symptoms.append(
                SymptomRow(_at(day, 3, rng.randrange(60)), sev, "both" if both else "right", codes, rng.choice((10, 15, 20, 30)),
                           "sleep", True, "Shook my hand to get the feeling back." if rng.random() < 0.3 else None)
            )
        if rng.random() < 0.55 - 0.3 * ease:
            sev = max(1, min(10, round(rng.gauss(4.5 - 2.0 * ease, 1.3))))
            trigger = rng.choice(("typing", "phone", "driving", "gripping", "reading"))
            fingers2: tuple[str, ...] = _HAND_FINGERS if rng.random() < 0.8 else ("r2", "r3")
            symptoms.append(SymptomRow(_at(day, rng.randrange(8, 20), rng.randrange(60)), sev, "right", fingers2,
                                       rng.choice((5, 10, 15)), trigger, False, None))
        if i >= SPLINT_DAY and rng.random() < 0.9:
            treatments.append(TreatmentRow(_at(day, 22, 30), "splint_night", "wrist splint, neutral", None))
        if i >= 7:
            for slot, hour in enumerate((9, 13, 18)):
                r = rng.random()
                outcome = "done" if r < 0.62 + 0.1 * ease else "partial" if r < 0.75 else "snoozed" if r < 0.85 else "skipped"
                activities.append(ActivityRow(_at(day, hour, 5), "session", _EXERCISES[slot], outcome, 240 if outcome == "done" else 90))
            if rng.random() < 0.8:
                treatments.append(TreatmentRow(_at(day, 9, 15), "exercise", "tendon and nerve glides", None))
    scores = [
        ScoreRow(_at(start + dt.timedelta(days=d), 20), "bctq", {"sss": sss, "fss": fss}) for d, (sss, fss) in BCTQ.items()
    ]
    checks = [CheckRow(_at(start, 19), "routine", (("carpal_tunnel", 0.78), ("cervical_radiculopathy", 0.07), ("ulnar_neuropathy", 0.05)), (),
                       {"findings": DEMO_ANSWERS})]
    return ReportData(
        start=start,
        end=end,
        symptoms=tuple(symptoms),
        treatments=tuple(treatments),
        checks=tuple(checks),
        scores=tuple(scores),
        activities=tuple(activities),
        age=52,
        sex="female",
        first_entry=start - dt.timedelta(days=24),
    )


DemoFactory = Callable[[random.Random], ReportData]
