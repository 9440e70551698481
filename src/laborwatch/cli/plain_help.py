"""``--help`` with the plain metavars of Unix usage lines: ``PATH...``, ``INTEGER``.

Typer 0.29 prints a Python type beside each parameter (``PATH <list[str]>``,
``--limit <int range>``) and braces around required arguments (``{PATH}...``).
Every command of the CLI is built from ``Typer`` below, whose commands and groups
rewrite those parts of the help; the rest (help text, defaults, ranges) is
Typer's own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, get_args

import typer

# Typer vendors click from 0.29; its context and formatter are typed there.
from typer._click import Context, HelpFormatter
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption
from typer.models import CommandFunctionType

# The words click gives its types.
_TYPE_WORDS: dict[Any, str] = {
    str: "TEXT",
    int: "INTEGER",
    float: "FLOAT",
    bool: "BOOLEAN",
    Path: "PATH",
}


def type_word(param: TyperArgument | TyperOption) -> str:
    """The value a parameter takes, as click names it: ``TEXT``, ``INTEGER``,
    ``[a|b]`` for a choice; a list's element type (repetition shows elsewhere)."""
    described = param.type_descriptor
    if described.choices is not None:
        return (
            "[" + "|".join(str(getattr(c, "value", c)) for c in described.choices) + "]"
        )
    if described.is_path:
        kind = described.path_type
        return {"file": "FILE", "dir": "DIRECTORY"}.get(kind, "PATH")
    annotation = described.annotation
    if described.is_list:
        (annotation,) = get_args(annotation)
    if described.is_tuple:
        return " ".join(_TYPE_WORDS.get(a, "TEXT") for a in get_args(annotation))
    if annotation is datetime:
        return "[" + "|".join(described.parameter_info.formats or ("DATETIME",)) + "]"
    return _TYPE_WORDS.get(annotation, getattr(annotation, "__name__", "TEXT").upper())


def argument_metavar(argument: TyperArgument) -> str:
    """``FILE``, ``PATH...``, ``[ID]``: its metavar or upper-cased name, bracketed
    when optional, dotted when it takes many (as click's usage lines show them)."""
    name = argument.metavar or (argument.name or "ARG").upper()
    if "[" in name or name.endswith("..."):
        return name  # written out in full where it is declared
    if not argument.required:
        name = f"[{name}]"
    if argument.nargs != 1 and not name.endswith("..."):
        name += "..."
    return name


def option_metavar(option: TyperOption) -> str:
    """The value an option takes: its metavar, else its type word."""
    if option.metavar is not None:
        return option.metavar
    word = type_word(option)
    return word + "..." if option.nargs != 1 else word


def _help_records(
    command: TyperCommand | TyperGroup, ctx: Context
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        name, text = record
        if isinstance(param, TyperArgument):
            arguments.append((argument_metavar(param), text))
            continue
        if isinstance(param, TyperOption) and not (param.is_flag or param.count):
            typed = f" {param.display_type_rich(ctx)}"
            name = name.replace(typed, f" {option_metavar(param)}")
        options.append((name, text))
    return arguments, options


def _format_options(
    command: TyperCommand | TyperGroup, ctx: Context, formatter: HelpFormatter
) -> None:
    arguments, options = _help_records(command, ctx)
    if arguments:
        with formatter.section("Arguments"):
            formatter.write_dl(arguments)
    if options:
        with formatter.section("Options"):
            formatter.write_dl(options)


def _usage_pieces(command: TyperCommand | TyperGroup, ctx: Context) -> list[str]:
    pieces = [command.options_metavar] if command.options_metavar else []
    for param in command.get_params(ctx):
        if isinstance(param, TyperArgument):
            pieces.append(argument_metavar(param))
        else:
            pieces.extend(param.get_usage_pieces(ctx))
    return pieces


class PlainCommand(TyperCommand):
    """A command whose help shows plain metavars."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return _usage_pieces(self, ctx)

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _format_options(self, ctx, formatter)


class PlainGroup(TyperGroup):
    """A group of commands whose help shows plain metavars."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return [*_usage_pieces(self, ctx), self.subcommand_metavar]

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        _format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)


class Typer(typer.Typer):
    """``typer.Typer`` whose groups and commands print plain metavars in help, and
    whose groups print their help when given no command."""

    def __init__(self, **settings: Any) -> None:
        settings.setdefault("cls", PlainGroup)
        settings.setdefault("no_args_is_help", True)
        super().__init__(**settings)

    def command(
        self, *args: Any, **settings: Any
    ) -> Callable[[CommandFunctionType], CommandFunctionType]:
        settings.setdefault("cls", PlainCommand)
        return super().command(*args, **settings)
