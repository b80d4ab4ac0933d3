"""The vitamin B12 food table as plain rows, with % daily value worked out from the pinned source."""

from __future__ import annotations

from dataclasses import dataclass

from numbwise.kb import Knowledge, load
from numbwise.kb.models import AtRisk, Need
from numbwise.pages import cite


@dataclass(frozen=True)
class FoodRow:
    """One food: amount per serving, share of the daily value, and a text bar for quick comparison."""

    name: str
    serving: str
    amount: str
    percent_dv: str
    bar: str
    note: str | None


@dataclass(frozen=True)
class FoodTable:
    """Everything `numbwise foods` shows."""

    intro: str
    rows: tuple[FoodRow, ...]
    needs: tuple[Need, ...]
    needs_note: str
    at_risk: tuple[AtRisk, ...]
    pinned: str
    plant_note: str = ""  # why meat and fish are left out, for a vegan or vegetarian (foods.yaml `plant_intro`)


def _fmt(x: float) -> str:
    return f"{x:g}"


def b12_table(kb: Knowledge | None = None, bar_width: int = 20, plants: bool = False) -> FoodTable:
    """Foods sorted from most to least B12; the bar is on a log-like scale so small amounts still show. `plants`: for
    someone who said they are vegan or vegetarian, no meat or fish, and the intro says so."""
    kb = kb or load()
    f = kb.foods
    dv = f.pin.daily_value_mcg
    foods = sorted((x for x in f.foods if not plants or x.diet != "meat_or_fish"), key=lambda x: -x.mcg)
    rows = []
    for food in foods:
        amount = _fmt(food.mcg) + (f"-{_fmt(food.mcg_max)}" if food.mcg_max else "")
        pct = f"{round(100 * food.mcg / dv)}%" + (f"-{round(100 * food.mcg_max / dv)}%" if food.mcg_max else "")
        filled = min(bar_width, round(bar_width * min(food.mcg, dv) / dv))
        bar = "#" * filled + ("+" if food.mcg > dv else "")
        note = food.note
        if food.source != f.pin.source:
            extra = f"Source: {kb.sources[food.source].publisher or kb.sources[food.source].authors}"
            note = f"{note} {extra}" if note else extra
        rows.append(FoodRow(food.name, food.serving, amount, pct, bar, note))
    pinned = f"{cite(kb.sources[f.pin.source])} ({f.pin.table}; {f.pin.version}). Daily value: {_fmt(dv)} mcg."
    return FoodTable(f.intro, tuple(rows), tuple(f.needs), f.needs_note, tuple(f.at_risk), pinned,
                     " ".join(f.plant_intro.split()) if plants else "")
