"""``laborwatch match``: look names up in the loaded lists."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from laborwatch.cli.options import checked_country, checked_date, json_option
from laborwatch.cli.output import open_from, print_json, stdout
from laborwatch.errors import LaborwatchError
from laborwatch.inputs import read_text
from laborwatch.match import DEFAULT_THRESHOLD, Hit, Matcher, Query
from laborwatch.screen.suppliers import fold_header
from laborwatch.store.lists import load_entries


def match_command(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(metavar="[NAME]", help="A name to look up.")
    ] = None,
    names_file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            metavar="NAMES",
            help="Names to look up: one a line, or a CSV with a name column "
            "(and optional schema, country, birth_date, identifier and address "
            "columns).",
        ),
    ] = None,
    schema: Annotated[
        str | None, typer.Option(help="Person, Organization, Company, Vessel, ...")
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(
            help="Country: ISO 3166 alpha-2 code or name (counts for or against)."
        ),
    ] = None,
    birth_date: Annotated[
        str | None,
        typer.Option(
            help="A person's birth date or year: more than a year apart from the "
            "entry's counts against it."
        ),
    ] = None,
    identifier: Annotated[
        list[str] | None,
        typer.Option(
            help="An identifier (registration, tax, IMO, passport number) of five "
            "characters or more; one the entry lists makes a match. Repeatable."
        ),
    ] = None,
    address: Annotated[
        str | None, typer.Option(help="An address, compared with the entry's.")
    ] = None,
    threshold: Annotated[
        float,
        typer.Option(min=0, max=1, help="Lowest score reported."),
    ] = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option(min=1, help="Most hits per name.")] = 5,
    as_json: Annotated[
        bool, json_option("Print JSON; with --file, one object a line.")
    ] = False,
) -> None:
    """Find loaded list entries for a name, with a score and the reasons for it.

    A name is also read in other ways: Hangul in McCune–Reischauer, Revised
    Romanization and English translation (군수공업부, Munitions Industry Department);
    romanised Korean in translation; Cyrillic, Arabic, Persian and Chinese
    transliterated; an acronym in brackets on its own. Korean spellings (Taesong,
    Daesong, Daesung) count as the same name; abbreviations (GEN., INT'L, MFG) as
    their words.
    """
    if (name is None) == (names_file is None):
        raise typer.BadParameter("give a NAME or --file NAMES, not both")
    if country is not None:
        checked_country("--country", country)
    checked_date("--birth-date", birth_date)
    if names_file is not None:
        queries = read_queries(names_file)
    else:
        queries = [
            Query(
                name or "",
                schema,
                country,
                birth_date=birth_date,
                address=address,
                identifiers=tuple(identifier or ()),
            )
        ]
    database = open_from(ctx)
    entries = load_entries(database)
    if not entries:
        raise LaborwatchError(
            f"{database.url}: no lists loaded (laborwatch lists load FILE)"
        )
    matcher = Matcher(entries)
    for query in queries:
        hits = matcher.match(query, limit=limit, threshold=threshold)
        record = {
            "query": dataclasses.asdict(query),
            "hits": [hit.record() for hit in hits],
        }
        if as_json and names_file is not None:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif as_json:
            print_json(record)
        else:
            print_hits(query, hits)


def read_queries(path: Path) -> list[Query]:
    text = read_text(path, encoding="utf-8-sig")
    first = text.split("\n", 1)[0].lower()
    if path.suffix.lower() == ".csv" or "name" in [c.strip() for c in first.split(",")]:
        reader = csv.DictReader(io.StringIO(text))
        fields = [fold_header(f) for f in reader.fieldnames or []]
        if "name" not in fields:
            raise LaborwatchError(
                f"{path}:1: no 'name' column (found: {', '.join(fields)})"
            )
        queries = []
        # Rows numbered as records, the header 1, as a spreadsheet and `screen` do.
        for number, row in enumerate(reader, start=2):
            # Headers folded as supplier files' are: "Birth Date", "birth-date".
            row = {fold_header(k): (v or "").strip() for k, v in row.items() if k}
            where = f"{path}:{number}:"
            if row.get("country"):
                checked_country(f"{where} country", row["country"])
            checked_date(f"{where} birth date", row.get("birth date") or None)
            queries.append(
                Query(
                    row["name"],
                    row.get("schema") or None,
                    row.get("country") or None,
                    birth_date=row.get("birth date") or None,
                    address=row.get("address") or None,
                    identifiers=(row["identifier"],) if row.get("identifier") else (),
                )
            )
        return queries
    return [Query(line.strip()) for line in text.splitlines() if line.strip()]


def print_hits(query: Query, hits: list[Hit]) -> None:
    stdout.print(f"[bold]{escape(query.name)}[/bold]")
    if not hits:
        stdout.print("  no match at or above the threshold")
        return
    table = Table("score", "list", "id", "entry", "matched name", "why")
    for hit in hits:
        table.add_row(
            f"{hit.score:.2f}",
            hit.list_id,
            hit.entry_id,
            escape(hit.caption),
            escape(hit.matched_name),
            escape(explain(hit)),
        )
    stdout.print(table)


def explain(hit: Hit) -> str:
    """The features in words: "taesong~daesong (romanisation); country conflict"."""
    parts = []
    for feature in hit.features:
        if feature.name == "name":
            pairs = ", ".join(
                f"{p['query']}={p['list']}"
                if p["how"] == "exact"
                else f"{p['query']}~{p['list']} ({p['how']})"
                for p in feature.detail["pairs"]
            )
            parts.append(pairs)
        elif feature.name == "reading":
            parts.append(f"read as {feature.detail['read']} ({feature.detail['how']})")
        elif feature.name == "initials":
            parts.append(f"{feature.detail['acronym'].upper()}: initials of the name")
        elif feature.name != "hangul":  # the same as "reading", kept for scripts
            parts.append(feature.name)
    return "; ".join(parts)
