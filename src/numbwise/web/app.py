"""The app factory: pages, the JSON API, static files and the security middleware, with injected settings."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from numbwise.web.settings import WebSettings

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from starlette.responses import Response

HERE = Path(__file__).resolve().parent
NAV = (
    ("/check", "Check"),
    ("/learn", "Learn"),
    ("/exercises", "Exercises"),
    ("/diary", "Diary"),
    ("/scores", "Scores"),
    ("/report", "Report"),
)


def create_app(store_url: str | None = None, settings: WebSettings | None = None) -> FastAPI:
    """Build the web app; `store_url` (or settings.store_url) picks the diary database."""
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates

    from numbwise import __version__
    from numbwise.web import api, check, describe, diary, diary_api, exercises, pages, report, scores
    from numbwise.web.security import CsrfCookie, SecurityHeaders

    settings = settings or WebSettings()
    if store_url is not None:
        from dataclasses import replace

        settings = replace(settings, store_url=store_url)
    app = FastAPI(
        title="numbwise",
        version=__version__,
        description="Numb or tingling hands: how urgent it is and what is likely behind it. Not a diagnosis.",
        docs_url=None,  # the interactive docs load scripts from a CDN: not allowed here
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=_lifespan,
    )
    app.state.settings = settings
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["nav"] = NAV
    from numbwise import dates

    templates.env.filters.update(day=dates.day, short_day=dates.short_day, moment=dates.moment, day_of=dates.day_of)  # one date style everywhere
    app.state.templates = templates
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.router.routes.insert(0, api.fast_route())
    app.include_router(diary_api.router)
    app.include_router(check.router)
    app.include_router(describe.router)
    app.include_router(diary.router)
    app.include_router(report.router)
    app.include_router(exercises.router)
    app.include_router(scores.router)
    app.include_router(pages.router)
    pages.install_error_pages(app)
    app.add_middleware(CsrfCookie)
    app.add_middleware(SecurityHeaders)
    return app


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Close the diary store the app opened (if any) when the server stops."""
    from numbwise.web.store import close_store

    yield
    close_store(app)


def render(request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200) -> Response:
    """A page from a template, with the form token and the current section for the nav."""
    from numbwise.kb import load

    templates = request.app.state.templates
    ctx: dict[str, Any] = {
        "csrf": getattr(request.state, "csrf", ""),
        "section": "/" + request.url.path.strip("/").split("/")[0],
        "notice_short": load().meta.notice_short,
    }
    ctx.update(context or {})
    response: Response = templates.TemplateResponse(request, name, ctx, status_code=status)
    return response
