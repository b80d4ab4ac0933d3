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
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from numbwise import __version__
    from numbwise.web import api, check, describe, diary, diary_api, exercises, pages, report, scores
    from numbwise.web.security import CsrfCookie, RemoteLogin, RequestGuard, SecurityHeaders

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
    from numbwise.assess.interview import HANDS_FINE_WORDS

    templates.env.globals["hands_fine_words"] = HANDS_FINE_WORDS.rstrip(".")  # the finger page's button, as said back
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
    _install_validation_errors(app)
    # add_middleware puts each one outside the ones before: the order below runs from the bottom up
    if settings.access_key is not None:
        app.add_middleware(RemoteLogin, secret=settings.secret_key, access_key=settings.access_key,
                           pairing=settings.pairing_code)
    app.add_middleware(RequestGuard, secret=settings.secret_key)
    app.add_middleware(CsrfCookie, secret=settings.secret_key)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(settings.allowed_hosts), www_redirect=False)
    app.add_middleware(SecurityHeaders)
    return app


def _install_validation_errors(app: FastAPI) -> None:
    """422s that never echo the input (a 10 MB bad note comes back as a short message, not 10 MB), and diary errors
    (a damaged, read-only or full diary) as plain pages rather than 500s."""
    from fastapi.exceptions import RequestValidationError
    from starlette.responses import JSONResponse

    async def invalid(request: Any, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        detail = [{"loc": [str(part)[:100] for part in e.get("loc", ())], "msg": str(e.get("msg", ""))[:300],
                   "type": str(e.get("type", ""))} for e in exc.errors()[:20]]
        return JSONResponse({"detail": detail}, status_code=422)

    app.add_exception_handler(RequestValidationError, invalid)

    async def diary_trouble(request: Any, exc: Exception) -> Response:
        """A diary that cannot be written (damaged, read-only, full disk): say so plainly, never a bare 500."""
        from starlette.responses import HTMLResponse

        from numbwise.diary.store import BadRequest
        from numbwise.web.security import plain_page

        status = 422 if isinstance(exc, BadRequest) else 503
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": [{"loc": ["diary"], "msg": str(exc)[:500], "type": "diary"}]}, status_code=status)
        return HTMLResponse(plain_page(status, "The diary cannot do this", str(exc)[:500]), status_code=status)

    from numbwise.diary.store import StoreError

    app.add_exception_handler(StoreError, diary_trouble)


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
