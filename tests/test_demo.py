import json
from pathlib import Path

from tests.conftest import run_cli


def test_demo_builds_a_fresh_database_from_bundled_samples(tmp_path: Path) -> None:
    result = run_cli("demo", "--no-serve", "--path", str(tmp_path))
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
    result = run_cli("demo", "--no-serve", "--path", str(tmp_path))
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert (tmp_path / "laborwatch-demo.db").read_text() == "precious"


def test_demo_screens_the_sample_suppliers_and_writes_packs(tmp_path: Path) -> None:
    result = run_cli("demo", "--no-serve", "--path", str(tmp_path / "demo.db"))
    assert result.returncode == 0, result.stderr
    assert "Screening the sample suppliers" in result.stdout
    assert "CAATSA section 321(b)" in result.stdout
    packs = tmp_path / "demo-evidence-packs"
    assert sorted(p.suffix for p in packs.iterdir()) == [".html"] * 5 + [".pdf"] * 5
    listed = json.loads(
        run_cli(
            "--db", str(tmp_path / "demo.db"), "screenings", "list", "--json"
        ).stdout
    )
    assert listed["screenings"][0]["summary"]["rows"] == 6
