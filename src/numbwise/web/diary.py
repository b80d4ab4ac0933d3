"""The diary in the browser: a quick-entry form, the history with edit and delete, and the charts (no JS needed).

Field rules are the core's (numbwise.diary.fields, shared with `numbwise log`); SQL stays in the store; the
charts are the report's (numbwise.report.charts), placed inline with their data tables.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from numbwise.dates import moment
from numbwise.web.security import CSRF_FIELD, csrf_ok

if TYPE_CHECKING:
    from starlette.datastructures import FormData

    from numbwise.diary.entries import SymptomIn, TreatmentIn
    from numbwise.diary.store import Store

router = APIRouter(include_in_schema=False)
SIDES = (("L", "left"), ("R", "right"))  # as the check shows them
DIGITS = ((1, "thumb"), (2, "index finger"), (3, "middle finger"), (4, "ring finger"), (5, "little finger"))
CHART_DAYS = 90
HISTORY_LIMIT = 100
NOTES_MAX = 5000  # the same limit as the entry models' notes field and the form's maxlength
NOTE_SHOWN = 120  # characters of a note shown in messages and the history (the edit form shows it whole)
MAX_FLASH_REFS = 12
KIND_NAMES = {"symptom": "Numbness", "treatment": "Treatments", "check": "Checks", "score": "Scores",
              "activity": "Exercises and breaks"}


class FormProblem(ValueError):
    """A field cannot be used; `field` names the form field so the page can point at it."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _now(request: Request) -> dt.datetime:
    """The app's clock in the person's own zone."""
    now: dt.datetime = request.app.state.settings.clock()
    return now.astimezone()


def _store(request: Request) -> Store:
    from numbwise.web.store import store_of

    return store_of(request.app)


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _when(form: FormData, now: dt.datetime) -> dt.datetime:
    """The entry's time by the core's rule (a bare time later than now is yesterday's; a later date is refused)."""
    from numbwise.diary.when import WhenError, read_when

    try:
        return read_when(_text(form, "when") or "now", now).at
    except WhenError as exc:
        raise FormProblem(str(exc), "when") from None


def _whole(form: FormData, name: str, low: int, high: int, label: str, required: bool) -> int | None:
    raw = _text(form, name)
    if not raw:
        if required:
            raise FormProblem(f"Choose {label}.", name)
        return None
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise FormProblem(f"{label.capitalize()} must be a whole number from {low} to {high}.", name)
    return int(raw)


def symptom_fields(form: FormData, now: dt.datetime) -> dict[str, Any]:
    """Form fields to the fields `numbwise log` takes (the core checks them again)."""
    from numbwise.diary.entries import TRIGGERS

    picks = [p for p in form.getlist("pick") if isinstance(p, str)]
    valid = {f"{s}{d}" for s, _ in SIDES for d in range(0, 6)}
    if not set(picks) <= valid:
        raise FormProblem("Pick fingers on the hand pictures.", "pick")
    trigger = _text(form, "trigger") or None
    if trigger is not None and trigger not in TRIGGERS and len(trigger) > 200:
        raise FormProblem("Keep what brought it on under 200 characters.", "trigger")
    woke = form.get("woke")
    if woke not in (None, "yes"):
        raise FormProblem("Tick 'It woke me from sleep' or leave it empty.", "woke")
    return {
        "at": _when(form, now),
        "severity": _severity(form),
        "fingers": [p.lower() for p in picks],
        "minutes": _whole(form, "minutes", 0, 60 * 24 * 7, "how many minutes it lasted", False),
        "trigger": trigger,
        "woke": woke == "yes",
        "notes": _notes(form),
    }


def _severity(form: FormData) -> int:
    """How bad it is, as the person chose it: the form presets nothing, so none chosen is refused, never taken as 5."""
    if not _text(form, "severity"):
        raise FormProblem("Not saved: choose how bad it is now, from 0 (none) to 10 (worst). Nothing is chosen for you.",
                          "severity")
    value = _whole(form, "severity", 0, 10, "how bad it is (0 to 10)", True)
    assert value is not None
    return value


def _chosen(raw: str) -> int | None:
    """A severity sent back to show again: the number chosen, or None (nothing checked)."""
    return int(raw) if raw.isdigit() and 0 <= int(raw) <= 10 else None


