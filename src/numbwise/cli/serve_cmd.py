"""`numbwise serve`: the web app on this computer (uvicorn), opening the browser unless told not to."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

import click

from numbwise.exitcodes import ExitCode

EPILOG = """\b
Examples:
  numbwise serve                       open the app at http://127.0.0.1:8765
  numbwise serve --port 9000           use another port
  numbwise serve --no-browser          start the app but do not open a browser

The app listens on this computer only. Press Ctrl+C to stop it.
"""


class ServeFailure(click.ClickException):
    """The app cannot start as asked: exit 2 with the reason."""

    exit_code = ExitCode.BAD_INPUT


def is_loopback(host: str) -> bool:
    """True for addresses only this computer can reach (localhost, 127.x.x.x, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def run_server(host: str, port: int, store_url: str | None, open_browser: bool,
               opener: Callable[[str], object] | None = None) -> None:
    """Start uvicorn with the app; once it is listening, open the page in the browser."""
    import threading

    import uvicorn

    from numbwise.web.app import create_app

    app = create_app(store_url=store_url)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
    server = uvicorn.Server(config)
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{port}/"

    def announce() -> None:
        import time

        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if server.started:
            click.echo(f"numbwise is running at {url}  (press Ctrl+C to stop)")
            if open_browser:
                if opener is None:
                    import webbrowser

                    webbrowser.open(url)
                else:
                    opener(url)

    threading.Thread(target=announce, daemon=True).start()
    try:
        server.run()
    except SystemExit:  # uvicorn exits when it cannot bind; say why in our own words and exit code
        pass
    if not server.started:
        raise ServeFailure(f"could not listen on {host}:{port} (is another program using that port?)")


@click.command("serve", epilog=EPILOG)
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (this computer only, unless --allow-remote).")
@click.option("--no-browser", is_flag=True, help="Do not open a browser.")
@click.option("--allow-remote", is_flag=True, help="Allow a --host other computers can reach (your diary would be open to them).")
@click.pass_context
def serve_command(ctx: click.Context, port: int, host: str, no_browser: bool, allow_remote: bool) -> None:
    """Start the web app: the check, Learn and more in your browser."""
    if not is_loopback(host) and not allow_remote:
        raise ServeFailure(f"--host {host} can be reached from other computers; use 127.0.0.1, "
                           "or add --allow-remote if you really mean it")
    obj = ctx.obj or {}
    run_server(host, port, obj.get("db"), open_browser=not no_browser)
