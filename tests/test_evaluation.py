"""evaluate(): money ranges, dates and victims scored as docs/evaluation.md says."""

import json
import os
from pathlib import Path

import pytest

from laborwatch.evaluation import evaluate
from tests.conftest import run_cli

TEXT = (
    "# SOURCE: written for the tests\n"
    "# DATE: 2024-02-20\n"
    "A worker told Daily NK on February 3 that the recruiter confiscated the "
    "passports of migrant workers, who earn $300-400 (£240-£320) a month.\n"
    "They worked there for six months.\n"
)


def _report(tmp_path: Path, **gold: object) -> dict[str, object]:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    record = {"id": "a", "file": "a.txt", "sentences": [], "indicators": [], **gold}
    (tmp_path / "gold.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    return evaluate(tmp_path / "gold.jsonl", tmp_path).as_dict()


def test_a_predicted_range_counts_as_its_two_ends_and_conversions_not(
    tmp_path: Path,
) -> None:
    figures = _report(
        tmp_path,
        money=[
            {"text": "$300-400", "amount": 300, "currency": "USD"},
            {"text": "$300-400", "amount": 400, "currency": "USD"},
        ],
    )
    assert figures["money"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "tp": 2,
        "fp": 0,
        "fn": 0,
    }


def test_dates_are_scored_by_value_with_the_year_of_the_date_header(
    tmp_path: Path,
) -> None:
    figures = _report(tmp_path, dates=[{"text": "February 3", "value": "2024-02-03"}])
    dates = figures["dates"]
    assert isinstance(dates, dict)
    # "six months" is a duration, not a date: nothing spurious.
    assert (dates["tp"], dates["fp"], dates["fn"]) == (1, 0, 0)


def test_victims_match_when_one_text_holds_the_other_one_to_one(
    tmp_path: Path,
) -> None:
    figures = _report(
        tmp_path,
        victims=[{"text": "Migrant Workers"}, {"text": "child soldiers"}],
    )
    victims = figures["victims"]
    assert isinstance(victims, dict)
    assert (victims["tp"], victims["fn"]) == (1, 1)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_gold_file_that_is_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "gold.jsonl"
    os.mkfifo(fifo)
    result = run_cli("eval", str(fifo), "--data-root", str(tmp_path), timeout=60)
    assert (result.returncode, result.stderr) == (
        1,
        f"Error: {fifo}: not a regular file\n",
    )
