"""Supplier files that are broken or built to hurt: refused with one line naming
the file and the limit, line or cell, within small memory; nothing wrong read."""

from __future__ import annotations

import itertools
import tracemalloc
from pathlib import Path

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.screen.suppliers import read_suppliers
from laborwatch.screen.xlsx import XlsxLimits
from laborwatch.settings import Settings
from tests.conftest import run_cli
from tests.screen import xlsx_parts
from tests.screen.xlsx_parts import MAIN, SHEET_END, SHEET_START

DEFAULTS = XlsxLimits.from_settings(Settings())


def refusal(path: Path, limits: XlsxLimits = DEFAULTS) -> str:
    with pytest.raises(LaborwatchError) as caught:
        list(read_suppliers(path, limits=limits))
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_xlsx_cell_that_unpacks_to_100_mb_is_refused_in_small_memory(
    tmp_path: Path,
) -> None:
    # The bomb: a 100 MB cell in a file of about 100 KB.
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>'
    pieces = itertools.chain(
        [(SHEET_START + xlsx_parts.HEADER + row).encode()],
        itertools.repeat(b"A" * (1 << 20), 100),
        [("</t></is></c></row>" + SHEET_END).encode()],
    )
    path = xlsx_parts.write_streamed(
        tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml", pieces
    )
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    message = refusal(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert message == (
        f"{path}: cell A2 is longer than 32,767 characters "
        "(LABORWATCH_XLSX_MAX_CELL_CHARS)"
    )
    assert peak < 20_000_000


def test_xlsx_part_larger_than_the_limit_is_refused_as_it_unpacks(
    tmp_path: Path,
) -> None:
    # Empty rows: nothing to keep, but the part itself is too large.
    pieces = itertools.chain(
        [(SHEET_START + xlsx_parts.HEADER).encode()],
        itertools.repeat(b"<row/>" * 100_000, 20),
        [SHEET_END.encode()],
    )
    path = xlsx_parts.write_streamed(
        tmp_path / "rows.xlsx", "xl/worksheets/sheet1.xml", pieces
    )
    limits = XlsxLimits(1024 * 1024, 100, 100, 1_000_000_000, 100)
    assert refusal(path, limits) == (
        f"{path}: xl/worksheets/sheet1.xml unpacks to more than 1 MB "
        "(LABORWATCH_XLSX_MAX_PART_MB)"
    )


def test_xlsx_shared_string_too_long_is_refused(tmp_path: Path) -> None:
    pieces = itertools.chain(
        [f'<sst xmlns="{MAIN}"><si><t>'.encode()],
        itertools.repeat(b"x" * 65536, 50),
        [b"</t></si></sst>"],
    )
    path = xlsx_parts.write_streamed(
        tmp_path / "sst.xlsx", "xl/sharedStrings.xml", pieces
    )
    assert "shared string 0 is longer than 32,767 characters" in refusal(path)


def test_xlsx_too_many_shared_strings_are_refused(tmp_path: Path) -> None:
    shared = "<si><t>a</t></si>" * 1001
    path = xlsx_parts.write(tmp_path / "many.xlsx", xlsx_parts.parts("", shared))
    limits = XlsxLimits(1 << 30, 100, 1000, 1000, 100)
    assert refusal(path, limits) == (
        f"{path}: more than 1,000 shared strings (LABORWATCH_XLSX_MAX_SHARED_STRINGS)"
    )


def test_xlsx_rows_and_columns_beyond_the_limits_are_refused(tmp_path: Path) -> None:
    far_row = '<row r="50000001"><c r="A50000001"><v>1</v></c></row>'
    path = xlsx_parts.write(tmp_path / "far.xlsx", xlsx_parts.parts(far_row))
    assert refusal(path) == (
        f"{path}: more than 1,048,576 rows (LABORWATCH_XLSX_MAX_ROWS)"
    )
    wide = '<row r="2"><c r="ZZ2"><v>1</v></c></row>'
    path = xlsx_parts.write(tmp_path / "wide.xlsx", xlsx_parts.parts(wide))
    limits = XlsxLimits(1 << 30, 100, 100, 1000, 100)
    assert refusal(path, limits) == (
        f"{path}: cell ZZ2: more than 100 columns (LABORWATCH_XLSX_MAX_COLUMNS)"
    )


def test_xlsx_tag_of_a_megabyte_is_refused(tmp_path: Path) -> None:
    pieces = itertools.chain(
        [(SHEET_START + '<row r="2"><c r="A2" x="').encode()],
        itertools.repeat(b"y" * 65536, 40),
        [('"/></row>' + SHEET_END).encode()],
    )
    path = xlsx_parts.write_streamed(
        tmp_path / "tag.xlsx", "xl/worksheets/sheet1.xml", pieces
    )
    assert "an XML tag longer than 1 MB" in refusal(path)


def test_xlsx_with_a_dtd_is_refused(tmp_path: Path) -> None:
    members = xlsx_parts.parts()
    members["xl/sharedStrings.xml"] = (
        b'<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        + f'<sst xmlns="{MAIN}"><si><t>&b;</t></si></sst>'.encode()
    )
    path = xlsx_parts.write(tmp_path / "dtd.xlsx", members)
    assert "xl/sharedStrings.xml: declares a DTD" in refusal(path)


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        (
            '<row r="2"><c r="A3"><v>1</v></c></row>',
            "impossible cell reference 'A3' in row 2",
        ),
        (
            '<row r="2"><c r="XFE2"><v>1</v></c></row>',
            "impossible cell reference 'XFE2' in row 2",
        ),
        ('<row r="2"><c r="A2" t="s"><v>7</v></c></row>', "cell A2: shared string"),
        ('<row r="2"><c r="A2" t="d"><v>2024-13-45</v></c></row>', "cell A2: bad date"),
        (
            '<row r="2"><c r="A2" s="1"><v>1e300</v></c></row>',
            "cell A2: bad date (serial 1e+300)",
        ),
        ('<row r="2"><c r="A2"><v>twelve</v></c></row>', "cell A2: not a number"),
        ('<row r="2"/><row r="2"/>', "row '2' after row 2"),
        ("<row><c><v>1</v></c>", "malformed XML"),
    ],
)
def test_broken_xlsx_cells_are_one_line(
    tmp_path: Path, rows: str, problem: str
) -> None:
    members = xlsx_parts.parts(rows, "<si><t>only</t></si>")
    members["xl/styles.xml"] = (
        f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/>'
        '<xf numFmtId="14"/></cellXfs></styleSheet>'
    ).encode()
    members["xl/_rels/workbook.xml.rels"] = members[
        "xl/_rels/workbook.xml.rels"
    ].replace(
        b"</Relationships>",
        b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        b"</Relationships>",
    )
    path = xlsx_parts.write(tmp_path / "broken.xlsx", members)
    message = refusal(path)
    assert message.startswith(f"{path}: ")
    assert problem in message


