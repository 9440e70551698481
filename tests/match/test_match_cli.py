import json
import os
from pathlib import Path

import pytest

from tests.conftest import run_cli

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


def loaded(database_url: str) -> str:
    result = run_cli(
        "--db",
        database_url,
        "lists",
        "load",
        str(LISTS / "ofac"),
        str(LISTS / "uk.xml"),
    )
    assert result.returncode == 0, result.stderr
    return database_url


def test_match_json_gives_list_id_score_and_explanation(database_url: str) -> None:
    result = run_cli("--db", loaded(database_url), "match", "대성총국", "--json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["query"]["name"] == "대성총국"
    hits = {(hit["list"], hit["entry_id"]) for hit in record["hits"]}
    assert {("us_ofac_sdn", "12313"), ("gb_fcdo_sanctions", "DPR0042")} <= hits
    features = {feature["name"] for feature in record["hits"][0]["features"]}
    assert {"hangul", "name"} <= features
    assert 0 < record["hits"][0]["score"] <= 1


def test_match_hangul_name_on_the_list_itself(database_url: str) -> None:
    result = run_cli(
        "--db", loaded(database_url), "match", "조선대성총무역회사", "--json"
    )
    (first, *_) = json.loads(result.stdout)["hits"]
    assert (first["entry_id"], first["score"]) == ("DPR0042", 1.0)


def test_match_file_gives_one_object_per_line_in_order(
    database_url: str, tmp_path: Path
) -> None:
    names = tmp_path / "names.csv"
    names.write_text(
        "name,schema,country\n"
        "Samsung Electronics,Company,KR\n"
        "Taesong Bank,,KP\n"
        "Pae Won-uk,Person,\n"
    )
    result = run_cli(
        "--db", loaded(database_url), "match", "--file", str(names), "--json"
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["query"]["name"] for r in records] == [
        "Samsung Electronics",
        "Taesong Bank",
        "Pae Won-uk",
    ]
    assert records[0]["hits"] == []
    assert records[1]["hits"][0]["entry_id"] == "12312"
    assert records[1]["query"]["country"] == "KP"
    assert {hit["entry_id"] for hit in records[2]["hits"]} >= {"22987", "DPR0100"}


def test_match_plain_name_file(database_url: str, tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("Korea Daesong Bank\n\nDaesung Industrial Co., Ltd.\n")
    result = run_cli(
        "--db", loaded(database_url), "match", "--file", str(names), "--json"
    )
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    assert records[0]["hits"][0]["score"] == 1.0
    assert records[1]["hits"] == []


def test_match_human_output_explains(database_url: str) -> None:
    result = run_cli("--db", loaded(database_url), "match", "Taesong General Bureau")
    assert "KOREA DAESONG GENERAL TRADING CORPORATION" in result.stdout
    assert "taesong~daesong (romanisation)" in result.stdout


def test_match_errors_are_one_line(database_url: str, tmp_path: Path) -> None:
    empty = run_cli("--db", database_url, "match", "Anyone")
    assert empty.returncode == 1
    assert "no lists loaded" in empty.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("company,country\nX,KP\n")
    wrong = run_cli("--db", loaded(database_url), "match", "--file", str(bad))
    assert wrong.returncode == 1
    assert f"{bad}:1: no 'name' column" in wrong.stderr
    assert "Traceback" not in wrong.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--birth-date", "2024-13-45"], "--birth-date 2024-13-45: not a date"),
        (["--birth-date", "99999"], "--birth-date 99999: not a date"),
        (["--birth-date=-5"], "--birth-date -5: not a date"),
        (["--country", "'"], "--country ': not a country code or name"),
    ],
)
def test_match_refuses_a_bad_birth_date_or_country_in_one_line(
    database_url: str, args: list[str], message: str
) -> None:
    result = run_cli("--db", database_url, "match", "x", *args)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_match_file_headers_are_folded_and_give_the_query_its_facts(
    database_url: str, tmp_path: Path
) -> None:
    names = tmp_path / "names.csv"
    names.write_text(
        "Name,COUNTRY,Birth Date,identifier,Address\n"
        "Taesong Bank,KP,1960,KP-12345,Pyongyang\n"
    )
    result = run_cli(
        "--db", loaded(database_url), "match", "--file", str(names), "--json"
    )
    assert result.returncode == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["query"] == {
        "name": "Taesong Bank",
        "schema": None,
        "country": "KP",
        "birth_date": "1960",
        "address": "Pyongyang",
        "identifiers": ["KP-12345"],
    }


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Taesong Bank,Narnia,", "country Narnia: not a country code or name"),
        ("Taesong Bank,KP,03/12/1960", "birth date 03/12/1960: not a date"),
        ('Taesong Bank,"North\nKoreaa",', "country North Koreaa: not a country"),
    ],
)
def test_match_file_refuses_a_row_with_a_bad_country_or_birth_date(
    database_url: str, tmp_path: Path, row: str, message: str
) -> None:
    names = tmp_path / "names.csv"
    names.write_text(f"name,country,birth date\nKorea Daesong Bank,KP,\n{row}\n")
    result = run_cli("--db", loaded(database_url), "match", "--file", str(names))
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {names}:3: {message}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_match_refuses_a_fifo_rather_than_wait_on_it(
    database_url: str, tmp_path: Path
) -> None:
    fifo = tmp_path / "names"
    os.mkfifo(fifo)
    result = run_cli(
        "--db", loaded(database_url), "match", "--file", str(fifo), timeout=60
    )
    assert (result.returncode, result.stderr) == (
        1,
        f"Error: {fifo}: not a regular file\n",
    )
