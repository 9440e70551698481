"""``laborwatch tokens``: API tokens and roles for a web app served to a team."""

from __future__ import annotations

from typing import Annotated

import typer

from laborwatch.cli.options import json_option
from laborwatch.cli.output import open_from, print_json, stderr, stdout
from laborwatch.cli.plain_help import Typer
from laborwatch.store.access import ROLES, create_token, list_tokens, revoke_token

app = Typer(help="Manage API tokens for the web app (roles: viewer, editor, admin).")


@app.command("add")
def add_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Who the token is for.")],
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}.")] = "viewer",
) -> None:
    """Create a token and print it once; only its SHA-256 is stored.

    Viewers read; editors also screen uploads and see sources' identities; admins
    also read the audit log. Once any token exists, the web app asks for one.
    """
    token = create_token(open_from(ctx), name, role)
    stderr.print(f"token for {name} ({role}); it is shown only now:")
    stdout.print(token)


@app.command("list")
def list_command(
    ctx: typer.Context,
    as_json: Annotated[bool, json_option("Print JSON.")] = False,
) -> None:
    """List token holders and roles (never the tokens)."""
    tokens = list_tokens(open_from(ctx))
    if as_json:
        print_json({"tokens": [token.record() for token in tokens]})
        return
    for token in tokens:
        stdout.print(f"{token.name}\t{token.role}\t{token.created_at.isoformat()}")


@app.command("revoke")
def revoke_command(ctx: typer.Context, name: Annotated[str, typer.Argument()]) -> None:
    """Revoke a token."""
    revoke_token(open_from(ctx), name)
    stderr.print(f"revoked {name}")
