"""``laborwatch serve``: the REST API and web pages over the database."""

from __future__ import annotations

from typing import Annotated

import typer

from laborwatch.cli.output import settings_from, stderr


def serve_command(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine."),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=1, max=65535, help="Port to listen on.")
    ] = 8000,
) -> None:
    """Serve the web app and the REST API (OpenAPI at /docs) until interrupted."""
    import uvicorn

    from laborwatch.web import create_app

    app = create_app(settings_from(ctx))
    stderr.print(f"laborwatch at http://{host}:{port}/ (API: /api, OpenAPI: /docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")
