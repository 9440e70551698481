"""Reading list files: bytes, text in the publisher's encoding, CSV rows, checksums."""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from laborwatch.errors import LaborwatchError

# Besides Latin letters, the Windows-1252 characters a name or address list plausibly
# holds. Text in another legacy encoding (Shift-JIS, EUC-KR, Windows-1251) read as
# Windows-1252 turns into runs of symbols such as "ƒ", "‰", "±" or "¹", or of several
# accented letters in a row, and is refused rather than stored as mojibake.
_CP1252_PUNCTUATION = frozenset("\u00a0‘’‚“”„–—…•€°ºª§©®«»¡¿·´")
_CP1252_RUN = 3  # this many non-ASCII characters in a row is no Western name


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise LaborwatchError(f"{path}: cannot read ({err.strerror})") from None


def decode(path: Path, data: bytes) -> str:
    """UTF-8, else Windows-1252 (which OFAC and BIS files have used) where the
    result reads as Western text; anything else is refused, naming the line."""
    data = data.rstrip(b"\x1a")  # OFAC ends its CSV files with a DOS end-of-file byte
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        utf8_error = err
    line = data.count(b"\n", 0, utf8_error.start) + 1
    refusal = (
        f"{path}:{line}: not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
        f"{utf8_error.start}) nor Windows-1252 text"
    )
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise LaborwatchError(f"{refusal}; save it as UTF-8") from None
    odd = _implausible_cp1252(text)
    if odd is not None:
        odd_line = text.count("\n", 0, odd) + 1
        raise LaborwatchError(
            f"{path}:{odd_line}: not UTF-8, and as Windows-1252 it reads "
            f"{text[odd : odd + 8]!r}, no Western text (another encoding?); "
            "save it as UTF-8"
        )
    return text


def _implausible_cp1252(text: str) -> int | None:
    """The offset of the first character that Western text would not hold."""
    run = 0
    for offset, char in enumerate(text):
        if char.isascii():
            run = 0
            continue
        run += 1
        letter = unicodedata.category(char).startswith("L") and char not in "ƒˆ"
        if run >= _CP1252_RUN or not (letter or char in _CP1252_PUNCTUATION):
            return offset - run + 1
    return None


# The csv module's own default. Its limit is process-wide and other libraries raise
# it (followthemoney sets 30 MB on import), so a row is measured here as well.
MAX_FIELD_CHARS = 131_072


def csv_rows(
    path: Path, text: str, delimiter: str = ","
) -> Iterator[tuple[int, list[str]]]:
    """Rows of a list's CSV text with their line numbers; a row must end on its line.

    No list field holds a line break, so a record running over several lines is an
    unbalanced quote that swallowed the rows after it: refused, like any quote the
    strict reader finds out of place and any field past the reader's size limit.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            reason = str(err)
            if "field limit" in reason:
                reason = f"a field longer than {MAX_FIELD_CHARS} characters"
            elif "end of data" in reason:
                reason = "a quote opened here is never closed"
            raise LaborwatchError(f"{path}:{line}: malformed CSV ({reason})") from None
        if reader.line_num > line:
            raise LaborwatchError(
                f"{path}:{line}: a quoted field runs on to line {reader.line_num} "
                "(unbalanced quote)"
            )
        refuse_long_fields(row, f"{path}:{line}")
        yield line, row
        line = reader.line_num + 1


def refuse_long_fields(row: list[str], where: str) -> None:
    """Refuse a CSV record with a field past ``MAX_FIELD_CHARS``, whatever the csv
    module's process-wide limit (which another caller may have raised)."""
    if any(len(field) > MAX_FIELD_CHARS for field in row):
        raise LaborwatchError(
            f"{where}: malformed CSV (a field longer than {MAX_FIELD_CHARS} characters)"
        )


def checksum(*blobs: bytes) -> str:
    """SHA-256 over the files of one list, in order."""
    digest = hashlib.sha256()
    for blob in blobs:
        digest.update(hashlib.sha256(blob).digest())
    return digest.hexdigest()


def parse_xml(path: Path, data: bytes) -> ElementTree.Element:
    """The root of an XML list file, tags without namespaces; errors name the line."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as err:
        line, column = err.position
        raise LaborwatchError(
            f"{path}:{line}: malformed XML (column {column})"
        ) from None
    except (LookupError, ValueError) as err:
        # Python's XML parser reads UTF-8, UTF-16 and single-byte encodings only: an
        # unknown name is a LookupError, Shift-JIS or GB18030 a ValueError.
        raise LaborwatchError(
            f"{path}:1: XML in an encoding that cannot be read ({err}); "
            "save it as UTF-8"
        ) from None
    for node in root.iter():
        if isinstance(node.tag, str) and "}" in node.tag:
            node.tag = node.tag.split("}", 1)[1]
    return root


def read_xml(path: Path, root_tag: str, what: str) -> tuple[bytes, ElementTree.Element]:
    """The bytes and XML root of a list file, refused unless its root is
    ``root_tag`` (``what`` names the file it should be)."""
    data = read_bytes(path)
    root = parse_xml(path, data)
    if root.tag != root_tag:
        raise LaborwatchError(f"{path}: not {what} (root <{root.tag}>)")
    return data, root


def iso_date(value: str | None) -> date | None:
    """The date of an ISO 8601 date or timestamp ("2026-02-27T00:00:09.554Z")."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
