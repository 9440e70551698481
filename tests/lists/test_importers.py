from pathlib import Path

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.lists import detect_format, load_list
from tests.conftest import SHARED_DATA

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


def test_ofac_set_joins_aliases_addresses_and_comments() -> None:
    loaded = load_list(LISTS / "ofac" / "sdn.csv")
    assert loaded.list_id == "us_ofac_sdn"
    assert len(loaded.sources) == 4
    entries = {entry.entry_id: entry for entry in loaded.entries}
    bank = entries["12312"]
    assert bank.name == "KOREA DAESONG BANK"
    assert bank.aliases == ("CHOSON TAESONG UNHAENG", "TAESONG BANK")
    assert bank.weak_aliases == ("DAESONG BANK",)
    assert bank.countries == ("KP",)
    assert ("SWIFT/BIC", "KDBKKPPY") in bank.identifiers
    person = entries["22987"]
    assert person.schema == "Person"
    assert person.birth_dates == ("22 Aug 1969",)
    assert entries["9999"].schema == "Vessel"
    assert entries["9999"].countries == ("PA",)
    assert entries["7001"].programs == ("SDGT", "IRAN")
    assert entries["7001"].schema == "Company"
    assert "Transactions Prohibited" in (entries["12313"].notes or "")


def test_ofac_unquoted_fields_and_a_folder_work() -> None:
    loaded = load_list(LISTS / "ofac_2024")
    assert [entry.name for entry in loaded.entries] == [
        "AEROCARIBBEAN AIRLINES",
        "BANCO NACIONAL DE CUBA",
    ]
    assert loaded.entries[1].weak_aliases == ("BNC",)


def test_un_xml() -> None:
    loaded = load_list(LISTS / "un.xml")
    assert loaded.list_id == "un_sc_consolidated"
    assert str(loaded.published) == "2026-02-27"
    person, entity = loaded.entries
    assert person.entry_id == "KPi.009"
    assert person.name == "KIM KWANG-IL"
    assert person.weak_aliases == ("Kim Kwang Il",)
    assert person.countries == ("KP",)
    assert person.identifiers == (("Passport", "PS381420397"),)
    assert entity.entry_id == "KPe.042"
    assert entity.aliases == ("Daesong Trading",)


def test_bis_denied_persons_merges_addresses() -> None:
    loaded = load_list(LISTS / "dpl.txt")
    (entry,) = loaded.entries
    assert entry.name == "EXAMPLE EXPORTS LLC"
    assert entry.countries == ("US", "AE")
    assert len(entry.addresses) == 2
    assert str(loaded.published) == "2022-08-29"


def test_opensanctions_ftm_keeps_parties_only() -> None:
    loaded = load_list(LISTS / "entities.ftm.json")
    assert loaded.list_id == "test_list"
    assert [entry.entry_id for entry in loaded.entries] == ["os-kp-1", "os-kp-2"]
    assert loaded.entries[0].aliases == ("Ryonbong",)
    assert loaded.entries[1].weak_aliases == ("Rhee",)
    assert loaded.entries[1].countries == ("KP",)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("un.xml", "un-xml"),
        ("dpl.txt", "bis-dpl"),
        ("entities.ftm.json", "ftm-json"),
        ("ofac", "ofac-csv"),
    ],
)
def test_formats_are_detected(name: str, expected: str) -> None:
    assert detect_format(LISTS / name) == expected


