"""The CLI as a user runs it: its exit status, stdout and stderr (through `run_cli`;
the tests of what a process does on its own, its version, its one-line errors and
a full disk, in a fresh ``python -m laborwatch``)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPORTS, run_cli


def ingest_json(database_url: str, *paths: str, input: bytes | None = None) -> dict:  # type: ignore[type-arg]
    result = run_cli("--db", database_url, "ingest", "--json", *paths, input=input)
    assert "Traceback" not in result.stderr
    return {"exit": result.returncode, **json.loads(result.stdout)}


def test_ingest_folder_prints_counts_and_exits_zero(database_url: str) -> None:
    result = run_cli("--db", database_url, "ingest", str(REPORTS))
    assert result.returncode == 0, result.stderr
    assert "8 ingested, 0 duplicate, 0 skipped, 0 failed" in result.stderr
    again = run_cli("--db", database_url, "ingest", str(REPORTS))
    assert again.returncode == 0
    assert "0 ingested, 8 duplicate" in again.stderr
    assert "already stored as" in again.stderr


def test_ingest_json_lists_each_outcome(database_url: str) -> None:
    output = ingest_json(
        database_url, str(REPORTS / "kiln-report.txt"), str(REPORTS / "feed.jsonl")
    )
    assert output["exit"] == 0
    assert output["summary"] == {
        "ingested": 3,
        "duplicate": 0,
        "skipped": 0,
        "failed": 0,
    }
    locations = [event["location"] for event in output["events"]]
    assert locations[1:] == [
        f"{REPORTS / 'feed.jsonl'}:1",
        f"{REPORTS / 'feed.jsonl'}:2",
    ]
    assert all(len(event["document_id"]) == 64 for event in output["events"])


def test_failed_input_sets_exit_status_one_line_per_problem(
    database_url: str, tmp_path: Path
) -> None:
    shutil.copy(FIXTURES / "encrypted.pdf", tmp_path / "locked.pdf")
    shutil.copy(REPORTS / "kiln-report.txt", tmp_path / "kiln.txt")
    result = run_cli(
        "--db", database_url, "ingest", str(tmp_path), str(tmp_path / "missing.txt")
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line.strip() for line in result.stderr.strip().splitlines()]
    assert (
        f"failed  {tmp_path / 'locked.pdf'}: encrypted PDF (needs a password)" in lines
    )
    assert f"failed  {tmp_path / 'missing.txt'}: no such file or folder" in lines
    assert lines[-1] == "1 ingested, 0 duplicate, 0 skipped, 2 failed"


def test_skipped_inputs_alone_do_not_fail(database_url: str, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("--db", database_url, "ingest", str(tmp_path / "empty.txt"))
    assert result.returncode == 0
    assert "empty document, skipped" in result.stderr


def test_size_limit_from_environment(database_url: str) -> None:
    result = run_cli(
        "--db",
        database_url,
        "ingest",
        str(REPORTS / "two-pages.pdf"),
        env={"LABORWATCH_MAX_FILE_MB": "0.001"},
    )
    assert (
        "1.98 KB, over the 1.02 KB limit (LABORWATCH_MAX_FILE_MB), skipped"
        in result.stderr
    )


def test_standard_input_is_sniffed(database_url: str) -> None:
    text = ingest_json(
        database_url, "-", input=(REPORTS / "kiln-report.txt").read_bytes()
    )
    assert text["events"][0]["location"] == "<stdin>"
    assert text["events"][0]["title"] == "Kiln workers paid in debt"
    pdf = ingest_json(database_url, "-", input=(REPORTS / "two-pages.pdf").read_bytes())
    assert pdf["events"][0]["title"] == "Kiln workers' accounts"
    feed = ingest_json(database_url, "-", input=(REPORTS / "feed.jsonl").read_bytes())
    assert [e["location"] for e in feed["events"]] == ["<stdin>:1", "<stdin>:2"]


def test_docs_list_show_and_search_json(database_url: str) -> None:
    ingest_json(database_url, str(REPORTS))
    listed = json.loads(run_cli("--db", database_url, "docs", "list", "--json").stdout)
    assert len(listed["documents"]) == 8
    pdf = next(d for d in listed["documents"] if d["media_type"] == "application/pdf")
    assert set(pdf) >= {
        "id",
        "title",
        "published",
        "language",
        "sentences",
        "source",
        "ingested_at",
    }

    shown = json.loads(
        run_cli("--db", database_url, "docs", "show", pdf["id"][:10], "--json").stdout
    )
    assert shown["id"] == pdf["id"]
    assert len(shown["page_starts"]) == 2
    assert [s["page"] for s in shown["sentences"]] == [1, 1, 2, 2]
    for sentence in shown["sentences"]:
        assert shown["text"][sentence["start"] : sentence["end"]] == sentence["text"]
    assert shown["locations"][0]["relation"] == "original"

    found = json.loads(
        run_cli(
            "--db", database_url, "docs", "search", "passports", "--sentences", "--json"
        ).stdout
    )
    assert found["query"] == "passports"
    assert {hit["title"] for hit in found["hits"]} == {
        "Fishers held at sea",
        "Recruiters took the workers' passports at the airport.",
    }
    for hit in found["hits"]:
        start, end = hit["highlights"][0]
        assert hit["snippet"][start:end].lower() == "passports"


def test_docs_show_human_output(database_url: str) -> None:
    ingest_json(database_url, str(REPORTS / "article.html"))
    listed = json.loads(run_cli("--db", database_url, "docs", "list", "--json").stdout)
    result = run_cli("--db", database_url, "docs", "show", listed["documents"][0]["id"])
    assert result.returncode == 0
    assert "Fishers held at sea" in result.stdout
    assert "https://gazette.example.com/2024/07/fishers-held-at-sea" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["docs", "show", "abcdef12"], "Error: abcdef12: no such document"),
        (["docs", "search", "--", "-cocoa"], "a search needs at least one word"),
        (
            ["--db", "nosuchdb://x", "docs", "list"],
            "Error: nosuchdb://x: unsupported database",
        ),
        (
            ["--db", "/proc/forbidden/x.db", "docs", "list"],
            "cannot create database folder",
        ),
    ],
)
def test_user_errors_are_one_line_without_traceback(
    database_url: str, args: list[str], message: str
) -> None:
    full = args if args[0] == "--db" else ["--db", database_url, *args]
    result = run_cli(*full, subprocess_only=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_version() -> None:
    from laborwatch.version import __version__

    result = run_cli("--version", subprocess_only=True)
    assert result.stdout.strip() == f"laborwatch {__version__}"


def test_a_hostile_feed_fails_record_by_record_and_stores_the_rest(
    database_url: str, tmp_path: Path
) -> None:
    feed = tmp_path / "hostile.jsonl"
    feed.write_bytes(
        b"\n".join(
            [
                b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                b'{"text": "x", "n": ' + b"9" * 5_000 + b"}",
                b'{"text": "Wages were withheld \\ud800 for months.",'
                b' "title": "NUL \\u0000 and \\udfff in a title"}',
                b'{"text": "Their passports were confiscated on arrival."}',
            ]
        )
    )
    result = run_cli("--db", database_url, "ingest", str(feed), "--json")
    assert "Traceback" not in result.stderr
    output = json.loads(result.stdout)
    assert output["summary"] == {
        "ingested": 2,
        "duplicate": 0,
        "skipped": 0,
        "failed": 2,
    }
    listed = json.loads(run_cli("--db", database_url, "docs", "list", "--json").stdout)
    titles = {d["title"] for d in listed["documents"]}
    assert "NUL and \ufffd in a title" in titles


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_on_stdout_is_one_line_not_a_traceback(database_url: str) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "laborwatch", "--db", database_url, "docs",
             "list", "--json"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
            timeout=120,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: cannot write the output: No space left on device"
    )
