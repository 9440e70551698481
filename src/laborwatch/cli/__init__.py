"""The ``laborwatch`` command: a thin shell over the library's functions."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from typing import Annotated

import typer
from rich.markup import escape

from laborwatch.cli import docs
from laborwatch.cli import feeds as feeds_cli
from laborwatch.cli import lists as lists_cli
from laborwatch.cli.analyze import analyze_command
from laborwatch.cli.demo import demo_command
from laborwatch.cli.evaluate import eval_command
from laborwatch.cli.export import export_command
from laborwatch.cli.incidents import incidents_command
from laborwatch.cli.ingest import ingest_command
from laborwatch.cli.match import match_command
from laborwatch.cli.output import stderr
from laborwatch.cli.plain_help import Typer
from laborwatch.cli.reanalyze import reanalyze_command
from laborwatch.cli.risk import risk_areas_command
from laborwatch.cli.screen import screen_command, screenings_app
from laborwatch.cli.serve import serve_command
from laborwatch.cli.tokens import app as tokens_app
from laborwatch.cli.watch import watch_command
from laborwatch.errors import LaborwatchError
from laborwatch.settings import Settings, database_url
from laborwatch.version import __version__

app = Typer(
    name="laborwatch",
    help="Turn reports of forced and child labour into sourced evidence.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"laborwatch {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database URL or SQLite file path. Overrides LABORWATCH_DB.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Print the version.",
        ),
    ] = False,
) -> None:
    """Turn reports of forced and child labour into sourced evidence."""
    settings = Settings.from_env()
    if db:
        settings = replace(settings, database_url=database_url(db))
    ctx.obj = settings


app.command("ingest", no_args_is_help=True)(ingest_command)
app.command("analyze", no_args_is_help=True)(analyze_command)
app.command("reanalyze")(reanalyze_command)
app.add_typer(feeds_cli.app, name="feeds")
app.add_typer(docs.app, name="docs")
app.add_typer(lists_cli.app, name="lists")
app.command("match", no_args_is_help=True)(match_command)
app.command("screen", no_args_is_help=True)(screen_command)
app.add_typer(screenings_app, name="screenings")
app.command("risk-areas")(risk_areas_command)
app.command("incidents")(incidents_command)
app.command("export", no_args_is_help=True)(export_command)
app.command("watch")(watch_command)
app.command("serve")(serve_command)
app.add_typer(tokens_app, name="tokens")
app.command("eval", no_args_is_help=True)(eval_command)
app.command("demo")(demo_command)


def main() -> None:
    """Run the CLI; a LaborwatchError becomes one line on stderr and exit status 1."""
    try:
        app()
    except LaborwatchError as err:
        # The message is data (file names, list sections): never read as markup.
        stderr.print(
            f"[red]Error:[/red] {escape(str(err))}", highlight=False, soft_wrap=True
        )
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        stderr.print("Interrupted.")
        raise SystemExit(130) from None
    except BrokenPipeError:
        # The reader went away (``laborwatch docs list | head``): nothing to say,
        # and nothing more to flush into the closed pipe at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    except OSError as err:
        # A disk that fills up, a device that fails: one line, not a traceback.
        where = f"{err.filename}: " if err.filename else "cannot write the output: "
        stderr.print(
            f"[red]Error:[/red] {escape(where + (err.strerror or str(err)))}",
            highlight=False,
            soft_wrap=True,
        )
        raise SystemExit(1) from None
