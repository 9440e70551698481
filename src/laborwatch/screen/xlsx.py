"""XLSX worksheets read as a stream, within limits, whatever the file declares.

An XLSX file is a zip of XML parts, and a small one can unpack to gigabytes: one
huge cell, a billion shared strings, millions of empty rows. So nothing here trusts
a declared size. Each part is decompressed and parsed in chunks with its real
unpacked size counted, and shared strings, rows, columns and cell sizes are checked
as they stream; the first limit met stops the read with one line naming the file and
the limit. XML that declares a DTD is refused, so no entity is ever expanded.

Values are read as openpyxl reads them with ``values_only``: shared and inline
strings, numbers (int or float), booleans, error codes as text, and date-formatted
numbers as datetimes. Formulas are never evaluated: a cell gives its cached value.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.parsers import expat

from laborwatch.errors import LaborwatchError
from laborwatch.settings import Settings

_CHUNK = 64 * 1024
# No tag in a real workbook comes near this; expat must hold a whole tag in memory,
# so one longer (a megabyte-long attribute) is a bomb, refused as soon as it is seen.
_MAX_TAG_BYTES = 1 << 20
# Excel allows 64,000 cell formats; more styles than this is no real workbook.
_MAX_STYLES = 65_536
# A workbook has a few dozen parts; 0xFFFF means a ZIP64 directory, never needed here.
_MAX_MEMBERS = 10_000
_END_SEARCH_BYTES = 65_536 + 22  # the end record and its longest comment
_EXCEL_COLUMNS = 16_384  # XFD, Excel's last column
_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{1,7})")
_RELATIONSHIP = "officeDocument/2006/relationships"
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    NotImplementedError,  # compression methods zipfile lacks (Deflate64, ...)
    RuntimeError,  # encrypted members
    ValueError,
    KeyError,
    struct.error,
)
Row = tuple[object, ...]


@dataclass(frozen=True)
class XlsxLimits:
    """How far a workbook may unpack; see ``LABORWATCH_XLSX_*`` in settings."""

    part_bytes: int
    cell_chars: int
    shared_strings: int
    rows: int
    columns: int

    @classmethod
    def from_settings(cls, settings: Settings) -> XlsxLimits:
        return cls(
            part_bytes=settings.xlsx_max_part_bytes,
            cell_chars=settings.xlsx_max_cell_chars,
            shared_strings=settings.xlsx_max_shared_strings,
            rows=settings.xlsx_max_rows,
            columns=settings.xlsx_max_columns,
        )


def xlsx_rows(path: Path, label: str, limits: XlsxLimits) -> Iterator[tuple[int, Row]]:
    """(row number, values) of the first worksheet's rows that hold any value."""
    _check_directory(path, label)
    try:
        archive = zipfile.ZipFile(path)
    except _ZIP_ERRORS as err:
        raise _unreadable(label, err) from None
    with archive:
        reader = _Reader(archive, label, limits)
        try:
            sheet, shared, styles, date1904 = reader.workbook()
            strings = reader.shared_strings(shared) if shared else []
            dates = reader.date_styles(styles) if styles else frozenset()
            yield from reader.sheet(sheet, strings, dates, date1904)
        except _ZIP_ERRORS as err:
            raise _unreadable(label, err) from None


def _check_directory(path: Path, label: str) -> None:
    """Refuse a zip listing more members than a workbook has, before the zip module
    reads its whole directory into memory (300,000 empty members took 170 MB)."""
    try:
        with path.open("rb") as file:
            file.seek(0, 2)
            size = file.tell()
            file.seek(max(size - _END_SEARCH_BYTES, 0))
            tail = file.read()
    except OSError as err:
        raise _unreadable(label, err) from None
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or len(tail) < end + 22:
        return  # not a zip: the zip module says so
    (members,) = struct.unpack("<H", tail[end + 10 : end + 12])
    if members > _MAX_MEMBERS:
        raise LaborwatchError(
            f"{label}: {members:,} zip members, more than a workbook has "
            f"(at most {_MAX_MEMBERS:,})"
        )