def test_xlsx_bomb_through_the_cli_is_one_line(
    database_url: str, tmp_path: Path
) -> None:
    shared = "".join(f"<si><t>s{n}</t></si>" for n in range(50))
    path = xlsx_parts.write(tmp_path / "many.xlsx", xlsx_parts.parts("", shared))
    result = run_cli(
        "--db",
        database_url,
        "screen",
        str(path),
        env={"LABORWATCH_XLSX_MAX_SHARED_STRINGS": "10"},
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {path}: more than 10 shared strings "
        "(LABORWATCH_XLSX_MAX_SHARED_STRINGS)"
    ]


@pytest.mark.parametrize(
    ("content", "line"),
    [
        # The quote on line 3 never closes: every later line would join its field.
        ('name,country\nAcme,DE\n"Borealis,FI\nCobalt Mining,CD\nDelta,CN\n', 3),
        # Closed on line 5 with text after it: lines 3-5 would make one row.
        ('name,country\nAcme,DE\n"Borealis,FI\nCobalt,CD\n"Delta,CN\nEcho,US\n', 3),
    ],
)
def test_csv_with_an_unbalanced_quote_names_the_line(
    tmp_path: Path, content: str, line: int
) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(content)
    rows = read_suppliers(path)
    assert next(rows).name == "Acme"
    with pytest.raises(LaborwatchError) as caught:
        next(rows)
    assert str(caught.value).startswith(
        f"{path}:{line}: malformed CSV (unbalanced quote"
    )


def test_csv_quoted_field_over_two_lines_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "address.csv"
    path.write_text('name,address\nAcme,"1 Main St\nSpringfield"\nBeta,Oslo\n')
    assert [(r.row, r.name, r.address) for r in read_suppliers(path)] == [
        (2, "Acme", "1 Main St\nSpringfield"),
        (3, "Beta", "Oslo"),
    ]


def test_errors_name_the_given_name_not_the_path(tmp_path: Path) -> None:
    path = tmp_path / "upload.csv"
    path.write_text('name\n"open\n')
    with pytest.raises(LaborwatchError, match=r"^suppliers\.csv:2: "):
        list(read_suppliers(path, name="suppliers.csv"))


def test_a_zip_of_too_many_members_is_refused_before_its_directory_is_read(
    tmp_path: Path,
) -> None:
    import zipfile

    path = tmp_path / "many.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(12_000):
            archive.writestr(f"x/{number}", b"")
    with pytest.raises(LaborwatchError, match="12,000 zip members"):
        list(read_suppliers(path))


@pytest.mark.parametrize("limit", [None, 30 * 1024 * 1024])
def test_an_oversized_field_is_refused_whatever_the_csv_modules_limit(
    tmp_path: Path, limit: int | None
) -> None:
    """The csv module's limit is process-wide and other libraries raise it
    (followthemoney sets 30 MB on import); the reader measures fields itself."""
    import csv

    path = tmp_path / "suppliers.csv"
    path.write_text("name,country\nAcme,CN\n" + "X" * 200_000 + ",CN\n")
    previous = csv.field_size_limit()
    if limit is not None:
        csv.field_size_limit(limit)
    try:
        with pytest.raises(
            LaborwatchError, match=r"suppliers\.csv:3: .*longer than 131072"
        ):
            list(read_suppliers(path))
    finally:
        csv.field_size_limit(previous)
