"""Broken and hostile list files: each loads exactly right or is refused, naming
the file and line (or entry); nothing is loaded wrong in silence."""

import dataclasses
import json
import os
from pathlib import Path

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.lists import ListEntry, LoadedList, load_list
from laborwatch.lists.check import check_loaded
from laborwatch.store import Database
from laborwatch.store.lists import list_lists, load_entries, save_list
from tests.conftest import run_cli

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
BIS_HEADER = (LISTS / "dpl.txt").read_text(encoding="utf-8").splitlines()[0]


def _ofac_row(number: int, name: str, remarks: str = "-0-") -> str:
    return f"{number},{name},-0- ,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,{remarks}"


def _bis_row(name: str, citation: str = '"87 F.R. 1"') -> str:
    cells = ["1 MAIN", "MIAMI", "FL", "US", "", "08/24/2022", "", "Y", "2022-08-29"]
    quoted = "\t".join(f'"{cell}"' for cell in cells)
    return f'{name}\t{quoted}\t"A"\t{citation}'


def _write_ofac(folder: Path, *rows: str, encoding: str = "utf-8") -> Path:
    folder.mkdir()
    (folder / "sdn.csv").write_bytes(("\n".join(rows) + "\n").encode(encoding))
    return folder


def _write_ftm(path: Path, *entities: object) -> Path:
    path.write_text("\n".join(json.dumps(e) for e in entities) + "\n")
    return path


def test_ofac_stray_quote_is_refused_not_swallowing_the_rows_after(
    tmp_path: Path,
) -> None:
    # Unquoted (pre-2024) rows: the stray quote used to run to the end of the
    # file, so the list loaded as one entry whose remarks held the other two.
    folder = _write_ofac(
        tmp_path / "ofac",
        _ofac_row(1, "ACME", '"Linked to X.'),
        _ofac_row(2, "EVIL CO"),
        _ofac_row(3, "OTHER CO"),
    )
    with pytest.raises(LaborwatchError, match=r"sdn\.csv:1: malformed CSV"):
        load_list(folder)


def test_ofac_quote_running_over_lines_is_refused_with_its_line(
    tmp_path: Path,
) -> None:
    folder = _write_ofac(
        tmp_path / "ofac",
        _ofac_row(1, "ACME"),
        _ofac_row(2, "EVIL CO", '"Linked to'),
        _ofac_row(3, "OTHER CO", 'X."'),
        _ofac_row(4, "FOURTH CO"),
    )
    with pytest.raises(LaborwatchError, match=r"sdn\.csv:2: a quoted field runs on"):
        load_list(folder)


def test_bis_stray_quote_is_refused_not_swallowing_the_rows_after(
    tmp_path: Path,
) -> None:
    path = tmp_path / "dpl.txt"
    path.write_text(
        "\n".join(
            [
                BIS_HEADER.replace('"', ""),
                _bis_row("A CO", '"87 F.R. 1'),
                _bis_row("EVIL CO", "87 F.R. 2").replace('"', ""),
                _bis_row("C CO", "87 F.R. 3").replace('"', ""),
            ]
        )
        + "\n"
    )
    with pytest.raises(LaborwatchError, match=r"dpl\.txt:2: malformed CSV"):
        load_list(path)


def test_bis_unclosed_name_quote_is_refused_not_shifting_columns(
    tmp_path: Path,
) -> None:
    # '"A CO<tab>"1 MAIN"' used to load as the name 'A CO\t1 MAIN"', one column short.
    path = tmp_path / "dpl.txt"
    rows = [BIS_HEADER, _bis_row('"A CO'), _bis_row('"EVIL CO"')]
    path.write_text("\n".join(rows) + "\n")
    with pytest.raises(LaborwatchError, match=r"dpl\.txt:2: malformed CSV"):
        load_list(path)


def test_bis_row_short_of_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dpl.txt"
    short = "\t".join(_bis_row('"A CO"').split("\t")[:-2])
    path.write_text("\n".join([BIS_HEADER, short, _bis_row('"B CO"')]) + "\n")
    with pytest.raises(LaborwatchError, match=r"dpl\.txt:2: expected 12 columns"):
        load_list(path)


