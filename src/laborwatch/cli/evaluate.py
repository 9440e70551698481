"""``laborwatch eval``: score extraction against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from laborwatch.cli.options import json_option
from laborwatch.cli.output import ProgressBar, print_json, stdout
from laborwatch.evaluation import evaluate, read_gold


def eval_command(
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD.jsonl", help="Gold annotations, one document a line."
        ),
    ],
    data_root: Annotated[
        Path,
        typer.Option(
            "--data-root",
            metavar="DIR",
            help="Folder the gold file's paths are relative to.",
        ),
    ],
    as_json: Annotated[bool, json_option("Print the figures as JSON.")] = False,
) -> None:
    """Score indicators (per document and sentence) and facts: places, goods, money,
    actors, victims and dates."""
    total = sum(1 for _ in read_gold(gold))
    with ProgressBar("Evaluating", total) as bar:
        report = evaluate(gold, data_root, on_document=bar.advance)
    figures = report.as_dict()
    if as_json:
        print_json(figures)
        return
    indicators = figures["indicators"]
    table = Table(
        "code",
        "doc P",
        "doc R",
        "doc F1",
        "sent P",
        "sent R",
        "sent F1",
        title=f"Indicators over {figures['documents']} documents",
        title_justify="left",
    )
    for code, scores in indicators["per_code"].items():
        d, s = scores["document"], scores["sentence"]
        table.add_row(
            code,
            *(f"{d[k]:.2f}" for k in ("precision", "recall", "f1")),
            *(f"{s[k]:.2f}" for k in ("precision", "recall", "f1")),
        )
    stdout.print(table)
    stdout.print(
        f"document macro-F1 {indicators['doc_macro_f1']:.3f}, "
        f"micro-F1 {indicators['doc_micro_f1']:.3f}; "
        f"sentence macro-F1 {indicators['sentence_macro_f1']:.3f}, "
        f"micro-F1 {indicators['sentence_micro_f1']:.3f}"
    )
    facts = Table(
        "fact",
        "precision",
        "recall",
        "F1",
        title="Facts (micro over documents)",
        title_justify="left",
    )
    for kind in ("places", "goods", "money", "actors", "victims", "dates"):
        scores = figures[kind]
        if not scores["tp"] + scores["fp"] + scores["fn"]:
            # No gold of this kind and nothing found (dates are optional in gold).
            facts.add_row(kind, "-", "-", "-")
            continue
        facts.add_row(
            kind, *(f"{scores[k]:.2f}" for k in ("precision", "recall", "f1"))
        )
    stdout.print(facts)
