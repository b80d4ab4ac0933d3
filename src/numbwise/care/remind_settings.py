"""Break-reminder settings: a strict model read from remind.toml, so a typo is caught, named and never saved."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from datetime import time
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from numbwise.files import write_atomic
from numbwise.paths import config_dir

FILE_NAME = "remind.toml"
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # index = date.weekday()
Notify = Literal["auto", "desktop", "bell"]
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")

# Defaults: one break an hour of 1-2 minutes (the hand break the issue asks for; RSIBreak's "big break"
# is also hourly), a 10-minute snooze. docs/reminders.md lists where each default comes from.


class RemindSettings(BaseModel):
    """When and how `numbwise remind` prompts a hand break."""

    model_config = ConfigDict(frozen=True, extra="forbid", strict=True)

    interval_minutes: Annotated[int, Field(ge=5, le=480)] = 60
    break_seconds: Annotated[int, Field(ge=60, le=120)] = 90
    snooze_minutes: Annotated[int, Field(ge=1, le=120)] = 10
    quiet_hours: str | None = "22:00-07:00"  # no prompts in this local-time window; may wrap midnight
    days: tuple[str, ...] = DAY_NAMES  # days with prompts
    notify: Notify = "auto"  # auto: desktop notification when there is one, else the terminal bell

    @field_validator("quiet_hours")
    @classmethod
    def _quiet(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parse_quiet(value)
        return value

    @field_validator("days")
    @classmethod
    def _days(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("needs at least one day")
        bad = [d for d in value if d not in DAY_NAMES]
        if bad:
            raise ValueError(f"unknown day {bad[0]!r}; use {', '.join(DAY_NAMES)}")
        return tuple(d for d in DAY_NAMES if d in value)  # week order, no repeats

    @model_validator(mode="after")
    def _room_for_a_break(self) -> RemindSettings:
        awake = longest_awake_minutes(self.quiet(), self.weekdays())
        # Strictly more: a break due the very minute a rest starts counts as in the rest (schedule.py),
        # so a run exactly one interval long never holds a break.
        if awake <= self.interval_minutes:
            raise ValueError(
                f"the quiet hours and days leave at most {awake} minutes in a row without rest, which is not "
                f"more than the interval ({self.interval_minutes} minutes), so no break would ever come")
        return self

    def quiet(self) -> tuple[time, time] | None:
        """The quiet window as (start, end) local times, or None."""
        return None if self.quiet_hours is None else parse_quiet(self.quiet_hours)

    def weekdays(self) -> frozenset[int]:
        """The active days as date.weekday() numbers."""
        return frozenset(DAY_NAMES.index(d) for d in self.days)


class SettingsError(Exception):
    """A settings file or value is wrong; the message names the key (and the file)."""


def longest_awake_minutes(quiet: tuple[time, time] | None, weekdays: frozenset[int]) -> int:
    """The longest run of minutes in a (repeating) week that is neither quiet nor a day off."""
    week = 7 * 1440
    rest = bytearray(week)
    for day in range(7):
        if day not in weekdays:
            rest[day * 1440:(day + 1) * 1440] = b"\1" * 1440
        if quiet is not None:
            start = day * 1440 + quiet[0].hour * 60 + quiet[0].minute
            length = (quiet[1].hour * 60 + quiet[1].minute - quiet[0].hour * 60 - quiet[0].minute) % 1440
            for minute in range(start, start + length):
                rest[minute % week] = 1
    if not any(rest):
        return week
    first = rest.index(1)
    best = run = 0
    for i in range(first, first + week):  # start at a rest minute, so runs that wrap the week count whole
        run = 0 if rest[i % week] else run + 1
        best = max(best, run)
    return best


def parse_quiet(value: str) -> tuple[time, time]:
    """'22:00-07:00' -> (22:00, 07:00); the window may wrap midnight but may not be empty."""
    parts = value.split("-")
    if len(parts) != 2 or not all(_HHMM.match(p.strip()) for p in parts):
        raise ValueError(f"{value!r} is not HH:MM-HH:MM (for example 22:00-07:00), or 'off'")
    start, end = (time.fromisoformat(p.strip()) for p in parts)
    if start == end:
        raise ValueError(f"{value!r} starts and ends at the same time")
    return start, end


def parse_days(value: str) -> tuple[str, ...]:
    """'mon-fri', 'sat,sun', 'all' or 'weekdays' -> day names."""
    text = value.strip().lower()
    if text in ("all", "every", "daily"):
        return DAY_NAMES
    if text == "weekdays":
        return DAY_NAMES[:5]
    if text == "weekend":
        return DAY_NAMES[5:]
    days: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if "-" in part:
            a, _, b = part.partition("-")
            if a not in DAY_NAMES or b not in DAY_NAMES:
                raise ValueError(f"{part!r} is not a day range like mon-fri")
            i, j = DAY_NAMES.index(a), DAY_NAMES.index(b)
            days += [DAY_NAMES[k % 7] for k in range(i, j + 1 if j >= i else j + 8)]
        elif part in DAY_NAMES:
            days.append(part)
        else:
            raise ValueError(f"{part!r} is not a day; use {', '.join(DAY_NAMES)}, ranges like mon-fri, or all")
    return tuple(days)


# Names people type in `--set NAME=VALUE` (docs/reminders.md), mapped to the file keys. The file keys
# themselves are accepted too, but the short names are the ones we show.
SET_NAMES = {
    "interval": "interval_minutes",
    "break": "break_seconds",
    "snooze": "snooze_minutes",
    "quiet": "quiet_hours",
    "days": "days",
    "notify": "notify",
}
ALIASES = {**SET_NAMES, **{key: key for key in SET_NAMES.values()}}
_UNITS = {"interval_minutes": "minutes", "break_seconds": "seconds", "snooze_minutes": "minutes"}


def whole_number_range(key: str) -> tuple[int, int]:
    """The (lowest, highest) value the model allows for a whole-number key, read from its Field bounds."""
    low = high = None
    for bound in RemindSettings.model_fields[key].metadata:
        low = getattr(bound, "ge", low)
        high = getattr(bound, "le", high)
    assert isinstance(low, int) and isinstance(high, int), key
    return low, high


def range_words(key: str) -> str:
    """'must be 5 to 480 minutes': the allowed range in plain words."""
    low, high = whole_number_range(key)
    return f"must be {low} to {high} {_UNITS[key]}"


def _value(key: str, name: str, raw: str) -> Any:
    """Turn the text after '=' into the type the key needs; ValueError in plain words."""
    raw = raw.strip()
    if key in _UNITS:
        if not re.fullmatch(r"[+-]?\d+", raw):
            low, high = whole_number_range(key)
            raise ValueError(f"{name} must be a whole number of {_UNITS[key]} from {low} to {high}, not {raw!r}")
        number = int(raw)
        low, high = whole_number_range(key)
        if not low <= number <= high:
            raise ValueError(f"{name} {range_words(key)}")
        return number
    if key == "quiet_hours":
        return None if raw.lower() in ("off", "none", "") else raw
    if key == "days":
        return parse_days(raw)
    return raw


def _explain(exc: ValidationError, label: Callable[[str], str]) -> SettingsError:
    """One readable line per wrong key; `label` names a key (or, given '', a check of several keys) for the reader."""
    lines = []
    for err in exc.errors():
        key = ".".join(str(p) for p in err["loc"] if not isinstance(p, int))
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = f"unknown setting; known: {', '.join(RemindSettings.model_fields)}"
        elif key in _UNITS and err["type"] in ("greater_than_equal", "less_than_equal"):
            msg = range_words(key)
        lines.append(f"{label(key)}: {msg}")
    return SettingsError("\n".join(lines))


def apply(settings: RemindSettings, assignments: Iterable[str]) -> RemindSettings:
    """Apply `name=value` changes; raise SettingsError naming the first bad one as the person typed it."""
    data = settings.model_dump()
    typed: list[str] = []
    for item in assignments:
        name, eq, raw = item.partition("=")
        name = name.strip().lower()
        key = ALIASES.get(name)
        if not eq or key is None:
            raise SettingsError(f"--set {item}: use NAME=VALUE with NAME one of {', '.join(SET_NAMES)}")
        shown = next((n for n, k in SET_NAMES.items() if k == key), name)
        try:
            data[key] = _value(key, shown, raw)
        except ValueError as exc:
            raise SettingsError(f"--set {shown}: {exc}") from None
        typed.append(shown)
    try:
        return RemindSettings.model_validate(data)
    except ValidationError as exc:
        names = ", ".join(f"--set {n}" for n in dict.fromkeys(typed))
        shown_for = {k: n for n, k in SET_NAMES.items()}
        raise _explain(exc, lambda k: f"--set {shown_for.get(k, k)}" if k else names) from None


def settings_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where remind.toml lives (the platform's config folder, XDG on Linux)."""
    return config_dir(environ) / FILE_NAME


