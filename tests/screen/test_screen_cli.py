"""Screening end to end, as a compliance analyst runs it."""

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.ingest import read_pdf
from laborwatch.screen.config import load_config
from tests.conftest import run_cli, screen_one

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCREENING = FIXTURES / "screening"


@pytest.fixture(scope="module")
def screened(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str
) -> tuple[str, dict, Path]:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("screen")
    url = module_database_url
    loaded = run_cli(
        "--db",
        url,
        "lists",
        "load",
        str(FIXTURES / "lists" / "ofac"),
        str(SCREENING / "dol-goods.xml"),
    )
    assert loaded.returncode == 0, loaded.stderr
    ingested = run_cli("--db", url, "ingest", str(SCREENING / "evidence-report.txt"))
    assert ingested.returncode == 0, ingested.stderr
    result = run_cli(
        "--db",
        url,
        "screen",
        str(SCREENING / "suppliers.csv"),
        "--json",
        "--csv",
        str(folder / "out.csv"),
        "--xlsx",
        str(folder / "out.xlsx"),
        "--report",
        str(folder / "packs"),
    )
    assert result.returncode == 0, result.stderr
    return url, json.loads(result.stdout), folder


def rows(output: dict) -> dict[str, dict]:  # type: ignore[type-arg]
    return {row["name"]: row for row in output["rows"]}


def test_every_row_has_a_level_and_reasons(screened) -> None:  # type: ignore[no-untyped-def]
    _, output, _ = screened
    assert output["summary"]["rows"] == 8  # the empty row is skipped
    for row in output["rows"]:
        assert row["level"] in ("high", "medium", "low", "none")
        assert row["reasons"]
        assert set(row) >= {
            "row",
            "name",
            "level",
            "reasons",
            "sanctions_hits",
            "country_good",
            "evidence",
        }


def test_sanctioned_name_spelled_differently(screened) -> None:  # type: ignore[no-untyped-def]
    row = rows(screened[1])["Taesong Bank"]
    assert row["level"] == "high"
    assert row["sanctions_hits"][0]["entry_id"] == "12312"
    assert "caatsa_321b" in row["rules"]


def test_dol_country_and_good(screened) -> None:  # type: ignore[no-untyped-def]
    by_name = rows(screened[1])
    bricks = by_name["Lahore Brick Works"]
    assert bricks["level"] == "high"
    assert bricks["country_good"][0]["good"] == "bricks"
    assert "forced labour" in bricks["country_good"][0]["labour"]
    cocoa = by_name["Accra Cocoa Traders"]
    assert cocoa["level"] == "medium"  # child labour only
    assert any("child labour" in reason for reason in cocoa["reasons"])


def test_north_korean_supplier_flagged_under_caatsa(screened) -> None:  # type: ignore[no-untyped-def]
    row = rows(screened[1])["Pyongyang Garment Factory No. 2"]
    assert row["level"] == "high"
    assert row["rules"] == ["caatsa_321b"]
    assert any("CAATSA section 321(b)" in reason for reason in row["reasons"])


def test_supplier_named_only_in_stored_evidence(screened) -> None:  # type: ignore[no-untyped-def]
    row = rows(screened[1])["Sunrise Gem Trading Co."]
    assert row["sanctions_hits"] == []
    assert row["level"] == "high"
    (evidence,) = [item for item in row["evidence"] if item["kind"] == "named"]
    assert evidence["document"]["title"] == "Girls polish gems for export company"
    assert any(
        "Sunrise Gem Trading Company" in quote["text"] for quote in evidence["quotes"]
    )
    # The report is about South Pyongan: North Korean labour, so CAATSA applies too.
    assert "caatsa_321b" in row["rules"]


def test_parent_company_is_screened(screened) -> None:  # type: ignore[no-untyped-def]
    row = rows(screened[1])["Nordic Furniture AB"]
    assert row["level"] == "high"
    assert row["sanctions_hits"][0]["screened"] == "parent company"


def test_clean_rows_are_none(screened) -> None:  # type: ignore[no-untyped-def]
    assert rows(screened[1])["Clean Paper GmbH"]["level"] == "none"


def test_csv_export_neutralises_formulas(screened) -> None:  # type: ignore[no-untyped-def]
    _, _, folder = screened
    with (folder / "out.csv").open() as file:
        exported = list(csv.DictReader(file))
    names = [row["name"] for row in exported]
    assert "'=cmd|'/c calc'!A1" in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)