def _notes(form: FormData) -> str:
    """The notes, refused (with the limit and the length) when longer than the field allows."""
    notes = _text(form, "notes")
    if len(notes) > NOTES_MAX:
        raise FormProblem(f"Not saved: the notes are {len(notes):,} characters long; keep them to {NOTES_MAX:,} "
                          "characters or fewer.", "notes")
    return notes


def short_note(notes: str) -> str:
    """A note cut to NOTE_SHOWN characters with an ellipsis, for one-line messages and lists."""
    return notes if len(notes) <= NOTE_SHOWN else notes[:NOTE_SHOWN].rstrip() + "\u2026"


def describe_short(entry: Any) -> str:
    """The core's one-line description (diary.fields.describe), with a long note shortened."""
    from numbwise.diary.fields import describe

    notes = getattr(entry, "notes", "")
    if notes and len(notes) > NOTE_SHOWN:
        entry = entry.model_copy(update={"notes": short_note(notes)})
    text = describe(entry)
    return text[:1].upper() + text[1:]


def _treatment_kinds(form: FormData, name: str) -> list[str]:
    from numbwise.diary.entries import TREATMENT_KINDS

    kinds = [k for k in form.getlist(name) if isinstance(k, str) and k]
    if not set(kinds) <= set(TREATMENT_KINDS):
        raise FormProblem("Choose treatments from the list.", name)
    return list(dict.fromkeys(kinds))


def treatment_fields(form: FormData, now: dt.datetime) -> dict[str, Any]:
    """The treatment-only form's fields."""
    kinds = _treatment_kinds(form, "kind")
    if len(kinds) != 1:
        raise FormProblem("Choose which treatment it was.", "kind")
    return {"at": _when(form, now), "kind": kinds[0], "detail": _text(form, "detail"), "notes": _notes(form)}


def _build_symptom(fields: dict[str, Any], now: dt.datetime) -> SymptomIn:
    from numbwise.diary.fields import EntryProblem, symptom_from

    try:
        return symptom_from(fields, now=now)
    except EntryProblem as exc:
        raise FormProblem(_plain(str(exc)), exc.field) from None


def _build_treatment(fields: dict[str, Any], now: dt.datetime) -> TreatmentIn:
    from numbwise.diary.fields import EntryProblem, treatment_from

    try:
        return treatment_from(fields, now=now)
    except EntryProblem as exc:
        raise FormProblem(_plain(str(exc)), exc.field) from None


def _plain(message: str) -> str:
    message = message.removeprefix("not saved: ")
    return "Not saved: " + message[:1].upper() + message[1:] + ("" if message.endswith(".") else ".")


def _local_input(at: dt.datetime) -> str:
    """A time as a datetime-local input value, in the person's zone."""
    return at.astimezone().strftime("%Y-%m-%dT%H:%M")


def _symptom_values(entry: Any = None, now: dt.datetime | None = None) -> dict[str, Any]:
    if entry is None:
        return {"when": _local_input(now or dt.datetime.now(dt.timezone.utc)), "severity": None, "picked": set(),
                "minutes": "", "trigger": "", "woke": False, "took": [], "notes": ""}
    return {"when": _local_input(entry.at), "severity": entry.severity, "picked": {f.upper() for f in entry.fingers},
            "minutes": "" if entry.minutes is None else entry.minutes, "trigger": entry.trigger or "",
            "woke": entry.woke, "took": [], "notes": entry.notes}


def _form_values(form: FormData) -> dict[str, Any]:
    """What was typed, to show again beside an error."""
    return {"when": _text(form, "when"), "severity": _chosen(_text(form, "severity")),
            "picked": {p for p in form.getlist("pick") if isinstance(p, str)}, "minutes": _text(form, "minutes"),
            "trigger": _text(form, "trigger"), "woke": form.get("woke") == "yes",
            "took": [k for k in form.getlist("took") if isinstance(k, str)], "notes": _text(form, "notes"),
            "kind": _text(form, "kind"), "detail": _text(form, "detail")}


def _choices() -> dict[str, Any]:
    from numbwise.diary.entries import TREATMENT_KINDS, TREATMENT_LABELS, TRIGGERS

    return {"sides": SIDES, "digits": DIGITS, "triggers": TRIGGERS,
            "treatments": [(k, TREATMENT_LABELS[k]) for k in TREATMENT_KINDS]}


