"""``docs search`` narrowed by facets and ``docs show`` with the stored evidence,
run as a user runs them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ENGINES, empty_database, run_cli

# Three reports written for these tests, as a JSON Lines feed (dates and places
# the facets narrow by).
FEED = [
    {
        "title": "Children on cocoa farms in Ghana",
        "text": "Children as young as ten carried heavy loads of cocoa pods on farms"
        " in Ghana. Written for the laborwatch tests.",
        "published": "2023-01-10",
    },
    {
        "title": "Cocoa wages withheld in Ivory Coast",
        "text": "Children as young as twelve harvested cocoa in Côte d'Ivoire, and the"
        " farm owner withheld their wages for months. Written for the laborwatch"
        " tests.",
        "published": "2024-06-01",
    },
    {
        "title": "Mica pickers in India",
        "text": "Girls as young as eight pick mica in abandoned mines in Jharkhand,"
        " India. Written for the laborwatch tests.",
        "published": "2024-03-05",
    },
]


@pytest.fixture(scope="module", params=ENGINES)
def stored(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    """A database holding the feed, and the feed's path."""
    folder = tmp_path_factory.mktemp("docs")
    feed = folder / "feed.jsonl"
    feed.write_text("".join(json.dumps(record) + "\n" for record in FEED))
    with empty_database(request.param, folder) as url:
        result = run_cli("--db", url, "ingest", str(feed))
        assert result.returncode == 0, result.stderr
        yield url, feed


def search(url: str, *args: str) -> dict[str, Any]:
    result = run_cli("--db", url, "docs", "search", *args, "--json")
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def titles(found: dict[str, Any]) -> set[str]:
    return {hit["title"] for hit in found["hits"]}


def test_search_narrows_by_country_code_or_name(stored: tuple[str, Path]) -> None:
    url, _ = stored
    assert titles(search(url, "children", "--country", "GH")) == {
        "Children on cocoa farms in Ghana"
    }
    assert titles(search(url, "children", "--country", "Côte d'Ivoire")) == {
        "Cocoa wages withheld in Ivory Coast"
    }


def test_search_narrows_by_good_and_dates(stored: tuple[str, Path]) -> None:
    url, _ = stored
    assert titles(search(url, "young", "--good", "mica")) == {"Mica pickers in India"}
    assert titles(search(url, "young", "--since", "2024")) == {
        "Cocoa wages withheld in Ivory Coast",
        "Mica pickers in India",
    }
    # A month includes its days.
    assert titles(search(url, "young", "--until", "2024-03")) == {
        "Children on cocoa farms in Ghana",
        "Mica pickers in India",
    }
    found = search(url, "young", "--since", "2024-01", "--until", "2024-05")
    assert titles(found) == {"Mica pickers in India"}
    assert found["filters"] == {
        "published_from": "2024-01",
        "published_to": "2024-05",
    }


def test_repeated_indicators_each_narrow(stored: tuple[str, Path]) -> None:
    url, _ = stored
    assert titles(search(url, "cocoa", "--indicator", "child_labour")) == {
        "Children on cocoa farms in Ghana",
        "Cocoa wages withheld in Ivory Coast",
    }
    both = search(
        url, "cocoa", "--indicator", "child_labour", "--indicator", "withheld_wages"
    )
    assert titles(both) == {"Cocoa wages withheld in Ivory Coast"}
    assert both["filters"]["indicator"] == ["child_labour", "withheld_wages"]


def test_sentence_hits_carry_date_country_and_their_indicators(
    stored: tuple[str, Path],
) -> None:
    url, _ = stored
    found = search(url, "wages", "--sentences")
    (hit,) = found["hits"]
    # The keys of before, and what a reader needs to judge the hit.
    assert set(hit) >= {"document_id", "title", "score", "snippet", "highlights"}
    assert hit["title"] == "Cocoa wages withheld in Ivory Coast"
    assert hit["published"] == "2024-06-01"
    assert hit["country"] == "CI"
    assert hit["countries"] == ["CI"]
    assert "withheld_wages" in hit["indicators"]
    assert hit["sentence_position"] == 0
    assert hit["text"].startswith("Children as young as twelve harvested cocoa")
    # The other sentence of the document carries no indicator.
    tests_sentence = search(url, '"laborwatch tests"', "--sentences", "--good", "mica")
    assert [h["indicators"] for h in tests_sentence["hits"]] == [[]]