def test_bis_oversized_field_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "dpl.txt"
    rows = [BIS_HEADER, _bis_row('"A CO"'), _bis_row('"' + "X" * 200_000 + '"')]
    path.write_text("\n".join(rows) + "\n")
    with pytest.raises(LaborwatchError, match=r"dpl\.txt:3: .*longer than 131072"):
        load_list(path)


def test_bis_names_differing_in_case_are_one_party(tmp_path: Path) -> None:
    # Both spellings gave one entry id, so two entries were counted, one stored.
    path = tmp_path / "dpl.txt"
    rows = [BIS_HEADER, _bis_row('"Acme Exports"'), _bis_row('"ACME EXPORTS"')]
    path.write_text("\n".join(rows) + "\n")
    (entry,) = load_list(path).entries
    assert entry.name == "Acme Exports"


def test_ftm_lone_string_is_one_value_not_letters(tmp_path: Path) -> None:
    path = _write_ftm(
        tmp_path / "e.ftm.json",
        {
            "id": "x1",
            "schema": "Company",
            "properties": {"name": "Evil Co", "alias": "Evil"},
        },
    )
    (entry,) = load_list(path).entries
    assert (entry.name, entry.aliases) == ("Evil Co", ("Evil",))


@pytest.mark.parametrize(
    ("properties", "message"),
    [
        (["name", "Evil Co"], "properties is a list, not an object"),
        ("Evil Co", "properties is a str, not an object"),
        ({"name": [{"text": "Evil Co"}]}, "properties.name holds a dict"),
    ],
)
def test_ftm_properties_of_the_wrong_type_are_refused_with_the_line(
    tmp_path: Path, properties: object, message: str
) -> None:
    good = {"id": "x1", "schema": "Company", "properties": {"name": ["Good Co"]}}
    bad = {"id": "x2", "schema": "Company", "properties": properties}
    path = _write_ftm(tmp_path / "e.ftm.json", good, bad)
    with pytest.raises(LaborwatchError, match=rf"e\.ftm\.json:2: {message}"):
        load_list(path)


def test_ftm_bad_dates_are_dropped_with_a_warning_naming_the_line(
    tmp_path: Path,
) -> None:
    path = _write_ftm(
        tmp_path / "e.ftm.json",
        {
            "id": "p1",
            "schema": "Person",
            "properties": {"name": ["A"], "birthDate": ["1970-13-45", "1970-02"]},
            "last_change": "2025-06-01T00:00:00",
        },
        {
            "id": "p2",
            "schema": "Person",
            "properties": {"name": ["B"]},
            "last_change": "2024-99-99T00:00:00",
        },
    )
    loaded = load_list(path)
    assert loaded.entries[0].birth_dates == ("1970-02",)
    assert str(loaded.published) == "2025-06-01"
    (warning,) = loaded.warnings
    assert warning.startswith(f"{path}:1: date '1970-13-45'")
    assert "(1 more in the file)" in warning


def test_ftm_datasets_as_one_string_name_the_list(tmp_path: Path) -> None:
    entity = {"id": "x", "schema": "Company", "properties": {"name": ["A"]}}
    path = _write_ftm(tmp_path / "e.ftm.json", {**entity, "datasets": "ru_list"})
    assert load_list(path).list_id == "ru_list"


def test_ftm_number_too_long_for_python_is_refused_with_its_line(
    tmp_path: Path,
) -> None:
    # json.loads raises a bare ValueError for an integer of more than 4,300 digits.
    path = tmp_path / "e.ftm.json"
    head = '{"id": "1", "schema": "Person", "properties": {"name": ["A"]}, "x": '
    path.write_text(head + "9" * 5000 + "}\n")
    with pytest.raises(
        LaborwatchError, match=r"e\.ftm\.json:1: not readable JSON \(a number too long"
    ):
        load_list(path)


def test_ftm_repeated_id_is_refused_with_both_lines(tmp_path: Path) -> None:
    entity = {"id": "x", "schema": "Company", "properties": {"name": ["A"]}}
    path = _write_ftm(tmp_path / "e.ftm.json", entity, entity)
    with pytest.raises(LaborwatchError, match=r":2: id 'x' is already on line 1"):
        load_list(path)