def chart_views(request: Request, store: Store, today: dt.date) -> tuple[list[dict[str, Any]], dt.date, dt.date]:
    """The diary's three charts for the last CHART_DAYS days (cached while the data is the same)."""
    from numbwise.report.data import snapshot

    start = today - dt.timedelta(days=CHART_DAYS - 1)
    data = snapshot(store, start, today)
    if not data.symptoms:
        return [], start, today
    key = repr((data.start, data.end, data.symptoms, data.treatments))
    cache: dict[str, list[dict[str, Any]]] | None = getattr(request.app.state, "diary_charts", None)
    if cache is None:
        cache = request.app.state.diary_charts = {}
    if key not in cache:
        from numbwise.kb import load
        from numbwise.report.charts import finger_chart, nights_chart, severity_chart
        from numbwise.report.summary import kb_mic, summarize
        from numbwise.report.svg import SCREEN
        from numbwise.web.svg import inline_svg

        kb = load()
        summary = summarize(data, kb, kb_mic(kb))
        charts = [severity_chart(data, summary, SCREEN), nights_chart(data, SCREEN), finger_chart(summary, SCREEN)]
        cache.clear()  # only the newest view is worth keeping
        cache[key] = [{"id": c.id, "title": c.title, "alt": c.alt, "svg": inline_svg(c.svg, f"c-{c.id}"),
                       "headers": c.table.headers, "rows": c.table.rows} for c in charts]
    return cache[key], start, today


def _history(store: Store, kind: str | None) -> tuple[list[dict[str, Any]], int]:
    from numbwise.diary.fields import entry_ref
    from numbwise.diary.store import kind_of

    entries = store.entries([kind] if kind else None)
    newest = list(reversed(entries))[:HISTORY_LIMIT]
    rows = [{"ref": entry_ref(e), "kind": kind_of(e), "when": moment(e.at),
             "iso": e.at.isoformat(), "text": describe_short(e), "editable": kind_of(e) in ("symptom", "treatment")}
            for e in newest]
    return rows, len(entries)


def _diary_page(request: Request, *, values: dict[str, Any] | None = None, tvalues: dict[str, Any] | None = None,
                error: FormProblem | None = None, terror: FormProblem | None = None, saved: str | None = None,
                status: int = 200) -> Response:
    from numbwise.web.app import render

    kind = request.query_params.get("kind") or None
    if kind not in KIND_NAMES:
        kind = None
    store = _store(request)
    now = _now(request)
    charts, start, end = chart_views(request, store, now.date())
    rows, total = _history(store, kind)
    return render(request, "diary.html", {
        "title": "Diary", "v": values or _symptom_values(now=now), "t": tvalues or {"when": _local_input(now)},
        "error": error, "terror": terror, "saved": saved, "charts": charts, "start": start, "end": end,
        "rows": rows, "total": total, "kind": kind, "kinds": KIND_NAMES, "limit": HISTORY_LIMIT, **_choices(),
    }, status)


def _expired(request: Request) -> Response:
    from numbwise.web.app import render

    return render(request, "problem.html", {"title": "Something went wrong", "message":
                  "This form has expired or came from another site. Please open the diary and try again."}, 403)


def _flash(request: Request) -> str | None:
    """The message after a save, change or delete, made here from the entry ids in the address (no free text there)."""
    from numbwise.diary.fields import EntryProblem, parse_ref
    from numbwise.diary.store import NotFound

    q = request.query_params
    if q.get("deleted") == "1":
        return "Deleted the entry."
    for key, verb in (("saved", "Saved"), ("changed", "Changed")):
        raw = q.get(key)
        if not raw:
            continue
        texts = []
        for ref in raw.split(".")[:MAX_FLASH_REFS]:
            try:
                texts.append(describe_short(_store(request).get(*parse_ref(ref))))
            except (EntryProblem, NotFound):
                continue
        return f"{verb}: " + "; ".join(texts) + "." if texts else None
    return None


@router.get("/diary")
def diary_page(request: Request) -> Response:
    """The quick-entry form, the charts and the history, newest first."""
    return _diary_page(request, saved=_flash(request))


