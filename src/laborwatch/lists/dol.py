"""The US Department of Labor's List of Goods Produced by Child Labor or Forced Labor.

Two published forms are read: the Sweat & Toil app's ``goods_*.xml`` (``Goods/Good``
with ``Good_Name`` and ``Countries/Country``: ``Country_Name``, ``Child_Labor``,
``Forced_Labor``, ``Forced_Child_Labor`` as Yes/No, and ``Derived_Country`` for goods
made from such inputs) and the TVPRA list spreadsheet (columns Country, Good, Child
Labor, Forced Labor, marked with X).
"""

from __future__ import annotations

from pathlib import Path

from laborwatch.countries import country_code
from laborwatch.errors import LaborwatchError
from laborwatch.lists.entry import CountryGood, ListSource, LoadedList
from laborwatch.lists.files import checksum, parse_xml, read_bytes

LIST_ID = "us_dol_tvpra"
TITLE = "US DOL List of Goods Produced by Child Labor or Forced Labor"
PUBLISHER = "US Department of Labor, Bureau of International Labor Affairs"


def looks_like_dol_xml(head: bytes) -> bool:
    return b"<Goods>" in head and b"<Good_Name>" in head


def looks_like_dol_xlsx(path: Path, head: bytes) -> bool:
    return path.suffix.lower() == ".xlsx" and head.startswith(b"PK")


def load_dol_xml(path: Path) -> LoadedList:
    data = read_bytes(path)
    root = parse_xml(path, data)
    pairs = []
    for good in root.iter("Good"):
        name = (good.findtext("Good_Name") or "").strip()
        for country in good.iter("Country"):
            code = country_code(country.findtext("Country_Name"))
            if not name or not code:
                continue
            derived = (country.findtext("Derived_Country") or "").strip()
            pairs.append(
                CountryGood(
                    good=name.lower(),
                    country=code,
                    child_labour=_yes(country.findtext("Child_Labor")),
                    forced_labour=_yes(country.findtext("Forced_Labor")),
                    forced_child_labour=_yes(country.findtext("Forced_Child_Labor")),
                    derived_from=country_code(derived)
                    if _yes(country.findtext("Derived_Labor_Exploitation"))
                    else None,
                )
            )
    return _loaded(path, "dol-xml", checksum(data), pairs)


def load_dol_xlsx(path: Path) -> LoadedList:
    import openpyxl

    data = read_bytes(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        # Read-only sheets parse as they are iterated: a broken sheet fails here.
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
    except Exception as err:  # openpyxl raises many kinds for a broken file
        raise LaborwatchError(
            f"{path}: not a readable XLSX workbook ({type(err).__name__})"
        ) from None
    header = [str(cell or "").strip().lower() for cell in (rows[0] if rows else ())]
    needed = ("country", "good", "child labor", "forced labor")
    missing = [column for column in needed if column not in header]
    if missing:
        raise LaborwatchError(f"{path}:1: missing column(s) {', '.join(missing)}")
    index = {column: header.index(column) for column in needed}
    pairs = []
    for number, row in enumerate(rows[1:], start=2):
        if not row or all(cell is None for cell in row):
            continue
        # A sheet's rows need not all be as wide as its header.
        cells = {
            column: row[at] if at < len(row) else None for column, at in index.items()
        }
        code = country_code(str(cells["country"] or ""))
        good = str(cells["good"] or "").strip().lower()
        if not code or not good:
            raise LaborwatchError(f"{path}:{number}: unknown country or empty good")
        pairs.append(
            CountryGood(
                good=good,
                country=code,
                child_labour=_marked(cells["child labor"]),
                forced_labour=_marked(cells["forced labor"]),
            )
        )
    return _loaded(path, "dol-xlsx", checksum(data), pairs)


def _loaded(
    path: Path, list_format: str, digest: str, pairs: list[CountryGood]
) -> LoadedList:
    if not pairs:
        raise LaborwatchError(f"{path}: no goods")
    # Neither form carries its edition's date (the file's time is when it was
    # copied): unknown, unless ``--published`` gives it.
    source = ListSource(LIST_ID, TITLE, list_format, PUBLISHER)
    return source.loaded(None, (str(path),), digest, country_goods=pairs)


def _yes(value: str | None) -> bool:
    return (value or "").strip().lower() == "yes"


def _marked(value: object) -> bool:
    return str(value or "").strip().lower() in ("x", "yes", "true", "1")
