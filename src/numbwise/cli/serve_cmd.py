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
With --host 0.0.0.0 --allow-remote, other devices on your network sign in with
an access key (or a one-time phone link and QR code) printed at start.
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


KEY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: easy to read off a screen and type on a phone


def new_access_key(choice: Callable[[str], str] | None = None) -> str:
    """A random access key, four groups of four (about 79 bits), typed once per device."""
    import secrets

    pick = choice or secrets.choice
    return "-".join("".join(pick(KEY_ALPHABET) for _ in range(4)) for _ in range(4))


def lan_address() -> str | None:
    """This computer's address on the local network (the route a packet would take; nothing is sent)."""
    import socket

    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: a UDP connect only picks the outgoing interface
            address = str(probe.getsockname()[0])
    except OSError:
        return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def shown_host(host: str, lan: str | None) -> str:
    """The address people should type: the LAN address for a wildcard host, never 0.0.0.0."""
    if host in ("0.0.0.0", "::", ""):
        return lan or "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def remote_banner(url: str, key: str, pairing_url: str, qr: str) -> str:
    """What `serve --allow-remote` prints: the warning, the address, the key and the one-time pairing link."""
    return "\n".join([
        "Remote access is ON: other devices on this network can open numbwise after signing in.",
        "WARNING: the connection is plain HTTP. Anyone on the same network can see (not change) what is sent,",
        "including diary entries. Use it only on a network you trust, and stop the server (Ctrl+C) when done.",
        "",
        f"  Address:     {url}",
        f"  Access key:  {key}",
        f"  Phone link (works once): {pairing_url}",
        "",
        qr.rstrip("\n"),
        "",
    ])


def run_server(host: str, port: int, store_url: str | None, open_browser: bool,
               opener: Callable[[str], object] | None = None, remote: bool = False,
               lan: Callable[[], str | None] = lan_address) -> None:
    """Start uvicorn with the app; once it is listening, open the page in the browser (or print the remote sign-in)."""
    import secrets
    import threading

    import uvicorn

    from numbwise.web.app import create_app
    from numbwise.web.settings import LOOPBACK_NAMES, WebSettings

    address = shown_host(host, lan() if remote else None)
    key = new_access_key() if remote else None
    pairing = secrets.token_urlsafe(24) if remote else None
    hosts = tuple(dict.fromkeys((*LOOPBACK_NAMES, address, f"[{host}]" if ":" in host else host)))
    settings = WebSettings(store_url=store_url, allowed_hosts=hosts if remote else LOOPBACK_NAMES,
                           access_key=key, pairing_code=pairing)
    app = create_app(settings=settings)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
    server = uvicorn.Server(config)
    url = f"http://{address}:{port}/"

    def announce() -> None:
        import time

        while not server.started and not server.should_exit:
            time.sleep(0.05)
        if not server.started:
            return
        if key is not None and pairing is not None:
            import io

            import segno

            link = f"{url}login?pair={pairing}"
            qr = io.StringIO()
            segno.make(link, error="m").terminal(out=qr, compact=True, border=2)
            click.echo(remote_banner(url, key, link, qr.getvalue()))
        click.echo(f"numbwise is running at {url}  (press Ctrl+C to stop)")
        if open_browser:
            local = f"http://127.0.0.1:{port}/" if key is not None else url
            if opener is None:
                import webbrowser

                webbrowser.open(local)
            else:
                opener(local)

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
@click.option("--allow-remote", is_flag=True,
              help="Allow a --host other devices can reach; they sign in with an access key printed at start.")
@click.pass_context
def serve_command(ctx: click.Context, port: int, host: str, no_browser: bool, allow_remote: bool) -> None:
    """Start the web app: the check, Learn and more in your browser."""
    if not is_loopback(host) and not allow_remote:
        raise ServeFailure(f"--host {host} can be reached from other computers; use 127.0.0.1, "
                           "or add --allow-remote if you really mean it")
    obj = ctx.obj or {}
    run_server(host, port, obj.get("db"), open_browser=not no_browser, remote=not is_loopback(host))
