"""``laborwatch serve``: the REST API and web pages over the database."""

from __future__ import annotations

from typing import Annotated

import typer

from laborwatch.cli.output import settings_from, stderr
from laborwatch.errors import LaborwatchError

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve_command(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine."),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    require_tokens: Annotated[
        bool,
        typer.Option(
            "--require-tokens",
            help="Ask every request for an API token (laborwatch tokens add), even on "
            "127.0.0.1. Automatic once any token exists, and on any other address.",
        ),
    ] = False,
) -> None:
    """Serve the web app and the REST API (OpenAPI at /docs) until interrupted.

    On 127.0.0.1 it is open to its one local user; served to a team (any other
    address), it asks for API tokens with roles.
    """
    import uvicorn

    from laborwatch.store import open_database
    from laborwatch.store.access import has_tokens
    from laborwatch.web import create_app

    settings = settings_from(ctx)
    if host not in _LOOPBACK:
        require_tokens = True
        database = open_database(settings.database_url)
        try:
            if not has_tokens(database):
                raise LaborwatchError(
                    f"{host}: serving beyond this machine needs API tokens; "
                    "create one with: laborwatch tokens add NAME --role editor"
                )
        finally:
            database.close()
    app = create_app(settings, require_tokens=require_tokens)
    stderr.print(f"laborwatch at http://{host}:{port}/ (API: /api, OpenAPI: /docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