def test_xlsx_export_has_the_csv_rows(screened) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    _, output, folder = screened
    with (folder / "out.csv").open() as file:
        exported = list(csv.reader(file))
    sheet = load_workbook(folder / "out.xlsx").active
    rows = [
        ["" if value is None else str(value) for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert rows == exported
    assert rows[0][:3] == ["row", "name", "level"]
    assert rows[1][:3] == ["2", "Taesong Bank", "high"]
    assert sheet.freeze_panes == "A2"
    assert len(rows) == output["summary"]["rows"] + 1


@pytest.mark.parametrize("option", ["--csv", "--xlsx"])
def test_unwritable_output_is_one_line_before_screening(
    sqlite_url: str, tmp_path: Path, option: str
) -> None:
    out = tmp_path / "no-such-folder" / "out"
    result = run_cli(
        "--db", sqlite_url, "screen", str(SCREENING / "suppliers.csv"), option, str(out)
    )
    assert result.returncode == 1
    assert f"{out}: cannot write (No such file or directory)" in result.stderr
    assert "Traceback" not in result.stderr
    listed = run_cli("--db", sqlite_url, "screenings", "list", "--json")
    assert json.loads(listed.stdout)["screenings"] == []


def test_evidence_packs_in_html_and_pdf(screened) -> None:  # type: ignore[no-untyped-def]
    _, output, folder = screened
    flagged = [row for row in output["rows"] if row["level"] != "none"]
    htmls = sorted((folder / "packs").glob("*.html"))
    pdfs = sorted((folder / "packs").glob("*.pdf"))
    assert len(htmls) == len(pdfs) == len(flagged)
    page = next(p for p in htmls if "sunrise" in p.name).read_text()
    assert "Sunrise Gem Trading Company" in page
    assert "Lists used" in page and "us_ofac_sdn" in page
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    texts = {
        pdf.name: " ".join(read_pdf(pdf.read_bytes(), source=pdf.name).text.split())
        for pdf in pdfs
    }
    bank = next(text for name, text in texts.items() if "taesong" in name)
    assert "Sanctions list hits" in bank and "us_ofac_sdn entry" in bank
    kiln = next(text for name, text in texts.items() if "lahore" in name)
    assert "US Department of Labor list" in kiln and "bricks from PK" in kiln


def test_screenings_show_reproduces_the_run(screened) -> None:  # type: ignore[no-untyped-def]
    url, output, _ = screened
    shown = json.loads(
        run_cli(
            "--db", url, "screenings", "show", str(output["screening"]), "--json"
        ).stdout
    )
    assert shown["input_checksum"] == output["input"]["sha256"]
    assert {item["id"] for item in shown["lists"]} == {"us_ofac_sdn", "us_dol_tvpra"}
    assert shown["config"]["sanctions"]["threshold"] == 0.65
    assert [r["level"] for r in shown["results"]] == [
        r["level"] for r in output["rows"]
    ]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("colour,size\nred,KP\n", "bad.csv", "no supplier name column (found: colour"),
        ("", "empty.csv", "empty file"),
        ("name\n\x00\x01\x02", "binary.csv", "binary content"),
    ],
)
def test_bad_supplier_files_are_one_line(
    database_url: str, tmp_path: Path, content: str, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content)
    result = run_cli("--db", database_url, "screen", str(path))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_columns_can_be_mapped_and_encodings_detected(
    database_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        "Fournisseur;Pays;Produit\nSociété Générale du Café;Ghana;cocoa\n".encode(
            "latin-1"
        )
    )
    run_cli("--db", database_url, "lists", "load", str(SCREENING / "dol-goods.xml"))
    result = run_cli(
        "--db",
        database_url,
        "screen",
        str(path),
        "--json",
        "--name-column",
        "Fournisseur",
        "--country-column",
        "Pays",
        "--product-column",
        "Produit",
    )
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)["rows"]
    assert row["name"] == "Société Générale du Café"
    assert row["level"] == "medium"