def test_checksum_changes_with_content(tmp_path: Path) -> None:
    first = load_list(LISTS / "un.xml").checksum
    changed = tmp_path / "un.xml"
    changed.write_bytes((LISTS / "un.xml").read_bytes().replace(b"KIM", b"KIN"))
    assert load_list(changed).checksum != first


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (
            b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>",
            "un.xml",
            "un.xml:1: malformed XML",
        ),
        (b'1,"A",-0-\n', "sdn.csv", "sdn.csv:1: expected 12 columns, found 3"),
        (b'"Name"\t"City"\n"X"\t"Y"\n', "dpl.txt", "dpl.txt:1: missing column(s)"),
        (
            b'{"id": "x", "schema": "Person", "properties": {}}\nnot json\n',
            "e.ftm.json",
            "e.ftm.json:2: not valid JSON",
        ),
        (b"\xff\xfe\x00garbage\x81\x8d", "sdn.csv", "sdn.csv:1: not UTF-8 (byte 0xff"),
    ],
)
def test_malformed_files_name_file_and_line(
    tmp_path: Path, content: bytes, name: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(
        LaborwatchError, match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        load_list(path)


@pytest.mark.parametrize(
    ("list_format", "content", "message"),
    [
        ("eu-xml", b"<export/>", "no entries"),
        ("un-xml", b"<CONSOLIDATED_LIST/>", "no entries"),
        ("eu-xml", b"<lists/>", "not an EU sanctions export (root <lists>)"),
        ("un-xml", b"<lists/>", "not a UN consolidated list (root <lists>)"),
    ],
)
def test_xml_lists_refuse_other_roots_and_no_entries(
    tmp_path: Path, list_format: str, content: bytes, message: str
) -> None:
    path = tmp_path / "list.xml"
    path.write_bytes(content)
    with pytest.raises(LaborwatchError) as refused:
        load_list(path, list_format)
    assert str(refused.value) == f"{path}: {message}"


def test_shared_ofac_snapshot_loads_whole() -> None:
    folder = SHARED_DATA / "lists" / "ofac_sdn_2021-07-07_fullset"
    if not folder.exists():
        pytest.skip(f"{folder} not found: list snapshots live in ../shared/data")
    loaded = load_list(folder)
    assert len(loaded.entries) == 8976
    bank = next(entry for entry in loaded.entries if entry.name == "KOREA DAESONG BANK")
    assert "CHOSON TAESONG UNHAENG" in bank.aliases


def test_eu_fsf_xml() -> None:
    loaded = load_list(LISTS / "eu.xml")
    assert (loaded.list_id, str(loaded.published)) == ("eu_fsf", "2026-10-01")
    company, person = loaded.entries
    assert company.entry_id == "EU.4213.61"
    assert company.schema == "Organization"
    assert company.aliases == ("Daesong Trading",)
    assert company.weak_aliases == ("Daesong Company",)
    assert company.countries == ("KP",)
    assert company.programs == ("PRK",)
    assert person.schema == "Person"
    assert person.birth_dates == ("1979-01-07",)
    assert person.identifiers == (("passport", "563220533"),)


def test_uk_sanctions_list_xml() -> None:
    loaded = load_list(LISTS / "uk.xml")
    assert (loaded.list_id, str(loaded.published)) == (
        "gb_fcdo_sanctions",
        "2025-10-15",
    )
    entity, person, ship = loaded.entries
    assert entity.aliases == ("DAESONG TRADING", "조선대성총무역회사")
    assert person.name == "Won Uk PAE"
    assert person.birth_dates == ("1969-08-22",)
    assert person.countries == ("KP",)
    assert ship.schema == "Vessel"
    assert ship.identifiers == (("IMO", "8660313"),)


def test_shared_ofac_consolidated_and_2024_snapshots_load() -> None:
    folder = SHARED_DATA / "lists"
    if not folder.exists():
        pytest.skip(f"{folder} not found: list snapshots live in ../shared/data")
    consolidated = load_list(
        folder / "ofac_consolidated_nonsdn_2025-12-19" / "cons_prim.csv"
    )
    assert consolidated.list_id == "us_ofac_cons"
    assert len(consolidated.entries) == 442
    assert any(entry.aliases for entry in consolidated.entries)
    quoted_2024 = load_list(folder / "ofac_sdn_2024-05-03" / "sdn.csv")
    assert len(quoted_2024.entries) == 14965
    un = load_list(folder / "un" / "UN_consolidated_2026-02-27.xml")
    assert len(un.entries) == 1003
    assert str(un.published) == "2026-02-27"


def test_dol_list_from_the_app_xml_and_the_spreadsheet() -> None:
    folder = SHARED_DATA / "dol"
    if not folder.exists():
        pytest.skip(f"{folder} not found: the DOL list copies live in ../shared/data")
    xml = load_list(folder / "sweat_and_toil_app" / "goods_2021.xml")
    assert (xml.list_id, xml.format, len(xml.country_goods)) == (
        "us_dol_tvpra",
        "dol-xml",
        457,
    )
    north_korea = {pair.good for pair in xml.country_goods if pair.country == "KP"}
    assert len(north_korea) == 7 and "coal" in north_korea
    derived = [pair for pair in xml.country_goods if pair.derived_from]
    assert derived
    spreadsheet = load_list(folder / "ericschles_dol_analysis" / "TVPRA2016_0.xlsx")
    assert spreadsheet.format == "dol-xlsx"
    assert any(
        p.good == "bricks" and p.country == "AF" and p.forced_labour
        for p in spreadsheet.country_goods
    )


def test_dol_xml_written_to_the_app_format(tmp_path: Path) -> None:
    path = tmp_path / "goods.xml"
    path.write_text(
        "<Goods><Good><Good_Name>Gems</Good_Name><Countries><Country>"
        "<Country_Name>Madagascar</Country_Name><Child_Labor>Yes</Child_Labor>"
        "<Forced_Labor>No</Forced_Labor><Forced_Child_Labor>No</Forced_Child_Labor>"
        "<Derived_Labor_Exploitation>No</Derived_Labor_Exploitation>"
        "<Derived_Country>No</Derived_Country></Country></Countries></Good></Goods>"
    )
    (pair,) = load_list(path).country_goods
    assert (pair.good, pair.country, pair.child_labour, pair.forced_labour) == (
        "gems",
        "MG",
        True,
        False,
    )


def test_a_bis_file_of_a_header_alone_is_refused(tmp_path: Path) -> None:
    from tests.lists.test_hostile import BIS_HEADER

    path = tmp_path / "dpl.txt"
    path.write_text(BIS_HEADER + "\n")
    with pytest.raises(LaborwatchError) as refused:
        load_list(path)
    assert str(refused.value) == f"{path}: no entries"