@router.post("/diary")
async def diary_add(request: Request) -> Response:
    """Save a symptom (with any treatments taken, in one transaction) or a treatment on its own."""
    form = await request.form()
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return _expired(request)
    now = _now(request)
    items: list[SymptomIn | TreatmentIn] = []
    if form.get("what") == "treatment":
        try:
            items.append(_build_treatment(treatment_fields(form, now), now))
        except FormProblem as exc:
            return _diary_page(request, tvalues=_form_values(form), terror=exc, status=422)
    else:
        try:
            fields = symptom_fields(form, now)
            took = _treatment_kinds(form, "took")
            items.append(_build_symptom(fields, now))
            items += [_build_treatment({"at": fields["at"], "kind": k}, now) for k in took]
        except FormProblem as exc:
            return _diary_page(request, values=_form_values(form), error=exc, status=422)
    saved = _store(request).add_entries(items)
    from numbwise.diary.fields import entry_ref

    return RedirectResponse("/diary?saved=" + ".".join(entry_ref(e) for e in saved), status_code=303)


def _find(request: Request, ref: str) -> Any:
    """The entry a short id names, or None."""
    from numbwise.diary.fields import EntryProblem, parse_ref
    from numbwise.diary.store import NotFound

    try:
        kind, entry_id = parse_ref(ref)
        return _store(request).get(kind, entry_id)
    except (EntryProblem, NotFound):
        return None


def _not_found(request: Request, ref: str) -> Response:
    from numbwise.web.app import render

    return render(request, "problem.html", {"title": "Entry not found",
                                            "message": f"There is no diary entry {ref[:20]}. It may have been deleted."}, 404)


def _edit_page(request: Request, entry: Any, values: dict[str, Any], error: FormProblem | None = None,
               status: int = 200) -> Response:
    from numbwise.diary.fields import entry_ref
    from numbwise.diary.store import kind_of
    from numbwise.web.app import render

    kind = kind_of(entry)
    return render(request, "diary_edit.html", {"title": "Change this entry", "ref": entry_ref(entry),
                                                "kind": kind, "v": values, "t": values, "error": error,
                                                "terror": error, **_choices()}, status)


@router.get("/diary/{ref}/edit")
def diary_edit_form(request: Request, ref: str) -> Response:
    """A symptom or treatment entry in a form, to correct it."""
    from numbwise.diary.store import kind_of

    entry = _find(request, ref)
    if entry is None or kind_of(entry) not in ("symptom", "treatment"):
        return _not_found(request, ref)
    if kind_of(entry) == "symptom":
        return _edit_page(request, entry, _symptom_values(entry))
    return _edit_page(request, entry, {"when": _local_input(entry.at), "kind": entry.kind, "detail": entry.detail,
                                       "notes": entry.notes})


@router.post("/diary/{ref}/edit")
async def diary_edit(request: Request, ref: str) -> Response:
    """Save the corrected entry (one transaction); a bad field shows the form again with what was typed."""
    from urllib.parse import urlencode

    from numbwise.diary.fields import entry_ref
    from numbwise.diary.store import NotFound, kind_of

    form = await request.form()
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return _expired(request)
    entry = _find(request, ref)
    if entry is None or kind_of(entry) not in ("symptom", "treatment"):
        return _not_found(request, ref)
    now = _now(request)
    store = _store(request)
    try:
        if kind_of(entry) == "symptom":
            new: Any = store.update_symptom(entry.id, _build_symptom(symptom_fields(form, now), now))
        else:
            new = store.update_treatment(entry.id, _build_treatment(treatment_fields(form, now), now))
    except FormProblem as exc:
        return _edit_page(request, entry, _form_values(form), exc, 422)
    except NotFound:
        return _not_found(request, ref)
    return RedirectResponse("/diary?" + urlencode({"changed": entry_ref(new)}), status_code=303)


@router.get("/diary/{ref}/delete")
def diary_delete_form(request: Request, ref: str) -> Response:
    """Ask before deleting an entry."""
    from numbwise.diary.fields import entry_ref
    from numbwise.web.app import render

    entry = _find(request, ref)
    if entry is None:
        return _not_found(request, ref)
    return render(request, "diary_delete.html", {"title": "Delete this entry?", "ref": entry_ref(entry),
                                                 "text": describe_short(entry),
                                                 "when": moment(entry.at)})


@router.post("/diary/{ref}/delete")
async def diary_delete(request: Request, ref: str) -> Response:
    """Delete one entry after the person confirmed."""
    from numbwise.diary.store import NotFound, kind_of

    form = await request.form()
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return _expired(request)
    entry = _find(request, ref)
    if entry is None:
        return _not_found(request, ref)
    try:
        _store(request).delete(kind_of(entry), entry.id)
    except NotFound:
        return _not_found(request, ref)
    return RedirectResponse("/diary?deleted=1", status_code=303)
