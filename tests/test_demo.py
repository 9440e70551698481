import json
from pathlib import Path

from tests.conftest import run_cli


def test_demo_builds_a_fresh_database_from_bundled_samples(tmp_path: Path) -> None:
    result = run_cli("demo", "--path", str(tmp_path))
    assert result.returncode == 0, result.stderr
    database = tmp_path / "laborwatch-demo.db"
    assert database.exists()
    assert "The database holds 7 documents" in result.stdout
    assert "near-duplicate of" in result.stderr
    assert "passports" in result.stdout  # the sample search found sentences

    listed = json.loads(run_cli("--db", str(database), "docs", "list", "--json").stdout)
    types = {document["media_type"] for document in listed["documents"]}
    assert types == {
        "text/plain",
        "text/html",
        "text/markdown",
        "application/pdf",
        "application/jsonl",
    }


def test_demo_refuses_to_overwrite_an_existing_database(tmp_path: Path) -> None:
    (tmp_path / "laborwatch-demo.db").write_text("precious")
    result = run_cli("demo", "--path", str(tmp_path))
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert (tmp_path / "laborwatch-demo.db").read_text() == "precious"
