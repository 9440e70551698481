"""Screening reads the risk register: a supplier's country, subdivision and good
matched against the register's rows gives a reason quoting its sources, at the
level the row's strength calls for. The reports are written for these tests and
stored as ingest stores them (analysed, with their incidents)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from laborwatch.errors import LaborwatchError
from laborwatch.screen import Screening, screen_file
from laborwatch.screen.config import load_config
from laborwatch.screen.diff import diff_stored
from laborwatch.screen.export import export_cells
from laborwatch.screen.findings import RegisterEvidence
from laborwatch.screen.rerun import rerun_screening
from laborwatch.store import Database
from laborwatch.store.risk import risk_register
from laborwatch.store.screenings import get_screening
from laborwatch.store.tables import screenings
from tests.store.test_risk import GEMS, store

KILNS = (
    "Brick kilns in Punjab\n\nWorkers at brick kilns in Punjab, Pakistan, are held "
    "in debt bondage and cannot leave until their debts are paid."
)
KILN_FAMILIES = (
    "Kiln workers\n\nFamilies at a brick kiln near Lahore, Pakistan, said the owner "
    "took their identity cards and beat those who tried to leave."
)
TURKMEN_COTTON = (
    "Cotton harvest\n\nThe government of Turkmenistan forces teachers and doctors "
    "to pick cotton each autumn; those who refuse lose their jobs."
)
TURKMEN_QUOTAS = (
    "Cotton quotas in Turkmenistan\n\nEach autumn the authorities in Turkmenistan "
    "order public sector workers to the cotton fields, and officials threaten to "
    "fire those who do not pick their quota."
)
XINJIANG_COTTON = (
    "Cotton in Xinjiang\n\nUyghur workers in Hotan, Xinjiang, China, were forced to "
    "pick cotton under state labour transfer programmes and could not refuse."
)
JIANGSU_MILLS = (
    "Cotton mills in China\n\nWorkers at cotton spinning mills in Jiangsu, China, "
    "said their managers withheld their wages for months and kept their passports."
)

HEADER = "name,country,address,product\n"


def screen(
    database: Database, folder: Path, rows: str, config: Path | None = None
) -> list[Screening]:
    path = folder / "suppliers.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    screened: list[Screening] = []
    screen_file(path, database, config_path=config, on_row=screened.append)
    return screened


def register_items(screening: Screening) -> list[dict[str, Any]]:
    """The register items as ``screen --json`` gives them."""
    return [
        item
        for item in screening.record()["evidence"]
        if item["kind"] == RegisterEvidence.kind
    ]


def register_reasons(screening: Screening) -> list[str]:
    return [r for r in screening.reasons if r.startswith("risk register:")]


def store_kilns(database: Database) -> str:
    return store(
        database, KILNS, url="https://www.hrw.org/kilns", published="2019-03-01"
    ).document_id


def test_two_publishers_make_a_corroborated_reason_naming_both(
    database: Database, tmp_path: Path
) -> None:
    kilns = store_kilns(database)
    families = store(
        database, KILN_FAMILIES, url="https://rfa.org/kiln", published="2024-06-01"
    ).document_id
    (row,) = screen(database, tmp_path, "Indus Clay Co,Pakistan,,clay bricks\n")
    assert register_reasons(row) == [
        "risk register: bricks in Pakistan — corroborated "
        "(2 independent sources: hrw.org, rfa.org; 2019–2024)"
    ]
    assert row.level == "medium"
    (item,) = register_items(row)
    assert (item["good"], item["country"], item["subdivision"]) == (
        "bricks",
        "PK",
        None,
    )
    assert item["strength"] == "corroborated"
    assert item["independent_sources"] == 2
    assert item["publishers"] == ["hrw.org", "rfa.org"]
    assert (item["first_date"], item["last_date"]) == ("2019-03-01", "2024-06-01")
    assert (item["state_imposed"], item["children"]) == (False, False)
    # Both reports are quoted, each quote naming its own.
    quoted = {quote["document"] for quote in item["quotes"]}
    assert quoted == {kilns, families}
    assert item["document"]["id"] in quoted
    # The exports list every report the row quotes, not only the first.
    assert set(export_cells(row)[-1].split("; ")) == {kilns, families}


def test_one_report_is_a_single_source_at_the_lowest_level(
    database: Database, tmp_path: Path
) -> None:
    store_kilns(database)
    (row,) = screen(database, tmp_path, "Indus Clay Co,Pakistan,,clay bricks\n")
    assert register_reasons(row) == [
        "risk register: bricks in Pakistan — single source "
        "(1 independent source: hrw.org; 2019)"
    ]
    assert row.level == "low"
    (item,) = register_items(row)
    assert (item["strength"], item["independent_sources"]) == ("single source", 1)


def test_corroborated_state_imposed_rows_are_high(
    database: Database, tmp_path: Path
) -> None:
    store(database, TURKMEN_COTTON, url="https://rferl.org/c", published="2021-10-01")
    store(database, TURKMEN_QUOTAS, url="https://hrw.org/q", published="2023-09-01")
    (row,) = screen(database, tmp_path, "Ashgabat Textiles,Turkmenistan,,cotton\n")
    (reason,) = register_reasons(row)
    assert reason.startswith(
        "risk register: cotton in Turkmenistan — corroborated, state-imposed "
        "(2 independent sources: hrw.org, rferl.org; 2021–2023)"
    )
    assert row.level == "high"


def test_screening_and_risk_areas_give_the_same_rows(
    database: Database, tmp_path: Path
) -> None:
    store_kilns(database)
    store(database, KILN_FAMILIES, url="https://rfa.org/kiln", published="2024-06-01")
    (row,) = screen(database, tmp_path, "Indus Clay Co,Pakistan,,clay bricks\n")
    (register,) = [
        r
        for r in risk_register(database).rows
        if (r.country, r.subdivision, r.good) == ("PK", None, "bricks")
    ]
    (item,) = register_items(row)
    assert (item["strength"], item["independent_sources"], item["publishers"]) == (
        register.strength,
        register.sources,
        list(register.publishers),
    )


def test_a_supplier_in_south_korea_does_not_match_a_north_korean_row(
    database: Database, tmp_path: Path
) -> None:
    store(database, GEMS, url="https://www.dailynk.com/gems", published="2020-01-01")
    south, north = screen(
        database, tmp_path, "Seoul Gems,South Korea,,gems\nSinuiju Gems,KP,,gems\n"
    )
    assert register_items(south) == [] and register_reasons(south) == []
    (item,) = register_items(north)
    assert (item["country"], item["good"]) == ("KP", "gems")
    assert register_reasons(north)[0].startswith("risk register: gems in North Korea")


def test_a_row_in_the_subdivision_of_the_address_ranks_first(
    database: Database, tmp_path: Path
) -> None:
    store(database, XINJIANG_COTTON, url="https://bbc.com/xj", published="2021-01-01")
    store(database, JIANGSU_MILLS, url="https://rfa.org/js", published="2022-01-01")
    hotan, guangzhou = screen(
        database,
        tmp_path,
        '"Hotan Cotton Co",China,"No. 5 Road, Hotan",cotton\n'
        '"Pearl River Cotton",China,"Guangzhou, Guangdong",cotton\n',
    )
    # The Xinjiang row first, then the whole country's (it holds a report more).
    first, country = register_items(hotan)
    assert (first["subdivision"], first["publishers"]) == ("CN-XJ", ["bbc.com"])
    assert (country["subdivision"], country["independent_sources"]) == (None, 2)
    reasons = register_reasons(hotan)
    assert reasons[0].startswith("risk register: cotton in Xinjiang, China — ")
    assert reasons[1].startswith("risk register: cotton in China — corroborated")
    # Another subdivision (none of the register's) still gets the country row.
    (only,) = register_items(guangzhou)
    assert (only["country"], only["subdivision"]) == ("CN", None)
    assert register_reasons(guangzhou)[0].startswith("risk register: cotton in China")


def test_a_subdivision_row_holding_every_report_leaves_out_the_country_row(
    database: Database, tmp_path: Path
) -> None:
    store(database, XINJIANG_COTTON, url="https://bbc.com/xj", published="2021-01-01")
    (row,) = screen(database, tmp_path, '"Hotan Cotton Co",China,"Hotan",cotton\n')
    (item,) = register_items(row)
    assert item["subdivision"] == "CN-XJ"


def test_rows_under_the_minimum_of_sources_are_no_reason(
    database: Database, tmp_path: Path
) -> None:
    store_kilns(database)
    config = tmp_path / "screening.toml"
    config.write_text("[evidence]\ncountry_good_min_sources = 2\n")
    (row,) = screen(database, tmp_path, "Indus Clay Co,Pakistan,,bricks\n", config)
    assert register_items(row) == [] and register_reasons(row) == []
    assert row.level == "none"


@pytest.mark.parametrize("value", ["0", "'two'", "true", "1.5"])
def test_a_minimum_of_sources_that_is_no_count_is_refused(
    tmp_path: Path, value: str
) -> None:
    config = tmp_path / "screening.toml"
    config.write_text(f"[evidence]\ncountry_good_min_sources = {value}\n")
    with pytest.raises(LaborwatchError) as error:
        load_config(config)
    assert str(error.value) == (
        f"{config}: [evidence] country_good_min_sources must be a whole number, "
        "at least 1"
    )


def test_a_strength_level_that_is_no_level_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "screening.toml"
    config.write_text("[evidence]\ncountry_good_corroborated = 'severe'\n")
    with pytest.raises(LaborwatchError, match="country_good_corroborated must be"):
        load_config(config)


def test_diff_shows_a_strength_change_after_a_second_report(
    database: Database, tmp_path: Path
) -> None:
    store_kilns(database)
    (first,) = screen(database, tmp_path, "Indus Clay Co,Pakistan,,clay bricks\n")
    first_id = get_screening(database, 1).run.id
    store(database, KILN_FAMILIES, url="https://rfa.org/kiln", published="2024-06-01")
    again = rerun_screening(database, first_id)
    diff = diff_stored(database, first_id, again.id)
    (supplier,) = diff["suppliers"]
    assert supplier["level"]["old"] == "low" and supplier["level"]["new"] == "medium"
    (dropped,) = supplier["dropped_evidence"]
    (added,) = supplier["new_evidence"]
    assert (dropped["strength"], added["strength"]) == ("single source", "corroborated")
    assert dropped["reason"] == register_reasons(first)[0]
    assert added["reason"] == (
        "risk register: bricks in Pakistan — corroborated "
        "(2 independent sources: hrw.org, rfa.org; 2019–2024)"
    )


def test_a_run_stored_before_the_strength_settings_is_rerun_with_their_defaults(
    database: Database, tmp_path: Path
) -> None:
    store_kilns(database)
    screen(database, tmp_path, "Indus Clay Co,Pakistan,,clay bricks\n")
    old = get_screening(database, 1).run
    config = old.config
    for key in (
        "country_good_corroborated",
        "country_good_corroborated_state_imposed",
        "country_good_min_sources",
    ):
        del config["evidence"][key]
    with database.writing() as connection:
        connection.execute(
            update(screenings).where(screenings.c.id == old.id).values(config=config)
        )
    store(database, KILN_FAMILIES, url="https://rfa.org/kiln", published="2024-06-01")
    again = rerun_screening(database, old.id)
    (row,) = get_screening(database, again.id).results
    assert row["level"] == "medium"
