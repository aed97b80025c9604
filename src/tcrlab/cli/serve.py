"""``tcrlab serve``: the calculator pages and JSON API on a local web server."""

from __future__ import annotations

import ipaddress

import click

from tcrlab.errors import InputError

__all__ = ["serve"]


def _check_host(host: str, public: bool) -> None:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        if host != "localhost":
            raise InputError("--host", host, "an IP address such as 127.0.0.1 (or localhost)") from None
        return
    if not address.is_loopback and not public:
        raise InputError("--host", host, "a loopback address (127.0.0.1, ::1), or add --public to serve "
                         "other machines on purpose", problem="not a loopback address")


@click.command(name="serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--public", is_flag=True, help="Allow a non-loopback --host (the pages have no login).")
def serve(host: str, port: int, public: bool) -> None:
    """Start the joint, heat-path and Kapitza calculator pages and the JSON API (/api)."""
    import uvicorn

    from tcrlab.web import create_app

    _check_host(host, public)
    click.echo(f"tcrlab web app on http://{host}:{port}/  (JSON API: /api; Ctrl-C stops)", err=True)
    uvicorn.run(create_app(), host=host, port=port, log_level="warning")
