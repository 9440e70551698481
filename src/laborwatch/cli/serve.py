"""``laborwatch serve``: the REST API and web pages over the database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from laborwatch.cli.output import settings_from, stderr
from laborwatch.errors import LaborwatchError, NotFound

_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_ANY_ADDRESS = ("0.0.0.0", "::", "")


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
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            metavar="<name>",
            help="A host name the app answers to besides the address it listens on "
            "(repeat for more; adds to LABORWATCH_ALLOWED_HOSTS). Requests naming any "
            "other host are refused.",
        ),
    ] = None,
    certfile: Annotated[
        Path | None,
        typer.Option(help="TLS certificate (PEM) to serve HTTPS; needs --keyfile."),
    ] = None,
    keyfile: Annotated[
        Path | None,
        typer.Option(help="Private key (PEM) of the TLS certificate."),
    ] = None,
) -> None:
    """Serve the web app and the REST API (OpenAPI at /docs) until interrupted.

    On 127.0.0.1 it is open to its one local user; served to a team (any other
    address), it asks for API tokens with roles. It answers only requests that name
    the address it listens on, a loopback name or an allowed host (on 0.0.0.0 or ::
    with no allowed host, any name: the tokens guard it there).
    """
    import uvicorn

    from laborwatch.store import open_database
    from laborwatch.store.access import has_tokens
    from laborwatch.web import create_app

    settings = settings_from(ctx)
    if (certfile is None) != (keyfile is None):
        raise LaborwatchError("serve: --certfile and --keyfile go together")
    if certfile is not None and keyfile is not None:
        _check_tls(certfile, keyfile)
    names = [name.strip().lower() for name in allowed_host or [] if name.strip()]
    settings = replace(settings, allowed_hosts=(*settings.allowed_hosts, *names))
    extra_hosts = [host]
    if host in _ANY_ADDRESS and not settings.allowed_hosts:
        # Clients may use any of the machine's names or addresses; tokens are
        # required on such an address, and a rebound page cannot send the token.
        extra_hosts.append("*")
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
    app = create_app(settings, require_tokens=require_tokens, allowed_hosts=extra_hosts)
    scheme = "https" if certfile else "http"
    shown = f"[{host}]" if ":" in host else host
    stderr.print(
        f"laborwatch at {scheme}://{shown}:{port}/ (API: /api, OpenAPI: /docs)"
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        ssl_certfile=str(certfile) if certfile else None,
        ssl_keyfile=str(keyfile) if keyfile else None,
    )


def _check_tls(certfile: Path, keyfile: Path) -> None:
    """Load the pair once here, so a bad file is one line, not uvicorn's traceback."""
    import ssl

    for path in (certfile, keyfile):
        if not path.is_file():
            raise NotFound(f"{path}: no such file")
    try:
        ssl.create_default_context(ssl.Purpose.CLIENT_AUTH).load_cert_chain(
            certfile, keyfile
        )
    except (ssl.SSLError, OSError) as err:
        raise LaborwatchError(
            f"{certfile}, {keyfile}: not a TLS certificate and its key in PEM "
            f"({err.strerror or err})"
        ) from None
