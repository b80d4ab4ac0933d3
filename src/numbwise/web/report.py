"""The report page: choose dates and download the doctor's PDF; export the diary (JSON, CSV, FHIR) and import it.

The PDF is numbwise.report.pdf's; export and import are numbwise.diary.portable's; an import is checked whole
first and written in one transaction, so a bad file changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from numbwise.dates import day
from numbwise.web.security import CSRF_FIELD, csrf_ok

router = APIRouter(include_in_schema=False)
DEFAULT_DAYS = 90
MAX_DAYS = 3660
MAX_IMPORT_BYTES = 50 * 1024 * 1024
MEDIA = {"json": "application/json", "csv": "text/csv; charset=utf-8", "fhir": "application/fhir+json"}
SUFFIX = {"json": "json", "csv": "csv", "fhir": "fhir.json"}


def _today(request: Request) -> dt.date:
    now: dt.datetime = request.app.state.settings.clock()
    return now.astimezone().date()


def _page(request: Request, status: int = 200, **extra: Any) -> Response:
    from numbwise.web.app import render

    today = _today(request)
    ctx: dict[str, Any] = {"title": "Report", "start": (today - dt.timedelta(days=DEFAULT_DAYS - 1)).isoformat(),
                           "end": today.isoformat(), "today": today.isoformat(), "error": None, "imported": None,
                           "problems": None}
    ctx.update(extra)
    return render(request, "report.html", ctx, status)


EARLIEST_YEAR = 1900  # as numbwise.diary.entries: no diary time is older


def _dates(request: Request) -> tuple[dt.date, dt.date]:
    """The period asked for (default: the last 90 days); ValueError says what is wrong."""
    today = _today(request)
    raw_end, raw_start = request.query_params.get("to") or "", request.query_params.get("from") or ""
    try:
        end = dt.date.fromisoformat(raw_end) if raw_end else today
    except ValueError:
        raise ValueError("The last day is not a date; use the date picker or type it like 2026-06-30.") from None
    try:
        start = dt.date.fromisoformat(raw_start) if raw_start else end - dt.timedelta(days=DEFAULT_DAYS - 1)
    except ValueError:
        raise ValueError("The first day is not a date; use the date picker or type it like 2026-04-01.") from None
    if min(start.year, end.year) < EARLIEST_YEAR:
        raise ValueError(f"Choose days from {EARLIEST_YEAR} on; check the year (like 2026, not 26).")
    if start > end:
        raise ValueError(f"The first day ({day(start)}) is after the last day ({day(end)}).")
    if end > today:
        raise ValueError(f"The last day ({day(end)}) is after today ({day(today)}). Choose today or an earlier day.")
    if (end - start).days > MAX_DAYS:
        raise ValueError("The period is longer than ten years; choose a shorter one.")
    return start, end


@router.get("/report")
def report_page(request: Request) -> Response:
    """Choose dates for the PDF; export or import the diary."""
    return _page(request)


@router.get("/report/pdf")
def report_pdf(request: Request) -> Response:
    """The doctor's PDF for the chosen period, as a download; a clear page when there is nothing to report."""
    from numbwise.kb import load
    from numbwise.report.data import snapshot
    from numbwise.report.pdf import render_pdf
    from numbwise.report.summary import kb_mic
    from numbwise.web.store import store_of

    try:
        start, end = _dates(request)
    except ValueError as exc:
        return _page(request, 422, error=str(exc), start=request.query_params.get("from", ""),
                     end=request.query_params.get("to", ""))
    data = snapshot(store_of(request.app), start, end)
    if data.is_empty():
        return _page(request, 404, error=f"Nothing was logged between {day(start)} and {day(end)}, so there is "
                     "no report to make. Choose other dates, or add diary entries first.",
                     start=start.isoformat(), end=end.isoformat())
    kb = load()
    rendered = render_pdf(data, kb, made_on=_today(request), mic=kb_mic(kb))
    name = f"numbwise-report-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
    return Response(rendered.pdf, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/report/export")
def report_export(request: Request) -> Response:
    """The whole diary as a download: json (can be imported again), csv or fhir."""
    from numbwise.diary.portable import export_text
    from numbwise.web.store import store_of

    fmt = request.query_params.get("format") or "json"
    if fmt not in MEDIA:
        return _page(request, 422, error="Choose JSON, CSV or FHIR for the export.")
    batch = store_of(request.app).export_batch()
    now: dt.datetime = request.app.state.settings.clock()
    text = export_text(batch, fmt, now.astimezone())  # type: ignore[arg-type]
    name = f"numbwise-diary-{now.astimezone():%Y%m%d}.{SUFFIX[fmt]}"
    return Response(text.encode(), media_type=MEDIA[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.post("/report/import")
async def report_import(request: Request) -> Response:
    """Add the entries of a numbwise JSON export: checked whole first, then written in one transaction."""
    from starlette.datastructures import UploadFile

    from numbwise.diary.portable import read_json
    from numbwise.diary.store import ImportRefused
    from numbwise.web.store import store_of

    try:
        form = await request.form(max_files=1, max_fields=10)
    except Exception:  # a malformed multipart body
        return _page(request, 400, problems_title="The upload could not be read. Please choose the file again.", problems=[])
    if not csrf_ok(getattr(request.state, "csrf_cookie", None), form.get(CSRF_FIELD)):
        return _page(request, 403, problems_title="This form has expired or came from another site. Please try again.",
                     problems=[])
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _page(request, 422, problems_title="Choose a file to import.", problems=[])
    raw = await upload.read(MAX_IMPORT_BYTES + 1)
    name = upload.filename[:100]
    if len(raw) > MAX_IMPORT_BYTES:
        return _page(request, 422, problems_title=f"{name} is larger than 50 MB; nothing was imported.", problems=[])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _page(request, 422, problems_title=f"{name} is not a text file; nothing was imported.", problems=[])
    try:
        batch = read_json(text, name, now=request.app.state.settings.clock())
        result = store_of(request.app).import_batch(batch)
    except ImportRefused as exc:
        message = str(exc)
        if "nothing was imported" not in message:
            message += "; nothing was imported"
        return _page(request, 422, problems_title=message + ".", problems=exc.problems)
    skipped = f" {result.skipped} were already in your diary." if result.skipped else ""
    return _page(request, imported=f"Imported {result.added} entries from {name}.{skipped}")