def _unreadable(label: str, err: BaseException) -> LaborwatchError:
    detail = f"missing part {err}" if isinstance(err, KeyError) else type(err).__name__
    return LaborwatchError(f"{label}: not a readable XLSX workbook ({detail})")


class _Reader:
    def __init__(self, archive: zipfile.ZipFile, label: str, limits: XlsxLimits):
        self.archive = archive
        self.label = label
        self.limits = limits

    def refuse(self, problem: str) -> LaborwatchError:
        return LaborwatchError(f"{self.label}: {problem}")

    def too_long(self, what: str) -> LaborwatchError:
        """The refusal of a text (a cell's, a shared string's) over the limit."""
        return self.refuse(
            f"{what} is longer than {self.limits.cell_chars:,} characters "
            "(LABORWATCH_XLSX_MAX_CELL_CHARS)"
        )

    def parse(
        self,
        member: str,
        start: Callable[[str, dict[str, str]], None],
        end: Callable[[str], None] | None = None,
        text: Callable[[str], None] | None = None,
    ) -> Iterator[None]:
        """Parse one part in chunks, yielding after each, its unpacked size bounded.

        Handlers get local names (no namespace) and attributes keyed by local name.
        """
        parser = expat.ParserCreate(namespace_separator=" ")

        def no_dtd(*_args: object) -> None:
            raise self.refuse(f"{member}: declares a DTD, which no workbook does")

        parser.StartDoctypeDeclHandler = no_dtd
        parser.EntityDeclHandler = no_dtd
        parser.StartElementHandler = lambda name, attributes: start(
            name.rpartition(" ")[2],
            {key.rpartition(" ")[2]: value for key, value in attributes.items()},
        )
        if end:
            parser.EndElementHandler = lambda name: end(name.rpartition(" ")[2])
        if text:
            parser.CharacterDataHandler = text
        unpacked = 0
        with self.archive.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                unpacked += len(chunk)
                if unpacked > self.limits.part_bytes:
                    raise self.refuse(
                        f"{member} unpacks to more than "
                        f"{_megabytes(self.limits.part_bytes)} "
                        "(LABORWATCH_XLSX_MAX_PART_MB)"
                    )
                try:
                    parser.Parse(chunk, False)
                except expat.ExpatError as err:
                    raise self.refuse(f"{member}: malformed XML ({err})") from None
                if unpacked - parser.CurrentByteIndex > _MAX_TAG_BYTES:
                    raise self.refuse(f"{member}: an XML tag longer than 1 MB")
                yield
            try:
                parser.Parse(b"", True)
            except expat.ExpatError as err:
                raise self.refuse(f"{member}: malformed XML ({err})") from None

    def run(self, member: str, **handlers: Any) -> None:
        for _ in self.parse(member, **handlers):
            pass

    def workbook(self) -> tuple[str, str | None, str | None, bool]:
        """The first worksheet's part, the shared strings' and styles' parts, and
        whether dates count from 1904."""
        workbook = "xl/workbook.xml"
        if self._has("_rels/.rels"):
            for _id, kind, target in self.relationships("_rels/.rels", ""):
                if kind.endswith("/officeDocument"):
                    workbook = target
        sheets: list[str] = []
        date1904 = False

        def start(name: str, attributes: dict[str, str]) -> None:
            nonlocal date1904
            if name == "sheet" and "id" in attributes:
                sheets.append(attributes["id"])
            elif name == "workbookPr":
                date1904 = attributes.get("date1904", "") in ("1", "true")

        self.run(workbook, start=start)
        folder = posixpath.dirname(workbook)
        rels = posixpath.join(folder, "_rels", posixpath.basename(workbook) + ".rels")
        targets = {}
        shared = styles = None
        for rel_id, kind, target in self.relationships(rels, folder):
            targets[rel_id] = (kind, target)
            if kind.endswith("/sharedStrings"):
                shared = target
            elif kind.endswith("/styles"):
                styles = target
        for rel_id in sheets:
            kind, target = targets.get(rel_id, ("", ""))
            if kind.endswith("/worksheet"):
                return target, shared, styles, date1904
        raise self.refuse("no worksheet in the workbook")

    def _has(self, member: str) -> bool:
        try:
            self.archive.getinfo(member)
        except KeyError:
            return False
        return True

    def relationships(self, member: str, folder: str) -> list[tuple[str, str, str]]:
        found: list[tuple[str, str, str]] = []

        def start(name: str, attributes: dict[str, str]) -> None:
            if name == "Relationship" and attributes.get("TargetMode") != "External":
                target = attributes.get("Target", "")
                path = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target))
                )
                found.append(
                    (attributes.get("Id", ""), attributes.get("Type", ""), path)
                )
                if len(found) > _MAX_STYLES:
                    raise self.refuse(f"{member}: too many relationships")

        self.run(member, start=start)
        return found

    def shared_strings(self, member: str) -> list[str]:
        limit = self.limits.shared_strings
        strings: list[str] = []
        parts: list[str] = []
        size = 0
        depth = {"t": 0, "rPh": 0}  # text counts inside <t>, not in phonetic runs

        def start(name: str, _attributes: dict[str, str]) -> None:
            nonlocal size
            if name == "si":
                parts.clear()
                size = 0
                if len(strings) >= limit:
                    raise self.refuse(
                        f"more than {limit:,} shared strings "
                        "(LABORWATCH_XLSX_MAX_SHARED_STRINGS)"
                    )
            elif name in depth:
                depth[name] += 1

        def end(name: str) -> None:
            if name == "si":
                strings.append("".join(parts))
            elif name in depth:
                depth[name] -= 1

        def text(data: str) -> None:
            nonlocal size
            if depth["t"] and not depth["rPh"]:
                size += len(data)
                if size > self.limits.cell_chars:
                    raise self.too_long(f"shared string {len(strings)}")
                parts.append(data)

        self.run(member, start=start, end=end, text=text)
        return strings

    def date_styles(self, member: str) -> frozenset[int]:
        """Indexes of the cell styles whose number format shows a date."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        formats: dict[int, str] = {}
        cell_formats: list[int] = []
        in_cell_xfs = False

        def start(name: str, attributes: dict[str, str]) -> None:
            nonlocal in_cell_xfs
            if name == "numFmt" and len(formats) < _MAX_STYLES:
                formats[_int(attributes.get("numFmtId"))] = attributes.get(
                    "formatCode", ""
                )
            elif name == "cellXfs":
                in_cell_xfs = True
            elif name == "xf" and in_cell_xfs:
                if len(cell_formats) >= _MAX_STYLES:
                    raise self.refuse(f"{member}: more than {_MAX_STYLES:,} styles")
                cell_formats.append(_int(attributes.get("numFmtId")))

        def end(name: str) -> None:
            nonlocal in_cell_xfs
            if name == "cellXfs":
                in_cell_xfs = False

        self.run(member, start=start, end=end)
        return frozenset(
            index
            for index, format_id in enumerate(cell_formats)
            if is_date_format(formats.get(format_id, BUILTIN_FORMATS.get(format_id)))
        )

    def sheet(
        self, member: str, strings: list[str], dates: frozenset[int], date1904: bool
    ) -> Iterator[tuple[int, Row]]:
        limits = self.limits
        done: list[tuple[int, Row]] = []
        row_number = 0
        column = 0
        values: dict[int, object] = {}
        cell: dict[str, str] = {}
        value: list[str] = []
        size = 0
        inside = {"v": 0, "is": 0, "t": 0, "rPh": 0}

        def where() -> str:
            return f"{_column_name(column)}{row_number}"

        def start(name: str, attributes: dict[str, str]) -> None:
            nonlocal row_number, column, size
            if name == "row":
                given = attributes.get("r")
                number = _int(given) if given is not None else row_number + 1
                if number <= row_number:
                    raise self.refuse(
                        f"{member}: row {given!r} after row {row_number}, "
                        "an impossible row reference"
                    )
                if number > limits.rows:
                    raise self.refuse(
                        f"more than {limits.rows:,} rows (LABORWATCH_XLSX_MAX_ROWS)"
                    )
                row_number, column = number, 0
                values.clear()
            elif name == "c":
                reference = attributes.get("r")
                column = (
                    self.reference(member, reference, row_number)
                    if reference is not None
                    else column + 1
                )
                cell.clear()
                cell.update(attributes)
                value.clear()
                size = 0
            elif name in inside:
                inside[name] += 1

        def text(data: str) -> None:
            nonlocal size
            if inside["v"] or (inside["is"] and inside["t"] and not inside["rPh"]):
                size += len(data)
                if size > limits.cell_chars:
                    raise self.too_long(f"cell {where()}")
                value.append(data)

        def end(name: str) -> None:
            if name in inside:
                inside[name] -= 1
            elif name == "c":
                result = self.value(where(), cell, "".join(value), strings)
                if isinstance(result, (int, float)) and _int(cell.get("s")) in dates:
                    result = self.date(where(), result, date1904)
                if result is None or result == "":
                    return
                if column > limits.columns:
                    raise self.refuse(
                        f"cell {where()}: more than {limits.columns:,} columns "
                        "(LABORWATCH_XLSX_MAX_COLUMNS)"
                    )
                values[column] = result
            elif name == "row" and values:
                width = max(values)
                done.append(
                    (row_number, tuple(values.get(i) for i in range(1, width + 1)))
                )
                values.clear()

        for _ in self.parse(member, start=start, end=end, text=text):
            yield from done
            done.clear()
        yield from done

    def reference(self, member: str, reference: str, row_number: int) -> int:
        match = _REFERENCE.fullmatch(reference.upper())
        column = _column_index(match.group(1)) if match else 0
        if (
            match is None
            or int(match.group(2)) != row_number
            or not 1 <= column <= _EXCEL_COLUMNS
        ):
            raise self.refuse(
                f"{member}: impossible cell reference {reference[:20]!r} "
                f"in row {row_number}"
            )
        return column

    def value(
        self, where: str, cell: dict[str, str], text: str, strings: list[str]
    ) -> object:
        kind = cell.get("t", "n")
        if kind in ("inlineStr", "str", "e"):
            return text
        if not text:
            return None
        if kind == "s":
            index = _int(text)
            if not 0 <= index < len(strings):
                raise self.refuse(
                    f"cell {where}: shared string {text[:20]!r} out of range "
                    f"(the workbook has {len(strings):,})"
                )
            return strings[index]
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            try:
                return datetime.fromisoformat(text.strip())
            except ValueError:
                raise self.refuse(f"cell {where}: bad date {text[:40]!r}") from None
        if kind == "n":
            try:
                return float(text) if re.search("[.eE]", text) else int(text)
            except ValueError:
                raise self.refuse(f"cell {where}: not a number {text[:40]!r}") from None
        raise self.refuse(f"cell {where}: unknown cell type {kind[:20]!r}")

    def date(self, where: str, number: float, date1904: bool) -> object:
        from openpyxl.utils.datetime import (
            CALENDAR_MAC_1904,
            CALENDAR_WINDOWS_1900,
            from_excel,
        )

        epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        try:
            return from_excel(number, epoch)
        except (ValueError, OverflowError, TypeError):
            raise self.refuse(f"cell {where}: bad date (serial {number!r})") from None


def _int(text: str | None) -> int:
    """A non-negative integer attribute; -1 for anything else (never an error)."""
    if text is None or not text.isascii() or not text.isdigit() or len(text) > 12:
        return -1
    return int(text)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index


def _column_name(index: int) -> str:
    name = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        name = chr(ord("A") + remainder) + name
    return name or "?"


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"