@pytest.mark.parametrize("text", ["Evil\u0000Co", "Evil \ud800Co"])
def test_text_a_database_cannot_keep_is_refused_naming_the_entry(
    tmp_path: Path, text: str
) -> None:
    entity = {"id": "x", "schema": "Company", "properties": {"name": [text]}}
    path = _write_ftm(tmp_path / "e.ftm.json", entity)
    with pytest.raises(LaborwatchError, match=r"e\.ftm\.json: entry 1 \("):
        load_list(path)


def _un_file(path: Path, *references: str) -> Path:
    individuals = "".join(
        f"<INDIVIDUAL><FIRST_NAME>PERSON {number}</FIRST_NAME>"
        f"<REFERENCE_NUMBER>{reference}</REFERENCE_NUMBER></INDIVIDUAL>"
        for number, reference in enumerate(references, start=1)
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z">'
        f"<INDIVIDUALS>{individuals}</INDIVIDUALS></CONSOLIDATED_LIST>\n"
    )
    return path


def test_un_entries_sharing_an_id_are_refused_naming_them(tmp_path: Path) -> None:
    # Three entries without reference numbers were counted 3 and stored as 1.
    path = _un_file(tmp_path / "un.xml", "KPi.001", "", "")
    with pytest.raises(LaborwatchError, match=r"un\.xml: entry 2 \('PERSON 2'\)"):
        load_list(path)
    path = _un_file(tmp_path / "un.xml", "KPi.001", "KPi.002", "KPi.001")
    with pytest.raises(
        LaborwatchError,
        match=r"entries 1 \('PERSON 1'\) and 3 \('PERSON 3'\) share the id 'KPi.001'",
    ):
        load_list(path)


def test_refused_reload_keeps_the_stored_list_and_counts_are_true(
    database: Database, tmp_path: Path
) -> None:
    good = save_list(database, load_list(_un_file(tmp_path / "a.xml", "A1", "A2")))
    assert good.entry_count == 2
    with pytest.raises(LaborwatchError):
        save_list(database, load_list(_un_file(tmp_path / "b.xml", "B1", "B1", "B1")))
    stored = [entry.entry_id for list_id, entry in load_entries(database)]
    assert stored == ["A1", "A2"]
    assert [summary.entry_count for summary in list_lists(database)] == [2]


@pytest.mark.parametrize(
    ("declaration", "encoding"),
    [("x-bogus", "utf-8"), ("Shift_JIS", "shift_jis")],
)
def test_xml_in_an_unreadable_encoding_gives_one_line(
    tmp_path: Path, declaration: str, encoding: str
) -> None:
    path = tmp_path / "un.xml"
    path.write_bytes(
        f'<?xml version="1.0" encoding="{declaration}"?>\n<CONSOLIDATED_LIST>'
        "<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>株式会社</FIRST_NAME>"
        "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>".encode(encoding)
    )
    with pytest.raises(LaborwatchError, match=r"un\.xml:1: XML in an encoding"):
        load_list(path)


def test_shift_jis_csv_is_refused_not_read_as_windows_1252(tmp_path: Path) -> None:
    folder = _write_ofac(
        tmp_path / "ofac",
        _ofac_row(1, "ACME"),
        _ofac_row(2, '"株式会社テスト"'),
        encoding="shift_jis",
    )
    with pytest.raises(LaborwatchError, match=r"sdn\.csv:2: not UTF-8"):
        load_list(folder)


@pytest.mark.parametrize("encoding", ["euc-kr", "cp1251"])
def test_other_legacy_encodings_are_refused(tmp_path: Path, encoding: str) -> None:
    name = {"euc-kr": "대성무역", "cp1251": "ООО Ромашка"}[encoding]
    folder = _write_ofac(tmp_path / "ofac", _ofac_row(1, name), encoding=encoding)
    with pytest.raises(LaborwatchError, match=r"sdn\.csv:1: not UTF-8"):
        load_list(folder)


