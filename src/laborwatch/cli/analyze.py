"""``laborwatch analyze``: the evidence in one file, as a report or as JSON."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from laborwatch.cli.output import print_json, settings_from, stderr, stdout
from laborwatch.documents import Document
from laborwatch.errors import LaborwatchError
from laborwatch.extract.evidence import Evidence, Indicator
from laborwatch.extract.pipeline import analyze
from laborwatch.ingest import Problem, discover, read_source
from laborwatch.ingest.sources import SourceFile
from laborwatch.records import evidence_record
from laborwatch.settings import Settings


def analyze_command(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(
            metavar="FILE", help="A report to analyse; - reads standard input."
        ),
    ],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the evidence as JSON (see docs/cli.md)."),
    ] = False,
) -> None:
    """Extract the evidence in one file, without storing it.

    Prints each sentence that carries an indicator, highlighted, and the facts found:
    actors, places, goods, money, victims, sources, denials and incidents.
    """
    documents = list(_read(path, settings_from(ctx)))
    if len(documents) > 1 and as_json:
        # A feed: one JSON object per document, one per line.
        for document in documents:
            sys.stdout.write(
                json.dumps(
                    evidence_record(analyze(document), document), ensure_ascii=False
                )
                + "\n"
            )
        return
    for document in documents:
        evidence = analyze(document)
        if as_json:
            print_json(evidence_record(evidence, document))
        else:
            print_report(document, evidence)


def _read(path: str, settings: Settings) -> list[Document]:
    found = list(discover([path]))
    if len(found) != 1 or not isinstance(found[0], SourceFile):
        problem = found[0] if found and isinstance(found[0], Problem) else None
        raise LaborwatchError(str(problem) if problem else f"{path}: not a single file")
    documents = []
    for result in read_source(found[0], settings):
        if isinstance(result, Problem):
            raise LaborwatchError(str(result))
        documents.append(result)
    return documents


_CODE_STYLE = "bold magenta"


def print_report(document: Document, evidence: Evidence) -> None:
    stdout.print(
        f"[bold]{escape(document.title or document.source)}[/bold]"
        f"  [dim]{document.id[:12]}[/dim]"
    )
    if not evidence.analysed:
        stderr.print(
            f"{escape(document.source)}: not analysed: {escape(evidence.note or '')}"
        )
        return
    codes = sorted(evidence.codes())
    stdout.print(f"Indicators: {', '.join(codes) if codes else 'none found'}\n")
    by_sentence: dict[int, list[Indicator]] = {}
    for indicator in evidence.indicators:
        by_sentence.setdefault(indicator.span.sentence, []).append(indicator)
    for sentence in evidence.sentences:
        found = by_sentence.get(sentence.position)
        if not found:
            continue
        line = Text()
        cursor = sentence.start
        for indicator in sorted(found, key=lambda i: i.span.start):
            if indicator.span.start < cursor:
                continue
            line.append(document.text[cursor : indicator.span.start])
            line.append(
                document.text[indicator.span.start : indicator.span.end],
                style="bold yellow underline",
            )
            cursor = indicator.span.end
        line.append(document.text[cursor : sentence.end])
        tags = " ".join(f"[{i.code} {i.confidence:.2f}]" for i in found)
        stdout.print(Text(f"{sentence.position:>4} ", style="dim") + line)
        stdout.print(Text(f"     {tags}", style=_CODE_STYLE))
    facts = Table("fact", "text", "value", title="Facts", title_justify="left")
    for actor in evidence.actors:
        facts.add_row(
            "actor",
            escape(actor.name),
            f"{actor.kind}, {actor.role or 'role not stated'}",
        )
    for place in evidence.places:
        facts.add_row("place", escape(place.text), place.subdivision or place.country)
    for good in evidence.goods:
        facts.add_row(
            "good",
            escape(good.text),
            f"{good.good} (HS {good.hs})" if good.hs else good.good,
        )
    for money in evidence.money:
        facts.add_row(
            "money",
            escape(money.text),
            f"{money.amount:,.0f} {money.currency or '?'} "
            f"per {money.period or '-'}, {money.kind}",
        )
    for victim in evidence.victims:
        facts.add_row("victims", escape(victim.text), "minor" if victim.minor else "")
    for source in evidence.sources:
        facts.add_row("source", escape(source.speaker), escape(source.outlet or ""))
    for denial in evidence.denials:
        facts.add_row("denial", escape(denial.text), escape(denial.by or ""))
    stdout.print()
    stdout.print(facts)
