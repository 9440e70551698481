"""The indicator training sources hold no development or held-out document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
TRAINING = ROOT / "training"

# A made-up report, long enough for many 8-word shingles.
REPORT = " ".join(
    f"In district {n} the brick kiln owner kept the workers' identity papers "
    f"and paid them {n} rupees less each week than promised."
    for n in range(30)
)


@pytest.fixture(scope="module")
def guard() -> ModuleType:
    sys.path.insert(0, str(SCRIPTS))
    try:
        import training_guard
    finally:
        sys.path.remove(str(SCRIPTS))
    return training_guard


def write_data(folder: Path) -> Path:
    """A data folder with one development document and one held-out name."""
    (folder / "eval" / "dev").mkdir(parents=True)
    (folder / "corpus").mkdir()
    (folder / "corpus" / "kilns.txt").write_text(
        "# SOURCE: https://example.org/kilns\n\n" + REPORT, encoding="utf-8"
    )
    gold = {"id": "kilns", "file": "corpus/kilns.txt", "sentences": []}
    (folder / "eval" / "dev" / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    (folder / "eval" / "HELDOUT.txt").write_text(
        "# held out\ncorpus/state_dept/secret__tip_2030.txt\n"
    )
    return folder


def write_source(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    header = f"# SOURCE: https://example.com/{name}\n# YEAR: 2024\n\n"
    path.write_text(header + text, encoding="utf-8")
    return path


def test_guard_finds_a_development_document_under_another_name(
    guard: ModuleType, tmp_path: Path
) -> None:
    data = write_data(tmp_path / "data")
    # The same report with other quotes and line breaks, and a paragraph of its own.
    copy = REPORT.replace("workers'", "workers’").replace(". ", ".\n")
    copy = copy + " " + "An unrelated closing paragraph about something else. " * 3
    sources = [
        write_source(tmp_path / "sources", "copy.txt", copy),
        write_source(tmp_path / "sources", "other.txt", "A different text. " * 40),
    ]
    leaks = guard.find_leaks(sources, data)
    assert [(leak.source.name, leak.evaluation_file) for leak in leaks] == [
        ("copy.txt", "corpus/kilns.txt")
    ]


def test_guard_finds_a_held_out_file_by_name(guard: ModuleType, tmp_path: Path) -> None:
    data = write_data(tmp_path / "data")
    source = write_source(tmp_path / "sources", "secret__tip_2030.txt", "Short text.")
    leaks = guard.find_leaks([source], data)
    assert [leak.evaluation_file for leak in leaks] == [
        "corpus/state_dept/secret__tip_2030.txt"
    ]


def test_build_refuses_a_development_document_in_one_line(tmp_path: Path) -> None:
    data = write_data(tmp_path / "data")
    write_source(tmp_path / "sources", "copy.txt", REPORT)
    out = tmp_path / "pool.jsonl"
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPTS / "build_training_pool.py"),
            "--data",
            str(data),
            "--sources",
            str(tmp_path / "sources"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""},
    )
    assert result.returncode == 1
    message = result.stderr.strip()
    assert "\n" not in message
    assert "copy.txt" in message and "corpus/kilns.txt" in message
    assert not out.exists() and not out.with_name("pool-sources.jsonl").exists()


def test_the_only_sources_that_repeat_development_documents_are_recorded(
    guard: ModuleType,
) -> None:
    if not (SHARED_DATA / "eval" / "dev" / "gold.jsonl").exists():
        pytest.skip(f"{SHARED_DATA} not found: the development set lives there")
    sources = sorted((TRAINING / "sources").glob("*.txt"))
    sources += sorted((TRAINING / "pending" / "sources").glob("*.txt"))
    assert len(sources) > 400
    found = {
        (leak.source.name, leak.evaluation_file)
        for leak in guard.find_leaks(sources, SHARED_DATA)
    }
    # No new overlap, and no recorded one that is no longer true.
    assert found == guard.known_overlaps(TRAINING / "known_overlaps.tsv")


def test_a_recorded_overlap_does_not_stop_the_build(
    guard: ModuleType, tmp_path: Path
) -> None:
    data = write_data(tmp_path / "data")
    copy = write_source(tmp_path / "sources", "copy.txt", REPORT)
    known = tmp_path / "known.tsv"
    known.write_text("source\tdevelopment document\ncopy.txt\tcorpus/kilns.txt\n")
    assert guard.new_leaks([copy], data, known) == []
    assert len(guard.new_leaks([copy], data, tmp_path / "none.tsv")) == 1


def test_the_gathered_sources_split_as_they_were_annotated(tmp_path: Path) -> None:
    """The pool's sentences, and so the labels that name them by position, come
    back the same from the sources with today's splitter: the shipped model
    rebuilds exactly. Checked on the sources whose text holds brackets, where the
    splitter's later joining of bracketed insertions would move them."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        import build_training_pool
    finally:
        sys.path.remove(str(SCRIPTS))
    bracketed = [
        path
        for path in sorted((TRAINING / "sources").glob("*.txt"))
        if "[" in path.read_text(encoding="utf-8")
    ][:12]
    assert bracketed
    for path in bracketed:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    rebuilt = {
        row["id"]: row["text"] for row in build_training_pool.source_rows(tmp_path)
    }
    pooled = {
        row["id"]: row["text"]
        for line in (TRAINING / "pool-sources.jsonl").read_text().splitlines()
        if (row := json.loads(line))["id"] in rebuilt
    }
    assert rebuilt == pooled


def test_cross_validation_groups_join_documents_that_share_a_sentence() -> None:
    """A sentence repeated in two documents (one country's yearly reports) must put
    both documents on one side of every fold; a shared heading must not."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        from cv_groups import joined_by_shared_sentences
    finally:
        sys.path.remove(str(SCRIPTS))
    repeated = "Employers confiscate the passports of domestic workers on arrival."
    groups = joined_by_shared_sentences(
        ["tip2013", "tip2013", "tip2014", "cocoa", "cocoa", "synthetic:0"],
        [
            repeated,
            "Child labor in agriculture",
            repeated.upper().rstrip("."),
            "Child labor in agriculture",
            "Children carry cocoa pods on the farms near the border.",
            repeated,
        ],
    )
    assert groups[0] == groups[1] == groups[2]
    assert groups[3] == groups[4] == "cocoa"
    assert groups[5] == "synthetic:0"
