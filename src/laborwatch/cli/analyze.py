"""``laborwatch analyze``: the evidence in one file, as a report or as JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from laborwatch.cli.options import json_option
from laborwatch.cli.output import print_json, settings_from, stderr, stdout
from laborwatch.documents import Document
from laborwatch.errors import LaborwatchError
from laborwatch.extract.evidence import Evidence, Indicator
from laborwatch.extract.pipeline import analyze
from laborwatch.ingest import Problem, discover, read_source
from laborwatch.ingest.sources import SourceFile
from laborwatch.records import distinct_fact_records, evidence_record
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
        bool, json_option("Print the evidence as JSON (see docs/cli.md).")
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


def _money_value(money: dict[str, Any]) -> str:
    top = money.get("amount_max")
    amount = f"{money['amount']:,.0f}" + (f"–{top:,.0f}" if top else "")
    return (
        f"{amount} {money['currency'] or '?'} "
        f"per {money['period'] or '-'}, {money['kind']}"
    )


# Each kind of fact: its key in Evidence, its label, and the value shown.
_FACT_ROWS: tuple[tuple[str, str, Callable[[dict[str, Any]], str]], ...] = (
    ("actors", "actor", lambda a: f"{a['kind']}, {a['role'] or 'role not stated'}"),
    (
        "places",
        "place",
        lambda p: (
            (p["subdivision"] or p["country"])
            + (f", {p['role']}" if p.get("role") else "")
        ),
    ),
    (
        "goods",
        "good",
        lambda g: f"{g['good']} (HS {g['hs']})" if g["hs"] else g["good"],
    ),
    ("money", "money", _money_value),
    ("victims", "victims", lambda v: "minor" if v["minor"] else ""),
    ("dates", "date", lambda d: f"{d['value'] or ''} {d.get('kind') or ''}".strip()),
    ("sources", "source", lambda s: s["outlet"] or ""),
    ("denials", "denial", lambda d: d["by"] or ""),
)


def print_report(document: Document, evidence: Evidence) -> None:
    stdout.print(
        f"[bold]{escape(document.title or document.source)}[/bold]"
        f"  [dim]{document.id[:12]}[/dim]"
    )
    print_evidence(document, evidence)


def print_evidence(document: Document, evidence: Evidence) -> None:
    """The indicators, each evidence sentence with its cues highlighted and its
    codes, and a table of the facts, each once with its count of mentions."""
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
    facts = Table(
        "fact", "text", "value", "mentions", title="Facts", title_justify="left"
    )
    evidence_sentences = set(by_sentence)
    for kind, label, describe in _FACT_ROWS:
        facts_of_kind = getattr(evidence, kind)
        for fact in distinct_fact_records(kind, facts_of_kind, evidence_sentences):
            facts.add_row(
                label,
                escape(fact.get("text") or fact.get("name") or ""),
                escape(describe(fact)),
                str(fact["count"]),
            )
    stdout.print()
    stdout.print(facts)
