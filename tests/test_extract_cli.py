"""analyze, eval and reanalyze as a user runs them."""

import json
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from laborwatch.extract.pipeline import EXTRACTOR_VERSION
from tests.conftest import REPORTS, SHARED_DATA, run_cli


def test_analyze_json_has_the_documented_shape() -> None:
    result = run_cli("analyze", str(REPORTS / "article.html"), "--json")
    assert result.returncode == 0, result.stderr
    evidence = json.loads(result.stdout)
    for key in (
        "sentences",
        "actors",
        "places",
        "goods",
        "money",
        "victims",
        "sources",
        "denials",
        "incidents",
    ):
        assert isinstance(evidence[key], list), key
    flagged = [s for s in evidence["sentences"] if s["indicators"]]
    codes = {i["code"] for s in flagged for i in s["indicators"]}
    assert {"retained_documents", "violence"} <= codes
    for sentence in flagged:
        for indicator in sentence["indicators"]:
            assert set(indicator) >= {"code", "cue", "confidence"}


def test_analyze_report_highlights_evidence() -> None:
    result = run_cli("analyze", str(REPORTS / "kiln-report.txt"))
    assert result.returncode == 0, result.stderr
    assert "debt_bondage" in result.stdout
    assert "50,000 rupees" in result.stdout


def test_analyze_bad_input_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("analyze", str(tmp_path / "empty.txt"))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"Error: {tmp_path / 'empty.txt'}: empty document, skipped"
    )


def test_eval_scores_a_small_gold_file(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(
        "# SOURCE: written for the tests\nThe recruiter confiscated their passports.\n"
        "They were beaten by the guards.\n"
    )
    gold = {
        "id": "a",
        "file": "docs/a.txt",
        "sentences": [
            {
                "text": "The recruiter confiscated their passports.",
                "indicators": ["retained_documents"],
            }
        ],
        "indicators": ["retained_documents"],
        "actors": [],
        "places": [],
        "goods": [],
        "money": [],
        "victims": [],
    }
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    result = run_cli(
        "eval", str(tmp_path / "gold.jsonl"), "--data-root", str(tmp_path), "--json"
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    per_code = figures["indicators"]["per_code"]
    assert per_code["retained_documents"]["document"]["f1"] == 1.0
    assert per_code["violence"]["document"]["fp"] == 1  # found, but not in the gold
    # The sentence figure follows from what analyze finds, sentence by sentence.
    analysed = json.loads(
        run_cli("analyze", str(tmp_path / "docs" / "a.txt"), "--json").stdout
    )
    predicted = {
        (s["text"], i["code"]) for s in analysed["sentences"] for i in s["indicators"]
    }
    gold_pairs = {("The recruiter confiscated their passports.", "retained_documents")}
    true_positives = len(predicted & gold_pairs)
    expected = 2 * true_positives / (len(predicted) + len(gold_pairs))
    assert figures["indicators"]["sentence_micro_f1"] == pytest.approx(
        expected, abs=1e-3
    )
    for key in ("doc_macro_f1", "doc_micro_f1"):
        assert key in figures["indicators"]
    for kind in ("places", "goods", "money", "actors"):
        assert "f1" in figures[kind]


def test_development_set_macro_f1_meets_the_bar() -> None:
    gold = SHARED_DATA / "eval" / "dev" / "gold.jsonl"
    if not gold.exists():
        pytest.skip(f"{gold} not found: the development set lives in ../shared/data")
    result = run_cli("eval", str(gold), "--data-root", str(SHARED_DATA), "--json")
    figures = json.loads(result.stdout)
    # A guard against breakage, not a target: the classifier is chosen by
    # cross-validation on training/ and never tuned to this set, and on its 24
    # documents one stray code moves macro-F1 by about 0.06. The release's figure,
    # beside the cross-validated one, is in docs/evaluation.md.
    assert figures["indicators"]["doc_macro_f1"] >= 0.75
    assert figures["indicators"]["doc_micro_f1"] >= 0.85


def test_reanalyze_replaces_out_of_date_evidence(database_url: str) -> None:
    run_cli("--db", database_url, "ingest", str(REPORTS))
    engine = create_engine(database_url)
    with engine.begin() as connection:
        before = connection.scalar(text("SELECT count(*) FROM indicators"))
        connection.execute(text("UPDATE analyses SET extractor_version = '0'"))
        connection.execute(text("DELETE FROM indicators"))
    result = run_cli("--db", database_url, "reanalyze", "--json")
    assert json.loads(result.stdout)["analysed"] == 8
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM indicators")) == before
        versions = set(
            connection.scalars(text("SELECT extractor_version FROM analyses"))
        )
    engine.dispose()
    assert versions == {EXTRACTOR_VERSION}
    again = json.loads(run_cli("--db", database_url, "reanalyze", "--json").stdout)
    assert again == {
        "extractor_version": EXTRACTOR_VERSION,
        "analysed": 0,
        "up_to_date": 8,
    }
