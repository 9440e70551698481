"""UFLPA: a Xinjiang city in a supplier's name or address brings the presumption."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from laborwatch.extract.vocabulary import place_entries
from laborwatch.screen import screen_file
from laborwatch.screen.places import xinjiang_place
from laborwatch.store import Database


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Hotan Cotton Co", "Hotan"),
        ("No. 3 Yingbin Road, Hetian", "Hetian"),
        ("Ürümqi Economic Zone", "Ürümqi"),
        ("Wulumuqi Textile", "Wulumuqi"),
        ("Aksu, CN", "Aksu"),
        ("Shihezi Garment Factory", "Shihezi"),
        ("Turfan Grapes Ltd", "Turfan"),
        ("Kashi Prefecture", "Kashi"),
        ("Ghulja Road 7", "Ghulja"),
        ("Xinjiang Uyghur Autonomous Region", "Xinjiang Uyghur Autonomous Region"),
    ],
)
def test_a_xinjiang_place_is_found_whole_word(text: str, place: str) -> None:
    assert xinjiang_place(text) == place


@pytest.mark.parametrize(
    "text", ["Aksugar Trading", "Hamilton Road", "Shanghai Garments", "Kashima Co"]
)
def test_a_word_that_only_contains_a_city_is_no_place(text: str) -> None:
    assert xinjiang_place(text) is None


def test_the_table_uses_the_iso_code_of_xinjiang() -> None:
    entries = place_entries("xinjiang-places.csv")
    assert len(entries) > 40
    assert {entry.subdivision for entry in entries} == {"CN-XJ"}
    assert pycountry.subdivisions.get(code="CN-XJ") is not None


def test_screening_applies_uflpa_for_a_city_in_name_or_address(
    database: Database, tmp_path: Path
) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "name,country,address\n"
        "Hotan Cotton Co,CN,\n"
        "Silk Road Yarn Ltd,CN,88 Beijing Road Urumqi\n"
        "Aksugar Trading,CN,Shanghai\n"
        "Aksu Tekstil,TR,Antalya\n"
    )
    screened = []
    screen_file(path, database, on_row=screened.append)
    by_name = {row.name: row for row in screened}
    for name, place in (("Hotan Cotton Co", "Hotan"), ("Silk Road Yarn Ltd", "Urumqi")):
        row = by_name[name]
        assert row.level == "high"
        assert row.rules == ["uflpa"]
        assert any(
            repr(place) in reason and "Xinjiang" in reason for reason in row.reasons
        )
    assert by_name["Aksugar Trading"].rules == []
    assert by_name["Aksu Tekstil"].rules == []  # a Turkish town of the same name