def test_xlsx_input(database_url: str, tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Country", "Product"])
    sheet.append(["Lahore Brick Works", "PK", "bricks"])
    workbook.save(tmp_path / "suppliers.xlsx")
    row = screen_one(
        database_url, SCREENING / "dol-goods.xml", tmp_path / "suppliers.xlsx"
    )
    assert row["level"] == "high"


def test_identifier_on_a_list_is_a_hit(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text("name,country,identifier\nSea Transport Ltd,PA,IMO 1234567\n")
    row = screen_one(database_url, FIXTURES / "lists" / "ofac", path)
    assert row["level"] == "high"
    assert row["sanctions_hits"][0]["screened"] == "identifier"
    assert row["sanctions_hits"][0]["entry_id"] == "9999"


def test_rows_stream_from_a_large_file(tmp_path: Path) -> None:
    import itertools
    import tracemalloc

    from laborwatch.screen.suppliers import read_suppliers

    path = tmp_path / "million.csv"
    with path.open("w") as file:
        file.write("name,country,product\n")
        file.writelines(f"Supplier {n},DE,paper\n" for n in range(1_000_000))
    # A first read of a small file loads the modules reading needs, which would
    # otherwise count towards the peak when this test runs first.
    small = tmp_path / "small.csv"
    small.write_text("name,country,product\nSupplier 0,DE,paper\n")
    list(read_suppliers(small))
    tracemalloc.start()
    first_thousand = list(itertools.islice(read_suppliers(path), 1000))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert first_thousand[-1].name == "Supplier 999"
    assert peak < 5_000_000  # a 1-million-row file is not read whole


def screen_with_config(
    database_url: str, config: Path, *options: str
) -> subprocess.CompletedProcess[str]:
    """`screen` of the sample suppliers with this configuration file."""
    return run_cli(
        "--db",
        database_url,
        "screen",
        str(SCREENING / "suppliers.csv"),
        "--config",
        str(config),
        *options,
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "[sanctions]\nthreshold = 0.5\n[rules]\nuflpa_level = 'severe'\n",
            "uflpa_level must be one of",
        ),
        ("[nonsense]\nx = 1\n", "unknown section [nonsense]"),
        ("[sanctions]\nthreshold = ", "not valid TOML"),
    ],
)
def test_bad_configuration_is_one_line(
    database_url: str, tmp_path: Path, content: str, message: str
) -> None:
    config = tmp_path / "screening.toml"
    config.write_text(content)
    result = screen_with_config(database_url, config)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[sanctions]\nthreshold = 'x'\n", "[sanctions] threshold must be a number"),
        ("[sanctions]\nthreshold = -1\n", "[sanctions] threshold must be a number"),
        ("[sanctions]\nthreshold = nan\n", "[sanctions] threshold must be a number"),
        ("[sanctions]\nthreshold = inf\n", "[sanctions] threshold must be a number"),
        ("[sanctions]\nthreshold = 1e400\n", "[sanctions] threshold must be a number"),
        (
            "[sanctions]\nthreshold = 99999999999999999999999\n",
            "[sanctions] threshold must be a number from 0 to 1",
        ),
        (
            "[sanctions]\nthreshold = 0.9\nhigh = 0.1\n",
            "[sanctions] high must be at least threshold (0.1 < 0.9)",
        ),
        ("[sanctions]\nhigh = 0.5\n", "[sanctions] high must be at least threshold"),
        (
            "[sanctions]\nscreen_parent = 'yes'\n",
            "[sanctions] screen_parent must be true or false",
        ),
        (
            "[sanctions]\nscreen_address = 1\n",
            "[sanctions] screen_address must be true or false",
        ),
        ("[rules]\nuflpa = 'no'\n", "[rules] uflpa must be true or false"),
        ("[evidence]\nthreshold = '0.8'\n", "[evidence] threshold must be a number"),
        ("[evidence]\nthreshold = true\n", "[evidence] threshold must be a number"),
        ("[rules]\nuflpa_list_id = 5\n", "[rules] uflpa_list_id must be a non-empty"),
        ("[rules]\nuflpa_list_id = ''\n", "[rules] uflpa_list_id must be a non-empty"),
    ],
)
def test_every_configuration_key_is_checked(
    tmp_path: Path, content: str, message: str
) -> None:
    config = tmp_path / "cfg.toml"
    config.write_text(content)
    with pytest.raises(LaborwatchError) as error:
        load_config(config)
    assert str(error.value).startswith(f"{config}: {message}")


def test_a_score_that_is_no_number_stops_the_run_before_it_is_stored(
    database_url: str, tmp_path: Path
) -> None:
    config = tmp_path / "cfg.toml"
    config.write_text("[sanctions]\nthreshold = 'x'\n")
    result = screen_with_config(database_url, config)
    assert (result.returncode, result.stderr) == (
        1,
        f"Error: {config}: [sanctions] threshold must be a number from 0 to 1\n",
    )
    listed = run_cli("--db", database_url, "screenings", "list", "--json")
    assert json.loads(listed.stdout) == {"screenings": []}


def test_scores_of_zero_and_one_are_taken(tmp_path: Path) -> None:
    config = tmp_path / "cfg.toml"
    config.write_text(
        "[sanctions]\nthreshold = 0\nhigh = 1\n[evidence]\nthreshold = 1\n"
    )
    loaded = load_config(config)
    assert (loaded["sanctions"]["threshold"], loaded["sanctions"]["high"]) == (0, 1)
    assert loaded["evidence"]["threshold"] == 1


def test_configuration_changes_levels(database_url: str, tmp_path: Path) -> None:
    run_cli("--db", database_url, "lists", "load", str(SCREENING / "dol-goods.xml"))
    config = tmp_path / "screening.toml"
    config.write_text("[country_good]\nchild_labour = 'high'\n")
    result = screen_with_config(database_url, config, "--json")
    levels = {row["name"]: row["level"] for row in json.loads(result.stdout)["rows"]}
    assert levels["Accra Cocoa Traders"] == "high"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("fifo_is", ["config", "suppliers"])
def test_a_file_that_is_a_fifo_is_refused_not_waited_on(
    database_url: str, tmp_path: Path, fifo_is: str
) -> None:
    fifo = tmp_path / ("cfg.toml" if fifo_is == "config" else "suppliers.csv")
    os.mkfifo(fifo)
    arguments = (
        [str(SCREENING / "suppliers.csv"), "--config", str(fifo)]
        if fifo_is == "config"
        else [str(fifo)]
    )
    result = run_cli("--db", database_url, "screen", *arguments, timeout=60)
    assert (result.returncode, result.stderr) == (
        1,
        f"Error: {fifo}: not a regular file\n",
    )
