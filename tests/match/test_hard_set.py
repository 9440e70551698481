"""The hard name set (benchmarks/data/match_hard) as a guard against regressions:
the figures docs/evaluation.md reports, less a margin. The benchmark prints them."""

import sys
from pathlib import Path

import pytest

from tests.conftest import SHARED_DATA

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def hard() -> tuple[object, object]:
    if not (SHARED_DATA / "lists" / "ofac_sdn_2024-05-03").exists():
        pytest.skip(f"{SHARED_DATA}: the list snapshots live there")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import match_hard
    finally:
        sys.path.remove(str(BENCHMARKS))
    return match_hard, match_hard.laborwatch_ranker(match_hard.load_entries())


@pytest.mark.parametrize(
    ("split", "recall", "alarms"), [("tune", 0.95, 0.01), ("fresh", 0.86, 0.015)]
)
def test_hard_set_recall_and_false_alarms(
    hard: tuple[object, object], split: str, recall: float, alarms: float
) -> None:
    module, rank = hard
    cases = [case for case in module.load_cases() if case.split == split]  # type: ignore[attr-defined]
    figures, _, _ = module.evaluate(rank, cases, 0.65)  # type: ignore[attr-defined]
    assert figures["recall@1"] >= recall
    assert figures["false alarms"] <= alarms