def test_windows_1252_csv_from_the_publisher_still_reads(tmp_path: Path) -> None:
    folder = _write_ofac(
        tmp_path / "ofac",
        _ofac_row(1, '"SOCIÉTÉ GÉNÉRALE D’IMPORT"'),
        _ofac_row(2, '"ŽELJKO ŠARIĆ"'.replace("Ć", "C")),
        encoding="cp1252",
    )
    names = [entry.name for entry in load_list(folder).entries]
    assert names == ["SOCIÉTÉ GÉNÉRALE D’IMPORT", "ŽELJKO ŠARIC"]


def test_cli_reports_the_count_it_stored_and_refuses_in_one_line(
    database_url: str, tmp_path: Path
) -> None:
    good = _un_file(tmp_path / "a.xml", "A1", "A2", "A3")
    loaded = run_cli("--db", database_url, "lists", "load", str(good))
    assert loaded.returncode == 0
    assert "un_sc_consolidated: 3 entries" in loaded.stderr
    bad = _un_file(tmp_path / "b.xml", "B1", "B1", "B2")
    failed = run_cli("--db", database_url, "lists", "load", str(bad))
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert failed.stderr.count("\n") == 1
    assert "share the id 'B1'" in failed.stderr
    shown = json.loads(run_cli("--db", database_url, "lists", "show", "--json").stdout)
    assert [item["entries"] for item in shown["lists"]] == [3]


def test_cli_prints_the_warnings_of_a_load(database_url: str, tmp_path: Path) -> None:
    entity = {"id": "x", "schema": "Company", "properties": {"name": ["A"]}}
    path = _write_ftm(tmp_path / "e.ftm.json", {**entity, "last_change": "soon"})
    result = run_cli("--db", database_url, "lists", "load", str(path))
    assert result.returncode == 0
    assert f"warning: {path}:1: last_change 'soon'" in result.stderr


def test_dol_workbook_with_a_broken_sheet_gives_one_line(tmp_path: Path) -> None:
    # Read-only workbooks parse each sheet as it is iterated, after opening.
    import zipfile

    import openpyxl

    good = tmp_path / "good.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Country", "Good", "Child Labor", "Forced Labor"])
    workbook.active.append(["Madagascar", "Gems", "X", None])
    workbook.save(good)
    broken = tmp_path / "tvpra.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(LaborwatchError, match=r"tvpra\.xlsx: not a readable XLSX"):
        load_list(broken)


@pytest.mark.parametrize(
    "field", [f.name for f in dataclasses.fields(ListEntry) if f.name != "entry_id"]
)
def test_every_entry_field_is_checked_for_text_a_database_cannot_keep(
    field: str,
) -> None:
    kind = ListEntry.__dataclass_fields__[field].type
    value: object = "a\x00b"
    if "tuple[tuple" in str(kind):
        value = (("id", "a\x00b"),)
    elif "tuple" in str(kind):
        value = ("a\x00b",)
    entry = dataclasses.replace(
        ListEntry(entry_id="x", schema="Company", name="A"), **{field: value}
    )
    loaded = LoadedList(
        list_id="l",
        title="",
        format="",
        publisher="",
        published=None,
        sources=(),
        checksum="",
        entries=[entry],
    )
    with pytest.raises(LaborwatchError, match="holds a NUL"):
        check_loaded(Path("list.json"), loaded)


def test_an_empty_list_id_is_refused(database_url: str) -> None:
    for given in ("", "  "):
        result = run_cli(
            "--db", database_url, "lists", "load", str(LISTS / "un.xml"), "--id", given
        )
        assert (result.returncode, result.stderr) == (
            1,
            "Error: --id: an empty list id; give one, or leave --id out\n",
        )
    shown = run_cli("--db", database_url, "lists", "show", "--json")
    assert json.loads(shown.stdout) == {"lists": []}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_not_waited_on(database_url: str, tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # no writer: a read would block for ever
    result = run_cli("--db", database_url, "lists", "load", str(fifo), timeout=60)
    assert (result.returncode, result.stderr) == (
        1,
        f"Error: {fifo}: not a regular file or folder\n",
    )