def test_search_prints_title_date_country_and_codes(stored: tuple[str, Path]) -> None:
    url, _ = stored
    result = run_cli("--db", url, "docs", "search", "wages", "--sentences")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Cocoa wages withheld in Ivory Coast"
    assert lines[1].startswith("2024-06-01  CI  ")
    assert "withheld_wages" in lines[2].split()
    assert "farm owner withheld their wages" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--indicator", "slavery"], "--indicator slavery: no such indicator code"),
        (["--country", "Atlantis"], "--country Atlantis: not a country code or name"),
        (["--since", "2024-1-5"], "--since 2024-1-5: not a date"),
        (["--since", "2024-13"], "--since 2024-13: not a date"),
        (["--until", "2024-00"], "--until 2024-00: not a date"),
        (["--since", "2024-02-30"], "--since 2024-02-30: not a date"),
        (["--since", "0000"], "--since 0000: not a date"),
    ],
)
def test_search_refuses_unknown_facets_in_one_line(
    stored: tuple[str, Path], args: list[str], message: str
) -> None:
    url, _ = stored
    result = run_cli("--db", url, "docs", "search", "cocoa", *args)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"Error: {message}")


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--offset", "9223372036854775808"],
        ["search", "cotton", "--offset", "99999999999999999999"],
    ],
)
def test_an_offset_past_the_bound_is_a_one_line_range_error(
    stored: tuple[str, Path], args: list[str]
) -> None:
    url, _ = stored
    result = run_cli("--db", url, "docs", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert (
        "Error: Invalid value for '--offset': Input should be less than or equal to"
        " 1000000000" in result.stderr
    )


def _document_id(url: str, title: str) -> str:
    listed = json.loads(run_cli("--db", url, "docs", "list", "--json").stdout)
    return next(d["id"] for d in listed["documents"] if d["title"] == title)


def test_show_json_is_the_analyze_shape(
    stored: tuple[str, Path], tmp_path: Path
) -> None:
    url, _ = stored
    document_id = _document_id(url, "Cocoa wages withheld in Ivory Coast")
    shown = json.loads(
        run_cli("--db", url, "docs", "show", document_id[:8], "--json").stdout
    )
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps(FEED[1]) + "\n")
    analysed = json.loads(run_cli("analyze", str(one), "--json").stdout)
    for key, value in analysed.items():
        if key != "source":
            assert shown[key] == value, key
    assert "withheld_wages" in shown["indicators"]
    assert shown["sentences"][0]["indicators"][0]["cue"]
    assert shown["goods"][0]["good"] == "cocoa"
    # The stored document's own fields stay beside the evidence.
    assert shown["id"] == document_id
    assert shown["published"] == "2024-06-01"
    assert shown["locations"][0]["relation"] == "original"


def test_show_prints_indicators_cues_and_counted_facts(
    stored: tuple[str, Path],
) -> None:
    url, _ = stored
    document_id = _document_id(url, "Cocoa wages withheld in Ivory Coast")
    result = run_cli("--db", url, "docs", "show", document_id[:10])
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0] == "Cocoa wages withheld in Ivory Coast"
    assert "published  2024-06-01" in out
    assert "Indicators: child_labour, withheld_wages" in out
    assert "[withheld_wages " in out
    assert "Facts" in out
    (cocoa,) = [line for line in out.splitlines() if "cocoa (HS 1801)" in line]
    assert cocoa.split("│")[-2].strip() == "1"
    # Every sentence only when asked.
    assert "Written for the laborwatch tests." not in out
    full = run_cli("--db", url, "docs", "show", document_id[:10], "--text")
    assert "Written for the laborwatch tests." in full.stdout


def test_show_unknown_id_is_one_line_and_exit_one(stored: tuple[str, Path]) -> None:
    url, _ = stored
    result = run_cli("--db", url, "docs", "show", "abcdef12")
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: abcdef12: no such document"