def from_toml(data: Mapping[str, Any]) -> RemindSettings:
    """Validate parsed TOML; quiet_hours may be 'off' and days a 'mon-fri' string or a list."""
    values = dict(data)
    if isinstance(values.get("quiet_hours"), str) and values["quiet_hours"].strip().lower() in ("off", "none", ""):
        values["quiet_hours"] = None
    if isinstance(values.get("days"), str):
        values["days"] = parse_days(values["days"])
    elif isinstance(values.get("days"), list):
        values["days"] = tuple(str(d).strip().lower() for d in values["days"])
    return RemindSettings.model_validate(values)


def load(path: Path | None = None) -> RemindSettings:
    """The saved settings, or the defaults when there is no file; SettingsError names the bad key."""
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return RemindSettings()
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read it ({exc.strerror})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML ({exc})") from None
    try:
        return from_toml(data)
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            raise _explain(exc, lambda k: f"{path}: {k}" if k else str(path)) from None
        raise SettingsError(f"{path}: days: {exc}") from None


def to_toml(settings: RemindSettings) -> str:
    """The settings as a commented TOML file (only the few simple types this model uses)."""
    lines = ["# numbwise remind settings. Change them with: numbwise remind --set NAME=VALUE", ""]
    comments = {
        "interval_minutes": "minutes between breaks",
        "break_seconds": "length of a break (60-120)",
        "snooze_minutes": "how long Snooze waits",
        "quiet_hours": "no prompts in this local-time window (\"off\" for none)",
        "days": "days with prompts",
        "notify": "auto (desktop, else terminal bell), desktop or bell",
    }
    for key, value in settings.model_dump().items():
        if value is None:
            text = '"off"'
        elif isinstance(value, (tuple, list)):
            text = "[" + ", ".join(f'"{v}"' for v in value) + "]"
        elif isinstance(value, str):
            text = f'"{value}"'
        else:
            text = str(value)
        lines.append(f"{key} = {text}  # {comments[key]}")
    return "\n".join(lines) + "\n"


def save(settings: RemindSettings, path: Path | None = None) -> Path:
    """Write the file atomically (temp file, fsync, rename), so a crash never leaves half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, to_toml(settings))
    return path
