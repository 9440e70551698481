"""Reading list files: bytes, text in the publisher's encoding, and checksums."""

from __future__ import annotations

import hashlib
import xml.etree.ElementTree as ElementTree
from datetime import date, datetime
from pathlib import Path

from laborwatch.errors import LaborwatchError


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise LaborwatchError(f"{path}: cannot read ({err.strerror})") from None


def decode(path: Path, data: bytes) -> str:
    """UTF-8, else Windows-1252 (which OFAC and BIS files have used)."""
    data = data.rstrip(b"\x1a")  # OFAC ends its CSV files with a DOS end-of-file byte
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise LaborwatchError(
            f"{path}: not UTF-8 or Windows-1252 text (byte {err.start})"
        ) from None


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
    for node in root.iter():
        if isinstance(node.tag, str) and "}" in node.tag:
            node.tag = node.tag.split("}", 1)[1]
    return root


def iso_date(value: str | None) -> date | None:
    """The date of an ISO 8601 date or timestamp ("2026-02-27T00:00:09.554Z")."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None
