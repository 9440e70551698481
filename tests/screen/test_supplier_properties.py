"""Property-based: whatever the bytes of a supplier file, reading it gives rows or
one LaborwatchError, never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from laborwatch.errors import LaborwatchError
from laborwatch.screen.suppliers import read_suppliers
from laborwatch.screen.xlsx import XlsxLimits
from tests.screen import xlsx_parts

SMALL = XlsxLimits(
    part_bytes=1 << 20, cell_chars=1000, shared_strings=100, rows=1000, columns=50
)
VALID_ROWS = (
    '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>PK</t>'
    '</is></c><c r="C2"><v>610910</v></c></row>'
    '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3"><v>6109.1</v></c></row>'
)
VALID_SHARED = "<si><t>Lahore Brick Works</t></si><si><r><t>Acme</t></r></si>"
VALID_CSV = (
    b'name,country,product\nLahore Brick Works,PK,bricks\n"Acme, Inc.",DE,"a ""b"""\n'
)
EXAMPLES = settings(max_examples=60, deadline=None)


def read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"suppliers{suffix}"
        path.write_bytes(data)
        try:
            for row in read_suppliers(path, limits=SMALL):
                assert row.row >= 2
        except LaborwatchError as err:
            assert "\n" not in str(err)


def mutate(data: bytes, edits: list[tuple[int, bytes]]) -> bytes:
    for position, replacement in edits:
        at = position % (len(data) + 1)
        data = data[:at] + replacement + data[at + len(replacement) // 2 :]
    return data


EDITS = st.lists(
    st.tuples(st.integers(min_value=0), st.binary(min_size=0, max_size=6)),
    min_size=1,
    max_size=4,
)


@EXAMPLES
@given(st.binary(max_size=2000), st.sampled_from([".csv", ".xlsx"]))
def test_arbitrary_bytes_give_rows_or_one_error(data: bytes, suffix: str) -> None:
    read(data, suffix)


@EXAMPLES
@given(EDITS)
def test_mutated_csv_gives_rows_or_one_error(edits: list[tuple[int, bytes]]) -> None:
    read(mutate(VALID_CSV, edits), ".csv")


@EXAMPLES
@given(
    st.sampled_from(sorted(xlsx_parts.parts())),
    EDITS,
)
def test_mutated_xlsx_part_gives_rows_or_one_error(
    part: str, edits: list[tuple[int, bytes]]
) -> None:
    # Mutate the XML, then zip it properly: the reader, not the zip checksum, must
    # meet the damage.
    members = xlsx_parts.parts(VALID_ROWS, VALID_SHARED)
    members[part] = mutate(members[part], edits)
    with tempfile.TemporaryDirectory() as folder:
        data = xlsx_parts.write(Path(folder) / "w.xlsx", members).read_bytes()
    read(data, ".xlsx")


@EXAMPLES
@given(EDITS)
def test_mutated_xlsx_archive_gives_rows_or_one_error(
    edits: list[tuple[int, bytes]],
) -> None:
    members = xlsx_parts.parts(VALID_ROWS, VALID_SHARED)
    with tempfile.TemporaryDirectory() as folder:
        data = xlsx_parts.write(Path(folder) / "w.xlsx", members).read_bytes()
    read(mutate(data, edits), ".xlsx")


def test_the_valid_files_read() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = xlsx_parts.write(
            Path(folder) / "w.xlsx", xlsx_parts.parts(VALID_ROWS, VALID_SHARED)
        )
        rows = list(read_suppliers(path, limits=SMALL))
        csv_path = Path(folder) / "s.csv"
        csv_path.write_bytes(VALID_CSV)
        csv_rows = list(read_suppliers(csv_path))
    assert [(r.row, r.name) for r in rows] == [(2, "Lahore Brick Works"), (3, "Acme")]
    assert [r.product for r in csv_rows] == ["bricks", 'a "b"']
